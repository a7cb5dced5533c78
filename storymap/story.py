"""The story file: a versioned JSON document of dated, placed steps, and how to read and write it.

A :class:`Story` is an ordered tuple of :class:`Step` objects, each with places on the map and the
sources (spans of the articles) it rests on. ``docs/story-format.md`` documents the JSON layout;
this module is its only reader and writer:

* :func:`story_to_dict` / :func:`story_from_dict` convert between objects and plain JSON data;
  ``story_from_dict`` validates every field and raises :class:`~storymap.errors.StoryFormatError`
  with a one-line message naming the field path (``steps[3].places[0].lat: ...``).
* :func:`dumps_story` / :func:`loads_story` do the same for JSON text.
* :func:`save_story` writes atomically and keeps the previous file as ``<name>.bak``;
  :func:`load_story` reads a file.
* :func:`order_steps` sorts steps chronologically; :func:`build_place_index` lists the places and
  the steps that mention them.

The dataclasses do not validate themselves when constructed; validation happens at the file
boundary (:func:`story_from_dict`, and :func:`dumps_story`/:func:`save_story`, which refuse to write
a story that could not be read back). Sequence fields given as lists are stored as tuples.

Round trips are exact: ``story_from_dict(story_to_dict(s)) == s`` and
``loads_story(dumps_story(s)) == s`` for every valid story ``s``.
"""

from __future__ import annotations

import difflib
import json
import math
import os
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from storymap import files
from storymap.errors import InputFileError, OutputError, StaleStoryError, StoryFormatError
from storymap.model import PLACE_KINDS

__all__ = [
    "STORY_FORMAT_VERSION",
    "PLACE_ROLES",
    "STEP_PLACE_KINDS",
    "StepPlace",
    "Source",
    "Step",
    "PlaceIndexEntry",
    "Story",
    "story_to_dict",
    "story_from_dict",
    "dumps_story",
    "loads_story",
    "save_story",
    "load_story",
    "backup_path",
    "order_steps",
    "build_place_index",
    "is_valid_date",
    "date_bounds",
    "date_sort_key",
]

#: The newest story format version this code reads, and the version it writes.
STORY_FORMAT_VERSION = 1

#: What a place is to a step: where it happens, or where a movement starts or ends.
PLACE_ROLES = ("site", "origin", "destination")

#: Kinds a step's place may have (``None`` is also allowed, for an unresolved place).
STEP_PLACE_KINDS = PLACE_KINDS


def _tuple(value: Any) -> tuple:
    return value if isinstance(value, tuple) else tuple(value)


@dataclass(frozen=True)
class StepPlace:
    """A place on the map for one step.

    ``lat``/``lon`` are both ``None`` when the name could not be placed. ``place_id`` is the
    gazetteer id (``"gn:<geonameid>"`` or ``"cur:<slug>"``). ``alternatives`` are the resolver's
    ranked other readings, as plain dicts with the keys ``name`` (required), ``lat``, ``lon``,
    ``kind``, ``country``, ``place_id`` and ``score``, so a person can correct the choice in the
    app; ``corrected`` is set when a person picked the place by hand.

    Because ``alternatives`` holds dicts, a ``StepPlace`` with alternatives is not hashable.
    """

    name: str
    lat: float | None
    lon: float | None
    kind: str | None  # one of STEP_PLACE_KINDS, or None
    role: str = "site"  # one of PLACE_ROLES
    geonameid: int | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    place_id: str | None = None
    alternatives: tuple[dict[str, Any], ...] = ()
    corrected: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "alternatives", _tuple(self.alternatives))


@dataclass(frozen=True)
class Source:
    """The evidence for a step: ``[start, end)`` character offsets into the decoded text of the
    article ``file`` (see :class:`storymap.model.Article`), and the evidence sentence ``quote``."""

    file: str
    start: int
    end: int
    quote: str = ""


@dataclass(frozen=True)
class Step:
    """One stop of the story: what happened, when, where, and which sources say so.

    ``date`` is an ISO date ``"YYYY-MM-DD"``, a partial date ``"YYYY-MM"`` or ``"YYYY"``, or
    ``None`` when the step is undated; ``date_end`` (same forms) closes a range and needs ``date``.
    ``corroboration`` is the number of distinct source files that report the step. ``tags`` are
    free labels such as ``"background"``.
    """

    id: str
    date: str | None
    title: str
    text: str
    places: tuple[StepPlace, ...]
    sources: tuple[Source, ...]
    date_end: str | None = None
    actors: tuple[str, ...] = ()
    corroboration: int = 1
    tags: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("places", "sources", "actors", "tags"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))


