"""The app's Python side: pure state transitions, the map and narrative builders, and the whole app
driven through ``streamlit.testing.v1.AppTest`` on the hand-made story in tests/fixtures."""

from __future__ import annotations

import json
import re
import shutil
import sys
import types
from dataclasses import replace
from pathlib import Path

import pytest

from storymap.app import state as S
from storymap.app.autosave import autosave_path, read_autosave, write_autosave
from storymap.app.mapview import LABELS_JS, LEAFLET_CSS, LEAFLET_JS, base_map, step_bounds, step_layer
from storymap.app.narrative import mark_places, md_escape
from storymap.app.text import md_unescape
from storymap.app.timeline import timeline_rows
from storymap.errors import NoTextError, StorymapError
from storymap.story import Step, StepPlace, Story, load_story, loads_story, dumps_story, backup_path

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "app_story.json"
APP = ROOT / "storymap" / "app" / "streamlit_app.py"


@pytest.fixture()
def story():
    return load_story(FIXTURE)


@pytest.fixture()
def st0(story):
    return S.AppState(story)


# --------------------------------------------------------------------------------------------
# Pure state


def test_state_next_prev_stop_at_the_ends(st0):
    assert S.prev_step(st0) is st0
    s = st0
    for _ in range(20):
        s = S.next_step(s)
    assert s.index == len(st0.story.steps) - 1
    assert S.next_step(s, wrap=True).index == 0
    assert S.prev_step(s).index == s.index - 1


def test_state_goto_clamps(st0):
    assert S.goto(st0, 99).index == len(st0.story.steps) - 1
    assert S.goto(st0, -5).index == 0


@pytest.mark.parametrize(
    "filters, expected",
    [
        (S.Filters(places=frozenset({"cur:strait-of-hormuz"})), ["s1", "s4", "s5"]),
        (S.Filters(files=frozenset({"gulf_c.txt"})), ["s3", "s5", "s6", "s8", "s9"]),
        (S.Filters(date_from="2019-09-01", date_to="2019-12-31"), ["s6", "s7"]),
        (S.Filters(date_from="2019-07-15", date_to="2019-07-20"), ["s5"]),  # a month overlaps
        (S.Filters(places=frozenset({"gn:130758"}), date_from="2020"), ["s9"]),
    ],
)
def test_state_filters_limit_navigation(st0, filters, expected):
    s = S.set_filters(st0, filters)
    seen = [s.story.steps[s.index].id]
    while (n := S.next_step(s)) is not s:
        s = n
        seen.append(s.story.steps[s.index].id)
    assert seen == expected


def test_state_filter_rejects_bad_date(st0):
    with pytest.raises(S.EditError, match="filter date"):
        S.set_filters(st0, S.Filters(date_from="2019-13"))


def test_state_edit_and_undo(st0):
    s = S.edit_step(st0, 2, title="New title", date="2019-06")
    assert s.story.steps[2].title == "New title" and s.story.steps[2].date == "2019-06"
    assert s.dirty and len(s.history) == 1
    u = S.undo(s)
    assert u.story == st0.story and not u.history
    assert S.undo(u) is u


@pytest.mark.parametrize("kwargs, message", [
    ({"date": "2019-02-30"}, "date: expected"),
    ({"date": "May 2019"}, "date: expected"),
    ({"title": "  "}, "title: must not be empty"),
    ({"date": "2019-05", "date_end": "2019-04"}, "ends before"),
    ({"date": "", "date_end": "2019"}, "needs a start date"),
])
def test_state_edit_validates(st0, kwargs, message):
    with pytest.raises(S.EditError, match=message):
        S.edit_step(st0, 0, **kwargs)


def test_state_edit_without_change_keeps_history(st0):
    assert S.edit_step(st0, 0, title=st0.story.steps[0].title) is st0


