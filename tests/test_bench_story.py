"""The story benchmark's matching and metrics (benchmarks/bench_story.py) on a tiny hand-made gold story."""

from types import SimpleNamespace

import pytest

from benchmarks import bench_story as bs
from benchmarks import gold_timelines as gt
from storymap.story.schema import Step, StepPlace

# An invented story: a flood in a river town, a bridge closed upstream, a minister's visit by helicopter.
TOWN = {"name": "Riverton", "lat": 50.0, "lon": 10.0, "aliases": ["Riverton-on-Sea"]}
UPSTREAM = {"name": "Hillford", "lat": 50.9, "lon": 10.0}          # ~100 km north of Riverton
CAPITAL = {"name": "Capitol City", "lat": 48.0, "lon": 12.0}
COUNTRY = {"name": "Freedonia", "lat": 49.0, "lon": 11.0}
GOLD = gt.story_from_dict({
    "id": "tiny", "title": "Floods in Riverton", "corpus": "seeds", "split": "dev",
    "storyline": {"start": "2021-03-10", "end": "2021-03-14"}, "docs": ["seeds/x"],
    "events": [
        {"id": "flood", "what": "River bursts its banks and floods Riverton", "date": "2021-03-10",
         "date_precision": "day", "sites": [TOWN], "required": True, "background": False, "docs": ["seeds/x"]},
        {"id": "bridge", "what": "Authorities close the Hillford bridge", "date": "2021-03-11",
         "date_precision": "day", "sites": [UPSTREAM], "required": True, "background": False, "docs": ["seeds/x"]},
        {"id": "visit", "what": "Minister flies to Riverton to inspect the damage", "date": "2021-03-12",
         "date_precision": "day", "sites": [TOWN], "origin": CAPITAL, "destination": TOWN,
         "required": False, "background": False, "docs": ["seeds/x"]},
        {"id": "old_flood", "what": "Earlier flood hits the region", "date": "1999-04",
         "date_precision": "month", "sites": [TOWN], "required": False, "background": True, "docs": ["seeds/x"]},
        {"id": "dam_plan", "what": "Government approves a dam plan for Freedonia", "date": "2015",
         "date_precision": "year", "sites": [COUNTRY], "required": False, "background": True, "docs": ["seeds/x"]},
    ]})
EVENTS = {e.id: e for e in GOLD.events}
COUNTRIES = {"Freedonia": "FR"}


def place(name, lat, lon, role="site", country=None, kind="city"):
    return StepPlace(name, lat, lon, kind, role=role, country=country)


def step(date, title, *places, date_end=None, text="", sid="s"):
    return Step(sid, date, title, text or title, tuple(places), (), date_end=date_end)


RIVERTON = place("Riverton", 50.01, 10.01, country="FR")
HILLFORD = place("Hillford", 50.9, 10.0, country="FR")


@pytest.mark.parametrize("date, date_end, event, expected", [
    ("2021-03-10", None, "flood", True),
    ("2021-03-11", None, "flood", True),              # a day event matches a step one day off
    ("2021-03-09", None, "flood", True),
    ("2021-03-12", None, "flood", False),             # two days off does not
    ("2021-03", None, "flood", True),                 # a month-wide step overlaps the day
    ("2021-03-05", "2021-03-08", "flood", False),     # a range ending two days before
    ("2021-03-05", "2021-03-09", "flood", True),
    ("1999-04-30", None, "old_flood", True),          # month precision: any day of the month
    ("1999-05-01", None, "old_flood", False),
    ("1999-03-31", None, "old_flood", False),         # no slack beyond day precision
    ("1999", None, "old_flood", True),
    ("2015-12-31", None, "dam_plan", True),           # year precision: any day of the year
    ("2016-01-01", None, "dam_plan", False),
    ("2014-06", "2015-01", "dam_plan", True),
    (None, None, "flood", False),                     # undated steps match nothing
])
def test_dates_compatible_at_the_event_precision(date, date_end, event, expected):
    assert bs.dates_compatible(step(date, "x", RIVERTON, date_end=date_end), EVENTS[event]) is expected


@pytest.mark.parametrize("site, event, expected", [
    (place("Riverton", 50.3, 10.0), "flood", True),                 # ~33 km off: within 50 km
    (place("Somewhere", 50.6, 10.0), "flood", False),               # ~67 km off
    (place("riverton on sea", None, None), "flood", True),          # an alias, punctuation- and case-blind
    (place("Capitol City", 48.0, 12.0), "visit", True),             # a movement's origin is acceptable
    (place("Smalltown", 47.0, 13.0, country="FR"), "dam_plan", True),  # inside the country-level gold site
    (place("Smalltown", 47.0, 13.0, country="XY"), "dam_plan", False),
    (place("Freedonia", 49.5, 11.5, country="FR", kind="country"), "flood", False),  # a country for a town
    (None, "flood", False),
])
def test_site_compatible_by_name_distance_or_country(site, event, expected):
    assert bs.site_compatible(site, EVENTS[event], COUNTRIES) is expected


def test_step_site_prefers_site_place_then_a_site_role_then_the_first_place():
    origin = place("Capitol City", 48.0, 12.0, role="origin")
    assert bs.step_site(step("2021-03-12", "x", origin, RIVERTON)) == RIVERTON
    assert bs.step_site(step("2021-03-12", "x", origin)) == origin
    assert bs.step_site(SimpleNamespace(site_place=HILLFORD, places=(RIVERTON,))) == HILLFORD
    assert bs.step_site(step("2021-03-12", "x")) is None


