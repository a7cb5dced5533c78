"""Normalisers for expressions that name a date: "Dec. 31, 2019", "May 2019", "the 1990s", "Q3 2019",
Christmas, 3 p.m. -- the DCT supplies at most a missing year or day.

Each takes ``(match, ctx)`` and returns a :class:`~.normalise.Normalised` or ``None`` ("not a
time expression": "Theresa May", "2000 soldiers").
"""

from __future__ import annotations

import datetime as dt
import re

from .calendar import (
    FIXED_HOLIDAYS,
    FLOATING_HOLIDAYS,
    ORDINALS,
    SEASONS,
    month_number,
    nth_weekday,
    parse_number,
    quarter_of,
    safe_date,
    weekday_date,
    weekday_number,
)
from .normalise import LOOKBACK, AltGroups, ClockGroups, Normalised, day_value, pick_year


def iso_date(m, ctx):
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not safe_date(y, mo, d):
        return None
    if m["hh"]:
        return Normalised("TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['hh']}:{m['mm']}")
    return Normalised("DATE", f"{y:04d}-{mo:02d}-{d:02d}")


def us_date(m, ctx):
    mo, d, y = int(m["m"]), int(m["d"]), m["y"]
    yy = int(y)
    if len(y) == 2:
        yy += 1900 if yy > 30 else 2000
    if not safe_date(yy, mo, d):
        return None
    return Normalised("DATE", f"{yy:04d}-{mo:02d}-{d:02d}")


def month_day(m, ctx):
    month = month_number(m["mon"])
    d1 = int(re.match(r"\d+", m["day"]).group())
    v1 = day_value(ctx, month, d1, m["year"], m)
    if v1 is None:
        return None
    if m["day2"]:
        d2 = int(re.match(r"\d+", m["day2"]).group())
        if d2 <= d1 or not safe_date(int(v1[:4]), month, d2):
            return Normalised("DATE", v1)
        v2 = f"{v1[:7]}-{d2:02d}"
        return Normalised("DATE", v1, None, (v1, v2))
    return Normalised("DATE", v1)


def day_month(m, ctx):
    month = month_number(m["mon"])
    d1 = int(re.match(r"\d+", m["day"]).group())
    v = day_value(ctx, month, d1, m["year"], m)
    return None if v is None else Normalised("DATE", v)


def month_year(m, ctx):
    y = m["year"]
    if len(y) == 3:  # '98
        y2 = int(y[1:])
        y = str(1900 + y2 if y2 > 30 else 2000 + y2)
    return Normalised("DATE", f"{int(y):04d}-{month_number(m['mon']):02d}")


def month_range(m, ctx):
    m1, m2 = month_number(m["mon"]), month_number(m["mon2"])
    if m["year"]:
        y2 = int(m["year"])
    elif ctx.dct:
        y2 = pick_year(m2, None, ctx.dct, ctx.future(m))
    else:
        return None
    y1 = y2 if m1 <= m2 else y2 - 1
    return Normalised("DATE", f"{y1:04d}-{m1:02d}", None, (f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}"))


_MONTH_OK_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|last|this|next|early|late|mid|of|during|through|throughout|from|to|"
    r"before|after|between|and|or|that|each|every|on|for|around|about|past|coming|the\s+end\s+of|"
    r"beginning\s+of|start\s+of|middle\s+of|end\s+of|as\s+of|earlier|later|in\s+early|in\s+late|from|the)\s*-?\s*$)",
    re.I,
)


def bare_month(m, ctx):
    name = m["mon"]
    left = ctx.text[max(0, m.start() - 30):m.start()]
    rel = (m["rel"] or "").lower()
    if name in ("May", "March") and not rel and not _MONTH_OK_BEFORE.search(left):
        return None
    if not rel and re.search(r"[A-Z][a-z]+\s+$", left) and not _MONTH_OK_BEFORE.search(left):
        # "Theresa May", "Jan Smith"... a capitalised word right before: a name
        if not re.search(r"(?:^|[.!?\"]\s+)[A-Z][a-z]+\s+$", left):
            return None
    nxt = ctx.text[m.end():m.end() + 12]
    if name in ("May", "March") and not rel and re.match(r"\s+(?:be|have|not|also|still|well|on|through|to|against)\b", nxt):
        return None
    month = month_number(name)
    if m["year"]:
        return Normalised("DATE", f"{int(m['year']):04d}-{month:02d}")
    if not ctx.dct:
        return Normalised("DATE", f"XXXX-{month:02d}")
    y = ctx.dct.year
    if rel in ("last", "this past", "past"):
        y = y if month < ctx.dct.month else y - 1
    elif rel in ("next", "this coming", "coming"):
        y = y if month > ctx.dct.month else y + 1
    elif rel == "this":
        pass
    else:
        y = pick_year(month, None, ctx.dct, ctx.future(m))
    return Normalised("DATE", f"{y:04d}-{month:02d}")


