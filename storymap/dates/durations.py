"""Normalisers for durations and sets: "three years", "several weeks", "the past few days", "weekly",
"every Tuesday", "twice a year".

Each takes ``(match, ctx)`` and returns a :class:`~.normalise.Normalised` or ``None``.
"""

from __future__ import annotations

import re

from .calendar import (
    MONTH_PATTERN,
    PARTS_OF_DAY,
    UNITS,
    WEEKDAY_PATTERN,
    duration_value,
    month_number,
    parse_number,
    unit_key,
    weekday_number,
)
from .normalise import FallbackGroups, Normalised


def duration(m, ctx):
    unit = m["unit"]
    qty = m["n"]
    n = parse_number(qty) if qty else 1
    if qty and n is None:
        n = None  # vague
    vague = bool(m["vague"]) or (qty is not None and parse_number(qty) is None)
    if vague:
        n = None
    pre = (m["pre"] or "").lower()
    mod = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "some": "APPROX",
           "approximately": "APPROX", "nearly": "APPROX", "almost": "APPROX", "more than": "MORE_THAN",
           "over": "MORE_THAN", "less than": "LESS_THAN", "under": "LESS_THAN", "at least": "EQUAL_OR_MORE",
           "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
           "fewer than": "LESS_THAN", "just over": "MORE_THAN", "just under": "LESS_THAN",
           "within": "EQUAL_OR_LESS"}.get(re.sub(r"\s+", " ", pre))
    if m["and_half"]:
        if n is not None:
            n = n + 0.5
    v = duration_value(n, unit)
    return Normalised("DURATION", v, mod)


def plural_units(m, ctx):
    """Bare plural units: "years", "recent years", "the past few weeks", "in recent days"."""
    m = FallbackGroups(m)
    unit = m["unit"]
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    if pre in ("recent", "in recent", "the recent"):
        if unit_key(unit) in ("year", "decade"):
            return Normalised("DATE", "PAST_REF")
        return Normalised("DURATION", duration_value(None, unit))
    if pre in ("past", "in past"):
        return Normalised("DATE", "PAST_REF")
    return Normalised("DURATION", duration_value(None, unit))


def set_adverb(m, ctx):
    w = m["w"].lower()
    table = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
             "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
             "biannually": "P6M", "semiannually": "P6M", "weekdays": "XXXX-WXX-WD", "weeknights": "XXXX-WXX-WDTNI"}
    if w in table:
        return Normalised("SET", table[w])
    return None


def every(m, ctx):
    what = m["what"]
    lw = what.lower()
    if re.fullmatch(WEEKDAY_PATTERN + r"s?", what):
        v = f"XXXX-WXX-{weekday_number(what) + 1}"
        if m["part"]:
            v += PARTS_OF_DAY[m["part"].lower()]
        return Normalised("SET", v)
    if re.fullmatch(MONTH_PATTERN, what):
        return Normalised("SET", f"XXXX-{month_number(what):02d}")
    if lw in ("morning", "afternoon", "evening", "night"):
        return Normalised("SET", "XXXX-XX-XX" + PARTS_OF_DAY[lw])
    n = parse_number(m["n"]) if m["n"] else 1
    unit = unit_key(lw)
    if unit == "weekend":
        return Normalised("SET", "XXXX-WXX-WE")
    if unit not in UNITS:
        return None
    return Normalised("SET", duration_value(n, unit))


def count_before_after(m, ctx):
    """"two years" in "two years earlier": the span itself, a duration."""
    return Normalised("DURATION", duration_value(parse_number(m["n"]), m["unit"]))


def plural_ago(m, ctx):
    """"years ago" is some time in the past; "years later" a duration of unknown length."""
    if m["dir"].lower() != "later":
        return Normalised("DATE", "PAST_REF")
    return Normalised("DURATION", duration_value(None, m["unit"]))


def vague_units(m, ctx):
    """A duration of unknown length in the unit named: "months-long", "the days before"."""
    return Normalised("DURATION", duration_value(None, m["unit"]))


def times_per_unit(m, ctx):
    """"twice a week", "3 times per day": a set with period one unit."""
    return Normalised("SET", duration_value(1, m["unit"] or m["unit2"] or m["unit3"]))


def vague_duration(m, ctx):
    """"for some time", "for a while"."""
    return Normalised("DURATION", "PXX")
