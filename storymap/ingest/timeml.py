"""TimeML (``.tml``): the news text inside ``<TEXT>`` without its annotation tags; the ``<DCT>`` as date.

Every character keeps its raw offset (a decoded entity's characters map to its ``&``), one segment
per paragraph, so a benchmark can compare found spans with the corpus's own TIMEX3 offsets.
"""

from __future__ import annotations

import html
import re

from storymap.model import Article

from .article import assemble
from .lines import Line

__all__ = ["parse_timeml"]

_TML_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S | re.I)
_TML_DCT = re.compile(r"<DCT\b[^>]*>\s*<TIMEX3\b[^>]*\bvalue=\"(\d{4}-\d{2}-\d{2})", re.I)
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def parse_timeml(source: str, path: str) -> Article:
    """The text of a TimeML document without its annotation tags, each character mapped to its raw
    offset (an entity's characters to its ``&``), one segment per paragraph; the DCT as its date."""
    m = _TML_TEXT.search(source)
    start, end = (m.start(1), m.end(1)) if m else (0, len(source))
    chars: list[str] = []
    offs: list[int] = []
    pos = start
    for t in _TAG_OR_ENTITY.finditer(source, start, end):
        chars.extend(source[pos:t.start()])
        offs.extend(range(pos, t.start()))
        if t.group().startswith("&"):
            decoded = html.unescape(t.group())
            chars.extend(decoded)
            offs.extend([t.start()] * len(decoded))
        pos = t.end()
    chars.extend(source[pos:end])
    offs.extend(range(pos, end))
    stream = "".join(chars)
    lines = []
    for para in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", stream, re.S):
        a, b = para.start(), para.end()
        lines.append(Line(offs[a], stream[a:b], tuple(offs[a:b]) + (offs[b - 1] + 1,)))
    dct = _TML_DCT.search(source)
    return assemble(path, source, "tml", lines, date=dct.group(1) if dct else None, title_from_first_line=False)
