"""The story's schema: the dataclasses of a story file, and the helpers for its dates and places.

A :class:`Story` is an ordered tuple of :class:`Step` objects, each with places on the map and the
sources (spans of the articles) it rests on. ``docs/story-format.md`` documents the JSON layout;
:mod:`storymap.story.jsonio` reads and writes it.

The dataclasses do not validate themselves when constructed; validation happens at the file
boundary (:func:`~storymap.story.jsonio.story_from_dict`, and ``dumps_story``/``save_story``, which
refuse to write a story that could not be read back). Sequence fields given as lists are stored as
tuples.

* :func:`date_bounds`, :func:`is_valid_date`, :func:`date_sort_key` and :func:`date_label` handle the
  story's dates (``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"``);
* :func:`date_precision` names how precise a date string is (``"day"``, ``"month"``, ``"year"``);
* :func:`order_steps` sorts steps chronologically (the overview first); :func:`build_place_index`
  lists the places and the steps that mention them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from storymap.calendar import MONTHS
from storymap.model import PLACE_KINDS, ROLES, STEP_KINDS, StepKind
from storymap.urls import HTTP_URL

__all__ = [
    "STORY_FORMAT_VERSION",
    "PLACE_ROLES",
    "STEP_PLACE_KINDS",
    "STEP_KINDS",
    "DATE_PRECISIONS",
    "MAX_HEADLINE_CHARS",
    "StepKind",
    "StepPlace",
    "Source",
    "Media",
    "MEDIA_URL_RE",
    "Step",
    "PlaceIndexEntry",
    "Story",
    "order_steps",
    "build_place_index",
    "is_valid_date",
    "date_bounds",
    "date_sort_key",
    "date_label",
    "date_precision",
    "precision_rank",
    "DATE_FORMS",
    "DATE_RE",
]

#: The newest story format version this code reads, and the version it writes (3 added step media).
STORY_FORMAT_VERSION = 3

#: What a place is to a step: where it happens, or where a movement starts or ends.
PLACE_ROLES = ROLES

#: Kinds a step's place may have (``None`` is also allowed, for an unresolved place).
STEP_PLACE_KINDS = PLACE_KINDS

#: How precise a step's date is, finest first. A date string says "day", "month" or "year" by its
#: form; the others are given by whoever made the step (a "week" or "season" starts on a day or a
#: month, a "decade" or "century" is written as its first year).
DATE_PRECISIONS = ("day", "week", "month", "season", "quarter", "year", "decade", "century")

#: Longest headline the format accepts (a headline is a line, not a paragraph).
MAX_HEADLINE_CHARS = 200


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


#: What a media ``url`` may be: an http(s) address, or a picture embedded as a base64 ``data:`` URI.
MEDIA_URL_RE = re.compile(HTTP_URL + r"|data:image/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*", re.I)


@dataclass(frozen=True)
class Media:
    """A picture of a step, from its article: ``url`` (see :data:`MEDIA_URL_RE`: a local picture is
    embedded as a ``data:`` URI, a remote one referenced only when the user asked for it), its
    ``caption`` and ``credit`` as the article gives them."""

    url: str
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True)
class Step:
    """One stop of the story: what happened, when, where, and which sources say so.

    ``date`` is an ISO date ``"YYYY-MM-DD"``, a partial date ``"YYYY-MM"`` or ``"YYYY"``, or
    ``None`` when the step is undated; ``date_end`` (same forms) closes a range and needs ``date``.
    ``corroboration`` is the number of distinct source files that report the step. ``tags`` are
    free labels such as ``"background"``.

    ``kind`` is one of :data:`STEP_KINDS` (``"overview"``, ``"event"``, ``"background"``);
    ``headline`` a short complete headline (``None``: show ``title``, see :attr:`display_headline`);
    ``date_precision`` one of :data:`DATE_PRECISIONS` (``None``: as the date's form says, see
    :attr:`precision`); ``site`` the index in ``places`` of the main place (``None``: the first
    place whose role is ``"site"``, see :attr:`site_place`).
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
    kind: str = StepKind.EVENT  # one of STEP_KINDS
    headline: str | None = None
    date_precision: str | None = None  # one of DATE_PRECISIONS, or None (derived from date)
    site: int | None = None  # index into places, or None (derived from the roles)
    media: tuple[Media, ...] = ()  # version 3: pictures from the articles

    def __post_init__(self) -> None:
        for name in ("places", "sources", "actors", "tags", "media"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))

    @property
    def display_headline(self) -> str:
        """The headline to show: ``headline`` when set, else ``title``."""
        return self.headline or self.title

    @property
    def precision(self) -> str | None:
        """``date_precision`` when set, else what the date's form says (``None`` when undated)."""
        return self.date_precision or date_precision(self.date)

    @property
    def site_index(self) -> int | None:
        """Index of the main place: ``site`` when set, else the first place whose role is "site"."""
        if self.site is not None:
            return self.site
        return next((i for i, p in enumerate(self.places) if p.role == "site"), None)

    @property
    def site_place(self) -> StepPlace | None:
        """The main place of the step (see :attr:`site_index`), or ``None``."""
        i = self.site_index
        return self.places[i] if i is not None and 0 <= i < len(self.places) else None

    @property
    def is_overview(self) -> bool:
        return self.kind == StepKind.OVERVIEW

    @property
    def is_background(self) -> bool:
        return self.kind == StepKind.BACKGROUND


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

DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
DATE_FORMS = 'an ISO date "YYYY-MM-DD", "YYYY-MM" or "YYYY"'


def date_bounds(value: str) -> tuple[date, date]:
    """First and last calendar day covered by an ISO date or partial date.

    >>> date_bounds("2019-02")
    (datetime.date(2019, 2, 1), datetime.date(2019, 2, 28))

    Raises :class:`ValueError` for anything else (``"2019-13-01"``, ``"2019-02-30"``, ``"19"``).
    """
    m = DATE_RE.fullmatch(value) if isinstance(value, str) else None
    if m is None:
        raise ValueError(f"not {DATE_FORMS}: {value!r}")
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


def date_precision(value: str | None) -> str | None:
    """How precise a date string is by its form: ``"day"``, ``"month"`` or ``"year"``; ``None``
    when undated.

    >>> date_precision("2019-05-12"), date_precision("2019-05"), date_precision("2019")
    ('day', 'month', 'year')
    """
    if value is None:
        return None
    return ("year", "month", "day")[min(value.count("-"), 2)]


def precision_rank(precision: str) -> int:
    """Position of ``precision`` in :data:`DATE_PRECISIONS` (finer is smaller)."""
    return DATE_PRECISIONS.index(precision)


def date_sort_key(value: str | None) -> tuple:
    """Sort key for step dates: by first day, coarser first on ties, undated last.

    ``"2019" < "2019-05" < "2019-05-01" < "2019-05-03" < None``.
    """
    if value is None:
        return (1,)
    first, _ = date_bounds(value)
    return (0, first.toordinal(), value.count("-"))


_MONTH_NAMES = tuple(MONTHS)  # "January" ... "December", from the calendar's data file


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
            return f"{int(parts[2])} {_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTH_NAMES[int(parts[1]) - 1]} {parts[0]}"
        return parts[0]

    return f"{one(value)} – {one(end)}" if end and end != value else one(value)


def order_steps(steps: Sequence[Step]) -> tuple[Step, ...]:
    """Steps in chronological order (see :func:`date_sort_key`), an overview step first; the sort
    is stable, so steps with the same date keep their given order, and undated steps come last in
    their given order."""
    return tuple(sorted(steps, key=lambda s: (not s.is_overview, date_sort_key(s.date))))


def build_place_index(steps: Sequence[Step]) -> tuple[PlaceIndexEntry, ...]:
    """One entry per distinct place, in order of first mention, with the ids of the steps naming it.

    An overview step is left out: its places are those of the other steps. Places are the same
    when they share a ``place_id``; places without one are the same when
    name and coordinates match. Unplaced names (``lat``/``lon`` ``None``) are listed too. The
    entry takes name, coordinates, kind and country from the first mention.
    """
    found: dict[tuple, tuple[StepPlace, list[str]]] = {}
    for step in steps:
        if step.is_overview:  # its places are the other steps' places, repeated
            continue
        for p in step.places:
            key = ("id", p.place_id) if p.place_id else ("name", p.name, p.lat, p.lon)
            entry = found.setdefault(key, (p, []))
            if step.id not in entry[1]:
                entry[1].append(step.id)
    return tuple(
        PlaceIndexEntry(p.name, p.lat, p.lon, p.kind, p.country, p.place_id, tuple(ids))
        for p, ids in found.values()
    )
