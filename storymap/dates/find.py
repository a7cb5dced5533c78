"""Find time expressions: a rule-based TimeML TIMEX3 recogniser and normaliser for news text.

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

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from .normalise import Context, Normalised, normalise
from .rules import RULES, Rule

__all__ = ["Timex", "find_timexes"]


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



def _granularity(typ: str, value: str) -> str:
    if typ == "DURATION":
        return "duration"
    if typ == "SET":
        return "set"
    return _gran(value)


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


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _candidates(text: str) -> list[_Candidate]:
    """Every rule hit, its span trimmed to what the TIMEX3 covers, longest first."""
    cands: list[tuple[int, int, int, _Candidate]] = []
    windows = _windows(text)
    for rule in RULES:
        pat = rule.pattern
        for m in (m for w0, w1 in windows for m in pat.finditer(text, w0, w1)):
            s, e = m.span()
            # a leading preposition ("over the weekend") is matched for context, not kept
            if "x" in pat.groupindex and m.start("x") >= 0:
                s = m.end("x")
            elif "x2" in pat.groupindex and m.start("x2") >= 0:
                s = m.end("x2")
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                cands.append((s, e, rule.priority, _Candidate(s, e, rule, m)))
    # longest first, then priority, then leftmost; the sort is stable, so then the earlier rule
    cands.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    return [c[3] for c in cands]


def _select(cands: list[_Candidate], ctx: Context) -> list[tuple[_Candidate, Normalised | None]]:
    """Non-overlapping candidates, longest first, returned in text order.

    A non-anaphoric hit is normalised here, once: one its normaliser rejects ("Theresa May") must
    not hide shorter ones. Anaphoric hits depend on the dates before them and are normalised
    later, left to right (their entry carries ``None``).
    """
    taken: list[tuple[int, int]] = []
    starts: list[int] = []
    chosen: list[tuple[_Candidate, Normalised | None]] = []
    for c in cands:
        i = bisect.bisect_right(starts, c.start)
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        res = None
        if not c.rule.anaphoric:
            res = normalise(c.rule.normalise, c.match, ctx)
            if res is None:
                continue
        taken.insert(i, (c.start, c.end))
        starts.insert(i, c.start)
        chosen.append((c, res))
    chosen.sort(key=lambda cr: cr[0].start)
    return chosen


def find_timexes(text: str, dct: dt.date | None) -> list[Timex]:
    """All TIMEX3 expressions in ``text``, sorted, non-overlapping, normalised against ``dct``.

    Without a DCT, absolute expressions are still normalised; relative ones that need the DCT are
    either given an ``XXXX`` value or skipped.

    >>> [(t.text, t.value) for t in find_timexes("He left on Friday.", dt.date(2020, 1, 8))]
    [('Friday', '2020-01-03')]
    """
    if isinstance(dct, dt.datetime):
        dct = dct.date()
    if not text:
        return []
    # Selection runs before any date is remembered, so the non-anaphoric normalisers it calls see
    # an empty context: they read only the text and the DCT.
    ctx = Context(text, dct)
    out: list[Timex] = []
    prev_end = 0
    for c, res in _select(_candidates(text), ctx):
        if res is None:
            res = normalise(c.rule.normalise, c.match, ctx)
            if res is None:
                continue
        if res.anchor is not None:
            day = (ctx.recent_date(c.match.start(), res.anchor) or dct) if dct else None
            res = res.on_day(day)
        out.append(_timex(text, c, res, prev_end))
        prev_end = c.end
        if res.type in ("DATE", "TIME") and res.value[:4].isdigit() and not c.rule.anaphoric:
            ctx.remember(res.value, c.end)
    return out


def _timex(text: str, c: _Candidate, res: Normalised, prev_end: int) -> Timex:
    """The Timex for a normalised hit, its start moved left over a modifier ("early") if free."""
    s, e = c.start, c.end
    s2, value, mod = _extend_mod(text, s, res.type, res.value, res.mod)
    dm_ = _DET_HYPHEN.match(text, s2, e)
    if dm_:
        s2 = dm_.end()
    if s2 < prev_end:
        s2 = s
    return Timex(s2, e, text[s2:e], res.type, value, _granularity(res.type, value), mod, res.range)
