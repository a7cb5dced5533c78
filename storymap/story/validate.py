"""JSON data to story objects, with validation: every field checked, errors name the field path.

:func:`story_from_dict` raises :class:`~storymap.errors.StoryFormatError` with a one-line message
naming the field path (``steps[3].places[0].lat: ...``).
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from storymap.errors import StoryFormatError
from storymap.story.schema import (
    DATE_FORMS,
    DATE_PRECISIONS,
    DATE_RE,
    MAX_HEADLINE_CHARS,
    MEDIA_URL_RE,
    PLACE_ROLES,
    STEP_KINDS,
    STEP_PLACE_KINDS,
    STORY_FORMAT_VERSION,
    Media,
    PlaceIndexEntry,
    Source,
    Step,
    StepPlace,
    Story,
    StepKind,
    date_bounds,
    date_precision,
    is_valid_date,
    precision_rank,
)

__all__ = ["story_from_dict", "MAX_INT", "MAX_NUMBER_CHARS", "Unconverted", "quote_text"]

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


class Unconverted:
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
    if isinstance(value, Unconverted):
        return repr(value)
    if isinstance(value, int) and abs(value) > 10**20:  # str() of a huge int is slow or refused
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1} digits"
    if isinstance(value, (int, float)):
        return repr(value) if isinstance(value, float) and not math.isfinite(value) else json.dumps(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return quote_text(shown)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, (list, tuple)):
        return "a list"
    return f"a {type(value).__name__}"


_LINE_BREAKS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def quote_text(text: str) -> str:
    """``text`` as a JSON string on one line, whatever it holds (error messages are one line)."""
    # Lone surrogates are escaped too: printed raw they would crash a strict UTF-8 stream.
    return json.dumps(text, ensure_ascii=bool(_LINE_BREAKS.search(text) or _SURROGATE.search(text)))


def _at(path: str, key: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][\w-]*", key):
        key = f"[{quote_text(key if len(key) <= 40 else key[:40] + '…')}]"
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
            f'unknown field {quote_text(key)}{hint}; allowed: {", ".join(allowed)}; prefix extensions with "x-"',
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
        why = " (no such calendar date)" if isinstance(value, str) and DATE_RE.fullmatch(value) else ""
        raise _Invalid(path, f"expected {DATE_FORMS} or null, got {_describe(value)}{why}")
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


_V1_STEP_FIELDS = ("date_end", "actors", "corroboration", "tags")
_V2_STEP_FIELDS = (*_V1_STEP_FIELDS, "kind", "headline", "date_precision", "site")
_V3_STEP_FIELDS = (*_V2_STEP_FIELDS, "media")
MAX_MEDIA_URL_CHARS = 4_000_000  # an embedded picture of about 3 MB


def _media(obj: Any, path: str) -> Media:
    _fields(obj, path, ("url",), ("caption", "credit"))
    url = _str(obj["url"], _at(path, "url"), nonempty=True)
    if len(url) > MAX_MEDIA_URL_CHARS or not MEDIA_URL_RE.fullmatch(url):  # type: ignore[arg-type]
        raise _Invalid(_at(path, "url"), "expected an http(s) URL or a data:image/...;base64 picture, got "
                       + _describe(url[:60] if isinstance(url, str) else url))
    return Media(url, _str(obj.get("caption", ""), _at(path, "caption")),  # type: ignore[arg-type]
                 _str(obj.get("credit", ""), _at(path, "credit")))  # type: ignore[arg-type]


def _step(obj: Any, path: str, version: int) -> Step:
    if version < 3 and isinstance(obj, Mapping):
        for since, fields in ((2, _V2_STEP_FIELDS[len(_V1_STEP_FIELDS):]), (3, _V3_STEP_FIELDS[len(_V2_STEP_FIELDS):])):
            newer = next((k for k in fields if k in obj), None) if version < since else None
            if newer is not None:
                raise _Invalid(path, f'field "{newer}" is new in version {since}; the story says version {version}')
    _fields(
        obj,
        path,
        ("id", "date", "title", "text", "places", "sources"),
        _V3_STEP_FIELDS if version >= 3 else _V2_STEP_FIELDS if version >= 2 else _V1_STEP_FIELDS,
    )
    start = _date(obj["date"], _at(path, "date"))
    end = _date(obj.get("date_end"), _at(path, "date_end"))
    if end is not None:
        if start is None:
            raise _Invalid(_at(path, "date_end"), "a date range needs a start: date is null")
        if date_bounds(end)[1] < date_bounds(start)[0]:
            raise _Invalid(_at(path, "date_end"), f'ends before date "{start}": got "{end}"')
    places = tuple(_place(p, f"{path}.places[{i}]") for i, p in enumerate(_list(obj["places"], _at(path, "places"))))
    sources = _list(obj["sources"], _at(path, "sources"))
    tags = _str_list(obj.get("tags", []), _at(path, "tags"))
    if version >= 2:
        v2 = _v2_step_fields(obj, path, start, len(places))
    else:  # version 1: kind from the "background" tag; headline, precision and site derived
        v2 = {"kind": StepKind.BACKGROUND.value if "background" in tags else StepKind.EVENT.value}
    return Step(
        id=_str(obj["id"], _at(path, "id"), nonempty=True),  # type: ignore[arg-type]
        date=start,
        title=_str(obj["title"], _at(path, "title")),  # type: ignore[arg-type]
        text=_str(obj["text"], _at(path, "text")),  # type: ignore[arg-type]
        places=places,
        sources=tuple(_source(s, f"{path}.sources[{i}]") for i, s in enumerate(sources)),
        date_end=end,
        actors=_str_list(obj.get("actors", []), _at(path, "actors")),
        corroboration=_int(  # type: ignore[arg-type]
            obj.get("corroboration", 1), _at(path, "corroboration"), minimum=0
        ),
        tags=tags,
        media=tuple(_media(m, f"{path}.media[{i}]") for i, m in enumerate(_list(obj.get("media", []), _at(path, "media")))),
        **v2,
    )


def _v2_step_fields(obj: Mapping[str, Any], path: str, date: str | None, n_places: int) -> dict[str, Any]:
    """The fields version 2 added to a step: kind, headline, date_precision and site."""
    kind = _choice(obj.get("kind", StepKind.EVENT.value), _at(path, "kind"), STEP_KINDS)
    headline = _str(obj.get("headline"), _at(path, "headline"), nullable=True, nonempty=True)
    if headline is not None and len(headline) > MAX_HEADLINE_CHARS:
        raise _Invalid(
            _at(path, "headline"), f"expected at most {MAX_HEADLINE_CHARS} characters, got {len(headline)}"
        )
    precision = _choice(obj.get("date_precision"), _at(path, "date_precision"), DATE_PRECISIONS, nullable=True)
    if precision is not None:
        if date is None:
            raise _Invalid(_at(path, "date_precision"), f'an undated step has no precision: got "{precision}"')
        form = date_precision(date)
        if precision_rank(precision) < precision_rank(form):  # type: ignore[arg-type]
            raise _Invalid(
                _at(path, "date_precision"), f'"{precision}" is finer than the date "{date}" can say ({form})'
            )
    site = _int(obj.get("site"), _at(path, "site"), minimum=0, nullable=True)
    if site is not None and site >= n_places:
        has = f"{n_places} place" + ("" if n_places == 1 else "s")
        raise _Invalid(_at(path, "site"), f"expected an index into places (the step has {has}), got {site}")
    return {"kind": kind, "headline": headline, "date_precision": precision, "site": site}


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
    version = d.get("version", 1)
    if not (isinstance(version, int) and not isinstance(version, bool) and version > STORY_FORMAT_VERSION):
        _int(version, "version", minimum=1)  # any integer above ours, however large, is "newer"
    if version > STORY_FORMAT_VERSION:
        raise _Invalid(
            "",
            f"format version {_describe(version)} is newer than this storymap supports "
            f"({STORY_FORMAT_VERSION}); upgrade storymap",
        )
    _fields(d, "", ("title", "steps"), ("version", "summary", "places", "metadata"))
    steps = tuple(_step(s, f"steps[{i}]", version) for i, s in enumerate(_list(d["steps"], "steps")))
    seen: dict[str, int] = {}
    for i, s in enumerate(steps):
        if s.id in seen:
            raise _Invalid(
                f"steps[{i}].id", f"duplicate step id {_describe(s.id)} (also steps[{seen[s.id]}])"
            )
        seen[s.id] = i
        if s.kind == StepKind.OVERVIEW and i > 0:
            raise _Invalid(f"steps[{i}].kind", 'an "overview" step must be the first step, steps[0]')
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
        version=STORY_FORMAT_VERSION,  # older versions are upgraded on reading
    )


def story_from_dict(d: Mapping[str, Any], name: str | None = None) -> Story:
    """Build and validate a :class:`Story` from JSON data.

    Raises :class:`StoryFormatError` with one line naming ``name`` (when given) and the field
    path, e.g. ``story.json: steps[3].places[0].lat: expected a number between -90 and 90, got
    "abc"``. The version is checked first: a file from a newer storymap is refused with a message
    asking to upgrade. Unknown fields are refused unless their name starts with ``x-`` (those are
    ignored and not written back). Missing optional fields take their defaults; a missing
    ``version`` means version 1. An older version is upgraded: a version-1 step is of kind
    ``"background"`` when tagged so, else ``"event"``, with headline, precision and site derived
    (``None``); the story returned has the current version.
    """
    try:
        return _story(d, name)
    except _Invalid as e:
        raise StoryFormatError(f"{name}: {e}" if name else str(e)) from None
    except RecursionError:
        raise StoryFormatError(f"{name + ': ' if name else ''}story data is nested too deeply") from None
