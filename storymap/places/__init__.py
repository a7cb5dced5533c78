"""The place stage: find the places an article names and say where each is.

``Geoparser(gazetteer, nlp)(article)`` is the one entry (recognise -> resolve -> confirm -> resolve).
Modules: :mod:`.names` (the lookup key), :mod:`.gazetteer` (what a gazetteer offers, the SQLite one and
an in-memory fake), :mod:`.candidates` (one generator per source of candidate spans),
:mod:`.recognise` (runs them, settles overlaps, confirms weak names), :mod:`.qualifiers` ("Town,
State"), :mod:`.resolve` (context-based choice of referent), :mod:`.geoparse`, :mod:`.geocode` (the
gazetteer as a geopy geocoder, the one registry of online services) and :mod:`.online` (an online
service made safe). The geopy-based names are imported on first use.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from .gazetteer import Gazetteer, GazetteerLike, MemoryGazetteer, NameMatch, haversine_km, open_gazetteer
from .geoparse import Geoparser
from .names import normalize_name
from .recognise import load_nlp
from .resolve import ResolverConfig

__all__ = [
    "Geoparser",
    "open_gazetteer",
    "Gazetteer",
    "GazetteerLike",
    "MemoryGazetteer",
    "NameMatch",
    "normalize_name",
    "haversine_km",
    "load_nlp",
    "ResolverConfig",
    "get_geocoder",
    "GazetteerGeocoder",
    "make_online_geocoder",
    "SafeGeocoder",
]

_LAZY = {
    "get_geocoder": "storymap.places.geocode",
    "GazetteerGeocoder": "storymap.places.geocode",
    "make_online_geocoder": "storymap.places.online",
    "SafeGeocoder": "storymap.places.online",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
