"""Tests for the story file format: round trips, validation messages, atomic saves, ordering."""

from __future__ import annotations

import copy
import errno
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storymap.story import jsonio as story_mod
from storymap.errors import InputFileError, OutputError, StoryFormatError, StorymapError
from storymap.model import PLACE_KINDS, STEP_KINDS
from storymap.story.schema import DATE_PRECISIONS, date_precision, precision_rank
from storymap.story import (
    PLACE_ROLES,
    STORY_FORMAT_VERSION,
    PlaceIndexEntry,
    Source,
    Step,
    StepPlace,
    Story,
    backup_path,
    build_place_index,
    date_bounds,
    dumps_story,
    is_valid_date,
    load_story,
    loads_story,
    order_steps,
    save_story,
    story_from_dict,
    story_to_dict,
)

# ---------------------------------------------------------------------------------------------
# Hypothesis strategies for random valid stories

texts = st.text(max_size=30)  # unicode, no lone surrogates
names = st.text(min_size=1, max_size=20).filter(lambda s: s.strip())
lats = st.floats(min_value=-90, max_value=90, allow_nan=False) | st.integers(-90, 90)
lons = st.floats(min_value=-180, max_value=180, allow_nan=False)
countries = st.none() | st.from_regex(r"[A-Z]{2}", fullmatch=True)
place_ids = st.none() | st.builds(lambda n: f"gn:{n}", st.integers(1, 10**8)) | st.just("cur:strait-of-hormuz")
kinds = st.none() | st.sampled_from(PLACE_KINDS)


@st.composite
def iso_dates(draw):
    d = draw(st.dates())
    form = draw(st.sampled_from(["%Y-%m-%d", "%Y-%m", "%Y"]))
    return f"{d.year:04d}" + d.strftime(form)[len(d.strftime("%Y")):]


@st.composite
def coords(draw):
    if draw(st.booleans()):
        return None, None
    return draw(lats), draw(lons)


@st.composite
def alternatives(draw):
    alt = {"name": draw(names)}
    if draw(st.booleans()):
        alt["lat"], alt["lon"] = draw(coords())
    for key, strategy in [
        ("kind", kinds),
        ("country", countries),
        ("place_id", place_ids),
        ("score", st.none() | st.floats(0, 1)),
    ]:
        if draw(st.booleans()):
            alt[key] = draw(strategy)
    return alt


@st.composite
def step_places(draw):
    lat, lon = draw(coords())
    return StepPlace(
        name=draw(names),
        lat=lat,
        lon=lon,
        kind=draw(kinds),
        role=draw(st.sampled_from(PLACE_ROLES)),
        geonameid=draw(st.none() | st.integers(0, 10**9)),
        country=draw(countries),
        place_id=draw(place_ids),
        alternatives=tuple(draw(st.lists(alternatives(), max_size=2))),
        corrected=draw(st.booleans()),
    )


@st.composite
def sources(draw):
    start = draw(st.integers(0, 10**6))
    return Source(draw(names), start, start + draw(st.integers(0, 500)), draw(texts))


@st.composite
def precisions(draw, date):
    """None, or a precision no finer than the date's form says."""
    if date is None or draw(st.booleans()):
        return None
    return draw(st.sampled_from([p for p in DATE_PRECISIONS if precision_rank(p) >= precision_rank(date_precision(date))]))


@st.composite
def steps(draw, step_id, kinds=STEP_KINDS):
    date = draw(st.none() | iso_dates())
    date_end = None
    if date is not None and draw(st.booleans()):
        date_end = draw(iso_dates().filter(lambda e: date_bounds(e)[1] >= date_bounds(date)[0]))
    places = tuple(draw(st.lists(step_places(), max_size=3)))
    return Step(
        id=step_id,
        date=date,
        title=draw(texts),
        text=draw(st.text(max_size=80)),
        places=places,
        sources=tuple(draw(st.lists(sources(), max_size=2))),
        date_end=date_end,
        actors=tuple(draw(st.lists(texts, max_size=2))),
        corroboration=draw(st.integers(0, 5)),
        tags=tuple(draw(st.lists(st.sampled_from(["background", "quote", "ünïcode"]), max_size=2))),
        kind=draw(st.sampled_from(kinds)),
        headline=draw(st.none() | st.text(min_size=1, max_size=200).filter(str.strip)),
        date_precision=draw(precisions(date)),
        site=draw(st.none() | st.integers(0, len(places) - 1)) if places else None,
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-story_mod.MAX_INT, story_mod.MAX_INT)
    | st.floats(allow_nan=False, allow_infinity=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=8,
)


