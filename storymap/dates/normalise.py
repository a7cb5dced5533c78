"""Rule hit -> TIMEX3 value: the result type, the document context a value is read against, and
the one place where a normalisation that cannot give a date (February 30, year 10000) is refused.

Handlers live in :mod:`.absolute`, :mod:`.relative` and :mod:`.durations`; each takes
``(match, ctx)`` and returns a :class:`Normalised` or ``None`` ("not a time expression").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Callable

from .calendar import add_months, safe_date

__all__ = ["LOOKBACK", "Lookback", "Context", "Normalised", "Handler", "normalise", "pick_year", "day_value"]


@dataclass(frozen=True)
class Lookback:
    """How far back (in characters of text, not days) an earlier date still anchors a relative one.

    One table so the windows can be read and tuned together. They differ on purpose: a clock time
    ("at 3 p.m.") belongs to the day named in the same or the previous sentence, while "a year
    earlier" can refer to a quarter named a paragraph before.
    """

    time: int = 300  # "at 3 p.m.", "at noon": the day of the last date in the sentence or so
    day: int = 400  # "that day", "the week", "the morning", "later in the year"
    quarter: int = 600  # "the quarter" after "the third quarter"
    anaphora: int = 800  # "a year earlier", "that month", "the same period"
    quarter_reference: int = 1500  # "a year earlier" after a quarter ("1989-Q3" -> "1988-Q3")


LOOKBACK = Lookback()


@dataclass(frozen=True)
class Normalised:
    """What a rule hit means: TIMEX3 ``type`` and ``value``, with an optional ``mod`` and ``range``.

    ``anchor`` is set when the value is only a time of day ("T14:00", "TMO") that hangs on the day
    last mentioned within ``anchor`` characters, else on the DCT: the finder, which reads the text
    left to right, completes it with :meth:`on_day`.
    """

    type: str  # DATE | TIME | DURATION | SET
    value: str
    mod: str | None = None
    range: tuple[str, str] | None = None
    anchor: int | None = None

    def on_day(self, day: dt.date | None) -> "Normalised":
        """``Normalised("TIME", "T14:00", anchor=300).on_day(date(2020, 1, 2)).value == "2020-01-02T14:00"``."""
        prefix = day.isoformat() if day else "XXXX-XX-XX"
        return replace(self, value=prefix + self.value, anchor=None)


class Context:
    """The text, its DCT and the last date mentioned so far (for "a year earlier", "that day")."""

    def __init__(self, text: str, dct: dt.date | None):
        self.text = text
        self.dct = dct
        self.last_date: dt.date | None = None  # last day-level date mentioned
        self.last_value: str | None = None  # last DATE value mentioned (any granularity)
        self.last_pos = -10_000
        self.last_quarter: str | None = None  # last quarter mentioned ("1989-Q3"), for "a year earlier"
        self.last_quarter_pos = -10_000

    def recent_date(self, pos: int, window: int) -> dt.date | None:
        """The last day-level date, if it was mentioned less than ``window`` characters before ``pos``."""
        return self.last_date if (self.last_date and pos - self.last_pos < window) else None

    def recent_value(self, pos: int, window: int) -> str | None:
        """The last DATE value, if mentioned less than ``window`` characters before ``pos``."""
        return self.last_value if (self.last_value and pos - self.last_pos < window) else None

    def quarter_ref(self, pos: int) -> str | None:
        return self.last_quarter if pos - self.last_quarter_pos < LOOKBACK.quarter_reference else None

    def remember(self, value: str, end: int) -> None:
        """Note a DATE/TIME value ending at ``end`` as the reference for later anaphora."""
        self.last_value = value.split("T")[0]
        self.last_pos = end
        if re.fullmatch(r"\d{4}-Q\d", self.last_value):
            self.last_quarter, self.last_quarter_pos = self.last_value, end
        dm = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
        if dm:
            self.last_date = safe_date(int(dm[1]), int(dm[2]), int(dm[3]))

    def future(self, m: re.Match[str]) -> bool:
        return points_to_future(self.text, m.start(), m.end())


Handler = Callable[[re.Match[str], Context], "Normalised | None"]

# What a handler can raise on text that looks like a date but is none: ValueError and
# OverflowError for days outside the calendar (a DCT in year 9999 plus "next week", "XXXX-01-06"
# parsed as a day) and KeyError for a word the case-insensitive pattern matched but the table
# lower-cases differently ("ſecond", with a long s, matches "second").
_NOT_A_DATE = (ValueError, OverflowError, KeyError)


def normalise(handler: Handler, m: re.Match[str], ctx: Context) -> Normalised | None:
    """``handler(m, ctx)``, with ``None`` for a hit that names no possible date."""
    try:
        return handler(m, ctx)
    except _NOT_A_DATE:
        return None


# --------------------------------------------------------------------------- tense and year

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


def _sentence_left(text: str, start: int, limit: int = 90) -> str:
    lo = max(0, start - limit)
    seg = text[lo:start]
    cut = max(seg.rfind(". "), seg.rfind("\n"), seg.rfind("? "), seg.rfind("! "), seg.rfind('."'))
    return seg[cut + 1:] if cut >= 0 else seg


def _sentence_right(text: str, end: int, limit: int = 40) -> str:
    seg = text[end:end + limit]
    cut = re.search(r"[.?!]\s|\n", seg)
    return seg[:cut.start()] if cut else seg


def points_to_future(text: str, start: int, end: int) -> bool:
    """True when tense or wording says the expression points after the DCT ("will meet Friday")."""
    left = _sentence_left(text, start, 70)
    if _REPORTING_BEFORE.search(left):
        return False
    cues = list(_FUTURE_CUE.finditer(left))
    if cues:
        # a reporting verb between the cue and the expression re-anchors it to the past
        after = left[cues[-1].end():]
        if not re.search(r"\b(?:said|says|told|announced|reported)\b", after, re.I):
            return True
    right = _sentence_right(text, end, 30)
    if re.match(r"\W{0,3}\s*(?:\w+\s+){0,3}(?:will|'ll|is\s+due|are\s+due|is\s+scheduled)\b", right, re.I):
        # "announced in Oslo on Monday that it will close": the "will" opens what was announced, and
        # the day is the announcement's; "said the vote on Monday will decide" is the vote's.
        return not (_REPORTED.search(left) and _CLAUSE_OPENS.match(right))
    return False


_REPORTED = re.compile(r"\b(?:said|announced|told|reported|confirmed|disclosed|declared|stated|added|warned|"
                       r"promised|pledged|vowed)\b", re.I)
_CLAUSE_OPENS = re.compile(r"\W{0,3}\s*(?:that|it|he|she|they|we|I)\b", re.I)


def pick_year(month: int, day: int | None, dct: dt.date, future: bool) -> int:
    """Year that puts (month, day) nearest the DCT, leaning to the past unless ``future``."""
    best, best_cost = dct.year, None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if day is None:
            a = dt.date(y, month, 1)
            b = dt.date(*add_months(y, month, 1), 1) - dt.timedelta(days=1)
            if a <= dct <= b:
                return y
            ref = b if b < dct else a
        else:
            ref = safe_date(y, month, day)
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


def day_value(ctx: Context, month: int, day: int, year: str | None, m: re.Match[str]) -> str | None:
    """``YYYY-MM-DD`` for a month and day, the year given or picked near the DCT; None if no such day."""
    if year:
        y = int(year)
    elif ctx.dct:
        y = pick_year(month, day, ctx.dct, ctx.future(m))
    else:
        return f"XXXX-{month:02d}-{day:02d}" if day <= 31 else None
    if not safe_date(y, month, day):
        return None
    return f"{y:04d}-{month:02d}-{day:02d}"


# --------------------------------------------------------------------------- match adapters
# Some rules spell one slot two ways ("the third quarter of 2019" / "2019's third quarter") in
# two named groups; these views let one handler read both as one name.


class AltGroups:
    """A match whose ``year`` and ``rel`` fall back to ``year2`` and ``rel2``."""

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


class FallbackGroups(AltGroups):
    """A match where any missing group ``k`` falls back to ``k2``, and unknown groups read as None."""

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


class NoCount(AltGroups):
    """A match read as if it had no count: "the year-earlier quarter" is one year."""

    def __getitem__(self, k):
        if k == "n":
            return None
        try:
            return self._m[k]
        except IndexError:
            return None


class ClockGroups(AltGroups):
    """A clock-time match: minutes from ``mi`` or ``mi2`` ("3.30 p.m."); "o'clock" is no am/pm."""

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
