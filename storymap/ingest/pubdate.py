"""An article's own date from its metadata: "Published: January 2, 2020" lines and date strings.

:func:`metadata_date` tells whether a line near the top is a date line (a key from
``data/date_keys.txt`` and a date, or nothing but a date and a time); :func:`parse_date` turns
a date string from a ``<meta>`` tag or front matter into ``YYYY-MM-DD``. Month names come from
the project's one month table, :mod:`storymap.calendar`.
"""

from __future__ import annotations

import re
from datetime import date as _date

from storymap.calendar import MONTH_PREFIXES, MONTH_SPELLINGS

from .lines import MAX_CHROME_LEN
from .wordlists import read_list

__all__ = ["parse_date", "metadata_date"]

# Every spelling of a month, longest first; matched case-insensitively and followed by an optional
# dot, so "Sept." and "september" both count.
_MONTH_NAMES = "(?:" + "|".join(sorted((s.lower() for s in MONTH_SPELLINGS), key=len, reverse=True)) + ")"
# A weekday before a date ("Tuesday, ", "Thurs. "): a short spelling pattern rather than a word
# list, so the many ways sites abbreviate a weekday all count.
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)"
_DATE_BODY = (
    rf"(?:{_WEEKDAY}?"
    r"(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})(?!\d)"
    rf"|(?P<mon2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})(?!\d)"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon3>{_MONTH_NAMES})\.?,?\s+(?P<y3>\d{{4}})(?!\d)))"
)
_DATE_RE = re.compile(_DATE_BODY, re.IGNORECASE)
_DATE_KEYS = "|".join(read_list("date_keys.txt"))
# "date 2020-01-02 advertisement", "Date: 2020-01-02", "Published: January 2, 2020 10:15 AM", ...
_DATE_LINE_RE = re.compile(
    r"(?P<key>" + _DATE_KEYS + r")\s*[:\-\u2013\u2014|]?\s*(?:on\s+)?" + _DATE_BODY,
    re.IGNORECASE,
)
# A line that is nothing but a date (optionally with a time): "January 2, 2020 | 10:15 AM".
_BARE_DATE_LINE_RE = re.compile(
    _DATE_BODY + r"(?:\s*(?:[|,\u2022\u00b7-]|at)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?\s*$",
    re.IGNORECASE,
)


def _date_from_match(m: re.Match) -> str | None:
    g = m.groupdict()
    try:
        if g.get("y1"):
            y, mo, d = int(g["y1"]), int(g["m1"]), int(g["d1"])
        elif g.get("y2"):
            y, mo, d = int(g["y2"]), MONTH_PREFIXES[g["mon2"].lower()[:3]], int(g["d2"])
        elif g.get("y3"):
            y, mo, d = int(g["y3"]), MONTH_PREFIXES[g["mon3"].lower()[:3]], int(g["d3"])
        else:
            return None
        if not 1800 <= y <= 2200:
            return None
        return _date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


def parse_date(value: str) -> str | None:
    """Normalise a date string (ISO timestamp, "January 2, 2020", "2 Jan 2020") to YYYY-MM-DD."""
    value = value.strip()
    m = re.match(r"(\d{4})(\d{2})(\d{2})(?:\D|$)", value)
    if m:
        try:
            return _date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    m = _DATE_RE.search(value[:200])
    return _date_from_match(m) if m else None


def metadata_date(line: str) -> tuple[str | None, bool] | None:
    """If ``line`` is a date metadata line, return ``(iso_date, is_update)``; else ``None``."""
    if len(line) > MAX_CHROME_LEN:
        return None
    m = _DATE_LINE_RE.match(line)
    if m:
        return _date_from_match(m), m["key"].lower().startswith(("updated", "last", "modified"))
    m = _BARE_DATE_LINE_RE.match(line)
    if m:
        return _date_from_match(m), False
    return None