def test_state_delete_merge_move_add_keep_a_valid_story(st0):
    s = S.delete_step(st0, 1)
    assert [x.id for x in s.story.steps][:2] == ["s1", "s3"]
    s = S.merge_steps(s, 0, 1)  # s3 into s1
    m = s.story.steps[0]
    assert m.id == "s1" and m.date == "2019-05-12" and m.date_end == "2019-06-13"
    assert {p.name for p in m.places} >= {"Fujairah", "Gulf of Oman"}
    assert {src.file for src in m.sources} == {"gulf_a.txt", "gulf_b.txt", "gulf_c.txt"}
    assert m.corroboration == 3
    s = S.move_step(s, 0, 1)
    assert s.story.steps[1].id == "s1" and s.index == 1
    s = S.add_step(s, 1)
    assert s.story.steps[2].title == "New step" and s.index == 2
    # The place index follows the edits, so the story can be written and read back.
    assert loads_story(dumps_story(s.story)) == s.story
    assert len(s.history) == 4


def test_state_merge_needs_two_steps(st0):
    with pytest.raises(S.EditError):
        S.merge_steps(st0, 1, 1)


def test_state_set_place_from_alternative_marks_corrected(st0):
    alt = st0.story.steps[0].places[0].alternatives[0]
    s = S.set_place(st0, 0, 0, name=alt["name"], lat=alt["lat"], lon=alt["lon"], kind=alt["kind"],
                    country=alt["country"], place_id=alt["place_id"])
    p = s.story.steps[0].places[0]
    assert (p.name, p.lat, p.lon, p.place_id, p.corrected) == ("Al Fujayrah", 25.34, 56.29, "gn:292879", True)
    # The old reading becomes an alternative, the chosen one leaves the list.
    assert [a["place_id"] for a in p.alternatives] == ["gn:292878"]


def test_state_set_place_by_click_clears_ids(st0):
    s = S.set_place(st0, 1, 0, lat=24.0, lon=47.0)
    p = s.story.steps[1].places[0]
    assert (p.lat, p.lon, p.place_id, p.geonameid, p.corrected) == (24.0, 47.0, None, None, True)
    with pytest.raises(S.EditError):
        S.set_place(st0, 1, 0, lat=95.0, lon=0.0)


def test_state_story_key_is_stable(story, tmp_path):
    assert S.story_key(story, FIXTURE) == S.story_key(replace(story, title="x"), FIXTURE)
    assert S.story_key(story) != S.story_key(replace(story, title="x"))
    assert re.fullmatch(r"[0-9a-f]{16}", S.story_key(story))


def test_autosave_round_trip(story, tmp_path, monkeypatch):
    monkeypatch.setenv("STORYMAP_AUTOSAVE_DIR", str(tmp_path / "auto"))
    assert read_autosave("ab12") is None
    write_autosave(story, "ab12")
    assert read_autosave("ab12") == story
    with pytest.raises(ValueError):
        autosave_path("../etc")


# --------------------------------------------------------------------------------------------
# Narrative, timeline, map


def test_narrative_escapes_article_text():
    out = mark_places("<img src=x onerror=alert(1)> ![x](http://evil/x.png) in Basra", ["Basra"])
    escaped, marked = out.rsplit(" in ", 1)
    assert not re.search(r"(?<!\\)[<>\[\]()!:=]", escaped)  # every special character is escaped
    assert marked == ":orange-background[Basra]"
    assert md_escape("$x$ :smile:") == r"\$x\$ \:smile\:"


def test_timeline_rows_mark_current_and_hidden(st0):
    rows = timeline_rows(st0.story, 2, (0, 2))
    assert [r["status"] for r in rows[:3]] == ["shown", "hidden", "current"]
    assert all(r["idx"] != 9 for r in rows)  # the undated step is not on the axis


def test_map_base_loads_nothing_from_a_cdn(tmp_path):
    from storymap.app.mapview import write_static

    STATIC_DIR = write_static(tmp_path / "static")
    m = base_map(basemap_url="../../app/static/basemap/countries.geojson", tiles=False)
    assert m.default_js == [("leaflet", LEAFLET_JS), ("storymap_labels", LABELS_JS)]
    assert m.default_css == [("leaflet_css", LEAFLET_CSS)]
    assert (STATIC_DIR / "labels" / "labels.js").is_file() and json.loads((STATIC_DIR / "labels" / "labels.json").read_text())
    page = m.get_root().render()
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert "tile.openstreetmap" not in page
    assert (STATIC_DIR / "leaflet" / "leaflet.js").is_file() and (STATIC_DIR / "leaflet" / "leaflet.css").is_file()


