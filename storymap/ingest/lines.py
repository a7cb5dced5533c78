"""Lines of an article: splitting and stripping, site chrome (boilerplate) and repeated lines.

A line is kept as a :class:`Line` (its cleaned text and how it maps to raw offsets). A line is
boilerplate when one of the patterns of ``data/boilerplate.txt`` matches its start ("Skip to
content", "Share on X", "Copyright 2020 ..."); a line equal to the one before it, up to
whitespace and quote styles, is a photo caption printed twice. Both stay in ``Article.text`` but
not in its segments.
"""

from __future__ import annotations

import re

from storymap.model import Segment

from .wordlists import read_list

__all__ = [
    "STRIP",
    "MAX_CHROME_LEN",
    "MAX_TITLE_LEN",
    "META_LINES",
    "Line",
    "iter_lines",
    "strip_span",
    "is_boilerplate",
    "dup_key",
    "title_candidate",
]

# Characters stripped from both ends of a line: every str.isspace() character plus invisible
# format characters (zero-width space/joiners, word joiner, BOM).
STRIP = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
    + "\u200b\u200c\u200d\u2060\ufeff"
)

# The same line breaks as str.splitlines().
_NEWLINE_RE = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

#: Lines longer than this are never boilerplate, titles or metadata.
MAX_CHROME_LEN = 300
MAX_TITLE_LEN = 200
#: Date metadata is looked for among the first this many non-empty lines.
META_LINES = 12

_SOCIAL_NAMES = "|".join(read_list("social_sites.txt"))
_SOCIAL = "(?:" + _SOCIAL_NAMES + ")"
_SHARE_WORD = "(?:" + "|".join(read_list("share_words.txt")) + "|" + _SOCIAL_NAMES + ")"


def _boilerplate_pattern(line: str) -> str:
    """A line of boilerplate.txt with its word-list placeholders filled in."""
    return line.replace("{SOCIAL_NAMES}", _SOCIAL_NAMES).replace("{SOCIAL}", _SOCIAL).replace("{SHARE_WORD}", _SHARE_WORD)


# Matched case-insensitively at the start of a stripped line of at most MAX_CHROME_LEN characters.
_BOILERPLATE_RE = re.compile(
    "|".join(rf"(?:{_boilerplate_pattern(p)})" for p in read_list("boilerplate.txt")),
    re.IGNORECASE,
)

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
    }
)


def is_boilerplate(line: str) -> bool:
    """True when a stripped line is site chrome rather than article text."""
    return len(line) <= MAX_CHROME_LEN and _BOILERPLATE_RE.match(line) is not None


def dup_key(line: str) -> str:
    """A line's identity for duplicate detection: whitespace collapsed, quotes straightened."""
    return " ".join(line.translate(_QUOTES).split())


def title_candidate(line: str) -> str | None:
    """The stripped line when it could be a headline: short, not ending like a sentence or a list."""
    line = line.strip(STRIP)
    if line and len(line) < MAX_TITLE_LEN and not line.endswith((".", ",", ";", ":")):
        return line
    return None


def iter_lines(text: str):
    """Yield ``(start, end)`` of each line of ``text``, line break excluded."""
    pos = 0
    for m in _NEWLINE_RE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    """``(a, b)`` narrowed past :data:`STRIP` characters at both ends (``(b, b)`` when none is left)."""
    piece = text[a:b]
    left = len(piece) - len(piece.lstrip(STRIP))
    if left == len(piece):
        return b, b
    right = len(piece) - len(piece.rstrip(STRIP))
    return a + left, b - right


class Line:
    """A candidate body line: its cleaned text and how it maps to raw offsets."""

    __slots__ = ("start", "text", "offsets", "heading")

    def __init__(self, start: int, text: str, offsets: tuple[int, ...] | None = None, heading: int = 0):
        self.start = start
        self.text = text
        self.offsets = offsets
        self.heading = heading  # Markdown heading level, 0 for none

    def segment(self) -> Segment:
        return Segment(self.start, self.text, self.offsets)
