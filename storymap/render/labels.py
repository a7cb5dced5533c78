"""How a story's dates and language read on every export: ``12 May 2019``, ``lang="en"``."""

from __future__ import annotations

import re
from collections.abc import Mapping

from storymap.story import Story

__all__ = ["date_label", "story_lang"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def date_label(value: str | None, end: str | None = None) -> str:
    """A date or range as people read it; ``""`` when undated.

    >>> date_label("2019-05-12"), date_label("2019-05"), date_label("2019", "2020")
    ('12 May 2019', 'May 2019', '2019 – 2020')
    """
    if not value:
        return ""

    def one(v: str) -> str:
        parts = v.split("-")
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return parts[0]

    return f"{one(value)} – {one(end)}" if end and end != value else one(value)


_LANG_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def story_lang(story: Story) -> str:
    """The story's language tag from its metadata (``language`` or ``lang``) when it looks like
    one (``fr``, ``pt-BR``), else ``"en"``."""
    lang = story.metadata.get("language") or story.metadata.get("lang") if isinstance(story.metadata, Mapping) else None
    return lang if isinstance(lang, str) and _LANG_RE.fullmatch(lang) else "en"
