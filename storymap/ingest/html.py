"""Read an article (plain text, Markdown or HTML) into an :class:`~storymap.model.Article`.

Everything here is pure: bytes or text in, an ``Article`` out. ``Article.text`` is the decoded input
exactly as read (for HTML the decoded source), and every :class:`~storymap.model.Segment` maps back to
it character by character, so a place found in ``Article.body`` can be traced to its raw offsets.

* Plain text: one segment per non-empty line, each a verbatim slice of the raw text, minus site
  chrome (navigation, share and subscribe prompts), date metadata lines and a line that repeats the
  previous one (a photo caption printed twice).
* Markdown: the same, with block markers (``#``, ``>``, list bullets) skipped by starting the segment
  after them; inline markup (emphasis, links, code spans, inline tags) is dropped through the
  segment's ``offsets`` tuple.
* HTML: trafilatura decides what the article body is; each of its lines is then located in the
  visible text of the page (parsed here with :mod:`html.parser`, keeping per-character raw offsets,
  an entity's characters mapping to its ``&``).
"""

from __future__ import annotations

import html
import os
import re
import unicodedata
from bisect import bisect_right
from datetime import date as _date
from html.parser import HTMLParser
from itertools import chain

from storymap.errors import BinaryFileError
from storymap.limits import display_name, read_limited
from storymap.model import Article, Segment

__all__ = ["read_article", "parse_article", "article_from_text"]

FORMATS = ("txt", "md", "html", "tml")

_SUFFIX_FORMATS = {
    "txt": "txt",
    "text": "txt",
    "md": "md",
    "markdown": "md",
    "html": "html",
    "htm": "html",
    "tml": "tml",
}

# Characters stripped from both ends of a line: every str.isspace() character plus invisible
# format characters (zero-width space/joiners, word joiner, BOM).
_STRIP = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    + "".join(chr(c) for c in range(0x2000, 0x200B))
    + "\u2028\u2029\u202f\u205f\u3000"
    + "\u200b\u200c\u200d\u2060\ufeff"
)

# The same line breaks as str.splitlines().
_NEWLINE_RE = re.compile("\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")

#: Lines longer than this are never boilerplate, titles or metadata.
_MAX_CHROME_LEN = 300
_MAX_TITLE_LEN = 200
#: Date metadata is looked for among the first this many non-empty lines.
_META_LINES = 12

#: Trafilatura's extraction time grows faster than linearly on very large pages; above this many
#: characters of HTML (scripts and styles not counted) the plain paragraph fallback is used instead.
_TRAFILATURA_MAX_CHARS = 2_500_000


# --------------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------------


def read_article(path: str | os.PathLike, max_bytes: int | None = None) -> Article:
    """Read the file at ``path`` (text, Markdown or HTML) into an :class:`Article`.

    The format comes from the suffix (``.txt``, ``.md``, ``.html`` ...) or, for other suffixes, from
    sniffing the content. Only a regular file of at most ``max_bytes`` is read (default
    ``$STORYMAP_MAX_BYTES`` or 20 MB, see :func:`storymap.limits.read_limited`).

    Raises :class:`InputFileError` when the file is missing, unreadable, not a regular file or too
    large, and :class:`BinaryFileError` when it is not text; both messages name the file. The
    article's ``path`` is the name as printable text (bytes that are not UTF-8 as ``\\xff``).
    """
    data = read_limited(path, kind="article", limit=max_bytes)
    return parse_article(data, display_name(path))


