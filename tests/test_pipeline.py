"""The whole pipeline on the seed articles, and the build command's contract."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storymap.errors import NoTextError
from storymap.story import load_story

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="module")
def seed_steps(real_gaz, tmp_path_factory):
    out = tmp_path_factory.mktemp("story") / "story.json"
    r = subprocess.run([sys.executable, "-m", "storymap.cli", "build", *SEEDS, "-o", str(out)], capture_output=True,
                       text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    return load_story(out).steps


@pytest.mark.parametrize("date,places", [
    ("2019-12-27", {"Kirkuk"}),
    ("2019-12-29", {"Al Qā’im"}),
    ("2019-12-31", {"Green Zone"}),
    ("2019-12-31", {"Fort Bragg", "Kuwait"}),
    ("2019-12-31", {"Kuwait", "Baghdad"}),
    ("2020-01-01", {"Baghdad"}),
    ("2020-01-01", {"Tehran"}),
    ("2012-09-11", {"Benghazi"}),
    ("2019-05", {"Gulf of Oman"}),
    ("2019-06", {"Strait of Hormuz"}),
    ("2019-09", {"Saudi Arabia"}),
])
def test_pipeline_seed_steps(seed_steps, date, places):
    assert any(s.date == date and places <= {p.name for p in s.places} for s in seed_steps), (date, places)


@pytest.mark.parametrize("origin,destination", [("Fort Bragg", "Kuwait"), ("Kuwait", "Baghdad")])
def test_pipeline_seed_movements(seed_steps, origin, destination):
    assert any({(p.name, p.role) for p in s.places} >= {(origin, "origin"), (destination, "destination")}
               for s in seed_steps)


def test_pipeline_seed_steps_ordered_and_not_after_publication(seed_steps):
    from storymap.story import date_sort_key

    dates = [s.date for s in seed_steps if s.date and s.kind != "overview"]  # the overview is step 0
    assert dates == sorted(dates, key=date_sort_key)
    assert max(s.date_end or s.date for s in seed_steps if s.date) <= "2020-01-02"


def test_pipeline_seed_storming_corroborated(seed_steps):
    assert max(s.corroboration for s in seed_steps) >= 3


def test_pipeline_build_refuses_empty_input_and_writes_nothing(tmp_path, real_gaz):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    out = tmp_path / "story.json"
    r = subprocess.run([sys.executable, "-m", "storymap.cli", "build", str(empty), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 2 and not out.exists()
    assert len(r.stderr.strip().splitlines()) == 1 and str(empty) in r.stderr


def test_pipeline_build_refuses_undated_text(tmp_path, real_gaz):
    from storymap.story import build_story

    f = tmp_path / "a.txt"
    f.write_text("Paris is a city in France. Berlin is in Germany.")
    with pytest.raises(NoTextError, match="nothing dated and placed"):
        build_story([str(f)])


def test_pipeline_build_keeps_previous_story(tmp_path, real_gaz):
    out = tmp_path / "story.json"
    out.write_text(json.dumps({"version": 1, "title": "old", "steps": []}))
    f = tmp_path / "a.txt"
    f.write_text("On Jan. 3, 2020, a drone strike near Baghdad airport killed a general.")
    r = subprocess.run([sys.executable, "-m", "storymap.cli", "build", str(f), "-o", str(out), "--date", "2020-01-04"],
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "story.json.bak").exists() and load_story(out).steps[0].date == "2020-01-03"


TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>made-up-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-03-04" functionInDocument="CREATION_TIME">March 4, 2021</TIMEX3></DCT>
<TEXT>
Rebels <EVENT eid="e1" class="OCCURRENCE">attacked</EVENT> the town of Mosul in Iraq <TIMEX3 tid="t1" type="DATE" value="2021-03-02">on Tuesday</TIMEX3>, officials <EVENT eid="e2" class="REPORTING">said</EVENT>.

Troops <EVENT eid="e3" class="OCCURRENCE">arrived</EVENT> in Baghdad <SIGNAL sid="s1">after</SIGNAL> the attack <TIMEX3 tid="t2" type="DATE" value="2021-03-03">on Wednesday</TIMEX3> &amp; stayed.
</TEXT>
</TimeML>
"""


def test_pipeline_timeml_tags_stay_out_of_steps(tmp_path, real_gaz):
    from storymap.story import build_story

    f = tmp_path / "report.tml"
    f.write_text(TIMEML)
    story = build_story([str(f)])
    assert {s.date for s in story.steps} == {"2021-03-02", "2021-03-03"}
    shown = [x for s in story.steps for x in (s.title, s.text, *(src.quote for src in s.sources))]
    assert not [x for x in shown if "<" in x or ">" in x], shown
    assert any("Troops arrived in Baghdad after the attack on Wednesday & stayed." in x for x in shown)
    raw = f.read_text()
    for s in story.steps:
        for src in s.sources:  # the sources' offsets still point into the raw file
            assert raw[src.start:src.end].startswith(src.quote.split()[0])


@pytest.mark.parametrize("changed, rebuilds", [
    ("story/merge.py", True),  # a stage in a subpackage: the cached seed story is stale
    ("places/data/words.txt", True),  # a word list the recogniser reads
    ("places/data/ranker.json", True),  # the resolver's learned model
    ("model.py", True),
    ("app/views.py", False),  # only shows a story
    ("render/html.py", False),
])
def test_pipeline_seed_cache_key_follows_the_code_that_builds(tmp_path, monkeypatch, changed, rebuilds):
    from storymap.story import build

    pkg = tmp_path / "storymap"
    for rel in ("story/merge.py", "places/data/words.txt", "places/data/ranker.json", "model.py", "app/views.py",
                "render/html.py"):
        (pkg / rel).parent.mkdir(parents=True, exist_ok=True)
        (pkg / rel).write_text("x = 1\n")
    monkeypatch.setattr(build, "PACKAGE_DIR", pkg)
    before = build._code_hash()
    (pkg / changed).write_text("x = 2\n")
    assert (build._code_hash() != before) is rebuilds


def test_pipeline_seed_cache_key_follows_the_gazetteer(monkeypatch):
    from storymap.story import build

    monkeypatch.setattr(build, "_gazetteer_inputs", lambda: "built from A")
    before = build._code_hash()
    monkeypatch.setattr(build, "_gazetteer_inputs", lambda: "built from B")
    assert build._code_hash() != before
