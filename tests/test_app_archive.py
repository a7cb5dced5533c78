"""The app's archive page (``storymap app --archive ARCHIVE_DIR``): the stories of an archive on a map
and in a list, their filters, opening one on the story page, and what a visitor cannot change (the
archive folder, where saves go, article text reaching the page as markup)."""

from __future__ import annotations

import json
import re
import sys
import types
import warnings
from pathlib import Path
from unittest import mock

import pytest

from storymap.app import launch, session
from storymap.app.archive import (ArchiveEntry, ArchiveFilters, UNTITLED, check_filters, date_label, entries,
                                  entry_from_row, filter_entries, sort_entries)
from storymap.app.state import EditError
from storymap.app.text import html_text, js_string, md_unescape
from storymap.story import load_story

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "storymap" / "app" / "streamlit_app.py"
HOSTILE = "<img src=x onerror=alert(1)>"

# Hand-written articles (no corpus text): two reports of one flood (a story of two articles), a
# protest whose headline is hostile markup, and a story dated by year and month only.
ARTICLES = {
    "flood_a.txt": """Floodwaters swamp the centre of Basra
Published: 2019-11-04

Heavy rain flooded the centre of Basra on Monday, forcing hundreds of families from their homes near the Shatt al-Arab.
City officials in Basra said pumps failed overnight and the water rose above the kerbs in the old market.
Rescue teams used boats to reach stranded residents in Basra, and schools were closed for the rest of the week.
""",
    "flood_b.txt": """Basra flood forces families to leave
Published: 2019-11-05

Families left flooded homes in Basra on Monday after heavy rain overwhelmed the city's pumps.
Officials in Basra said rescue boats reached residents stranded near the old market along the Shatt al-Arab.
Schools in Basra stayed closed as the water rose, and the pumps were repaired on Tuesday.
""",
    "protest.txt": f"""{HOSTILE} protest in Tbilisi
Published: 2019-06-21

On June 20, 2019, thousands of people protested outside parliament in Tbilisi.
Police fired tear gas at the protesters in Tbilisi on June 21, 2019.
""",
    "tram.txt": """Lisbon opens a new tram line
Published: 2012

In March 2012 a new tram line opened in Lisbon, linking the river front with the northern districts.
The mayor of Lisbon rode the first tram in March 2012 and said more lines would follow.
""",
}
FLOOD = "Floodwaters swamp the centre of Basra"
PROTEST = f"{HOSTILE} protest in Tbilisi"
TRAM = "Lisbon opens a new tram line"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A tiny archive built from the articles above by ``storymap archive`` (one local worker)."""
    from storymap.archive import run_archive
    from storymap.places.gazetteer import default_gazetteer_path

    if not default_gazetteer_path().is_file():
        pytest.skip("gazetteer not built (python geodata/build_gazetteer.py)")
    base = tmp_path_factory.mktemp("archive")
    inputs = base / "articles"
    inputs.mkdir()
    for name, text in ARTICLES.items():
        (inputs / name).write_text(text, encoding="utf-8")
    root = base / "arc"
    with warnings.catch_warnings():  # Dask's note that its usual dashboard port is taken
        warnings.simplefilter("ignore", UserWarning)
        run_archive([inputs], root, workers=1, partition_rows=10)
    return root


@pytest.fixture()
def arc_env(archive, tmp_path, monkeypatch):
    """The app started as ``storymap app --archive ARCHIVE_DIR --stories-dir tmp/stories``."""
    monkeypatch.setenv("STORYMAP_APP_ARCHIVE", str(archive))
    monkeypatch.setenv("STORYMAP_STORIES_DIR", str(tmp_path / "stories"))
    monkeypatch.setenv("STORYMAP_AUTOSAVE_DIR", str(tmp_path / "autosave"))
    monkeypatch.setenv("STORYMAP_APP_TARGETS", "[]")
    monkeypatch.delenv("STORYMAP_APP_TOKEN", raising=False)
    monkeypatch.setattr(sys, "argv", ["streamlit_app.py"])
    return tmp_path / "stories"


def _app(query: dict | None = None, cookies: dict | None = None):
    """A new session of the app (as after a reload); ``cookies`` are what the browser sends."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in (query or {}).items():
        at.query_params[k] = v
    with mock.patch.object(session, "request_cookies", lambda: dict(cookies or {})):
        return at.run()