def test_map_static_leaflet_is_xstatic_copy(tmp_path):
    from xstatic.pkg import leaflet

    from storymap.app.mapview import leaflet_served, write_static

    STATIC_DIR = write_static(tmp_path / "static")
    assert leaflet_served(STATIC_DIR)
    for name in ("leaflet.js", "leaflet.css"):
        assert (STATIC_DIR / "leaflet" / name).read_bytes() == (Path(leaflet.BASE_DIR) / name).read_bytes()


def test_map_step_layer_draws_places_movements_and_escapes(st0):
    story = st0.story
    steps = list(story.steps)
    p = replace(steps[3].places[0], name="<script>alert(1)</script>")
    steps[3] = replace(steps[3], places=(p,) + steps[3].places[1:])
    story = replace(story, steps=tuple(steps))
    m = base_map(basemap_url=None)
    fg = step_layer(story, 3, tuple(range(10)), area=lambda pid: None)
    fg.add_to(m)
    page = m.get_root().render()
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "storymap-move" in page  # origin -> destination line
    assert page.count("L.circleMarker") >= 5  # current places and fading earlier ones


def test_map_step_bounds_fall_back(st0):
    b = step_bounds(st0.story, 0)
    assert b.south < 25.12 < b.north and b.west < 56.34 < b.east
    empty = replace(st0.story, steps=(replace(st0.story.steps[0], places=()),))
    assert step_bounds(empty, 0).north == 70.0  # the world
    assert 4 <= b.zoom() <= 8


# --------------------------------------------------------------------------------------------
# The app, through AppTest


def _app(query: dict | None = None, panel: str | None = None, cookies: dict | None = None):
    """Run the app (a new session, as after a reload), with the tab ``panel`` open; ``cookies``
    are what the browser sends (AppTest cannot send any, so the session module's reader is
    swapped for this one run; the session keeps the browser id it read)."""
    from unittest import mock

    from streamlit.testing.v1 import AppTest

    from storymap.app import session

    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    if panel:
        at.session_state["panel"] = panel
    with mock.patch.object(session, "request_cookies", lambda: dict(cookies or {})):
        return at.run()


#: The cookie of one browser (its draft id), as a reload or a restarted app would receive it.
BROWSER_A = {"storymap_browser": "0123456789abcdef0123456789abcdef"}
BROWSER_B = {"storymap_browser": "fedcba9876543210fedcba9876543210"}


def _open(at, panel: str):
    at.session_state["panel"] = panel
    return at.run()


def _field(at, prefix: str):
    """The text field whose key starts with ``prefix`` (keys carry the story revision and step id)."""
    return next(w for w in list(at.text_input) + list(at.text_area) if (w.key or "").startswith(prefix))


def _title(at) -> str:
    return at.subheader[0].value


def _step_slider(at):
    """The step slider: a widget of its own at each step (``views.slider_key``)."""
    found = [x for x in at.slider if (x.key or "").startswith("step_slider_")]
    assert len(found) == 1, [x.key for x in at.slider]
    return found[0]


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_app_next_and_previous_change_the_step(app_env):
    at = _app()
    assert not at.exception
    assert _title(at) == "Tankers attacked off Fujairah"
    _button(at, "Next step").click().run()
    assert _title(at) == "Drones strike Saudi pipeline"
    assert at.query_params["step"] == ["2"] or at.query_params["step"] == "2"
    _button(at, "Next step").click().run()
    _button(at, "Previous step").click().run()
    assert _title(at) == "Drones strike Saudi pipeline"
    assert _button(at, "Play") is not None


def test_app_play_then_pause(app_env):
    at = _app()
    _button(at, "Play").click().run(timeout=10)
    assert _button(at, "Pause") is not None
    _button(at, "Pause").click().run()
    assert _button(at, "Play") is not None