@st.composite
def stories(draw):
    ids = draw(st.lists(names, max_size=5, unique=True))
    later = tuple(k for k in STEP_KINDS if k != "overview")  # only the first step may be the overview
    story_steps = tuple(draw(steps(i, STEP_KINDS if n == 0 else later)) for n, i in enumerate(ids))
    index = build_place_index(story_steps) if draw(st.booleans()) else ()
    return Story(
        title=draw(texts),
        steps=story_steps,
        summary=draw(texts),
        places=index,
        metadata=draw(st.dictionaries(texts, json_values, max_size=3)),
    )


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(stories())
def test_story_round_trips_through_dict(s):
    assert story_from_dict(story_to_dict(s)) == s


@FAST
@given(stories())
def test_story_round_trips_through_json(s):
    text = dumps_story(s)
    assert loads_story(text) == s
    assert json.loads(text)["version"] == STORY_FORMAT_VERSION


# ---------------------------------------------------------------------------------------------
# A fixed example


def example_story() -> Story:
    tehran = StepPlace("Tehran", 35.69, 51.42, "city", geonameid=112931, country="IR", place_id="gn:112931")
    hormuz = StepPlace(
        "Strait of Hormuz",
        26.57,
        56.25,
        "water",
        role="destination",
        place_id="cur:strait-of-hormuz",
        alternatives=({"name": "Hormuz Island", "lat": 27.06, "lon": 56.46, "kind": "landmark", "score": 0.2},),
    )
    s1 = Step(
        "s1",
        "2019-05-12",
        "Tankers attacked",
        "Four tankers were damaged off Fujairah.",
        (hormuz,),
        (Source("a.txt", 10, 60, "Four tankers were damaged."),),
    )
    s2 = Step(
        "s2",
        "2019-06",
        "Drone shot down",
        "Iran shot down a US drone.",
        (tehran, hormuz),
        (Source("a.txt", 100, 150), Source("b.html", 5, 40)),
        actors=("Iran", "United States"),
        corroboration=2,
    )
    s3 = Step("s3", None, "Background", "Tensions since 1979.", (), (), tags=("background",), kind="background")
    steps_ = (s1, s2, s3)
    return Story("Gulf tensions", steps_, "Summer 2019.", build_place_index(steps_), {"generator": "storymap"})


def good_dict() -> dict:
    return story_to_dict(example_story())


def test_story_example_round_trips_and_keeps_unicode():
    s = example_story()
    s = Story("Ḥormuz — ☂ 日本", s.steps, s.summary, s.places, s.metadata)
    text = dumps_story(s)
    assert "Ḥormuz — ☂ 日本" in text
    assert text.startswith("{\n  \"version\": 3,")
    assert loads_story(text) == s


def test_story_lists_are_stored_as_tuples():
    st_ = Step("a", None, "t", "x", [StepPlace("Paris", 48.85, 2.35, "city")], [], tags=["background"])
    assert isinstance(st_.places, tuple) and isinstance(st_.tags, tuple)
    assert story_from_dict(story_to_dict(Story("T", [st_]))) == Story("T", (st_,))


def test_story_minimal_dict_takes_defaults():
    d = {
        "title": "T",
        "steps": [
            {
                "id": "a",
                "date": "2020",
                "title": "t",
                "text": "x",
                "places": [{"name": "Oman", "lat": 21, "lon": 57, "kind": "country"}],
                "sources": [{"file": "a.txt", "start": 0, "end": 3}],
            }
        ],
    }
    s = story_from_dict(d)
    assert s.version == STORY_FORMAT_VERSION
    assert s.steps[0].places[0].role == "site"
    assert s.steps[0].places[0].lat == 21.0 and isinstance(s.steps[0].places[0].lat, float)
    assert s.steps[0].corroboration == 1
    assert s.places == () and s.metadata == {} and s.summary == ""


def test_story_ignores_x_extension_fields():
    d = good_dict()
    d["x-editor"] = {"zoom": 4}
    d["steps"][0]["x-note"] = "checked"
    d["steps"][0]["places"][0]["x-colour"] = "red"
    s = story_from_dict(d)
    assert s == example_story()
    assert "x-editor" not in story_to_dict(s)


# ---------------------------------------------------------------------------------------------
# Validation errors name the field


def _broken(mutate):
    d = good_dict()
    mutate(d)
    return d


