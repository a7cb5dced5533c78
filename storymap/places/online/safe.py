"""The safe geocoder: an online geopy geocoder throttled, cached and backed by the offline gazetteer."""

from __future__ import annotations

import logging
import math
import threading
import time
from typing import Any

from geopy.adapters import AdapterHTTPError, URLLibAdapter
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

from ..geocode import GazetteerGeocoder
from .adapter import DEFAULT_TIMEOUT, ResponseTooLarge
from .cache import GeocodeCache

__all__ = ["SafeGeocoder"]

log = logging.getLogger("storymap.places.online")

#: Errors a service's parser raises on a body of the wrong shape (a dict for a list, "abc" for a lat).
_PARSE_ERRORS = (ValueError, KeyError, TypeError, IndexError, AttributeError)


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
    logged as a warning on ``storymap.places.online``.

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
