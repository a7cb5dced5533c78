"""Each candidate generator on hand-made docs (spaCy's blank English pipeline, entities set by hand)
and an in-memory gazetteer of invented places: no model is loaded."""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import PhraseMatcher

from storymap.errors import GazetteerMissingError
from storymap.ingest import article_from_text
from storymap.model import Mention, Place, ResolvedMention
from storymap.places import Geoparser, MemoryGazetteer, open_gazetteer
from storymap.places import candidates as C
from storymap.places import qualifiers as Q
from storymap.places.recognise import Recogniser, confirm_weak, longest_then_priority
from storymap.places.words import read_words


def _p(pid, name, kind="city", admin1="Ostland", pop=0, fc="PPL", imp=0.3, lat=10.0, lon=20.0):
    return Place(id=pid, name=name, lat=lat, lon=lon, kind=kind, country="FD", admin1=admin1, geonameid=None,
                 population=pop, feature_code=fc, importance=imp)


FREEDONIA = _p("t:fd", "Freedonia", "country", None, 5_000_000, "PCLI", 1.0)
OSTLAND = _p("t:ost", "Ostland", "region", "Ostland", 900_000, "ADM1", 0.6)
PORT_ELLIS = _p("t:pe", "Port Ellis", pop=250_000, lat=10.1, lon=20.1)
BRACKWATER = _p("t:bw", "Brackwater", pop=150_000, lat=10.2, lon=20.2)
MILLBROOK = _p("t:mb", "Millbrook", pop=900, lat=10.3, lon=20.3)  # a village: weak on its own
FARHOLM = _p("t:fh", "Farholm", admin1="Westmark", pop=900, lat=-30.0, lon=-60.0)  # a village far away
LAGOON = _p("t:bl", "Blue Lagoon", "water", None, 0, "LGN", 0.5)


@pytest.fixture(scope="module")
def gaz():
    return MemoryGazetteer([(p, []) for p in (FREEDONIA, OSTLAND, PORT_ELLIS, BRACKWATER, MILLBROOK, FARHOLM,
                                              LAGOON)], {"t:fd": ["Freedonian"]})


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def doc_of(nlp, text, *ents):
    """A doc of ``text`` whose entities are ``(surface, label)`` pairs, each at its first occurrence."""
    doc = nlp.make_doc(text)
    spans = []
    for surface, label in ents:
        start = text.index(surface)
        span = doc.char_span(start, start + len(surface), label=label)
        assert span is not None, surface
        spans.append(span)
    doc.ents = spans
    return doc


def ctx_for(doc, gaz, **kw):
    return C.Context.for_doc(doc, gaz, **kw)


def found(cands, text):
    return [(text[c.start:c.end], c.source, c.demonym, c.rank, c.weak) for c in cands]


E, R, PH, RUN = C.Priority.ENTITY, C.Priority.RELABELLED, C.Priority.PHRASE, C.Priority.RUN


# -- the table ------------------------------------------------------------------------------------
def test_candidates_table_runs_entities_before_the_gazetteer_scans():
    names = [g.name for g in C.GENERATORS]
    assert names == ["dateline", "NER places", "nationalities", "metonyms", "capitalised runs", "gazetteer phrases"]
    assert C.Priority.ENTITY < C.Priority.RELABELLED < C.Priority.PHRASE < C.Priority.RUN


# -- dateline -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,opens,expected", [
    ("BRACKWATER, Ostland — Rain fell.", True, [("BRACKWATER", "dateline", False, E, False)]),
    ("Storm warning. PORT ELLIS (Wire) - Rain fell.", True, [("PORT ELLIS", "dateline", False, E, False)]),
    ("BRACKWATER, Ostland — Rain fell.", False, []),  # a later piece of a paragraph
    ("ZORBLE, Ostland — Rain fell.", True, []),  # not a place the gazetteer knows
    ("Rain fell on BRACKWATER, they said.", True, []),  # not at the start
])
def test_candidates_dateline(blank, gaz, text, opens, expected):
    doc = doc_of(blank, text)
    ctx = ctx_for(doc, gaz, opens_paragraph=opens)
    assert found(C.dateline(doc, ctx), text) == expected
    assert bool(expected) == ctx.is_closed(0, len(text))


