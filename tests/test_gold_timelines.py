"""The careful-reader gold timelines (benchmarks/gold) are well formed."""

import copy
import json

import pytest

from benchmarks import gold_timelines as gt

FILES = gt.story_files()
HAVE_SHARED = gt.SHARED_EVAL.is_dir()


def _load(p):
    return json.loads(p.read_text(encoding="utf-8"))


def test_gold_files_exist():
    names = {p.stem for p in FILES}
    assert "seed" in names
    assert {"aquaint_embassy_bombings", "aquaint_elian_gonzalez", "aquaint_nato_enlargement",
            "aquaint_buffalo_doctor"} <= names
    assert sum(n.startswith("timebank_") for n in names) >= 3


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_gold_file_valid(path):
    data = _load(path)
    assert gt.validate_story(data, check_docs=False) == []
    if HAVE_SHARED:
        assert gt.validate_story(data, check_docs=True) == []
    story = gt.load_story(path, check_docs=False)
    assert story.id == path.stem
    assert story.required


def test_split_about_two_thirds_dev():
    stories = gt.load_stories(check_docs=False)
    dev = [s for s in stories if s.split == "dev"]
    assert {s.split for s in stories} == {"dev", "test"}
    assert any(s.id == "seed" and s.split == "dev" for s in stories)
    assert 0.5 <= len(dev) / len(stories) <= 0.75


def test_seed_covers_the_bench_story_steps():
    """Every (date, places) pair of bench_story.EXPECTED is a required seed event, plus the Swiss envoy."""
    from benchmarks.bench_story import EXPECTED
    seed = gt.load_story(gt.GOLD_DIR / "seed.json", check_docs=False)
    for date, places, what in EXPECTED:
        assert any(e.required and e.date == date and places <= e.site_names for e in seed.events), (date, places, what)
    assert any(e.required and "Swiss" in e.what and "Tehran" in e.site_names for e in seed.events)


def test_clusters_valid():
    data = _load(gt.GOLD_DIR / gt.CLUSTERS_FILE)
    raw = {s["id"]: s for s in map(_load, FILES)}
    assert gt.validate_clusters(data, raw, check_docs=False) == []
    if HAVE_SHARED:
        assert gt.validate_clusters(data, raw, check_docs=True) == []
    clusters = gt.load_clusters()
    assert set(clusters) == {"embassy_bombings", "buffalo_doctor", "elian_gonzalez", "nato_enlargement", "other"}
    assert sum(map(len, clusters.values())) == 73


def test_loader_returns_frozen_dataclasses():
    story = gt.load_stories(check_docs=False)[0]
    with pytest.raises(Exception):
        story.split = "test"
    with pytest.raises(Exception):
        story.events[0].date = "1999"


def _good():
    return _load(gt.GOLD_DIR / "timebank_puerto_rico_kidnapping.json")


@pytest.mark.parametrize("breakage, message", [
    (lambda d: d["events"][0].update(date="1998-02-30"), "is not YYYY"),
    (lambda d: d["events"][0].update(date="11 Feb 1998"), "is not YYYY"),
    (lambda d: d["events"][0].update(date_precision="month"), "has precision day"),
    (lambda d: d["events"][0]["sites"][0].update(lat=118.2), "lat=118.2"),
    (lambda d: d["events"][0]["sites"][0].update(lon=-200), "lon=-200"),
    (lambda d: d.update(split="train"), "split must be"),
    (lambda d: d["events"][1].update(id=d["events"][0]["id"]), "duplicate event id"),
    (lambda d: [e.update(required=False) for e in d["events"]], "no required event"),
    (lambda d: d["events"][0].pop("sites"), "missing keys"),
    (lambda d: d["events"][0].update(what="x" * 81), "at most 80"),
    (lambda d: d.pop("storyline"), "missing story keys"),
])
def test_validator_catches_bad_data(breakage, message):
    bad = copy.deepcopy(_good())
    breakage(bad)
    errors = gt.validate_story(bad, check_docs=False)
    assert any(message in e for e in errors), errors


def test_bad_file_fails_to_load(tmp_path):
    bad = _good()
    bad["events"][0]["date"] = "1998-13-01"
    bad["events"][0]["sites"][0]["lat"] = 95.0
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(gt.GoldError, match="1998-13-01"):
        gt.load_story(p, check_docs=False)
    (tmp_path / "good.json").write_text(json.dumps(_good()), encoding="utf-8")
    with pytest.raises(gt.GoldError):
        gt.load_stories(tmp_path, check_docs=False)


def test_missing_doc_is_reported(tmp_path):
    bad = _good()
    bad["docs"].append("TimeBank/NO_SUCH_DOC")
    bad["events"][0]["docs"].append("TimeBank/NO_SUCH_DOC")
    fake_shared = tmp_path / "eval"
    (fake_shared / "timex" / "TimeBank").mkdir(parents=True)
    (fake_shared / "timex" / "TimeBank" / "APW19980213.1380.tml").write_text("<TimeML/>")
    errors = gt.validate_story(bad, check_docs=True, shared_eval=fake_shared)
    assert any("NO_SUCH_DOC" in e for e in errors), errors
    assert not any("APW19980213.1380" in e for e in errors)
    bad["docs"].append("seeds/999_missing")
    errors = gt.validate_story(bad, check_docs=False)
    assert any("999_missing" in e for e in errors)