def parse_article(data: bytes, path: str = "<text>", format: str | None = None) -> Article:
    """Decode ``data`` and parse it into an :class:`Article` named ``path``.

    ``format`` is ``"txt"``, ``"md"`` or ``"html"``; when ``None`` it is inferred from the suffix of
    ``path`` and, for an unknown suffix, by sniffing (an HTML doctype, ``<html>``, ``<body>`` or
    ``<p>`` tags mean HTML, anything else plain text).

    Decoding tries UTF-8 (a leading BOM is dropped, so offsets count from the character after it),
    then Windows-1252, then Latin-1. Binary input raises :class:`BinaryFileError`.
    """
    if isinstance(data, (bytearray, memoryview)):
        data = bytes(data)
    if not isinstance(data, bytes):
        raise TypeError(f"parse_article() expects bytes, got {type(data).__name__}")
    path = os.fsdecode(path)
    fmt = _normalise_format(format) if format is not None else _format_from_suffix(path)
    text = _decode(data, path)
    if fmt is None:
        fmt = "html" if _looks_like_html(text) else "txt"
    return _parse_text(text, path, fmt)


def article_from_text(text: str, path: str = "<text>") -> Article:
    """Build an :class:`Article` from pasted text.

    The text is taken as plain text (Markdown or HTML only when ``path`` has such a suffix) and is
    kept exactly as given, so segment offsets index into ``text`` itself. Never raises on odd input:
    text with no usable lines gives an article without segments.
    """
    if not isinstance(text, str):
        raise TypeError(f"article_from_text() expects str, got {type(text).__name__}")
    path = os.fsdecode(path)
    fmt = _format_from_suffix(path) or "txt"
    return _parse_text(text, path, fmt)


# --------------------------------------------------------------------------------------------------
# Format and decoding
# --------------------------------------------------------------------------------------------------


def _normalise_format(fmt: str) -> str:
    key = str(fmt).strip().lower().lstrip(".")
    if key in FORMATS:
        return key
    if key in _SUFFIX_FORMATS:
        return _SUFFIX_FORMATS[key]
    raise ValueError(f"unknown format {fmt!r}, expected one of txt, md, html")


def _format_from_suffix(path: str) -> str | None:
    suffix = os.path.splitext(path)[1].lower().lstrip(".")
    return _SUFFIX_FORMATS.get(suffix)


def _looks_like_html(text: str) -> bool:
    head = text[:4096].lstrip(_STRIP).lower()
    if head.startswith(("<!doctype", "<html")):
        return True
    return re.search(r"<(?:body|p)[\s>]", text[:65536], re.IGNORECASE) is not None


_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"PK\x07\x08",
    b"\x1f\x8b",  # gzip
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"BZh91AY&SY",
    b"\xfd7zXZ\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"\x28\xb5\x2f\xfd",  # zstd
    b"\x7fELF",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",  # OLE2 (old Office)
    b"\x00asm",
    b"II*\x00",
    b"MM\x00*",
    b"OggS",
    b"fLaC",
    b"ID3",
    b"wOFF",
    b"wOF2",
    b"SQLite format 3\x00",
)

# C0 controls other than tab, LF, VT, FF, CR and ESC, plus DEL.
_CONTROL_BYTES = bytes(list(range(0, 9)) + [14, 15] + list(range(16, 27)) + list(range(28, 32)) + [127])
_CONTROL_CHARS_RE = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")

_UTF_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _binary_error(name: str) -> BinaryFileError:
    return BinaryFileError(f"{name}: binary file, expected text, Markdown or HTML")


