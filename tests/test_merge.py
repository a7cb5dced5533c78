"""Merging reports into steps, on hand-made events (no model): one happening reported twice is one
step with both sources; different happenings, or one clause at two sites, stay apart; a cluster
of evidence alone or with no site is no step."""

import pytest

from storymap.model import Place
from storymap.story.events import Event, EventPlace, keywords
from storymap.story.merge import merge_events

LYON = Place("gn:1", "Lyon", 45.76, 4.84, "city", country="FR", admin1="Auvergne")
FRANCE = Place("gn:2", "France", 46.0, 2.0, "country", country="FR")
OSLO = Place("gn:3", "Oslo", 59.9, 10.7, "city", country="NO")
PARIS = Place("gn:4", "Paris", 48.85, 2.35, "city", country="FR", admin1="Ile-de-France")


def ev(quote, date="2021-05-03", place=LYON, role="site", file="a.txt", start=0, predicate="", lemmas=None,
       evidence=False, date_end=None):
    places = (EventPlace(place, role, 0, 4, 1.0),) if place is not None else ()
    words = tuple(lemmas if lemmas is not None else quote.lower().rstrip(".").split())
    return Event(file, start, start + len(quote), quote, date, date_end, quote, places, (), keywords(quote),
                 headline=quote, evidence=evidence, predicate=predicate, lemmas=words)


def test_merge_same_happening_in_two_articles_is_one_step():
    a = ev("Flood waters close the old bridge", file="a.txt", predicate="close")
    b = ev("Flood waters close the old bridge", file="b.txt", predicate="close", place=FRANCE)
    (step,) = merge_events([a, b])
    assert step.corroboration == 2 and len(step.sources) == 2
    assert step.places[step.site].name == "Lyon"  # the town, not its country


@pytest.mark.parametrize("b_kwargs", [
    {"place": OSLO},  # the same words at a place that is not nested
    {"date": "2021-05-09"},  # the same words on another day
    {"file": "a.txt", "start": 0, "place": PARIS},  # the same clause at a second site
    {"file": "a.txt", "start": 0, "predicate": "reopen", "date": "2021-05-09"},  # a clause of another day
])
def test_merge_keeps_different_happenings_apart(b_kwargs):
    a = ev("Flood waters close the old bridge", predicate="close")
    b = ev("Flood waters close the old bridge", **{"file": "b.txt", "predicate": "close", **b_kwargs})
    assert len(merge_events([a, b])) == 2


def test_merge_different_words_same_day_and_place_stay_apart():
    a = ev("Flood waters close the old bridge", predicate="close")
    b = ev("Mayor opens new school library", file="b.txt", predicate="open")
    assert len(merge_events([a, b])) == 2


@pytest.mark.parametrize("events", [
    [ev("Officials could close the bridge", evidence=True)],  # only opinion or a plan
    [ev("Officials close the bridge", role="mentioned")],  # no site
    [ev("Officials close the bridge", place=None)],  # no place at all
])
def test_merge_evidence_or_siteless_cluster_is_no_step(events):
    assert merge_events(events) == ()


def test_merge_evidence_joins_the_step_it_supports():
    a = ev("Flood waters close the old bridge", predicate="close")
    b = ev("Flood waters close the old bridge", file="b.txt", predicate="close", evidence=True)
    (step,) = merge_events([a, b])
    assert len(step.sources) == 2 and step.text == a.quote


def test_merge_takes_the_most_precise_date():
    a = ev("Flood waters close the old bridge", predicate="close", date="2021-05-03", date_end="2021-05-09")
    b = ev("Flood waters close the old bridge", file="b.txt", predicate="close", date="2021-05-05")
    (step,) = merge_events([a, b])
    assert step.date == "2021-05-05" and step.date_end is None



def test_merge_evidence_dates_a_step_only_when_no_report_does():
    # "Officials plan to visit the bridge on Tuesday" is evidence; its day is the visit's, not the closure's.
    a = ev("Flood waters close the old bridge", predicate="close", date="2021-05")
    b = ev("Flood waters close the old bridge", file="b.txt", predicate="close", date="2021-05-11", evidence=True)
    (step,) = merge_events([a, b])
    assert step.date == "2021-05" and len(step.sources) == 2


@pytest.mark.parametrize("bridge_kwargs", [{"place": FRANCE}, {"place": None}, {"place": LYON, "evidence": True}])
def test_merge_a_vague_report_or_evidence_never_links_two_steps(bridge_kwargs):
    a = ev("Flood waters close the old bridge", predicate="close", file="a.txt")
    b = ev("Flood waters close the old bridge", predicate="close", file="b.txt", place=PARIS)
    bridge = ev("Flood waters close the old bridge", predicate="close", file="c.txt", **bridge_kwargs)
    steps = merge_events([a, b, bridge])
    assert len(steps) == 2 and sum(len(s.sources) for s in steps) == 3


