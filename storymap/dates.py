"""Time expressions: a rule-based TimeML TIMEX3 recogniser and normaliser for news text.

HeidelTime-style: compiled regular expressions find candidate expressions, the longest
non-overlapping ones are kept, and each is normalised left to right against the document creation
time (DCT) and, for anaphoric expressions ("a year earlier", "that day"), the last date mentioned.

Conventions follow the TimeBank / AQUAINT annotations:

* ``DATE`` values at the granularity said: ``2019-12-31``, ``2019-12``, ``2019``, ``2019-W52``,
  ``2019-Q3``, ``2019-SU`` (seasons SP/SU/FA/WI), ``2019-W52-WE`` (weekend), ``199`` (a decade),
  ``19`` (a century), ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``;
* ``TIME`` for a day part or clock time: ``2020-01-01TMO`` (TMO/TAF/TEV/TNI), ``2020-01-01T14:00``;
* ``DURATION``: ``P2D``, ``PT3H``, ``P7Y``, ``PXW`` (unspecified number of weeks);
* ``SET``: ``P1W`` ("weekly", "every week"), ``XXXX-WXX-2`` ("every Tuesday"), ``XXXX-07``;
* ``mod``: ``START`` ("early 2019", "earlier this year"), ``MID``, ``END`` ("late 2019", "the end of
  the year"), ``APPROX`` ("about two years ago"), ``LESS_THAN``, ``MORE_THAN``, ``EQUAL_OR_LESS``,
  ``EQUAL_OR_MORE``. "early Wednesday" is the DATE of that Wednesday with ``mod`` START, like
  TimeBank's "early December" and "earlier Sunday".

Relative expressions read like news: a bare weekday or month is the most recent one on or before
the DCT unless a future cue ("will", "next", "is due to", "scheduled") says otherwise, and a
month-day without a year takes the year that puts it nearest the DCT, leaning to the past.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

__all__ = ["Timex", "find_timexes", "article_date"]


@dataclass(frozen=True)
class Timex:
    """A TIMEX3: a span of the text given, its type, normalised value and granularity."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    granularity: str  # day | week | month | quarter | year | decade | century | time | duration | set | ref
    mod: str | None = None
    range: tuple[str, str] | None = None


# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "one hundred": 100, "a dozen": 12, "dozen": 12,
    "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "a half": 0.5,
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
             "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
             "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
             "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
             "twenty-first": 21, "final": 4, "last": 4}
# unit -> (TIMEX3 duration letter, is time unit, granularity name)
_UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}
_SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_PARTS = {"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "tonight": "TNI",
          "overnight": "TNI", "midday": "T12:00", "noon": "T12:00", "midnight": "T24:00"}

_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues?\.|Wed\.|Thu(?:rs?)?\.|Fri\.|Sat\.|Sun\.)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_NUMW = (r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|"
         r"seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
         r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:a|one)\s+hundred|hundred")
_NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?|{_NUMW}|a\s+dozen|dozen|a\s+couple\s+of|an?|half\s+an?)"
_VAGUEN = r"(?:several|a\s+few|few|many|some|a\s+number\s+of|numerous|a\s+couple\s+of)"
_UNIT = r"(?:second|minute|hour|day|night|week|weekend|month|quarter|year|decade|centur(?:y|ie))"
_PLURAL_UNIT = r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
_ORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

_FUTURE_CUE = re.compile(
    r"\b(?:will|won't|shall|'ll|is\s+(?:due|scheduled|expected|set|slated|planned|going)\s+to|"
    r"are\s+(?:due|scheduled|expected|set|slated|planned|going)\s+to|to\s+be\s+held|scheduled\s+(?:for|to)|"
    r"plans?\s+to|planning\s+to|upcoming|next|coming|until|till|by\s+the\s+end|(?:set|due|expected|scheduled|"
    r"planned|slated|poised|going|hopes?|intends?|wants?|aims?)\s+to|scheduled|as\s+soon\s+as|might|could|"
    r"would|may|should|must|postponed|delayed|deadline|expires?|begins|starts|opens|resumes?)\b",
    re.I,
)
_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|announced|reported|told\s+\S+|disclosed|added|confirmed|noted|ended|"
    r"died|killed|arrested|was|were|had|took|began|started|closed|fell|rose|\w+ed)\s+(?:on\s+)?$", re.I,
)

_I = re.I