def bare_year(m, ctx):
    y = m["year"]
    left = ctx.text[max(0, m.start() - 25):m.start()]
    right = ctx.text[m.end():m.end() + 25]
    if re.search(r"(?:[$€£#]|\d[.,]?|\bNo\.|\bnumber|\bFlight|\bRoute|\bRoom|\bpage|\bversion|\bSection)\s*$", left, re.I):
        return None
    if re.match(r"\s*(?:%|percent|per\s*cent|[a-z]*(?:illion)|feet|foot|metres|meters|miles|kilometers|km|"
                r"points?|people|troops|soldiers|members|men|women|children|workers|employees|jobs|"
                r"students|delegates|votes|cars|units|tons|barrels|shares|acres|yards|pounds|dollars|"
                r"yen|marks|francs|rubles|yuan|euros|hours|minutes|days|weeks|km|mph|[-–]\d)", right, re.I):
        return None
    if re.search(r"\b(?:about|some|nearly|approximately|roughly|almost|than|over|under|least|up\s+to|"
                 r"of\s+the|all|those|these|with)\s+$", left, re.I) and not re.match(r"\s*(?:,|\.|\)|$)", right):
        # "some 2000 soldiers" -- a count unless it ends the phrase
        if re.match(r"\s+[a-z]", right):
            return None
    if re.match(r"[.,]\d", ctx.text[m.end():m.end() + 2]):
        return None
    return Normalised("DATE", y)


def decade(m, ctx):
    if m["dec"]:
        d = m["dec"]
        v = d[:3]
    elif m["short"]:
        s = int(m["short"])
        v = ("19" if s >= 30 else "20") + m["short"][0]
    else:
        w = m["word"].lower()
        tens = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}[w]
        v = f"19{tens}"
    return Normalised("DATE", v)


def century(m, ctx):
    n = int(re.match(r"\d+", m["n"]).group()) if m["n"][0].isdigit() else ORDINALS.get(m["n"].lower())
    if not n:
        return None
    return Normalised("DATE", f"{n - 1:02d}")


def season(m, ctx):
    season = SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        return Normalised("DATE", f"{m['year']}-{season}")
    if not ctx.dct:
        return Normalised("DATE", f"XXXX-{season}")
    d = ctx.dct
    cur = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
    order = ["SP", "SU", "FA", "WI"]
    y = d.year
    si, ci = order.index(season), order.index(cur)
    if rel in ("last", "this past", "past"):
        if si >= ci:
            y -= 1
    elif rel in ("next", "this coming", "coming"):
        if si <= ci:
            y += 1
    elif rel in ("this", "the", ""):
        if rel == "this" or season == cur:
            pass
        elif ctx.future(m):
            if si < ci:
                y += 1
        elif si > ci:
            y -= 1
    if season == "WI" and d.month in (1, 2) and rel in ("this", "", "the"):
        y -= 1
    return Normalised("DATE", f"{y}-{season}")


def ordinal_quarter(m, ctx):
    m = AltGroups(m)
    q = ORDINALS.get(m["ord"].lower()) if m["ord"] else None
    if m["year"]:
        return Normalised("DATE", f"{m['year']}-Q{q}")
    if not ctx.dct:
        return Normalised("DATE", f"XXXX-Q{q}")
    y = ctx.dct.year
    rel = (m["rel"] or "").lower()
    if rel == "last":
        y -= 1
    elif rel == "next":
        y += 1
    elif q and q > quarter_of(ctx.dct) + (1 if ctx.future(m) else 0) and ctx.dct.month <= 3 and q > 1:
        y -= 1  # "the fourth quarter" in a January article: the one just ended
    return Normalised("DATE", f"{y}-Q{q}")


def half_year(m, ctx):
    m = AltGroups(m)
    h = 1 if m["ord"].lower() in ("first", "1st") else 2
    if m["year"]:
        return Normalised("DATE", f"{m['year']}-H{h}")
    if not ctx.dct:
        return None
    y = ctx.dct.year
    if (m["rel"] or "").lower() == "last":
        y -= 1
    elif (m["rel"] or "").lower() == "next":
        y += 1
    elif h == 2 and ctx.dct.month <= 6 and not ctx.future(m):
        y -= 1
    return Normalised("DATE", f"{y}-H{h}")


def spelled_year(m, ctx):
    a = 19 if m["a"].lower() == "nineteen" else 20
    b = parse_number(m["b"])
    if b is None or not 10 <= b < 100:
        return None
    return Normalised("DATE", f"{a}{int(b):02d}")


def month_spelled_year(m, ctx):
    """"January nineteen ninety-seven": the month of the spelled year."""
    year = spelled_year(m, ctx)
    return None if year is None else Normalised("DATE", f"{year.value}-{month_number(m['mon']):02d}")