BROWSER = {"storymap_browser": "0123456789abcdef0123456789abcdef"}


def _titles(at) -> list[str]:
    """The titles of the stories listed (bold lines of the main area), as the reader sees them."""
    return [md_unescape(m.value[2:-2]) for m in at.main.markdown if m.value.startswith("**")]


def _open(at, title: str):
    """Click "Open this story" of the listed story ``title``."""
    k = _titles(at).index(title)
    buttons = [b for b in at.main.button if (b.key or "").startswith("arc_open_")]
    return buttons[k].click().run()


def _bare_markup(markdown: str) -> bool:
    """Whether Markdown text holds an unescaped ``<``, ``>``, ``=``, ``(`` or ``)`` (markup a
    browser could run, or a link or image)."""
    return bool(re.search(r"(?<!\\)[<>=()]", markdown))


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")}


# --------------------------------------------------------------------------------------------
# Entries and filters, without Streamlit


def E(sid, title, start, end, n, places=(), words=(), lat=None, lon=None, index=0):
    return ArchiveEntry(index, sid, title, start, end, n, tuple(places), lat, lon, tuple(words))


ENTRIES = [
    E("flood", FLOOD, "2019-11-04", "2019-11-05", 2, ["Basrah", "Shatt al-Arab"], ["flood", "pump", "familie"],
      30.5, 47.8, 0),
    E("tram", TRAM, "2012", "2012-03", 1, ["Lisbon"], ["tram", "line"], 38.7, -9.1, 1),
    E("qaim", "Clashes near the border", None, None, 5, ["Al Qā’im", "Anbar"], ["clash"], 34.4, 41.1, 2),
    E("month", "Talks in Geneva", "2019-11", None, 3, ["Geneva"], ["talk"], 46.2, 6.1, 3),
]


@pytest.mark.parametrize("filters, expected", [
    (ArchiveFilters(), ["flood", "qaim", "month"]),  # at least 2 articles by default
    (ArchiveFilters(min_articles=1), ["flood", "tram", "qaim", "month"]),
    (ArchiveFilters(min_articles=4), ["qaim"]),
    (ArchiveFilters(place="basra", min_articles=1), ["flood"]),  # "Basrah" holds "basra"
    (ArchiveFilters(place="SHATT", min_articles=1), ["flood"]),  # any of the story's places, any case
    (ArchiveFilters(place="qaim", min_articles=1), ["qaim"]),  # accents do not matter
    (ArchiveFilters(words="tram", min_articles=1), ["tram"]),
    (ArchiveFilters(words="centre floods", min_articles=1), ["flood"]),  # title, and a stem ("flood")
    (ArchiveFilters(words="families", min_articles=1), ["flood"]),  # "familie" is the stem of it
    (ArchiveFilters(words="flood tram", min_articles=1), []),  # every term must match
    (ArchiveFilters(date_from="2012-02", date_to="2012-02", min_articles=1), ["tram"]),  # year-only start
    (ArchiveFilters(date_from="2012-04", date_to="2012-12", min_articles=1), []),  # ...and a month end
    (ArchiveFilters(date_from="2019-11-30", min_articles=1), ["month"]),  # a month-only date covers the month
    (ArchiveFilters(date_to="2012", min_articles=1), ["tram"]),
    (ArchiveFilters(date_from="2019-11-05", date_to="2019-11-05", min_articles=1), ["flood", "month"]),
    (ArchiveFilters(date_from="1990", min_articles=1), ["flood", "tram", "month"]),  # undated: never in a range
])
def test_archive_filters_let_through_matching_stories(filters, expected):
    assert [e.story_id for e in filter_entries(ENTRIES, check_filters(filters))] == expected