def test_app_step_query_parameter_links_to_a_step(app_env):
    at = _app({"step": "8"})
    assert _title(at) == "Strike at Baghdad airport"
    assert "Step 8 of 10" in at.caption[0].value


def test_app_edit_form_follows_the_step(app_env):
    at = _app(panel="Edit step")
    _button(at, "Next step").click().run()
    assert _field(at, "ed_title_").value == "Drones strike Saudi pipeline"
    _field(at, "ed_title_").input("Pipeline hit")
    _button(at, "Save step changes").click().run()
    assert _title(at) == "Pipeline hit"
    assert load_story(app_env).steps[0].title == "Tankers attacked off Fujairah"


def test_app_search_gazetteer_and_use_a_match(app_env, real_gaz):
    at = _app({"step": "2"}, panel="Places")
    _field(at, "q_").input("Riyadh").run()
    _button(at, "Use match").click().run()
    assert not at.exception
    assert any("Riyadh · corrected" in m.value for m in at.markdown)


def test_app_slider_moves_to_a_step(app_env):
    at = _app()
    _step_slider(at).set_value(5).run()
    assert _title(at) == "Tanker seized in the Strait"


def test_app_edit_title_then_undo(app_env):
    at = _app(panel="Edit step")
    _field(at, "ed_title_").input("Tankers sabotaged")
    _button(at, "Save step changes").click().run()
    assert _title(at) == "Tankers sabotaged"
    _button(at, "Undo").click().run()
    assert _title(at) == "Tankers attacked off Fujairah"


def test_app_bad_date_is_shown_inline_and_changes_nothing(app_env):
    at = _app(panel="Edit step")
    _field(at, "ed_date_").input("12/05/2019")
    _button(at, "Save step changes").click().run()
    assert any("date: expected" in md_unescape(e.value) for e in at.error)
    assert at.caption[0].value.endswith("2019-05-12")  # the story is unchanged
    assert _field(at, "ed_date_").value == "12/05/2019"  # the input is kept, to fix it


def test_app_correct_place_save_and_reload(app_env):
    at = _app(panel="Places")
    _button(at, "Use this").click().run()  # the first place's first alternative
    assert not at.exception
    _button(at, "Save").click().run()
    assert any("Saved to" in s.value for s in at.success)
    saved = load_story(app_env)
    p = saved.steps[0].places[0]
    assert (p.name, p.place_id, p.corrected) == ("Al Fujayrah", "gn:292879", True)
    assert backup_path(app_env).is_file()
    again = _app()  # a new session, as after a reload
    assert any("Al Fujayrah" in b.value for b in at.markdown)
    assert any("corrected" in m.value for m in again.markdown)


def _query(at) -> dict:
    return {k: at.query_params[k] for k in at.query_params}


def test_app_autosave_restores_edits_after_reload(app_env):
    at = _app({"step": "3"}, panel="Edit step", cookies=BROWSER_A)
    _field(at, "ed_title_").input("Edited, not saved")
    _button(at, "Save step changes").click().run()
    assert load_story(app_env).steps[2].title != "Edited, not saved"  # not saved to the file
    url = _query(at)
    assert set(url) == {"step"}  # nothing in the address bar names the draft
    again = _app(url, cookies=BROWSER_A)  # a reload (or a restart): the browser sends its cookie again
    assert _title(again) == "Edited, not saved"
    assert any("autosave" in i.value for i in again.info)
    copied = _app(url)  # the same URL in another browser (no cookie) does not see those edits
    assert _title(copied) != "Edited, not saved"
    other = _app(url, cookies=BROWSER_B)
    assert _title(other) != "Edited, not saved"


