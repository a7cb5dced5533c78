"""The offline gazetteer: what the recogniser and resolver ask of one (:class:`GazetteerLike`), the
SQLite database, and an in-memory fake for tests.

The database is built by ``geodata/build_gazetteer.py`` from data that installs from PyPI; opening it
never builds it. Look-ups go through :func:`storymap.places.names.normalize_name`, so spelling
variants meet at one key.
"""

from __future__ import annotations

import math
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Protocol

from ..errors import GazetteerMissingError
from ..model import STRONG_KINDS, Place
from .names import normalize_name

__all__ = [
    "NameMatch",
    "GazetteerLike",
    "Gazetteer",
    "MemoryGazetteer",
    "default_gazetteer_path",
    "open_gazetteer",
    "haversine_km",
    "prominence",
]

PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent
#: How to make a missing gazetteer, as the error says it.
BUILD_COMMAND = "python geodata/build_gazetteer.py"


@dataclass(frozen=True)
class NameMatch:
    """A place whose name (or alternate name, or demonym) matches a looked-up key."""

    place: Place
    primary: bool
    demonym: bool


class GazetteerLike(Protocol):
    """What the recogniser and resolver need from a gazetteer (the SQLite one or the in-memory fake)."""

    def lookup(self, name: str) -> list[NameMatch]: ...

    def get(self, place_id: str) -> Place | None: ...

    def geometry_wkb(self, place_id: str) -> bytes | None: ...

    def phrases(self) -> list[str]: ...


def _capitals(places: Iterable[Place]) -> dict[str, Place]:
    out: dict[str, Place] = {}
    for p in sorted(places, key=lambda p: (p.population, p.id)):
        if p.country:
            out[p.country] = p
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km.

    >>> round(haversine_km(0, 0, 0, 1))
    111
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


_PLACE_COLS = "p.id, p.name, p.lat, p.lon, p.kind, p.country, p.admin1, p.geonameid, p.population, p.feature_code, p.importance"


def _place(row: tuple) -> Place:
    return Place(id=row[0], name=row[1], lat=row[2], lon=row[3], kind=row[4], country=row[5], admin1=row[6],
                 geonameid=row[7], population=row[8] or 0, feature_code=row[9] or "", importance=row[10] or 0.0)


def default_gazetteer_path() -> Path:
    """``$STORYMAP_GAZETTEER`` if set, else ``geodata/gazetteer.sqlite`` in the project."""
    env = os.environ.get("STORYMAP_GAZETTEER")
    return Path(env) if env else PROJECT_ROOT / "geodata" / "gazetteer.sqlite"


