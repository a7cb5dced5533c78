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
import os

from ..geocode import UnknownServiceError, service_key, service_spec
from .adapter import DEFAULT_TIMEOUT, MAX_BODY_BYTES, DeadlineAdapter, ResponseTooLarge, single_try_adapter
from .cache import DEFAULT_TTL_SECONDS, GeocodeCache, default_cache_path
from .safe import SafeGeocoder

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

_SAFE_OPTIONS = ("fallback", "cache", "min_delay_seconds", "max_retries", "error_wait_seconds", "cooldown_seconds")


def make_online_geocoder(service: str, *, user_agent: str, domain: str | None = None, scheme: str | None = None,
                         api_key: str | None = None, cache_path: str | os.PathLike | None = None,
                         ttl_seconds: float = DEFAULT_TTL_SECONDS, timeout: float = DEFAULT_TIMEOUT,
                         max_body_bytes: int = MAX_BODY_BYTES, **kw) -> SafeGeocoder:
    """A :class:`SafeGeocoder` over the online ``service`` of :data:`storymap.places.geocode.SERVICES`.

    ``api_key`` (else ``$STORYMAP_<SERVICE>_KEY``) goes to the service under its own keyword
    (``api_key``, ``apikey``, ``subscription_key`` ...); a service that needs one and has none raises
    :class:`~storymap.places.geocode.MissingServiceKeyError` naming the keyless services. ``timeout``
    bounds each whole request and ``max_body_bytes`` its body (see :class:`DeadlineAdapter`).
    ``cache_path`` defaults to :func:`default_cache_path`. ``fallback``, ``cache``,
    ``min_delay_seconds``, ``max_retries``, ``error_wait_seconds`` and ``cooldown_seconds`` go to
    :class:`SafeGeocoder`; other keywords go to the service's geocoder.

    Unknown names raise :class:`~storymap.places.geocode.UnknownServiceError` listing the valid ones.

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
