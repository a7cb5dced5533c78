"""The disk cache of online geocoders' answers: SQLite, keyed by service and query, with a TTL."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import warnings
from pathlib import Path
from typing import Any, Callable

from geopy.location import Location

__all__ = ["GeocodeCache", "default_cache_path", "DEFAULT_TTL_SECONDS"]

#: Cached answers older than this are asked for again (30 days).
DEFAULT_TTL_SECONDS = 30 * 24 * 3600.0


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/storymap/geocode.sqlite``, else ``~/.cache/storymap/geocode.sqlite``."""
    from storymap.files import cache_dir

    return cache_dir() / "geocode.sqlite"



class GeocodeCache:
    """Answers of online geocoders, kept in SQLite on disk; safe to share between threads.

    Keyed by ``(service, query, country codes, exactly_one, other options)``; the value is the JSON
    list of ``{address, lat, lon, raw}`` (empty for "nothing found") and the time it was stored.
    Entries older than ``ttl_seconds`` are ignored. A cache file that is corrupt, or a place that
    cannot be written, turns the cache off with a warning: geocoding goes on without it.

    >>> c = GeocodeCache(":memory:")
    >>> c.put("nominatim", "Baghdad", [Location("Baghdad, Iraq", (33.34, 44.4), {})])
    >>> c.get("nominatim", "Baghdad")[0].address
    'Baghdad, Iraq'
    >>> c.get("nominatim", "Basra") is None
    True
    """

    _SCHEMA = (
        "CREATE TABLE IF NOT EXISTS answers ("
        " service TEXT NOT NULL, query TEXT NOT NULL, country_codes TEXT NOT NULL,"
        " exactly_one INTEGER NOT NULL, options TEXT NOT NULL, answer TEXT NOT NULL, stored REAL NOT NULL,"
        " PRIMARY KEY (service, query, country_codes, exactly_one, options))"
    )

    def __init__(self, path: str | os.PathLike | None = None, *, ttl_seconds: float = DEFAULT_TTL_SECONDS,
                 clock: Callable[[], float] = time.time):
        self.path = str(path) if path is not None else str(default_cache_path())
        self.ttl_seconds = float(ttl_seconds)
        self.clock = clock
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        self._opened = False
        self.disabled_reason: str | None = None  # set when the cache has turned itself off
        self._read_only = False

    # -- public --------------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        """False once the cache has turned itself off (corrupt or unwritable file)."""
        with self._lock:
            return self._connect() is not None

    def get(self, service: str, query: Any, *, country_codes: Any = None, exactly_one: bool = True,
            options: dict | None = None) -> list[Location] | None:
        """The stored answer (a list, empty for "nothing found"), or ``None`` when there is none or it
        is older than the TTL."""
        key = self._key(service, query, country_codes, exactly_one, options)
        with self._lock:
            db = self._connect()
            if db is None:
                return None
            try:
                row = db.execute(
                    "SELECT answer, stored FROM answers WHERE service=? AND query=? AND country_codes=?"
                    " AND exactly_one=? AND options=?", key).fetchone()
            except sqlite3.Error as e:
                self._disable(f"cannot read it ({e})")
                return None
        if row is None or self.clock() - row[1] > self.ttl_seconds:
            return None
        try:
            return [Location(d["address"], (d["lat"], d["lon"]), d.get("raw") or {}) for d in json.loads(row[0])]
        except (ValueError, KeyError, TypeError):  # a row edited by hand: ignore it, the service is asked again
            return None

    def put(self, service: str, query: Any, locations: list[Location], *, country_codes: Any = None,
            exactly_one: bool = True, options: dict | None = None) -> None:
        """Store ``locations`` (possibly empty) as the answer for this key, stamped with the clock."""
        answer = json.dumps(
            [{"address": loc.address, "lat": loc.latitude, "lon": loc.longitude, "raw": loc.raw} for loc in locations],
            ensure_ascii=False, default=str)
        key = self._key(service, query, country_codes, exactly_one, options)
        with self._lock:
            db = self._connect()
            if db is None or self._read_only:
                return
            try:
                with db:
                    db.execute("INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?, ?, ?, ?)",
                               (*key, answer, self.clock()))
            except sqlite3.Error as e:
                # Reads may still work (a read-only file): keep them, stop writing.
                self._read_only = True
                self._warn(f"cannot write to it ({e}); answers will not be kept")

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
            self._db = None

    # -- internals -----------------------------------------------------------------------------
    @staticmethod
    def _key(service, query, country_codes, exactly_one, options) -> tuple[str, str, str, int, str]:
        q = query if isinstance(query, str) else json.dumps(query, sort_keys=True, default=str)
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        codes = ",".join(sorted({str(c).upper() for c in country_codes or []}))
        opts = json.dumps(options, sort_keys=True, default=str) if options else ""
        return str(service), q, codes, int(bool(exactly_one)), opts

    def _connect(self) -> sqlite3.Connection | None:
        """The connection, opened on first use; ``None`` when the cache is off. Call with the lock held."""
        if self._opened:
            return self._db
        self._opened = True
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=5.0, check_same_thread=False)
            try:
                db.execute(self._SCHEMA)  # "file is not a database" surfaces here on a junk file
                db.commit()
            except sqlite3.Error:
                db.close()
                raise
        except (sqlite3.Error, OSError) as e:
            self._disable(f"cannot open it ({e})")
            return None
        self._db = db
        return db

    def _disable(self, why: str) -> None:
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None
        self.disabled_reason = why
        self._warn(f"{why}; geocoding goes on without a cache")

    def _warn(self, message: str) -> None:
        warnings.warn(f"storymap geocode cache {self.path}: {message}", RuntimeWarning, stacklevel=4)