class Gazetteer:
    """Read-only SQLite gazetteer. Safe to share between threads (one connection per thread)."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerMissingError(
                f"{self.path}: gazetteer not found; build it with '{BUILD_COMMAND}'"
            )
        self._local = threading.local()
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)  # type: ignore[method-assign]

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def _lookup(self, name: str) -> list[NameMatch]:
        key = normalize_name(name)
        if not key:
            return []
        return self._matching("n.key = ?", (key,))

    def _matching(self, where: str, params: tuple, limit: int = -1) -> list[NameMatch]:
        """Places with a name whose key satisfies ``where``, each once, flagged primary/demonym."""
        rows = self._db().execute(
            f"SELECT {_PLACE_COLS}, MAX(n.is_primary), MAX(n.is_demonym) FROM names n "
            f"JOIN places p ON p.rowid = n.place WHERE {where} GROUP BY p.rowid LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [NameMatch(_place(r[:11]), bool(r[11]), bool(r[12])) for r in rows]

    def get(self, place_id: str) -> Place | None:
        row = self._db().execute(f"SELECT {_PLACE_COLS} FROM places p WHERE p.id = ?", (place_id,)).fetchone()
        return _place(row) if row else None

    def geometry_wkb(self, place_id: str) -> bytes | None:
        row = self._db().execute("SELECT geometry FROM places WHERE id = ?", (place_id,)).fetchone()
        return row[0] if row else None

    @lru_cache(maxsize=1)
    def capitals(self) -> dict[str, Place]:
        """Each country's capital (GeoNames' PPLC; the most populous when a country has two), by country
        code."""
        rows = self._db().execute(f"SELECT {_PLACE_COLS} FROM places p WHERE p.feature_code = 'PPLC'").fetchall()
        return _capitals(_place(r) for r in rows)

    @lru_cache(maxsize=1)
    def phrases(self) -> list[str]:
        """Multi-word names of prominent places, for matching in lower case ("the green zone")."""
        rows = self._db().execute(
            "SELECT DISTINCT n.key FROM names n JOIN places p ON p.rowid = n.place "
            "WHERE n.is_demonym = 0 AND instr(n.key, ' ') > 0 AND "
            "(p.kind IN ('country','area','water','district','landmark','base') OR p.feature_code = 'ADM1')"
        ).fetchall()
        return [r[0] for r in rows]

    def search(self, query: str, *, country: str | None = None, limit: int = 10) -> list[NameMatch]:
        """Places named ``query`` (exact key, then prefix), most prominent first.

        An exact match by an alternate name counts as exact: a search for a former or English name
        ("Burma", "Bombay") gives the country or the city of millions before a village whose own
        name folds to the same letters. Among prefix matches, a primary name equal to the query
        comes first, then prominence.
        """
        key = normalize_name(query)
        matches = list(self.lookup(query))
        exact = {m.place.id for m in matches}
        if len(matches) < limit and key:
            prefixed = self._matching("n.key >= ? AND n.key < ?", (key, key + "\uffff"), limit=500)
            matches += [m for m in prefixed if m.place.id not in exact]
        if country:
            matches = [m for m in matches if m.place.country == country.upper()]
        matches.sort(key=lambda m: (m.place.id not in exact,
                                    m.place.id not in exact and normalize_name(m.place.name) != key,
                                    -prominence(m.place)))
        return matches[:limit]


class MemoryGazetteer:
    """In-memory gazetteer with the same interface, for tests built from hand-made places."""

    def __init__(self, entries: Iterable[tuple[Place, Iterable[str]]], demonyms: dict[str, Iterable[str]] | None = None,
                 geometries: dict[str, bytes] | None = None):
        self._by_key: dict[str, list[NameMatch]] = {}
        self._by_id: dict[str, Place] = {}
        self._geoms = dict(geometries or {})
        for place, alts in entries:
            self._by_id[place.id] = place
            self._add(place.name, place, True, False)
            for alt in alts:
                self._add(alt, place, False, False)
        for pid, dems in (demonyms or {}).items():
            for d in dems:
                self._add(d, self._by_id[pid], False, True)

    def _add(self, surface: str, place: Place, primary: bool, demonym: bool) -> None:
        key = normalize_name(surface)
        lst = self._by_key.setdefault(key, [])
        if all(m.place.id != place.id for m in lst):
            lst.append(NameMatch(place, primary, demonym))

    def lookup(self, name: str) -> list[NameMatch]:
        return list(self._by_key.get(normalize_name(name), []))

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def geometry_wkb(self, place_id: str) -> bytes | None:
        return self._geoms.get(place_id)

    def capitals(self) -> dict[str, Place]:
        return _capitals(p for p in self._by_id.values() if p.feature_code == "PPLC")

    def phrases(self) -> list[str]:
        return [k for k, ms in self._by_key.items() if " " in k and any(
            m.place.kind in STRONG_KINDS or m.place.feature_code == "ADM1"
            for m in ms if not m.demonym)]

    def search(self, query: str, *, country: str | None = None, limit: int = 10) -> list[NameMatch]:
        ms = [m for m in self.lookup(query) if not country or m.place.country == country.upper()]
        ms.sort(key=lambda m: -prominence(m.place))
        return ms[:limit]


def prominence(place: Place) -> float:
    """Prior prominence of a place, independent of context (the resolver's prior with its default weights).

    A city outranks the division of the same name ("Kirkuk" the city before the governorate).
    """
    return place.importance + 0.25 * math.log10(place.population + 1) + (0.25 if place.kind == "city" else 0.0)


def open_gazetteer(path: str | os.PathLike | None = None) -> Gazetteer:
    """Open the read-only gazetteer at ``path`` (default :func:`default_gazetteer_path`).

    A missing file raises :class:`~storymap.errors.GazetteerMissingError` naming the build command;
    nothing is built here. Each call opens its own; callers that want one shared keep it.
    """
    return Gazetteer(Path(path) if path else default_gazetteer_path())
