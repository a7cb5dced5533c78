"""Checks of geodata/curated_places.csv, the hand-curated table of seas, rivers, macro-regions,
districts, landmarks and military bases (see geodata/CURATED.md), and of the validator that guards it:
the committed table must pass, and a hand-made bad table must fail with a message naming each bad row."""

from __future__ import annotations

import math

import pytest
from shapely import wkt
from shapely.geometry import Point
from shapely.ops import nearest_points

from geodata.datafiles import CURATED_COLUMNS, CURATED_CSV, DataFileError, check_curated, load_curated, read_table

ROWS = read_table(CURATED_CSV, CURATED_COLUMNS)
GEOM_ROWS = [r for r in ROWS if r["geometry_wkt"]]
#: A geometry's representative point may lie this far from the row's point, or half the diagonal
#: of the geometry's bounding box when that is larger (a long river or a desert the size of a
#: continent is not centred on its most-cited stretch).
MAX_OFFSET_KM = 500.0

GOOD = {
    "id": "cur:mock-bay", "name": "Mock Bay", "aliases": "Bay of Mocks|Mockbay", "kind": "water",
    "feature_code": "BAY", "lat": "12.5", "lon": "-45.25", "country": "FR", "importance": "0.30",
    "geometry_wkt": "LINESTRING (-45 12, -45.5 13)", "source": "invented for a test",
}


def write_csv(path, rows, columns=CURATED_COLUMNS, comments=("# source: a test", "# licence: MIT")):
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write("".join(c + "\n" for c in comments))
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        w.writerows([[r.get(c, "") for c in columns] for r in rows])
    return path


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def test_committed_table_passes_the_validator():
    problems = check_curated(CURATED_CSV)
    assert not problems, f"{len(problems)} bad rows in the curated table:\n" + "\n".join(problems)


def test_committed_table_covers_every_kind_and_has_a_licence_header():
    assert len(ROWS) >= 600
    assert {"water", "area", "district", "landmark", "base", "region"} <= {r["kind"] for r in ROWS}
    head = CURATED_CSV.read_text(encoding="utf-8").split("\nid,name,")[0]
    assert all(f"# {field}:" in head for field in ("source", "licence", "columns"))


def test_a_good_hand_made_row_passes(tmp_path):
    assert check_curated(write_csv(tmp_path / "good.csv", [GOOD])) == []


@pytest.mark.parametrize("column, value, expected", [
    ("lat", "91", "lat '91' is not a number in [-90, 90]"),
    ("lat", "nan", "lat 'nan' is not a number"),
    ("lon", "-180.5", "lon '-180.5' is not a number in [-180, 180]"),
    ("lon", "", "lon '' is not a number"),
    ("kind", "lake", "kind 'lake' is not one of water, area"),
    ("country", "ZZ", "country 'ZZ' is not an ISO 3166-1 alpha-2 code"),
    ("country", "fr", "country 'fr' is not an ISO"),
    ("source", " ", "source is empty"),
    ("id", "cur:Mock Bay", "id 'cur:Mock Bay' is not cur:<lower-case-slug>"),
    ("name", " Mock Bay", "name ' Mock Bay' is empty or has surrounding spaces"),
    ("feature_code", "bay", "feature_code 'bay' is not a GeoNames code"),
    ("importance", "1.5", "importance '1.5' is not a number in [0, 1]"),
    ("aliases", "Mockbay|mockbay", "repeats an alias"),
    ("aliases", "Mock Bay (sea)", "parenthesised form"),
    ("geometry_wkt", "LINESTRING (-45 12,", "is not valid WKT"),
    ("geometry_wkt", "POINT (-45 12)", "geometry_wkt is a Point"),
])
def test_a_bad_value_fails_naming_file_line_and_value(tmp_path, column, value, expected):
    path = write_csv(tmp_path / "bad.csv", [GOOD, {**GOOD, "id": "cur:other", "name": "Other Bay", column: value}])
    problems = check_curated(path)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{path}:5: ")  # two comment lines, the header, the good row
    assert expected in problems[0]


def test_every_bad_row_is_reported_in_one_pass(tmp_path):
    rows = [GOOD, {**GOOD, "id": "cur:a", "name": "A", "lat": "95"}, {**GOOD, "id": "cur:b", "name": "B", "kind": "x"}]
    problems = check_curated(write_csv(tmp_path / "bad.csv", rows))
    assert [p.split(": ")[0].rsplit(":", 1)[1] for p in problems] == ["5", "6"]


@pytest.mark.parametrize("change, expected", [
    ({"id": "cur:mock-bay-2"}, "(Mock Bay, water, FR) repeats line 4"),
    ({"name": "mock bay", "id": "cur:mock-bay-2"}, "(mock bay, water, FR) repeats line 4"),
    ({"name": "Other Bay"}, "id cur:mock-bay repeats line 4"),
])
def test_a_repeated_place_or_id_fails(tmp_path, change, expected):
    problems = check_curated(write_csv(tmp_path / "dup.csv", [GOOD, {**GOOD, **change}]))
    assert problems and expected in problems[0], problems


def test_the_same_name_in_another_country_is_a_different_place(tmp_path):
    other = {**GOOD, "id": "cur:mock-bay-es", "country": "ES"}
    assert check_curated(write_csv(tmp_path / "two.csv", [GOOD, other])) == []


@pytest.mark.parametrize("columns, expected", [
    ([c for c in CURATED_COLUMNS if c != "source"], "expected the header id,name,"),
    (["name", "id", *CURATED_COLUMNS[2:]], "found name,id,"),
])
def test_a_missing_or_misplaced_column_fails(tmp_path, columns, expected):
    path = write_csv(tmp_path / "cols.csv", [GOOD], columns=columns)
    problems = check_curated(path)
    assert problems == [problems[0]] and problems[0].startswith(f"{path}:3: ") and expected in problems[0]


def test_loading_a_bad_table_raises_one_error_counting_the_rest(tmp_path):
    rows = [{**GOOD, "id": f"cur:x{i}", "name": f"X{i}", "lat": "100"} for i in range(3)]
    with pytest.raises(DataFileError, match=r"bad\.csv:4: lat '100' .* \(and 2 more problems\)$"):
        load_curated(write_csv(tmp_path / "bad.csv", rows))


@pytest.mark.parametrize("row", GEOM_ROWS, ids=[r["id"] for r in GEOM_ROWS])
def test_geometry_is_coarse_and_lies_around_its_point(row):
    geom = wkt.loads(row["geometry_wkt"])
    assert geom.is_valid
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
    minx, miny, maxx, maxy = geom.bounds
    rep = geom.representative_point()
    assert haversine_km(lat, lon, rep.y, rep.x) <= max(MAX_OFFSET_KM, haversine_km(miny, minx, maxy, maxx) / 2)
