"""Value objects shared by every stage: one frozen dataclass per domain noun.

Offsets (``start``/``end``) are always character offsets into :attr:`Article.text`, the file's decoded
text as read, before any cleaning, so every claim on the map can be traced back to its sentence.
Coordinates are named ``lat``/``lon``; GeoJSON's lon-lat order appears only where GeoJSON is written.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from functools import cached_property
from typing import Any

__all__ = [
    "Segment",
    "Article",
    "Mention",
    "Place",
    "Candidate",
    "ResolvedMention",
    "Alternative",
    "PlaceKind",
    "Role",
    "StepKind",
    "PLACE_KINDS",
    "ROLES",
    "STEP_KINDS",
    "BROAD_KINDS",
    "COARSE_KINDS",
    "POINT_KINDS",
    "STRONG_KINDS",
    "AREA_KINDS",
]


class PlaceKind(StrEnum):
    """Kinds of gazetteer entries. ``region`` is a first- or second-level administrative division,
    ``area`` a continent or a named macro-region ("Middle East"), ``water`` a sea, gulf, strait,
    river or lake, ``district`` a named part of a city, ``landmark`` a building or site, ``base`` a
    military base. Members are strings (``PlaceKind.CITY == "city"``), so JSON holds the plain value.
    """

    CITY = "city"
    COUNTRY = "country"
    REGION = "region"
    AREA = "area"
    WATER = "water"
    DISTRICT = "district"
    LANDMARK = "landmark"
    BASE = "base"


class Role(StrEnum):
    """What a place is to an event or step: where it happens, where a movement starts or ends, or
    only a place the evidence names (``mentioned``: not where the happening took place; a map draws
    it faded or not at all)."""

    SITE = "site"
    ORIGIN = "origin"
    DESTINATION = "destination"
    MENTIONED = "mentioned"


class StepKind(StrEnum):
    """What a step of a story is: the ``overview`` (the story's title, summary and all its places,
    always the first step), an ``event`` of the main storyline, or ``background`` told before it."""

    OVERVIEW = "overview"
    EVENT = "event"
    BACKGROUND = "background"


#: Every place kind, in the order the story format lists them.
PLACE_KINDS: tuple[PlaceKind, ...] = tuple(PlaceKind)
#: Every role, in the order the story format lists them.
ROLES: tuple[Role, ...] = tuple(Role)
#: Every step kind, in the order the story format lists them.
STEP_KINDS: tuple[StepKind, ...] = tuple(StepKind)

# Named groups of kinds, so a rule says which group it means instead of repeating a literal set.
#: Too broad to say where a thing happened: a country or a continent ("Iran", "the Middle East").
BROAD_KINDS = frozenset({PlaceKind.COUNTRY, PlaceKind.AREA})
#: Broad places plus seas and rivers: no use as an anchor for nearby towns.
COARSE_KINDS = BROAD_KINDS | {PlaceKind.WATER}
#: Places small enough to be a point on the map: a town, a part of it, a site, a base.
POINT_KINDS = frozenset({PlaceKind.CITY, PlaceKind.DISTRICT, PlaceKind.LANDMARK, PlaceKind.BASE})
#: Names the gazetteer alone may vouch for, without the model's word (a city name is too often a
#: surname or a common word: "Paris Hilton", "Mobile").
STRONG_KINDS = frozenset(PlaceKind) - {PlaceKind.CITY, PlaceKind.REGION}
#: Kinds drawn as an outline on the map when the gazetteer has their shape.
AREA_KINDS = frozenset(
    {PlaceKind.COUNTRY, PlaceKind.REGION, PlaceKind.AREA, PlaceKind.WATER, PlaceKind.DISTRICT})


@dataclass(frozen=True)
class Segment:
    """A piece of an article's body that counts, with its position in the raw text.

    ``text`` is the cleaned text of the piece. When it is a verbatim slice of the raw text,
    ``offsets`` is ``None`` and character ``i`` of ``text`` sits at ``start + i``. When cleaning
    changed it (HTML entities decoded, tags removed), ``offsets[i]`` is the raw offset of character
    ``i`` and ``offsets[len(text)]`` the raw offset just past the piece.
    """

    start: int
    text: str
    offsets: tuple[int, ...] | None = None

    def raw_offset(self, i: int) -> int:
        """Raw-text offset of character ``i`` of this segment (``i`` may equal ``len(text)``)."""
        if self.offsets is None:
            return self.start + i
        return self.offsets[i]

    @property
    def end(self) -> int:
        return self.raw_offset(len(self.text))


@dataclass(frozen=True)
class Picture:
    """A picture the article shows: ``src`` as the input writes it (a URL, or a path relative to the
    article's file), its caption and credit, and the raw ``offset`` where it stands in the text."""

    src: str
    caption: str = ""
    credit: str = ""
    offset: int = 0


@dataclass(frozen=True)
class Article:
    """An article as read: the decoded raw ``text`` and the ``segments`` of its body that count.

    Boilerplate (navigation, share prompts) and a photo caption repeated twice in a row are left out
    of ``segments`` but stay in ``text``, so offsets never shift.
    """

    path: str
    text: str
    segments: tuple[Segment, ...]
    format: str = "txt"  # txt | md | html
    title: str | None = None
    date: str | None = None  # ISO date from the article's metadata, when it has one
    outlet: str | None = None  # the publisher's name (og:site_name, front matter, or --source)
    url: str | None = None  # the article's canonical http(s) URL, when its metadata gives one
    byline: str | None = None  # the author(s), when the metadata names them
    pictures: tuple[Picture, ...] = ()  # pictures of the body (and the page's og:image), in order

    SEPARATOR = "\n\n"

    @cached_property
    def body(self) -> str:
        """The cleaned body: segments joined by a blank line. Offsets map back with :meth:`to_raw`."""
        return self.SEPARATOR.join(s.text for s in self.segments)

    @cached_property
    def _starts(self) -> list[int]:
        starts, pos = [], 0
        for s in self.segments:
            starts.append(pos)
            pos += len(s.text) + len(self.SEPARATOR)
        return starts

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` span of :attr:`body` to a span of :attr:`text`.

        >>> a = Article("a.txt", "xx hello", (Segment(3, "hello"),))
        >>> a.to_raw(0, 5)
        (3, 8)
        """
        k = max(0, bisect_right(self._starts, start) - 1)
        seg = self.segments[k]
        local_start = min(start - self._starts[k], len(seg.text))
        local_end = min(max(end - self._starts[k], local_start), len(seg.text))
        raw_start = seg.raw_offset(local_start)
        if seg.offsets is None or local_end == local_start:
            return raw_start, seg.raw_offset(local_end)
        # Where cleaning removed markup, end just after the last character kept, not where the next
        # one is (which would take in "</TIMEX3>" or "**"); a decoded entity ends after its ";".
        last = seg.raw_offset(local_end - 1)
        raw_end = last + 1
        if self.text[last:last + 1] == "&" and seg.text[local_end - 1] != "&":
            semi = self.text.find(";", last, last + 12)
            raw_end = semi + 1 if semi > 0 else raw_end
        return raw_start, raw_end


@dataclass(frozen=True)
class Mention:
    """A place name found in an article: a span of the raw text and how it was found."""

    file: str
    start: int
    end: int
    text: str
    source: str = "ner"  # ner | gazetteer | pattern
    demonym: bool = False


@dataclass(frozen=True)
class Place:
    """A gazetteer entry."""

    id: str  # "gn:<geonameid>" for GeoNames rows, "cur:<slug>" for the curated table
    name: str
    lat: float
    lon: float
    kind: PlaceKind | str  # one of PLACE_KINDS (the gazetteer gives the plain string)
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None  # name of the first-level division, when known
    geonameid: int | None = None
    population: int = 0
    feature_code: str = ""
    importance: float = 0.0  # 0..1, prominence independent of population (capitals, curated rank)


@dataclass(frozen=True)
class Candidate:
    """A place a mention may refer to, with the resolver's score for it (0..1)."""

    place: Place
    score: float


@dataclass(frozen=True)
class Alternative:
    """Another reading of a place name, kept beside the chosen one so a person can switch to it.

    In a story file it is a JSON object (see ``docs/story-format.md``); :meth:`as_dict` gives that
    object, with the keys in this order.
    """

    name: str
    lat: float | None = None
    lon: float | None = None
    kind: str | None = None
    country: str | None = None
    place_id: str | None = None
    score: float | None = None

    @classmethod
    def from_candidate(cls, c: Candidate) -> Alternative:
        """The resolver's candidate as an alternative, its score rounded to four places."""
        p = c.place
        return cls(p.name, p.lat, p.lon, p.kind, p.country, p.id, round(c.score, 4))

    def as_dict(self, *, omit_none: bool = False) -> dict[str, Any]:
        """The JSON object; ``omit_none`` leaves out the fields that are ``None``.

        >>> Alternative("Springfield", 39.8, -89.6, score=0.5).as_dict(omit_none=True)
        {'name': 'Springfield', 'lat': 39.8, 'lon': -89.6, 'score': 0.5}
        """
        d = asdict(self)
        return {k: v for k, v in d.items() if v is not None} if omit_none else d


@dataclass(frozen=True)
class ResolvedMention:
    """A mention with its chosen referent (``place`` is ``None`` when unresolved)."""

    mention: Mention
    place: Place | None
    score: float
    alternatives: tuple[Candidate, ...] = field(default_factory=tuple)

    @property
    def kind(self) -> str | None:
        """``demonym`` for "Iranian" and the like, else the kind of the chosen place."""
        if self.mention.demonym:
            return "demonym"
        return self.place.kind if self.place else None