def fiscal_year(m, ctx):
    y = m["year"]
    try:
        yy = m["yy"]
    except IndexError:
        yy = None
    if y and len(y) == 2:
        yy, y = y, None
    if yy:
        n = int(yy)
        y = str(1900 + n if n > 30 else 2000 + n)
    if y:
        return Normalised("DATE", y)
    if not ctx.dct:
        return None
    try:
        rel = (m["rel"] or "").lower()
    except IndexError:
        rel = ""
    text = m.group(0).lower()
    if "year" not in text:
        return None  # bare "fiscal"
    k = {"last": -1, "previous": -1, "prior": -1, "next": 1}.get(rel, 0)
    if rel == "latest":
        k = -1 if ctx.dct.month <= 6 else 0
    return Normalised("DATE", str(ctx.dct.year + k))


def _nearest_past(dct: dt.date):
    """Cost of a candidate day when the text reads as past: days before the DCT, or 2.5 per day after."""
    def cost(c: dt.date) -> float:
        return (dct - c).days if c <= dct else 2.5 * (c - dct).days
    return cost


def _nearest_future(dct: dt.date):
    """Cost of a candidate day when the text reads as future: days after the DCT, past ones last."""
    def cost(c: dt.date) -> float:
        return (c - dct).days if c >= dct else 10_000
    return cost


def holiday(m, ctx):
    """Christmas, Thanksgiving, Easter...: the one nearest the DCT, past or future as the text reads."""
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    year = int(m["year"]) if m["year"] else None
    if name in FIXED_HOLIDAYS:
        mo, d = FIXED_HOLIDAYS[name]
        if year:
            return Normalised("DATE", dt.date(year, mo, d).isoformat())
        if not ctx.dct:
            return None
        return Normalised("DATE", dt.date(pick_year(mo, d, ctx.dct, ctx.future(m)), mo, d).isoformat())
    if name in FLOATING_HOLIDAYS:
        mo, wd, n = FLOATING_HOLIDAYS[name]
        if year:
            return Normalised("DATE", nth_weekday(year, mo, wd, n).isoformat())
        if not ctx.dct:
            return None
        cands = [nth_weekday(y, mo, wd, n) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        cost = _nearest_future(ctx.dct) if ctx.future(m) else _nearest_past(ctx.dct)
        return Normalised("DATE", min(cands, key=cost).isoformat())
    if name in ("easter", "easter sunday"):
        from dateutil.easter import easter

        if year:
            return Normalised("DATE", easter(year).isoformat())
        if not ctx.dct:
            return None
        cands = [easter(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        return Normalised("DATE", min(cands, key=_distance_from(ctx.dct)).isoformat())
    return None


def _distance_from(dct: dt.date):
    def distance(c: dt.date) -> int:
        return abs((c - dct).days)
    return distance


def clock(m, ctx):
    m = ClockGroups(m)
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ampm = (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    if ampm.startswith("p") and h < 12:
        h += 12
    if ampm.startswith("a") and h == 12:
        h = 0
    if m["part"]:
        p = m["part"].lower()
        if ("afternoon" in p or "evening" in p or "night" in p) and h < 12:
            h += 12
    if h > 24 or mi > 59:
        return None
    mod = "APPROX" if m["pre"] and m["pre"].lower() in ("about", "around", "approximately", "roughly") else None
    day = None
    if m["wd"]:
        if ctx.dct:
            day = weekday_date(weekday_number(m["wd"]), ctx.dct, "future" if ctx.future(m) else "past")
    elif m["rel"]:
        r = m["rel"].lower()
        if ctx.dct:
            day = ctx.dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[r])
    elif m["mon"]:
        v = day_value(ctx, month_number(m["mon"]), int(re.match(r"\d+", m["day"]).group()), m["year"], m)
        if v:
            day = dt.date.fromisoformat(v)
    else:
        # no day in the phrase: the finder puts it on the day last mentioned (or the DCT)
        return Normalised("TIME", f"T{h:02d}:{mi:02d}", mod, anchor=LOOKBACK.time)
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return Normalised("TIME", f"{prefix}T{h:02d}:{mi:02d}", mod)


def noon(m, ctx):
    w = m["w"].lower()
    hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[w]
    if not (m["wd"] or m["rel"]):
        # "at noon": the finder puts it on the day last mentioned (or the DCT)
        return Normalised("TIME", f"T{hm}", anchor=LOOKBACK.time)
    day = None
    if ctx.dct:
        if m["wd"]:
            day = weekday_date(weekday_number(m["wd"]), ctx.dct, "future" if ctx.future(m) else "past")
        else:
            day = ctx.dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m["rel"].lower()])
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return Normalised("TIME", f"{prefix}T{hm}")


def q_year(m, ctx):
    """"Q3 2019"."""
    return Normalised("DATE", f"{m['year']}-Q{m['q']}")


def year_two_thousand(m, ctx):
    """"the year two thousand and one"."""
    return Normalised("DATE", str(2000 + int(parse_number(m["b"]) or 0)))