def _set(path, value):
    def mutate(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


def _delete(path):
    def mutate(d):
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return mutate


def _duplicate_id(d):
    d["steps"][1]["id"] = "s1"


BROKEN = [
    ("missing steps", _delete(["steps"]), 'missing required field "steps"'),
    ("steps not a list", _set(["steps"], {"id": "s1"}), "steps: expected a list, got an object"),
    ("step not an object", _set(["steps", 0], "s1"), 'steps[0]: expected an object, got "s1"'),
    ("month 13", _set(["steps", 0, "date"], "2019-13-01"), 'steps[0].date: expected an ISO date'),
    ("feb 30", _set(["steps", 0, "date"], "2019-02-30"), "no such calendar date"),
    ("date format", _set(["steps", 1, "date"], "12/05/2019"), 'steps[1].date: expected an ISO date'),
    ("date number", _set(["steps", 1, "date"], 2019), "steps[1].date: expected an ISO date"),
    ("lat 91", _set(["steps", 0, "places", 0, "lat"], 91), "steps[0].places[0].lat: expected a number between -90 and 90, got 91"),
    ("lat string", _set(["steps", 1, "places", 1, "lat"], "abc"), 'steps[1].places[1].lat: expected a number between -90 and 90, got "abc"'),
    ("lon 181", _set(["steps", 1, "places", 0, "lon"], 181.5), "steps[1].places[0].lon: expected a number between -180 and 180"),
    ("lat bool", _set(["steps", 0, "places", 0, "lat"], True), "steps[0].places[0].lat: expected a number"),
    ("lat without lon", _set(["steps", 0, "places", 0, "lon"], None), "steps[0].places[0]: lat and lon must both be numbers or both be null"),
    ("role", _set(["steps", 0, "places", 0, "role"], "sideways"), 'steps[0].places[0].role: expected one of "site", "origin", "destination", "mentioned", got "sideways"'),
    ("kind", _set(["steps", 0, "places", 0, "kind"], "planet"), 'steps[0].places[0].kind: expected one of "city"'),
    ("country", _set(["steps", 1, "places", 0, "country"], "Iran"), "steps[1].places[0].country: expected an ISO 3166-1 alpha-2 code"),
    ("duplicate ids", _duplicate_id, 'steps[1].id: duplicate step id "s1" (also steps[0])'),
    ("empty id", _set(["steps", 2, "id"], " "), "steps[2].id: expected a non-empty string"),
    ("version 99", _set(["version"], 99), "format version 99 is newer than this storymap supports (3); upgrade storymap"),
    ("version string", _set(["version"], "1"), 'version: expected an integer >= 1, got "1"'),
    ("sources not a list", _set(["steps", 0, "sources"], "a.txt"), 'steps[0].sources: expected a list, got "a.txt"'),
    ("source not object", _set(["steps", 1, "sources", 1], ["b.html", 5, 40]), "steps[1].sources[1]: expected an object, got a list"),
    ("source end < start", _set(["steps", 0, "sources", 0, "end"], 5), "steps[0].sources[0].end: expected an offset >= start (10), got 5"),
    ("negative offset", _set(["steps", 0, "sources", 0, "start"], -1), "steps[0].sources[0].start: expected an integer >= 0, got -1"),
    ("unknown field", _set(["steps", 0, "places", 0, "latitude"], 3), 'steps[0].places[0]: unknown field "latitude" (did you mean "lat"?)'),
    ("missing title", _delete(["steps", 1, "title"]), 'steps[1]: missing required field "title"'),
    ("date_end without date", _set(["steps", 2, "date_end"], "2020"), "steps[2].date_end: a date range needs a start"),
    ("date_end before date", _set(["steps", 0, "date_end"], "2019-04"), 'steps[0].date_end: ends before date "2019-05-12"'),
    ("alternative score", _set(["steps", 0, "places", 0, "alternatives", 0, "score"], 2), "steps[0].places[0].alternatives[0].score: expected a number between 0 and 1"),
    ("index unknown step", _set(["places", 0, "steps"], ["s9"]), 'places[0].steps[0]: unknown step id "s9"'),
    ("metadata not object", _set(["metadata"], []), "metadata: expected an object, got a list"),
    ("corrected not bool", _set(["steps", 0, "places", 0, "corrected"], "yes"), 'steps[0].places[0].corrected: expected true or false, got "yes"'),
    ("actors not strings", _set(["steps", 1, "actors"], ["Iran", 3]), "steps[1].actors[1]: expected a string, got 3"),
    ("unknown step kind", _set(["steps", 1, "kind"], "rumour"), 'steps[1].kind: expected one of "overview", "event", "background", got "rumour"'),
    ("overview not first", _set(["steps", 2, "kind"], "overview"), 'steps[2].kind: an "overview" step must be the first step, steps[0]'),
    ("headline too long", _set(["steps", 0, "headline"], "x" * 201), "steps[0].headline: expected at most 200 characters, got 201"),
    ("headline empty", _set(["steps", 0, "headline"], " "), "steps[0].headline: expected a non-empty string or null"),
    ("site out of range", _set(["steps", 0, "site"], 1), "steps[0].site: expected an index into places (the step has 1 place), got 1"),
    ("site negative", _set(["steps", 1, "site"], -1), "steps[1].site: expected an integer >= 0 or null, got -1"),
    ("precision unknown", _set(["steps", 0, "date_precision"], "minute"), 'steps[0].date_precision: expected one of "day", "week"'),
    ("precision finer than date", _set(["steps", 1, "date_precision"], "day"), 'steps[1].date_precision: "day" is finer than the date "2019-06" can say (month)'),
    ("precision undated", _set(["steps", 2, "date_precision"], "year"), 'steps[2].date_precision: an undated step has no precision: got "year"'),
    ("v2 field in v1 file", lambda d: (_set(["version"], 1)(d), _set(["steps", 0, "headline"], "H")(d)), 'steps[0]: field "kind" is new in version 2; the story says version 1'),
]


@pytest.mark.parametrize("mutate, message", [(m, msg) for _, m, msg in BROKEN], ids=[b[0] for b in BROKEN])
def test_story_validation_error_names_the_field(mutate, message):
    with pytest.raises(StoryFormatError) as info:
        story_from_dict(_broken(mutate), name="story.json")
    text = str(info.value)
    assert text.startswith("story.json: ")
    assert message in text
    assert "\n" not in text
    assert isinstance(info.value, (StorymapError, ValueError))


def test_story_newer_version_message_is_exact():
    d = good_dict()
    d["version"] = STORY_FORMAT_VERSION + 1
    d["steps"] = "whatever the future holds"
    with pytest.raises(StoryFormatError) as info:
        loads_story(json.dumps(d), name="story.json")
    assert str(info.value) == "story.json: format version 4 is newer than this storymap supports (3); upgrade storymap"


def test_story_error_without_name_starts_with_field_path():
    d = good_dict()
    d["steps"][3:] = [copy.deepcopy(d["steps"][0])]
    d["steps"][3]["id"] = "s4"
    d["steps"][3]["places"][0]["lat"] = "abc"
    with pytest.raises(StoryFormatError, match=r'^steps\[3\]\.places\[0\]\.lat: expected a number between -90 and 90, got "abc"$'):
        story_from_dict(d)


def test_story_top_level_must_be_an_object():
    with pytest.raises(StoryFormatError, match=r"^s\.json: expected a JSON object at the top level, got a list$"):
        loads_story("[]", name="s.json")


def test_story_dumps_refuses_an_invalid_story():
    s = example_story()
    bad = Story(s.title, (Step("a", "2019-13", "t", "x", (), ()),))
    with pytest.raises(StoryFormatError, match=r"steps\[0\]\.date"):
        dumps_story(bad)


# ---------------------------------------------------------------------------------------------
# Bad JSON


@pytest.mark.parametrize(
    "text, where",
    [
        ('{\n  "title": "T",\n  "steps": [\n    {"id": "a",,}\n  ]\n}', "line 4, column 16"),
        ('{"title": "T", "steps": []', "line 1, column 27"),
        ("{'title': 'T'}", "line 1, column 2"),
    ],
)
def test_story_bad_json_names_line_and_column(text, where):
    with pytest.raises(StoryFormatError) as info:
        loads_story(text, name="story.json")
    assert str(info.value).startswith(f"story.json: invalid JSON at {where}: ")


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "is empty"),
        ('{"title": "T", "title": "U", "steps": []}', 'duplicate field "title"'),
        ('{"title": "T", "steps": [], "metadata": {"x": NaN}}', r"metadata\.x: .*got NaN \(not valid JSON\)"),
    ],
)
def test_story_other_bad_text(text, message):
    with pytest.raises(StoryFormatError, match=message):
        loads_story(text, name="story.json")