@pytest.mark.parametrize("date_from, date_to, message", [
    ("12/05/2019", None, "from: expected YYYY-MM-DD, YYYY-MM or YYYY"),
    (None, "2019-13", "until: expected"),
    ("2019-02-30", None, "from: expected"),
    ("2020", "2019-06", "until: 2019-06 ends before 2020 starts"),
])
def test_archive_filter_dates_are_checked(date_from, date_to, message):
    with pytest.raises(EditError, match=message):
        check_filters(ArchiveFilters(date_from=date_from, date_to=date_to))


def test_archive_filter_blank_dates_mean_no_limit():
    assert check_filters(ArchiveFilters(date_from="  ", date_to="")) == ArchiveFilters()


@pytest.mark.parametrize("by, expected", [
    ("Most articles", ["qaim", "month", "flood", "tram"]),
    ("Newest first", ["month", "flood", "tram", "qaim"]),
    ("Oldest first", ["tram", "month", "flood", "qaim"]),  # "2019-11" starts on the 1st; undated last
])
def test_archive_sort_orders(by, expected):
    assert [e.story_id for e in sort_entries(ENTRIES, by)] == expected


def test_archive_odd_rows_become_harmless_entries():
    odd = entry_from_row(7, {"story_id": "s-x", "title": None, "date_start": "not a date", "date_end": "2019-02",
                             "n_articles": -3, "places": ["Basra", None, 5, " "], "lat": 200.0, "lon": 10.0,
                             "words": "not a list"})
    assert (odd.title, odd.n_articles, odd.places, odd.lat, odd.lon, odd.words) == (UNTITLED, 0, ("Basra",), None,
                                                                                      None, ())
    assert odd.span is not None and odd.span[0].isoformat() == "2019-02-01"  # the readable date is kept
    assert entries([{"title": "no id"}, {"story_id": "s-1", "title": "T"}])[0].index == 1
    assert date_label(odd) == "not a date to 2019-02" and date_label(ENTRIES[2]) == "undated"
    assert date_label(ENTRIES[1]) == "2012 to 2012-03" and date_label(ENTRIES[3]) == "2019-11"


@pytest.mark.parametrize("title", [HOSTILE, "${window.pwned=1}", "`; window.pwned=1; `",
                                   "</script><script>window.pwned=1</script>"])
def test_archive_map_sizes_markers_by_articles_and_carries_titles_only_as_escaped_strings(title):
    from storymap.app.mapview import archive_layer, archive_radius, base_map

    stories = [E("a", title, "2019", None, 9, [title], lat=30.0, lon=40.0),
               E("b", "Small", "2019", None, 1, ["Lisbon"], lat=38.7, lon=-9.1),
               E("c", "Unplaced", "2019", None, 4)]
    m = base_map(basemap_url=None)
    archive_layer(stories).add_to(m)
    page = m.get_root().render()
    assert page.count("L.circleMarker") == 2  # one per placed story
    radii = [float(r) for r in re.findall(r'"radius": ([\d.]+)', page)]
    assert radii == [archive_radius(9), archive_radius(1)] and radii[0] > radii[1]
    tip = js_string(html_text(f"{title} — 9 articles · {title}"))
    assert tip in page
    rest = page.replace(tip[1:-1], "")
    assert "window.pwned" not in rest and "onerror" not in rest and "${" not in rest.split("<script>", 1)[-1]
    assert not re.search(r"bindTooltip\(\s*`", page)


def test_archive_map_draws_at_most_the_largest_stories():
    from storymap.app.mapview import archive_layer

    many = [E(f"s{i}", f"S{i}", None, None, i + 1, lat=float(i % 80), lon=1.0, index=i) for i in range(30)]
    fg = archive_layer(many, limit=10)
    assert len([c for c in fg._children.values() if type(c).__name__ == "CircleMarker"]) == 10


