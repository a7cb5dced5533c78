"""How a story's dates and language read on every export: ``12 May 2019``, ``lang="en"``."""

from __future__ import annotations

import re
from collections.abc import Mapping

from storymap.story import Story, date_label  # the story's one human date label

__all__ = ["date_label", "story_lang"]

_LANG_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def story_lang(story: Story) -> str:
    """The story's language tag from its metadata (``language`` or ``lang``) when it looks like
    one (``fr``, ``pt-BR``), else ``"en"``."""
    lang = story.metadata.get("language") or story.metadata.get("lang") if isinstance(story.metadata, Mapping) else None
    return lang if isinstance(lang, str) and _LANG_RE.fullmatch(lang) else "en"
