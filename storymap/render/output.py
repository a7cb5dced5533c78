"""Putting one export on disk: rendered first, then written atomically, failures as one line naming the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from storymap.errors import OutputError, StoryFormatError
from storymap.files import atomic_write

__all__ = ["write_output", "utf8", "json_text"]


def write_output(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``.

    Raises :class:`OutputError` naming ``path``; no temporary or partial file is left behind.
    """
    if path.is_dir():
        raise OutputError(f"{path}: is a directory, expected a file path")
    try:
        atomic_write(path, data, backup=False, mode=0o644)
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
    return path


def utf8(text: str, path: Path | str) -> bytes:
    """``text`` as UTF-8. Stories are validated Unicode (see :func:`storymap.render.writer.write_exports`), so this cannot
    fail on one; should it, the error is one line naming the file, not an encoder traceback."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise StoryFormatError(f"{path}: cannot be written as UTF-8: {e.reason} at character {e.start}") from None


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