def _decode(data: bytes, name: str) -> str:
    """Decode file bytes to text, or raise :class:`BinaryFileError`."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    else:
        for bom, codec in _UTF_BOMS:
            if data.startswith(bom):
                try:
                    text = data[len(bom) :].decode(codec)
                except UnicodeError:
                    raise _binary_error(name) from None
                sample = text[:65536]
                if "\x00" in text or len(_CONTROL_CHARS_RE.findall(sample)) > 0.1 * max(len(sample), 1):
                    raise _binary_error(name)
                return text
    if data.startswith(_MAGIC) or b"\x00" in data:
        raise _binary_error(name)
    sample = data[:65536]
    if sample and len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > 0.1 * len(sample):
        raise _binary_error(name)
    for codec in ("utf-8", "cp1252"):
        try:
            return data.decode(codec)
        except UnicodeError:
            pass
    return data.decode("latin-1")


# --------------------------------------------------------------------------------------------------
# Shared line helpers: boilerplate, duplicates, dates, titles
# --------------------------------------------------------------------------------------------------

_SOCIAL = r"(?:twitter|x|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin|threads|bluesky|reddit|pinterest|discord|flipboard|google news)"
_SHARE_WORD = r"(?:share|tweet|email|e-mail|print|copy link|comments?|" + _SOCIAL[3:-1] + r")"

# Matched case-insensitively at the start of a stripped line of at most _MAX_CHROME_LEN characters.
_BOILERPLATE_RE = re.compile(
    "|".join(
        rf"(?:{p})"
        for p in (
            # navigation
            r"(?:skip|jump|go) to (?:the )?(?:main )?(?:content|navigation|menu|search|article)\b",
            r"skip navigation\b",
            r"(?:menu|search|home|sign in|log in|login|my account|close|back to top|toggle navigation)\s*[.!:]?\s*$",
            # community / comments prompts
            r"join (?:us|our|the)\b.{0,120}?\b(?:channel|group|community|conversation|discussion|newsletter|mailing list|list|"
            + _SOCIAL[3:-1]
            + r")\b",
            r"(?:please |we'd love to hear |we want to hear )?(?:share|leave|post|tell us|let us know|add)\b.{0,60}?\b(?:your )?(?:thoughts|comments?|opinions?|views)\b",
            r"thanks?(?: you)? (?:so much )?for (?:sharing|reading|subscribing|signing up|visiting|your (?:support|feedback))\b",
            r"(?:comments?|discussion|leave a (?:reply|comment)|\d+ comments?)\s*[.!:]?\s*$",
            # read more / related
            r"read (?:more|the full (?:story|article)|the original|it) (?:at|on|from|in|here)\b",
            r"(?:read more|continue reading|related|see also|recommended|more from .{1,40}|trending(?: now)?|most (?:popular|read)|"
            r"you (?:may|might) also like|(?:related|recommended|more|top|latest) (?:stories|articles|posts|news|videos|coverage|content))\s*[.:!\u2026>\u00bb]*\s*$",
            r"(?:read more|related|also read|see also|recommended)\s*:",
            r".{0,60}\bbookmark (?:our|this|the)\b.{0,40}\b(?:site|page)\b",
            # taxonomy
            r"(?:tags?|categor(?:y|ies)|topics?|filed (?:under|in)|keywords)\s*:",
            # ads
            r"(?:advertisement|advertising|advert|ad|sponsored(?: content| links?| stories)?|promoted(?: content| stories)?|paid (?:content|post))\s*[.:]?\s*$",
            r"(?:story|article) continues (?:below|after)\b",
            # video prompts: "Watch ...:" / "Video: ...:"
            r"(?:watch|video|listen)\b[^.!?]{0,180}:\s*$",
            # cookies
            r".{0,120}?\b(?:we use cookies|uses cookies|use of cookies|accept (?:all )?cookies|manage cookies|cookie (?:policy|settings|preferences|consent))\b",
            # subscribe / newsletter / follow / share
            r"(?:subscribe|sign up|signup|register)\b.{0,100}?\b(?:newsletter|updates|channel|podcast|alerts|free|today|now|here|inbox|email)\b",
            r"(?:subscribe|sign up|newsletter|subscribe now|sign up now)\s*[.!:]?\s*$",
            r"(?:get|receive) (?:our|the)\b.{0,60}?\bnewsletter\b",
            r"follow (?:us|@\w+)\b",
            r"follow\b.{0,60}?\bon " + _SOCIAL + r"\b",
            r"share (?:this|on|via|the (?:story|article|post))\b.{0,80}$",
            _SHARE_WORD + r"(?:\s*[|/\u00b7\u2022,]?\s*" + _SHARE_WORD + r")+\s*$",
            r"click (?:here )?to (?:share|print|email|tweet)\b",
            # disclosure, copyright, syndication notes
            r".{0,120}?\b(?:we may (?:receive|earn|get|be paid) (?:a )?(?:compensation|commission|a share)|affiliate (?:links?|partners?|commission))\b",
            r"(?:copyright|\u00a9|\(c\))\s*(?:\d{4}|[a-z])",
            r".{0,120}?\ball rights reserved\b",
            r"(?:this (?:article|story|post|piece|report) (?:was|is|has been|first) )?(?:originally |first )(?:published|appeared)\b",
            r".{0,120}?\breprinted with permission\b",
        )
    ),
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


def _is_boilerplate(line: str) -> bool:
    """True when a stripped line is site chrome rather than article text."""
    return len(line) <= _MAX_CHROME_LEN and _BOILERPLATE_RE.match(line) is not None


def _dup_key(line: str) -> str:
    """A line's identity for duplicate detection: whitespace collapsed, quotes straightened."""
    return " ".join(line.translate(_QUOTES).split())


