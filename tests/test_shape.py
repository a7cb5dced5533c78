"""Tests for the story's shape: the overview step, the storyline window, background, the title."""

from __future__ import annotations

from dataclasses import replace

import pytest

from storymap.story import Source, Step, StepPlace, Story, dumps_story, loads_story
from storymap.story.shape import OVERVIEW_ID, add_overview, pick_title, storyline_window

PORT = StepPlace("Porto Lindo", 10.0, 20.0, "city", place_id="gn:1", country="XX")
HILL = StepPlace("Monte Verde", 11.0, 21.0, "city", place_id="gn:2", country="XX")
LAND = StepPlace("Arcadia", 12.0, 22.0, "country", place_id="gn:3", country="XX")


def step(i, date, *, corroboration=1, places=(PORT,), kind="event", headline=None):
    src = tuple(Source(f"a{n}.txt", 0, 5) for n in range(corroboration))
    return Step(f"s{i}", date, f"Title {i}", f"Text {i}.", places, src, corroboration=corroboration,
                kind=kind, headline=headline)


def story(steps, titles=()):
    arts = [{"file": f"a{n}.txt", "title": t, "date": d} for n, (t, d) in enumerate(titles)]
    return Story("Old title", tuple(steps), metadata={"articles": arts})


@pytest.mark.parametrize("dates, window", [
    (["2015-03-01", "2020-05-01", "2020-05-03", "2020-05-09", "2020-06-30"], ("2020-05-01", "2020-05-09")),
    (["2020-05-01"], ("2020-05-01", "2020-05-01")),
    (["2019", "2020-02", "2020-02-10"], ("2020-02-10", "2020-02-10")),  # day-precise steps set the window
    (["2019", "2020"], ("2019-01-01", "2019-12-31")),
])
def test_shape_storyline_is_the_densest_window(dates, window):
    got = storyline_window([step(i, d) for i, d in enumerate(dates)])
    assert tuple(d.isoformat() for d in got) == window


def test_shape_storyline_of_undated_steps_is_none():
    assert storyline_window([step(0, None)]) is None


def test_shape_overview_is_first_and_earlier_steps_become_background():
    steps = [step(0, "2015-03-01", places=(HILL,)), step(1, "2020-05-01"), step(2, "2020-05-03", corroboration=3,
             headline="Flood waters reach the harbour", places=(PORT, LAND)), step(3, "2020-05-05"), step(4, None)]
    out = add_overview(story(steps))
    ov = out.steps[0]
    assert ov.id == OVERVIEW_ID and ov.kind == "overview" and ov.is_overview
    assert [s.kind for s in out.steps[1:]] == ["background", "event", "event", "event", "event"]
    assert (ov.date, ov.date_end) == ("2020-05-01", "2020-05-05")
    assert [p.name for p in ov.places] == ["Porto Lindo", "Arcadia"]  # distinct places of the event steps
    assert all(p.role == "mentioned" for p in ov.places)
    assert "Flood waters reach the harbour in Porto Lindo, 3 May 2020" in ov.text
    assert "1 May 2020 – 5 May 2020" in ov.text and out.summary == ov.text
    assert all(OVERVIEW_ID not in e.steps for e in out.places)  # the index lists the real steps only
    assert loads_story(dumps_story(out)) == out


@pytest.mark.parametrize("first_article, kinds", [
    # The first article reports the 1 May ruling: it is news of the story, though the storyline (the
    # densest ten days) is three weeks later; the March rescue it recalls is background.
    ("2020-05-01", ["background", "event", "event", "event"]),
    ("2020-05-20", ["background", "background", "event", "event"]),  # the articles only look back on it
    (None, ["background", "background", "event", "event"]),  # no article date: the storyline alone
])
def test_shape_what_the_articles_report_is_no_background(first_article, kinds):
    steps = [step(0, "2020-03-01"), step(1, "2020-05-01"), step(2, "2020-05-20"), step(3, "2020-05-22")]
    titles = [("Court rules on custody", first_article)] if first_article else []
    out = add_overview(story(steps, titles))
    assert [s.kind for s in out.steps[1:]] == kinds


