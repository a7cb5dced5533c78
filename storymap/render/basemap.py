"""The offline vector basemap: simplified country polygons that every exported map draws.

``geodata/basemap.geojson`` is built by ``geodata/build_basemap.py`` from the country shapes of the
``countryinfo`` package (MIT; shapes from mledoze/countries, derived from Natural Earth) and is
committed, so a map reads with no tile server. See docs/export.md for the source and licence.

>>> fc = load_basemap()
>>> fc["type"], sorted(fc["features"][0]["properties"])
('FeatureCollection', ['iso2', 'name'])
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from storymap.errors import InputFileError

__all__ = ["basemap_path", "load_basemap", "basemap_json", "labels_path", "load_labels"]

_PATH = Path(__file__).resolve().parents[2] / "geodata" / "basemap.geojson"
_LABELS = _PATH.with_name("labels.json")


def basemap_path() -> Path:
    """Path of the committed basemap file, ``geodata/basemap.geojson``."""
    return _PATH


@lru_cache(maxsize=1)
def basemap_json() -> str:
    """The basemap as compact JSON text (read once and cached)."""
    p = basemap_path()
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise InputFileError(
            f"{p}: cannot read the basemap ({e.strerror or e}); rebuild it with python geodata/build_basemap.py"
        ) from None
    return text.strip()


def load_basemap() -> dict[str, Any]:
    """The basemap as a GeoJSON FeatureCollection of countries with properties ``{name, iso2}``.

    The file is read once; each call returns a fresh copy, so callers may change it freely.
    """
    return json.loads(basemap_json())


def labels_path() -> Path:
    """Path of the committed label file, ``geodata/labels.json`` (built by ``geodata/build_labels.py``)."""
    return _LABELS


@lru_cache(maxsize=1)
def load_labels() -> tuple[tuple[str, float, float, str, int, int], ...]:
    """The basemap's names: ``(name, lat, lon, kind, minzoom, rank)`` rows, most important first
    (kinds ``country``, ``water``, ``capital``, ``city``). A missing or unreadable file gives no
    labels rather than no map: the names are an aid, the countries are the map."""
    try:
        rows = json.loads(_LABELS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ()
    out = []
    for r in rows if isinstance(rows, list) else ():
        if (isinstance(r, list) and len(r) == 6 and isinstance(r[0], str) and r[3] in ("country", "water", "capital", "city")
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (r[1], r[2], r[4], r[5]))):
            out.append((r[0], float(r[1]), float(r[2]), r[3], int(r[4]), int(r[5])))
    return tuple(sorted(out, key=lambda r: r[5]))