# -- NER places -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,ents,known_only,expected", [
    ("Troops left Port Ellis, Ostland today.", [("Port Ellis, Ostland", "GPE")], True,
     [("Port Ellis", "ner", False, E, False), ("Ostland", "ner", False, E, False)]),
    ("They flew to the Brackwater's port.", [("the Brackwater's", "GPE")], True,
     [("Brackwater", "ner", False, E, False)]),
    ("Rain hit the West today.", [("the West", "LOC")], True, []),  # a direction, too vague
    ("They met at Grand Hall today.", [("Grand Hall", "FAC")], True, []),  # a building nobody knows
    ("It hit Smallton, Ostland on Monday.", [("Smallton", "GPE")], True, [("Smallton", "qualified", False, E, False)]),
    ("Rain fell on Millbrook today.", [("Millbrook", "GPE")], True, [("Millbrook", "ner", False, E, True)]),
    ("Freedonian troops moved.", [("Freedonian", "GPE")], True, [("Freedonian", "ner", True, E, False)]),
    ("Rain fell on Zorbletown today.", [("Zorbletown", "GPE")], True, []),
    ("Rain fell on Zorbletown today.", [("Zorbletown", "GPE")], False, [("Zorbletown", "ner", False, E, False)]),
    ("Rain fell on Brackwater today.", [("Brackwater", "PERSON")], True, []),  # not a place label
    ("The brackwater was found in a barn.", [("brackwater", "GPE")], True, []),  # a common word, not a name
])
def test_candidates_ner_places(blank, gaz, text, ents, known_only, expected):
    doc = doc_of(blank, text, *ents)
    assert found(C.ner_places(doc, ctx_for(doc, gaz, known_only=known_only)), text) == expected


def test_candidates_ner_places_a_person_part_is_not_a_town(blank, gaz):
    text = "Rain fell on Brackwater today."
    doc = doc_of(blank, text, ("Brackwater", "GPE"))
    assert C.ner_places(doc, ctx_for(doc, gaz, person_parts=frozenset({"Brackwater"}))) == []


# -- nationalities --------------------------------------------------------------------------------
@pytest.mark.parametrize("text,ents,expected", [
    ("Freedonian officials spoke.", [("Freedonian", "NORP")], [("Freedonian", "ner", True, E, False)]),
    ("Rain fell near Millbrook today.", [("Millbrook", "NORP")], [("Millbrook", "ner", False, R, True)]),
    ("Rain fell near Millbrook Smith today.", [("Millbrook", "NORP")], []),  # a word of a longer name
    ("The Quakers met.", [("Quakers", "NORP")], []),
])
def test_candidates_nationalities(blank, gaz, text, ents, expected):
    doc = doc_of(blank, text, *ents)
    assert found(C.nationalities(doc, ctx_for(doc, gaz)), text) == expected


# -- metonyms -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,ents,expected", [
    ("They said Freedonia denied it.", [("Freedonia", "ORG")], [("Freedonia", "ner", False, R, False)]),
    ("They said Freedonian denied it.", [("Freedonian", "PERSON")], [("Freedonian", "ner", True, R, False)]),
    ("They met Ostland Smith today.", [("Ostland", "PERSON")], []),  # a first name before a surname
    ("They met Gov. Ostland today.", [("Ostland", "PERSON")], []),  # a title before it
    ("The Ostland Bank closed.", [("Ostland Bank", "ORG")], []),  # a group's name
    # A city too small to act as an ORG: only a weak name, for the article's context to confirm.
    ("They said Brackwater denied it.", [("Brackwater", "ORG")], [("Brackwater", "ner", False, R, True)]),
    ("Rain fell near Millbrook today.", [("Millbrook", "ORG")], [("Millbrook", "ner", False, R, True)]),
    ("They said the millbrook was found.", [("millbrook", "PERSON")], []),  # a common word, not a name
])
def test_candidates_metonyms(blank, gaz, text, ents, expected):
    doc = doc_of(blank, text, *ents)
    assert found(C.metonyms(doc, ctx_for(doc, gaz)), text) == expected


