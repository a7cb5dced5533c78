"""The optional online geocoder, made safe: throttled, cached on disk, and backed by the offline gazetteer.

Online services are something a user turns on by name; the offline gazetteer stays the default. When
one is on, :class:`SafeGeocoder` wraps it so that a slow, rate-limited, failing or garbled service
never breaks a story: the answer then comes from the fallback (the gazetteer) and
``last_fallback_reason`` says why.

* Throttling is geopy's own :class:`~geopy.extra.rate_limiter.RateLimiter` wrapped around the
  service's ``geocode`` (a wrapper, not a subclass). It retries transient faults only (time-outs,
  unreachable service, HTTP 5xx); a 429, a malformed body or a refused query is not retried.
* After a transient fault that outlived its retries, or a 429, the service is left alone for a
  cool-down (``Retry-After`` when the service sends one), so a story with thirty places does not
  wait thirty time-outs.
* Answers from the service are kept in :class:`GeocodeCache` (SQLite on disk), so a place is asked
  for once per TTL, and a story can be rebuilt without the network.

>>> from geopy.geocoders import Nominatim                            # doctest: +SKIP
>>> g = SafeGeocoder(Nominatim(user_agent="storymap"), cache=GeocodeCache())  # doctest: +SKIP
>>> g.geocode("Kirkuk").point                                       # doctest: +SKIP
Point(35.4681, 44.3953, 0.0)
"""

from __future__ import annotations

import functools
import http.client
import json
import logging
import math
import os
import socket
import sqlite3
import threading
import time
import urllib.request
import warnings
from pathlib import Path
from typing import Any, Callable
from urllib.error import HTTPError

