"""Autosave: the working story is written after every edit, and restored when the app starts again.

A reload of the browser tab starts a new Streamlit session, so the file is named after the story
and the browser (:func:`storymap.app.state.story_key` of the story file's path and the browser's
cookie id, see :func:`storymap.app.session.browser_id`), not after the session or the URL. It
lives in ``$STORYMAP_AUTOSAVE_DIR`` or ``~/.cache/storymap/autosave/``, is written atomically with
:func:`storymap.story.save_story`, and is removed when the story is saved to its own file.

Beside it, ``<key>.base.json`` records the version of the story file the edits started from
(:class:`storymap.files.FileVersion`), so a draft restored after a restart is still refused as
stale when the file changed on disk in the meantime.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

from storymap.errors import StorymapError
from storymap.files import FileVersion, atomic_write, cache_dir
from storymap.story import Story, load_story, save_story

__all__ = ["autosave_dir", "autosave_path", "write_autosave", "read_autosave", "read_base",
           "clear_autosave"]


def autosave_dir() -> Path:
    """``$STORYMAP_AUTOSAVE_DIR``, else ``autosave`` in :func:`storymap.files.cache_dir`."""
    env = os.environ.get("STORYMAP_AUTOSAVE_DIR")
    if env:
        return Path(env)
    return cache_dir() / "autosave"


def autosave_path(key: str) -> Path:
    """The autosave file of the story with identity ``key`` (a hex digest)."""
    if not key or not all(c in "0123456789abcdef" for c in key):
        raise ValueError(f"autosave key must be a hex digest, got {key!r}")
    return autosave_dir() / f"{key}.json"


def _base_path(key: str) -> Path:
    p = autosave_path(key)
    return p.with_name(p.stem + ".base.json")


def write_autosave(story: Story, key: str, base: FileVersion | None = None) -> Path:
    """Write ``story`` atomically to its autosave file (creating the folder), and ``base``, the
    version of the story file the edits started from, beside it."""
    p = autosave_path(key)
    p.parent.mkdir(parents=True, exist_ok=True)
    if base is not None:
        atomic_write(_base_path(key), json.dumps(dataclasses.asdict(base)).encode("utf-8"), backup=False)
    return save_story(story, p, backup=False)


def read_base(key: str) -> FileVersion | None:
    """The version of the story file the autosaved edits started from, or ``None``."""
    try:
        raw = json.loads(_base_path(key).read_text(encoding="utf-8"))
        return FileVersion(int(raw["mtime_ns"]), int(raw["size"]), str(raw["sha256"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_autosave(key: str) -> Story | None:
    """The autosaved story, or ``None`` when there is none or it cannot be read."""
    p = autosave_path(key)
    if not p.is_file():
        return None
    try:
        return load_story(p)
    except StorymapError:
        return None


def clear_autosave(key: str) -> None:
    """Remove the autosave file and its backup (after the story was saved for real)."""
    p = autosave_path(key)
    for q in (p, p.with_name(p.name + ".bak"), _base_path(key)):
        try:
            q.unlink()
        except FileNotFoundError:
            pass