# -- capitalised runs -----------------------------------------------------------------------------
@pytest.mark.parametrize("text,person_parts,expected", [
    ("Troops reached Port Ellis on Monday.", (), [("Port Ellis", "gazetteer", False, RUN, False)]),
    ("Troops reached Brackwater on Monday.", (), [("Brackwater", "gazetteer", False, RUN, False)]),
    ("Troops reached Brackwater on Monday.", ("Brackwater",), []),  # a person's name in this article
    ("Troops reached Mr. Brackwater on Monday.", (), []),  # a title before it
    ("Crowds cheered FREEDONIA and BRACKWATER.", (), [("FREEDONIA", "gazetteer", False, RUN, False)]),
    ("Rain fell near Millbrook today.", (), [("Millbrook", "gazetteer", False, RUN, True)]),
    ("Freedonian troops moved.", (), [("Freedonian", "gazetteer", True, RUN, False)]),
    ("Nothing happened here today.", (), []),
])
def test_candidates_capitalised_runs(blank, gaz, text, person_parts, expected):
    doc = doc_of(blank, text)
    assert found(C.capitalised_runs(doc, ctx_for(doc, gaz, person_parts=frozenset(person_parts))), text) == expected


def test_candidates_capitalised_runs_skip_closed_spans(blank, gaz):
    text = "Troops reached Port Ellis on Monday."
    doc = doc_of(blank, text, ("Port Ellis", "PERSON"))  # people's names are closed to the scans
    assert C.capitalised_runs(doc, ctx_for(doc, gaz)) == []


# -- gazetteer phrases ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def phrases(blank, gaz):
    matcher = PhraseMatcher(blank.vocab, attr="LOWER")
    matcher.add("PLACE", list(blank.tokenizer.pipe(gaz.phrases())))
    return matcher


@pytest.mark.parametrize("text,ents,expected", [
    ("boats crossed the blue lagoon at dawn.", [], [("blue lagoon", "gazetteer", False, PH, False)]),
    ("boats crossed the BLUE LAGOON at dawn.", [], [("BLUE LAGOON", "gazetteer", False, PH, False)]),
    ("The Blue Lagoon Trust met.", [("Blue Lagoon Trust", "NORP")], []),  # inside a closed span
    ("boats crossed the lagoon at dawn.", [], []),
    # A capitalised name around a closed span stands ("Little Havana" around "Havana"); a lower-case one not.
    ("boats crossed Blue Lagoon at dawn.", [("Lagoon", "NORP")], [("Blue Lagoon", "gazetteer", False, PH, False)]),
    ("boats crossed blue Lagoon at dawn.", [("Lagoon", "NORP")], []),
])
def test_candidates_gazetteer_phrases(blank, gaz, phrases, text, ents, expected):
    doc = doc_of(blank, text, *ents)
    assert found(C.gazetteer_phrases(doc, ctx_for(doc, gaz, phrase_matcher=phrases)), text) == expected


# -- the pre-pass and the overlap policy ----------------------------------------------------------
@pytest.mark.parametrize("text,ents,expected", [
    ("Ann Brackwater spoke.", [("Ann Brackwater", "PERSON")], {"Ann", "Brackwater"}),
    ("Freedonia spoke.", [("Freedonia", "PERSON")], set()),  # a country's name is not a person's
    ("Al Smith spoke.", [("Al Smith", "PERSON")], {"Smith"}),  # two letters are too short
    # A surname the model cut off as a place, right after the name; not a country, not after a comma.
    ("Chief Ann Brackwater spoke.", [("Chief Ann", "PERSON"), ("Brackwater", "GPE")], {"Ann", "Brackwater"}),
    ("Ann Freedonia spoke.", [("Ann", "PERSON"), ("Freedonia", "GPE")], {"Ann"}),
    ("Ann, Brackwater spoke.", [("Ann", "PERSON"), ("Brackwater", "GPE")], {"Ann"}),
    # The town an office is of is no part of the name, in the entity or before it.
    ("Millbrook Mayor Ann Lee spoke.", [("Millbrook Mayor Ann Lee", "PERSON")], {"Ann", "Lee"}),
    ("Millbrook Mayor Ann Lee spoke.", [("Millbrook", "PERSON"), ("Ann Lee", "PERSON")], {"Ann", "Lee"}),
])
def test_candidates_person_parts(blank, gaz, text, ents, expected):
    assert C.person_parts(doc_of(blank, text, *ents), gaz) == expected


