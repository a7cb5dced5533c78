"""The visible text of an HTML page with the raw offset of every character.

:class:`VisibleText` is an :mod:`html.parser` pass that keeps what a reader sees (script, style,
head and the like skipped), marks site chrome (``nav``, ``footer``, ARIA landmark roles, classes
such as ``share-bar`` from ``data/html_chrome_classes.txt``) and collects the page's metadata
(``<meta>``, ``<title>``, the first ``<h1>``, ``<time datetime>``, JSON-LD). :func:`html_segment`
turns a range of that text into a :class:`~storymap.model.Segment` that maps back to the source.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from html.parser import HTMLParser

from storymap.model import Segment

from .lines import STRIP
from .wordlists import alternation, read_list

__all__ = ["VisibleText", "html_segment", "WS_RUN_RE"]

# How the parser treats elements. These are HTML's own element classes (void, raw text, head-only,
# block boundaries, what closes a <p>), part of the parser rather than a word list.
_VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen frame basefont isindex".split()
)
_SKIP = frozenset(
    "script style noscript template head title svg math iframe object select textarea canvas audio video".split()
)
_HEAD_CONTENT = frozenset("title meta link script style base noscript template".split())
_CHROME = frozenset("nav header footer aside".split())
_CAPTURE = frozenset("p h1 h2 h3 h4 h5 h6 li blockquote".split())
_BOUNDARY = (
    _CAPTURE
    | _CHROME
    | _SKIP
    | frozenset(
        "br div td th tr table thead tbody tfoot ul ol dl dt dd section article main figure figcaption pre hr "
        "form address details summary body html caption fieldset legend center".split()
    )
)
_CLOSES_P = frozenset(
    "p div h1 h2 h3 h4 h5 h6 ul ol dl li blockquote table section article main figure pre hr form "
    "header footer nav aside address details fieldset".split()
)

_CHARREF_RE = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);?")
_ENTITYREF_RE = re.compile(r"&[a-zA-Z][-.a-zA-Z0-9]*;?")
_WS_DELETE = {ord(c): None for c in STRIP}
WS_RUN_RE = re.compile(r"\s*")
_WS_SPAN_RE = re.compile(r"\s+")
_ODD_WS_RE = re.compile(r"[^\S ]|  ")


_CHROME_ATTR_RE = re.compile(
    r"(?:^|[\s_-])" + alternation("html_chrome_classes.txt") + r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_ROLES = frozenset(read_list("html_chrome_roles.txt"))


def _is_chrome_element(attrs: list[tuple[str, str | None]]) -> bool:
    """Site chrome by ARIA role or by a class/id such as ``comments``, ``share-bar``, ``sidebar``."""
    for key, value in attrs:
        if not value:
            continue
        if key == "role" and value.strip().lower() in _CHROME_ROLES:
            return True
        if key in ("class", "id") and len(value) < 500 and _CHROME_ATTR_RE.search(value):
            return True
    return False


class VisibleText(HTMLParser):
    """Collect the visible text of an HTML document with the raw offset of every character.

    The text (``stream``) is stored as chunks: a data chunk maps its characters one to one onto the
    raw source, an entity chunk maps all its characters to the raw offset of its ``&``.
    """

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._parts: list[str] = []
        self.length = 0
        # chunk tables: stream start, raw start, raw end, is-entity
        self.chunk_stream: list[int] = []
        self.chunk_raw: list[int] = []
        self.chunk_raw_end: list[int] = []
        self.chunk_entity: list[bool] = []
        self._stack: list[str] = []
        self._stack_chrome: list[bool] = []
        self._counts: dict[str, int] = {}
        self.script_ranges: list[tuple[int, int]] = []  # raw spans of script/style contents
        self._skip = self._chrome = self._capture = 0
        self.ranges: list[tuple[int, int]] = []  # fallback: text of p/h1-6/li/blockquote outside chrome
        self._range_start: int | None = None
        self.meta: dict[str, str] = {}
        self.title_parts: list[str] | None = None
        self.title: str | None = None
        self._h1_parts: list[str] | None = None
        self.h1: str | None = None
        self.time_datetime: str | None = None
        self._ld_parts: list[str] | None = None
        self.ld_json: list[str] = []
        self.links: dict[str, str] = {}  # <link rel=...> -> href, first of each rel
        # Pictures of the body: {"src", "alt", "offset" (raw), "caption", "credit"}; a <figure>'s
        # <figcaption> text is its pictures' caption (and stays out of the article's text).
        self.images: list[dict] = []
        self._figures: list[int] = []  # index into images where each open <figure> starts
        self._caption_parts: list[str] | None = None
        self.caption_texts: list[str] = []

    # -- positions ---------------------------------------------------------------------------------
    def _abs(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    @property
    def stream(self) -> str:
        if len(self._parts) != 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0]

    # -- element stack -----------------------------------------------------------------------------
    def _push(self, tag: str, chrome: bool) -> None:
        self._stack.append(tag)
        self._stack_chrome.append(chrome)
        self._counts[tag] = self._counts.get(tag, 0) + 1
        self._skip += tag in _SKIP
        self._chrome += chrome
        self._capture += tag in _CAPTURE

    def _pop_to(self, tag: str) -> None:
        if not self._counts.get(tag):
            return
        while self._stack:
            top = self._stack.pop()
            self._counts[top] -= 1
            self._skip -= top in _SKIP
            self._chrome -= self._stack_chrome.pop()
            self._capture -= top in _CAPTURE
            self._closed(top)
            if top == tag:
                return

    def _closed(self, tag: str) -> None:
        if tag == "figcaption" and self._caption_parts is not None:
            text = " ".join("".join(self._caption_parts).split())
            self._caption_parts = None
            if text:
                self.caption_texts.append(text)
                first = self._figures[-1] if self._figures else len(self.images) - 1
                for img in self.images[max(first, 0):]:
                    img["caption"] = img["caption"] or text
        elif tag == "figure" and self._figures:
            self._figures.pop()
        if tag == "title" and self.title_parts is not None:
            self.title = self.title or " ".join("".join(self.title_parts).split()) or None
            self.title_parts = None
        elif tag == "h1" and self._h1_parts is not None:
            self.h1 = " ".join("".join(self._h1_parts).split()) or None
            self._h1_parts = None
        elif tag == "script" and self._ld_parts is not None:
            self.ld_json.append("".join(self._ld_parts))
            self._ld_parts = None

    def _break(self) -> None:
        if self._range_start is not None:
            if self.length > self._range_start:
                self.ranges.append((self._range_start, self.length))
            self._range_start = None
        if self._capture and not self._chrome and not self._skip:
            self._range_start = self.length

    # -- parser callbacks --------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if "head" in self._counts and self._counts["head"] and tag not in _HEAD_CONTENT:
            self._pop_to("head")  # body content implicitly closes <head>
        if tag == "body":
            self._pop_to("head")
        if tag in _CLOSES_P and self._stack and self._stack[-1] == "p":
            self._pop_to("p")
        if tag == "meta":
            self._meta(attrs)
        elif tag == "img" and not self._chrome and not self._skip:
            d = {k.lower(): (v or "").strip() for k, v in attrs}
            src = d.get("src") or d.get("data-src") or ""
            if src and not src.lower().startswith("data:"):
                self.images.append({"src": src, "alt": " ".join(d.get("alt", "").split()), "offset": self._abs(),
                                    "caption": "", "credit": ""})
        elif tag == "figure":
            self._figures.append(len(self.images))
        elif tag == "figcaption" and self._caption_parts is None:
            self._caption_parts = []
        elif tag == "link":
            d = {k.lower(): (v or "").strip() for k, v in attrs}
            for rel in d.get("rel", "").lower().split():
                if d.get("href"):
                    self.links.setdefault(rel, d["href"])
        elif tag == "time" and self.time_datetime is None:
            value = dict(attrs).get("datetime")
            if value:
                self.time_datetime = value
        chrome = tag in _CHROME or _is_chrome_element(attrs)
        if tag not in _VOID:
            self._push(tag, chrome)
            if tag == "title" and self.title is None and self.title_parts is None:
                self.title_parts = []
            elif tag == "h1" and self.h1 is None and self._h1_parts is None and not self._skip:
                self._h1_parts = []
            elif tag == "script" and (dict(attrs).get("type") or "").lower() == "application/ld+json":
                self._ld_parts = []
        if tag in _BOUNDARY or chrome:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        chrome = self._chrome
        self._pop_to(tag)
        if tag in _BOUNDARY or chrome != self._chrome:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._skip:
            if self._stack and self._stack[-1] in ("script", "style"):
                start = self._abs()
                self.script_ranges.append((start, start + len(data)))
            if self.title_parts is not None:
                self.title_parts.append(data)
            if self._ld_parts is not None:
                self._ld_parts.append(data)
            return
        if self._h1_parts is not None:
            self._h1_parts.append(data)
        if self._caption_parts is not None:
            self._caption_parts.append(data)
        start = self._abs()
        if data.translate(_WS_DELETE).isprintable():
            self._add(data, start, start + len(data), False)
            return
        # Drop invisible characters (as trafilatura does), keeping the rest mapped one to one.
        run_start = None
        for i, ch in enumerate(data):
            keep = ch.isprintable() or ch.isspace()
            if keep and run_start is None:
                run_start = i
            elif not keep and run_start is not None:
                self._add(data[run_start:i], start + run_start, start + i, False)
                run_start = None
        if run_start is not None:
            self._add(data[run_start:], start + run_start, start + len(data), False)

    def _reference(self, regex: re.Pattern) -> None:
        start = self._abs()
        m = regex.match(self.source, start)
        end = m.end() if m else start + 1
        raw = self.source[start:end]
        decoded = html.unescape(raw)
        if self._skip:
            if self.title_parts is not None:
                self.title_parts.append(decoded)
            return
        if self._h1_parts is not None:
            self._h1_parts.append(decoded)
        if decoded == raw:  # not a known entity: literal text
            self._add(raw, start, end, False)
            return
        # Legacy entities without ";" decode a prefix only ("&copy2020" -> "©2020"): the undecoded
        # tail keeps its own offsets.
        common = 0
        while common < len(decoded) - 1 and decoded[-1 - common] == raw[-1 - common]:
            common += 1
        head = decoded[: len(decoded) - common]
        head = "".join(ch for ch in head if ch.isprintable() or ch.isspace())
        if head:
            self._add(head, start, end - common, True)
        if common:
            self._add(raw[len(raw) - common :], end - common, end, False)

    def handle_entityref(self, name: str) -> None:
        self._reference(_ENTITYREF_RE)

    def handle_charref(self, name: str) -> None:
        self._reference(_CHARREF_RE)

    def _add(self, text: str, raw_start: int, raw_end: int, entity: bool) -> None:
        if not text:
            return
        self.chunk_stream.append(self.length)
        self.chunk_raw.append(raw_start)
        self.chunk_raw_end.append(raw_end)
        self.chunk_entity.append(entity)
        self._parts.append(text)
        self.length += len(text)

    def _meta(self, attrs: list[tuple[str, str | None]]) -> None:
        d = {k.lower(): (v or "") for k, v in attrs}
        content = d.get("content", "").strip()
        if not content:
            return
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = d.get(key, "").strip().lower()
            if name and name not in self.meta:
                self.meta[name] = content

    def close(self) -> None:
        super().close()
        self._break()
        self._range_start = None

    # -- mapping -----------------------------------------------------------------------------------
    def raw_offsets(self, s0: int, s1: int) -> list[int]:
        """Raw offsets of stream characters ``s0 .. s1-1``."""
        out: list[int] = []
        k = bisect_right(self.chunk_stream, s0) - 1
        pos = s0
        while pos < s1:
            cs = self.chunk_stream[k]
            clen = (self.chunk_stream[k + 1] if k + 1 < len(self.chunk_stream) else self.length) - cs
            stop = min(s1, cs + clen)
            if self.chunk_entity[k]:
                out.extend([self.chunk_raw[k]] * (stop - pos))
            else:
                base = self.chunk_raw[k] - cs
                out.extend(range(base + pos, base + stop))
            pos = stop
            k += 1
        return out

    def raw_end(self, s: int) -> int:
        """Raw offset just past stream character ``s``."""
        k = bisect_right(self.chunk_stream, s) - 1
        if self.chunk_entity[k]:
            return self.chunk_raw_end[k]
        return self.chunk_raw[k] + (s - self.chunk_stream[k]) + 1


def html_segment(parser: VisibleText, s0: int, s1: int) -> Segment | None:
    """A segment from the stream range ``s0:s1``: whitespace runs collapsed to one space (mapped
    to a raw space when the run has one), every character keeping its raw offset."""
    stream, source = parser.stream, parser.source
    m = WS_RUN_RE.match(stream, s0, s1)
    s0 = m.end()
    while s1 > s0 and stream[s1 - 1].isspace():
        s1 -= 1
    if s0 >= s1:
        return None
    text = stream[s0:s1]
    offsets = parser.raw_offsets(s0, s1)
    if _ODD_WS_RE.search(text):
        parts: list[str] = []
        offs: list[int] = []
        pos = 0
        for m in _WS_SPAN_RE.finditer(text):
            a, b = m.span()
            parts.append(text[pos:a])
            offs.extend(offsets[pos:a])
            parts.append(" ")
            offs.append(next((offsets[i] for i in range(a, b) if source[offsets[i]] == " "), offsets[a]))
            pos = b
        parts.append(text[pos:])
        offs.extend(offsets[pos:])
        text, offsets = "".join(parts), offs
    offsets.append(parser.raw_end(s1 - 1))
    start = offsets[0]
    if offsets[-1] - start == len(text) and source.startswith(text, start):
        return Segment(start, text)
    return Segment(start, text, tuple(offsets))
