"""Reading and writing story files: objects to JSON data and text, and files saved atomically.

``docs/story-format.md`` documents the JSON layout; this module is its only reader and writer:

* :func:`story_to_dict` / :func:`story_from_dict` convert between objects and plain JSON data;
  ``story_from_dict`` (:mod:`storymap.story.validate`) validates every field and raises
  :class:`~storymap.errors.StoryFormatError` with a one-line message naming the field path
  (``steps[3].places[0].lat: ...``).
* :func:`dumps_story` / :func:`loads_story` do the same for JSON text.
* :func:`save_story` writes atomically and keeps the previous file as ``<name>.bak``;
  :func:`load_story` reads a file.

Round trips are exact: ``story_from_dict(story_to_dict(s)) == s`` and
``loads_story(dumps_story(s)) == s`` for every valid story ``s``.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from storymap import files
from storymap.errors import OutputError, StaleStoryError, StoryFormatError
from storymap.story.schema import STORY_FORMAT_VERSION, Step, StepPlace, Story
from storymap.story.validate import MAX_INT, MAX_NUMBER_CHARS, Unconverted, quote_text, story_from_dict

__all__ = [
    "story_to_dict",
    "story_from_dict",
    "dumps_story",
    "loads_story",
    "parse_json",
    "save_story",
    "load_story",
    "backup_path",
    "MAX_INT",
]

def _json_value(value: Any) -> Any:
    """A deep copy of ``value`` with mappings as dicts and sequences as lists."""
    if isinstance(value, Mapping):
        return {k: _json_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    return value


def _place_to_dict(p: StepPlace) -> dict[str, Any]:
    return {
        "name": p.name,
        "lat": p.lat,
        "lon": p.lon,
        "kind": p.kind,
        "role": p.role,
        "geonameid": p.geonameid,
        "country": p.country,
        "place_id": p.place_id,
        "alternatives": [_json_value(a) for a in p.alternatives],
        "corrected": p.corrected,
    }


def _step_to_dict(s: Step) -> dict[str, Any]:
    return {
        "id": s.id,
        "date": s.date,
        "date_end": s.date_end,
        "title": s.title,
        "text": s.text,
        "places": [_place_to_dict(p) for p in s.places],
        "sources": [
            {"file": src.file, "start": src.start, "end": src.end, "quote": src.quote}
            for src in s.sources
        ],
        "actors": list(s.actors),
        "corroboration": s.corroboration,
        "tags": list(s.tags),
        "kind": str(s.kind),
        "headline": s.headline,
        "date_precision": s.date_precision,
        "site": s.site,
        "media": [{"url": m.url, "caption": m.caption, "credit": m.credit} for m in s.media],
    }


def story_to_dict(story: Story) -> dict[str, Any]:
    """The story as plain JSON data (dicts, lists, str, int, float, bool, None).

    Every field is written, defaults included; steps keep their given order; the version written
    is always the current one (:data:`~storymap.story.schema.STORY_FORMAT_VERSION`). No validation
    is done here: :func:`dumps_story` and :func:`save_story` validate.
    """
    return {
        "version": STORY_FORMAT_VERSION,
        "title": story.title,
        "summary": story.summary,
        "metadata": _json_value(story.metadata),
        "steps": [_step_to_dict(s) for s in story.steps],
        "places": [
            {
                "name": e.name,
                "lat": e.lat,
                "lon": e.lon,
                "kind": e.kind,
                "country": e.country,
                "place_id": e.place_id,
                "steps": list(e.steps),
            }
            for e in story.places
        ],
    }


# --------------------------------------------------------------------------------------------
# JSON text


def dumps_story(story: Story) -> str:
    """The story as JSON text (indent 2, UTF-8 characters kept, steps in their given order).

    The story is validated first, so the text always loads back; an invalid story raises
    :class:`StoryFormatError` naming the field.
    """
    data = story_to_dict(story)
    story_from_dict(data)  # refuse to write what could not be read back
    try:
        return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:  # pragma: no cover - validation catches these first
        raise StoryFormatError(f"story cannot be written as JSON: {e}") from None


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(f"duplicate field {quote_text(key)} in one object")
        out[key] = value
    return out


def _parse_int(token: str) -> Any:
    return int(token) if len(token) <= MAX_NUMBER_CHARS else Unconverted(token)


def _parse_float(token: str) -> Any:
    # float("1e999") is inf: kept, and refused by validation with the field's path.
    return float(token) if len(token) <= MAX_NUMBER_CHARS else Unconverted(token)


def parse_json(text: str) -> Any:
    """JSON text as data, the way story files are read: duplicate keys raise :class:`ValueError`;
    ``NaN``/``Infinity`` and number tokens longer than :data:`MAX_NUMBER_CHARS` stay unconverted,
    for :func:`story_from_dict` to refuse at their field (``steps[0].places[0].lat: ...``)."""
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=Unconverted,
                      parse_int=_parse_int, parse_float=_parse_float)


def loads_story(text: str, name: str = "<story>") -> Story:
    """Parse and validate story JSON text; ``name`` (a file name) starts every error message.

    Text that is not JSON raises :class:`StoryFormatError` naming the line and column.
    """
    if not text.strip():
        raise StoryFormatError(f"{name}: is empty, expected a JSON story object")
    try:
        data = parse_json(text)
    except json.JSONDecodeError as e:
        where = f"line {e.lineno}, column {e.colno}"
        raise StoryFormatError(f"{name}: invalid JSON at {where}: {e.msg}") from None
    except _DuplicateKey as e:
        raise StoryFormatError(f"{name}: invalid JSON: {e}") from None
    except RecursionError:
        raise StoryFormatError(f"{name}: invalid JSON: nested too deeply") from None
    return story_from_dict(data, name=name)


# --------------------------------------------------------------------------------------------
# Files


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where :func:`save_story` keeps the previous version of ``path``: ``story.json.bak``."""
    return files.backup_path(path)


