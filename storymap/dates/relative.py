"""Normalisers for expressions counted from the DCT or from the last date mentioned: "yesterday",
"last week", "Friday", "two years ago", "a year earlier", "that day", "earlier this month".

Each takes ``(match, ctx)`` and returns a :class:`~.normalise.Normalised` or ``None``.
"""

from __future__ import annotations

import datetime as dt
import re

from .calendar import (
    PARTS_OF_DAY,
    add_months,
    duration_value,
    iso_week,
    month_number,
    parse_number,
    quarter_of,
    unit_key,
    weekday_date,
    weekday_number,
)
from .normalise import LOOKBACK, Normalised, NoCount, day_value


def deictic(m, ctx):
    w = m["w"].lower()
    if w in ("now", "currently", "current", "these days", "nowadays", "at present", "presently",
             "the present", "today's", "at the moment", "right now", "for now", "by now", "just now"):
        return Normalised("DATE", "PRESENT_REF")
    if w in ("recently", "recent", "lately", "previously", "formerly", "the past", "earlier", "once",
             "recent times"):
        return Normalised("DATE", "PAST_REF")
    if w in ("the future", "the near future", "the near term", "the short term", "the long term", "a later date"):
        return Normalised("DATE", "FUTURE_REF")
    return None


def day_relative(m, ctx):
    """yesterday / today / tomorrow / tonight / last night, with optional day part."""
    if not ctx.dct:
        return None
    w = m["w"].lower()
    w = re.sub(r"\s+", " ", w)
    d = ctx.dct
    part = None
    if w in ("yesterday", "the day before"):
        d -= dt.timedelta(days=1)
    elif w in ("tomorrow", "the day after"):
        d += dt.timedelta(days=1)
    elif w == "tonight":
        part = "TNI"
    elif w == "last night":
        d -= dt.timedelta(days=1)
        part = "TNI"
    elif w.startswith("this "):
        part = PARTS_OF_DAY[w.split()[1]]
    elif w == "overnight":
        part = "TNI"
    if m["part"]:
        part = PARTS_OF_DAY[m["part"].lower().split()[-1]]
    if m["part2"]:
        part = PARTS_OF_DAY[m["part2"].lower().split()[-1]]
    mod = None
    pre = (m["pre"] or "").lower()
    if pre.startswith("early") or pre.startswith("earlier"):
        mod = "START"
    elif pre.startswith("late"):
        mod = "END"
    elif pre.startswith("mid"):
        mod = "MID"
    if part:
        return Normalised("TIME", f"{d.isoformat()}{part if part.startswith('T') else 'T' + part}", mod)
    return Normalised("DATE", d.isoformat(), mod)


