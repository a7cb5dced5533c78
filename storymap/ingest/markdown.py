"""Markdown: block markers skipped, inline markup dropped through each segment's ``offsets``.

Headings, quotes and list items become lines that start after their markers (``#``, ``>``,
bullets); emphasis, links, code spans, footnote marks and inline tags are removed from the text
while every kept character keeps its raw offset. Fenced code, comments, rules, table separator
rows and link definitions are skipped. The title is the front matter's, else the first level-one
heading; the date is the front matter's, else a date line near the top.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain

from storymap.model import Article
from storymap.urls import http_url

from .article import assemble
from .lines import STRIP, Line, iter_lines, strip_span
from .pubdate import parse_date

__all__ = ["parse_markdown"]

_MD_FENCE_RE = re.compile(r"[ \t]{0,3}(`{3,}|~{3,})")
_MD_HR_RE = re.compile(r"[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$")
_MD_SETEXT_RE = re.compile(r"[ \t]{0,3}(=+|-+)[ \t]*$")
_MD_TABLE_SEP_RE = re.compile(r"[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$")
_MD_LINKREF_RE = re.compile(r"[ \t]{0,3}\[[^\[\]]{1,999}\]:[ \t]*\S")
_MD_CONTAINER_RE = re.compile(r"[ \t]{0,3}(?:>[ \t]?|(?:[-*+\u2022]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)")
_MD_HEADING_RE = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_MD_CLOSING_HASHES_RE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_MD_SPECIAL_RE = re.compile(r"[\\`*_\[\]<~!]")
_MD_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_MD_CODE_RE = re.compile(r"`([^`]+)`")
_MD_TAG_RE = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?)>")
_MD_LINK_RE = re.compile(r"!?\[([^\[\]]*)\]\([ \t]*[^()\s]*(?:[ \t]+(?:\"[^\"\n]{0,300}\"|'[^'\n]{0,300}'))?[ \t]*\)")
_MD_REFLINK_RE = re.compile(r"!?\[([^\[\]]+)\]\[[^\[\]]*\]")
_MD_FOOTNOTE_RE = re.compile(r"\[\^[^\[\]\s]+\]")
_MD_STRIKE_RE = re.compile(r"~~(?=\S)[^~]+~~")
_MD_DELIM_RE = re.compile(r"\*+|_+")
_KEPT_RE = re.compile(rb"[^\x01]+")

_REMOVED, _PROTECTED = 1, 2
_REMOVED_ONLY = bytes([0, 1, 0]) + bytes(253)  # mask byte -> 1 if removed else 0


def _is_punct(ch: str) -> bool:
    return ch == "\x01" or unicodedata.category(ch)[0] in "PS"


def _mark(mask: bytearray, a: int, b: int, value: int) -> None:
    mask[a:b] = bytes([value]) * (b - a)


def _md_inline_mask(s: str) -> bytearray | None:
    """Mark the inline Markdown syntax characters of ``s`` to drop; ``None`` when there are none."""
    if not _MD_SPECIAL_RE.search(s):
        return None
    mask = bytearray(len(s))
    for m in _MD_ESCAPE_RE.finditer(s):
        if mask[m.start()] == 0:
            mask[m.start()] = _REMOVED
            mask[m.start() + 1] = _PROTECTED
    for m in _MD_CODE_RE.finditer(s):
        if mask[m.start()] == 0 and mask[m.end() - 1] == 0:
            mask[m.start()] = mask[m.end() - 1] = _REMOVED
            _mark(mask, m.start() + 1, m.end() - 1, _PROTECTED)
    i = s.find("<!--")
    while i >= 0:
        j = s.find("-->", i + 4)
        if j < 0:
            break
        if mask[i] == 0:
            _mark(mask, i, j + 3, _REMOVED)
        i = s.find("<!--", j + 3)
    for m in _MD_TAG_RE.finditer(s):
        if not any(mask[m.start() : m.end()]):
            _mark(mask, m.start(), m.end(), _REMOVED)
    for m in _MD_FOOTNOTE_RE.finditer(s):
        if mask[m.start()] == 0:
            _mark(mask, m.start(), m.end(), _REMOVED)
    for regex in (_MD_LINK_RE, _MD_REFLINK_RE):
        for m in regex.finditer(s):
            if mask[m.start()] != 0 or mask[m.end() - 1] != 0:
                continue
            _mark(mask, m.start(), m.start(1), _REMOVED)  # "![" or "["
            _mark(mask, m.end(1), m.end(), _REMOVED)  # "](url)" or "][ref]"
    for m in _MD_STRIKE_RE.finditer(s):
        if mask[m.start()] == 0:
            _mark(mask, m.start(), m.start() + 2, _REMOVED)
            _mark(mask, m.end() - 2, m.end(), _REMOVED)
    if "*" in s or "_" in s:
        _md_emphasis(s, mask)
    return mask if _REMOVED in mask else None


def _md_emphasis(s: str, mask: bytearray) -> None:
    """Drop paired ``*``/``_`` emphasis delimiters (a simplified, linear CommonMark pass)."""
    stacks: dict[str, list[list[int]]] = {"*": [], "_": []}
    n = len(s)
    for m in _MD_DELIM_RE.finditer(s):
        a, b = m.span()
        # Only the unmasked part of a run counts as a delimiter run.
        while a < b and mask[a] != 0:
            a += 1
        if a >= b or any(mask[a:b]):
            continue
        ch = s[a]
        before = "\x01" if a > 0 and mask[a - 1] else (s[a - 1] if a > 0 else " ")
        after = "\x01" if b < n and mask[b] else (s[b] if b < n else " ")
        b_space, a_space = before.isspace(), after.isspace()
        left = not a_space and (not _is_punct(after) or b_space or _is_punct(before))
        right = not b_space and (not _is_punct(before) or a_space or _is_punct(after))
        if ch == "_":
            can_open = left and (not right or _is_punct(before))
            can_close = right and (not left or _is_punct(after))
        else:
            can_open, can_close = left, right
        length = b - a
        stack = stacks[ch]
        if can_close and stack:
            opener = stack.pop()
            k = min(opener[1], length, 3)
            o_end = opener[0] + opener[1]
            _mark(mask, o_end - k, o_end, _REMOVED)
            _mark(mask, a, a + k, _REMOVED)
            continue
        if can_open:
            stack.append([a, length])


def _md_line(text: str, a: int, b: int, heading: int) -> Line | None:
    """Clean the content ``text[a:b]`` of a Markdown line into a Line (or None if empty)."""
    s = text[a:b]
    mask = _md_inline_mask(s)
    if mask is None:
        a2, b2 = strip_span(text, a, b)
        return Line(a2, text[a2:b2], None, heading) if a2 < b2 else None
    kept = [(m.start(), m.end()) for m in _KEPT_RE.finditer(bytes(mask).translate(_REMOVED_ONLY))]
    if not kept:
        return None
    if len(kept) == 1:
        a2, b2 = strip_span(text, a + kept[0][0], a + kept[0][1])
        return Line(a2, text[a2:b2], None, heading) if a2 < b2 else None
    clean = "".join(s[x:y] for x, y in kept)
    lead = len(clean) - len(clean.lstrip(STRIP))
    if lead == len(clean):
        return None
    trail = len(clean) - len(clean.rstrip(STRIP))
    offsets = list(chain.from_iterable(range(a + x, a + y) for x, y in kept))
    end_offset = offsets[len(offsets) - trail - 1] + 1
    # Markup removed just before a space or punctuation ("*ends* in", "[Embassy](url).") is
    # absorbed by that character: it maps to the start of the removed run, the way a decoded HTML
    # entity maps to its "&". A word's raw span then covers the word and not its closing markup.
    pos = 0
    for (x, y), (prev_x, prev_y) in zip(kept[1:], kept):
        pos += prev_y - prev_x
        if s[x].isspace() or _is_punct(s[x]):
            offsets[pos] = a + prev_y
    offsets = offsets[lead : len(offsets) - trail]
    clean = clean[lead : len(clean) - trail]
    if end_offset - offsets[0] == len(clean):  # no gap left after stripping: a verbatim slice
        return Line(offsets[0], clean, None, heading)
    offsets.append(end_offset)
    return Line(offsets[0], clean, tuple(offsets), heading)


#: Front matter keys and the Article field each fills (the first key present wins).
_FRONT_KEYS = {
    "title": "title", "date": "date", "published": "date", "pubdate": "date",
    "source": "outlet", "outlet": "outlet", "publisher": "outlet", "site_name": "outlet",
    "url": "url", "canonical_url": "url", "canonical": "url", "link": "url",
    "author": "byline", "byline": "byline", "authors": "byline",
}
_FRONT_RE = re.compile(r"\s*(" + "|".join(_FRONT_KEYS) + r")\s*:\s*(.*?)\s*$", re.IGNORECASE)


def _front_matter(text: str, spans: list[tuple[int, int]]) -> tuple[int, dict[str, str]]:
    """Parse a leading ``---`` YAML front matter block: (lines consumed, fields), where fields has
    the keys ``title``, ``date`` (ISO), ``outlet``, ``url`` (http(s) only) and ``byline`` it found."""
    if not spans or text[spans[0][0] : spans[0][1]].strip() != "---":
        return 0, {}
    found: dict[str, str] = {}
    for i in range(1, min(len(spans), 200)):
        line = text[spans[i][0] : spans[i][1]]
        if line.strip() in ("---", "..."):
            return i + 1, found
        m = _FRONT_RE.match(line)
        if m:
            field, value = _FRONT_KEYS[m[1].lower()], m[2].strip("'\"").strip()
            if field == "date":
                value = parse_date(value) or ""
            elif field == "url" and not http_url(value):
                value = ""
            if value and field not in found:
                found[field] = value
    return 0, {}


def _content_span(text: str, a: int, b: int) -> tuple[int, int, int]:
    """``(start, end, heading level)`` of a line's content: after its block markers (blockquote
    ``>``, list bullets, then at most one ATX heading marker) and before a heading's closing ``#``s."""
    pos = a
    heading = 0
    while True:
        m = _MD_CONTAINER_RE.match(text, pos, b)
        if m and m.end() > pos:
            pos = m.end()
            continue
        m = _MD_HEADING_RE.match(text, pos, b)
        if m and not heading:
            heading = len(m[1])
            pos = m.end()
            continue
        break
    end = b
    if heading:
        m = _MD_CLOSING_HASHES_RE.search(text, pos, b)
        if m:
            end = m.start()
    return pos, end, heading