# --------------------------------------------------------------------------------------------
# The page, through AppTest


def test_archive_page_opens_first_and_lists_stories_of_at_least_two_articles(arc_env):
    at = _app()
    assert not at.exception
    assert at.header[0].value == "Archive"
    assert _titles(at) == [FLOOD]
    assert at.number_input(key="arc_min").value == 2
    captions = [md_unescape(c.value) for c in at.main.caption]
    assert any(c.startswith("1 of 3 stories in the archive") for c in captions)
    assert "2019-11-04 to 2019-11-05 · 2 articles · Basrah" in captions
    assert any(c.startswith("1 story on the map") for c in captions)


@pytest.mark.parametrize("key, value, expected", [
    ("arc_place", "tbilisi", [PROTEST]),
    ("arc_place", "lisb", [TRAM]),
    ("arc_place", "nowhere", []),
    ("arc_words", "tram", [TRAM]),
    ("arc_words", "tear gas", []),  # "gas" is in neither the title nor the words
    ("arc_words", "protest", [PROTEST]),
    ("arc_from", "2019", [FLOOD, PROTEST]),
    ("arc_until", "2012-02", [TRAM]),  # a story dated "2012" to "2012-03" overlaps February 2012
])
def test_archive_page_filters_the_list(arc_env, key, value, expected):
    at = _app()
    at.number_input(key="arc_min").set_value(1).run()
    assert set(_titles(at)) == {FLOOD, PROTEST, TRAM}
    at.text_input(key=key).input(value).run()
    assert not at.exception
    assert _titles(at) == expected
    if not expected:
        assert any("No story matches" in i.value for i in at.main.info)


def test_archive_page_orders_the_list(arc_env):
    at = _app()
    at.number_input(key="arc_min").set_value(1).run()
    at.selectbox(key="arc_sort").set_value("Oldest first").run()
    assert _titles(at) == [TRAM, PROTEST, FLOOD]


def test_archive_page_says_what_is_wrong_with_a_filter_date_and_keeps_the_others(arc_env):
    at = _app()
    at.number_input(key="arc_min").set_value(1).run()
    at.text_input(key="arc_place").input("basra")
    at.text_input(key="arc_from").input("last week").run()
    assert not at.exception
    assert [md_unescape(e.value) for e in at.error] == ["from: expected YYYY-MM-DD, YYYY-MM or YYYY, got 'last week'"]
    assert _titles(at) == [FLOOD]


def test_archive_page_shows_a_hostile_title_as_text(arc_env):
    at = _app()
    at.number_input(key="arc_min").set_value(1).run()
    shown = [m.value for m in at.main.markdown if "onerror" in m.value]
    assert shown and not any(_bare_markup(v) for v in shown)  # every < > = ( ) backslash-escaped
    assert PROTEST in _titles(at)


def test_archive_page_opens_a_story_on_the_story_page_and_goes_back(arc_env):
    at = _app()
    at.text_input(key="arc_words").input("flood").run()
    _open(at, FLOOD)
    assert not at.exception
    assert at.subheader[0].value == FLOOD  # the overview of the opened story
    assert any("from the archive" in s.value for s in at.success)
    assert at.sidebar.markdown[0].value == f"**{FLOOD}**"
    steps = [b.label for b in at.button]
    assert "Back to the archive" in steps and "Next step" in steps
    at.button(key="to_archive").click().run()
    assert not at.exception
    assert at.header[0].value == "Archive"
    assert at.text_input(key="arc_words").value == "flood"  # the filters are where they were
    assert _titles(at) == [FLOOD]


