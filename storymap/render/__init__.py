"""Render a story: a self-contained HTML page, Knight Lab JSON, open geodata and pictures.

Pure functions turn a :class:`~storymap.story.Story` into text or JSON data; :func:`write_exports`
puts any of them on disk at once, each file atomically. The modules, one job each:

* :mod:`~storymap.render.html` — :func:`to_html` (one page that works from disk, ``present=True``
  for slides) and :func:`embed_snippet` (an ``<iframe>`` for another page);
* :mod:`~storymap.render.knightlab` — :func:`to_storymapjs`, :func:`to_timelinejs`;
* :mod:`~storymap.render.geoformats` — :func:`to_geojson` (RFC 7946), :func:`to_kml` (OGC KML 2.2),
  :func:`to_csv`;
* :mod:`~storymap.render.pictures` — :func:`write_pngs` through headless Chromium, :data:`CHROMIUM_ARGS`;
* :mod:`~storymap.render.geometry` — gazetteer shapes as GeoJSON (:func:`step_geometries`), movements;
* :mod:`~storymap.render.basemap` — the offline country basemap every map draws;
* :mod:`~storymap.render.writer` — :func:`write_exports`.

docs/export.md describes the formats, the page's keys and its accessibility.
"""

from __future__ import annotations

from storymap.render.geoformats import CSV_COLUMNS, KML_NS, to_csv, to_geojson, to_kml
from storymap.render.geometry import step_geometries, wkb_to_geojson
from storymap.render.html import OSM_TILES, embed_snippet, to_html
from storymap.render.knightlab import DEFAULT_ZOOM, KIND_ZOOM, to_storymapjs, to_timelinejs
from storymap.render.labels import date_label
from storymap.render.pictures import CHROMIUM_ARGS, BrowserMissingError, find_chromium, write_pngs
from storymap.render.writer import write_exports

__all__ = [
    "to_html",
    "embed_snippet",
    "to_storymapjs",
    "to_timelinejs",
    "to_geojson",
    "to_kml",
    "to_csv",
    "step_geometries",
    "wkb_to_geojson",
    "date_label",
    "write_exports",
    "write_pngs",
    "find_chromium",
    "BrowserMissingError",
    "CHROMIUM_ARGS",
    "CSV_COLUMNS",
    "KML_NS",
    "OSM_TILES",
    "KIND_ZOOM",
    "DEFAULT_ZOOM",
]
