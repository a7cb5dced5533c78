"""Pictures for steps: the pictures an article shows become the media of the step its nearby
report belongs to.

An article's :class:`~storymap.model.Picture` (an ``<img>`` with its ``<figcaption>``, or the
page's ``og:image``) is given to the step whose source in that article stands nearest to the
picture (the page's own picture, at offset 0, goes to the article's first report). A picture
that is a file beside the article is **embedded** (a ``data:`` URI, so the export stays one file
that works offline) when it is a PNG, JPEG, GIF or WebP of at most :data:`MAX_PICTURE_BYTES`
inside the article's own folder; a picture on the web is **referenced by its URL only when the
user asks** (``remote=True``, CLI ``build --remote-media``), since the page would then load it
from the internet. Anything else (a path outside the article's folder, another scheme, a file
that is not a picture) is left out.
"""

from __future__ import annotations

import base64
import dataclasses
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from storymap.model import Article, Picture
from storymap.story.schema import Media, Step
from storymap.urls import http_url

__all__ = ["MAX_PICTURE_BYTES", "MAX_MEDIA_PER_STEP", "picture_type", "picture_media", "attach_media"]

MAX_PICTURE_BYTES = 2_000_000
MAX_MEDIA_PER_STEP = 2
_SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF87a", "image/gif"),
               (b"GIF89a", "image/gif"))


def picture_type(data: bytes) -> str | None:
    """The MIME type of a PNG, JPEG, GIF or WebP picture by its first bytes, else ``None``."""
    for sig, mime in _SIGNATURES:
        if data.startswith(sig):
            return mime
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def picture_media(picture: Picture, article_path: str, *, remote: bool = False) -> Media | None:
    """The :class:`Media` a picture becomes, or ``None`` when it may not be used (see the module)."""
    src = picture.src.strip()
    if http_url(src):
        return Media(src, picture.caption, picture.credit) if remote else None
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", src) or src.startswith(("/", "\\")) or not src:
        return None  # another scheme, or an absolute path: never read
    base = Path(article_path).resolve().parent
    if not Path(article_path).is_file():
        return None  # an article that is not a file (pasted text, an upload) has no folder
    target = (base / src.split("?", 1)[0].split("#", 1)[0]).resolve()
    try:
        if not target.is_relative_to(base) or not target.is_file() or target.stat().st_size > MAX_PICTURE_BYTES:
            return None
        data = target.read_bytes()
    except OSError:
        return None
    mime = picture_type(data)
    if mime is None:
        return None
    return Media(f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}", picture.caption, picture.credit)


def attach_media(steps: Sequence[Step], articles: Sequence[Article], names: Mapping[str, str], *,
                 remote: bool = False) -> list[Step]:
    """``steps`` with the articles' pictures as media; ``names`` maps an article's path to the
    name its steps' sources use."""
    out = list(steps)
    for article in articles:
        if not article.pictures:
            continue
        name = names.get(article.path, article.path)
        reports = [(src.start, i) for i, s in enumerate(out) if not s.is_overview for src in s.sources if src.file == name]
        if not reports:
            continue
        for picture in article.pictures:
            media = picture_media(picture, article.path, remote=remote)
            if media is None:
                continue
            # The report nearest the picture; a tie goes to the one after it (a picture leads its text).
            _, i = min(reports, key=lambda r: (abs(r[0] - picture.offset), r[0] < picture.offset))
            if len(out[i].media) < MAX_MEDIA_PER_STEP and all(m.url != media.url for m in out[i].media):
                out[i] = dataclasses.replace(out[i], media=out[i].media + (media,))
    return out