def test_archive_story_opened_again_brings_back_its_unsaved_edits_in_the_same_browser_only(arc_env):
    at = _app(cookies=BROWSER)
    _open(at, FLOOD)
    at.session_state["panel"] = "Edit step"
    at.button(key="nav_next").click().run()  # the first event (the overview's title is the story's)

    def title(app) -> str:
        return next(w for w in app.text_input if (w.key or "").startswith("ed_title_")).value

    first = title(at)
    next(w for w in at.text_input if (w.key or "").startswith("ed_title_")).input("Edited, not saved")
    next(b for b in at.button if b.label == "Save step changes").click().run()
    assert title(at) == "Edited, not saved"

    def second_step(app):
        _open(app, FLOOD)
        notes = [i.value for i in app.info]
        app.session_state["panel"] = "Edit step"
        app.button(key="nav_next").click().run()
        return app, notes

    again, notes = second_step(_app(cookies=BROWSER))  # a reload: the story is opened from the archive again
    assert title(again) == "Edited, not saved"
    assert any("Restored your unsaved edits" in n for n in notes)
    other, notes = second_step(_app())  # another browser opens the same story as the archive has it
    assert title(other) == first and not notes


def test_archive_story_opened_with_a_hostile_headline_is_shown_as_text(arc_env):
    at = _app()
    at.number_input(key="arc_min").set_value(1).run()
    _open(at, PROTEST)
    assert not at.exception
    title = at.subheader[0].value
    assert not _bare_markup(title) and md_unescape(title) == PROTEST
    shown = [m.value for m in list(at.markdown) + list(at.caption) + list(at.success) if "onerror" in m.value]
    assert shown and not any(_bare_markup(v) for v in shown)


def test_archive_story_that_cannot_be_built_is_said_inline_and_the_list_stays(arc_env, monkeypatch):
    from storymap.errors import StorymapError

    def fail(story_id, title=None):
        raise StorymapError(f"/arc: no story {story_id!r}\nsecond line")

    monkeypatch.setattr(session, "archive_story", fail)
    at = _app()
    _open(at, FLOOD)
    assert not at.exception
    assert [md_unescape(e.value) for e in at.error] == [f"/arc: no story {_story_id(at, FLOOD)!r}"]
    assert at.header[0].value == "Archive" and _titles(at) == [FLOOD]


def _story_id(at, title: str) -> str:
    return next(e.story_id for e in session.archive_entries() if e.title == title)


@pytest.mark.parametrize("name, saved", [("flood.json", True), ("../flood.json", False), ("/tmp/flood.json", False),
                                         ("sub/flood.json", False), (".flood.json", False)])
def test_archive_story_is_saved_only_into_the_stories_folder(arc_env, archive, name, saved):
    outside = arc_env.parent
    before_archive = _files(archive)
    before = {p for p in _files(outside) if not p.startswith(("autosave", "stories"))}
    at = _app()
    _open(at, FLOOD)
    assert not any(b.label == "Save" for b in at.sidebar.button)  # no file of its own to save over
    at.text_input(key="save_as").input(name)
    next(b for b in at.sidebar.button if b.label == "Save as new file").click().run()
    assert not at.exception
    written = sorted(p.name for p in arc_env.glob("*")) if arc_env.exists() else []
    if saved:
        assert written == ["flood.json"] and load_story(arc_env / "flood.json").title == FLOOD
        assert any("Saved to" in s.value for s in at.success)
    else:
        assert written == [] and len(at.error) == 1 and "\n" not in at.error[0].value
    assert _files(archive) == before_archive  # the archive is only read
    assert {p for p in _files(outside) if not p.startswith(("autosave", "stories"))} == before


def test_archive_mode_loads_no_seed_story_and_the_story_page_points_back(arc_env, monkeypatch):
    built = types.ModuleType("storymap.story.build")
    built.seed_story = built.build_story = lambda *a, **k: pytest.fail("archive mode built a story by itself")
    monkeypatch.setitem(sys.modules, "storymap.story.build", built)
    at = _app()
    at.switch_page("screens/story.py").run()
    assert not at.exception
    assert any("Archive" in i.value for i in at.info)
    at.button(key="to_archive").click().run()
    assert at.header[0].value == "Archive"