def _c(p: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(p, flags)


# --------------------------------------------------------------------------- helpers


def _month(s: str) -> int:
    return _MONTHS[s[:3].lower()]


def _weekday(s: str) -> int:
    return _WEEKDAYS[s[:3].lower()]


def _num(s: str | None) -> float | None:
    """Number words or digits -> number; ``None`` for vague quantities ("several")."""
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in _NUMBERS:
        return _NUMBERS[s]
    if re.fullmatch(r"[\d,]+(\.\d+)?", s):
        v = float(s.replace(",", ""))
        return int(v) if v.is_integer() else v
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in _NUMBERS and parts[1] in _NUMBERS:
        return _NUMBERS[parts[0]] + _NUMBERS[parts[1]]
    if s.startswith("half"):
        return 0.5
    return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def _unit_key(u: str) -> str:
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def _duration(n: float | None, unit: str) -> str:
    """``P2D``, ``PT3H``, ``P10Y`` (decades as years), ``PXW`` for vague counts."""
    u = _unit_key(unit)
    letter, is_time = _UNITS[u]
    if u == "weekend":
        return "P" + ("X" if n is None else _fmt_num(2 * n)) + "D"
    if u == "decade":
        return "P" + ("XDE" if n is None else _fmt_num(10 * n) + "Y")
    if u == "century":
        return "P" + ("XCE" if n is None else _fmt_num(100 * n) + "Y")
    if u == "quarter":
        return "P" + ("XQ" if n is None else _fmt_num(3 * n) + "M")
    if n is not None and not float(n).is_integer():
        # "half an hour" -> PT30M, "a year and a half" handled by caller; fall back to finer unit
        sub = {"H": (60, "M", True), "D": (24, "H", True), "Y": (12, "M", False), "M": (30, "D", False),
               "W": (7, "D", False)}.get(letter)
        if sub and (n * sub[0]).is_integer():
            return ("PT" if sub[2] else "P") + _fmt_num(n * sub[0]) + sub[1]
    q = "X" if n is None else _fmt_num(n)
    return ("PT" if is_time else "P") + q + letter


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _sentence_left(text: str, start: int, limit: int = 90) -> str:
    lo = max(0, start - limit)
    seg = text[lo:start]
    cut = max(seg.rfind(". "), seg.rfind("\n"), seg.rfind("? "), seg.rfind("! "), seg.rfind('."'))
    return seg[cut + 1:] if cut >= 0 else seg


def _sentence_right(text: str, end: int, limit: int = 40) -> str:
    seg = text[end:end + limit]
    cut = re.search(r"[.?!]\s|\n", seg)
    return seg[:cut.start()] if cut else seg


def _future(text: str, start: int, end: int) -> bool:
    """True when tense or wording says the expression points after the DCT."""
    left = _sentence_left(text, start, 70)
    if _REPORTING_BEFORE.search(left):
        return False
    cues = list(_FUTURE_CUE.finditer(left))
    if cues:
        # a reporting verb between the cue and the expression re-anchors it to the past
        after = left[cues[-1].end():]
        if not re.search(r"\b(?:said|says|told|announced|reported)\b", after, _I):
            return True
    right = _sentence_right(text, end, 30)
    if re.match(r"\W{0,3}\s*(?:\w+\s+){0,3}(?:will|'ll|is\s+due|are\s+due|is\s+scheduled)\b", right, _I):
        return True
    return False


def _pick_year(month: int, day: int | None, dct: dt.date, future: bool) -> int:
    """Year that puts (month, day) nearest the DCT, leaning to the past unless ``future``."""
    best, best_cost = dct.year, None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if day is None:
            a = dt.date(y, month, 1)
            b = dt.date(*_add_months(y, month, 1), 1) - dt.timedelta(days=1)
            if a <= dct <= b:
                return y
            ref = b if b < dct else a
        else:
            ref = _safe_date(y, month, day)
            if ref is None:
                ref = dt.date(y, month, 28)
        delta = (ref - dct).days
        if future:
            cost = delta if delta >= 0 else 10_000 - delta
        else:
            cost = -delta if delta <= 0 else (4 if day is None else 2.5) * delta
        if best_cost is None or cost < best_cost:
            best, best_cost = y, cost
    return best


def _weekday_date(wd: int, dct: dt.date, direction: str) -> dt.date:
    """``direction``: past (on or before DCT), future (on or after), last (strictly before),
    next (strictly after)."""
    diff = (dct.weekday() - wd) % 7
    if direction == "past":
        return dct - dt.timedelta(days=diff)
    if direction == "last":
        return dct - dt.timedelta(days=diff or 7)
    ahead = (wd - dct.weekday()) % 7
    if direction == "next":
        return dct + dt.timedelta(days=ahead or 7)
    return dct + dt.timedelta(days=ahead)


def _gran(value: str) -> str:
    if value.endswith("_REF"):
        return "ref"
    if "T" in value:
        return "time"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if "-W" in value:
        return "week"
    if re.fullmatch(r"\d{4}-\d{2}", value) or re.fullmatch(r"\d{4}-XX", value):
        return "month"
    if "-Q" in value or "-H" in value:
        return "quarter"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "quarter"
    if re.fullmatch(r"\d{3}X?", value) or re.fullmatch(r"\d{3}", value):
        return "decade"
    if re.fullmatch(r"\d{2}", value):
        return "century"
    if re.fullmatch(r"\d{4}|\d{3}X", value):
        return "year"
    return "day"


# --------------------------------------------------------------------------- context


class _Ctx:
    def __init__(self, text: str, dct: dt.date | None):
        self.text = text
        self.dct = dct
        self.last_date: dt.date | None = None  # last day-level date mentioned
        self.last_value: str | None = None  # last DATE value mentioned (any granularity)
        self.last_pos = -10_000
        self.last_quarter: str | None = None  # last quarter mentioned ("1989-Q3"), for "a year earlier"
        self.last_quarter_pos = -10_000

    def quarter_ref(self, pos: int) -> str | None:
        return self.last_quarter if pos - self.last_quarter_pos < 1500 else None

    def future(self, m: re.Match[str]) -> bool:
        return _future(self.text, m.start(), m.end())


# --------------------------------------------------------------------------- rule handlers
# Each handler gets (match, ctx) and returns (type, value[, mod[, range]]) or None (not a timex).
# Relative handlers return None when there is no DCT.


def _h_iso(m, ctx):
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    if not _safe_date(y, mo, d):
        return None
    if m["hh"]:
        return "TIME", f"{y:04d}-{mo:02d}-{d:02d}T{m['hh']}:{m['mm']}"
    return "DATE", f"{y:04d}-{mo:02d}-{d:02d}"


def _h_us(m, ctx):
    mo, d, y = int(m["m"]), int(m["d"]), m["y"]
    yy = int(y)
    if len(y) == 2:
        yy += 1900 if yy > 30 else 2000
    if not _safe_date(yy, mo, d):
        return None
    return "DATE", f"{yy:04d}-{mo:02d}-{d:02d}"


def _day_value(ctx, month: int, day: int, year: str | None, m) -> str | None:
    if year:
        y = int(year)
    elif ctx.dct:
        y = _pick_year(month, day, ctx.dct, ctx.future(m))
    else:
        return f"XXXX-{month:02d}-{day:02d}" if day <= 31 else None
    if not _safe_date(y, month, day):
        return None
    return f"{y:04d}-{month:02d}-{day:02d}"


def _h_mdy(m, ctx):
    month = _month(m["mon"])
    d1 = int(re.match(r"\d+", m["day"]).group())
    v1 = _day_value(ctx, month, d1, m["year"], m)
    if v1 is None:
        return None
    if m["day2"]:
        d2 = int(re.match(r"\d+", m["day2"]).group())
        if d2 <= d1 or not _safe_date(int(v1[:4]), month, d2):
            return "DATE", v1
        v2 = f"{v1[:7]}-{d2:02d}"
        return "DATE", v1, None, (v1, v2)
    return "DATE", v1


def _h_dmy(m, ctx):
    month = _month(m["mon"])
    d1 = int(re.match(r"\d+", m["day"]).group())
    v = _day_value(ctx, month, d1, m["year"], m)
    return None if v is None else ("DATE", v)


def _h_my(m, ctx):
    y = m["year"]
    if len(y) == 3:  # '98
        y2 = int(y[1:])
        y = str(1900 + y2 if y2 > 30 else 2000 + y2)
    return "DATE", f"{int(y):04d}-{_month(m['mon']):02d}"


def _h_month_range(m, ctx):
    m1, m2 = _month(m["mon"]), _month(m["mon2"])
    if m["year"]:
        y2 = int(m["year"])
    elif ctx.dct:
        y2 = _pick_year(m2, None, ctx.dct, ctx.future(m))
    else:
        return None
    y1 = y2 if m1 <= m2 else y2 - 1
    return "DATE", f"{y1:04d}-{m1:02d}", None, (f"{y1:04d}-{m1:02d}", f"{y2:04d}-{m2:02d}")


_MONTH_OK_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|last|this|next|early|late|mid|of|during|through|throughout|from|to|"
    r"before|after|between|and|or|that|each|every|on|for|around|about|past|coming|the\s+end\s+of|"
    r"beginning\s+of|start\s+of|middle\s+of|end\s+of|as\s+of|earlier|later|in\s+early|in\s+late|from|the)\s*-?\s*$)",
    re.I,
)


def _h_month(m, ctx):
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
    month = _month(name)
    if m["year"]:
        return "DATE", f"{int(m['year']):04d}-{month:02d}"
    if not ctx.dct:
        return "DATE", f"XXXX-{month:02d}"
    y = ctx.dct.year
    if rel in ("last", "this past", "past"):
        y = y if month < ctx.dct.month else y - 1
    elif rel in ("next", "this coming", "coming"):
        y = y if month > ctx.dct.month else y + 1
    elif rel == "this":
        pass
    else:
        y = _pick_year(month, None, ctx.dct, ctx.future(m))
    return "DATE", f"{y:04d}-{month:02d}"


def _h_year(m, ctx):
    y = m["year"]
    left = ctx.text[max(0, m.start() - 25):m.start()]
    right = ctx.text[m.end():m.end() + 25]
    if re.search(r"(?:[$€£#]|\d[.,]?|\bNo\.|\bnumber|\bFlight|\bRoute|\bRoom|\bpage|\bversion|\bSection)\s*$", left, _I):
        return None
    if re.match(r"\s*(?:%|percent|per\s*cent|[a-z]*(?:illion)|feet|foot|metres|meters|miles|kilometers|km|"
                r"points?|people|troops|soldiers|members|men|women|children|workers|employees|jobs|"
                r"students|delegates|votes|cars|units|tons|barrels|shares|acres|yards|pounds|dollars|"
                r"yen|marks|francs|rubles|yuan|euros|hours|minutes|days|weeks|km|mph|[-–]\d)", right, _I):
        return None
    if re.search(r"\b(?:about|some|nearly|approximately|roughly|almost|than|over|under|least|up\s+to|"
                 r"of\s+the|all|those|these|with)\s+$", left, _I) and not re.match(r"\s*(?:,|\.|\)|$)", right):
        # "some 2000 soldiers" -- a count unless it ends the phrase
        if re.match(r"\s+[a-z]", right):
            return None
    if re.match(r"[.,]\d", ctx.text[m.end():m.end() + 2]):
        return None
    return "DATE", y


def _h_decade(m, ctx):
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
    return "DATE", v


def _h_century(m, ctx):
    n = int(re.match(r"\d+", m["n"]).group()) if m["n"][0].isdigit() else _ORDINALS.get(m["n"].lower())
    if not n:
        return None
    return "DATE", f"{n - 1:02d}"


def _h_season(m, ctx):
    season = _SEASONS[m["season"].lower()]
    rel = (m["rel"] or "").lower()
    if m["year"]:
        return "DATE", f"{m['year']}-{season}"
    if not ctx.dct:
        return "DATE", f"XXXX-{season}"
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
    return "DATE", f"{y}-{season}"


def _h_quarter(m, ctx):
    q = _ORDINALS.get(m["ord"].lower()) if m["ord"] else None
    if m["year"]:
        return "DATE", f"{m['year']}-Q{q}"
    if not ctx.dct:
        return "DATE", f"XXXX-Q{q}"
    y = ctx.dct.year
    rel = (m["rel"] or "").lower()
    if rel == "last":
        y -= 1
    elif rel == "next":
        y += 1
    elif q and q > _quarter(ctx.dct) + (1 if ctx.future(m) else 0) and ctx.dct.month <= 3 and q > 1:
        y -= 1  # "the fourth quarter" in a January article: the one just ended
    return "DATE", f"{y}-Q{q}"


def _h_half(m, ctx):
    h = 1 if m["ord"].lower() in ("first", "1st") else 2
    if m["year"]:
        return "DATE", f"{m['year']}-H{h}"
    if not ctx.dct:
        return None
    y = ctx.dct.year
    if (m["rel"] or "").lower() == "last":
        y -= 1
    elif (m["rel"] or "").lower() == "next":
        y += 1
    elif h == 2 and ctx.dct.month <= 6 and not ctx.future(m):
        y -= 1
    return "DATE", f"{y}-H{h}"