def test_app_two_browsers_saving_one_file_never_drop_an_edit(app_env):
    first = _app(panel="Edit step", cookies=BROWSER_A)
    second = _app(panel="Edit step", cookies=BROWSER_B)  # both loaded the same version
    _field(first, "ed_title_").input("First's title")
    _button(first, "Save step changes").click().run()
    _field(second, "ed_title_").input("Second's title")
    _button(second, "Save step changes").click().run()
    _button(first, "Save").click().run()
    _button(second, "Save").click().run()
    assert load_story(app_env).steps[0].title == "First's title"  # not overwritten
    assert any("changed by someone else" in w.value for w in second.warning)
    assert _button(second, "Reload from disk (drops your edits)") is not None
    next(w for w in second.text_input if w.key == "save_as").input("second.json")
    _button(second, "Save as new file").click().run()
    assert load_story(app_env.parent / "second.json").steps[0].title == "Second's title"
    assert load_story(app_env).steps[0].title == "First's title"


def test_app_a_change_on_disk_is_not_overwritten_and_reload_shows_it(app_env):
    at = _app(panel="Edit step", cookies=BROWSER_A)
    _field(at, "ed_title_").input("Mine")
    _button(at, "Save step changes").click().run()
    app_env.write_text(app_env.read_text(encoding="utf-8").replace("Tankers attacked off Fujairah", "Hand-edited"),
                       encoding="utf-8")
    _button(at, "Save").click().run()
    assert any("changed by someone else" in w.value for w in at.warning)
    assert "Hand-edited" in app_env.read_text(encoding="utf-8")
    _button(at, "Reload from disk (drops your edits)").click().run()
    assert _field(at, "ed_title_").value == "Hand-edited"
    assert not at.warning


@pytest.mark.parametrize("name", ["~/.bashrc", "../escape.json", "sub/x.json", ".hidden.json", "notes.txt",
                                  "/tmp/abs.json", "out.json"])
def test_app_save_as_writes_only_a_new_json_in_the_stories_folder(app_env, name):
    (app_env.parent / "out.json").symlink_to(app_env.parent.parent / "outside.json")  # a link pointing out
    before = sorted(p.name for p in app_env.parent.parent.rglob("*"))
    at = _app(cookies=BROWSER_A)
    next(w for w in at.text_input if w.key == "save_as").input(name)
    _button(at, "Save as new file").click().run()
    assert len(at.error) == 1 and "\n" not in at.error[0].value
    assert sorted(p.name for p in app_env.parent.parent.rglob("*")) == before


def test_app_filters_limit_the_steps(app_env):
    at = _app()
    at.multiselect(key="f_places").set_value(["cur:strait-of-hormuz"]).run()
    assert "of 3" in at.caption[0].value
    _button(at, "Next step").click().run()
    assert _title(at) == "US drone shot down"


def test_app_merge_and_delete(app_env):
    at = _app(panel="Edit step")
    _button(at, "Merge").click().run()  # merges step 2 (the default choice) into step 1
    assert _step_slider(at).max == 9
    _button(at, "Delete step").click().run()
    assert _step_slider(at).max == 8
    _button(at, "Undo").click().run()
    assert _step_slider(at).max == 9


def test_app_bad_story_file_shows_the_error(tmp_path, monkeypatch):
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": "x", "steps": [{"id": "a"}]}', encoding="utf-8")
    monkeypatch.setenv("STORYMAP_APP_TARGETS", json.dumps([str(bad)]))
    monkeypatch.setenv("STORYMAP_AUTOSAVE_DIR", str(tmp_path / "autosave"))
    at = _app()
    assert not at.exception
    assert any("steps[0]" in md_unescape(e.value) for e in at.error)


@pytest.fixture()
def fake_pipeline(monkeypatch):
    """A stand-in for storymap.story.build: build_story returns the fixture story, reporting stages."""
    mod = types.ModuleType("storymap.story.build")
    calls = []

    def build_story(sources, *, title=None, dct=None, on_stage=None):
        calls.append(sources)
        if on_stage:
            on_stage("reading", 0.5)
            on_stage("done", 1.0)
        if any(getattr(a, "text", "").strip() == "nothing" for a in sources):
            raise NoTextError("pasted.txt: nothing dated or placed")
        return replace(load_story(FIXTURE), title=title or "Built")

    mod.build_story = build_story
    mod.seed_story = lambda cache_dir=None: load_story(FIXTURE)
    monkeypatch.setitem(sys.modules, "storymap.story.build", mod)
    return calls


