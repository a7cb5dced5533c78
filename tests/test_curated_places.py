"""Checks of geodata/curated_places.csv, the hand-curated table of seas, rivers, macro-regions,
districts, landmarks and military bases (see geodata/CURATED.md)."""

from __future__ import annotations

import csv
import math
import re
import warnings
from collections import defaultdict
from pathlib import Path

import pytest
from shapely import wkt
from shapely.geometry import Point
from shapely.ops import nearest_points

CSV_PATH = Path(__file__).resolve().parent.parent / "geodata" / "curated_places.csv"
COLUMNS = ["id", "name", "aliases", "kind", "feature_code", "lat", "lon", "country", "importance",
           "geometry_wkt", "source"]
KINDS = {"water", "area", "district", "landmark", "base", "region"}
#: A geometry's representative point may lie this far from the row's point, or half the diagonal
#: of the geometry's bounding box when that is larger (a long river or a desert the size of a
#: continent is not centred on its most-cited stretch).
MAX_OFFSET_KM = 500.0


def _rows() -> list[dict]:
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


ROWS = _rows()
GEOM_ROWS = [r for r in ROWS if r["geometry_wkt"]]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def test_header_and_size():
    with CSV_PATH.open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert header == COLUMNS
    assert len(ROWS) >= 600


def test_every_row_has_all_columns():
    for r in ROWS:
        assert None not in r, f"extra fields in {r.get('id')}"
        assert all(r[c] is not None for c in COLUMNS), r


def test_ids_unique_and_well_formed():
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    for i in ids:
        assert re.fullmatch(r"cur:[a-z0-9]+(?:-[a-z0-9]+)*", i), i


def test_kinds_allowed():
    assert {r["kind"] for r in ROWS} <= KINDS


def test_every_kind_present():
    assert {"water", "area", "district", "landmark", "base"} <= {r["kind"] for r in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_row_fields(row):
    assert row["name"].strip() == row["name"] and row["name"]
    lat, lon = float(row["lat"]), float(row["lon"])
    assert -90 <= lat <= 90 and -180 <= lon <= 180
    assert 0.0 <= float(row["importance"]) <= 1.0
    assert row["country"] == "" or re.fullmatch(r"[A-Z]{2}", row["country"])
    assert re.fullmatch(r"[A-Z]{2,5}", row["feature_code"]), row["feature_code"]
    assert row["source"].strip()
    if row["aliases"]:
        parts = row["aliases"].split("|")
        assert all(p.strip() == p and p for p in parts), parts
        assert len({p.casefold() for p in parts}) == len(parts), "duplicate alias"
        assert row["name"].casefold() not in {p.casefold() for p in parts}, "alias repeats the name"


def test_no_duplicate_name_kind_pairs():
    seen = defaultdict(list)
    for r in ROWS:
        seen[(r["name"].casefold(), r["kind"])].append(r["id"])
    dupes = {k: v for k, v in seen.items() if len(v) > 1}
    assert not dupes


def test_alias_collisions_are_reported_not_failed():
    """An alias equal to another row's name or alias is legitimate (ranked by importance), but list it."""
    owners = defaultdict(set)
    for r in ROWS:
        for n in [r["name"], *filter(None, r["aliases"].split("|"))]:
            owners[n.casefold()].add((r["id"], r["kind"]))
    collisions = {n: sorted(o) for n, o in owners.items() if len({i for i, _ in o}) > 1}
    if collisions:
        warnings.warn(f"{len(collisions)} names shared by several curated rows, e.g. "
                      + "; ".join(f"{n}: {[i for i, _ in o]}" for n, o in sorted(collisions.items())[:10]))


@pytest.mark.parametrize("row", GEOM_ROWS, ids=[r["id"] for r in GEOM_ROWS])
def test_geometry(row):
    geom = wkt.loads(row["geometry_wkt"])
    assert geom.geom_type in {"LineString", "Polygon", "MultiPolygon", "MultiLineString"}
    assert geom.is_valid and not geom.is_empty
    minx, miny, maxx, maxy = geom.bounds
    assert -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90
    if geom.geom_type == "LineString":
        assert 2 <= len(geom.coords) <= 12
    if geom.geom_type == "Polygon":
        ring = list(geom.exterior.coords)
        assert ring[0] == ring[-1] and 4 <= len(ring) <= 26
    lat, lon = float(row["lat"]), float(row["lon"])
    # The row's point must be on or near the geometry (catches swapped lat/lon) ...
    near = nearest_points(geom, Point(lon, lat))[0]
    assert haversine_km(lat, lon, near.y, near.x) <= MAX_OFFSET_KM
    # ... and not far from its representative point, allowing for very large features.
    rep = geom.representative_point()
    diag = haversine_km(miny, minx, maxy, maxx)
    assert haversine_km(lat, lon, rep.y, rep.x) <= max(MAX_OFFSET_KM, diag / 2)


def test_csv_is_what_the_source_script_writes(tmp_path):
    """The committed CSV must be the output of geodata/curated_places_src.py."""
    import importlib.util

    src = CSV_PATH.with_name("curated_places_src.py")
    spec = importlib.util.spec_from_file_location("curated_places_src", src)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "curated.csv"
    module.write(out)
    assert out.read_bytes() == CSV_PATH.read_bytes()