def _h_the_quarter(m, ctx):
    """"the latest quarter", "the quarter", "the current quarter"."""
    if not ctx.dct:
        return None
    w = (m["rel"] or "").lower()
    if ctx.last_value and re.fullmatch(r"\d{4}-Q\d", ctx.last_value) and m.start() - ctx.last_pos < 600 \
            and w not in ("current", "next", "this"):
        return "DATE", ctx.last_value
    d = ctx.dct
    y, q = d.year, _quarter(d)
    if w in ("current", "this"):
        return "DATE", f"{y}-Q{q}"
    if w == "next":
        return "DATE", f"{y + (q == 4)}-Q{q % 4 + 1}"
    q -= 1
    if q == 0:
        y, q = y - 1, 4
    return "DATE", f"{y}-Q{q}"


def _h_fiscal(m, ctx):
    if m["year"]:
        return "DATE", m["year"]
    if not ctx.dct:
        return None
    rel = (m["rel"] or "").lower()
    y = ctx.dct.year + {"last": -1, "next": 1, "previous": -1, "prior": -1}.get(rel, 0)
    return "DATE", str(y)


def _h_deictic(m, ctx):
    w = m["w"].lower()
    if w in ("now", "currently", "current", "these days", "nowadays", "at present", "presently",
             "the present", "today's", "at the moment", "right now", "for now", "by now", "just now"):
        return "DATE", "PRESENT_REF"
    if w in ("recently", "recent", "lately", "previously", "formerly", "the past", "earlier", "once",
             "recent times"):
        return "DATE", "PAST_REF"
    if w in ("the future", "the near future", "the near term", "the short term", "the long term", "a later date"):
        return "DATE", "FUTURE_REF"
    return None


def _h_dayrel(m, ctx):
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
        part = _PARTS[w.split()[1]]
    elif w == "overnight":
        part = "TNI"
    if m["part"]:
        part = _PARTS[m["part"].lower().split()[-1]]
    if m["part2"]:
        part = _PARTS[m["part2"].lower().split()[-1]]
    mod = None
    pre = (m["pre"] or "").lower()
    if pre.startswith("early") or pre.startswith("earlier"):
        mod = "START"
    elif pre.startswith("late"):
        mod = "END"
    elif pre.startswith("mid"):
        mod = "MID"
    if part:
        return "TIME", f"{d.isoformat()}{part if part.startswith('T') else 'T' + part}", mod
    return "DATE", d.isoformat(), mod


def _h_weekday(m, ctx):
    wd = _weekday(m["wd"])
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    if m["mon"]:
        month = _month(m["mon"])
        day = int(re.match(r"\d+", m["day"]).group())
        v = _day_value(ctx, month, day, m["year"], m)
        if v is None:
            return None
        d = dt.date.fromisoformat(v)
    elif not ctx.dct:
        return "DATE", f"XXXX-WXX-{wd + 1}"
    else:
        if rel in ("next", "this coming", "coming"):
            d = _weekday_date(wd, ctx.dct, "next")
        elif rel in ("last", "this past", "past"):
            d = _weekday_date(wd, ctx.dct, "last")
        elif ctx.future(m):
            d = _weekday_date(wd, ctx.dct, "future")
        else:
            d = _weekday_date(wd, ctx.dct, "past")
    mod = None
    if rel in ("early", "earlier"):
        mod = "START"
    elif rel in ("late", "later"):
        mod = "END"
    if m["part"]:
        part = _PARTS[m["part"].lower()]
        return "TIME", f"{d.isoformat()}{part if part.startswith('T') else 'T' + part}", mod
    return "DATE", d.isoformat(), mod


def _h_relunit(m, ctx):
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
        return "DATE", _iso_week(d + dt.timedelta(weeks=k))
    if unit == "weekend":
        if k == 0 and d.weekday() < 5 and not rel.startswith("this") and not ctx.future(m):
            k = -1
        if k == -1 and d.weekday() >= 5:
            k = 0 if rel in ("the past", "this past") else -1
        sat = d - dt.timedelta(days=d.weekday()) + dt.timedelta(days=5) + dt.timedelta(weeks=k)
        return "DATE", _iso_week(sat) + "-WE"
    if unit == "month":
        y, mo = _add_months(d.year, d.month, k)
        return "DATE", f"{y:04d}-{mo:02d}"
    if unit == "year":
        return "DATE", str(d.year + k)
    if unit == "decade":
        return "DATE", str(d.year // 10 + k)
    if unit == "century":
        return "DATE", f"{d.year // 100 + k:02d}"
    return None


def _h_weekend(m, ctx):
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
    return "DATE", _iso_week(sat) + "-WE"


def _h_ago(m, ctx, n=None):
    if n is None:
        n = _num(m["n"]) if m["n"] else None
    unit = _unit_key(m["unit"])
    mod = None
    try:
        pre = (m["pre"] or "").lower()
    except IndexError:
        pre = ""
    if pre and pre not in ("only", "just"):
        mod = "APPROX"
    if not ctx.dct:
        return "DATE", "PAST_REF", mod
    if n is None or not float(n).is_integer():
        return "DATE", "PAST_REF", mod
    n = int(n)
    d = ctx.dct
    if unit == "year":
        return "DATE", str(d.year - n), mod
    if unit == "decade":
        return "DATE", str(d.year - 10 * n), mod
    if unit == "month":
        y, mo = _add_months(d.year, d.month, -n)
        return "DATE", f"{y:04d}-{mo:02d}", mod
    if unit == "week":
        return "DATE", _iso_week(d - dt.timedelta(weeks=n)), mod
    if unit in ("day", "night"):
        return "DATE", (d - dt.timedelta(days=n)).isoformat(), mod
    if unit == "quarter":
        y, mo = _add_months(d.year, d.month, -3 * n)
        return "DATE", f"{y}-Q{(mo - 1) // 3 + 1}", mod
    if unit == "century":
        return "DATE", str(d.year - 100 * n), mod
    return "DATE", d.isoformat(), mod  # hours/minutes ago: today


def _h_anaphoric(m, ctx):
    """"a year earlier", "a year ago", "year-earlier", "the year-ago quarter": one unit before the
    reference (the last quarter mentioned, else the DCT)."""
    if not ctx.dct:
        return None
    unit = _unit_key(m["unit"])
    n = _num(m["n"]) if m["n"] else 1
    if n is None or not float(n).is_integer():
        return "DATE", "PAST_REF"
    n = int(n)
    word = (m["dir"] or "earlier").lower()
    sign = 1 if word in ("later", "after", "hence", "from now") else -1
    ref = ctx.last_value if (ctx.last_value and m.start() - ctx.last_pos < 800) else None
    ref_q = ctx.quarter_ref(m.start()) if unit == "year" and n == 1 else None
    tail = m.group(0).lower()
    if ref_q is None and unit == "year" and n == 1 and re.search(r"(?:quarter|period)$", tail):
        t = ctx.dct.year * 4 + _quarter(ctx.dct) - 2
        ref_q = f"{t // 4}-Q{t % 4 + 1}"
    if ref_q and sign < 0:
        return "DATE", f"{int(ref_q[:4]) - n}{ref_q[4:]}"
    if word in ("ago", "from now", "hence"):
        return _h_ago(m, ctx, n) if sign < 0 else _h_future_rel(n, unit, ctx)
    if ref is None or ref.endswith("_REF") or not re.match(r"\d{4}", ref):
        ref = ctx.dct.isoformat()
    y = int(ref[:4])
    if unit == "year":
        if re.fullmatch(r"\d{4}-Q\d|\d{4}-H\d|\d{4}-(?:SP|SU|FA|WI)", ref):
            return "DATE", f"{y + sign * n}{ref[4:]}"
        return "DATE", str(y + sign * n)
    if unit == "month" and re.match(r"\d{4}-\d{2}", ref):
        yy, mo = _add_months(y, int(ref[5:7]), sign * n)
        return "DATE", f"{yy:04d}-{mo:02d}"
    if unit in ("day", "week") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ref):
        d = dt.date.fromisoformat(ref) + dt.timedelta(days=sign * n * (7 if unit == "week" else 1))
        return "DATE", d.isoformat() if unit == "day" else _iso_week(d)
    if unit == "quarter" and re.fullmatch(r"\d{4}-Q\d", ref):
        t = y * 4 + int(ref[-1]) - 1 + sign * n
        return "DATE", f"{t // 4}-Q{t % 4 + 1}"
    return "DURATION", _duration(n, unit)


