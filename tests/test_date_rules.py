"""The rule table and calendar data of storymap.dates: every rule matches and normalises its own
example; the word tables load with the rows they should have."""

from __future__ import annotations

import datetime as dt

import pytest

from storymap.dates import calendar, find_timexes
from storymap.dates.normalise import LOOKBACK, Context, Normalised, normalise
from storymap.dates.rules import RULES

DCT = dt.date(2020, 1, 15)


@pytest.mark.parametrize("rule", RULES, ids=[r.name for r in RULES])
def test_rule_matches_and_normalises_its_example(rule):
    m = rule.pattern.search(rule.example)
    assert m is not None, f"{rule.name} does not match its example {rule.example!r}"
    ctx = Context(rule.example, DCT)
    if rule.anaphoric:
        ctx.remember("2020-01-10", 0)  # an earlier date for "that day", "a year earlier" to refer to
    res = normalise(rule.normalise, m, ctx)
    assert isinstance(res, Normalised), f"{rule.name} gives no value for {rule.example!r}"
    assert res.type in ("DATE", "TIME", "DURATION", "SET")


def test_rules_have_unique_names_and_named_normalisers():
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))
    assert not [r.name for r in RULES if r.normalise.__name__ == "<lambda>"]


@pytest.mark.parametrize("table, n", [
    ("MONTHS", 12), ("WEEKDAYS", 7), ("SEASONS", 5), ("PARTS_OF_DAY", 9), ("UNITS", 12),
    ("NUMBERS", 39), ("ORDINALS", 27), ("FIXED_HOLIDAYS", 23), ("FLOATING_HOLIDAYS", 11),
])
def test_calendar_table_loads_with_its_rows(table, n):
    assert len(getattr(calendar, table)) == n


@pytest.mark.parametrize("path", sorted(calendar.DATA_DIR.glob("*.csv")), ids=lambda p: p.name)
def test_calendar_data_file_says_where_it_came_from(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and "storymap" in first and "MIT" in first


@pytest.mark.parametrize("text, number", [("December", 12), ("Dec.", 12), ("Sept.", 9), ("May", 5)])
def test_month_pattern_and_table_agree(text, number):
    import re

    assert re.fullmatch(calendar.MONTH_PATTERN, text)
    assert calendar.month_number(text) == number


def test_holiday_tables_give_the_days():
    assert calendar.FIXED_HOLIDAYS["christmas eve"] == (12, 24)
    month, wd, n = calendar.FLOATING_HOLIDAYS["thanksgiving"]
    assert calendar.nth_weekday(2019, month, wd, n) == dt.date(2019, 11, 28)


@pytest.mark.parametrize("gap, value", [
    (10, "2019-03-04T15:00"),  # the day just named
    (LOOKBACK.time + 50, "2020-01-15T15:00"),  # too far back: the DCT
])
def test_clock_time_hangs_on_a_recent_date_else_the_dct(gap, value):
    text = "The vote was on March 4, 2019." + " " * gap + "It closed at 3 p.m."
    clock = [t for t in find_timexes(text, DCT) if t.type == "TIME"]
    assert [t.value for t in clock] == [value]


def test_dates_case_folded_word_missing_from_table_is_no_timex():
    # "ſ" (long s) matches "s" case-insensitively but is not a key in the unit table
    assert find_timexes("It lasted three ſeconds.", DCT) == []
