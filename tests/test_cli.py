"""CLI tests: run ``storymap`` as a user would and check output, exit codes and one-line errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run(*args, **kw):
    return subprocess.run([sys.executable, "-m", "storymap.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, **kw)


@pytest.fixture(scope="module")
def seed_places(real_gaz):
    r = run("places", *map(str, SEEDS), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    return [json.loads(line) for line in r.stdout.splitlines()]


def test_cli_places_jsonl_fields(seed_places):
    keys = {"file", "start", "end", "text", "name", "lat", "lon", "kind", "country", "geonameid", "score",
            "alternatives"}
    assert seed_places and all(set(r) == keys for r in seed_places)


def test_cli_places_offsets_index_the_file(seed_places):
    for r in seed_places:
        text = Path(r["file"]).read_text(encoding="utf-8-sig")
        assert text[r["start"]:r["end"]] == r["text"]


@pytest.mark.parametrize("name,lat,lon", [
    ("Green Zone", 33.30, 44.39), ("Baghdad", 33.34, 44.40), ("Kirkuk", 35.47, 44.39), ("Al-Qaim", 34.37, 41.09),
    ("Kuwait", 29.3, 47.7), ("Fort Bragg", 35.14, -79.0), ("North Carolina", 35.5, -80.0),
    ("Tehran", 35.69, 51.42), ("Benghazi", 32.12, 20.07), ("Palm Beach", 26.7, -80.04), ("Florida", 28.0, -82.0),
    ("Strait of Hormuz", 26.6, 56.4), ("Gulf of Oman", 24.5, 58.5), ("Persian Gulf", 26.5, 52.0),
    ("Tigris", 33.3, 44.4), ("Iraq", 33.0, 44.0), ("Iran", 32.0, 53.0), ("Syria", 35.0, 38.0),
    ("Libya", 27.0, 17.0), ("Lebanon", 33.8, 35.8), ("Saudi Arabia", 25.0, 45.0), ("Ukraine", 49.0, 32.0),
    ("Belarus", 53.0, 28.0), ("Kazakhstan", 48.0, 68.0), ("Uzbekistan", 41.0, 64.0), ("Cyprus", 35.0, 33.0),
    ("Afghanistan", 33.0, 66.0), ("Middle East", 29.0, 41.0), ("Washington", 38.9, -77.04),
])
def test_cli_places_seed_acceptance(seed_places, name, lat, lon):
    from storymap.places import haversine_km
    from storymap.places import normalize_name

    key = normalize_name(name)
    hits = [r for r in seed_places if key in normalize_name(r["text"])]
    assert hits, f"{name} not found in the seeds"
    for r in hits:
        assert r["lat"] is not None, f"{r['text']} unplaced"
        d = haversine_km(r["lat"], r["lon"], lat, lon)
        # Seas, rivers and countries are large: their point may sit a few hundred km from ours.
        assert d < 500, f"{r['text']} at {r['file']}:{r['start']} placed {d:.0f} km away ({r['name']})"


@pytest.mark.parametrize("not_place", ["Paul Salem", "Salem", "Robert Ford", "Ford", "Tom Cotton", "Cotton",
                                       "Hezbollah", "Kataeb Hezbollah", "Kataib Hizbullah", "Fox News", "Reuters",
                                       "NBC News", "Obama", "Trump", "Pompeo", "Esper", "Khamenei"])
def test_cli_places_seed_no_people_groups_outlets(seed_places, not_place):
    assert not [r for r in seed_places if r["text"] == not_place]


@pytest.mark.parametrize("content,expect", [
    (None, "file not found"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_cli_places_bad_file_one_line_exit_2(tmp_path, content, expect):
    f = tmp_path / "bad.txt"
    if content is not None:
        f.write_bytes(content)
    r = run("places", str(f))
    assert r.returncode == 2
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert str(f) in r.stderr and expect in r.stderr


def test_cli_places_table_and_empty_article(tmp_path, real_gaz):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    r = run("places", str(empty))
    assert r.returncode == 0
    f = tmp_path / "a.txt"
    f.write_text("Troops were sent from Kuwait to Baghdad.", encoding="cp1252")
    r = run("places", str(f))
    assert r.returncode == 0 and "Baghdad" in r.stdout and "Kuwait" in r.stdout


def test_cli_geocode_ranked_candidates(real_gaz):
    r = run("geocode", "Fort Bragg", "--format", "json")
    assert r.returncode == 0
    recs = json.loads(r.stdout)
    assert recs[0]["admin1"] == "North Carolina" and len(recs) >= 2
    r = run("geocode", "Fort Bragg", "--country", "US")
    assert r.returncode == 0 and "California" in r.stdout


def test_cli_geocode_bad_country_is_one_line(real_gaz):
    r = run("geocode", "Paris", "--country", "France")
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1 and "--country" in r.stderr


def test_cli_dates_jsonl_on_timeml(tmp_path):
    from tests.test_ingest import TIMEML

    f = tmp_path / "doc.tml"
    f.write_text(TIMEML, encoding="utf-8")
    r = run("dates", str(f), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert {(x["text"], x["type"], x["value"]) for x in recs} >= {("yesterday", "DATE", "1998-01-07")}
    assert all(set(x) == {"file", "start", "end", "text", "type", "value"} for x in recs)
    raw = f.read_text(encoding="utf-8")
    assert all(raw[x["start"]:x["end"]] == x["text"] for x in recs)


def test_cli_dates_bad_dct_is_one_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("On Tuesday it rained.")
    r = run("dates", str(f), "--dct", "2020-13-45")
    assert r.returncode == 2 and "--dct" in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("argv,content,expect", [
    (["places", "{f}"], None, "file not found"),
    (["dates", "{f}"], b"\x00\x01\x02binary", "binary"),
    (["build", "{f}", "-o", "{out}"], None, "file not found"),
    (["build", "{f}", "-o", "{out}"], b"   \n\n", "no usable text"),
    (["export", "{f}", "--html", "{out}"], None, "no such story file"),
    (["export", "{f}", "--html", "{out}"], b'{"steps": 5', "invalid JSON at line"),
    (["export", "{f}", "--html", "{out}"], b'{"version": 1, "title": "t", "steps": [{"id": "a"}]}', "steps[0]"),
    (["export", "{f}", "--html", "{out}"], b"\x89PNG\r\n\x1a\n\x00", "not UTF-8"),
    (["app", "{f}"], None, "no such file"),
])
def test_cli_every_command_bad_input_is_one_line(tmp_path, argv, content, expect):
    f = tmp_path / "input.json" if "export" in argv or "app" in argv else tmp_path / "input.txt"
    if content is not None:
        f.write_bytes(content)
    out = tmp_path / "out.json"
    r = run(*[a.format(f=f, out=out) for a in argv])
    assert r.returncode == 2, r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr
    assert f.name in r.stderr and expect in r.stderr
    assert not out.exists()  # nothing half-written


def test_cli_latin1_article_reads(tmp_path, real_gaz):
    f = tmp_path / "latin1.txt"
    f.write_bytes("Un café à Paris, France, le 3 janvier 2020.".encode("latin-1"))
    r = run("places", str(f), "--format", "jsonl")
    assert r.returncode == 0 and "Paris" in r.stdout


def test_cli_every_command_is_documented_in_the_readme():
    from storymap.cli import build_parser

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if a.__class__.__name__ == "_SubParsersAction")
    for name in sub.choices:
        assert f"`storymap {name}" in readme, f"storymap {name} is not in the README's command table"


# ---------------------------------------------------------------------------------------------------
# export: numbers and strings outside the format are one line naming the field (no traceback)

from tests.test_story import hostile_text  # noqa: E402  (the good story with one raw JSON token swapped in)

_PLACE = ["steps", 0, "places", 0]
HOSTILE_EXPORTS = [
    (_PLACE + ["lat"], "9" * 400, "steps[0].places[0].lat"),
    (_PLACE + ["lon"], "9" * 5000, "steps[0].places[0].lon"),
    (_PLACE + ["alternatives", 0, "score"], "9" * 400, "steps[0].places[0].alternatives[0].score"),
    (["steps", 0, "sources", 0, "start"], "9" * 5000, "steps[0].sources[0].start"),
    (["steps", 0, "corroboration"], "9" * 400, "steps[0].corroboration"),
    (_PLACE + ["lat"], "NaN", "steps[0].places[0].lat"),
    (_PLACE + ["lon"], "Infinity", "steps[0].places[0].lon"),
    (["steps", 0, "title"], '"Tankers \\ud800 hit"', "steps[0].title"),
    (_PLACE + ["name"], '"Fuj\\udfffairah"', "steps[0].places[0].name"),
    (["steps", 0, "sources", 0, "file"], '"\\ud83d.txt"', "steps[0].sources[0].file"),
]


@pytest.mark.parametrize("path, token, field", HOSTILE_EXPORTS, ids=[f"{h[2]}={h[1][:10]}" for h in HOSTILE_EXPORTS])
@pytest.mark.parametrize("fmt", ["--csv", "--html"])
def test_cli_export_hostile_story_value_is_one_line_naming_the_field(tmp_path, capsys, path, token, field, fmt):
    from storymap.cli import main

    story = tmp_path / "story.json"
    story.write_text(hostile_text(path, token), encoding="utf-8")
    out = tmp_path / "out.file"
    assert main(["export", str(story), fmt, str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"storymap: error: {story}: {field}: ")
    assert not out.exists()


def test_cli_export_surrogate_in_a_subprocess_is_one_line(tmp_path):
    story = tmp_path / "story.json"
    story.write_text(hostile_text(["title"], '"\\udc80"'), encoding="utf-8")
    r = run("export", str(story), "--geojson", str(tmp_path / "out.geojson"))
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "title: expected valid Unicode" in r.stderr


# ---------------------------------------------------------------------------------------------------
# geocode: queries, keys, deadlines and one line per fallback


@pytest.mark.parametrize("query, says", [
    ("Bag\x00dad", "control character"), ("Bag\ndad", "control character"), ("\x1b[31mBaghdad", "control character"),
    ("Bag\udcffdad", "lone surrogate"), ("   ", "empty query"),
])
def test_cli_geocode_refuses_control_characters_and_surrogates(capsys, query, says):
    from storymap.cli import main

    assert main(["geocode", query]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and says in err
    err.encode("utf-8")  # printable: the bad character is shown escaped


def _env(tmp_path, **extra):
    import os

    env = {k: v for k, v in os.environ.items() if not (k.startswith("STORYMAP_") and k.endswith("_KEY"))}
    return env | {"XDG_CACHE_HOME": str(tmp_path / "cache"), "NO_PROXY": "127.0.0.1", **extra}


@pytest.mark.parametrize("service", ["bing", "googlev3", "opencage", "pelias", "here"])
def test_cli_geocode_service_without_key_lists_keyless_services(tmp_path, service):
    r = run("geocode", "Baghdad", "--service", service, env=_env(tmp_path))
    assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
    assert "needs an API key" in r.stderr and "without a key: offline, arcgis" in r.stderr
    assert f"STORYMAP_{service.upper()}_KEY" in r.stderr and "Traceback" not in r.stderr


@pytest.fixture
def stand_in():
    from tests.test_online import FakeNominatim

    s = FakeNominatim()
    try:
        yield s
    finally:
        s.close()


@pytest.mark.parametrize("how", ["flag", "env"])
def test_cli_geocode_key_reaches_the_request(tmp_path, stand_in, real_gaz, how):
    stand_in.mode = "opencage"
    args = ["geocode", "Baghdad", "--service", "opencage", "--domain", stand_in.domain, "--scheme", "http",
            "--format", "json"]
    env = _env(tmp_path, **({"STORYMAP_OPENCAGE_KEY": "k-env"} if how == "env" else {}))
    r = run(*args, *(["--service-key", "k-flag"] if how == "flag" else []), env=env)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["address"] == "Baghdad, Iraq"
    assert stand_in.queries[-1]["key"] == ["k-flag" if how == "flag" else "k-env"]


@pytest.mark.parametrize("mode", ["bad_json", "dribble"])
def test_cli_geocode_fallback_is_exactly_one_stderr_line(tmp_path, stand_in, real_gaz, mode):
    stand_in.mode = mode
    r = run("geocode", "Baghdad", "--service", "nominatim", "--domain", stand_in.domain, "--scheme", "http",
            "--timeout", "1", env=_env(tmp_path))
    assert r.returncode == 0, r.stderr
    assert "Baghdad" in r.stdout  # answered by the offline gazetteer
    lines = r.stderr.strip().splitlines()
    assert lines[0].startswith("storymap: nominatim: 'Baghdad' answered offline: ")
    assert len(lines) == 1 and "Traceback" not in r.stderr, r.stderr


# ---------------------------------------------------------------------------------------------------
# export --embed: the snippet for a name with ':', '#' or '?', at a chosen size


def _tiny_story(tmp_path):
    from storymap.story import Source, Step, StepPlace, Story, save_story

    story = Story("Flood", (Step("a", "2021-05-03", "River floods Dover", "x", (StepPlace("Dover", 51.1, 1.3, "city"),),
                                 (Source("/home/reporter/a.txt", 0, 1, "x"),)),))
    return save_story(story, tmp_path / "story.json")


@pytest.mark.parametrize("name, src", [("flood: day 1.html", "flood%3A%20day%201.html?embed=1"),
                                       ("a#b?c.html", "a%23b%3Fc.html?embed=1")])
def test_cli_export_embed_encodes_the_name_and_takes_a_size(tmp_path, name, src):
    story = _tiny_story(tmp_path)
    r = run("export", str(story), "--html", str(tmp_path / name), "--embed", "--embed-size", "720x450")
    assert r.returncode == 0, r.stderr
    assert f'src="{src}"' in r.stdout and "aspect-ratio:720 / 450" in r.stdout and "max-height:450px" in r.stdout
    assert str(tmp_path) not in r.stdout and "/home/reporter" not in (tmp_path / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("size", ["720", "720x", "10x10", "wide"])
def test_cli_export_embed_size_bad_value_is_one_line(tmp_path, size):
    story = _tiny_story(tmp_path)
    r = run("export", str(story), "--html", str(tmp_path / "a.html"), "--embed", "--embed-size", size)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "WIDTHxHEIGHT" in r.stderr
    assert not (tmp_path / "a.html").exists()


def test_cli_export_scroll_layout_and_present_together_is_a_one_line_error(tmp_path):
    story = _tiny_story(tmp_path)
    r = run("export", str(story), "--html", str(tmp_path / "a.html"), "--scroll")
    assert r.returncode == 0, r.stderr
    assert '"layout":"scroll"' in (tmp_path / "a.html").read_text(encoding="utf-8")
    r = run("export", str(story), "--html", str(tmp_path / "b.html"), "--scroll", "--present")
    assert r.returncode == 2 and "choose one layout" in r.stderr and not (tmp_path / "b.html").exists()
