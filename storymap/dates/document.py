"""The article's own date (its document creation time, DCT): from metadata, a "date:" line, a
dateline or the first full date in the text."""

from __future__ import annotations

import datetime as dt
import re

from .calendar import safe_date
from .find import find_timexes

__all__ = ["article_date"]


_DATE_LINE = re.compile(r"(?im)^\W*(?:date|published|posted|updated|dateline)\s*[:=]?\s*(?P<d>\d{4}-\d{2}-\d{2})\b")
_ANY_ISO = re.compile(r"\b(?P<d>(?:19|20)\d\d-[01]\d-[0-3]\d)\b")


def article_date(text: str, meta_date: str | None = None) -> dt.date | None:
    """The document creation time: ``meta_date`` (ISO) when given and valid, else a
    "date 2020-01-02" line, a dateline ("WASHINGTON, Jan. 2, 2020 —") or the first full date in the
    first lines of the text."""
    if meta_date:
        mm = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", meta_date)
        if mm:
            d = safe_date(int(mm[1]), int(mm[2]), int(mm[3]))
            if d:
                return d
    if not text:
        return None
    head = text[:3000]
    m = _DATE_LINE.search(head)
    if m:
        d = _parse_iso(m["d"])
        if d:
            return d
    m = re.search(r"(?i)\bdate\s*[:=]?\s*(?P<d>\d{4}-\d{2}-\d{2})\b", head)
    if m:
        d = _parse_iso(m["d"])
        if d:
            return d
    for t in find_timexes(head, None):
        if t.type in ("DATE", "TIME") and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", t.value):
            d = _parse_iso(t.value[:10])
            if d:
                return d
    return None


def _parse_iso(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        return None