@dataclass(frozen=True)
class PlaceIndexEntry:
    """A place of the story and the ids of the steps that mention it (in step order)."""

    name: str
    lat: float | None
    lon: float | None
    kind: str | None
    country: str | None
    place_id: str | None
    steps: tuple[str, ...]

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", _tuple(self.steps))


@dataclass(frozen=True)
class Story:
    """A whole story: a title, an optional summary, the ordered steps and an index of places.

    ``metadata`` is a free JSON object; by convention it holds ``articles`` (a list of
    ``{file, title, date}`` objects), ``created`` (ISO 8601 timestamp), ``generator``
    (``"storymap 0.1.0"``) and ``dct`` (the document creation date used to anchor relative dates).
    Because it is a mapping, a ``Story`` is not hashable.
    """

    title: str
    steps: tuple[Step, ...]
    summary: str = ""
    places: tuple[PlaceIndexEntry, ...] = ()
    metadata: Mapping[str, Any] = field(default_factory=dict)
    version: int = STORY_FORMAT_VERSION

    def __post_init__(self) -> None:
        object.__setattr__(self, "steps", _tuple(self.steps))
        object.__setattr__(self, "places", _tuple(self.places))


# --------------------------------------------------------------------------------------------
# Dates

_DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_DATE_FORMS = 'an ISO date "YYYY-MM-DD", "YYYY-MM" or "YYYY"'


def date_bounds(value: str) -> tuple[date, date]:
    """First and last calendar day covered by an ISO date or partial date.

    >>> date_bounds("2019-02")
    (datetime.date(2019, 2, 1), datetime.date(2019, 2, 28))

    Raises :class:`ValueError` for anything else (``"2019-13-01"``, ``"2019-02-30"``, ``"19"``).
    """
    m = _DATE_RE.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        raise ValueError(f"not {_DATE_FORMS}: {value!r}")
    year = int(m[1])
    if m[3] is not None:
        day = date(year, int(m[2]), int(m[3]))
        return day, day
    if m[2] is not None:
        first = date(year, int(m[2]), 1)
        nxt = date(year + 1, 1, 1) if first.month == 12 else date(year, first.month + 1, 1)
        return first, date.fromordinal(nxt.toordinal() - 1)
    return date(year, 1, 1), date(year, 12, 31)


def is_valid_date(value: object) -> bool:
    """``True`` for ``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"`` naming a real calendar date."""
    try:
        date_bounds(value)  # type: ignore[arg-type]
    except (ValueError, TypeError):
        return False
    return True


def date_sort_key(value: str | None) -> tuple:
    """Sort key for step dates: by first day, coarser first on ties, undated last.

    ``"2019" < "2019-05" < "2019-05-01" < "2019-05-03" < None``.
    """
    if value is None:
        return (1,)
    first, _ = date_bounds(value)
    return (0, first.toordinal(), value.count("-"))


def order_steps(steps: Sequence[Step]) -> tuple[Step, ...]:
    """Steps in chronological order (see :func:`date_sort_key`); the sort is stable, so steps with
    the same date keep their given order, and undated steps come last in their given order."""
    return tuple(sorted(steps, key=lambda s: date_sort_key(s.date)))


def build_place_index(steps: Sequence[Step]) -> tuple[PlaceIndexEntry, ...]:
    """One entry per distinct place, in order of first mention, with the ids of the steps naming it.

    Places are the same when they share a ``place_id``; places without one are the same when
    name and coordinates match. Unplaced names (``lat``/``lon`` ``None``) are listed too. The
    entry takes name, coordinates, kind and country from the first mention.
    """
    found: dict[tuple, tuple[StepPlace, list[str]]] = {}
    for step in steps:
        for p in step.places:
            key = ("id", p.place_id) if p.place_id else ("name", p.name, p.lat, p.lon)
            entry = found.setdefault(key, (p, []))
            if step.id not in entry[1]:
                entry[1].append(step.id)
    return tuple(
        PlaceIndexEntry(p.name, p.lat, p.lon, p.kind, p.country, p.place_id, tuple(ids))
        for p, ids in found.values()
    )