# ---------------------------------------------------------------------------------------------
# Files


def _leftovers(directory):
    return sorted(p.name for p in directory.iterdir() if p.name.endswith(".tmp"))


def test_story_save_and_load(tmp_path):
    path = tmp_path / "story.json"
    s = example_story()
    assert save_story(s, path) == path
    assert load_story(path) == s
    assert not backup_path(path).exists()
    assert path.read_text(encoding="utf-8").endswith("}\n")
    assert _leftovers(tmp_path) == []


def test_story_save_keeps_previous_version_as_backup(tmp_path):
    path = tmp_path / "story.json"
    first = example_story()
    second = Story("Second", first.steps[:1], places=build_place_index(first.steps[:1]))
    save_story(first, path)
    save_story(second, path)
    assert backup_path(path) == tmp_path / "story.json.bak"
    assert load_story(path) == second
    assert load_story(backup_path(path)) == first
    save_story(second, path)  # unchanged content: the backup keeps the real previous version
    assert load_story(backup_path(path)) == first
    assert _leftovers(tmp_path) == []


def test_story_save_backs_up_even_an_invalid_previous_file(tmp_path):
    path = tmp_path / "story.json"
    path.write_text("hand-edited junk", encoding="utf-8")
    save_story(example_story(), path)
    assert backup_path(path).read_text(encoding="utf-8") == "hand-edited junk"


def test_story_save_into_a_path_whose_parent_is_a_file(tmp_path):
    parent = tmp_path / "not-a-dir"
    parent.write_text("x")
    target = parent / "story.json"
    with pytest.raises(OutputError) as info:
        save_story(example_story(), target)
    assert str(target) in str(info.value)
    assert _leftovers(tmp_path) == []


