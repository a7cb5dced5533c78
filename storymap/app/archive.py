"""The archive page's logic, without Streamlit: the archive's stories as entries, their filters and order.

``storymap app --archive ARCHIVE_DIR`` opens a page listing the stories of an archive (made by
``storymap archive``; read with :func:`storymap.archive.load_stories`). Everything in an entry
comes from the archive, so from articles: titles, places and words are untrusted text, escaped at
each place the page shows them (:mod:`storymap.app.text`, :mod:`storymap.app.mapview`).

The archive folder itself is only ever named on the command line (``$STORYMAP_APP_ARCHIVE``, set by
:func:`storymap.app.launch.app_env`); nothing a visitor sends chooses it.

>>> e = ArchiveEntry(0, "s-1", "Flood", "2012", "2012-03", 3, ("Basrah",), 30.5, 47.8, ("flood",))
>>> e.span
(datetime.date(2012, 1, 1), datetime.date(2012, 3, 31))
>>> passes(e, ArchiveFilters(place="basra", date_from="2012-02", date_to="2012-02"))
True
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from storymap.app.state import EditError
from storymap.places.names import strip_accents
from storymap.story import date_bounds

__all__ = ["ArchiveEntry", "ArchiveFilters", "SORTS", "entries", "entry_from_row", "fold", "passes",
           "filter_entries", "sort_entries", "check_filters", "date_label", "UNTITLED"]

UNTITLED = "(untitled story)"

#: How the list can be ordered (label -> key).
SORTS = ("Most articles", "Newest first", "Oldest first")


_APOSTROPHES = frozenset("'’‘ʼʻ`")


def fold(text: str) -> str:
    """``text`` for matching: accents and apostrophes dropped, case folded (``"Al Qā’im"`` ->
    ``"al qaim"``)."""
    return "".join(c for c in strip_accents(str(text)) if c not in _APOSTROPHES).casefold()


def _span(start: str | None, end: str | None) -> tuple[dt.date, dt.date] | None:
    """From the first day of ``start`` to the last day of ``end`` (a year or month only date covers
    all of it: ``"2012"`` to ``"2012-03"`` is 2012-01-01 to 2012-03-31); the one readable date's
    days when the other is missing or unreadable, or when they are the wrong way round; ``None``
    when neither can be read."""
    bounds = []
    for value in (start, end):
        try:
            bounds.append(date_bounds(value) if value else None)
        except (ValueError, TypeError):
            bounds.append(None)
    first, last = bounds
    if first and last:
        return (first[0], last[1]) if last[1] >= first[0] else (min(first[0], last[0]), max(first[1], last[1]))
    one = first or last
    return one if one else None


@dataclass(frozen=True)
class ArchiveEntry:
    """One story of the archive, as the page lists it. ``index`` is its row in the archive's table."""

    index: int
    story_id: str
    title: str
    date_start: str | None
    date_end: str | None
    n_articles: int
    places: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    words: tuple[str, ...] = ()
    span: tuple[dt.date, dt.date] | None = field(default=None, compare=False)
    _title_f: str = field(default="", compare=False, repr=False)
    _places_f: tuple[str, ...] = field(default=(), compare=False, repr=False)
    _words_f: tuple[str, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        if self.span is None:
            set_(self, "span", _span(self.date_start, self.date_end))
        set_(self, "_title_f", fold(self.title))
        set_(self, "_places_f", tuple(fold(p) for p in self.places))
        set_(self, "_words_f", tuple(fold(w) for w in self.words))

    @property
    def placed(self) -> bool:
        return self.lat is not None and self.lon is not None


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in (value or ()) if isinstance(v, str) and v.strip()) if isinstance(value, (list, tuple)) else ()


def _coord(value: Any, limit: float) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    value = float(value)
    return value if math.isfinite(value) and -limit <= value <= limit else None


def entry_from_row(index: int, row: dict) -> ArchiveEntry:
    """An entry from a row of :func:`storymap.archive.load_stories`, with odd values made harmless
    (a missing title, coordinates out of range, a negative count)."""
    lat, lon = _coord(row.get("lat"), 90.0), _coord(row.get("lon"), 180.0)
    if lat is None or lon is None:
        lat = lon = None
    n = row.get("n_articles")
    title = " ".join(_text(row.get("title")).split())
    return ArchiveEntry(
        index=index,
        story_id=_text(row.get("story_id")),
        title=title or UNTITLED,
        date_start=_text(row.get("date_start")) or None,
        date_end=_text(row.get("date_end")) or None,
        n_articles=max(int(n), 0) if isinstance(n, int) and not isinstance(n, bool) else 0,
        places=_texts(row.get("places")),
        lat=lat,
        lon=lon,
        words=_texts(row.get("words")),
    )


