"""Gazetteer tests: the in-memory fake, and the built SQLite database (skipped until it is built)."""

import pytest

from storymap.errors import GazetteerMissingError
from storymap.places.gazetteer import Gazetteer, haversine_km


def test_gazetteer_memory_lookup_folds_spelling(mem_gaz, places):
    for q in ("Al-Qaim", "al qaim", "Al Qa’im"):
        assert [m.place for m in mem_gaz.lookup(q)] == [places["qaim"]]


def test_gazetteer_memory_demonym_flag(mem_gaz):
    (m,) = mem_gaz.lookup("Iranian")
    assert m.demonym and m.place.name == "Iran"


def test_gazetteer_missing_database_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerMissingError, match="gazetteer not found"):
        Gazetteer(tmp_path / "none.sqlite")


@pytest.mark.parametrize("a,b,km", [((0, 0), (0, 1), 111.2), ((33.34, 44.40), (35.47, 44.39), 237.0)])
def test_gazetteer_haversine(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, rel=0.01)


# -- the built database ----------------------------------------------------------------------

@pytest.mark.parametrize("name,kind,country,lat,lon", [
    ("Kirkuk", "city", "IQ", 35.47, 44.39),
    ("Al-Qaim", "city", "IQ", 34.37, 41.09),
    ("North Carolina", "region", "US", 35.5, -80.0),
    ("Anbar", "region", "IQ", 33.4, 42.5),
    ("Turkey", "country", "TR", 39.0, 35.0),
    ("United States", "country", "US", 39.76, -98.5),
    ("Persian Gulf", "water", None, 26.5, 52.0),
    ("Strait of Hormuz", "water", None, 26.6, 56.4),
    ("Green Zone", "district", "IQ", 33.30, 44.39),
    ("Middle East", "area", None, 29.0, 41.0),
])
def test_gazetteer_real_entries(real_gaz, name, kind, country, lat, lon):
    ms = [m for m in real_gaz.lookup(name) if m.place.kind == kind and m.place.country == country]
    assert ms, f"{name} ({kind}) missing"
    p = ms[0].place
    assert haversine_km(p.lat, p.lon, lat, lon) < 400


@pytest.mark.parametrize("demonym,country", [("Iranian", "IR"), ("Turkish", "TR"), ("Iraqi", "IQ"), ("American", "US")])
def test_gazetteer_real_demonyms(real_gaz, demonym, country):
    assert any(m.demonym and m.place.country == country for m in real_gaz.lookup(demonym))


def test_gazetteer_real_country_has_polygon(real_gaz):
    import shapely
    from shapely.geometry import Point

    iq = next(m.place for m in real_gaz.lookup("Iraq") if m.place.kind == "country")
    geom = shapely.from_wkb(real_gaz.geometry_wkb(iq.id))
    assert geom.contains(Point(44.40, 33.34))  # Baghdad (lon, lat)
    assert not geom.contains(Point(51.39, 35.69))  # Tehran


@pytest.mark.parametrize("name, lat, lon", [("Hungary", 47.50, 19.04), ("Myanmar", 16.87, 96.20), ("Serbia", 44.80, 20.47)])
def test_gazetteer_real_country_without_a_countryinfo_shape_gets_the_basemaps(real_gaz, name, lat, lon):
    import shapely
    from shapely.geometry import Point

    p = next(m.place for m in real_gaz.lookup(name) if m.place.kind == "country")
    assert shapely.from_wkb(real_gaz.geometry_wkb(p.id)).contains(Point(lon, lat))  # its capital or main city


@pytest.mark.parametrize("abbreviation, division", [("Calif.", "California"), ("Ont.", "Ontario"),
                                                    ("Sask.", "Saskatchewan"), ("Qld", "Queensland"),
                                                    ("NSW", "New South Wales"), ("B.C.", "British Columbia")])
def test_gazetteer_real_newspaper_abbreviations_name_their_division(real_gaz, abbreviation, division):
    assert any(m.place.feature_code == "ADM1" and m.place.name == division for m in real_gaz.lookup(abbreviation))


@pytest.mark.parametrize("name, country", [("Ceylon", "LK"), ("Zaire", "CD"), ("Soviet Union", "RU"), ("Persia", "IR")])
def test_gazetteer_real_former_country_names_name_the_country(real_gaz, name, country):
    assert any(m.place.kind == "country" and m.place.country == country for m in real_gaz.lookup(name))


@pytest.mark.parametrize("name", ["India", "Alaska", "Palestine"])
def test_gazetteer_real_small_towns_do_not_borrow_a_country_or_states_name(real_gaz, name):
    big = [m.place for m in real_gaz.lookup(name) if m.place.kind == "country" or m.place.feature_code == "ADM1"]
    assert big
    borrowed = [m.place for m in real_gaz.lookup(name) if not m.primary and m.place.kind == "city"
                and m.place.population < 100_000 and all((m.place.country, m.place.admin1) != (b.country, b.name) for b in big)]
    assert borrowed == []


@pytest.mark.parametrize("name, country", [("Frankfurt", "DE"), ("Saint Petersburg", "RU")])
def test_gazetteer_real_towns_do_not_borrow_a_big_foreign_citys_name(real_gaz, name, country):
    found = real_gaz.lookup(name)
    assert any(m.place.kind == "city" and m.place.country == country for m in found)
    # another country's town keeps the name only as its own primary name ("St. Petersburg", Florida)
    assert all(m.primary for m in found if m.place.kind == "city" and m.place.country != country)


def test_gazetteer_real_every_country_point_lies_in_its_shape(real_gaz):
    import sqlite3

    import shapely
    from shapely.geometry import Point

    with sqlite3.connect(f"file:{real_gaz.path}?mode=ro", uri=True) as db:
        rows = db.execute("SELECT name, lat, lon, geometry FROM places WHERE kind = 'country' AND geometry IS NOT NULL")
        outside = [name for name, lat, lon, geom in rows if not shapely.from_wkb(geom).contains(Point(lon, lat))]
    assert outside == []


@pytest.mark.parametrize("name, lat, lon", [("Kuwait", 29.37, 47.98)])  # its capital, not the desert west of it
def test_gazetteer_real_country_point_is_near_its_middle(real_gaz, name, lat, lon):
    p = next(m.place for m in real_gaz.lookup(name) if m.place.kind == "country")
    assert haversine_km(p.lat, p.lon, lat, lon) < 60


@pytest.mark.parametrize("query, first", [("Burma", "MM"), ("Bombay", "IN"), ("Kuwait", "KW"), ("Kirkuk", "IQ")])
def test_gazetteer_search_an_exact_alternate_name_beats_a_village_spelled_alike(real_gaz, query, first):
    # A former or English name ("Burma") is an exact match of the country, which outranks a small
    # place whose own name folds to the same letters.
    assert real_gaz.search(query, limit=3)[0].place.country == first


def test_gazetteer_capitals_by_country(mem_gaz):
    caps = mem_gaz.capitals()
    assert caps["IQ"].name == "Baghdad" and caps["GE"].name == "Tbilisi" and "US" not in caps


def test_gazetteer_capitals_from_the_shipped_gazetteer(real_gaz):
    caps = real_gaz.capitals()
    assert caps["FR"].name == "Paris" and caps["KE"].name == "Nairobi" and len(caps) > 150