def test_story_save_into_a_missing_directory(tmp_path):
    with pytest.raises(OutputError, match="story.json"):
        save_story(example_story(), tmp_path / "missing" / "story.json")


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_story_failed_save_leaves_old_file_and_no_temp_file(tmp_path, monkeypatch, failing):
    path = tmp_path / "story.json"
    save_story(example_story(), path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(story_mod.os, failing, boom)
    with pytest.raises(OutputError) as info:
        save_story(Story("Other", ()), path)
    monkeypatch.undo()
    assert str(path) in str(info.value) and "No space left on device" in str(info.value)
    assert path.read_bytes() == before
    assert _leftovers(tmp_path) == []


def test_story_save_to_a_directory_path_is_an_output_error(tmp_path):
    with pytest.raises(OutputError, match="is a directory"):
        save_story(example_story(), tmp_path)


def test_story_save_invalid_story_touches_nothing(tmp_path):
    path = tmp_path / "story.json"
    with pytest.raises(StoryFormatError):
        save_story(Story("T", (Step("a", None, "t", "x", (StepPlace("X", 91, 0, "city"),), ()),)), path)
    assert list(tmp_path.iterdir()) == []


def test_story_save_keeps_file_mode(tmp_path):
    path = tmp_path / "story.json"
    save_story(example_story(), path)
    assert (path.stat().st_mode & 0o777) == 0o644
    os.chmod(path, 0o600)
    save_story(Story("Other", ()), path)
    assert (path.stat().st_mode & 0o777) == 0o600


def test_story_load_missing_file_is_input_file_error(tmp_path):
    with pytest.raises(InputFileError, match="no such story file"):
        load_story(tmp_path / "nope.json")


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\xff\xfe\x00junk", "not UTF-8 text"),
        (b'{"title": "T",\n "steps": [}', "line 2, column 12"),
        (b'{"title": "T", "steps": [], "version": 4}', "format version 4 is newer"),
    ],
)
def test_story_load_bad_content_is_story_format_error(tmp_path, content, message):
    path = tmp_path / "story.json"
    path.write_bytes(content)
    with pytest.raises(StoryFormatError) as info:
        load_story(path)
    assert str(info.value).startswith(f"{path}: ")
    assert message in str(info.value)


def test_story_load_accepts_a_utf8_bom(tmp_path):
    path = tmp_path / "story.json"
    path.write_bytes(b"\xef\xbb\xbf" + dumps_story(example_story()).encode())
    assert load_story(path) == example_story()


# ---------------------------------------------------------------------------------------------
# Dates and ordering


@pytest.mark.parametrize("value", ["2019-05-03", "2019-05", "2019", "2020-02-29", "0001-01-01"])
def test_story_valid_dates(value):
    assert is_valid_date(value)


@pytest.mark.parametrize(
    "value", ["2019-13-01", "2019-02-29", "2019-5-3", "19", "2019-00", "0000", "２０１９", "2019-05-03T10:00", "", None, 2019]
)
def test_story_invalid_dates(value):
    assert not is_valid_date(value)


def _dated(i, date):
    return Step(f"s{i}", date, "t", "x", (), ())


@pytest.mark.parametrize(
    "dates, expected",
    [
        (["2019-05-03", "2019-05", "2019"], ["2019", "2019-05", "2019-05-03"]),
        ([None, "2020", None, "2019-12-31"], ["2019-12-31", "2020", None, None]),
        (["2019-06", "2019-05-31", "2019-06-01"], ["2019-05-31", "2019-06", "2019-06-01"]),
        (["2019-05-01", "2019-05"], ["2019-05", "2019-05-01"]),
        ([None], [None]),
        ([], []),
    ],
)
def test_story_order_steps(dates, expected):
    ordered = order_steps([_dated(i, d) for i, d in enumerate(dates)])
    assert isinstance(ordered, tuple)
    assert [s.date for s in ordered] == expected


def test_story_order_steps_is_stable():
    steps_ = [_dated(0, None), _dated(1, "2019"), _dated(2, None), _dated(3, "2019"), _dated(4, "2018")]
    assert [s.id for s in order_steps(steps_)] == ["s4", "s1", "s3", "s0", "s2"]


def test_story_build_place_index():
    steps_ = example_story().steps
    index = build_place_index(steps_)
    assert index == (
        PlaceIndexEntry("Strait of Hormuz", 26.57, 56.25, "water", None, "cur:strait-of-hormuz", ("s1", "s2")),
        PlaceIndexEntry("Tehran", 35.69, 51.42, "city", "IR", "gn:112931", ("s2",)),
    )


def test_story_place_index_merges_unplaced_names_and_keeps_one_step_id_per_entry():
    lost = StepPlace("Atlantis", None, None, None)
    step = Step("a", None, "t", "x", (lost, lost), ())
    other = Step("b", None, "t", "x", (StepPlace("Atlantis", None, None, None, role="origin"),), ())
    assert build_place_index([step, other]) == (PlaceIndexEntry("Atlantis", None, None, None, None, None, ("a", "b")),)


