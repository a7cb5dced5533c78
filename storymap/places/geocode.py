"""The offline gazetteer as a geopy geocoder, and the one registry of online geopy services.

``GazetteerGeocoder`` follows geopy's contract: ``geocode(query, exactly_one=True)`` returns a
:class:`geopy.location.Location` (or a list of them, or ``None``), with the gazetteer row in ``raw``.
Online services are an option a user turns on by name, never the default. :data:`SERVICES` is the
only table of them: :func:`get_geocoder` and :func:`storymap.places.online.make_online_geocoder` both read it.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict
from typing import NamedTuple

from geopy import geocoders as _geopy
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from ..errors import StorymapError
from .gazetteer import GazetteerLike, open_gazetteer

__all__ = [
    "GazetteerGeocoder",
    "get_geocoder",
    "UnknownServiceError",
    "MissingServiceKeyError",
    "ServiceSpec",
    "SERVICES",
    "OFFLINE_NAMES",
    "service_spec",
    "service_key",
    "service_key_env",
    "keyless_services",
]

#: Names of the offline gazetteer (the default; no network).
OFFLINE_NAMES = ("offline", "gazetteer")


class UnknownServiceError(StorymapError, ValueError):
    """A geocoding service name that storymap does not know."""


class MissingServiceKeyError(StorymapError, ValueError):
    """An online service that needs an API key was asked for without one."""


class ServiceSpec(NamedTuple):
    """An online service: its geopy class, whether it needs a key, and the keyword the key goes to."""

    geopy_class: type[Geocoder]
    needs_key: bool
    key_arg: str | None
    needs_domain: bool = False  # no public server: the user names one (Pelias)


def _spec(cls_name: str, needs_key: bool, key_arg: str | None, needs_domain: bool = False) -> ServiceSpec:
    return ServiceSpec(getattr(_geopy, cls_name), needs_key, key_arg, needs_domain)


# Services that need two credentials (liveaddress: auth id and token) are left out: one key per service.
SERVICES: dict[str, ServiceSpec] = {
    "arcgis": _spec("ArcGIS", False, None),
    "azure": _spec("AzureMaps", True, "subscription_key"),
    "baidu": _spec("Baidu", True, "api_key"),
    "baiduv3": _spec("BaiduV3", True, "api_key"),
    "banfrance": _spec("BANFrance", False, None),
    "bing": _spec("Bing", True, "api_key"),
    "databc": _spec("DataBC", False, None),
    "geocodeearth": _spec("GeocodeEarth", True, "api_key"),
    "geocodio": _spec("Geocodio", True, "api_key"),
    "geokeo": _spec("Geokeo", True, "api_key"),
    "geolake": _spec("Geolake", True, "api_key"),
    "geonames": _spec("GeoNames", True, "username"),
    "google": _spec("GoogleV3", True, "api_key"),
    "googlev3": _spec("GoogleV3", True, "api_key"),
    "here": _spec("HereV7", True, "apikey"),
    "herev7": _spec("HereV7", True, "apikey"),
    "ignfrance": _spec("IGNFrance", False, None),
    "mapbox": _spec("MapBox", True, "api_key"),
    "mapquest": _spec("MapQuest", True, "api_key"),
    "maptiler": _spec("MapTiler", True, "api_key"),
    "nominatim": _spec("Nominatim", False, None),
    "opencage": _spec("OpenCage", True, "api_key"),
    "openmapquest": _spec("OpenMapQuest", True, "api_key"),
    "pelias": _spec("Pelias", True, "api_key", needs_domain=True),
    "photon": _spec("Photon", False, None),
    "pickpoint": _spec("PickPoint", True, "api_key"),
    "tomtom": _spec("TomTom", True, "api_key"),
    "what3words": _spec("What3Words", True, "api_key"),
    "what3wordsv3": _spec("What3WordsV3", True, "api_key"),
    "woosmap": _spec("Woosmap", True, "api_key"),
    "yandex": _spec("Yandex", True, "api_key"),
}


def keyless_services() -> list[str]:
    """Names that work without a key: the offline gazetteer first, then online services."""
    return ["offline", *sorted(n for n, s in SERVICES.items() if not s.needs_key and not s.needs_domain)]


def service_spec(name: str) -> ServiceSpec:
    """The registry entry for an online service; :class:`UnknownServiceError` lists the valid names."""
    spec = SERVICES.get(name)
    if spec is None:
        hint = " ('offline' is the default and needs no online geocoder)" if name in OFFLINE_NAMES else ""
        raise UnknownServiceError(
            f"{name!r}: unknown online geocoding service{hint}; expected one of: {', '.join(sorted(SERVICES))}")
    return spec


def service_key_env(name: str) -> str:
    """The environment variable that holds ``name``'s key: ``STORYMAP_OPENCAGE_KEY``."""
    return f"STORYMAP_{re.sub(r'[^A-Z0-9]', '_', name.upper())}_KEY"