def test_a_visitor_cannot_choose_the_archive(arc_env, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    at = _app({"archive": str(other), "dir": str(other), "root": "../.."})
    assert not at.exception
    assert _titles(at) == [FLOOD]  # still the command line's archive
    assert not any(str(other) in str(getattr(e, "value", "")) for e in at.main)


def test_a_damaged_archive_shows_one_line(arc_env, tmp_path, monkeypatch):
    bad = tmp_path / "bad"
    (bad / "stories").mkdir(parents=True)
    (bad / "_archive.json").write_text("{}", encoding="utf-8")
    (bad / "stories" / "stories.parquet").write_bytes(b"not parquet at all")
    monkeypatch.setenv("STORYMAP_APP_ARCHIVE", str(bad))
    at = _app()
    assert not at.exception
    assert len(at.error) == 1 and str(bad) in md_unescape(at.error[0].value) and "\n" not in at.error[0].value


# --------------------------------------------------------------------------------------------
# The command line


def test_cli_app_archive_hands_the_folder_to_the_app(archive, tmp_path, monkeypatch, capsys, fake_server):
    from storymap.cli import main

    seen = fake_server
    monkeypatch.setattr(launch, "prepare_runtime", lambda: tmp_path / "main.py")
    assert main(["app", "--archive", str(archive), "--stories-dir", str(tmp_path / "saved")]) == 0
    env = seen["env"]
    assert env["STORYMAP_APP_ARCHIVE"] == str(archive.resolve())
    assert json.loads(env["STORYMAP_APP_TARGETS"]) == []
    assert env["STORYMAP_STORIES_DIR"] == str((tmp_path / "saved").resolve())
    assert not any(str(archive) in part for part in seen["cmd"])
    assert f"archive {archive.resolve()}" in capsys.readouterr().err


def test_only_the_command_line_names_an_archive(tmp_path):
    env = launch.app_env([], env={"STORYMAP_APP_ARCHIVE": str(tmp_path)})
    assert "STORYMAP_APP_ARCHIVE" not in env


def _not_an_archive(tmp_path: Path, kind: str) -> Path:
    p = tmp_path / "arc"
    if kind == "file":
        p.write_text("x", encoding="utf-8")
    elif kind == "empty":
        p.mkdir()
    elif kind == "damaged":
        (p / "stories").mkdir(parents=True)
        (p / "_archive.json").write_text("{}", encoding="utf-8")
        (p / "stories" / "stories.parquet").write_bytes(b"PAR1 garbage\nmore garbage")
    return p


@pytest.mark.parametrize("kind, why", [
    ("missing", "no such folder"),
    ("file", "is not a folder"),
    ("empty", "not an archive folder (no _archive.json)"),
    ("damaged", "its stories cannot be read"),
])
def test_cli_app_refuses_a_bad_archive_folder_in_one_line(tmp_path, monkeypatch, capsys, kind, why, fake_server):
    from storymap.cli import main

    seen = fake_server
    folder = _not_an_archive(tmp_path, kind)
    assert main(["app", "--archive", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"storymap: error: {folder}: {why}") and err.count("\n") == 1
    assert "expected an archive folder made by `storymap archive" in err and "Traceback" not in err
    assert not seen  # nothing started


def test_cli_app_refuses_an_archive_with_story_files(archive, tmp_path, monkeypatch, capsys, fake_server):
    from storymap.cli import main

    seen = fake_server
    story = tmp_path / "story.json"
    story.write_text("{}", encoding="utf-8")
    assert main(["app", str(story), "--archive", str(archive)]) == 2
    err = capsys.readouterr().err
    assert "either --archive ARCHIVE_DIR or a story file" in err and err.count("\n") == 1
    assert not seen
