"""HTML: trafilatura decides what the article body is; its lines are then traced to the page source.

Each line trafilatura extracts is located in the visible text of the page
(:class:`~storymap.ingest.visible.VisibleText`, which keeps every character's raw offset, an
entity's characters mapping to its ``&``); a line that cannot be found is dropped, since it could
not be traced. When trafilatura finds nothing, the paragraphs, headings, list items and quotes
outside site chrome are used. The title and date come from the page's metadata: the ``<meta>``
keys of ``data/html_title_meta.txt`` and ``data/html_date_meta.txt``, then ``<title>`` or the first
``<h1>``, JSON-LD ``datePublished`` and ``<time datetime>``. Who published it comes from the same
places (:func:`page_source`): the outlet from ``data/html_outlet_meta.txt`` or JSON-LD's
``publisher``, the address from ``<link rel="canonical">`` or ``data/html_url_meta.txt``, the byline
from ``data/html_byline_meta.txt`` or JSON-LD's ``author``.
"""

from __future__ import annotations

import json
import re

from storymap.model import Article, Picture
from storymap.urls import HTTP_URL_RE, http_url

from .article import assemble
from .lines import Line
from .pubdate import parse_date
from .visible import WS_RUN_RE, VisibleText, html_segment
from .wordlists import read_list

__all__ = ["parse_html"]

#: Trafilatura's extraction time grows faster than linearly on very large pages; above this many
#: characters of HTML (scripts and styles not counted) the plain paragraph fallback is used instead.
_TRAFILATURA_MAX_CHARS = 2_500_000

_TITLE_META = tuple(read_list("html_title_meta.txt"))
_DATE_META = tuple(read_list("html_date_meta.txt"))
_OUTLET_META = tuple(read_list("html_outlet_meta.txt"))
_URL_META = tuple(read_list("html_url_meta.txt"))
_BYLINE_META = tuple(read_list("html_byline_meta.txt"))


def _walk(stream: str, words: list[str], i: int) -> list[tuple[int, int]] | None:
    """Match ``words`` at stream position ``i``, allowing any whitespace (or none) between them."""
    spans = [(i, i + len(words[0]))]
    p = i + len(words[0])
    for w in words[1:]:
        q = WS_RUN_RE.match(stream, p).end()
        if not stream.startswith(w, q):
            return None
        spans.append((q, q + len(w)))
        p = q + len(w)
    return spans


class _Locator:
    """Finds extracted lines in the visible-text stream, moving forward through it."""

    WINDOW = 100_000
    MAX_FULL_MISSES = 25
    MAX_CANDIDATES = 5_000

    def __init__(self, stream: str):
        self.stream = stream
        self.cursor = 0
        self.full_misses = 0

    def _search(self, words: list[str], lo: int, hi: int) -> list[tuple[int, int]] | None:
        first = words[0]
        pos = lo
        for _ in range(self.MAX_CANDIDATES):
            i = self.stream.find(first, pos, hi)
            if i < 0:
                return None
            spans = _walk(self.stream, words, i)
            if spans is not None:
                return spans
            pos = i + 1
        return None

    def locate(self, piece: str) -> list[tuple[int, int]] | None:
        words = piece.split()
        if not words:
            return None
        n = len(self.stream)
        hi = min(n, self.cursor + self.WINDOW + 4 * len(piece))
        spans = self._search(words, self.cursor, hi)
        if spans is None and hi < n and self.full_misses < self.MAX_FULL_MISSES:
            spans = self._search(words, self.cursor, n)
            if spans is None:
                self.full_misses += 1
        if spans is not None:
            self.cursor = spans[-1][1]
        return spans