def _h_future_rel(n, unit, ctx):
    d = ctx.dct
    if unit == "year":
        return "DATE", str(d.year + n)
    if unit == "month":
        y, mo = _add_months(d.year, d.month, n)
        return "DATE", f"{y:04d}-{mo:02d}"
    if unit == "week":
        return "DATE", _iso_week(d + dt.timedelta(weeks=n))
    if unit in ("day", "night"):
        return "DATE", (d + dt.timedelta(days=n)).isoformat()
    return "DATE", "FUTURE_REF"


def _h_duration(m, ctx):
    unit = m["unit"]
    qty = m["n"]
    n = _num(qty) if qty else 1
    if qty and n is None:
        n = None  # vague
    vague = bool(m["vague"]) or (qty is not None and _num(qty) is None)
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
    v = _duration(n, unit)
    return "DURATION", v, mod


def _h_plural(m, ctx):
    """Bare plural units: "years", "recent years", "the past few weeks", "in recent days"."""
    unit = m["unit"]
    pre = re.sub(r"\s+", " ", (m["pre"] or "").lower())
    if pre in ("recent", "in recent", "the recent"):
        if _unit_key(unit) in ("year", "decade"):
            return "DATE", "PAST_REF"
        return "DURATION", _duration(None, unit)
    if pre in ("past", "in past"):
        return "DATE", "PAST_REF"
    return "DURATION", _duration(None, unit)


def _h_set(m, ctx):
    w = m["w"].lower()
    table = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
             "hourly": "PT1H", "nightly": "P1D", "quarterly": "P3M", "biweekly": "P2W",
             "biannually": "P6M", "semiannually": "P6M", "weekdays": "XXXX-WXX-WD", "weeknights": "XXXX-WXX-WDTNI"}
    if w in table:
        return "SET", table[w]
    return None


def _h_every(m, ctx):
    what = m["what"]
    lw = what.lower()
    if re.fullmatch(_WEEKDAY + r"s?", what):
        v = f"XXXX-WXX-{_weekday(what) + 1}"
        if m["part"]:
            v += _PARTS[m["part"].lower()]
        return "SET", v
    if re.fullmatch(_MONTH, what):
        return "SET", f"XXXX-{_month(what):02d}"
    if lw in ("morning", "afternoon", "evening", "night"):
        return "SET", "XXXX-XX-XX" + _PARTS[lw]
    n = _num(m["n"]) if m["n"] else 1
    unit = _unit_key(lw)
    if unit == "weekend":
        return "SET", "XXXX-WXX-WE"
    if unit not in _UNITS:
        return None
    return "SET", _duration(n, unit)


def _h_clock(m, ctx):
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
    day = None
    if m["wd"]:
        if ctx.dct:
            day = _weekday_date(_weekday(m["wd"]), ctx.dct, "future" if ctx.future(m) else "past")
    elif m["rel"]:
        r = m["rel"].lower()
        if ctx.dct:
            day = ctx.dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}[r])
    elif m["mon"]:
        v = _day_value(ctx, _month(m["mon"]), int(re.match(r"\d+", m["day"]).group()), m["year"], m)
        if v:
            day = dt.date.fromisoformat(v)
    elif ctx.dct:
        day = ctx.last_date if (ctx.last_date and m.start() - ctx.last_pos < 300) else ctx.dct
    mod = "APPROX" if m["pre"] and m["pre"].lower() in ("about", "around", "approximately", "roughly") else None
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{h:02d}:{mi:02d}", mod


