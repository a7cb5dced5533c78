"""A large story in the app: every run draws a bounded part of it (a page of the timeline and of
the step lists, the current step and a few earlier ones on the map), however long the story."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "storymap" / "app" / "streamlit_app.py"
N_STEPS = 5000


@pytest.fixture(scope="module")
def big_file(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_scale import big_story
    from storymap.story import save_story

    path = tmp_path_factory.mktemp("big") / "big.json"
    save_story(big_story(N_STEPS, 4), path)
    return path


def _run(big_file, monkeypatch, tmp_path, panel=None, step=None):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("STORYMAP_APP_TARGETS", json.dumps([str(big_file)]))
    monkeypatch.setenv("STORYMAP_AUTOSAVE_DIR", str(tmp_path / "autosave"))
    at = AppTest.from_file(str(APP), default_timeout=120)
    if step:
        at.query_params["step"] = str(step)
    if panel:
        at.session_state["panel"] = panel
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("step", [1, 2600, N_STEPS])
def test_large_story_draws_one_page_of_steps(big_file, monkeypatch, tmp_path, step):
    from storymap.app.state import PAGE_SIZE

    at = _run(big_file, monkeypatch, tmp_path, panel="Edit step", step=step)
    assert at.session_state["app"].index == step - 1
    merge = [s for s in at.selectbox if s.label.startswith("Merge")]
    assert merge and 0 < len(merge[0].options) < PAGE_SIZE
    assert any(f"of {N_STEPS} on the time axis" in c.value for c in at.caption)
    places = [m for m in at.multiselect if m.label == "Places"]
    assert places and len(places[0].options) <= 200


def test_large_story_map_layer_is_bounded(big_file):
    from storymap.app.mapview import step_layer
    from storymap.story import load_story

    story = load_story(big_file)
    fg = step_layer(story, N_STEPS - 1, tuple(range(N_STEPS)))
    markers = [c for c in fg._children.values() if type(c).__name__ == "CircleMarker"]
    assert 0 < len(markers) <= 4 * 7  # the current step and six earlier ones, four places each


@pytest.mark.parametrize("years", [("1200", "2019"), ("2019", "9999")])
def test_story_with_far_dates_shows_without_a_date_filter(years, monkeypatch, tmp_path):
    from storymap.story import Step, Story, save_story

    path = tmp_path / "far.json"
    save_story(Story("far", (Step("a", years[0], "A", "", (), ()), Step("b", years[1], "B", "", (), ()))), path)
    at = _run(path, monkeypatch, tmp_path)
    assert any("too far apart" in c.value for c in at.caption)