def parse_markdown(text: str, path: str) -> Article:
    """A Markdown document as an :class:`Article` (see the module docstring for what is kept)."""
    spans = list(iter_lines(text))
    first, front = _front_matter(text, spans)
    title, date = front.get("title"), front.get("date")
    lines: list[Line] = []
    fence: str | None = None
    in_comment = False
    h1_title: str | None = None
    for i in range(first, len(spans)):
        a, b = spans[i]
        raw = text[a:b]
        if fence is not None:
            if raw.strip().startswith(fence):
                fence = None
            continue
        if in_comment:
            in_comment = "-->" not in raw
            continue
        m = _MD_FENCE_RE.match(raw)
        if m:
            fence = m[1][0] * 3
            continue
        stripped = raw.strip(STRIP)
        if not stripped:
            continue
        if stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
            continue
        if _MD_HR_RE.match(raw) or _MD_TABLE_SEP_RE.match(raw) or _MD_LINKREF_RE.match(raw):
            continue
        if _MD_SETEXT_RE.match(raw):
            # The underline of a setext heading: the previous line, if any, was the heading.
            if raw.strip()[0] == "=" and lines and lines[-1].heading == 0 and h1_title is None:
                prev_a = spans[i - 1]
                if lines[-1].start >= prev_a[0]:
                    lines[-1].heading = 1
                    h1_title = lines[-1].text
            continue
        line = _md_line(text, *_content_span(text, a, b))
        if line is None:
            continue
        if line.heading == 1 and h1_title is None:
            h1_title = line.text
        lines.append(line)
    title = title or h1_title
    return assemble(path, text, "md", lines, title=title, date=date,
                    outlet=front.get("outlet"), url=front.get("url"), byline=front.get("byline"))