from geopy.adapters import AdapterHTTPError, BaseSyncAdapter, URLLibAdapter
from geopy.exc import (
    GeocoderParseError,
    GeocoderQueryError,
    GeocoderQuotaExceeded,
    GeocoderRateLimited,
    GeocoderServiceError,
    GeocoderTimedOut,
    GeocoderUnavailable,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from .geocoder import GazetteerGeocoder, UnknownServiceError, service_key, service_spec

__all__ = [
    "GeocodeCache",
    "SafeGeocoder",
    "make_online_geocoder",
    "default_cache_path",
    "single_try_adapter",
    "DeadlineAdapter",
    "ResponseTooLarge",
    "DEFAULT_TTL_SECONDS",
    "DEFAULT_TIMEOUT",
    "MAX_BODY_BYTES",
]

log = logging.getLogger(__name__)

#: Cached answers older than this are asked for again (30 days).
DEFAULT_TTL_SECONDS = 30 * 24 * 3600.0

#: Seconds one whole request to an online service may take: connect, headers and body together.
DEFAULT_TIMEOUT = 10.0

#: Largest response body read from a service (2 MB); a geocoding answer is a few kilobytes.
MAX_BODY_BYTES = 2 * 1024 * 1024

#: Errors a service's parser raises on a body of the wrong shape (a dict for a list, "abc" for a lat).
_PARSE_ERRORS = (ValueError, KeyError, TypeError, IndexError, AttributeError)


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/storymap/geocode.sqlite``, else ``~/.cache/storymap/geocode.sqlite``."""
    from storymap.files import cache_dir

    return cache_dir() / "geocode.sqlite"


# --------------------------------------------------------------------------------------------------
# The disk cache


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


# --------------------------------------------------------------------------------------------------
# The safe geocoder


class ResponseTooLarge(GeocoderServiceError):
    """A response body over the cap: refused, not retried (the service is then left alone a while)."""


class _NoRetry(Exception):
    """Carries a fault the rate limiter must not retry (it only retries GeocoderServiceError)."""

    def __init__(self, error: BaseException):
        super().__init__(error)
        self.error = error


def _http_status(error: BaseException) -> int | None:
    cause = error.__cause__
    return cause.status_code if isinstance(cause, AdapterHTTPError) else None


def _is_timeout(error: BaseException) -> bool:
    # geopy's RequestsAdapter reports a read time-out that outlived urllib3's retries as
    # GeocoderUnavailable("... Max retries exceeded ... ReadTimeoutError ... timed out").
    return isinstance(error, GeocoderTimedOut) and _http_status(error) is None or (
        isinstance(error, GeocoderUnavailable) and "timed out" in str(error).lower())


def _describe(error: BaseException) -> str:
    """A one-line reason that names the fault: ``timed out``, ``rate-limited``, ``HTTP 500`` ..."""
    status = _http_status(error)
    detail = " ".join(str(error).split())[:200]
    if isinstance(error, GeocoderRateLimited):
        after = f", retry after {error.retry_after} s" if error.retry_after is not None else ""
        return f"rate-limited (HTTP 429{after})"
    if isinstance(error, ResponseTooLarge):
        return f"response too large ({detail})"
    if isinstance(error, GeocoderQuotaExceeded):
        return f"quota exceeded (HTTP {status or 402})"
    if _is_timeout(error):
        return f"timed out ({detail})"
    if isinstance(error, GeocoderParseError) or isinstance(error, _PARSE_ERRORS) and not isinstance(
            error, GeocoderServiceError):
        return f"malformed response ({type(error).__name__}: {detail})"
    if status is not None:
        return f"service error (HTTP {status})"
    if isinstance(error, GeocoderUnavailable):
        return f"service unavailable ({detail})"
    return f"service error ({type(error).__name__}: {detail})"


def _transient(error: BaseException) -> bool:
    """Worth retrying: a time-out, an unreachable service, an HTTP 5xx."""
    if isinstance(error, (GeocoderTimedOut, GeocoderUnavailable)):
        return True
    status = _http_status(error)
    return type(error) is GeocoderServiceError and (status is None or status >= 500)


def _checked(answer: Any, exactly_one: bool) -> list[Location]:
    """The service's answer as a list, or ``ValueError`` when it is not Locations with real coordinates."""
    if answer is None:
        return []
    items = [answer] if exactly_one else answer
    if not isinstance(items, (list, tuple)):
        raise ValueError(f"expected a list of locations, got {type(answer).__name__}")
    for loc in items:
        if not isinstance(loc, Location) or not isinstance(loc.address, str):
            raise ValueError(f"expected a Location with an address, got {loc!r}")
        lat, lon = loc.latitude, loc.longitude
        if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and math.isfinite(lat)
                and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            raise ValueError(f"location {loc.address!r} has no usable coordinates ({lat!r}, {lon!r})")
        if lat == 0 and lon == 0:
            # geopy turns a missing lat/lon into Point(0, 0); no news story happens on Null Island.
            raise ValueError(f"location {loc.address!r} has no coordinates (geopy read them as 0, 0)")
    return list(items)


def _shape(locations: list[Location], exactly_one: bool):
    if exactly_one:
        return locations[0] if locations else None
    return locations or None


class SafeGeocoder(Geocoder):
    """An online geopy geocoder behind a rate limiter, a disk cache and an offline fallback.

    ``geocode`` answers from the cache first, then from ``primary`` (throttled to one call per
    ``min_delay_seconds``, transient faults retried ``max_retries`` times), and falls back to
    ``fallback`` (the offline gazetteer by default) when the service times out, is rate-limited,
    fails or sends a malformed body. It never raises those faults; ``last_fallback_reason`` holds
    the last one (``None`` after an answer from the cache or the service), and each fallback is
    logged as a warning on ``storymap.online``.

    The service saying "nothing found" is an answer (cached, no fallback). After a fault of the
    service rather than of the query (a time-out or 5xx that outlived its retries, a 429, a spent
    quota, a refused key) the service is not asked again for ``cooldown_seconds`` (or the
    ``Retry-After`` it sent); meanwhile answers come from the cache or the fallback. A malformed
    answer or a refused query (HTTP 400) falls back for that query only.

    Errors of the fallback itself (``GazetteerMissingError``) are not caught.
    """

    def __init__(self, primary: Geocoder, fallback: Geocoder | None = None, *, cache: GeocodeCache | None = None,
                 min_delay_seconds: float = 1.0, max_retries: int = 2, timeout: float = DEFAULT_TIMEOUT,
                 error_wait_seconds: float | None = None, cooldown_seconds: float = 60.0,
                 service_name: str | None = None):
        if not isinstance(primary, Geocoder):
            raise TypeError(f"primary must be a geopy Geocoder, got {type(primary).__name__}")
        if min_delay_seconds < 0 or max_retries < 0 or timeout <= 0:
            raise ValueError(f"expected min_delay_seconds >= 0, max_retries >= 0 and timeout > 0, got "
                             f"{min_delay_seconds!r}, {max_retries!r}, {timeout!r}")
        super().__init__(timeout=timeout, adapter_factory=URLLibAdapter)  # its own adapter is never used
        self.primary = primary
        self._fallback = fallback
        self.cache = cache
        self.service_name = service_name or type(primary).__name__.lower()
        self.cooldown_seconds = float(cooldown_seconds)
        self.last_fallback_reason: str | None = None
        self._skip_until = 0.0  # monotonic time before which the service is not asked
        self._skip_reason: str | None = None
        self._state_lock = threading.Lock()
        if error_wait_seconds is None:
            error_wait_seconds = max(min_delay_seconds, 1.0)
        self._limited = RateLimiter(self._attempt, min_delay_seconds=min_delay_seconds, max_retries=max_retries,
                                    error_wait_seconds=max(error_wait_seconds, min_delay_seconds),
                                    swallow_exceptions=False)

    @property
    def fallback(self) -> Geocoder:
        """The offline geocoder, opened on first need (the real gazetteer unless one was given)."""
        if self._fallback is None:
            self._fallback = GazetteerGeocoder()
        return self._fallback

    def geocode(self, query, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL, **kwargs):
        """A :class:`~geopy.location.Location` (or a list, or ``None``) for ``query``; see the class."""
        timeout = self.timeout if timeout is DEFAULT_SENTINEL else timeout
        codes = kwargs.get("country_codes")
        options = {k: v for k, v in kwargs.items() if k != "country_codes"}
        key = dict(country_codes=codes, exactly_one=exactly_one, options=options)
        if self.cache is not None:
            hit = self.cache.get(self.service_name, query, **key)
            if hit is not None:
                self.last_fallback_reason = None
                return _shape(hit, exactly_one)
        with self._state_lock:
            skip = self._skip_reason if time.monotonic() < self._skip_until else None
        if skip is not None:
            return self._fall_back(query, exactly_one, codes, f"{skip}; not asking again yet")
        try:
            locations = self._limited(query, exactly_one=exactly_one, timeout=timeout, **kwargs)
        except _NoRetry as e:
            return self._fall_back(query, exactly_one, codes, self._after_fault(e.error))
        except GeocoderServiceError as e:  # a transient fault that outlived its retries
            return self._fall_back(query, exactly_one, codes, self._after_fault(e))
        self.last_fallback_reason = None
        if self.cache is not None:
            self.cache.put(self.service_name, query, locations, **key)
        return _shape(locations, exactly_one)

    def reverse(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL):  # pragma: no cover - not offered
        raise NotImplementedError("storymap does not reverse-geocode")

    # -- internals -----------------------------------------------------------------------------
    def _attempt(self, query, **kwargs) -> list[Location]:
        """One call to the service. Faults not worth retrying leave wrapped in ``_NoRetry``."""
        try:
            answer = self.primary.geocode(query, **kwargs)
        except GeocoderServiceError as e:
            if _transient(e):
                raise
            raise _NoRetry(e) from e
        except _PARSE_ERRORS as e:  # the service's parser choked on the body
            raise _NoRetry(e) from e
        try:
            return _checked(answer, kwargs.get("exactly_one", True))
        except ValueError as e:
            raise _NoRetry(e) from e

    def _after_fault(self, error: BaseException) -> str:
        reason = _describe(error)
        # A garbled answer or a refused query concerns this query; anything else (time-outs, 5xx, 429,
        # quota, a bad key) concerns the service, which is then left alone for a while.
        per_query = isinstance(error, (GeocoderParseError, GeocoderQueryError)) or not isinstance(
            error, GeocoderServiceError)
        if not per_query:
            wait = self.cooldown_seconds
            if isinstance(error, GeocoderRateLimited) and error.retry_after is not None:
                wait = float(error.retry_after)
            with self._state_lock:
                self._skip_until = time.monotonic() + wait
                self._skip_reason = f"{self.service_name} {reason}"
        return reason

    def _fall_back(self, query, exactly_one: bool, codes, reason: str):
        self.last_fallback_reason = reason
        log.warning("storymap: %s: %r answered offline: %s", self.service_name, query, reason)
        extra = {"country_codes": codes} if codes else {}
        if not isinstance(query, str):  # a structured query: the gazetteer knows names only
            query = ", ".join(str(v) for v in query.values()) if isinstance(query, dict) else str(query)
        return self.fallback.geocode(query, exactly_one=exactly_one, **extra)


# --------------------------------------------------------------------------------------------------
# The HTTP adapter: one request per call, a whole-request deadline, a cap on the body


class _Watchdog:
    """Shuts the request's sockets at the deadline, so no blocking read outlives it.

    A socket time-out bounds each read only: a server sending one byte every 0.2 s never trips a
    5 s time-out, in the headers or in the body. Shutting the socket down ends any read at once.
    """

    def __init__(self, seconds: float):
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(max(seconds, 0.0), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> "_Watchdog":
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            fired = self.fired
        if fired:
            self._shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            sockets = list(self._sockets)
        for sock in sockets:
            self._shut(sock)

    @staticmethod
    def _shut(sock: socket.socket) -> None:
        try:
            # The plain socket's shutdown, also for TLS: SSLSocket.shutdown would unwrap the TLS
            # layer under a read running in another thread.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass


def _tracking(base: type[http.client.HTTPConnection]):
    class Tracking(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, on_connect: Callable[[socket.socket], None], **kwargs):
            super().__init__(*args, **kwargs)
            self._on_connect = on_connect

        def connect(self) -> None:
            super().connect()
            self._on_connect(self.sock)

    return Tracking


_TrackingHTTP = _tracking(http.client.HTTPConnection)
_TrackingHTTPS = _tracking(http.client.HTTPSConnection)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, on_connect):
        super().__init__()
        self._on_connect = on_connect

    def http_open(self, req):
        return self.do_open(functools.partial(_TrackingHTTP, on_connect=self._on_connect), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, on_connect, context):
        super().__init__(context=context)
        self._on_connect = on_connect

    def https_open(self, req):
        return self.do_open(functools.partial(_TrackingHTTPS, on_connect=self._on_connect), req,
                            context=self._context)


class DeadlineAdapter(BaseSyncAdapter):
    """A urllib-based geopy adapter whose ``timeout`` bounds the whole request, with a body cap.

    geopy's adapters pass ``timeout`` to the socket, so it bounds each read, not the call: a
    server dribbling a byte at a time holds a call for minutes, and a huge body is read whole.
    Here ``timeout`` seconds after the call starts the sockets are shut (see :class:`_Watchdog`) and
    the body is read in chunks, checking the clock and the size between them. Overruns raise
    :class:`~geopy.exc.GeocoderTimedOut`; a body over ``max_bytes`` (announced by
    ``Content-Length`` or found while reading) raises :class:`~geopy.exc.GeocoderServiceError`
    without being read further. One request per call: :class:`SafeGeocoder` is the retry policy.
    """

    def __init__(self, *, proxies=None, ssl_context=None, max_bytes: int = MAX_BODY_BYTES, chunk_size: int = 16384):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.proxies = urllib.request.getproxies() if proxies is None else dict(proxies)
        self.ssl_context = ssl_context
        self.max_bytes = int(max_bytes)
        self.chunk_size = int(chunk_size)

    def get_json(self, url, *, timeout, headers):
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            raise GeocoderParseError(f"the response is not JSON: {text[:80]!r}") from None

    def get_text(self, url, *, timeout, headers):
        timeout = float(timeout if timeout is not None else DEFAULT_TIMEOUT)
        deadline = time.monotonic() + timeout
        with _Watchdog(timeout) as dog:
            opener = urllib.request.build_opener(
                urllib.request.ProxyHandler(self.proxies), _HTTPHandler(dog.add),
                _HTTPSHandler(dog.add, self.ssl_context))
            try:
                page = opener.open(urllib.request.Request(url, headers=headers), timeout=timeout)
            except HTTPError as e:
                body = self._body(e, deadline, timeout, dog, strict=False)
                raise AdapterHTTPError(f"HTTP {e.code}", status_code=e.code, text=body,
                                       headers={k.lower(): v for k, v in e.headers.items()}) from None
            except Exception as e:  # noqa: BLE001 - URLError, socket, TLS and protocol errors alike
                raise self._fault(e, timeout, dog) from None
            with page:
                return self._body(page, deadline, timeout, dog)

    def _body(self, page, deadline: float, timeout: float, dog: _Watchdog, *, strict: bool = True) -> str | None:
        """The body as text, read in chunks against the deadline and the cap. For an HTTP error
        page (``strict=False``) a body that cannot be read is ``None``: the status is what counts."""
        try:
            length = page.headers.get("Content-Length")
            if length and length.strip().isdigit() and int(length) > self.max_bytes:
                raise ResponseTooLarge(f"response of {int(length)} bytes refused unread "
                                           f"(over the {self.max_bytes}-byte cap)")
            chunks, total = [], 0
            while True:
                if dog.fired or time.monotonic() > deadline:
                    raise GeocoderTimedOut(f"no whole answer within {timeout:g} s")
                try:
                    chunk = page.read1(self.chunk_size)
                except Exception as e:  # noqa: BLE001
                    raise self._fault(e, timeout, dog) from None
                if not chunk:
                    break
                total += len(chunk)
                if total > self.max_bytes:
                    raise ResponseTooLarge(f"response over the {self.max_bytes}-byte cap; stopped reading")
                chunks.append(chunk)
            if dog.fired:  # the shut socket ended the body early: it is not the whole answer
                raise GeocoderTimedOut(f"no whole answer within {timeout:g} s")
            encoding = page.headers.get_content_charset() or "utf-8"
            try:
                return b"".join(chunks).decode(encoding)
            except (LookupError, ValueError):
                raise GeocoderParseError(f"the response is not {encoding} text") from None
        except GeocoderServiceError:
            if strict:
                raise
            return None

    @staticmethod
    def _fault(error: BaseException, timeout: float, dog: _Watchdog) -> GeocoderServiceError:
        message = " ".join(str(getattr(error, "reason", None) or error).split())[:200] or type(error).__name__
        if dog.fired or isinstance(error, (socket.timeout, TimeoutError)) or "timed out" in message:
            return GeocoderTimedOut(f"no whole answer within {timeout:g} s")
        if isinstance(error, (OSError, http.client.HTTPException)):
            return GeocoderUnavailable(f"service not reachable: {message}")
        return GeocoderServiceError(message)


def single_try_adapter(**kwargs) -> DeadlineAdapter:
    """An HTTP adapter for geopy that makes one request per call, for ``adapter_factory=``.

    geopy's default :class:`~geopy.adapters.RequestsAdapter` has urllib3 retry twice on its own: a
    read time-out costs three time-outs, and a 429 with ``Retry-After: N`` blocks the caller for
    ``2 * N`` seconds before geopy sees it. This one (a :class:`DeadlineAdapter`) makes one
    request, bounded as a whole by the geocoder's ``timeout``, so :class:`SafeGeocoder` is the only
    retry policy and a 429 reaches it at once.
    """
    return DeadlineAdapter(**kwargs)


_SAFE_OPTIONS = ("fallback", "cache", "min_delay_seconds", "max_retries", "error_wait_seconds", "cooldown_seconds")


def make_online_geocoder(service: str, *, user_agent: str, domain: str | None = None, scheme: str | None = None,
                         api_key: str | None = None, cache_path: str | os.PathLike | None = None,
                         ttl_seconds: float = DEFAULT_TTL_SECONDS, timeout: float = DEFAULT_TIMEOUT,
                         max_body_bytes: int = MAX_BODY_BYTES, **kw) -> SafeGeocoder:
    """A :class:`SafeGeocoder` over the online ``service`` of :data:`storymap.geocoder.SERVICES`.

    ``api_key`` (else ``$STORYMAP_<SERVICE>_KEY``) goes to the service under its own keyword
    (``api_key``, ``apikey``, ``subscription_key`` ...); a service that needs one and has none raises
    :class:`~storymap.geocoder.MissingServiceKeyError` naming the keyless services. ``timeout``
    bounds each whole request and ``max_body_bytes`` its body (see :class:`DeadlineAdapter`).
    ``cache_path`` defaults to :func:`default_cache_path`. ``fallback``, ``cache``,
    ``min_delay_seconds``, ``max_retries``, ``error_wait_seconds`` and ``cooldown_seconds`` go to
    :class:`SafeGeocoder`; other keywords go to the service's geocoder.

    Unknown names raise :class:`~storymap.geocoder.UnknownServiceError` listing the valid ones.

    >>> make_online_geocoder("nominatim", user_agent="storymap-docs").service_name  # doctest: +SKIP
    'nominatim'
    """
    spec = service_spec(service)
    key = service_key(service, api_key)
    if spec.needs_domain and not domain:
        raise UnknownServiceError(f"{service}: has no public server; pass --domain HOST of the one to use")
    if not (isinstance(timeout, (int, float)) and 0 < timeout <= 600):
        raise ValueError(f"timeout: expected seconds between 0 and 600, got {timeout!r}")
    safe = {k: kw.pop(k) for k in _SAFE_OPTIONS if k in kw}
    if "cache" not in safe:
        safe["cache"] = GeocodeCache(cache_path, ttl_seconds=ttl_seconds)
    if "adapter_factory" not in kw:
        kw["adapter_factory"] = functools.partial(DeadlineAdapter, max_bytes=max_body_bytes)
    opts = {k: v for k, v in (("domain", domain), ("scheme", scheme), (spec.key_arg, key)) if v is not None}
    primary = spec.geopy_class(user_agent=user_agent, timeout=timeout, **opts, **kw)
    return SafeGeocoder(primary, timeout=timeout, service_name=service, **safe)
