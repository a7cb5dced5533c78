import pytest
from hypothesis import given, strategies as st

from storymap.places.names import is_latin_name, normalize_name


@pytest.mark.parametrize("variants", [
    ["Al-Qaim", "Al Qaim", "Al Qa'im", "al-Qa’im", "AL QAIM"],
    ["Fort Bragg", "Ft. Bragg", "ft bragg"],
    ["Green Zone", "the green zone", "THE GREEN ZONE"],
    ["Kirkuk", "Kirkūk"],
    ["Saint Louis", "St. Louis", "St Louis"],
])
def test_names_variants_meet_at_one_key(variants):
    assert len({normalize_name(v) for v in variants}) == 1


@pytest.mark.parametrize("name,latin", [("Baghdad", True), ("Kirkūk", True), ("بغداد", False), ("Багдад", False)])
def test_names_latin_script(name, latin):
    assert is_latin_name(name) is latin


@given(st.text())
def test_names_normalize_is_idempotent(s):
    once = normalize_name(s)
    assert normalize_name(once) == once