@pytest.mark.parametrize("title, cut", [
    ("Authorities close the Hillford bridge", False),
    ("Authorities close the bridge after the…", True),
    ("Authorities close the bridge after the...", True),
    ("officials said the bridge was closed", True),
    ("“Authorities close the bridge”", False),          # leading punctuation is skipped
    ("500 people attend a vigil in Hillford", False),   # a headline may open with a number
    ("_ leaves the town", True),
    ("A" * 81, True),
    ("A" * 80, False),
])
def test_cut_titles(title, cut):
    assert bs.is_cut_title(title) is cut


def test_cut_title_counts_headline_or_title():
    s = SimpleNamespace(headline="Flood hits Riverton", title="The river rose in the night and…")
    assert bs.has_cut_title(s)
    assert not bs.has_cut_title(SimpleNamespace(headline=None, title="Flood hits Riverton"))


@pytest.mark.parametrize("text, expected", [
    ("Floods hit Riverton as the river bursts", True),       # floods/flood + river/river + riverton: >= 2 stems
    ("Riverton residents wait", False),                      # one stem, small Jaccard
    ("Riverton floods", True),                               # 2 stems
])
def test_content_match_threshold(text, expected):
    assert bs.content_matches(step("2021-03-10", text, RIVERTON, text=text), EVENTS["flood"]) is expected


@pytest.mark.parametrize("headline, expected", [
    ("Dam", True),            # one shared stem, but Jaccard 1/2 >= 0.3
    ("Old dam", True),        # 1/3
    ("Old stone dam", False),  # 1/4
])
def test_content_match_by_jaccard_alone(headline, expected):
    event = SimpleNamespace(what="Dam bursts")
    assert bs.content_matches(step("2021-03-10", headline, RIVERTON), event) is expected


def _story_steps():
    return [
        SimpleNamespace(id="overview", kind="overview", date="2021-03-10", date_end="2021-03-14",
                        title="Floods in Riverton", headline=None, text="", places=(RIVERTON,)),
        step("2021-03-10", "River floods Riverton", RIVERTON, sid="a"),
        step("2021-03-11", "Water floods Riverton streets", RIVERTON, sid="b"),         # same flood: duplicate
        step("2021-03-11", "Police arrest looters", place("Elsewhere", 40.0, 0.0), sid="c"),  # noise
        step("2021-03-11", "Authorities close the Hillford bridge", place("Lowmoor", 45.0, 10.0),
             sid="d"),                                                                  # bridge, wrong site
        step("2021-03-12", "minister flies to Riverton to inspect the…", place("Capitol City", 48.0, 12.0, "origin"),
             RIVERTON, sid="e"),                                                        # movement, cut title
        step("2015", "Dam plan approved", place("Smalltown", 47.0, 13.0, country="FR"), sid="f"),
    ]


def test_match_steps_finds_duplicates_noise_and_wrong_sites():
    matches = bs.match_steps(_story_steps(), GOLD, COUNTRIES)
    got = {m.step.id: (m.event.id if m.event else None, m.duplicate, m.wrong_site and m.wrong_site.id)
           for m in matches}
    assert got == {"a": ("flood", False, None), "b": ("flood", True, None), "c": (None, False, None),
                   "d": (None, False, "bridge"), "e": ("visit", False, None), "f": ("dam_plan", False, None)}


def test_score_story_counts():
    sc = bs.score_story(_story_steps(), GOLD, COUNTRIES)
    assert (sc.steps, sc.overview) == (6, True)
    assert (sc.required_matched, sc.required, sc.optional_matched) == (1, 2, 2)
    assert sc.recall == 0.5
    assert sc.clean == pytest.approx(3 / 6)
    assert (sc.duplicates, sc.noise, sc.wrong_sites, sc.cut_titles) == (1, 2, 1, 1)
    assert (sc.storyline, sc.movements, sc.movements_matched) == (5, 1, 1)
    assert sc.missed == ["bridge"]


def test_content_breaks_ties_between_compatible_events():
    # On 2021-03-11 at Riverton both the flood (a day later) and the visit (a day earlier) fit date and site.
    s = step("2021-03-11", "Minister flies in to inspect the damage", RIVERTON)
    assert bs.match_steps([s], GOLD, COUNTRIES)[0].event.id == "visit"
    s = step("2021-03-11", "River floods more streets", RIVERTON)
    assert bs.match_steps([s], GOLD, COUNTRIES)[0].event.id == "flood"


@pytest.mark.parametrize("date, date_end, inside", [
    ("2021-03-10", None, True),
    ("2021-03-14", "2021-03-20", True),     # starts on the last day
    ("2021-03-09", "2021-03-12", False),    # starts the day before
    ("2021-03", None, False),               # a month-wide step starts before the period
    ("2021", None, False),
    (None, None, False),
])
def test_storyline_steps_start_inside_the_period(date, date_end, inside):
    assert bs.in_storyline(step(date, "x", RIVERTON, date_end=date_end), GOLD) is inside


def test_totals_are_micro_averages():
    a = bs.Score("a", "dev", steps=10, required=4, required_matched=4, distinct=9)
    b = bs.Score("b", "dev", steps=30, required=6, required_matched=3, distinct=12)
    t = bs.total([a, b], "dev total")
    assert t.recall == pytest.approx(7 / 10)
    assert t.clean == pytest.approx(21 / 40)


def test_seed_pairs_keeps_the_earlier_check():
    steps = [step("2019-12-27", "x", place("Kirkuk", 35.47, 44.39))]
    assert bs.seed_pairs(steps) == 1
    assert bs.seed_pairs([step("2019-12-28", "x", place("Kirkuk", 35.47, 44.39))]) == 0