def _h_holiday(m, ctx):
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    year = int(m["year"]) if m["year"] else None

    def fixed(mo, d):
        if year:
            return dt.date(year, mo, d)
        if not ctx.dct:
            return None
        return dt.date(_pick_year(mo, d, ctx.dct, ctx.future(m)), mo, d)

    def nth_weekday(y, mo, wd, n):
        if n > 0:
            first = dt.date(y, mo, 1)
            return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        last = dt.date(*_add_months(y, mo, 1), 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)

    floating = {
        "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "labor day": (9, 0, 1),
        "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3), "martin luther king jr. day": (1, 0, 3),
        "presidents day": (2, 0, 3), "presidents' day": (2, 0, 3), "columbus day": (10, 0, 2),
        "mother's day": (5, 6, 2), "father's day": (6, 6, 3),
    }
    fixed_days = {
        "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
        "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1), "new years day": (1, 1),
        "new years eve": (12, 31), "independence day": (7, 4), "the fourth of july": (7, 4),
        "fourth of july": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
        "veterans day": (11, 11), "veterans' day": (11, 11), "armistice day": (11, 11),
        "boxing day": (12, 26), "may day": (5, 1), "bastille day": (7, 14), "st. patrick's day": (3, 17),
        "guy fawkes night": (11, 5), "remembrance day": (11, 11), "labour day": (5, 1),
    }
    if name in fixed_days:
        d = fixed(*fixed_days[name])
        return None if d is None else ("DATE", d.isoformat())
    if name in floating:
        mo, wd, n = floating[name]
        if year:
            return "DATE", nth_weekday(year, mo, wd, n).isoformat()
        if not ctx.dct:
            return None
        cands = [nth_weekday(y, mo, wd, n) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        fut = ctx.future(m)
        best = min(cands, key=lambda c: ((c - ctx.dct).days if (c >= ctx.dct) == fut or c == ctx.dct else 10_000)
                   if fut else ((ctx.dct - c).days if c <= ctx.dct else 2.5 * (c - ctx.dct).days))
        return "DATE", best.isoformat()
    if name in ("easter", "easter sunday"):
        from dateutil.easter import easter

        if year:
            return "DATE", easter(year).isoformat()
        if not ctx.dct:
            return None
        cands = [easter(y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)]
        best = min(cands, key=lambda c: abs((c - ctx.dct).days))
        return "DATE", best.isoformat()
    return None


def _h_partofday(m, ctx):
    """"the morning", "the afternoon" -- part of the last day mentioned (or the DCT)."""
    if not ctx.dct:
        return None
    day = ctx.last_date if (ctx.last_date and m.start() - ctx.last_pos < 400) else ctx.dct
    return "TIME", f"{day.isoformat()}{_PARTS[m['part'].lower()]}"


def _h_that_day(m, ctx):
    w = re.sub(r"\s+", " ", m["w"].lower())
    ref = ctx.last_value if ctx.last_value and m.start() - ctx.last_pos < 800 else None
    if ref is None or not re.match(r"\d{4}", ref):
        return None
    if "day" in w:
        if ctx.last_date:
            mod = "START" if w.startswith("earlier") else ("END" if w.startswith("later") else None)
            return "DATE", ctx.last_date.isoformat(), mod
        return None
    if "year" in w:
        mod = "START" if w.startswith("earlier") else ("END" if w.startswith("later") else None)
        return "DATE", ref[:4], mod
    if "month" in w and re.match(r"\d{4}-\d{2}", ref):
        return "DATE", ref[:7]
    if "week" in w and ctx.last_date:
        return "DATE", _iso_week(ctx.last_date)
    return None


def _h_this_x(m, ctx):
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
        y, mo = _add_months(d.year, d.month, k)
        v = f"{y:04d}-{mo:02d}"
    elif unit == "week":
        v = _iso_week(d + dt.timedelta(weeks=k))
    elif unit == "decade":
        v = str(d.year // 10 + k)
    elif unit == "century":
        v = f"{d.year // 100 + k:02d}"
    elif unit == "quarter":
        t = d.year * 4 + _quarter(d) - 1 + k
        v = f"{t // 4}-Q{t % 4 + 1}"
    elif unit in ("morning", "afternoon", "evening", "night"):
        return "TIME", d.isoformat() + _PARTS[unit], mod
    elif unit in ("today", "yesterday", "tomorrow"):
        dd = d + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[unit])
        return "DATE", dd.isoformat(), mod
    else:
        return None
    return "DATE", v, mod


# --------------------------------------------------------------------------- rules

_UPPER = r"(?<![\w'])"


def _rules() -> list[tuple[re.Pattern[str], object, int]]:
    """(pattern, handler, priority). Higher priority wins ties in length."""
    r: list[tuple[str, object, int, int, bool]] = []

    def add(p, h, prio=0, flags=0, ana=False):
        r.append((p, h, prio, flags, ana))

    ci = _I

    add(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?)?\b", _h_iso, 5)
    add(r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])", _h_us, 5)
    # Month day(-day)(, year): "Dec. 31", "December 31, 2019", "Dec. 29-31", "Jan. 1 2020"
    add(rf"{_UPPER}(?P<mon>{_MONTH})\s*(?P<day>{_DAY})(?!\d|,\d|\.\d|\s*(?:%|percent|million|billion|per\s*cent))"
        rf"(?:\s*(?:-|–|to|through|and)\s*(?P<day2>{_DAY})(?![\d:]))?(?:,?\s*(?P<year>{_YEAR})\b)?", _h_mdy, 4)
    # day Month (year): "1 January 2020", "the 5th of May"
    add(rf"(?<![\d,.])(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<year>{_YEAR})\b)?", _h_dmy, 3)
    # Month year: "May 2019", "May of 2019", "May '98"
    add(rf"{_UPPER}(?P<mon>{_MONTH})\s*(?:of\s+)?(?P<year>{_YEAR}\b|'\d\d\b)", _h_my, 4)
    # "from May to July 2019", "May-July"
    add(rf"{_UPPER}(?:from\s+|between\s+)?(?P<mon>{_MONTH_FULL})\s*(?:-|–|to|through|until|and)\s*(?P<mon2>{_MONTH_FULL})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?\b", _h_month_range, 3)
    # bare month, optionally with last/this/next
    add(rf"(?:(?P<rel>[Ll]ast|[Tt]his\s+past|[Tt]his\s+coming|[Tt]his|[Nn]ext|[Cc]oming)\s+)?"
        rf"{_UPPER}(?P<mon>{_MONTH_FULL})(?:\s+of\s+(?P<year>{_YEAR}))?(?![\w'])(?!\s*\d)", _h_month, 2)
    add(rf"(?<![\w$.,])(?P<year>{_YEAR})(?![\w'’]|\.\d|,\d)", _h_year, 1)
    add(rf"\b(?:the\s+|[Tt]he\s+)?(?:(?P<dec>1[0-9]\d0|20\d0)'?s|'(?P<short>\d0)s|(?P<word>[Tt]wenties|[Tt]hirties|"
        rf"[Ff]orties|[Ff]ifties|[Ss]ixties|[Ss]eventies|[Ee]ighties|[Nn]ineties))\b", _h_decade, 3)
    add(rf"\b(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
        rf"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
        rf"twentieth|twenty-first)[\s-]+century\b", _h_century, 3, ci)
    # seasons
    add(rf"\b(?:(?P<rel>last|this\s+past|this\s+coming|this|next|coming|the|early|late|mid-?)[\s-]+(?:the\s+)?)"
        rf"(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b(?!\s+(?:of|in|from)\s+(?!{_YEAR}))(?!\s+(?:season|semester|term|"
        rf"collection|games|olympics|offensive|palace|festival|school|camp|break|house|storm|wheat|crops?)\b)", _h_season, 2, ci)
    add(rf"(?:\b(?:in|during|since|until|by|through|over)\s+)(?P<rel>)(?P<season>spring|summer|autumn|winter)\b(?P<year>)"
        rf"(?!\s+(?:of|in|from|season|semester|term|games|olympics|offensive|palace|festival|school)\b)",
        lambda m, c: _h_season(m, c), 1, ci)
    # quarters
    add(rf"\b(?:(?:the|its|a|their|his|her)\s+)?(?:(?P<rel>last|next|this)\s+year's\s+)?(?:(?:fiscal|calendar|flat|"
        rf"latest|same|strong|weak|current)[\s-]+)?(?:(?P<year>{_YEAR})\s+)?(?P<ord>{_ORD}|final)[\s-]+(?:fiscal[\s-]+)?"
        rf"quarter(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<year2>{_YEAR})|(?P<rel2>this|last|next)\s+year))?\b",
        lambda m, c: _h_quarter(_Y(m), c), 3, ci)
    add(rf"\b(?:[Qq](?P<q>[1-4])\s*(?P<year>{_YEAR}))\b", lambda m, c: ("DATE", f"{m['year']}-Q{m['q']}"), 3)
    add(rf"\b(?:the\s+)?(?:(?P<rel>last|next|this)\s+year's\s+)?(?P<ord>first|second|1st|2nd)\s+half(?:\s+of\s+"
        rf"(?:(?:fiscal\s+)?(?P<year>{_YEAR})|(?:the\s+)?(?P<rel2>this|last|next)\s+year))?\b",
        lambda m, c: _h_half(_Y(m), c), 2, ci)
    add(r"\b(?:the|this)\s+(?:(?P<rel>latest|current|most\s+recent|recent|last|next|same|previous|just-ended|"
        r"just\s+ended|fiscal)\s+)?quarter\b(?!s)", _h_the_quarter, 1, ci, True)
    # fiscal years
    add(rf"\b(?:(?:the\s+)?(?P<rel>current|last|next|previous|prior|latest|this)\s+)?(?:fiscal|calendar)(?:[\s-]+year)?\s*"
        rf"(?:(?P<year>{_YEAR})|(?:19|20)?(?P<yy>\d\d)\b)?", lambda m, c: _h_fiscal_y(m, c), 2, ci)
    add(rf"\b(?:FY|fiscal\s+year)\s*'?(?P<year>{_YEAR}|\d\d)\b", lambda m, c: _h_fiscal_y(m, c), 3)
    # "the end of the year", "year-end" etc
    add(r"\b(?:year[\s-]end|the\s+end\s+of\s+the\s+year|the\s+end\s+of\s+this\s+year)\b",
        lambda m, c: _h_year_end_mod(m, c), 2, ci)
    add(r"\b(?:the\s+)?(?P<which>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>month|week|decade|century)\b",
        _h_end_of_unit, 2, ci)
    # deictic words
    add(r"\b(?:(?P<x>in)\s+(?=the\s+(?:past|future|near\s+future)\b|recent\s+times))?"
        r"(?P<w>now|currently|current|presently|nowadays|these\s+days|at\s+present|the\s+present|recently|"
        r"lately|the\s+past|recent\s+times|the\s+near\s+future|the\s+future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|a\s+later\s+date)\b(?!\s+of\b)", _h_deictic, 0, ci)
    # yesterday / today / tomorrow / tonight with day parts
    add(r"\b(?:(?P<pre>early|earlier|late|later|mid-?)[\s-]+)?(?:(?P<part>morning|afternoon|evening|night)\s+)?"
        r"(?P<w>yesterday|today|tomorrow|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))"
        r"(?:\s+(?P<part2>morning|afternoon|evening|night))?\b", _h_dayrel, 2, ci)
    # weekdays
    add(rf"(?:(?P<rel>[Ll]ast|[Tt]his\s+past|[Tt]his\s+coming|[Tt]his|[Nn]ext|[Cc]oming|[Ee]arly|[Ee]arlier|[Ll]ate|"
        rf"[Ll]ater)\s+)?{_UPPER}(?P<wd>{_WEEKDAY})(?!\w|['’][a-rt-z])(?:\s+(?P<part>morning|afternoon|"
        rf"evening|night|overnight))?(?:,?\s+(?P<mon>{_MONTH})\s*(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?)?"
        rf"(?:,?\s+(?P<mon_b>{_MONTH})\s*(?P<day_b>{_DAY})(?:,?\s+(?P<year_b>{_YEAR}))?)?(?!\w|['’][a-rt-z])", _h_weekday, 3)
    add(rf"\b(?P<rel>last|this\s+past|this\s+coming|this|next|coming|the\s+past|the\s+last|the\s+previous|previous|"
        rf"the\s+coming|the\s+next|the\s+current|current|the\s+following|the\s+same)\s+(?P<unit>week|weekend|month|"
        rf"year|decade|century)\b(?!['’]s\s+\w+\s+quarter)(?![\w-])",
        lambda m, c: _h_relunit_dispatch(m, c), 2, ci)
    add(r"\b(?:(?P<x>over|during|on|at)\s+)?(?:the|this)\s+weekend\b", _h_weekend, 1, ci)
    # "earlier this year", "late last year", "early next week"
    add(r"\b(?P<pre>earlier|early|later|late|mid-?|in\s+the\s+middle\s+of)[\s-]*(?P<rel>this|last|next|the\s+current)\s+"
        r"(?P<unit>year|month|week|decade|century|quarter|morning|afternoon|evening)\b", _h_this_x, 3, ci)
    add(r"\b(?P<pre>earlier|later)\s+(?P<rel>)(?P<unit>today|yesterday|tomorrow)\b", _h_this_x, 3, ci)
    add(r"\b(?P<w>(?:earlier|later)\s+(?:that|the\s+same)\s+(?:day|year|month|week)|(?:that|the\s+same|the\s+next|"
        r"the\s+previous|the\s+following)\s+(?:day|year|month|week))\b", _h_that_day, 1, ci, True)
    # N units ago / earlier / later
    add(rf"\b(?:(?P<pre>about|nearly|almost|some|roughly|around|approximately|more\s+than|less\s+than|just\s+over|"
        rf"just\s+under|over|only|barely|just)\s+)?(?:(?P<n>{_NUM})|{_VAGUEN})[\s-]+(?:(?:or\s+so|and\s+a\s+half)\s+)?"
        rf"(?P<unit>{_UNIT})s?\s+(?P<dir>ago|from\s+now|hence)\b", _h_anaphoric, 4, ci, True)
    add(rf"\b(?P<n>an?|one|(?<=the\s)same)?[\s-]*(?P<unit>year|month|quarter)[\s-]+(?P<dir>earlier|ago|before|later)"
        rf"(?:\s+(?:quarter|period|months|level|results|figure|figures|week))?\b",
        _h_anaphoric, 4, ci, True)
    add(rf"\b(?:the\s+)?(?P<unit>year)[\s-](?P<dir>earlier|ago)\s+(?:quarter|period|months|level|results|figure|figures)\b",
        lambda m, c: _h_anaphoric(_NoN(m), c), 5, ci, True)
    add(rf"\b(?P<n>{_NUM})[\s-]+(?P<unit>{_UNIT})s?(?=\s+(?:earlier|later|before|after|afterwards?)\b)",
        lambda m, c: ("DURATION", _duration(_num(m["n"]), m["unit"])), 3, ci)
    # durations
    add(rf"\b(?:(?P<x>within|over|for|during|in|throughout)\s+(?=the\s))?(?:(?P<pre>about|nearly|almost|some|roughly|around|approximately|more\s+than|less\s+than|fewer\s+than|"
        rf"at\s+least|at\s+most|up\s+to|no\s+more\s+than|just\s+over|just\s+under|over|under)\s+)?"
        rf"(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?:past|last|next|previous|first|coming|following|final|latest|"
        rf"initial|remaining|same|entire|full|whole|recent|next)\s+)?"
        rf"(?:(?P<n>{_NUM})|(?P<vague>{_VAGUEN}))(?P<and_half>\s+and\s+a\s+half)?(?:\s+(?:more|additional|extra|"
        rf"straight|consecutive|trading|business|working|calendar|full))?[\s-]+(?P<unit>{_UNIT})(?:s|ies)?\b"
        rf"(?:(?<!year)-old)?(?!-old)(?!\s+(?:ago|earlier|later|from\s+now|hence|old)\b)(?![-–]\d)(?<!\ban\ssecond)(?<!\ba\ssecond)"
        rf"(?<!-quarters)(?<!\bsome\stime)",
        _h_duration, 2, ci)
    _pl_pre = (r"recent|past|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|the\s+past|the\s+last|"
               r"the\s+next|coming|several|few|many|the\s+first\s+few")
    add(rf"\b(?:(?P<x>for|over|within|in|after|of|during)\s+(?:(?P<pre>{_pl_pre})\s+)?|(?P<pre2>{_pl_pre})\s+)"
        rf"(?P<unit>{_PLURAL_UNIT})\b(?!\s+(?:of\s+(?:age|experience)|old))", lambda m, c: _h_plural(_G(m), c), 0, ci)
    add(rf"\b(?P<unit>{_PLURAL_UNIT})\s+(?P<dir>ago|earlier|later)\b", lambda m, c: ("DATE", "PAST_REF")
        if m["dir"].lower() != "later" else ("DURATION", _duration(None, m["unit"])), 1, ci)
    add(r"\b(?P<unit>(?:year|month|week|day|hour|decade))s?-long\b", lambda m, c: ("DURATION", _duration(None, m["unit"])), 1, ci)
    add(r"\b(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|biannually|semiannually|"
        r"weekdays|weeknights)\b", _h_set, 1, ci)
    add(rf"\b(?:every|each|per)\s+(?:(?P<n>{_NUM}|other)\s+)?(?P<what>{_UNIT}|centuries|{_WEEKDAY}|{_MONTH_FULL}|morning|"
        rf"afternoon|evening|night)s?(?:\s+(?P<part>morning|afternoon|evening|night))?\b", _h_every, 3)
    add(rf"\b(?:[Ee]very|[Ee]ach|[Pp]er)\s+(?:(?P<n>{_NUM}|other)\s+)?(?P<what>{_UNIT}|centuries|morning|afternoon|evening|night)s?\b",
        _h_every, 3, ci)
    add(rf"{_UPPER}(?P<what>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))s(?:\s+(?P<part>morning|"
        rf"afternoon|evening|night))?\b(?P<n>)", _h_every, 2)
    add(r"(?<=\d\s)(?:a|per)\s+(?P<unit>day|week|month|year|hour)\b|(?<=times\s)(?:a|per)\s+(?P<unit2>day|week|month|year|hour)\b"
        r"|(?<=twice\s)(?:a|per)\s+(?P<unit3>day|week|month|year|hour)\b",
        lambda m, c: ("SET", _duration(1, m["unit"] or m["unit2"] or m["unit3"])), 2, ci)
    # clock times
    add(rf"\b(?:(?P<x>(?:at|by|until|before|after|since|from|to|shortly\s+(?:before|after))\s+)?(?P<pre>about|around|approximately|roughly)\s+|"
        rf"(?P<x2>(?:at|by|until|before|after|since|from|to|shortly\s+(?:before|after))\s+))?(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)|\.(?P<mi2>[0-5]\d)(?=\s*[ap]\.?m))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b|o'clock)"
        rf"(?:\s+(?:[A-Z]{{2,4}}T|GMT|UTC|local\s+time|EST|EDT|PST|PDT|CST|CDT|MST|MDT))?"
        rf"(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<rel>yesterday|today|tomorrow|tonight)|(?P<mon>{_MONTH})\s*(?P<day>{_DAY})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?))?",
        lambda m, c: _h_clock(_Clock(m), c), 4)
    add(rf"\b(?:(?P<pre>about|around|approximately)\s+)?(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:GMT|UTC|Zulu|hours\s+GMT)"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<rel>yesterday|today|tomorrow|tonight)))?\b",
        lambda m, c: _h_clock(_Clock(m), c), 4)
    add(rf"\b(?:(?P<pre>about|around|approximately)\s+)?(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)"
        rf"(?:\s*(?:GMT|UTC|hours|hrs|local\s+time|[A-Z]{{2,4}}T))",
        lambda m, c: _h_clock(_Clock(m), c), 4)
    add(rf"\b(?:(?P<pre>about|around)\s+)?(?P<w>noon|midnight|midday)(?:\s+(?:(?P<wd>{_WEEKDAY})|"
        rf"(?P<rel>yesterday|today|tomorrow)))?\b", _h_noon, 3, ci)
    add(r"\b(?:(?:in\s+)?the\s+)(?P<part>morning|afternoon|evening)\b(?!\s+(?:paper|news|newspaper|edition|show|"
        r"session|star|prayers?|line))", _h_partofday, 0, ci)
    # spelled-out years ("nineteen ninety-six", "the year two thousand")
    add(rf"\b(?:(?P<x>the\s+year)\s+)?(?P<a>nineteen|twenty)[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?P<b>{_NUMW})\b",
        _h_spelled_year, 2, ci)
    add(r"\b(?:the\s+)?year\s+two\s+thousand(?:[\s-]+(?:and[\s-]+)?(?P<b>one|two|three|four|five|six|seven|eight|nine|ten))?\b",
        lambda m, c: ("DATE", str(2000 + int(_num(m["b"]) or 0))), 3, ci)
    # "the year", "the full year", "the week", "the day", "the latest period", "that quarter"
    add(r"\b(?:the|that)\s+(?:(?P<adj>full|whole|entire|fiscal|same|latest|current|calendar)\s+)?(?P<unit>year|week|day)\b"
        r"(?!['’]s|\s+(?:before|after|earlier|ago|later)\b)(?![\w-])", _h_the_unit, 0, ci, True)
    add(r"\b(?:the|that)\s+(?:(?P<rel>latest|most\s+recent|same|comparable|year-earlier|year-ago)\s+)(?:(?:fiscal|three-month)\s+)?"
        r"period\b|\bthat\s+(?P<q>quarter)\b", _h_the_quarter_period, 1, ci, True)
    add(r"\b(?P<pre>earlier|later|early|late)\s+in\s+the\s+(?P<unit>year|month|week|day|decade|century)\b",
        _h_in_the_unit, 2, ci, True)
    add(r"\b(?:the|that)\s+(?P<rel>next|following|previous)\s+(?P<part>morning|afternoon|evening|night)\b",
        _h_next_part, 2, ci, True)
    add(r"\b(?P<pre>mid|early|late)[\s-]*(?P<part>morning|afternoon|evening)\b", _h_partofday_mod, 1, ci, True)
    add(rf"\b(?:the\s+)(?:(?:past|last|next|first|final|coming|early|later|following)\s+(?:few\s+)?)?"
        rf"(?P<unit>{_PLURAL_UNIT})\b(?=\s+(?:before|after|ahead|that\s+followed|since|leading|of|to\s+come|following|preceding))",
        lambda m, c: ("DURATION", _duration(None, m["unit"])), 0, ci)
    add(r"\b(?:for|in)\s+(?P<x>)(?:some\s+time|a\s+while|a\s+long\s+time|a\s+(?:fairly\s+)?(?:long|lengthy|short|brief)\s+(?:time|period))\b",
        lambda m, c: ("DURATION", "PXX"), 0, ci)
    add(r"\b(?:by|at|before|until|toward|towards|near)\s+(?P<x>)(?:the\s+)?year['’]s\s+end\b",
        lambda m, c: ("DATE", str(c.dct.year), "END") if c.dct else None, 2, ci)
    # holidays
    add(rf"\b(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]?s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
        rf"Easter(?:\s+Sunday)?|Independence\s+Day|(?:the\s+)?Fourth\s+of\s+July|Labor\s+Day|Labour\s+Day|Memorial\s+Day|"
        rf"Veterans['’]?\s+Day|Armistice\s+Day|Remembrance\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|"
        rf"Martin\s+Luther\s+King(?:\s+Jr\.)?\s+Day|Presidents['’]?\s+Day|Columbus\s+Day|Mother['’]s\s+Day|"
        rf"Father['’]s\s+Day|Bastille\s+Day|St\.\s+Patrick['’]s\s+Day)(?:,?\s+(?P<year>{_YEAR}))?\b",
        _h_holiday, 3)
    return [(re.compile(p, f), h, prio, ana) for p, h, prio, f, ana in r]