_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAMES = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?,?\s+)"
_DATE_BODY = (
    rf"(?:{_WEEKDAY}?"
    r"(?:(?P<y1>\d{4})[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})(?!\d)"
    rf"|(?P<mon2>{_MONTH_NAMES})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})(?!\d)"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon3>{_MONTH_NAMES})\.?,?\s+(?P<y3>\d{{4}})(?!\d)))"
)
_DATE_RE = re.compile(_DATE_BODY, re.IGNORECASE)
# "date 2020-01-02 advertisement", "Date: 2020-01-02", "Published: January 2, 2020 10:15 AM", ...
_DATE_LINE_RE = re.compile(
    r"(?P<key>dated?|published(?: on| at)?|first published(?: on)?|posted(?: on)?|publication date|pub(?:lished)? date|"
    r"(?:last )?updated(?: on| at)?|modified(?: on)?)\s*[:\-\u2013\u2014|]?\s*(?:on\s+)?" + _DATE_BODY,
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
            y, mo, d = int(g["y2"]), _MONTHS[g["mon2"].lower()[:3]], int(g["d2"])
        elif g.get("y3"):
            y, mo, d = int(g["y3"]), _MONTHS[g["mon3"].lower()[:3]], int(g["d3"])
        else:
            return None
        if not 1800 <= y <= 2200:
            return None
        return _date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


def _parse_date(value: str) -> str | None:
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


def _metadata_date(line: str) -> tuple[str | None, bool] | None:
    """If ``line`` is a date metadata line, return ``(iso_date, is_update)``; else ``None``."""
    if len(line) > _MAX_CHROME_LEN:
        return None
    m = _DATE_LINE_RE.match(line)
    if m:
        return _date_from_match(m), m["key"].lower().startswith(("updated", "last", "modified"))
    m = _BARE_DATE_LINE_RE.match(line)
    if m:
        return _date_from_match(m), False
    return None


def _title_candidate(line: str) -> str | None:
    line = line.strip(_STRIP)
    if line and len(line) < _MAX_TITLE_LEN and not line.endswith((".", ",", ";", ":")):
        return line
    return None


def _iter_lines(text: str):
    """Yield ``(start, end)`` of each line of ``text``, line break excluded."""
    pos = 0
    for m in _NEWLINE_RE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    piece = text[a:b]
    left = len(piece) - len(piece.lstrip(_STRIP))
    if left == len(piece):
        return b, b
    right = len(piece) - len(piece.rstrip(_STRIP))
    return a + left, b - right


class _Line:
    """A candidate body line: its cleaned text and how it maps to raw offsets."""

    __slots__ = ("start", "text", "offsets", "heading")

    def __init__(self, start: int, text: str, offsets: tuple[int, ...] | None = None, heading: int = 0):
        self.start = start
        self.text = text
        self.offsets = offsets
        self.heading = heading  # Markdown heading level, 0 for none

    def segment(self) -> Segment:
        return Segment(self.start, self.text, self.offsets)


def _assemble(
    path: str,
    text: str,
    fmt: str,
    lines: list[_Line],
    title: str | None = None,
    date: str | None = None,
    title_from_first_line: bool = True,
) -> Article:
    """Drop metadata, boilerplate and repeated lines; pick a title; build the Article."""
    segments: list[Segment] = []
    prev_key: str | None = None
    update_date: str | None = None
    first_content = True
    for index, line in enumerate(lines):
        key = _dup_key(line.text)
        if not key:
            continue
        is_repeat = key == prev_key
        prev_key = key
        if index < _META_LINES:
            meta = _metadata_date(line.text)
            if meta is not None:
                iso, is_update = meta
                if is_update:
                    update_date = update_date or iso
                else:
                    date = date or iso
                continue
        if is_repeat or _is_boilerplate(line.text):
            continue
        if first_content:
            first_content = False
            if title is None and title_from_first_line:
                title = _title_candidate(line.text)
        segments.append(line.segment())
    return Article(
        path=path,
        text=text,
        segments=tuple(segments),
        format=fmt,
        title=title,
        date=date or update_date,
    )


def _parse_text(text: str, path: str, fmt: str) -> Article:
    if fmt == "tml":
        return _parse_timeml(text, path)
    if fmt == "html":
        return _parse_html(text, path)
    if fmt == "md":
        return _parse_markdown(text, path)
    return _parse_plain(text, path)


# --------------------------------------------------------------------------------------------------
# TimeML (.tml): news text inside <TEXT>, annotated inline; the document date in <DCT>
# --------------------------------------------------------------------------------------------------

_TML_TEXT = re.compile(r"<TEXT\b[^>]*>(.*?)</TEXT\s*>", re.S | re.I)
_TML_DCT = re.compile(r"<DCT\b[^>]*>\s*<TIMEX3\b[^>]*\bvalue=\"(\d{4}-\d{2}-\d{2})", re.I)
_TAG_OR_ENTITY = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);")