# ---------------------------------------------------------------------------------------------
# The documented example is a valid story


def test_story_documented_example_is_valid():
    doc = (Path(__file__).resolve().parent.parent / "docs" / "story-format.md").read_text(encoding="utf-8")
    example = re.search(r"```json\n(.*?)\n```", doc, re.S)[1]
    s = loads_story(example, name="docs/story-format.md")
    assert [step.id for step in s.steps] == ["s1", "s2", "s3"]
    assert s.places == build_place_index(s.steps)
    assert loads_story(dumps_story(s)) == s


# ---------------------------------------------------------------------------------------------
# Numbers and strings the JSON reader must refuse at their field, not with a Python traceback

_MARK = "@@raw@@"

# (field path in good_dict, raw JSON token, field path in the message, what the message says)
HOSTILE_TOKENS = [
    (["steps", 0, "places", 0, "lat"], "9" * 400, "steps[0].places[0].lat", "a number of 400 characters"),
    (["steps", 0, "places", 0, "lat"], "9" * 5000, "steps[0].places[0].lat", "a number of 5000 characters"),
    (["steps", 0, "places", 0, "lon"], "-" + "9" * 400, "steps[0].places[0].lon", "a number of 401 characters"),
    (["steps", 0, "places", 0, "lat"], "1" + "0" * 30, "steps[0].places[0].lat", "an integer of about 31 digits"),
    (["steps", 0, "places", 0, "lat"], "1e999", "steps[0].places[0].lat", "got inf"),
    (["steps", 0, "places", 0, "lat"], "NaN", "steps[0].places[0].lat", "got NaN (not valid JSON)"),
    (["steps", 0, "places", 0, "lon"], "-Infinity", "steps[0].places[0].lon", "got -Infinity (not valid JSON)"),
    (["steps", 0, "places", 0, "alternatives", 0, "score"], "9" * 400, "alternatives[0].score", "between 0 and 1"),
    (["steps", 0, "places", 0, "alternatives", 0, "score"], "Infinity", "alternatives[0].score", "Infinity"),
    (["steps", 0, "sources", 0, "start"], "9" * 5000, "steps[0].sources[0].start", "a number of 5000 characters"),
    (["steps", 0, "sources", 0, "end"], "9" * 30, "steps[0].sources[0].end", "between -9007199254740991 and"),
    (["steps", 0, "corroboration"], "9" * 400, "steps[0].corroboration", "expected an integer"),
    (["steps", 0, "places", 0, "geonameid"], "1" * 20, "steps[0].places[0].geonameid", "9007199254740991"),
    (["metadata", "n"], "9" * 5000, "metadata.n", "a number of 5000 characters"),
    (["metadata", "n"], "NaN", "metadata.n", "NaN (not valid JSON)"),
    (["steps", 0, "x-note"], "NaN", 'steps[0].x-note', "NaN (not valid JSON)"),
    (["title"], '"Gulf \\ud800 tensions"', "title", "lone surrogate \\ud800 at character 5"),
    (["steps", 0, "title"], '"\\udfff"', "steps[0].title", "lone surrogate \\udfff at character 0"),
    (["steps", 1, "places", 0, "name"], '"Teh\\ud83dran"', "steps[1].places[0].name", "lone surrogate"),
    (["steps", 0, "sources", 0, "file"], '"a\\udc80.txt"', "steps[0].sources[0].file", "lone surrogate"),
    (["steps", 0, "sources", 0, "quote"], '"\\ud800"', "steps[0].sources[0].quote", "lone surrogate"),
    (["steps", 1, "actors", 0], '"\\ud800"', "steps[1].actors[0]", "lone surrogate"),
    (["metadata", "articles"], '["\\ud800"]', "metadata.articles[0]", "lone surrogate"),
]


def hostile_text(path, token) -> str:
    """The good story as JSON with the value at ``path`` replaced by the raw JSON ``token``."""
    d = good_dict()
    _set(path, _MARK)(d)
    return json.dumps(d).replace(json.dumps(_MARK), token)


@pytest.mark.parametrize("path, token, field, says", HOSTILE_TOKENS, ids=[f"{h[2]}={h[1][:12]}" for h in HOSTILE_TOKENS])
def test_story_hostile_json_value_is_a_one_line_error_naming_the_field(path, token, field, says):
    with pytest.raises(StoryFormatError) as info:
        loads_story(hostile_text(path, token), name="story.json")
    text = str(info.value)
    assert text.startswith("story.json: ") and f"{field}: " in text and says in text
    assert "\n" not in text and len(text) < 300
    text.encode("utf-8")  # the message itself is printable: a surrogate is shown escaped