class _Y:
    """Match wrapper merging alternative group names (year2 -> year, rel2 -> rel)."""

    def __init__(self, m: re.Match[str]):
        self._m = m

    def __getitem__(self, k):
        v = self._m[k]
        if v is None and k in ("year", "rel"):
            try:
                v = self._m[k + "2"]
            except IndexError:
                v = None
        return v

    def __getattr__(self, k):
        return getattr(self._m, k)


class _G(_Y):
    """Match wrapper: a missing group ``k`` falls back to ``k2``; unknown groups read as None."""

    def __getitem__(self, k):
        try:
            v = self._m[k]
        except IndexError:
            return None
        if v is None:
            try:
                v = self._m[k + "2"]
            except IndexError:
                v = None
        return v


class _NoN(_Y):
    def __getitem__(self, k):
        if k == "n":
            return None
        try:
            return self._m[k]
        except IndexError:
            return None


class _Clock(_Y):
    def __getitem__(self, k):
        try:
            v = self._m[k]
        except IndexError:
            return None
        if k == "mi" and v is None:
            try:
                v = self._m["mi2"]
            except IndexError:
                v = None
        if k == "ampm" and v and v.lower() == "o'clock":
            return ""
        return v


def _h_spelled_year(m, ctx):
    a = 19 if m["a"].lower() == "nineteen" else 20
    b = _num(m["b"])
    if b is None or not 10 <= b < 100:
        return None
    return "DATE", f"{a}{int(b):02d}"