def _c(start, end, rank=E, source="ner"):
    return C.SpanCandidate(start, end, source, False, rank)


@pytest.mark.parametrize("cands,expected", [
    ([_c(0, 5), _c(0, 10, RUN)], [_c(0, 10, RUN)]),  # the longer wins whatever its priority
    ([_c(0, 5, RUN, "gazetteer"), _c(0, 5, E)], [_c(0, 5, E)]),  # equal length: the lower priority
    ([_c(3, 8), _c(0, 5)], [_c(0, 5)]),  # equal length and priority: the earlier
    ([_c(6, 9), _c(0, 5)], [_c(0, 5), _c(6, 9)]),  # no overlap: both, in text order
])
def test_recognise_overlap_policy(cands, expected):
    assert longest_then_priority(cands) == expected


def test_recognise_overlap_policy_is_swappable(blank, gaz):
    text = "Troops reached Port Ellis and Brackwater."
    art = article_from_text(text, "a.txt")
    everything = Recogniser(gaz, blank, overlaps=lambda cs: sorted(cs, key=lambda c: c.start))
    first_only = Recogniser(gaz, blank, overlaps=lambda cs: sorted(cs, key=lambda c: c.start)[:1])
    assert [m.text for m in everything.recognise_all(art)[0]] == ["Port Ellis", "Brackwater"]
    assert [m.text for m in first_only.recognise_all(art)[0]] == ["Port Ellis"]


# -- confirmation of weak names and the one entry -------------------------------------------------
def _mention(text, start=0):
    return Mention("a.txt", start, start + len(text), text, "context")


@pytest.mark.parametrize("weak,resolved,expected", [
    (["Millbrook"], [ResolvedMention(_mention("Port Ellis"), PORT_ELLIS, 0.9)], ["Millbrook"]),  # same region
    (["Farholm"], [ResolvedMention(_mention("Port Ellis"), PORT_ELLIS, 0.9)], []),  # far, another region
    (["Millbrook"], [ResolvedMention(_mention("Port Ellis"), PORT_ELLIS, 0.3)], []),  # not confident
    (["Millbrook"], [ResolvedMention(_mention("Freedonia"), FREEDONIA, 1.0)], []),  # a country says too little
])
def test_recognise_confirm_weak(gaz, weak, resolved, expected):
    assert [m.text for m in confirm_weak([_mention(w) for w in weak], resolved, gaz)] == expected


def test_geoparser_takes_its_model_and_gazetteer(blank, gaz):
    text = "Troops reached Port Ellis. Rain fell near Millbrook today."
    got = Geoparser(gaz, blank)(article_from_text(text, "a.txt"))
    assert [(r.mention.text, r.mention.source, r.place.id) for r in got] == [
        ("Port Ellis", "gazetteer", "t:pe"), ("Millbrook", "context", "t:mb")]


def test_open_gazetteer_missing_names_the_build_command(tmp_path):
    with pytest.raises(GazetteerMissingError, match=r"gaz\.sqlite: gazetteer not found; build it with "
                                                   r"'python geodata/build_gazetteer\.py'"):
        open_gazetteer(tmp_path / "gaz.sqlite")
    assert not (tmp_path / "gaz.sqlite").exists()


# -- the qualifier rule ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,end,expected", [
    ("Smallton, Ostland said", 8, "Ostland"),
    ("Smallton, New Ostland.", 8, "New Ostland."),  # a full stop may end an abbreviation ("Conn.")
    ("Smallton, Conn. said", 8, "Conn."),
    ("Smallton, where rain fell", 8, None),
    ("Smallton said", 8, None),
])
def test_qualifiers_after(text, end, expected):
    assert Q.qualifier_after(text, end) == expected