def service_key(name: str, given: str | None = None) -> str | None:
    """The key for ``name``: ``given``, else ``$STORYMAP_<NAME>_KEY``, else ``None`` for a keyless service.

    A service that needs a key and has none raises :class:`MissingServiceKeyError` listing the
    services that work without one; a key for a service that takes none is refused too.
    """
    spec = service_spec(name)
    key = given if given else os.environ.get(service_key_env(name)) or None
    if key is not None and spec.key_arg is None:
        raise MissingServiceKeyError(f"{name}: takes no API key; leave out --service-key "
                                     f"and {service_key_env(name)}")
    if key is None and spec.needs_key:
        raise MissingServiceKeyError(
            f"{name}: needs an API key: pass --service-key KEY or set {service_key_env(name)}; "
            f"services that work without a key: {', '.join(keyless_services())}")
    if key is not None and (not key.isprintable() or not key.strip()):
        raise MissingServiceKeyError(f"{name}: the API key must be printable text, got {key!r}")
    return key


class GazetteerGeocoder(Geocoder):
    """Geocode place names with storymap's offline gazetteer; no network is ever used.

    >>> g = GazetteerGeocoder()            # doctest: +SKIP
    >>> g.geocode("Kirkuk").point           # doctest: +SKIP
    Point(35.46806, 44.39222, 0.0)
    """

    def __init__(self, gazetteer: GazetteerLike | None = None, **kwargs):
        super().__init__(**kwargs)
        self.gazetteer = gazetteer if gazetteer is not None else open_gazetteer()

    def geocode(self, query: str, *, exactly_one: bool = True, timeout=DEFAULT_SENTINEL,
                country_codes: str | list[str] | None = None, limit: int = 10):
        """Ranked candidates for ``query`` (most prominent first); ``country_codes`` filters by ISO code."""
        if isinstance(country_codes, str):
            country_codes = [country_codes]
        codes = {c.upper() for c in country_codes or []}
        matches = self.gazetteer.search(query, limit=max(limit, 1) * (5 if codes else 1))
        if codes:
            matches = [m for m in matches if m.place.country in codes]
        locations = []
        for m in matches[: 1 if exactly_one else limit]:
            p = m.place
            address = ", ".join(x for x in (p.name, p.admin1 if p.admin1 != p.name else None, p.country) if x)
            raw = asdict(p) | {"demonym": m.demonym, "primary": m.primary}
            locations.append(Location(address, (p.lat, p.lon), raw))
        if exactly_one:
            return locations[0] if locations else None
        return locations or None

    def reverse(self, query, *, exactly_one=True, timeout=DEFAULT_SENTINEL):  # pragma: no cover - not offered
        raise NotImplementedError("the offline gazetteer does not reverse-geocode")


def get_geocoder(name: str = "offline", **kwargs) -> Geocoder:
    """A geocoder by name: ``offline`` (the default, the gazetteer) or a service of :data:`SERVICES`
    (``kwargs`` go to its geopy class, the key included).

    Unknown names raise :class:`UnknownServiceError` listing the valid ones.
    """
    if name in OFFLINE_NAMES:
        return GazetteerGeocoder(**kwargs)
    if name not in SERVICES:
        raise UnknownServiceError(
            f"{name!r}: unknown geocoding service; expected one of: {', '.join(['offline', *sorted(SERVICES)])}")
    return SERVICES[name].geopy_class(**kwargs)
