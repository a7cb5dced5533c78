import pytest
from geopy.geocoders.base import Geocoder
from geopy.location import Location

from storymap.geocoder import GazetteerGeocoder, UnknownServiceError, get_geocoder


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