# --------------------------------------------------------------------------------------------
# Objects -> JSON data


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
    }


def story_to_dict(story: Story) -> dict[str, Any]:
    """The story as plain JSON data (dicts, lists, str, int, float, bool, None).

    Every field is written, defaults included; steps keep their given order. No validation is
    done here: :func:`dumps_story` and :func:`save_story` validate.
    """
    return {
        "version": story.version,
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
# JSON data -> objects, with validation


class _Invalid(Exception):
    def __init__(self, path: str, message: str) -> None:
        if len(path) > 120:  # deep nesting: keep the message readable
            path = path[:50] + "…" + path[-50:]
        super().__init__(f"{path}: {message}" if path else message)


#: Integers the format accepts: JSON's interoperable range (RFC 7493, I-JSON), which JavaScript
#: (the HTML page, the app) holds exactly. A geonameid or an offset never comes near it.
MAX_INT = 2**53 - 1

#: Longest number token the JSON reader converts (sign, digits, point, exponent). Longer ones stay
#: text (:class:`_Oversized`) and are refused with the field's path: int() of a 5,000-digit token
#: would raise Python's own "Exceeds the limit" ValueError before any field is known.
MAX_NUMBER_CHARS = 40

_SURROGATE = re.compile("[\ud800-\udfff]")


class _Unconverted:
    """A JSON token the reader leaves as text: a number too long to convert, or ``NaN``/``Infinity``
    (not JSON). Validation then refuses it with its field path, which the parser does not know."""

    __slots__ = ("token",)

    def __init__(self, token: str) -> None:
        self.token = token

    def __repr__(self) -> str:
        if self.token in ("NaN", "Infinity", "-Infinity"):
            return f"{self.token} (not valid JSON)"
        return f"a number of {len(self.token)} characters (at most {MAX_NUMBER_CHARS})"


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, _Unconverted):
        return repr(value)
    if isinstance(value, int) and abs(value) > 10**20:  # str() of a huge int is slow or refused
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) and not math.isfinite(value) else json.dumps(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return _quote(shown)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


_LINE_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _quote(text: str) -> str:
    """``text`` as a JSON string on one line, whatever it holds (error messages are one line)."""
    # Lone surrogates are escaped too: printed raw they would crash a strict UTF-8 stream.
    return json.dumps(text, ensure_ascii=bool(_LINE_BREAKS.search(text) or _SURROGATE.search(text)))


def _at(path: str, key: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][\w-]*", key):
        key = f"[{_quote(key if len(key) <= 40 else key[:40] + '…')}]"
        return f"{path}{key}"
    return f"{path}.{key}" if path else key


def _fields(obj: Any, path: str, required: Sequence[str], optional: Sequence[str]) -> Mapping[str, Any]:
    """Check that ``obj`` is an object with the required keys and no unknown ones (``x-`` keys are
    extensions and are ignored)."""
    if not isinstance(obj, Mapping):
        raise _Invalid(path, f"expected an object, got {_describe(obj)}")
    allowed = (*required, *optional)
    for key in obj:
        if not isinstance(key, str):
            raise _Invalid(path, f"field names must be strings, got {_describe(key)}")
        if key.startswith("x-"):
            _json_data(obj[key], _at(path, key))  # ignored, but still JSON: no NaN, no lone surrogate
            continue
        if key in allowed:
            continue
        close = [a for a in allowed if key.lower().startswith(a)] or difflib.get_close_matches(
            key.lower(), allowed, n=1, cutoff=0.5
        )
        hint = f' (did you mean "{close[0]}"?)' if close else ""
        raise _Invalid(
            path,
            f'unknown field {_quote(key)}{hint}; allowed: {", ".join(allowed)}; prefix extensions with "x-"',
        )
    for key in required:
        if key not in obj:
            raise _Invalid(path, f'missing required field "{key}"')
    return obj


def _unicode(value: str, path: str) -> str:
    """``value`` if it is valid Unicode. JSON's ``"\\ud800"`` escape decodes to a lone surrogate,
    which no UTF-8 writer (a file, stdout, the browser) accepts: refuse it here, at its field."""
    m = _SURROGATE.search(value)
    if m:
        raise _Invalid(
            path, f"expected valid Unicode text, got a lone surrogate \\u{ord(m[0]):04x} at character {m.start()}"
        )
    return value


def _str(value: Any, path: str, *, nullable: bool = False, nonempty: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or (nonempty and not value.strip()):
        what = "a non-empty string" if nonempty else "a string"
        raise _Invalid(path, f"expected {what}{' or null' if nullable else ''}, got {_describe(value)}")
    return _unicode(value, path)


def _int(value: Any, path: str, *, minimum: int | None = None, nullable: bool = False) -> int | None:
    if value is None and nullable:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        raise _Invalid(path, f"expected an integer between {-MAX_INT} and {MAX_INT}, got {_describe(value)}")
    if isinstance(value, bool) or not isinstance(value, int) or (minimum is not None and value < minimum):
        what = "an integer" if minimum is None else f"an integer >= {minimum}"
        raise _Invalid(path, f"expected {what}{' or null' if nullable else ''}, got {_describe(value)}")
    return value


def _number(value: Any, path: str, lo: float, hi: float, *, nullable: bool = False) -> float | None:
    if value is None and nullable:
        return None
    # Range first, and for ints exactly: math.isfinite(10**400) raises OverflowError, and float() too.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise _Invalid(path, f"expected a number between {lo:g} and {hi:g}, got {_describe(value)}")
    return float(value)  # NaN fails the range test above; ±inf is out of every range


def _bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(path, f"expected true or false, got {_describe(value)}")
    return value


def _list(value: Any, path: str) -> Sequence[Any]:
    if not isinstance(value, (list, tuple)):
        raise _Invalid(path, f"expected a list, got {_describe(value)}")
    return value


def _choice(value: Any, path: str, choices: Sequence[str], *, nullable: bool = False) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or value not in choices:
        options = ", ".join(f'"{c}"' for c in choices) + (" or null" if nullable else "")
        raise _Invalid(path, f"expected one of {options}, got {_describe(value)}")
    return value


def _date(value: Any, path: str) -> str | None:
    if value is None:
        return None
    if not is_valid_date(value):
        why = " (no such calendar date)" if isinstance(value, str) and _DATE_RE.fullmatch(value) else ""
        raise _Invalid(path, f"expected {_DATE_FORMS} or null, got {_describe(value)}{why}")
    return value


_COUNTRY_RE = re.compile(r"[A-Z]{2}")


def _country(value: Any, path: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not _COUNTRY_RE.fullmatch(value):
        raise _Invalid(
            path, f'expected an ISO 3166-1 alpha-2 code such as "IR", or null, got {_describe(value)}'
        )
    return value


def _coords(obj: Mapping[str, Any], path: str) -> tuple[float | None, float | None]:
    lat = _number(obj.get("lat"), _at(path, "lat"), -90, 90, nullable=True)
    lon = _number(obj.get("lon"), _at(path, "lon"), -180, 180, nullable=True)
    if (lat is None) != (lon is None):
        raise _Invalid(path, "lat and lon must both be numbers or both be null")
    return lat, lon


def _json_data(value: Any, path: str, depth: int = 0) -> Any:
    """Validate a free JSON value (metadata) and copy it as dicts/lists."""
    if depth > 100:
        raise _Invalid(path, "nested too deeply")
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        return _unicode(value, path)
    if isinstance(value, int):
        return _int(value, path)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _Invalid(path, f"expected a finite number, got {_describe(value)}")
        return value
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise _Invalid(path, f"field names must be strings, got {_describe(k)}")
            _unicode(k, _at(path, k))
            out[k] = _json_data(v, _at(path, k), depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [_json_data(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(value)]
    raise _Invalid(path, f"expected a JSON value, got {_describe(value)}")


_ALTERNATIVE_KEYS = ("name", "lat", "lon", "kind", "country", "place_id", "score")


def _alternative(obj: Any, path: str) -> dict[str, Any]:
    _fields(obj, path, ("name",), _ALTERNATIVE_KEYS[1:])
    out: dict[str, Any] = {"name": _str(obj["name"], _at(path, "name"))}
    lat, lon = _coords(obj, path)
    checks = {
        "lat": lambda v: lat,
        "lon": lambda v: lon,
        "kind": lambda v: _choice(v, _at(path, "kind"), STEP_PLACE_KINDS, nullable=True),
        "country": lambda v: _country(v, _at(path, "country")),
        "place_id": lambda v: _str(v, _at(path, "place_id"), nullable=True, nonempty=True),
        "score": lambda v: _number(v, _at(path, "score"), 0, 1, nullable=True),
    }
    for key, check in checks.items():
        if key in obj:
            out[key] = check(obj[key])
    return out


def _place(obj: Any, path: str) -> StepPlace:
    _fields(
        obj,
        path,
        ("name", "lat", "lon", "kind"),
        ("role", "geonameid", "country", "place_id", "alternatives", "corrected"),
    )
    lat, lon = _coords(obj, path)
    alternatives = _list(obj.get("alternatives", []), _at(path, "alternatives"))
    return StepPlace(
        name=_str(obj["name"], _at(path, "name"), nonempty=True),
        lat=lat,
        lon=lon,
        kind=_choice(obj["kind"], _at(path, "kind"), STEP_PLACE_KINDS, nullable=True),
        role=_choice(obj.get("role", "site"), _at(path, "role"), PLACE_ROLES),
        geonameid=_int(obj.get("geonameid"), _at(path, "geonameid"), minimum=0, nullable=True),
        country=_country(obj.get("country"), _at(path, "country")),
        place_id=_str(obj.get("place_id"), _at(path, "place_id"), nullable=True, nonempty=True),
        alternatives=tuple(
            _alternative(a, f"{path}.alternatives[{i}]") for i, a in enumerate(alternatives)
        ),
        corrected=_bool(obj.get("corrected", False), _at(path, "corrected")),
    )


def _source(obj: Any, path: str) -> Source:
    _fields(obj, path, ("file", "start", "end"), ("quote",))
    start = _int(obj["start"], _at(path, "start"), minimum=0)
    end = _int(obj["end"], _at(path, "end"), minimum=0)
    if end < start:  # type: ignore[operator]
        raise _Invalid(_at(path, "end"), f"expected an offset >= start ({start}), got {end}")
    return Source(
        file=_str(obj["file"], _at(path, "file"), nonempty=True),
        start=start,  # type: ignore[arg-type]
        end=end,  # type: ignore[arg-type]
        quote=_str(obj.get("quote", ""), _at(path, "quote")),  # type: ignore[arg-type]
    )


def _str_list(value: Any, path: str) -> tuple[str, ...]:
    return tuple(_str(v, f"{path}[{i}]") for i, v in enumerate(_list(value, path)))  # type: ignore[misc]


def _step(obj: Any, path: str) -> Step:
    _fields(
        obj,
        path,
        ("id", "date", "title", "text", "places", "sources"),
        ("date_end", "actors", "corroboration", "tags"),
    )
    start = _date(obj["date"], _at(path, "date"))
    end = _date(obj.get("date_end"), _at(path, "date_end"))
    if end is not None:
        if start is None:
            raise _Invalid(_at(path, "date_end"), "a date range needs a start: date is null")
        if date_bounds(end)[1] < date_bounds(start)[0]:
            raise _Invalid(_at(path, "date_end"), f'ends before date "{start}": got "{end}"')
    places = _list(obj["places"], _at(path, "places"))
    sources = _list(obj["sources"], _at(path, "sources"))
    return Step(
        id=_str(obj["id"], _at(path, "id"), nonempty=True),  # type: ignore[arg-type]
        date=start,
        title=_str(obj["title"], _at(path, "title")),  # type: ignore[arg-type]
        text=_str(obj["text"], _at(path, "text")),  # type: ignore[arg-type]
        places=tuple(_place(p, f"{path}.places[{i}]") for i, p in enumerate(places)),
        sources=tuple(_source(s, f"{path}.sources[{i}]") for i, s in enumerate(sources)),
        date_end=end,
        actors=_str_list(obj.get("actors", []), _at(path, "actors")),
        corroboration=_int(  # type: ignore[arg-type]
            obj.get("corroboration", 1), _at(path, "corroboration"), minimum=0
        ),
        tags=_str_list(obj.get("tags", []), _at(path, "tags")),
    )


def _index_entry(obj: Any, path: str, step_ids: set[str]) -> PlaceIndexEntry:
    _fields(obj, path, ("name", "lat", "lon", "kind", "country", "place_id", "steps"), ())
    lat, lon = _coords(obj, path)
    ids = _str_list(obj["steps"], _at(path, "steps"))
    for i, sid in enumerate(ids):
        if sid not in step_ids:
            raise _Invalid(f"{path}.steps[{i}]", f"unknown step id {_describe(sid)}")
        if sid in ids[:i]:
            raise _Invalid(f"{path}.steps[{i}]", f"step id {_describe(sid)} is listed twice")
    return PlaceIndexEntry(
        name=_str(obj["name"], _at(path, "name"), nonempty=True),  # type: ignore[arg-type]
        lat=lat,
        lon=lon,
        kind=_choice(obj["kind"], _at(path, "kind"), STEP_PLACE_KINDS, nullable=True),
        country=_country(obj["country"], _at(path, "country")),
        place_id=_str(obj["place_id"], _at(path, "place_id"), nullable=True, nonempty=True),
        steps=ids,
    )


def _story(d: Any, name: str | None) -> Story:
    if not isinstance(d, Mapping):
        raise _Invalid("", f"expected a JSON object at the top level, got {_describe(d)}")
    version = d.get("version", STORY_FORMAT_VERSION)
    if not (isinstance(version, int) and not isinstance(version, bool) and version > STORY_FORMAT_VERSION):
        _int(version, "version", minimum=1)  # any integer above ours, however large, is "newer"
    if version > STORY_FORMAT_VERSION:
        raise _Invalid(
            "",
            f"format version {_describe(version)} is newer than this storymap supports "
            f"({STORY_FORMAT_VERSION}); upgrade storymap",
        )
    _fields(d, "", ("title", "steps"), ("version", "summary", "places", "metadata"))
    steps = tuple(_step(s, f"steps[{i}]") for i, s in enumerate(_list(d["steps"], "steps")))
    seen: dict[str, int] = {}
    for i, s in enumerate(steps):
        if s.id in seen:
            raise _Invalid(
                f"steps[{i}].id", f"duplicate step id {_describe(s.id)} (also steps[{seen[s.id]}])"
            )
        seen[s.id] = i
    metadata = d.get("metadata", {})
    if not isinstance(metadata, Mapping):
        raise _Invalid("metadata", f"expected an object, got {_describe(metadata)}")
    places = _list(d.get("places", []), "places")
    ids = set(seen)  # once: a set per place entry made loading quadratic (100,000 steps: minutes)
    return Story(
        title=_str(d["title"], "title"),  # type: ignore[arg-type]
        steps=steps,
        summary=_str(d.get("summary", ""), "summary"),  # type: ignore[arg-type]
        places=tuple(_index_entry(e, f"places[{i}]", ids) for i, e in enumerate(places)),
        metadata=_json_data(metadata, "metadata"),
        version=version,
    )


def story_from_dict(d: Mapping[str, Any], name: str | None = None) -> Story:
    """Build and validate a :class:`Story` from JSON data.

    Raises :class:`StoryFormatError` with one line naming ``name`` (when given) and the field
    path, e.g. ``story.json: steps[3].places[0].lat: expected a number between -90 and 90, got
    "abc"``. The version is checked first: a file from a newer storymap is refused with a message
    asking to upgrade. Unknown fields are refused unless their name starts with ``x-`` (those are
    ignored and not written back). Missing optional fields take their defaults; a missing
    ``version`` means version 1.
    """
    try:
        return _story(d, name)
    except _Invalid as e:
        raise StoryFormatError(f"{name}: {e}" if name else str(e)) from None
    except RecursionError:
        raise StoryFormatError(f"{name + ': ' if name else ''}story data is nested too deeply") from None


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
            raise _DuplicateKey(f"duplicate field {_quote(key)} in one object")
        out[key] = value
    return out


def _parse_int(token: str) -> Any:
    return int(token) if len(token) <= MAX_NUMBER_CHARS else _Unconverted(token)


def _parse_float(token: str) -> Any:
    # float("1e999") is inf: kept, and refused by validation with the field's path.
    return float(token) if len(token) <= MAX_NUMBER_CHARS else _Unconverted(token)


def parse_json(text: str) -> Any:
    """JSON text as data, the way story files are read: duplicate keys raise :class:`ValueError`;
    ``NaN``/``Infinity`` and number tokens longer than :data:`MAX_NUMBER_CHARS` stay unconverted,
    for :func:`story_from_dict` to refuse at their field (``steps[0].places[0].lat: ...``)."""
    return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_Unconverted,
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
    from .limits import display_name, read_limited

    raw = read_limited(path, kind="story", limit=max_bytes)
    name = display_name(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise StoryFormatError(f"{name}: not UTF-8 text (invalid byte at offset {e.start})") from None
    return loads_story(text, name=name)
