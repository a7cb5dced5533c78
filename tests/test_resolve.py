"""Resolver tests on hand-made places and mentions (no model, no database)."""

import pytest

from storymap.model import Mention
from storymap.places.resolve import ResolverConfig, resolve


@pytest.fixture(params=["learned", "hand"])
def cfg(request):
    """Each test runs with the shipped learned ranker and with the hand-set weights."""
    return ResolverConfig(ranker=request.param)


def mentions_in(text, *names, demonyms=()):
    out, pos = [], 0
    for n in names:
        i = text.index(n, pos)
        out.append(Mention("t.txt", i, i + len(n), n, demonym=n in demonyms))
        pos = i + len(n)
    return out


def test_resolve_qualifier_picks_the_state_named(cfg, mem_gaz, places):
    text = "A battalion at Fort Bragg, North Carolina, will deploy."
    res = resolve(mentions_in(text, "Fort Bragg", "North Carolina"), mem_gaz, text, cfg)
    assert res[0].place == places["bragg_nc"]
    text = "A festival in Fort Bragg, California, drew crowds."
    res = resolve(mentions_in(text, "Fort Bragg", "California"), mem_gaz, text, cfg)
    assert res[0].place == places["bragg_ca"]


def test_resolve_context_country_places_al_qaim(cfg, mem_gaz, places):
    text = "Strikes near Al-Qaim in Iraq."
    res = resolve(mentions_in(text, "Al-Qaim", "Iraq"), mem_gaz, text, cfg)
    assert res[0].place == places["qaim"] and res[1].place == places["iq"]


@pytest.mark.parametrize("text,names,expected", [
    ("Georgia voters went to the polls in Atlanta.", ("Georgia", "Atlanta"), "ga_us"),
    ("Georgia's parliament met in Tbilisi.", ("Georgia", "Tbilisi"), "ge"),
])
def test_resolve_context_chooses_between_country_and_state(cfg, mem_gaz, places, text, names, expected):
    res = resolve(mentions_in(text, *names), mem_gaz, text, cfg)
    assert res[0].place == places[expected]


def test_resolve_one_sense_per_discourse(cfg, mem_gaz):
    text = "Fort Bragg, North Carolina. Later, Fort Bragg again."
    res = resolve(mentions_in(text, "Fort Bragg", "North Carolina", "Fort Bragg"), mem_gaz, text, cfg)
    assert res[0].place == res[2].place


def test_resolve_scores_and_alternatives(cfg, mem_gaz, places):
    text = "Fort Bragg is a name two towns share."
    (r,) = resolve(mentions_in(text, "Fort Bragg"), mem_gaz, text, cfg)
    assert 0 < r.score <= 1
    assert [c.place for c in r.alternatives] == [places["bragg_ca"]]
    assert r.score >= r.alternatives[0].score


def test_resolve_demonym_is_its_country(cfg, mem_gaz, places):
    text = "Iranian officials spoke."
    (r,) = resolve(mentions_in(text, "Iranian", demonyms=("Iranian",)), mem_gaz, text, cfg)
    assert r.place == places["ir"] and r.kind == "demonym"


def test_resolve_unknown_name_is_unresolved(cfg, mem_gaz):
    text = "Somewhere in Atlantis."
    (r,) = resolve(mentions_in(text, "Atlantis"), mem_gaz, text, cfg)
    assert r.place is None and r.score == 0 and r.kind is None


@pytest.mark.parametrize("suffixed,key", [("Anbar province", "anbar"), ("Anbar Governorate", "anbar")])
def test_resolve_strips_division_words(cfg, mem_gaz, places, suffixed, key):
    text = f"Fighting in {suffixed}."
    (r,) = resolve(mentions_in(text, suffixed), mem_gaz, text, cfg)
    assert r.place == places[key]


def test_resolve_home_country_prior_is_optional(cfg, mem_gaz, places):
    text = "Georgia."
    (r,) = resolve(mentions_in(text, "Georgia"), mem_gaz, text, cfg)
    assert r.place == places["ge"]
    (r,) = resolve(mentions_in(text, "Georgia"), mem_gaz, text, ResolverConfig(ranker=cfg.ranker, home_country="US", home_bonus=2.0))
    assert r.place == places["ga_us"]


def test_resolve_unknown_town_qualified_by_state_sits_in_the_state(cfg, mem_gaz, places):
    text = "Officials in Smallville, North Carolina, said so."
    res = resolve(mentions_in(text, "Smallville", "North Carolina"), mem_gaz, text, cfg)
    assert res[0].place == places["nc"] and res[0].score < 0.5


@pytest.mark.parametrize("text,name", [
    ("Rockets hit Baghdad overnight, officials in Iraq said.", "Baghdad"),
    ("Protesters marched in Baghdad.", "Baghdad"),
])
def test_resolve_city_over_the_province_named_after_it(cfg, mem_gaz, places, text, name):
    res = resolve(mentions_in(text, name), mem_gaz, text, cfg)
    assert res[0].place == places["baghdad"]


def _state_and_village():
    from storymap.model import Place
    from storymap.places.gazetteer import MemoryGazetteer

    def P(pid, name, lat, lon, kind, admin1, pop, code):
        return Place(id=pid, name=name, lat=lat, lon=lon, kind=kind, country="US", admin1=admin1,
                     population=pop, feature_code=code)

    # Invented: a state "Marlow" far away, and a village called Marlow in the state "Kendal" the
    # article is about.
    places = {"marlow_state": P("t:1", "Marlow", 33.0, -87.0, "region", "Marlow", 4_000_000, "ADM1"),
              "marlow_village": P("t:2", "Marlow", 42.9, -78.2, "city", "Kendal", 1_800, "PPL"),
              "kendal": P("t:3", "Kendal", 43.0, -76.0, "region", "Kendal", 19_000_000, "ADM1"),
              "oakton": P("t:4", "Oakton", 42.88, -78.87, "city", "Kendal", 260_000, "PPL")}
    return places, MemoryGazetteer([(p, []) for p in places.values()])


@pytest.mark.parametrize("text,names,expected", [
    # A bare state name is the state, even in an article about another state that has a namesake village.
    ("In Oakton, Kendal, a doctor spoke of a nurse wounded in Marlow last year.",
     ("Oakton", "Kendal", "Marlow"), "marlow_state"),
    # A qualifier says the village is meant.
    ("In Oakton, Kendal, crews reached Marlow, Kendal, on Monday.",
     ("Oakton", "Kendal", "Marlow", "Kendal"), "marlow_village"),
])
def test_resolve_a_bare_state_name_is_the_state_not_a_namesake_village(cfg, text, names, expected):
    places, gaz = _state_and_village()
    res = resolve(mentions_in(text, *names), gaz, text, cfg)
    assert res[2].place == places[expected]