def test_app_seed_story_when_no_target(fake_pipeline, tmp_path, monkeypatch):
    monkeypatch.delenv("STORYMAP_APP_TARGETS", raising=False)
    monkeypatch.setattr(sys, "argv", ["streamlit_app.py"])
    monkeypatch.setenv("STORYMAP_AUTOSAVE_DIR", str(tmp_path / "autosave"))
    at = _app()
    assert _title(at) == "Tankers attacked off Fujairah"


def test_app_pasted_text_builds_a_story_or_shows_the_error(fake_pipeline, app_env):
    at = _app()
    at.switch_page("screens/new_story.py").run()
    at.text_area[0].input("nothing")
    _button(at, "Build the story").click().run()
    assert any("nothing dated or placed" in e.value for e in at.error)
    at.switch_page("screens/story.py").run()
    assert _title(at) == "Tankers attacked off Fujairah"  # the story on screen stays

    at.switch_page("screens/new_story.py").run()
    at.text_input[0].input("Gulf retold")
    at.text_area[0].input("Some article text.")
    _button(at, "Build the story").click().run()
    assert not at.exception
    assert fake_pipeline[-1][0].path == "pasted.txt"
    assert at.sidebar.markdown[0].value == "**Gulf retold**"


def test_launch_command_is_headless_and_offline():
    from storymap.app.launch import streamlit_command

    cmd = streamlit_command(8765)
    assert cmd[1:4] == ["-m", "streamlit", "run"]
    for flag in ("--server.headless=true", "--browser.gatherUsageStats=false",
                 "--server.enableStaticServing=true", "--server.port=8765"):
        assert flag in cmd


def test_launch_refuses_missing_targets(tmp_path):
    from storymap.app.launch import run_app

    with pytest.raises(StorymapError, match="no such file"):
        run_app([str(tmp_path / "nope.json")])


@pytest.mark.parametrize("label", ["Web page (HTML, works offline)", "StoryMapJS (JSON)", "GeoJSON", "KML (Google Earth)",
                                   "CSV", "TimelineJS (JSON)", "Slides (HTML, presentation mode)",
                                   "Scrolling story (HTML, the map follows the text)"])
def test_app_offers_every_export_as_a_download(app_env, label):
    from storymap.app.views import EXPORTS, _export

    at = _app()
    at.selectbox(key="export_format").set_value(label).run()
    assert not at.exception
    payload = _export(dumps_story(load_story(app_env)), label)
    assert payload and label in EXPORTS
    if label.startswith(("Web page", "Slides")):
        assert b"<html" in payload[:200].lower() and b"https://unpkg" not in payload


# --------------------------------------------------------------------------------------------
# A version-2 story: the overview is step 1, headlines shown, background marked


@pytest.fixture()
def shaped_env(tmp_path, monkeypatch):
    """The fixture story with its overview step (and a headline on its first event), as the target."""
    from dataclasses import replace

    from storymap.story import load_story, save_story
    from storymap.story.shape import add_overview

    base = load_story(FIXTURE)
    first = replace(base.steps[0], headline="Four tankers damaged off Fujairah")
    story = add_overview(replace(base, steps=(first, *base.steps[1:])), keep_title=True)
    path = tmp_path / "story.json"
    save_story(story, path)
    monkeypatch.setenv("STORYMAP_APP_TARGETS", json.dumps([str(path)]))
    monkeypatch.setenv("STORYMAP_AUTOSAVE_DIR", str(tmp_path / "autosave"))
    return story


def test_app_opens_on_the_overview_and_goes_back_to_it(shaped_env):
    at = _app()
    assert not at.exception
    assert _title(at) == shaped_env.title
    assert at.caption[0].value.startswith("Overview · Step 1 of")
    assert _button(at, "Back to overview").disabled
    _button(at, "Next step").click().run()
    assert _title(at) == "Four tankers damaged off Fujairah"  # the first event step shows its headline
    assert at.query_params["step"] in (["2"], "2")
    _button(at, "Back to overview").click().run()
    assert _title(at) == shaped_env.title
    assert at.query_params["step"] in (["1"], "1")