def test_merge_step_places_most_reported_site_first_each_place_once():
    reports = [ev("Flood waters close the old bridge", file=f, predicate="close", place=p)
               for f, p in (("a.txt", LYON), ("b.txt", LYON), ("c.txt", FRANCE))]
    extra = ev("Flood waters close the old bridge", file="d.txt", predicate="close", place=LYON, role="mentioned")
    (step,) = merge_events([*reports, extra])
    assert [(p.name, p.role) for p in step.places] == [("Lyon", "site"), ("France", "mentioned")]
    assert step.site == 0


def test_merge_clauses_of_one_sentence_on_one_day_at_one_site_are_one_step():
    # "Floods closed the bridge in Lyon on Monday and crews reopened it": one step a reader lists.
    a = ev("Floods close the bridge and crews reopen it", predicate="close")
    b = ev("Floods close the bridge and crews reopen it", predicate="reopen")
    (step,) = merge_events([a, b])
    assert len(step.sources) == 1


@pytest.mark.parametrize("site, expected", [(Place("gn:5", "Villeurbanne", 45.77, 4.88, "city", country="FR"), 1),
                                            (PARIS, 2)])
def test_merge_joins_reports_at_a_town_and_its_neighbour(site, expected):
    # Two articles name the city and its suburb for one happening; a city 390 km away is another one.
    a = ev("Storm floods the metro station", predicate="flood", lemmas=("storm", "flood", "metro", "station"))
    b = ev("Metro station flooded after storm", file="b.txt", place=site, predicate="flooded",
           lemmas=("metro", "station", "flood", "storm", "rain"))
    assert len(merge_events([a, b])) == expected


def test_merge_movement_keeps_its_destination_when_another_report_sites_it_there():
    sent = ev("Marines sent from Oslo to Lyon", predicate="send", place=None)
    sent = type(sent)(**{**sent.__dict__, "places": (EventPlace(OSLO, "origin", 0, 4, 1.0),
                                                        EventPlace(LYON, "destination", 0, 4, 1.0))})
    arrive = ev("Marines sent from Oslo arrive in Lyon", file="b.txt", predicate="send")
    (step,) = merge_events([sent, arrive])
    roles = {p.name: p.role for p in step.places}
    assert roles == {"Oslo": "origin", "Lyon": "destination"}


def test_merge_evidence_of_a_journey_draws_no_movement_on_the_step():
    shot = ev("Gunman shot the mayor of Lyon at his home", predicate="shoot")
    fled = ev("Gunman who shot the mayor of Lyon may have fled to Oslo", file="b.txt", predicate="flee",
              evidence=True, place=None)
    fled = type(fled)(**{**fled.__dict__, "places": (EventPlace(LYON, "site", 0, 4, 1.0),
                                                      EventPlace(OSLO, "destination", 0, 4, 1.0))})
    (step,) = merge_events([shot, fled])
    assert len(step.sources) == 2
    assert {p.name: p.role for p in step.places} == {"Lyon": "site", "Oslo": "mentioned"}


@pytest.mark.parametrize("vague, steps, sources", [
    # Words close to the town's step: a vaguer report of it, kept as its source.
    (("Storm floods metro station in France", ("storm", "flood", "metro", "france")), 1, 2),
    # Nothing in common: a side remark on a day the story is elsewhere in the country, no step.
    (("Ministers debate budget", ("minister", "debate", "budget")), 1, 1),
])
def test_merge_country_sited_report_folds_into_the_finer_step_inside_it(vague, steps, sources):
    town = ev("Storm floods the metro station", predicate="flood", lemmas=("storm", "flood", "metro", "station"))
    other = ev("Rail strike halts trains", file="c.txt", place=OSLO, predicate="halt",
               lemmas=("rail", "strike", "halt", "train"))
    country = ev(vague[0], file="b.txt", place=FRANCE, predicate="x", lemmas=vague[1])
    got = [s for s in merge_events([town, other, country]) if s.places[s.site].name != "Oslo"]
    assert len(got) == steps and len(got[0].sources) == sources


@pytest.mark.parametrize("date, steps", [
    ("2021-05-04", 1),  # dated by the next day's report: still the town's happening
    ("2021-05-06", 2),  # three days on: another happening
])
def test_merge_country_sited_report_a_day_later_folds_into_the_finer_step(date, steps):
    town = ev("Storm floods the metro station", predicate="flood", lemmas=("storm", "flood", "metro", "station"))
    country = ev("Storm floods metro station in France", date=date, file="b.txt", place=FRANCE, predicate="x",
                 lemmas=("storm", "flood", "metro", "france"))
    assert len(merge_events([town, country])) == steps