def _parse_timeml(source: str, path: str) -> Article:
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
        lines.append(_Line(offs[a], stream[a:b], tuple(offs[a:b]) + (offs[b - 1] + 1,)))
    dct = _TML_DCT.search(source)
    return _assemble(path, source, "tml", lines, date=dct.group(1) if dct else None, title_from_first_line=False)


# --------------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------------


def _parse_plain(text: str, path: str) -> Article:
    lines = []
    for a, b in _iter_lines(text):
        a, b = _strip_span(text, a, b)
        if a < b:
            lines.append(_Line(a, text[a:b]))
    return _assemble(path, text, "txt", lines)


# --------------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------------

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


def _md_line(text: str, a: int, b: int, heading: int) -> _Line | None:
    """Clean the content ``text[a:b]`` of a Markdown line into a _Line (or None if empty)."""
    s = text[a:b]
    mask = _md_inline_mask(s)
    if mask is None:
        a2, b2 = _strip_span(text, a, b)
        return _Line(a2, text[a2:b2], None, heading) if a2 < b2 else None
    kept = [(m.start(), m.end()) for m in _KEPT_RE.finditer(bytes(mask).translate(_REMOVED_ONLY))]
    if not kept:
        return None
    if len(kept) == 1:
        a2, b2 = _strip_span(text, a + kept[0][0], a + kept[0][1])
        return _Line(a2, text[a2:b2], None, heading) if a2 < b2 else None
    clean = "".join(s[x:y] for x, y in kept)
    lead = len(clean) - len(clean.lstrip(_STRIP))
    if lead == len(clean):
        return None
    trail = len(clean) - len(clean.rstrip(_STRIP))
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
        return _Line(offsets[0], clean, None, heading)
    offsets.append(end_offset)
    return _Line(offsets[0], clean, tuple(offsets), heading)