def _h_the_unit(m, ctx):
    """"the year" / "the full year" / "the week" / "the day" / "that year"."""
    if not ctx.dct:
        return None
    unit = m["unit"].lower()
    adj = (m["adj"] or "").lower()
    after = ctx.text[m.end():m.end() + 12]
    near = ctx.last_value if (ctx.last_value and m.start() - ctx.last_pos < 400) else None
    that = m.group(0).lower().startswith("that")
    if unit == "year":
        if re.match(r"\s+(?:ended|ending|through|to\s+date)\b", after):
            return "DURATION", "P1Y"
        if (that or adj == "same") and near and near[:4].isdigit():
            return "DATE", near[:4]
        if adj == "latest":
            return "DATE", str(ctx.dct.year - 1)
        return "DATE", str(ctx.dct.year)
    if unit == "week":
        if re.match(r"\s+(?:ended|ending)\b", after):
            return "DURATION", "P1W"
        base = ctx.last_date if (ctx.last_date and m.start() - ctx.last_pos < 400) else ctx.dct
        return "DATE", _iso_week(base)
    if unit == "day":
        if adj in ("full", "whole", "entire"):
            return "DURATION", "P1D"
        if ctx.last_date and m.start() - ctx.last_pos < 400:
            return "DATE", ctx.last_date.isoformat()
        if that:
            return None
        return "DATE", ctx.dct.isoformat()
    return None


def _h_the_quarter_period(m, ctx):
    near = ctx.last_value if (ctx.last_value and m.start() - ctx.last_pos < 800) else None
    rel = (m["rel"] or "").lower()
    if rel in ("year-earlier", "year-ago", "comparable"):
        if near and re.fullmatch(r"\d{4}-Q\d", near):
            return "DATE", f"{int(near[:4]) - 1}{near[4:]}"
        if ctx.dct:
            return "DATE", str(ctx.dct.year - 1)
        return None
    if near and re.fullmatch(r"\d{4}-(?:Q\d|H\d|\d\d)", near):
        return "DATE", near
    if not ctx.dct:
        return None
    t = ctx.dct.year * 4 + _quarter(ctx.dct) - 2
    return "DATE", f"{t // 4}-Q{t % 4 + 1}"