def weekday(m, ctx):
    wd = weekday_number(m["wd"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if m["mon"]:
        month = month_number(m["mon"])
        day = int(re.match(r"\d+", m["day"]).group())
        v = day_value(ctx, month, day, m["year"], m)
        if v is None:
            return None
        d = dt.date.fromisoformat(v)
    elif not ctx.dct:
        return Normalised("DATE", f"XXXX-WXX-{wd + 1}")
    else:
        if rel in ("next", "this coming", "coming"):
            d = weekday_date(wd, ctx.dct, "next")
        elif rel in ("last", "this past", "past"):
            d = weekday_date(wd, ctx.dct, "last")
        elif ctx.future(m):
            d = weekday_date(wd, ctx.dct, "future")
        else:
            d = weekday_date(wd, ctx.dct, "past")
    mod = None
    if rel in ("early", "earlier"):
        mod = "START"
    elif rel in ("late", "later"):
        mod = "END"
    if m["part"]:
        part = PARTS_OF_DAY[m["part"].lower()]
        return Normalised("TIME", f"{d.isoformat()}{part if part.startswith('T') else 'T' + part}", mod)
    return Normalised("DATE", d.isoformat(), mod)


def relative_unit(m, ctx):
    """last/this/next + week, month, year, weekend, decade, century."""
    if not ctx.dct:
        return None
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    d = ctx.dct
    k = {"last": -1, "past": -1, "this past": -1, "previous": -1, "the previous": -1, "the past": -1,
         "the last": -1, "this": 0, "the current": 0, "current": 0, "this current": 0, "next": 1,
         "the next": 1, "the coming": 1, "coming": 1, "this coming": 1, "the following": 1,
         "following": 1, "the same": 0}.get(rel, 0)
    if unit == "week":
        return Normalised("DATE", iso_week(d + dt.timedelta(weeks=k)))
    if unit == "weekend":
        if k == 0 and d.weekday() < 5 and not rel.startswith("this") and not ctx.future(m):
            k = -1
        if k == -1 and d.weekday() >= 5:
            k = 0 if rel in ("the past", "this past") else -1
        sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5) + dt.timedelta(weeks=k)
        return Normalised("DATE", iso_week(sat) + "-WE")
    if unit == "month":
        y, mo = add_months(d.year, d.month, k)
        return Normalised("DATE", f"{y:04d}-{mo:02d}")
    if unit == "year":
        return Normalised("DATE", str(d.year + k))
    if unit == "decade":
        return Normalised("DATE", str(d.year // 10 + k))
    if unit == "century":
        return Normalised("DATE", f"{d.year // 100 + k:02d}")
    return None


def relative_unit_phrase(m, ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    if rel in ("the past", "the last", "the next", "the coming") and unit not in ("weekend",):
        # "the past year" -> TimeBank annotates these as the previous/next calendar unit when singular
        if rel in ("the next", "the coming"):
            return Normalised("DURATION", duration_value(1, unit))
        if unit == "year":
            return Normalised("DATE", str(ctx.dct.year - 1)) if ctx.dct else None
        return Normalised("DURATION", duration_value(1, unit))
    if rel == "the same":
        # "the same year" refers back to a date mentioned earlier: the anaphoric that-day rule
        # reads it; this rule is chosen before the text is read, so it leaves the phrase alone.
        return None
    return relative_unit(m, ctx)


def the_weekend(m, ctx):
    if not ctx.dct:
        return None
    d = ctx.dct
    if d.weekday() >= 5:
        k = 0
    elif ctx.future(m):
        k = 0
    else:
        k = -1
    sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5) + dt.timedelta(weeks=k)
    return Normalised("DATE", iso_week(sat) + "-WE")


def ago(m, ctx, n=None):
    if n is None:
        n = parse_number(m["n"]) if m["n"] else None
    unit = unit_key(m["unit"])
    mod = None
    try:
        pre = (m["pre"] or "").lower()
    except IndexError:
        pre = ""
    if pre and pre not in ("only", "just"):
        mod = "APPROX"
    if not ctx.dct:
        return Normalised("DATE", "PAST_REF", mod)
    if n is None or not float(n).is_integer():
        return Normalised("DATE", "PAST_REF", mod)
    n = int(n)
    d = ctx.dct
    if unit == "year":
        return Normalised("DATE", str(d.year - n), mod)
    if unit == "decade":
        return Normalised("DATE", str(d.year - 10 * n), mod)
    if unit == "month":
        y, mo = add_months(d.year, d.month, -n)
        return Normalised("DATE", f"{y:04d}-{mo:02d}", mod)
    if unit == "week":
        return Normalised("DATE", iso_week(d - dt.timedelta(weeks=n)), mod)
    if unit in ("day", "night"):
        return Normalised("DATE", (d - dt.timedelta(days=n)).isoformat(), mod)
    if unit == "quarter":
        y, mo = add_months(d.year, d.month, -3 * n)
        return Normalised("DATE", f"{y}-Q{(mo - 1) // 3 + 1}", mod)
    if unit == "century":
        return Normalised("DATE", str(d.year - 100 * n), mod)
    return Normalised("DATE", d.isoformat(), mod)  # hours/minutes ago: today


def anaphoric(m, ctx):
    """"a year earlier", "a year ago", "year-earlier", "the year-ago quarter": one unit before the
    reference (the last quarter mentioned, else the DCT)."""
    if not ctx.dct:
        return None
    unit = unit_key(m["unit"])
    n = parse_number(m["n"]) if m["n"] else 1
    if n is None or not float(n).is_integer():
        return Normalised("DATE", "PAST_REF")
    n = int(n)
    word = (m["dir"] or "earlier").lower()
    sign = 1 if word in ("later", "after", "hence", "from now") else -1
    ref = ctx.recent_value(m.start(), LOOKBACK.anaphora)
    ref_q = ctx.quarter_ref(m.start()) if unit == "year" and n == 1 else None
    tail = m.group(0).lower()
    if ref_q is None and unit == "year" and n == 1 and re.search(r"(?:quarter|period)$", tail):
        t = ctx.dct.year * 4 + quarter_of(ctx.dct) - 2
        ref_q = f"{t // 4}-Q{t % 4 + 1}"
    if ref_q and sign < 0:
        return Normalised("DATE", f"{int(ref_q[:4]) - n}{ref_q[4:]}")
    if word in ("ago", "from now", "hence"):
        return ago(m, ctx, n) if sign < 0 else from_now(n, unit, ctx)
    if ref is None or ref.endswith("_REF") or not re.match(r"\d{4}", ref):
        ref = ctx.dct.isoformat()
    y = int(ref[:4])
    if unit == "year":
        if re.fullmatch(r"\d{4}-Q\d|\d{4}-H\d|\d{4}-(?:SP|SU|FA|WI)", ref):
            return Normalised("DATE", f"{y + sign * n}{ref[4:]}")
        return Normalised("DATE", str(y + sign * n))
    if unit == "month" and re.match(r"\d{4}-\d{2}", ref):
        yy, mo = add_months(y, int(ref[5:7]), sign * n)
        return Normalised("DATE", f"{yy:04d}-{mo:02d}")
    if unit in ("day", "week") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref):
        d = dt.date.fromisoformat(ref) + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        return Normalised("DATE", d.isoformat() if unit == "day" else iso_week(d))
    if unit == "quarter" and re.fullmatch(r"\d{4}-Q\d", ref):
        t = y * 4 + int(ref[-1]) - 1 + sign * n
        return Normalised("DATE", f"{t // 4}-Q{t % 4 + 1}")
    return Normalised("DURATION", duration_value(n, unit))


def from_now(n, unit, ctx):
    d = ctx.dct
    if unit == "year":
        return Normalised("DATE", str(d.year + n))
    if unit == "month":
        y, mo = add_months(d.year, d.month, n)
        return Normalised("DATE", f"{y:04d}-{mo:02d}")
    if unit == "week":
        return Normalised("DATE", iso_week(d + dt.timedelta(weeks=n)))
    if unit in ("day", "night"):
        return Normalised("DATE", (d + dt.timedelta(days=n)).isoformat())
    return Normalised("DATE", "FUTURE_REF")


def the_quarter(m, ctx):
    """"the latest quarter", "the quarter", "the current quarter"."""
    if not ctx.dct:
        return None
    w = (m["rel"] or "").lower()
    near = ctx.recent_value(m.start(), LOOKBACK.quarter)
    if near and re.fullmatch(r"\d{4}-Q\d", near) and w not in ("current", "next", "this"):
        return Normalised("DATE", near)
    d = ctx.dct
    y, q = d.year, quarter_of(d)
    if w in ("current", "this"):
        return Normalised("DATE", f"{y}-Q{q}")
    if w == "next":
        return Normalised("DATE", f"{y + (q == 4)}-Q{q % 4 + 1}")
    q -= 1
    if q == 0:
        y, q = y - 1, 4
    return Normalised("DATE", f"{y}-Q{q}")


def the_unit(m, ctx):
    """"the year" / "the full year" / "the week" / "the day" / "that year"."""
    if not ctx.dct:
        return None
    unit = m["unit"].lower()
    adj = (m["adj"] or "").lower()
    after = ctx.text[m.end():m.end() + 12]
    near = ctx.recent_value(m.start(), LOOKBACK.day)
    that = m.group(0).lower().startswith("that")
    if unit == "year":
        if re.match(r"\s+(?:ended|ending|through|to\s+date)\b", after):
            return Normalised("DURATION", "P1Y")
        if (that or adj == "same") and near and near[:4].isdigit():
            return Normalised("DATE", near[:4])
        if adj == "latest":
            return Normalised("DATE", str(ctx.dct.year - 1))
        return Normalised("DATE", str(ctx.dct.year))
    if unit == "week":
        if re.match(r"\s+(?:ended|ending)\b", after):
            return Normalised("DURATION", "P1W")
        base = ctx.recent_date(m.start(), LOOKBACK.day) or ctx.dct
        return Normalised("DATE", iso_week(base))
    if unit == "day":
        if adj in ("full", "whole", "entire"):
            return Normalised("DURATION", "P1D")
        if ctx.recent_date(m.start(), LOOKBACK.day):
            return Normalised("DATE", ctx.last_date.isoformat())
        if that:
            return None
        return Normalised("DATE", ctx.dct.isoformat())
    return None


def the_period(m, ctx):
    near = ctx.recent_value(m.start(), LOOKBACK.anaphora)
    rel = (m["rel"] or "").lower()
    if rel in ("year-earlier", "year-ago", "comparable"):
        if near and re.fullmatch(r"\d{4}-Q\d", near):
            return Normalised("DATE", f"{int(near[:4]) - 1}{near[4:]}")
        if ctx.dct:
            return Normalised("DATE", str(ctx.dct.year - 1))
        return None
    if near and re.fullmatch(r"\d{4}-(?:Q\d|H\d|\d\d)", near):
        return Normalised("DATE", near)
    if not ctx.dct:
        return None
    t = ctx.dct.year * 4 + quarter_of(ctx.dct) - 2
    return Normalised("DATE", f"{t // 4}-Q{t % 4 + 1}")


def in_the_unit(m, ctx):
    if not ctx.dct:
        return None
    pre = m["pre"].lower()
    mod = "START" if pre.startswith("earl") else "END"
    unit = m["unit"].lower()
    near_date = ctx.recent_date(m.start(), LOOKBACK.day) or ctx.dct
    d = ctx.dct
    v = {"year": str(d.year), "month": f"{d.year:04d}-{d.month:02d}", "week": iso_week(near_date),
         "day": near_date.isoformat(), "decade": str(d.year // 10), "century": f"{d.year // 100:02d}"}[unit]
    return Normalised("DATE", v, mod)


def next_part_of_day(m, ctx):
    if not ctx.dct:
        return None
    base = ctx.recent_date(m.start(), LOOKBACK.day) or ctx.dct
    k = -1 if m["rel"].lower() == "previous" else 1
    return Normalised("TIME", f"{(base + dt.timedelta(days=k)).isoformat()}{PARTS_OF_DAY[m['part'].lower()]}")


def part_of_day(m, ctx):
    """"the morning", "the afternoon" -- part of the last day mentioned (or the DCT)."""
    if not ctx.dct:
        return None
    # the finder puts it on the day last mentioned (or the DCT)
    return Normalised("TIME", PARTS_OF_DAY[m["part"].lower()], anchor=LOOKBACK.day)


def part_of_day_mod(m, ctx):
    if not ctx.dct:
        return None
    base = ctx.recent_date(m.start(), LOOKBACK.day) or ctx.dct
    pre = m["pre"].lower()
    mod = {"mid": "MID", "early": "START", "late": "END"}[pre]
    return Normalised("TIME", f"{base.isoformat()}{PARTS_OF_DAY[m['part'].lower()]}", mod)


def that_day(m, ctx):
    w = re.sub(r"\s+", " ", m["w"].lower())
    ref = ctx.recent_value(m.start(), LOOKBACK.anaphora)
    if ref is None or not re.match(r"\d{4}", ref):
        return None
    # "the next day" / "the following week" is one unit after the date last mentioned, "the previous
    # year" one before; "that day", "the same month" is that date's.
    k = 1 if re.search(r"\b(?:next|following)\b", w) else -1 if "previous" in w else 0
    mod = "START" if w.startswith("earlier") else ("END" if w.startswith("later") else None)
    if "day" in w:
        if k == 0 and "same" in w and re.fullmatch(r"\d{4}-\d{2}", ref):
            return Normalised("DATE", ref)  # "last October ... that same day": a day of that month
        if ctx.last_date:
            return Normalised("DATE", (ctx.last_date + dt.timedelta(days=k)).isoformat(), mod)
        return None
    if "year" in w:
        return Normalised("DATE", f"{int(ref[:4]) + k:04d}", mod)
    if "month" in w and re.match(r"\d{4}-\d{2}", ref):
        y, mo = divmod(int(ref[:4]) * 12 + int(ref[5:7]) - 1 + k, 12)
        return Normalised("DATE", f"{y:04d}-{mo + 1:02d}")
    if "week" in w and ctx.last_date:
        return Normalised("DATE", iso_week(ctx.last_date + dt.timedelta(weeks=k)))
    return None


def unit_edge(m, ctx):
    """earlier/later this year/month/week, early next year, late last year..."""
    if not ctx.dct:
        return None
    pre = m["pre"].lower()
    mod = "START" if pre.startswith("earl") else ("END" if pre.startswith("lat") else "MID")
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    k = {"this": 0, "last": -1, "next": 1, "the": 0, "the current": 0}.get(rel, 0)
    unit = m["unit"].lower()
    d = ctx.dct
    if unit == "year":
        v = str(d.year + k)
    elif unit == "month":
        y, mo = add_months(d.year, d.month, k)
        v = f"{y:04d}-{mo:02d}"
    elif unit == "week":
        v = iso_week(d + dt.timedelta(weeks=k))
    elif unit == "decade":
        v = str(d.year // 10 + k)
    elif unit == "century":
        v = f"{d.year // 100 + k:02d}"
    elif unit == "quarter":
        t = d.year * 4 + quarter_of(d) - 1 + k
        v = f"{t // 4}-Q{t % 4 + 1}"
    elif unit in ("morning", "afternoon", "evening", "night"):
        return Normalised("TIME", d.isoformat() + PARTS_OF_DAY[unit], mod)
    elif unit in ("today", "yesterday", "tomorrow"):
        dd = d + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[unit])
        return Normalised("DATE", dd.isoformat(), mod)
    else:
        return None
    return Normalised("DATE", v, mod)


def year_end(m, ctx):
    if not ctx.dct:
        return None
    t = m.group(0).lower()
    if t.startswith("year"):
        return Normalised("DATE", f"{ctx.dct.year}-12-31")
    return Normalised("DATE", str(ctx.dct.year), "END")


def end_of_unit(m, ctx):
    if not ctx.dct:
        return None
    mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[m["which"].lower()]
    unit = m["unit"].lower()
    d = ctx.dct
    v = {"month": f"{d.year:04d}-{d.month:02d}", "week": iso_week(d), "decade": str(d.year // 10),
         "century": f"{d.year // 100:02d}"}[unit]
    return Normalised("DATE", v, mod)


def year_ago_period(m, ctx):
    """"the year-earlier quarter": one year before the quarter mentioned."""
    return anaphoric(NoCount(m), ctx)


def by_years_end(m, ctx):
    """"by year's end": the end of the DCT's year."""
    return Normalised("DATE", str(ctx.dct.year), "END") if ctx.dct else None
