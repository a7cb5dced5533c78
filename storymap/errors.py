"""One root exception for storymap; each leaf also inherits the fitting builtin.

Messages name the file or value and say what was expected, so the CLI can print them as one line.
"""

from __future__ import annotations

__all__ = [
    "one_line",
    "StorymapError",
    "InputFileError",
    "BinaryFileError",
    "NoTextError",
    "StoryFormatError",
    "GazetteerMissingError",
    "OutputError",
    "StaleStoryError",
]


class StorymapError(Exception):
    """Root of every error storymap raises on purpose."""


class InputFileError(StorymapError, OSError):
    """An input file is missing or cannot be read."""


class BinaryFileError(StorymapError, ValueError):
    """An input file is binary, not text, HTML or Markdown."""


class NoTextError(StorymapError, ValueError):
    """Input has no usable text (or nothing dated or placed, where that is required)."""


class StoryFormatError(StorymapError, ValueError):
    """A story file is not valid JSON or does not follow the story format; the message names the field."""


class GazetteerMissingError(StorymapError, FileNotFoundError):
    """The gazetteer database has not been built."""


class OutputError(StorymapError, OSError):
    """An output path cannot be written."""


class StaleStoryError(StorymapError):
    """A story file changed on disk since it was loaded, so saving over it would drop that change."""


def one_line(exc: BaseException, limit: int | None = None) -> str:
    """The first line of ``exc``'s message (its type's name when it has none), cut to ``limit``
    characters: a reason that fits one line of an error report."""
    lines = str(exc).strip().splitlines()
    return (lines[0] if lines else type(exc).__name__)[:limit]