@pytest.mark.parametrize("value, field", [
    (10**400, "steps[0].places[0].lat"), (-(10**400), "steps[0].places[0].lat"),
    (float("nan"), "steps[0].places[0].lat"), (2**53, "steps[0].sources[0].start"),
    ("Fuj\ud800airah", "steps[0].places[0].name"),
])
def test_story_from_python_data_refuses_huge_ints_nan_and_surrogates(value, field):
    key = {"steps[0].places[0].lat": ["steps", 0, "places", 0, "lat"],
           "steps[0].sources[0].start": ["steps", 0, "sources", 0, "start"],
           "steps[0].places[0].name": ["steps", 0, "places", 0, "name"]}[field]
    with pytest.raises(StoryFormatError, match=re.escape(field) + ": "):
        story_from_dict(_broken(_set(key, value)), name="story.json")


def test_story_dumps_refuses_a_lone_surrogate_built_in_python():
    s = example_story()
    with pytest.raises(StoryFormatError, match=r"^title: expected valid Unicode"):
        dumps_story(Story("bad \udc00", s.steps))


@pytest.mark.parametrize("token, value", [("9007199254740991", 2**53 - 1), ("-12.5e-3", -0.0125),
                                          ("0.1234567890123456789", 0.1234567890123456789)])
def test_story_numbers_within_limits_still_read(token, value):
    s = loads_story(hostile_text(["metadata", "n"], token))
    assert s.metadata["n"] == value


# ---------------------------------------------------------------------------------------------
# The story package's shared pieces: the date label, kinds and roles, alternatives, a light import


@pytest.mark.parametrize("value, end, label", [
    (None, None, ""),
    ("2021-03-04", None, "4 March 2021"),
    ("2021-11", None, "November 2021"),
    ("2021", None, "2021"),
    ("2021-11", "2021-11", "November 2021"),
    ("2021-12-30", "2022-01-02", "30 December 2021 – 2 January 2022"),
])
def test_story_date_label_reads_each_precision(value, end, label):
    from storymap.story import date_label

    assert date_label(value, end) == label


def test_story_date_label_is_the_one_exports_use():
    from storymap.render import labels
    from storymap.story import date_label

    assert labels.date_label is date_label


def test_model_kinds_and_roles_keep_their_json_values():
    from storymap.model import ROLES, PlaceKind, Role

    assert PLACE_KINDS == ("city", "country", "region", "area", "water", "district", "landmark", "base")
    assert ROLES == PLACE_ROLES == ("site", "origin", "destination", "mentioned")
    assert STEP_KINDS == ("overview", "event", "background")
    assert json.dumps([PlaceKind.WATER, Role.ORIGIN]) == '["water", "origin"]'
    s = example_story()
    place = replace(s.steps[0].places[0], kind=PlaceKind.WATER, role=Role.ORIGIN)
    typed = replace(s, steps=(replace(s.steps[0], places=(place,)), *s.steps[1:]))
    plain = replace(s, steps=(replace(s.steps[0], places=(replace(place, kind="water", role="origin"),)),
                              *s.steps[1:]))
    assert dumps_story(typed) == dumps_story(plain)


@pytest.mark.parametrize("group, inside, outside", [
    ("BROAD_KINDS", {"country", "area"}, {"city", "water", "region"}),
    ("COARSE_KINDS", {"country", "area", "water"}, {"city", "district"}),
    ("POINT_KINDS", {"city", "district", "landmark", "base"}, {"country", "region", "water"}),
    ("STRONG_KINDS", {"country", "area", "water", "district", "landmark", "base"}, {"city", "region"}),
    ("AREA_KINDS", {"country", "region", "area", "water", "district"}, {"city", "landmark", "base"}),
])
def test_model_kind_groups_hold_plain_strings(group, inside, outside):
    import storymap.model as model

    kinds = getattr(model, group)
    assert all(k in kinds for k in inside) and not any(k in kinds for k in outside)
    assert kinds <= set(PLACE_KINDS)


def test_model_alternative_from_a_candidate_is_the_story_files_object():
    from storymap.model import Alternative, Candidate, Place

    c = Candidate(Place("gn:1", "Springfield", 39.8, -89.6, "city", "US"), 0.123456)
    d = Alternative.from_candidate(c).as_dict()
    assert d == {"name": "Springfield", "lat": 39.8, "lon": -89.6, "kind": "city", "country": "US",
                 "place_id": "gn:1", "score": 0.1235}
    assert list(d) == ["name", "lat", "lon", "kind", "country", "place_id", "score"]
    assert Alternative("Nowhere").as_dict(omit_none=True) == {"name": "Nowhere"}
    place = StepPlace("Springfield", 39.8, -89.6, "city", alternatives=(d,))
    s = Story("t", (Step("s1", "2020", "t", "x", (place,), ()),))
    assert loads_story(dumps_story(s)) == s