def _split_at_joins(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stream ranges of located words, split where the stream has no whitespace between two words
    (a block boundary trafilatura rendered as a space), so every segment character has a raw
    counterpart."""
    ranges = [[spans[0][0], spans[0][1]]]
    for prev, cur in zip(spans, spans[1:]):
        if cur[0] == prev[1]:
            ranges.append([cur[0], cur[1]])
        else:
            ranges[-1][1] = cur[1]
    return [(a, b) for a, b in ranges]


def _without_scripts(source: str, ranges: list[tuple[int, int]]) -> str:
    """``source`` with the contents of script and style elements cut out (they can be megabytes)."""
    if not ranges:
        return source
    parts, pos = [], 0
    for a, b in ranges:
        parts.append(source[pos:a])
        pos = b
    parts.append(source[pos:])
    return "".join(parts)


def _trafilatura_lines(source: str) -> list[str]:
    if len(source) > _TRAFILATURA_MAX_CHARS:
        return []
    try:
        import trafilatura

        extracted = trafilatura.extract(
            source,
            output_format="txt",
            include_comments=False,
            favor_precision=True,
            include_tables=True,
            with_metadata=False,
        )
    except Exception:  # noqa: BLE001 - trafilatura/lxml can fail on pathological markup; fall back
        return []
    return extracted.splitlines() if extracted else []


def _pieces(line: str) -> list[str]:
    """The parts of a trafilatura output line to look for: list bullets and table bars removed."""
    line = line.strip()
    line = re.sub(r"^(?:[-*\u2022]|\d{1,3}[.)])\s+", "", line)
    if "|" in line and line.startswith("|"):
        return [cell for cell in (c.strip() for c in line.split("|")) if cell]
    return [line] if line else []


def parse_html(source: str, path: str) -> Article:
    """An HTML page as an :class:`Article` whose ``text`` is the page source (see the module docstring)."""
    parser = VisibleText(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # noqa: BLE001 - keep whatever was parsed before malformed markup
        parser._break()
    stream = parser.stream

    lines: list[Line] = []

    def emit(s0: int, s1: int) -> None:
        seg = html_segment(parser, s0, s1)
        if seg is not None:
            lines.append(Line(seg.start, seg.text, seg.offsets))

    extracted = _trafilatura_lines(_without_scripts(source, parser.script_ranges)) if stream.strip() else []
    locator = _Locator(stream)
    for line in extracted:
        for piece in _pieces(line):
            spans = locator.locate(piece)
            if spans is None and "|" in piece:
                # a table row rendered inline: look for its cells one by one
                cells = [c.strip() for c in piece.split("|") if c.strip()]
                located = [locator.locate(cell) for cell in cells]
            else:
                # A line that is not found in the visible text (trafilatura rewrote it, or it comes
                # from markup not rendered here) is dropped: it cannot be traced to raw offsets.
                located = [spans]
            for found in located:
                for s0, s1 in _split_at_joins(found) if found else []:
                    emit(s0, s1)
    if not lines:
        # Fallback: visible text of paragraphs, headings, list items and quotes outside site chrome.
        for s0, s1 in parser.ranges:
            emit(s0, s1)

    # A picture's caption is about the picture: it is kept with it, never as article text (a
    # step). A line that is a caption, or starts with one, is left out.
    captions = {" ".join(c.split()) for c in parser.caption_texts}
    if captions:
        lines = [ln for ln in lines if not any(" ".join(ln.text.split()).startswith(c) for c in captions)]
    title = _html_title(parser)
    date = _html_date(parser)
    outlet, url, byline = page_source(parser)
    return assemble(path, source, "html", lines, title=title, date=date, title_from_first_line=False,
                    outlet=outlet, url=url, byline=byline, pictures=page_pictures(parser))


# "... (Photo: A. Writer / AP)", "... Image: Agency", "... Photo by A. Writer": the credit at the
# end of a caption.
_CREDIT_RE = re.compile(r"\s*[(\[]?\b(?:photo(?:graph)?|image|picture|credit)s?(?:\s*by|\s*:)\s*([^()\[\]]{2,80})[)\]]?\s*$",
                        re.I)


def page_pictures(parser: VisibleText) -> tuple[Picture, ...]:
    """The body's pictures (``<img>`` outside site chrome, with the ``<figcaption>`` of their
    ``<figure>`` or their ``alt`` text as caption, a trailing "Photo: ..." as credit), then the
    page's ``og:image`` when no body picture has the same address."""
    out: list[Picture] = []
    for img in parser.images:
        caption = img["caption"] or img["alt"]
        credit = ""
        m = _CREDIT_RE.search(caption)
        if m:
            credit, caption = m.group(1).strip(), caption[: m.start()].strip(" .-–—")
        out.append(Picture(img["src"], caption, credit, img["offset"]))
    og = parser.meta.get("og:image") or parser.meta.get("twitter:image")
    if og and all(p.src != og for p in out):
        out.append(Picture(og.strip(), " ".join(parser.meta.get("og:image:alt", "").split()), "", 0))
    return tuple(out)