#: Held while a save compares the file on disk with the version its caller loaded and replaces it.
_SAVE_LOCK = threading.Lock()


def _reason(e: OSError) -> str:
    return e.strerror or str(e) or type(e).__name__


def save_story(story: Story, path: str | os.PathLike[str], *, expect: files.FileVersion | None = None,
               backup: bool = True) -> Path:
    """Write ``story`` to ``path`` atomically and return the path.

    Uses :func:`storymap.files.atomic_write`: readers see either the old file or the new one; the
    previous content (when different) is kept as ``<name>.bak`` (see :func:`backup_path`) once
    the new file is in place; a symlink keeps pointing at the file it names, which is the one
    rewritten. Parent directories are not created.

    ``expect`` is the :func:`~storymap.files.file_version` the caller loaded: when the file on
    disk no longer holds those bytes (someone else saved, or it was edited or removed), nothing is
    written and :class:`StaleStoryError` is raised, so neither change is lost silently.

    Raises :class:`StoryFormatError` (before touching the disk) if the story is invalid, and
    :class:`OutputError` naming the path if it cannot be written; no temporary file is left behind.
    """
    p = Path(path)
    text = dumps_story(story) + "\n"
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise StoryFormatError(f"{p}: story text cannot be written as UTF-8 ({e.reason})") from None
    if p.is_dir():
        raise OutputError(f"{p}: is a directory, expected a story file path")
    with _SAVE_LOCK:  # sessions of one app are threads: check and write as one step
        _check_unchanged(p, expect)
        try:
            files.atomic_write(p, data, backup=backup)
        except OSError as e:
            raise OutputError(f"{p}: cannot save the story: {_reason(e)}") from e
    return p


def _check_unchanged(p: Path, expect: files.FileVersion | None) -> None:
    if expect is not None:
        try:
            current = files.file_version(p)
        except OSError as e:
            raise OutputError(f"{p}: cannot read the existing file to compare it: {_reason(e)}") from e
        if not expect.same_content(current):
            what = "was removed" if current is None else "was changed by someone else"
            raise StaleStoryError(f"{p}: {what} since it was loaded; reload it or save under a new name")


def load_story(path: str | os.PathLike[str], max_bytes: int | None = None) -> Story:
    """Read and validate a story file.

    A missing or unreadable file, one that is not a regular file (a FIFO, a device) or one larger
    than ``max_bytes`` (default ``$STORYMAP_MAX_BYTES`` or 50 MB) raises
    :class:`~storymap.errors.InputFileError`; content that is not UTF-8, not JSON or not a valid
    story raises :class:`StoryFormatError` naming the file.
    """
    from storymap.limits import display_name, read_limited

    raw = read_limited(path, kind="story", limit=max_bytes)
    name = display_name(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise StoryFormatError(f"{name}: not UTF-8 text (invalid byte at offset {e.start})") from None
    return loads_story(text, name=name)