def test_app_background_steps_say_so(shaped_env):
    k = next(i for i, s in enumerate(shaped_env.steps) if s.kind == "background")
    at = _app({"step": str(k + 1)})
    assert at.caption[0].value.endswith("· background")


@pytest.mark.parametrize("slider_step, value, expected", [
    (3, 6, 5),   # the slider made for the step on show: its new value is a choice
    (2, 3, 3),   # a stale slider of the step before, sent back with a click: ignored
    (1, 9, 3),
])
def test_app_only_the_current_step_slider_moves_the_story(st0, monkeypatch, slider_step, value, expected):
    from storymap.app import session, views

    current = {"s": S.goto(st0, 3)}
    monkeypatch.setattr(session, "state", lambda: current["s"])
    monkeypatch.setattr(session, "apply", lambda new: current.update(s=new))
    monkeypatch.setattr(views.st, "session_state", {views.slider_key(slider_step): value})
    views._slider_changed(slider_step)
    assert current["s"].index == expected


@pytest.mark.parametrize("role, in_view, ring", [("mentioned", False, True), ("destination", True, False)])
def test_map_step_frames_where_it_happened_and_fades_what_it_mentions(st0, role, in_view, ring):
    from storymap.story.schema import StepPlace

    step = next(s for s in st0.story.steps if s.site_place is not None and not s.is_overview)
    site = step.site_place
    far = StepPlace(name="Farplace", lat=-40.0, lon=170.0, kind="city", role=role)
    story = replace(st0.story, steps=(replace(step, places=(site, far), site=0),))
    b = step_bounds(story, 0)
    assert b.south < site.lat < b.north and (b.south < -40.0 < b.north) == in_view
    m = base_map(basemap_url=None)
    step_layer(story, 0, (0,), area=lambda pid: None).add_to(m)
    page = m.get_root().render()
    assert "Farplace" in page and ("storymap-mentioned" in page) == ring


@pytest.mark.parametrize("visible, expected", [
    (None, ("2019-12-28", "2020-01-04")),  # the storyline's days, not the background years
    ((1, 2), ("2019-12-28", "2020-01-01")),  # a date filter narrows the view with it
    ((0,), ("2012-09-10", "2012-09-12")),  # only background shown: its days
])
def test_timeline_opens_on_the_storyline_period(visible, expected):
    from storymap.app.timeline import timeline_domain

    P = StepPlace("Baghdad", 33.3, 44.4, "city")
    steps = (Step("b", "2012-09-11", "Attack in Benghazi", "", (P,), (), kind="background"),
             Step("e1", "2019-12-29", "Air strikes", "", (P,), ()),
             Step("e2", "2019-12-31", "Embassy stormed", "", (P,), ()),
             Step("e3", "2020-01-03", "Strike at the airport", "", (P,), ()))
    story = Story("T", steps)
    vis = tuple(range(4)) if visible is None else visible
    rows = timeline_rows(story, -1, vis)
    assert {r["lane"] for r in rows} == {"Storyline", "Background"}
    assert timeline_domain(rows) == expected


def test_timeline_chart_has_lanes_zoom_and_a_click_selection():
    from storymap.app.timeline import SELECTION, timeline_chart

    P = StepPlace("Baghdad", 33.3, 44.4, "city")
    story = Story("T", (Step("b", "2012", "Old", "", (P,), (), kind="background"), Step("e", "2020-01-01", "New", "", (P,), ())))
    spec = timeline_chart(timeline_rows(story, 1, (0, 1))).to_dict()
    params = {p["name"]: p for p in spec.get("params", []) + [q for layer in spec["layer"] for q in layer.get("params", [])]}
    assert params[SELECTION]["select"]["type"] == "point" and params["zoom"]["bind"] == "scales"
    assert spec["layer"][0]["encoding"]["y"]["field"] == "lane"
    assert spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == ["2019-12-31", "2020-01-02"]


