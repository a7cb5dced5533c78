"""Tests for storymap.dates: TIMEX3 recognition and normalisation against a reference date."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storymap.dates import Timex, article_date, find_timexes

WED = dt.date(2020, 1, 1)  # a Wednesday; ISO week 2020-W01


def only(text: str, dct: dt.date | None) -> Timex:
    found = find_timexes(text, dct)
    assert len(found) == 1, found
    return found[0]


def covering(text: str, phrase: str, dct: dt.date | None) -> Timex:
    """The timex whose span is exactly ``phrase`` inside ``text``."""
    start = text.index(phrase)
    for t in find_timexes(text, dct):
        if (t.start, t.end) == (start, start + len(phrase)):
            return t
    raise AssertionError(f"{phrase!r} not found in {find_timexes(text, dct)}")


@pytest.mark.parametrize(
    "text, dct, value, granularity",
    [
        ("Dec. 31", WED, "2019-12-31", "day"),
        ("December 31, 2019", WED, "2019-12-31", "day"),
        ("January 1", WED, "2020-01-01", "day"),
        ("Jan. 1, 2020", WED, "2020-01-01", "day"),
        ("May 2019", WED, "2019-05", "month"),
        ("January nineteen ninety-seven", WED, "1997-01", "month"),  # as a transcript spells it
        ("September 11, 2012", WED, "2012-09-11", "day"),
        ("1 January 2020", WED, "2020-01-01", "day"),
        ("2020-01-02", WED, "2020-01-02", "day"),
        ("12/31/2019", WED, "2019-12-31", "day"),
        ("the 1990s", WED, "199", "decade"),
        ("the summer of 2019", WED, "2019-SU", "quarter"),
        ("fiscal 2019", WED, "2019", "year"),
        ("the third quarter", dt.date(1989, 10, 26), "1989-Q3", "quarter"),
    ],
)
def test_dates_absolute(text, dct, value, granularity):
    t = only(text, dct)
    assert (t.type, t.value, t.granularity) == ("DATE", value, granularity)
    assert t.text == text


@pytest.mark.parametrize(
    "text, dct, value",
    [
        ("It happened in 2014.", WED, "2014"),
        ("under the 2015 nuclear deal", WED, "2015"),
    ],
)
def test_dates_year(text, dct, value):
    t = only(text, dct)
    assert (t.type, t.value, t.granularity) == ("DATE", value, "year")


@pytest.mark.parametrize(
    "text, mod",
    [("mid-2019", "MID"), ("late 2019", "END"), ("early 2019", "START")],
)
def test_dates_year_modifier(text, mod):
    t = only(text, WED)
    assert (t.value, t.mod, t.text) == ("2019", mod, text)


@pytest.mark.parametrize(
    "text, dct, value",
    [
        ("Trump said Tuesday that talks failed.", WED, "2019-12-31"),
        ("The vote was held on Tuesday.", WED, "2019-12-31"),
        ("He arrived Sunday.", WED, "2019-12-29"),
        ("Officials spoke Wednesday.", WED, "2020-01-01"),
        ("The court will rule on Friday.", WED, "2020-01-03"),
        ("They meet next Monday.", WED, "2020-01-06"),
        ("It ended last Wednesday.", WED, "2019-12-25"),
        # the day of an announcement, not of what it says will happen
        ("The council announced in Lyon on Monday that it will close the bridge.", WED, "2019-12-30"),
        ("Officials said the vote on Monday will decide it.", WED, "2020-01-06"),
    ],
)
def test_dates_weekday(text, dct, value):
    t = [t for t in find_timexes(text, dct) if t.type == "DATE"][0]
    assert t.value == value


@pytest.mark.parametrize(
    "text, dct, typ, value",
    [
        ("yesterday", WED, "DATE", "2019-12-31"),
        ("today", WED, "DATE", "2020-01-01"),
        ("tomorrow", WED, "DATE", "2020-01-02"),
        ("tonight", WED, "TIME", "2020-01-01TNI"),
        ("this morning", WED, "TIME", "2020-01-01TMO"),
        ("last night", WED, "TIME", "2019-12-31TNI"),
        ("last week", WED, "DATE", "2019-W52"),
        ("this week", WED, "DATE", "2020-W01"),
        ("next month", WED, "DATE", "2020-02"),
        ("last month", WED, "DATE", "2019-12"),
        ("last year", WED, "DATE", "2019"),
        ("next year", WED, "DATE", "2021"),
        ("seven years ago", WED, "DATE", "2013"),
        ("two months ago", WED, "DATE", "2019-11"),
        ("now", WED, "DATE", "PRESENT_REF"),
        ("currently", WED, "DATE", "PRESENT_REF"),
        ("recently", WED, "DATE", "PAST_REF"),
        ("in recent years", WED, "DATE", "PAST_REF"),
        ("over the weekend", WED, "DATE", "2019-W52-WE"),
        ("New Year's Eve", WED, "DATE", "2019-12-31"),
        ("New Year's Day", WED, "DATE", "2020-01-01"),
        ("Christmas", WED, "DATE", "2019-12-25"),
        ("Thanksgiving", WED, "DATE", "2019-11-28"),
    ],
)
def test_dates_relative(text, dct, typ, value):
    t = [t for t in find_timexes(text, dct)][0]
    assert (t.type, t.value) == (typ, value)


def test_dates_early_weekday_is_start_of_that_day():
    t = only("early Wednesday", WED)
    assert (t.type, t.value, t.mod) == ("DATE", "2020-01-01", "START")


def test_dates_earlier_this_year():
    t = only("earlier this year", dt.date(1989, 10, 30))
    assert (t.value, t.mod) == ("1989", "START")


@pytest.mark.parametrize(
    "text, dct, value",
    [
        ("Dec. 31", WED, "2019-12-31"),  # nearest occurrence, in the past
        ("The meeting is due to take place on Jan. 20.", dt.date(2019, 12, 30), "2020-01-20"),
        ("since May", WED, "2019-05"),
        ("in September", WED, "2019-09"),
        ("Oct. 23", dt.date(1998, 11, 20), "1998-10-23"),
    ],
)
def test_dates_year_inference(text, dct, value):
    t = [t for t in find_timexes(text, dct) if t.type == "DATE"][0]
    assert t.value == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("two days", "P2D"),
        ("three years", "P3Y"),
        ("a 90-day period", "P90D"),
        ("several weeks", "PXW"),
        ("the past two months", "P2M"),
        ("for hours", "PTXH"),
        ("24 hours", "PT24H"),
        ("about half an hour", "PT30M"),
    ],
)
def test_dates_duration(text, value):
    t = [t for t in find_timexes(text, WED) if t.type == "DURATION"][0]
    assert t.value == value
    assert t.granularity == "duration"


def test_dates_duration_after_signal():
    text = "They returned seven years after the war."
    t = only(text, WED)
    assert (t.type, t.value, t.text) == ("DURATION", "P7Y", "seven years")


@pytest.mark.parametrize(
    "text, value",
    [
        ("every week", "P1W"),
        ("weekly", "P1W"),
        ("each year", "P1Y"),
        ("daily", "P1D"),
        ("every Tuesday", "XXXX-WXX-2"),
    ],
)
def test_dates_set(text, value):
    t = only(text, WED)
    assert (t.type, t.value, t.granularity) == ("SET", value, "set")


def test_dates_range():
    t = only("Dec. 29-31", WED)
    assert t.value == "2019-12-29"
    assert t.range == ("2019-12-29", "2019-12-31")


def test_dates_month_range():
    t = only("from May to July 2019", WED)
    assert t.range == ("2019-05", "2019-07")


@pytest.mark.parametrize(
    "text, dct, value",
    [
        ("at 2:30 p.m. Tuesday", WED, "2019-12-31T14:30"),
        ("around 7:15 p.m.", dt.date(1998, 2, 12), "1998-02-12T19:15"),
        ("noon Thursday", dt.date(1998, 2, 13), "1998-02-12T12:00"),
    ],
)
def test_dates_clock_time(text, dct, value):
    t = [t for t in find_timexes(text, dct) if t.type == "TIME"][0]
    assert t.value == value


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May said the deal was dead.",
        "The army may deploy 750 soldiers.",
        "Some 5,200 troops and 25 members were sent.",
        "Protesters march on the capital.",
        "Prices fall as demand eases.",
        "The Sun reported it.",
        "The 6-year-old boy was found.",
    ],
)
def test_dates_false_positives(text):
    assert find_timexes(text, WED) == []


@pytest.mark.parametrize("text, phrase, value", [
    ("They arrived on Monday, Dec. 30. The next day they left.", "The next day", "2019-12-31"),
    ("They arrived on Dec. 31, 2019. The following day they left.", "The following day", "2020-01-01"),
    ("They left on Nov. 3. The previous day they had packed.", "The previous day", "2019-11-02"),
    ("They left on Nov. 3. The same day they wrote.", "The same day", "2019-11-03"),
    ("They left on Nov. 3. That same day they wrote.", "That same day", "2019-11-03"),
    # the same day of a month named without its day: a day of that month
    ("He was hurt last October. That same day his name was struck off.", "That same day", "2019-10"),
])
def test_dates_the_next_day_counts_from_the_last_day_named(text, phrase, value):
    assert covering(text, phrase, WED).value == value


def test_dates_a_year_earlier_follows_the_quarter():
    text = "Profit rose in the third quarter from $5 million a year earlier."
    t = covering(text, "a year earlier", dt.date(1989, 10, 26))
    assert t.value == "1988-Q3"


def test_dates_no_dct_keeps_absolute_values():
    found = find_timexes("On Dec. 31, 2019 and yesterday", None)
    assert [t.value for t in found] == ["2019-12-31"]


def test_dates_offsets_match_text():
    text = "WASHINGTON — President Trump said Tuesday that on Dec. 31 he spoke to aides, two days after Christmas."
    for t in find_timexes(text, WED):
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize(
    "text, meta, expected",
    [
        ("x\n date 2020-01-02 advertisement\nbody", None, dt.date(2020, 1, 2)),
        ("WASHINGTON, Jan. 2, 2020 — The president said", None, dt.date(2020, 1, 2)),
        ("Body text on Jan. 2, 2020.", "2019-05-06", dt.date(2019, 5, 6)),
        ("No date here at all.", None, None),
    ],
)
def test_dates_article_date(text, meta, expected):
    assert article_date(text, meta) == expected


def test_dates_speed():
    chunk = ("WASHINGTON, Jan. 2, 2020 — President Trump said Tuesday that the attack on Dec. 31 was planned "
             "weeks ago. Last year, 5,200 troops were sent; the 2015 deal expired in May 2019. Officials will "
             "meet next week, and talks may resume in the spring. Theresa May spoke for two hours.\n")
    text = chunk * (200_000 // len(chunk))
    t0 = time.perf_counter()
    find_timexes(text, WED)
    assert time.perf_counter() - t0 < 20.0  # a guard against quadratic time (200 kB), not a speed figure


_TOKENS = list("0123456789 ,.-/:'aeiMDJTSWFNOyhnd\n") + [
    "May", "Dec.", "Tuesday", " ago", " years", "last ", "week", "p.m.", "the ", "2019", "early ", "every ",
    "Christmas", "fiscal ", "quarter", "a year earlier", "31", "mid-", "’s", "'s", "Sunday night", "Easter"]


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.text(max_size=80), st.lists(st.sampled_from(_TOKENS), max_size=30).map("".join)),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
)
def test_dates_property_spans_are_sound(text, dct):
    found = find_timexes(text, dct)
    prev_end = 0
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= prev_end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        prev_end = t.end