@pytest.mark.parametrize("module", ["storymap", "storymap.story"])
def test_story_import_loads_no_model_or_builder(module):
    code = (f"import sys, {module}; heavy = [m for m in ('spacy', 'storymap.story.build', 'storymap.places', "
            "'storymap.ingest') if m in sys.modules]; print(heavy)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


# ---------------------------------------------------------------------------------------------
# Version 2: step kind, headline, date precision and site; version-1 files upgraded on reading

V1_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "story_v1.json"


def test_story_version_1_file_loads_as_the_current_version():
    raw = json.loads(V1_FIXTURE.read_text(encoding="utf-8"))
    assert raw["version"] == 1 and "kind" not in raw["steps"][0]
    s = load_story(V1_FIXTURE)
    assert s.version == STORY_FORMAT_VERSION == 3
    for step, d in zip(s.steps, raw["steps"]):
        assert step.kind == ("background" if "background" in d.get("tags", []) else "event")
        assert step.headline is None and step.display_headline == d["title"]
        assert step.date_precision is None and step.precision == date_precision(d["date"])
        roles = [p.get("role", "site") for p in d["places"]]
        assert step.site is None
        assert step.site_index == (roles.index("site") if "site" in roles else None)
    assert any(step.kind == "background" for step in s.steps)
    again = loads_story(dumps_story(s))
    assert again == s and json.loads(dumps_story(s))["version"] == 3


def test_story_file_without_version_is_read_as_version_1():
    d = {"title": "T", "steps": [{"id": "a", "date": None, "title": "t", "text": "x", "places": [],
                                   "sources": [], "tags": ["background"]}]}
    assert story_from_dict(d).steps[0].kind == "background"


@pytest.mark.parametrize("value, precision", [("2019-05-12", "day"), ("2019-05", "month"), ("2019", "year"), (None, None)])
def test_story_date_precision_follows_the_date_form(value, precision):
    assert date_precision(value) == precision


@pytest.mark.parametrize("roles, site, expected", [
    (("origin", "site", "mentioned"), None, 1),
    (("origin", "destination"), None, None),
    (("mentioned", "site"), 0, 0),
    ((), None, None),
])
def test_story_site_place_is_the_given_index_or_the_first_site(roles, site, expected):
    places = tuple(StepPlace(f"P{i}", 1.0, 2.0, "city", role=r) for i, r in enumerate(roles))
    step = Step("a", "2020", "t", "x", places, (), site=site)
    assert step.site_index == expected
    assert step.site_place == (places[expected] if expected is not None else None)


@pytest.mark.parametrize("headline, title, shown", [(None, "A title", "A title"), ("A headline", "A title", "A headline")])
def test_story_display_headline_falls_back_to_the_title(headline, title, shown):
    assert Step("a", None, title, "x", (), (), headline=headline).display_headline == shown


def test_story_order_steps_keeps_the_overview_first():
    ov = Step("overview", "2020-01-05", "Story", "Summary", (), (), kind="overview")
    early = Step("e", "2019", "t", "x", (), ())
    assert order_steps([early, ov]) == (ov, early)


def test_story_step_kind_values_are_plain_strings_in_json():
    from storymap.model import StepKind

    s = Story("T", (Step("a", None, "t", "x", (), (), kind=StepKind.BACKGROUND),))
    assert json.loads(dumps_story(s))["steps"][0]["kind"] == "background"
    assert loads_story(dumps_story(s)) == s



# Version 3: step media

PIXEL = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="


@pytest.mark.parametrize("media", [
    [{"url": PIXEL, "caption": "Crews on the bridge.", "credit": "Photo: A. Writer"}],
    [{"url": "https://gazette.example/bridge.jpg"}],
    [],
])
def test_story_version_3_media_round_trip(media):
    d = good_dict()
    d["steps"][0]["media"] = media
    s = story_from_dict(d)
    assert [m.url for m in s.steps[0].media] == [m["url"] for m in media]
    assert loads_story(dumps_story(s)) == s


@pytest.mark.parametrize("url, says", [
    ("javascript:alert(1)", "expected an http(s) URL or a data:image"),
    ("file:///home/reporter/a.jpg", "expected an http(s) URL or a data:image"),
    ("data:text/html;base64,PHNjcmlwdD4=", "expected an http(s) URL or a data:image"),
    ("/home/reporter/photo.jpg", "expected an http(s) URL or a data:image"),
])
def test_story_media_url_must_be_web_or_embedded(url, says):
    d = good_dict()
    d["steps"][0]["media"] = [{"url": url}]
    with pytest.raises(StoryFormatError) as e:
        story_from_dict(d)
    assert "steps[0].media[0].url" in str(e.value) and says in str(e.value)


def test_story_media_in_a_version_2_file_is_refused_and_v2_files_load():
    d = good_dict()
    d["version"] = 2
    for step in d["steps"]:
        del step["media"]
    assert story_from_dict(d).steps[0].media == ()
    d["steps"][0]["media"] = [{"url": PIXEL}]
    with pytest.raises(StoryFormatError, match='"media" is new in version 3'):
        story_from_dict(d)