def _front_matter(text: str, spans: list[tuple[int, int]]) -> tuple[int, str | None, str | None]:
    """Parse a leading ``---`` YAML front matter block: (lines consumed, title, date)."""
    if not spans or text[spans[0][0] : spans[0][1]].strip() != "---":
        return 0, None, None
    title = date = None
    for i in range(1, min(len(spans), 200)):
        line = text[spans[i][0] : spans[i][1]]
        if line.strip() in ("---", "..."):
            return i + 1, title, date
        m = re.match(r"\s*(title|date|published|pubdate)\s*:\s*(.*?)\s*$", line, re.IGNORECASE)
        if m:
            value = m[2].strip("'\"")
            if m[1].lower() == "title":
                title = title or value or None
            else:
                date = date or _parse_date(value)
    return 0, None, None


def _parse_markdown(text: str, path: str) -> Article:
    spans = list(_iter_lines(text))
    first, title, date = _front_matter(text, spans)
    lines: list[_Line] = []
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
        stripped = raw.strip(_STRIP)
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
        # Block markers: blockquote ">", list bullets, then at most one ATX heading marker.
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
        line = _md_line(text, pos, end, heading)
        if line is None:
            continue
        if heading == 1 and h1_title is None:
            h1_title = line.text
        lines.append(line)
    title = title or h1_title
    return _assemble(path, text, "md", lines, title=title, date=date)


# --------------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------------

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
_TITLE_META = ("og:title", "twitter:title")
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "published_time",
    "article:modified_time",
    "og:updated_time",
)
_CHARREF_RE = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+);?")
_ENTITYREF_RE = re.compile(r"&[a-zA-Z][-.a-zA-Z0-9]*;?")
_WS_DELETE = {ord(c): None for c in _STRIP}
_WS_RUN_RE = re.compile(r"\s*")
_WS_SPAN_RE = re.compile(r"\s+")
_ODD_WS_RE = re.compile(r"[^\S ]|  ")


_CHROME_ATTR_RE = re.compile(
    r"(?:^|[\s_-])(?:comments?|related|share|sharing|social|promo\w*|advert\w*|ads?|newsletter|subscribe|sidebar|"
    r"cookie\w*|consent|popup|modal|breadcrumbs?|widget|footer|nav|navbar|navigation|menu|recirc\w*|outbrain|taboola)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
_CHROME_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar"})


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


class _VisibleText(HTMLParser):
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


def _html_segment(parser: _VisibleText, s0: int, s1: int) -> Segment | None:
    """A segment from the stream range ``s0:s1``: whitespace runs collapsed to one space (mapped
    to a raw space when the run has one), every character keeping its raw offset."""
    stream, source = parser.stream, parser.source
    m = _WS_RUN_RE.match(stream, s0, s1)
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


def _walk(stream: str, words: list[str], i: int) -> list[tuple[int, int]] | None:
    """Match ``words`` at stream position ``i``, allowing any whitespace (or none) between them."""
    spans = [(i, i + len(words[0]))]
    p = i + len(words[0])
    for w in words[1:]:
        q = _WS_RUN_RE.match(stream, p).end()
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


def _parse_html(source: str, path: str) -> Article:
    parser = _VisibleText(source)
    try:
        parser.feed(source)
        parser.close()
    except Exception:  # noqa: BLE001 - keep whatever was parsed before malformed markup
        parser._break()
    stream = parser.stream

    lines: list[_Line] = []

    def emit(s0: int, s1: int) -> None:
        seg = _html_segment(parser, s0, s1)
        if seg is not None:
            lines.append(_Line(seg.start, seg.text, seg.offsets))

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

    title = _html_title(parser)
    date = _html_date(parser)
    return _assemble(path, source, "html", lines, title=title, date=date, title_from_first_line=False)


def _html_title(parser: _VisibleText) -> str | None:
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


def _html_date(parser: _VisibleText) -> str | None:
    for key in _DATE_META:
        if key in parser.meta:
            iso = _parse_date(parser.meta[key])
            if iso:
                return iso
    for blob in parser.ld_json:
        m = re.search(r'"datePublished"\s*:\s*"([^"]{4,64})"', blob)
        if m:
            iso = _parse_date(m[1])
            if iso:
                return iso
    if parser.time_datetime:
        return _parse_date(parser.time_datetime)
    return None