@pytest.mark.parametrize("gap,expected", [(", ", True), (",", True), (" , ", True), (" in ", True),
                                          (" and ", False), (" in the ", False)])
def test_qualifiers_gap(gap, expected):
    assert Q.is_qualifier_gap(gap) is expected


@pytest.mark.parametrize("place,quals,expected", [
    (PORT_ELLIS, [OSTLAND], True),
    (FARHOLM, [OSTLAND], False),
    (PORT_ELLIS, [FREEDONIA], True),
    (OSTLAND, [OSTLAND], False),  # a place does not qualify itself
])
def test_qualifiers_qualifies(place, quals, expected):
    assert Q.qualifies(place, quals) is expected


def test_qualifiers_pairs(gaz):
    text = "Port Ellis, Ostland and Brackwater in Freedonia and Millbrook"
    names = ["Port Ellis", "Ostland", "Brackwater", "Freedonia", "Millbrook"]
    ms = [_mention(n, text.index(n)) for n in names]
    pairs = Q.qualifier_pairs(text, ms, [gaz.lookup(n) for n in names])
    assert {i: [p.id for p in ps] for i, ps in pairs.items()} == {0: ["t:ost"], 2: ["t:fd"]}


@pytest.mark.parametrize("gap,place,expected", [
    (", ", OSTLAND, True), (",", FREEDONIA, True), (" , ", OSTLAND, False), (" in ", OSTLAND, False),
    (", ", PORT_ELLIS, False),
])
def test_qualifiers_previous(gap, place, expected):
    text = "Smallton" + gap + place.name
    assert Q.qualifies_previous(text, 8, 8 + len(gap), place) is expected


# -- word lists -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["org_words", "titles", "connectors", "not_alone", "directions",
                                  "institution_words", "admin_suffixes", "direction_prefixes"])
def test_words_lists_have_a_header_and_lower_case_entries(name):
    words = read_words(name)
    assert words and all(w == w.lower() and w == w.strip() for w in words)
    assert len(set(words)) == len(words)


def test_words_list_without_licence_is_refused(tmp_path, monkeypatch):
    from storymap.places import words

    (tmp_path / "bad.txt").write_text("# source: x\nred\n", encoding="utf-8")
    monkeypatch.setattr(words, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match=r"bad\.txt: expected a '# licence:' line"):
        read_words("bad")


def test_geoparser_default_opens_the_installed_parts_once(monkeypatch, blank, gaz, tmp_path):
    from storymap.places import geoparse

    opened = []
    monkeypatch.setattr(geoparse, "open_gazetteer", lambda path: opened.append(path) or gaz)
    monkeypatch.setattr(geoparse, "load_nlp", lambda: blank)
    monkeypatch.setattr(geoparse, "_installed_parts", {})
    monkeypatch.setenv("STORYMAP_GAZETTEER", str(tmp_path / "g.sqlite"))
    a, b = Geoparser.default(), Geoparser.default(keep_unknown=True)
    assert opened == [tmp_path / "g.sqlite"]
    assert a is not b and a.gazetteer is b.gazetteer is gaz and a.nlp is b.nlp is blank
    assert a.recogniser.known_only and not b.recogniser.known_only


def test_geoparser_default_without_a_gazetteer_is_one_error_and_caches_nothing(monkeypatch, tmp_path):
    from storymap.places import geoparse

    monkeypatch.setattr(geoparse, "_installed_parts", {})
    monkeypatch.setattr(geoparse, "load_nlp", lambda: pytest.fail("the model is not loaded first"))
    monkeypatch.setenv("STORYMAP_GAZETTEER", str(tmp_path / "none.sqlite"))
    with pytest.raises(GazetteerMissingError, match="none.sqlite: gazetteer not found; build it with"):
        Geoparser.default()
    assert geoparse._installed_parts == {}
