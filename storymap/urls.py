"""What counts as a web address everywhere in storymap: one http(s) URL with no space, quote,
angle bracket or backslash (so it can sit in an HTML attribute as it is). Article metadata
(canonical links), citations, pictures and story media are all checked against it; a
``javascript:``, ``data:`` or ``file:`` value never passes."""

from __future__ import annotations

import re

__all__ = ["HTTP_URL", "HTTP_URL_RE", "http_url"]

#: The pattern as text, for composing (the story's media URL pattern adds ``data:image``).
HTTP_URL = r"https?://[^\s\"'<>\\]+"
HTTP_URL_RE = re.compile(HTTP_URL, re.I)


def http_url(value: object) -> str | None:
    """``value`` stripped when it is one http(s) URL, else ``None``.

    >>> http_url(" https://gazette.example/a "), http_url("javascript:alert(1)")
    ('https://gazette.example/a', None)
    """
    if isinstance(value, str) and HTTP_URL_RE.fullmatch(value.strip()):
        return value.strip()
    return None