def test_shape_add_overview_twice_keeps_one_overview():
    once = add_overview(story([step(1, "2020-05-01")]))
    assert add_overview(once).steps == once.steps


@pytest.mark.parametrize("titles, expected", [
    # the headline sharing most words with the others wins
    ([("Harbour closed as floods rise", "2020-05-01"), ("UPDATE: Floods close Porto Lindo harbour", "2020-05-03"),
      ("Porto Lindo residents flee", "2020-05-04")], "Floods close Porto Lindo harbour"),
    # on a tie, the earliest article's
    ([("Rain swamps valley farms today", "2020-05-03"), ("Storm topples old radio mast", "2020-05-01")],
     "Storm topples old radio mast"),
    # a first sentence taken for a title, and a headline of too few words, are not titles
    ([("The storm that swept the coast overnight left thousands of homes without power and closed the main "
       "coastal road for most of the day, officials said", "2020-05-01"), ("Storm news", "2020-05-01")], "Old title"),
    ([], "Old title"),
])
def test_shape_title_comes_from_the_articles_headlines(titles, expected):
    arts = [{"title": t, "date": d} for t, d in titles]
    assert pick_title(arts, "Old title") == expected


def test_shape_a_given_title_is_kept():
    s = story([step(1, "2020-05-01")], [("Floods cut off Porto Lindo harbour", "2020-05-02")])
    assert add_overview(s).title == "Floods cut off Porto Lindo harbour"
    assert add_overview(s, keep_title=True).title == "Old title"


@pytest.mark.parametrize("steps, title", [
    # Articles without headlines: the main event names the story, with its site when not named.
    ([step(0, "2015-03-01", places=(HILL,), headline="Old mill burns"),
      step(1, "2020-05-03", corroboration=3, headline="Dam bursts upstream")], "Dam bursts upstream in Porto Lindo"),
    ([step(1, "2020-05-03", headline="Porto Lindo dam bursts")], "Porto Lindo dam bursts"),
    ([step(1, "2020-05-03", headline="Dam bursts in Monte Verde", places=(PORT, HILL))], "Dam bursts in Monte Verde"),
])
def test_shape_a_story_without_headlines_is_titled_by_its_main_event(steps, title):
    assert add_overview(story(steps)).title == title
    assert add_overview(story(steps, [("Storm news", "2020-05-01")])).title == "Old title"  # a headline


@pytest.mark.parametrize("date, given, kept", [("2018", "day", None), ("2018-05-02", "day", "day"),
                                               ("2018", "decade", "decade"), (None, "year", None)])
def test_shape_a_precision_finer_than_the_date_is_dropped(date, given, kept):
    out = add_overview(story([step(1, "2020-05-01"), replace(step(2, date), date_precision=given)]))
    assert out.steps[2].date_precision == kept
    loads_story(dumps_story(out))


@pytest.mark.parametrize("titles, main", [
    # Two steps as well reported: the one the articles' headlines are about is the main event.
    ((("Dam bursts above Porto Lindo", "2020-05-03"), ("Porto Lindo dam gives way", "2020-05-04")),
     "Dam bursts upstream"),
    ((("Minister tours the harbour", "2020-05-03"),), "Minister tours harbour"),
    # A step reported by far fewer articles is not the main event, whatever the headlines say.
    ((("Ferry sinks off Porto Lindo", "2020-05-03"),), "Dam bursts upstream"),
])
def test_shape_main_event_is_what_the_headlines_are_about(titles, main):
    steps = [step(0, "2020-05-03", corroboration=4, headline="Dam bursts upstream"),
             step(1, "2020-05-03", corroboration=4, headline="Minister tours harbour"),
             step(2, "2020-05-04", corroboration=1, headline="Ferry sinks")]
    ov = add_overview(story(steps, titles)).steps[0]
    assert ov.text.startswith(main)
