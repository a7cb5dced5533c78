"""From candidate lines to an :class:`~storymap.model.Article`, and the plain-text reader.

:func:`assemble` is the last step of every format: date metadata lines near the top give the
date, boilerplate and repeated lines are dropped, the first content line may be the title.
"""

from __future__ import annotations

from storymap.model import Article, Segment

from .lines import META_LINES, Line, dup_key, is_boilerplate, iter_lines, strip_span, title_candidate
from .pubdate import metadata_date

__all__ = ["assemble", "parse_plain"]


def assemble(
    path: str,
    text: str,
    fmt: str,
    lines: list[Line],
    title: str | None = None,
    date: str | None = None,
    title_from_first_line: bool = True,
    outlet: str | None = None,
    url: str | None = None,
    byline: str | None = None,
    pictures: tuple = (),
) -> Article:
    """Drop metadata, boilerplate and repeated lines; pick a title; build the Article."""
    segments: list[Segment] = []
    prev_key: str | None = None
    update_date: str | None = None
    first_content = True
    for index, line in enumerate(lines):
        key = dup_key(line.text)
        if not key:
            continue
        is_repeat = key == prev_key
        prev_key = key
        if index < META_LINES:
            meta = metadata_date(line.text)
            if meta is not None:
                iso, is_update = meta
                if is_update:
                    update_date = update_date or iso
                else:
                    date = date or iso
                continue
        if is_repeat or is_boilerplate(line.text):
            continue
        if first_content:
            first_content = False
            if title is None and title_from_first_line:
                title = title_candidate(line.text)
        segments.append(line.segment())
    return Article(
        path=path,
        text=text,
        segments=tuple(segments),
        format=fmt,
        title=title,
        date=date or update_date,
        outlet=outlet,
        url=url,
        byline=byline,
        pictures=tuple(pictures),
    )


def parse_plain(text: str, path: str) -> Article:
    """Plain text: one candidate line per non-empty line, each a verbatim slice of ``text``."""
    lines = []
    for a, b in iter_lines(text):
        a, b = strip_span(text, a, b)
        if a < b:
            lines.append(Line(a, text[a:b]))
    return assemble(path, text, "txt", lines)
