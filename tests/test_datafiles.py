"""The gazetteer's data tables (geodata/tables/*.csv): each says where it comes from, loads, and a bad one
stops the build with one line; the build's staleness check sees every table."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from geodata import build_gazetteer as bg
from geodata.datafiles import CURATED_CSV, TABLES_DIR, DataFileError, iso_codes, read_table

TABLE_FILES = sorted(TABLES_DIR.glob("*.csv"))


@pytest.mark.parametrize("path", TABLE_FILES, ids=[p.name for p in TABLE_FILES])
def test_every_table_starts_with_source_licence_and_columns(path):
    comments = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        comments.append(line)
    for field in ("source", "licence", "columns"):
        assert any(c.startswith(f"# {field}: ") for c in comments), f"{path.name} lacks '# {field}:'"


def test_tables_load_and_name_only_real_countries():
    t = bg.load_tables()
    codes = iso_codes()
    named = {*t.country_aliases, *t.country_demonyms, *t.country_points, *(cc for cc, _ in t.city_aliases),
             *(code.split(".")[0] for code in t.division_aliases)}
    assert named <= codes, named - codes
    assert t.country_aliases["US"][0] == "United States"  # the primary name of the US row
    assert t.division_aliases["US.WV"] == ["W.Va.", "W. Va."]
    assert t.division_words.sub("", "Anbar Governorate") == "Anbar"
    assert t.division_words.sub("", "Provincia del Chaco") == "Chaco"


@pytest.mark.parametrize("name, text, expected", [
    ("country_points.csv", "country,lat,lon\nUS,north,-98.5\n", "country_points.csv:2: expected numbers for lat, lon"),
    ("country_aliases.csv", "# source: x\ncountry,alias\nUS,U.S.,USA\n", "country_aliases.csv:3: expected 2 fields"),
    ("region_demonyms.csv", "place,demonym\n", "region_demonyms.csv:1: expected the header region,demonym"),
    ("division_type_words.csv", "position,word\ninfix,oblast\n", "division_type_words.csv:2: expected position prefix"),
])
def test_a_bad_table_is_reported_with_file_and_line(tmp_path, name, text, expected):
    tables = tmp_path / "tables"
    shutil.copytree(TABLES_DIR, tables)
    (tables / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=expected):
        bg.load_tables(tables)


def test_read_table_skips_only_the_leading_comments(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("# source: x\n# licence: y\nword\n#hashtag\n\nred\n", encoding="utf-8")
    assert [(r["word"], r["_line"]) for r in read_table(path, ["word"])] == [("#hashtag", 4), ("red", 6)]


def test_the_build_stops_on_a_bad_curated_table_with_one_line_and_status_2(tmp_path):
    bad = tmp_path / "curated.csv"
    text = CURATED_CSV.read_text(encoding="utf-8")
    bad.write_text(text.replace(",water,OCN,0,-160,", ",water,OCN,0,-200,", 1), encoding="utf-8")
    out = tmp_path / "gaz.sqlite"
    proc = subprocess.run([sys.executable, str(bg.__file__), "--out", str(out), "--curated", str(bad)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    assert f"{bad}:" in proc.stderr and "lon '-200'" in proc.stderr
    assert not out.exists() and not list(tmp_path.glob("gaz.sqlite.tmp*"))


@pytest.mark.parametrize("change", ["edit", "add", "remove"])
def test_the_staleness_hash_follows_every_table(tmp_path, change):
    tables = tmp_path / "tables"
    shutil.copytree(TABLES_DIR, tables)
    before = bg.inputs_hash(tables, CURATED_CSV)
    if change == "edit":
        with (tables / "city_aliases.csv").open("a", encoding="utf-8") as fh:
            fh.write("FR,Paris,Paname\n")
    elif change == "add":
        (tables / "new_words.csv").write_text("# source: x\nword\nred\n", encoding="utf-8")
    else:
        (tables / "demonym_stoplist.csv").unlink()
    assert bg.inputs_hash(tables, CURATED_CSV) != before


def test_the_staleness_hash_follows_the_curated_table(tmp_path):
    copy = tmp_path / "curated_places.csv"
    copy.write_text(CURATED_CSV.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert bg.inputs_hash(TABLES_DIR, copy) != bg.inputs_hash(TABLES_DIR, CURATED_CSV)