def _h_in_the_unit(m, ctx):
    if not ctx.dct:
        return None
    pre = m["pre"].lower()
    mod = "START" if pre.startswith("earl") else "END"
    unit = m["unit"].lower()
    near_date = ctx.last_date if (ctx.last_date and m.start() - ctx.last_pos < 400) else ctx.dct
    d = ctx.dct
    v = {"year": str(d.year), "month": f"{d.year:04d}-{d.month:02d}", "week": _iso_week(near_date),
         "day": near_date.isoformat(), "decade": str(d.year // 10), "century": f"{d.year // 100:02d}"}[unit]
    return "DATE", v, mod


def _h_next_part(m, ctx):
    if not ctx.dct:
        return None
    base = ctx.last_date if (ctx.last_date and m.start() - ctx.last_pos < 400) else ctx.dct
    k = -1 if m["rel"].lower() == "previous" else 1
    return "TIME", f"{(base + dt.timedelta(days=k)).isoformat()}{_PARTS[m['part'].lower()]}"


def _h_partofday_mod(m, ctx):
    if not ctx.dct:
        return None
    base = ctx.last_date if (ctx.last_date and m.start() - ctx.last_pos < 400) else ctx.dct
    pre = m["pre"].lower()
    mod = {"mid": "MID", "early": "START", "late": "END"}[pre]
    return "TIME", f"{base.isoformat()}{_PARTS[m['part'].lower()]}", mod


def _h_noon(m, ctx):
    w = m["w"].lower()
    hm = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[w]
    day = None
    if ctx.dct:
        if m["wd"]:
            day = _weekday_date(_weekday(m["wd"]), ctx.dct, "future" if ctx.future(m) else "past")
        elif m["rel"]:
            day = ctx.dct + dt.timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[m["rel"].lower()])
        else:
            day = ctx.last_date if (ctx.last_date and m.start() - ctx.last_pos < 300) else ctx.dct
    prefix = day.isoformat() if day else "XXXX-XX-XX"
    return "TIME", f"{prefix}T{hm}"


def _h_fiscal_y(m, ctx):
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
        return "DATE", y
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
    return "DATE", str(ctx.dct.year + k)


def _h_year_end_mod(m, ctx):
    if not ctx.dct:
        return None
    t = m.group(0).lower()
    if t.startswith("year"):
        return "DATE", f"{ctx.dct.year}-12-31" if not ctx.future(m) or True else None
    return "DATE", str(ctx.dct.year), "END"


def _h_end_of_unit(m, ctx):
    if not ctx.dct:
        return None
    mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[m["which"].lower()]
    unit = m["unit"].lower()
    d = ctx.dct
    v = {"month": f"{d.year:04d}-{d.month:02d}", "week": _iso_week(d), "decade": str(d.year // 10),
         "century": f"{d.year // 100:02d}"}[unit]
    return "DATE", v, mod


def _h_relunit_dispatch(m, ctx):
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    unit = m["unit"].lower()
    if rel in ("the past", "the last", "the next", "the coming") and unit not in ("weekend",):
        # "the past year" -> TimeBank annotates these as the previous/next calendar unit when singular
        if rel in ("the next", "the coming"):
            return "DURATION", _duration(1, unit)
        if unit == "year":
            return "DATE", str(ctx.dct.year - 1) if ctx.dct else None
        return "DURATION", _duration(1, unit)
    if rel == "the same":
        ref = ctx.last_value
        if unit == "year" and ref and re.match(r"\d{4}", ref):
            return "DATE", ref[:4]
        return None
    return _h_relunit(m, ctx)


_RULES = None


def _get_rules():
    global _RULES
    if _RULES is None:
        _RULES = _rules()
    return _RULES


# Modifiers that extend a DATE/TIME span to the left ("early 2019", "late November", "mid-2019").
_PREMOD = re.compile(
    r"(?:\b(?P<m>[Ee]arly|[Ll]ate|[Mm]id|[Tt]he\s+end\s+of|[Tt]he\s+beginning\s+of|[Tt]he\s+start\s+of|[Tt]he\s+middle\s+of|"
    r"[Tt]he\s+first\s+half\s+of|[Tt]he\s+second\s+half\s+of|[Ee]nd\s+of|[Bb]eginning\s+of|[Ss]tart\s+of|[Mm]iddle\s+of|"
    r"[Aa]round|[Aa]bout|[Aa]pproximately|[Nn]early|[Aa]lmost|[Ss]ince|[Bb]efore|[Aa]fter|[Uu]ntil|[Bb]y)(?:\s+|-)(?:the\s+)?)$"
)
_PREMOD_MOD = {"early": "START", "late": "END", "mid": "MID", "the end of": "END", "the beginning of": "START",
               "the start of": "START", "the middle of": "MID", "end of": "END", "beginning of": "START",
               "start of": "START", "middle of": "MID", "around": "APPROX", "about": "APPROX",
               "approximately": "APPROX", "nearly": "APPROX", "almost": "APPROX"}
_SPAN_MODS = {"early", "late", "mid", "the end of", "the beginning of", "the start of", "the middle of", "end of",
              "beginning of", "start of", "middle of", "around", "about", "approximately", "nearly", "almost"}


def _extend_mod(text: str, start: int, typ: str, value: str, mod: str | None) -> tuple[int, str, str | None]:
    if typ not in ("DATE", "TIME") or value.endswith("_REF"):
        return start, value, mod
    m = _PREMOD.search(text, max(0, start - 22), start)
    if not m:
        return start, value, mod
    word = re.sub(r"\s+", " ", m["m"].lower())
    if word not in _SPAN_MODS:
        return start, value, mod
    if word in ("the first half of", "the second half of"):
        return start, value, mod
    if word in ("about", "around", "approximately", "nearly", "almost") and typ != "TIME":
        return start, value, mod
    return m.start(), value, mod or _PREMOD_MOD.get(word)


# "a third-quarter loss", "a two-year plan": the determiner belongs to the noun, not the timex.
_DET_HYPHEN = re.compile(r"(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur)\s+(?=[\w.,]+-(?:[\w]+-)?(?:quarter|year|month|week|day|"
                         r"hour|minute|night|decade)s?(?:-old)?(?:\W|$)(?!\s*(?:ago|earlier|later)))")

# Every expression the rules find holds one of these; the rules run only on windows around them,
# which keeps long texts fast (most of a news text has no time expression).
_TRIGGER = re.compile(
    r"\d|\b(?:(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|"
    r"years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies)|quarters?|nights?|weekends?|"
    r"now|current|currently|recent|recently|lately|past|future|present|presently|nowadays|today|tonight|tomorrow|"
    r"yesterday|overnight|mornings?|afternoons?|evenings?|noon|midnight|midday|daily|weekly|monthly|yearly|"
    r"hourly|nightly|biweekly|biannually|semiannually|weekdays|weeknights|spring|summer|fall|autumn|winter|"
    r"fiscal|fy|q[1-4]|nineteen|twenty|thousand|christmas|new\s+year['’]?s?|thanksgiving|easter|halloween|"
    r"(?:twent|thirt|fort|fift|sixt|sevent|eight|ninet)ies|fourth\s+of|term|while|time|times|period|half|"
    r"later\s+date)\b|(?:year|month|week|day|hour|decade|quarter)s?-)",
    re.I,
)
_MARGIN = 60


def _windows(text: str) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    n = len(text)
    for m in _TRIGGER.finditer(text):
        a, b = max(0, m.start() - _MARGIN), min(n, m.end() + _MARGIN)
        if out and a <= out[-1][1]:
            out[-1][1] = b
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


# --------------------------------------------------------------------------- public API


def find_timexes(text: str, dct: dt.date | None) -> list[Timex]:
    """All TIMEX3 expressions in ``text``, sorted, non-overlapping, normalised against ``dct``.

    Without a DCT, absolute expressions are still normalised; relative ones that need the DCT are
    either given an ``XXXX`` value or skipped.
    """
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    if not text:
        return []
    cands: list[tuple[int, int, int, int, object]] = []
    windows = _windows(text)
    for k, (pat, handler, prio, _ana) in enumerate(_get_rules()):
        for m in (m for w0, w1 in windows for m in pat.finditer(text, w0, w1)):
            s, e = m.span()
            if "x" in pat.groupindex and m.start("x") >= 0:
                s = m.end("x")
            elif "x2" in pat.groupindex and m.start("x2") >= 0:
                s = m.end("x2")
            # trim whitespace the pattern may have swallowed
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                cands.append((s, e, prio, k, m))
    # longest first, then priority, then leftmost
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: list[tuple[int, int]] = []
    chosen = []
    import bisect

    starts: list[int] = []
    probe = _Ctx(text, dct)
    rules = _get_rules()
    for s, e, prio, k, m in cands:
        i = bisect.bisect_right(starts, s)
        if i > 0 and taken[i - 1][1] > s:
            continue
        if i < len(taken) and taken[i][0] < e:
            continue
        # a candidate its handler rejects ("Theresa May") must not hide shorter ones
        if not rules[k][3]:
            try:
                ok = rules[k][1](m, probe)
            except (ValueError, KeyError, OverflowError, TypeError, IndexError, AttributeError):
                ok = None
            if not ok or ok[1] is None:
                continue
        taken.insert(i, (s, e))
        starts.insert(i, s)
        chosen.append((s, e, k, m))
    chosen.sort(key=lambda c: c[0])

    ctx = _Ctx(text, dct)
    out: list[Timex] = []
    prev_end = 0
    for s, e, k, m in chosen:
        try:
            res = rules[k][1](m, ctx)
        except (ValueError, KeyError, OverflowError, TypeError, IndexError, AttributeError):
            res = None
        if not res:
            continue
        typ, value = res[0], res[1]
        if value is None:
            continue
        mod = res[2] if len(res) > 2 else None
        rng = res[3] if len(res) > 3 else None
        s2, value, mod = _extend_mod(text, s, typ, value, mod)
        dm_ = _DET_HYPHEN.match(text, s2, e)
        if dm_:
            s2 = dm_.end()
        if s2 < prev_end:
            s2 = s
        out.append(Timex(s2, e, text[s2:e], typ, value, _granularity(typ, value), mod, rng))
        prev_end = e
        if typ in ("DATE", "TIME") and value[:4].isdigit() and not rules[k][3]:
            ctx.last_value = value.split("T")[0]
            ctx.last_pos = e
            if re.fullmatch(r"\d{4}-Q\d", ctx.last_value):
                ctx.last_quarter, ctx.last_quarter_pos = ctx.last_value, e
            dm = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
            if dm:
                ctx.last_date = _safe_date(int(dm[1]), int(dm[2]), int(dm[3]))
    return out


def _granularity(typ: str, value: str) -> str:
    if typ == "DURATION":
        return "duration"
    if typ == "SET":
        return "set"
    return _gran(value)


# --------------------------------------------------------------------------- article date

_DATE_LINE = re.compile(r"(?im)^\W*(?:date|published|posted|updated|dateline)\s*[:=]?\s*(?P<d>\d{4}-\d{2}-\d{2})\b")
_ANY_ISO = re.compile(r"\b(?P<d>(?:19|20)\d\d-[01]\d-[0-3]\d)\b")


def article_date(text: str, meta_date: str | None = None) -> dt.date | None:
    """The document creation time: ``meta_date`` (ISO) when given and valid, else a
    "date 2020-01-02" line, a dateline ("WASHINGTON, Jan. 2, 2020 —") or the first full date in the
    first lines of the text."""
    if meta_date:
        mm = re.match(r"\s*(\d{4})-?(\d{2})-?(\d{2})", meta_date)
        if mm:
            d = _safe_date(int(mm[1]), int(mm[2]), int(mm[3]))
            if d:
                return d
    if not text:
        return None
    head = text[:3000]
    m = _DATE_LINE.search(head)
    if m:
        d = _parse_iso(m["d"])
        if d:
            return d
    m = re.search(r"(?i)\bdate\s*[:=]?\s*(?P<d>\d{4}-\d{2}-\d{2})\b", head)
    if m:
        d = _parse_iso(m["d"])
        if d:
            return d
    for t in find_timexes(head, None):
        if t.type in ("DATE", "TIME") and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T.*)?", t.value):
            d = _parse_iso(t.value[:10])
            if d:
                return d
    return None


def _parse_iso(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        return None
