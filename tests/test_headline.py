"""Headlines and clause reading on invented sentences (the small model's parser; loaded once)."""

import pytest

from storymap.story import clauses as cl
from storymap.story.headline import MAX_CHARS, fallback_headline, headline, present


@pytest.fixture(scope="module")
def parser():
    import warnings

    import spacy
    from storymap.places.recognise import MODEL_PACKAGE

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return spacy.load(MODEL_PACKAGE, exclude=["ner", "senter"])


@pytest.mark.parametrize("lemma,plural,expected", [("kill", False, "kills"), ("kill", True, "kill"),
                                                   ("reach", False, "reaches"), ("carry", False, "carries"),
                                                   ("be", False, "is"), ("have", False, "has")])
def test_headline_present_tense(lemma, plural, expected):
    assert present(lemma, plural) == expected


@pytest.mark.parametrize("sentence", [
    "Volunteers in wet boots and borrowed gloves, who had come from three neighbouring villages and a distant "
    "town, rebuilt the flooded primary school beside the old mill on the river bank in a single long weekend.",
    "The council voted.",
])
def test_headline_at_most_80_chars_and_never_cut(sentence):
    h = fallback_headline(sentence)
    assert len(h) <= MAX_CHARS and not h.endswith("…") and sentence.startswith(h.split()[0])


def test_headline_from_the_clause(parser):
    doc = parser("The volunteers rebuilt the flooded school on Monday.")
    (c,) = cl.clauses(doc)
    assert headline(c, "in Lyon") == "Volunteers rebuild flooded school in Lyon"


def test_clause_attached_date_wins_over_a_nouns_date(parser):
    text = "The mayor thanked the crews on Monday for their work in the 2015 floods."
    doc = parser(text)
    (c,) = cl.clauses(doc)
    monday, year = text.index("Monday"), text.index("2015")
    assert cl.attached(doc, monday, monday + 6, c) and not cl.attached(doc, year, year + 4, c)
    assert cl.names_a_thing(doc, year, year + 4)


def test_clause_reported_speech_gives_the_governed_clause(parser):
    (c,) = cl.clauses(parser("Police said they had arrested two men overnight."))
    assert c.reported and c.lemma == "arrest" and c.past


def test_clause_opinion_is_not_a_happening(parser):
    assert all(c.opinion for c in cl.clauses(parser("The storm could reach the coast, forecasters said.")))


@pytest.mark.parametrize("line", ["Firefighters at the scene. Picture: Jane Doe / AFP",
                                  "media_cameraA crowd outside the town hall."])
def test_clause_caption_is_not_an_event(line, parser):
    assert cl.is_caption(line, parser(line))


@pytest.mark.parametrize("sentence,role", [
    ("The crews flew from Oslo to the coast.", "origin"),
    ("The crews worked from Oslo all week.", "mentioned"),
    ("A fire broke out in Oslo on Monday.", "site"),
])
def test_clause_movement_only_with_a_motion_verb(sentence, role, parser):
    doc = parser(sentence)
    c = cl.clauses(doc)[0]
    i = sentence.index("Oslo")
    assert cl.place_role(doc, i, i + 4, c) == role