@pytest.mark.parametrize("files, role, steps", [
    (("b.txt", "c.txt"), "site", 1),  # two articles name only the region: still the town's happening
    (("b.txt",), "site", 1),
    (("b.txt", "c.txt"), "destination", 2),  # a movement into the region is a happening of its own
])
def test_merge_area_sited_reports_fold_into_the_finer_step_inside_the_area(files, role, steps):
    west_europe = Place("cur:we", "Western Europe", 47.0, 3.0, "area")
    town = ev("Storm floods the metro station", predicate="flood", lemmas=("storm", "flood", "metro", "station"))
    vague = [ev("Storm floods metro stations in western Europe", file=f, place=west_europe, role=role,
                predicate="flood", lemmas=("storm", "flood", "metro", "europe")) for f in files]
    assert len(merge_events([town, *vague])) == steps


def test_merge_country_sited_report_stays_when_nothing_finer_is_named_there():
    town = ev("Storm floods the metro station", predicate="flood", lemmas=("storm", "flood", "metro", "station"))
    country = ev("Ministers debate budget", file="b.txt", place=Place("gn:6", "Norway", 61.0, 9.0, "country",
                                                                     country="NO"), lemmas=("minister", "budget"))
    assert len(merge_events([town, country])) == 2


@pytest.mark.parametrize("words, steps", [
    (("soldier", "send", "dawn"), 1),  # other words for the same happening
    (("minister", "open", "crossing"), 2),  # the same place and day, another happening
])
def test_merge_reports_in_synonyms_are_one_step(words, steps):
    a = ev("Troops deployed to the border", predicate="deploy", lemmas=("troop", "deploy", "night", "convoy"))
    b = ev("Soldiers sent to the border", file="b.txt", predicate="send", lemmas=words)
    assert len(merge_events([a, b])) == steps


def test_merge_step_site_is_the_town_not_its_country_even_when_the_country_is_said_first():
    country = ev("Storm floods metro station", predicate="flood", place=FRANCE, lemmas=("storm", "flood", "metro"))
    town = ev("Storm floods metro station", file="b.txt", predicate="flood", lemmas=("storm", "flood", "metro"))
    (step,) = merge_events([country, town])
    assert step.places[step.site].name == "Lyon"


def test_merge_step_text_tells_what_its_headline_says():
    from storymap.story.merge import step_from_group

    fire = [ev("Guards fire tear gas at protesters outside the embassy", file=f"{n}.txt", predicate="fire")
            for n in "ab"]
    # A report of another moment of the day, with more named in it (it would read as the clearest).
    leave = ev("Protesters leave the embassy after the council orders them out, officials in Lyon and Paris say",
               file="c.txt", predicate="leave")
    leave = type(leave)(**{**leave.__dict__, "actors": ("Council", "Officials")})
    step = step_from_group([*fire, leave])
    assert "tear gas" in step.headline and "tear gas" in step.text


def test_merge_headline_on_a_tie_is_the_report_that_names_who_acted():
    from storymap.story.merge import step_from_group

    a = ev("Tents taken down near the square", predicate="take")
    b = ev("The council tells campers to leave the square", file="b.txt", predicate="tell")
    b = type(b)(**{**b.__dict__, "actors": ("Council",)})
    assert step_from_group([a, b]).headline == b.headline


@pytest.mark.parametrize("detail_origin, steps", [
    (OSLO, 1),  # from outside France to a town in it: the detailed report of the move into France
    (PARIS, 2),  # from inside France: another movement, within the country
])
def test_merge_movement_into_a_country_joins_its_detailed_report(detail_origin, steps):
    # Reported by two articles, so it is no lone vague report to fold into a finer one.
    into = [ev("Extra troops ordered to France", file=f, place=None, predicate="send",
               lemmas=("troop", "send", "france", "extra", "order")) for f in ("a.txt", "c.txt")]
    into = [type(e)(**{**e.__dict__, "places": (EventPlace(FRANCE, "destination", 0, 4, 1.0),)}) for e in into]
    words = ("battalion", "fly", "lyon", "infantry", "airborne", "authorize", "order") if detail_origin is OSLO \
        else ("marine", "move", "lyon", "guard", "convoy")
    detail = ev("A unit moved to Lyon", file="b.txt", place=None, predicate="fly", lemmas=words)
    detail = type(detail)(**{**detail.__dict__, "places": (EventPlace(detail_origin, "origin", 0, 4, 1.0),
                                                            EventPlace(LYON, "destination", 0, 4, 1.0))})
    assert len(merge_events([*into, detail])) == steps
