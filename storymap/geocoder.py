"""The offline gazetteer as a geopy geocoder, and a registry to switch to an online geopy service.

``GazetteerGeocoder`` follows geopy's contract: ``geocode(query, exactly_one=True)`` returns a
:class:`geopy.location.Location` (or a list of them, or ``None``), with the gazetteer row in ``raw``.
Online services are an option a user turns on by name, never the default.
"""

from __future__ import annotations

from dataclasses import asdict

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from .errors import StorymapError
from .gazetteer import GazetteerLike, open_gazetteer

__all__ = ["GazetteerGeocoder", "get_geocoder", "UnknownServiceError"]


class UnknownServiceError(StorymapError, ValueError):
    """A geocoding service name that neither storymap nor geopy knows."""


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
    """A geocoder by name: ``offline`` (the default, the gazetteer) or any geopy service name.

    Unknown names raise :class:`UnknownServiceError` listing the valid ones.
    """
    if name in ("offline", "gazetteer"):
        return GazetteerGeocoder(**kwargs)
    from geopy.geocoders import SERVICE_TO_GEOCODER

    cls = SERVICE_TO_GEOCODER.get(name)
    if cls is None:
        valid = ", ".join(["offline", *sorted(SERVICE_TO_GEOCODER)])
        raise UnknownServiceError(f"{name!r}: unknown geocoding service; expected one of: {valid}")
    return cls(**kwargs)