def _ld_objects(parser: VisibleText) -> list[dict]:
    """The JSON-LD objects of the page (``@graph`` members too); a blob that is not JSON is skipped."""
    out: list[dict] = []
    for blob in parser.ld_json:
        try:
            data = json.loads(blob)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                out.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(reversed(item["@graph"]))
    return out


def _ld_names(value: object) -> list[str]:
    """Names in a JSON-LD ``publisher``/``author`` value: a string, ``{"name": ...}`` or a list."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip() and not HTTP_URL_RE.match(name.strip()):
            names.append(" ".join(name.split()))
    return names


def _first_meta(parser: VisibleText, keys: tuple[str, ...]) -> str | None:
    """The first of the ``<meta>`` keys with a value that is a name, not a URL (a profile page)."""
    for key in keys:
        value = " ".join(parser.meta.get(key, "").split())
        if value and not http_url(value):
            return value
    return None


def page_source(parser: VisibleText) -> tuple[str | None, str | None, str | None]:
    """(outlet, canonical URL, byline) from a page's metadata; each ``None`` when the page is silent.

    Only an absolute http(s) address counts as the URL; a Twitter handle (``@gazette``) loses its
    ``@``; a profile URL where a name is expected is skipped.
    """
    objects = _ld_objects(parser)
    outlet = _first_meta(parser, _OUTLET_META)
    if outlet is None:
        outlet = next((n for o in objects for n in _ld_names(o.get("publisher"))), None)
    if outlet:
        outlet = outlet.lstrip("@") or None
    candidates = [parser.links.get("canonical")] + [parser.meta.get(k) for k in _URL_META]
    url = next((u for u in map(http_url, candidates) if u), None)
    byline = _first_meta(parser, _BYLINE_META)
    if byline is None:
        names = [n for o in objects if "author" in o for n in _ld_names(o["author"])]
        byline = ", ".join(dict.fromkeys(names)) or None
    return outlet, url, byline


def _html_title(parser: VisibleText) -> str | None:
    for key in _TITLE_META:
        value = " ".join(parser.meta.get(key, "").split())
        if value:
            return value
    if parser.title:
        title = parser.title
        # "Headline | Site name": keep the headline part when it has a few words.
        for sep in (" | ", " \u2013 ", " \u2014 ", " - ", " :: "):
            if sep in title:
                head = title.split(sep)[0].strip()
                if len(head.split()) >= 3:
                    return head
        return title
    return parser.h1


def _html_date(parser: VisibleText) -> str | None:
    for key in _DATE_META:
        if key in parser.meta:
            iso = parse_date(parser.meta[key])
            if iso:
                return iso
    for blob in parser.ld_json:
        m = re.search(r'"datePublished"\s*:\s*"([^"]{4,64})"', blob)
        if m:
            iso = parse_date(m[1])
            if iso:
                return iso
    if parser.time_datetime:
        return parse_date(parser.time_datetime)
    return None