def entries(table) -> tuple[ArchiveEntry, ...]:
    """Every story of the archive's stories table (a ``pyarrow.Table`` or a list of row dicts), in
    the table's order, each with an id (rows without one are left out: they cannot be opened)."""
    rows = table.to_pylist() if hasattr(table, "to_pylist") else list(table)
    out = (entry_from_row(i, r) for i, r in enumerate(rows) if isinstance(r, dict))
    return tuple(e for e in out if e.story_id)


@dataclass(frozen=True)
class ArchiveFilters:
    """What the list shows: stories with a place containing ``place``, every term of ``words`` in
    the title or among the words, dates overlapping ``date_from``..``date_to`` (``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``, either may be left out) and at least ``min_articles`` articles."""

    place: str = ""
    words: str = ""
    date_from: str | None = None
    date_to: str | None = None
    min_articles: int = 2


def check_filters(f: ArchiveFilters) -> ArchiveFilters:
    """``f`` with its dates stripped (empty ones dropped); raises :class:`EditError` for a date that
    is not ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or a range that ends before it starts."""
    dates = {}
    for name in ("date_from", "date_to"):
        value = (getattr(f, name) or "").strip() or None
        if value is not None:
            try:
                date_bounds(value)
            except (ValueError, TypeError):
                label = "from" if name == "date_from" else "until"
                raise EditError(f"{label}: expected YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}") from None
        dates[name] = value
    if dates["date_from"] and dates["date_to"] and \
            date_bounds(dates["date_to"])[1] < date_bounds(dates["date_from"])[0]:
        raise EditError(f"until: {dates['date_to']} ends before {dates['date_from']} starts")
    return ArchiveFilters(f.place, f.words, dates["date_from"], dates["date_to"], max(int(f.min_articles), 0))


def _word_matches(term: str, e: ArchiveEntry) -> bool:
    if term in e._title_f:
        return True
    # The archive's words are stems ("embassie"): a term that starts with one matches it too.
    return any(term in w or (len(w) >= 4 and term.startswith(w)) for w in e._words_f)


def passes(e: ArchiveEntry, f: ArchiveFilters) -> bool:
    """Whether entry ``e`` is let through by filters ``f`` (checked by :func:`check_filters`)."""
    if e.n_articles < f.min_articles:
        return False
    place = fold(f.place).strip()
    if place and not any(place in p for p in e._places_f):
        return False
    terms = fold(f.words).split()
    if terms and not all(_word_matches(t, e) for t in terms):
        return False
    if f.date_from or f.date_to:
        if e.span is None:
            return False
        first, last = e.span
        if f.date_from and last < date_bounds(f.date_from)[0]:
            return False
        if f.date_to and first > date_bounds(f.date_to)[1]:
            return False
    return True


def filter_entries(items: Iterable[ArchiveEntry], f: ArchiveFilters) -> list[ArchiveEntry]:
    """The entries ``f`` lets through, in their order."""
    return [e for e in items if passes(e, f)]


def sort_entries(items: Sequence[ArchiveEntry], by: str = SORTS[0]) -> list[ArchiveEntry]:
    """``items`` by article count (largest first), or by date (undated ones last); ties keep the
    archive's order."""
    if by == "Newest first":
        return sorted(items, key=lambda e: (e.span is None, -(e.span[1].toordinal() if e.span else 0), e.index))
    if by == "Oldest first":
        return sorted(items, key=lambda e: (e.span is None, e.span[0] if e.span else dt.date.max, e.index))
    return sorted(items, key=lambda e: (-e.n_articles, e.index))


def date_label(e: ArchiveEntry) -> str:
    """``"1998-08-07 to 1999-10-08"``, ``"2012"`` or ``"undated"``."""
    start, end = e.date_start, e.date_end
    if not start and not end:
        return "undated"
    if start and end and end != start:
        return f"{start} to {end}"
    return start or end or "undated"