def test_map_current_places_are_named_on_the_map_once_and_mentioned_ones_beside_them():
    P = StepPlace
    places = (P("Basra", 30.5, 47.8, "city"), P("Umm Qasr", 30.03, 47.95, "city", "mentioned"),
              P("Old Quarter", 30.51, 47.81, "district", "mentioned"), P("Basra", 30.5, 47.8, "city", "destination"))
    story = Story("t", (Step("a", "2019-05-01", "Port closed", "", places, ()),))
    m = base_map(basemap_url=None)
    step_layer(story, 0, (0,)).add_to(m)
    page = m.get_root().render()
    names = re.findall(r'bindTooltip\("([^"]*)", \{permanent: true[^}]*className: "([^"]*)"', page)
    assert [n for n, _ in names] == ["Umm Qasr", "Basra"]  # the district inside Basra is not named over it
    assert all("sm-current" in css for _, css in names)
    assert "storymap-name-mentioned" in dict(names)["Umm Qasr"]


def test_timeline_follows_a_current_step_outside_the_storyline_and_stacks_same_day_steps():
    from storymap.app.timeline import timeline_domain

    P = StepPlace("Baghdad", 33.3, 44.4, "city")
    steps = (Step("b", "2012-09-11", "Attack in Benghazi", "", (P,), (), kind="background"),
             Step("e1", "2019-12-31", "Embassy stormed", "", (P,), ()),
             Step("e2", "2019-12-31", "Marines arrive", "", (P,), ()),
             Step("e3", "2020-01-04", "Strike", "", (P,), ()))
    rows = timeline_rows(Story("T", steps), 0, (0, 1, 2, 3))
    lo, hi = timeline_domain(rows)
    assert lo <= "2012-09-11" <= hi and hi < "2012-10-01"  # the current background step is in view
    assert [r["slot"] for r in rows] == [0, 0, 1, 0]


@pytest.mark.parametrize("dates", [("0001-01-01", "0001-01-02"), ("9999-12-30", "9999-12-31"), ("0001", "9999")])
def test_timeline_domain_stays_inside_the_calendar(dates):
    from storymap.app.timeline import timeline_domain

    P = StepPlace("Baghdad", 33.3, 44.4, "city")
    story = Story("T", tuple(Step(f"s{i}", d, "x", "", (P,), ()) for i, d in enumerate(dates)))
    for current in (0, 1):
        lo, hi = timeline_domain(timeline_rows(story, current, (0, 1)))
        assert lo <= hi


@pytest.mark.parametrize("src, expected", [
    ("gulf story: day 1.html", 'src="gulf%20story%3A%20day%201.html?embed=1"'),
    ("https://news.example/maps/gulf.html", 'src="https://news.example/maps/gulf.html?embed=1"'),
])
def test_app_embed_snippet_at_a_chosen_size(monkeypatch, tmp_path, src, expected):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("STORYMAP_APP_TARGETS", json.dumps([str(FIXTURE)]))
    monkeypatch.setenv("STORYMAP_AUTOSAVE_DIR", str(tmp_path / "autosave"))
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    at.text_input(key="embed_src").set_value(src)
    at.number_input(key="embed_w").set_value(640)
    at.number_input(key="embed_h").set_value(400).run()
    assert not at.exception
    code = [c.value for c in at.code if "storymap-embed" in c.value]
    assert code and expected in code[0] and "aspect-ratio:640 / 400" in code[0] and "max-height:400px" in code[0]



def test_app_story_download_names_articles_not_paths():
    from storymap.app.views import story_download

    story = load_story(FIXTURE)
    steps = tuple(replace(st_, sources=tuple(replace(src, file="/home/reporter/leads/" + src.file) for src in st_.sources))
                  for st_ in story.steps)
    shared = loads_story(story_download(replace(story, steps=steps, metadata={"workdir": "/home/reporter"})))
    assert "/home/reporter" not in dumps_story(shared)
    assert [src.file for s in shared.steps for src in s.sources] == [src.file for s in story.steps for src in s.sources]
