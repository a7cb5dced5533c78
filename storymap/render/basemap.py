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

__all__ = ["basemap_path", "load_basemap", "basemap_json"]

_PATH = Path(__file__).resolve().parents[2] / "geodata" / "basemap.geojson"


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
