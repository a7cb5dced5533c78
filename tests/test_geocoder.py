import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from storymap.places.geocode import GazetteerGeocoder, UnknownServiceError, get_geocoder


def test_geocoder_is_a_geopy_geocoder(mem_gaz):
    assert isinstance(GazetteerGeocoder(mem_gaz), Geocoder)


def test_geocoder_exactly_one_returns_location(mem_gaz):
    loc = GazetteerGeocoder(mem_gaz).geocode("Fort Bragg")
    assert isinstance(loc, Location)
    assert (loc.latitude, loc.longitude) == (35.139, -79.006)
    assert loc.raw["country"] == "US"


def test_geocoder_ranked_list_and_country_filter(mem_gaz):
    g = GazetteerGeocoder(mem_gaz)
    assert len(g.geocode("Fort Bragg", exactly_one=False)) == 2
    assert g.geocode("Georgia", exactly_one=False, country_codes="GE")[0].raw["kind"] == "country"
    assert g.geocode("Nowhere at all") is None


def test_geocoder_registry_names_valid_services():
    with pytest.raises(UnknownServiceError, match="nominatim"):
        get_geocoder("no-such-service")


@pytest.mark.parametrize("name, env", [("opencage", "STORYMAP_OPENCAGE_KEY"), ("herev7", "STORYMAP_HEREV7_KEY"),
                                       ("geocodeearth", "STORYMAP_GEOCODEEARTH_KEY")])
def test_geocoder_key_env_name(name, env):
    from storymap.places.geocode import service_key_env

    assert service_key_env(name) == env


def test_geocoder_one_registry_serves_both_factories():
    from storymap.places.geocode import SERVICES

    g = get_geocoder("opencage", api_key="k")
    assert type(g) is SERVICES["opencage"].geopy_class and g.api_key == "k"
    with pytest.raises(UnknownServiceError, match="expected one of: offline, arcgis"):
        get_geocoder("liveaddress")  # two credentials: not offered


@pytest.mark.parametrize("name, given, env, outcome", [
    ("opencage", "k1", None, "k1"), ("opencage", None, "k2", "k2"), ("opencage", "k1", "k2", "k1"),
    ("nominatim", None, None, None), ("nominatim", "k1", None, "takes no API key"),
    ("opencage", None, None, "needs an API key"), ("opencage", "k\n1", None, "printable"),
])
def test_geocoder_service_key_resolution(monkeypatch, name, given, env, outcome):
    from storymap.places.geocode import MissingServiceKeyError, service_key, service_key_env

    monkeypatch.delenv(service_key_env(name), raising=False)
    if env:
        monkeypatch.setenv(service_key_env(name), env)
    if outcome is None or outcome.startswith("k"):
        assert service_key(name, given) == outcome
    else:
        with pytest.raises(MissingServiceKeyError, match=outcome):
            service_key(name, given)
