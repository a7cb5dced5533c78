"""The one entry: read a file, or take bytes or pasted text, into an :class:`~storymap.model.Article`.

The format comes from the suffix (``.txt``, ``.md``, ``.html``, ``.tml`` ...) or, for another
suffix, from sniffing the content; each format has its own module (:mod:`.markdown`,
:mod:`.html`, :mod:`.timeml`, plain text in :mod:`.article`). Files are read through
:func:`storymap.limits.read_limited` (regular files only, with a size cap).
"""

from __future__ import annotations

import os
import re

from storymap.limits import display_name, read_limited
from storymap.model import Article

from .article import parse_plain
from .decode import decode
from .html import parse_html
from .lines import STRIP
from .markdown import parse_markdown
from .timeml import parse_timeml

__all__ = ["FORMATS", "read_article", "parse_article", "article_from_text"]

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
    text = decode(data, path)
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
    head = text[:4096].lstrip(STRIP).lower()
    if head.startswith(("<!doctype", "<html")):
        return True
    return re.search(r"<(?:body|p)[\s>]", text[:65536], re.IGNORECASE) is not None


_PARSERS = {"tml": parse_timeml, "html": parse_html, "md": parse_markdown}


def _parse_text(text: str, path: str, fmt: str) -> Article:
    return _PARSERS.get(fmt, parse_plain)(text, path)
