"""The time-expression rules: one table of named rules, HeidelTime-style.

Each :class:`Rule` has a name, a compiled pattern, the normaliser that turns a hit into a TIMEX3
value (:mod:`.absolute`, :mod:`.relative`, :mod:`.durations`), an invented example it must match,
a priority (higher wins between candidates of equal length) and whether it is anaphoric (its value
depends on the dates mentioned before it, so it is normalised only while the text is read left to
right, and it does not itself become the reference for later anaphora).

Order matters only for ties: the finder keeps the longest candidate, then the higher priority, then
the leftmost; among equal ones, the earlier rule in this table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .absolute import (
    bare_month,
    bare_year,
    century,
    clock,
    day_month,
    decade,
    fiscal_year,
    half_year,
    holiday,
    iso_date,
    month_day,
    month_range,
    month_year,
    noon,
    ordinal_quarter,
    q_year,
    season,
    spelled_year,
    month_spelled_year,
    us_date,
    year_two_thousand,
)
from .calendar import MONTH_FULL_PATTERN, MONTH_PATTERN, WEEKDAY_PATTERN
from .durations import (
    count_before_after,
    duration,
    every,
    plural_ago,
    plural_units,
    set_adverb,
    times_per_unit,
    vague_duration,
    vague_units,
)
from .normalise import Handler
from .relative import (
    anaphoric,
    by_years_end,
    day_relative,
    deictic,
    end_of_unit,
    in_the_unit,
    next_part_of_day,
    part_of_day,
    part_of_day_mod,
    relative_unit_phrase,
    that_day,
    the_period,
    the_quarter,
    the_unit,
    the_weekend,
    unit_edge,
    weekday,
    year_ago_period,
    year_end,
)

__all__ = ["Rule", "RULES"]


@dataclass(frozen=True)
class Rule:
    """A named time-expression rule: ``pattern`` finds it, ``normalise`` gives its value."""

    name: str
    pattern: re.Pattern[str]
    normalise: Handler
    example: str
    priority: int = 0
    anaphoric: bool = False


# --------------------------------------------------------------------------- pattern pieces

_MONTH_FULL = MONTH_FULL_PATTERN
_MONTH = MONTH_PATTERN
_WEEKDAY = WEEKDAY_PATTERN
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
_PLURAL_PRE = (r"recent|past|the\s+past\s+few|the\s+last\s+few|the\s+next\s+few|the\s+coming|the\s+past|the\s+last|"
               r"the\s+next|coming|several|few|many|the\s+first\s+few")
# Not inside a word or after an apostrophe: "May" but not "Mayor", "o'May".
_UPPER = r"(?<![\w'])"

_c = re.compile

RULES: tuple[Rule, ...] = (
    Rule("iso_date", _c(r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?)?\b", 0),
         iso_date, "2019-12-31", priority=5),
    Rule("us_date", _c(r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4}|\d{2})(?![\d/])", 0),
         us_date, "12/31/2019", priority=5),
    # Month day(-day)(, year): "Dec. 31", "December 31, 2019", "Dec. 29-31", "Jan. 1 2020"
    Rule("month_day", _c(rf"{_UPPER}(?P<mon>{_MONTH})\s*(?P<day>{_DAY})(?!\d|,\d|\.\d|\s*(?:%|percent|million|billion|per\s*cent))"
        rf"(?:\s*(?:-|–|to|through|and)\s*(?P<day2>{_DAY})(?![\d:]))?(?:,?\s*(?P<year>{_YEAR})\b)?", 0),
         month_day, "Dec. 29-31, 2019", priority=4),
    # day Month (year): "1 January 2020", "the 5th of May"
    Rule("day_month", _c(rf"(?<![\d,.])(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<mon>{_MONTH})(?:,?\s+(?P<year>{_YEAR})\b)?", 0),
         day_month, "the 5th of May 2020", priority=3),
    # Month year: "May 2019", "May of 2019", "May '98"
    Rule("month_year", _c(rf"{_UPPER}(?P<mon>{_MONTH})\s*(?:of\s+)?(?P<year>{_YEAR}\b|'\d\d\b)", 0),
         month_year, "May of 2019", priority=4),
    # Month and a spelled year, as transcripts give it: "January nineteen ninety-seven"
    Rule("month_spelled_year", _c(rf"{_UPPER}(?P<mon>{_MONTH_FULL})\s+(?:of\s+)?(?P<a>nineteen|twenty)[\s-]+(?P<b>{_NUMW})\b", re.I),
         month_spelled_year, "January nineteen ninety-seven", priority=4),
    # "from May to July 2019", "May-July"
    Rule("month_range", _c(rf"{_UPPER}(?:from\s+|between\s+)?(?P<mon>{_MONTH_FULL})\s*(?:-|–|to|through|until|and)\s*(?P<mon2>{_MONTH_FULL})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?\b", 0),
         month_range, "from May to July 2019", priority=3),
    # bare month, optionally with last/this/next
    Rule("bare_month", _c(rf"(?:(?P<rel>[Ll]ast|[Tt]his\s+past|[Tt]his\s+coming|[Tt]his|[Nn]ext|[Cc]oming)\s+)?"
        rf"{_UPPER}(?P<mon>{_MONTH_FULL})(?:\s+of\s+(?P<year>{_YEAR}))?(?![\w'])(?!\s*\d)", 0),
         bare_month, "last December", priority=2),
    Rule("bare_year", _c(rf"(?<![\w$.,])(?P<year>{_YEAR})(?![\w'’]|\.\d|,\d)", 0),
         bare_year, "in 1998", priority=1),
    Rule("decade", _c(rf"\b(?:the\s+|[Tt]he\s+)?(?:(?P<dec>1[0-9]\d0|20\d0)'?s|'(?P<short>\d0)s|(?P<word>[Tt]wenties|[Tt]hirties|"
        rf"[Ff]orties|[Ff]ifties|[Ss]ixties|[Ss]eventies|[Ee]ighties|[Nn]ineties))\b", 0),
         decade, "the 1990s", priority=3),
    Rule("century", _c(rf"\b(?:the\s+)?(?P<n>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
        rf"tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
        rf"twentieth|twenty-first)[\s-]+century\b", re.I),
         century, "the 21st century", priority=3),
    # seasons
    Rule("season", _c(rf"\b(?:(?P<rel>last|this\s+past|this\s+coming|this|next|coming|the|early|late|mid-?)[\s-]+(?:the\s+)?)"
        rf"(?P<season>spring|summer|fall|autumn|winter)"
        rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR}))?\b(?!\s+(?:of|in|from)\s+(?!{_YEAR}))(?!\s+(?:season|semester|term|"
        rf"collection|games|olympics|offensive|palace|festival|school|camp|break|house|storm|wheat|crops?)\b)", re.I),
         season, "last summer", priority=2),
    Rule("season_after_preposition", _c(rf"(?:\b(?:in|during|since|until|by|through|over)\s+)(?P<rel>)(?P<season>spring|summer|autumn|winter)\b(?P<year>)"
        rf"(?!\s+(?:of|in|from|season|semester|term|games|olympics|offensive|palace|festival|school)\b)", re.I),
         season, "during winter", priority=1),
    # quarters
    Rule("ordinal_quarter", _c(rf"\b(?:(?:the|its|a|their|his|her)\s+)?(?:(?P<rel>last|next|this)\s+year's\s+)?(?:(?:fiscal|calendar|flat|"
        rf"latest|same|strong|weak|current)[\s-]+)?(?:(?P<year>{_YEAR})\s+)?(?P<ord>{_ORD}|final)[\s-]+(?:fiscal[\s-]+)?"
        rf"quarter(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(?P<year2>{_YEAR})|(?P<rel2>this|last|next)\s+year))?\b", re.I),
         ordinal_quarter, "the third quarter of 2019", priority=3),
    Rule("q_year", _c(rf"\b(?:[Qq](?P<q>[1-4])\s*(?P<year>{_YEAR}))\b", 0),
         q_year, "Q3 2019", priority=3),
    Rule("half_year", _c(rf"\b(?:the\s+)?(?:(?P<rel>last|next|this)\s+year's\s+)?(?P<ord>first|second|1st|2nd)\s+half(?:\s+of\s+"
        rf"(?:(?:fiscal\s+)?(?P<year>{_YEAR})|(?:the\s+)?(?P<rel2>this|last|next)\s+year))?\b", re.I),
         half_year, "the first half of next year", priority=2),
    Rule("the_quarter", _c(r"\b(?:the|this)\s+(?:(?P<rel>latest|current|most\s+recent|recent|last|next|same|previous|just-ended|"
        r"just\s+ended|fiscal)\s+)?quarter\b(?!s)", re.I),
         the_quarter, "the latest quarter", priority=1, anaphoric=True),
    # fiscal years
    Rule("fiscal_year", _c(rf"\b(?:(?:the\s+)?(?P<rel>current|last|next|previous|prior|latest|this)\s+)?(?:fiscal|calendar)(?:[\s-]+year)?\s*"
        rf"(?:(?P<year>{_YEAR})|(?:19|20)?(?P<yy>\d\d)\b)?", re.I),
         fiscal_year, "fiscal 1998", priority=2),
    Rule("fy_year", _c(rf"\b(?:FY|fiscal\s+year)\s*'?(?P<year>{_YEAR}|\d\d)\b", 0),
         fiscal_year, "FY2019", priority=3),
    # "the end of the year", "year-end" etc
    Rule("year_end", _c(r"\b(?:year[\s-]end|the\s+end\s+of\s+the\s+year|the\s+end\s+of\s+this\s+year)\b", re.I),
         year_end, "the end of the year", priority=2),
    Rule("end_of_unit", _c(r"\b(?:the\s+)?(?P<which>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>month|week|decade|century)\b", re.I),
         end_of_unit, "the end of this month", priority=2),
    # deictic words
    Rule("deictic", _c(r"\b(?:(?P<x>in)\s+(?=the\s+(?:past|future|near\s+future)\b|recent\s+times))?"
        r"(?P<w>now|currently|current|presently|nowadays|these\s+days|at\s+present|the\s+present|recently|"
        r"lately|the\s+past|recent\s+times|the\s+near\s+future|the\s+future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|a\s+later\s+date)\b(?!\s+of\b)", re.I),
         deictic, "in the near future", priority=0),
    # yesterday / today / tomorrow / tonight with day parts
    Rule("day_relative", _c(r"\b(?:(?P<pre>early|earlier|late|later|mid-?)[\s-]+)?(?:(?P<part>morning|afternoon|evening|night)\s+)?"
        r"(?P<w>yesterday|today|tomorrow|tonight|last\s+night|overnight|this\s+(?:morning|afternoon|evening))"
        r"(?:\s+(?P<part2>morning|afternoon|evening|night))?\b", re.I),
         day_relative, "early yesterday morning", priority=2),
    # weekdays
    Rule("weekday", _c(rf"(?:(?P<rel>[Ll]ast|[Tt]his\s+past|[Tt]his\s+coming|[Tt]his|[Nn]ext|[Cc]oming|[Ee]arly|[Ee]arlier|[Ll]ate|"
        rf"[Ll]ater)\s+)?{_UPPER}(?P<wd>{_WEEKDAY})(?!\w|['’][a-rt-z])(?:\s+(?P<part>morning|afternoon|"
        rf"evening|night|overnight))?(?:,?\s+(?P<mon>{_MONTH})\s*(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?)?"
        rf"(?:,?\s+(?P<mon_b>{_MONTH})\s*(?P<day_b>{_DAY})(?:,?\s+(?P<year_b>{_YEAR}))?)?(?!\w|['’][a-rt-z])", 0),
         weekday, "last Friday", priority=3),
    Rule("relative_unit", _c(rf"\b(?P<rel>last|this\s+past|this\s+coming|this|next|coming|the\s+past|the\s+last|the\s+previous|previous|"
        rf"the\s+coming|the\s+next|the\s+current|current|the\s+following|the\s+same)\s+(?P<unit>week|weekend|month|"
        rf"year|decade|century)\b(?!['’]s\s+\w+\s+quarter)(?![\w-])", re.I),
         relative_unit_phrase, "next month", priority=2),
    Rule("the_weekend", _c(r"\b(?:(?P<x>over|during|on|at)\s+)?(?:the|this)\s+weekend\b", re.I),
         the_weekend, "over the weekend", priority=1),
    # "earlier this year", "late last year", "early next week"
    Rule("unit_edge", _c(r"\b(?P<pre>earlier|early|later|late|mid-?|in\s+the\s+middle\s+of)[\s-]*(?P<rel>this|last|next|the\s+current)\s+"
        r"(?P<unit>year|month|week|decade|century|quarter|morning|afternoon|evening)\b", re.I),
         unit_edge, "earlier this year", priority=3),
    Rule("day_edge", _c(r"\b(?P<pre>earlier|later)\s+(?P<rel>)(?P<unit>today|yesterday|tomorrow)\b", re.I),
         unit_edge, "later today", priority=3),
    Rule("that_day", _c(r"\b(?P<w>(?:earlier|later)\s+(?:that|the\s+same)\s+(?:day|year|month|week)|(?:that(?:\s+same)?|the\s+same|the\s+next|"
        r"the\s+previous|the\s+following)\s+(?:day|year|month|week))\b", re.I),
         that_day, "later that day", priority=1, anaphoric=True),
    # N units ago / earlier / later
    Rule("units_ago", _c(rf"\b(?:(?P<pre>about|nearly|almost|some|roughly|around|approximately|more\s+than|less\s+than|just\s+over|"
        rf"just\s+under|over|only|barely|just)\s+)?(?:(?P<n>{_NUM})|{_VAGUEN})[\s-]+(?:(?:or\s+so|and\s+a\s+half)\s+)?"
        rf"(?P<unit>{_UNIT})s?\s+(?P<dir>ago|from\s+now|hence)\b", re.I),
         anaphoric, "about three years ago", priority=4, anaphoric=True),
    Rule("unit_earlier", _c(rf"\b(?P<n>an?|one|(?<=the\s)same)?[\s-]*(?P<unit>year|month|quarter)[\s-]+(?P<dir>earlier|ago|before|later)"
        rf"(?:\s+(?:quarter|period|months|level|results|figure|figures|week))?\b", re.I),
         anaphoric, "a year earlier", priority=4, anaphoric=True),
    Rule("year_ago_period", _c(rf"\b(?:the\s+)?(?P<unit>year)[\s-](?P<dir>earlier|ago)\s+(?:quarter|period|months|level|results|figure|figures)\b", re.I),
         year_ago_period, "the year-ago period", priority=5, anaphoric=True),
    Rule("count_before_after", _c(rf"\b(?P<n>{_NUM})[\s-]+(?P<unit>{_UNIT})s?(?=\s+(?:earlier|later|before|after|afterwards?)\b)", re.I),
         count_before_after, "two weeks earlier", priority=3),
    # durations
    Rule("duration", _c(rf"\b(?:(?P<x>within|over|for|during|in|throughout)\s+(?=the\s))?(?:(?P<pre>about|nearly|almost|some|roughly|around|approximately|more\s+than|less\s+than|fewer\s+than|"
        rf"at\s+least|at\s+most|up\s+to|no\s+more\s+than|just\s+over|just\s+under|over|under)\s+)?"
        rf"(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?:past|last|next|previous|first|coming|following|final|latest|"
        rf"initial|remaining|same|entire|full|whole|recent|next)\s+)?"
        rf"(?:(?P<n>{_NUM})|(?P<vague>{_VAGUEN}))(?P<and_half>\s+and\s+a\s+half)?(?:\s+(?:more|additional|extra|"
        rf"straight|consecutive|trading|business|working|calendar|full))?[\s-]+(?P<unit>{_UNIT})(?:s|ies)?\b"
        rf"(?:(?<!year)-old)?(?!-old)(?!\s+(?:ago|earlier|later|from\s+now|hence|old)\b)(?![-–]\d)(?<!\ban\ssecond)(?<!\ba\ssecond)"
        rf"(?<!-quarters)(?<!\bsome\stime)", re.I),
         duration, "more than three years", priority=2),
    Rule("plural_units", _c(rf"\b(?:(?P<x>for|over|within|in|after|of|during)\s+(?:(?P<pre>{_PLURAL_PRE})\s+)?|(?P<pre2>{_PLURAL_PRE})\s+)"
        rf"(?P<unit>{_PLURAL_UNIT})\b(?!\s+(?:of\s+(?:age|experience)|old))", re.I),
         plural_units, "in recent years", priority=0),
    Rule("plural_ago", _c(rf"\b(?P<unit>{_PLURAL_UNIT})\s+(?P<dir>ago|earlier|later)\b", re.I),
         plural_ago, "years ago", priority=1),
    Rule("long_duration", _c(r"\b(?P<unit>(?:year|month|week|day|hour|decade))s?-long\b", re.I),
         vague_units, "a months-long strike", priority=1),
    Rule("set_adverb", _c(r"\b(?P<w>daily|weekly|monthly|yearly|hourly|nightly|biweekly|biannually|semiannually|"
        r"weekdays|weeknights)\b", re.I),
         set_adverb, "weekly", priority=1),
    Rule("every", _c(rf"\b(?:every|each|per)\s+(?:(?P<n>{_NUM}|other)\s+)?(?P<what>{_UNIT}|centuries|{_WEEKDAY}|{_MONTH_FULL}|morning|"
        rf"afternoon|evening|night)s?(?:\s+(?P<part>morning|afternoon|evening|night))?\b", 0),
         every, "every Tuesday morning", priority=3),
    Rule("every_unit", _c(rf"\b(?:[Ee]very|[Ee]ach|[Pp]er)\s+(?:(?P<n>{_NUM}|other)\s+)?(?P<what>{_UNIT}|centuries|morning|afternoon|evening|night)s?\b", re.I),
         every, "Every other week", priority=3),
    Rule("weekday_plural", _c(rf"{_UPPER}(?P<what>(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))s(?:\s+(?P<part>morning|"
        rf"afternoon|evening|night))?\b(?P<n>)", 0),
         every, "Sundays", priority=2),
    Rule("times_per_unit", _c(r"(?<=\d\s)(?:a|per)\s+(?P<unit>day|week|month|year|hour)\b|(?<=times\s)(?:a|per)\s+(?P<unit2>day|week|month|year|hour)\b"
        r"|(?<=twice\s)(?:a|per)\s+(?P<unit3>day|week|month|year|hour)\b", re.I),
         times_per_unit, "twice a week", priority=2),
    # clock times
    Rule("clock", _c(rf"\b(?:(?P<x>(?:at|by|until|before|after|since|from|to|shortly\s+(?:before|after))\s+)?(?P<pre>about|around|approximately|roughly)\s+|"
        rf"(?P<x2>(?:at|by|until|before|after|since|from|to|shortly\s+(?:before|after))\s+))?(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d)|\.(?P<mi2>[0-5]\d)(?=\s*[ap]\.?m))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b|o'clock)"
        rf"(?:\s+(?:[A-Z]{{2,4}}T|GMT|UTC|local\s+time|EST|EDT|PST|PDT|CST|CDT|MST|MDT))?"
        rf"(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<rel>yesterday|today|tomorrow|tonight)|(?P<mon>{_MONTH})\s*(?P<day>{_DAY})"
        rf"(?:,?\s+(?P<year>{_YEAR}))?))?", 0),
         clock, "at 3:30 p.m. Tuesday", priority=4),
    Rule("clock_gmt", _c(rf"\b(?:(?P<pre>about|around|approximately)\s+)?(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:GMT|UTC|Zulu|hours\s+GMT)"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_WEEKDAY})|(?P<rel>yesterday|today|tomorrow|tonight)))?\b", 0),
         clock, "1430 GMT", priority=4),
    Rule("clock_24h", _c(rf"\b(?:(?P<pre>about|around|approximately)\s+)?(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d)"
        rf"(?:\s*(?:GMT|UTC|hours|hrs|local\s+time|[A-Z]{{2,4}}T))", 0),
         clock, "14:30 local time", priority=4),
    Rule("noon", _c(rf"\b(?:(?P<pre>about|around)\s+)?(?P<w>noon|midnight|midday)(?:\s+(?:(?P<wd>{_WEEKDAY})|"
        rf"(?P<rel>yesterday|today|tomorrow)))?\b", re.I),
         noon, "noon Friday", priority=3),
    Rule("part_of_day", _c(r"\b(?:(?:in\s+)?the\s+)(?P<part>morning|afternoon|evening)\b(?!\s+(?:paper|news|newspaper|edition|show|"
        r"session|star|prayers?|line))", re.I),
         part_of_day, "in the morning", priority=0),
    # spelled-out years ("nineteen ninety-six", "the year two thousand")
    Rule("spelled_year", _c(rf"\b(?:(?P<x>the\s+year)\s+)?(?P<a>nineteen|twenty)[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?P<b>{_NUMW})\b", re.I),
         spelled_year, "nineteen ninety-six", priority=2),
    Rule("year_two_thousand", _c(r"\b(?:the\s+)?year\s+two\s+thousand(?:[\s-]+(?:and[\s-]+)?(?P<b>one|two|three|four|five|six|seven|eight|nine|ten))?\b", re.I),
         year_two_thousand, "the year two thousand and one", priority=3),
    # "the year", "the full year", "the week", "the day", "the latest period", "that quarter"
    Rule("the_unit", _c(r"\b(?:the|that)\s+(?:(?P<adj>full|whole|entire|fiscal|same|latest|current|calendar)\s+)?(?P<unit>year|week|day)\b"
        r"(?!['’]s|\s+(?:before|after|earlier|ago|later)\b)(?![\w-])", re.I),
         the_unit, "the full year", priority=0, anaphoric=True),
    Rule("the_period", _c(r"\b(?:the|that)\s+(?:(?P<rel>latest|most\s+recent|same|comparable|year-earlier|year-ago)\s+)(?:(?:fiscal|three-month)\s+)?"
        r"period\b|\bthat\s+(?P<q>quarter)\b", re.I),
         the_period, "the same period", priority=1, anaphoric=True),
    Rule("in_the_unit", _c(r"\b(?P<pre>earlier|later|early|late)\s+in\s+the\s+(?P<unit>year|month|week|day|decade|century)\b", re.I),
         in_the_unit, "later in the week", priority=2, anaphoric=True),
    Rule("next_part_of_day", _c(r"\b(?:the|that)\s+(?P<rel>next|following|previous)\s+(?P<part>morning|afternoon|evening|night)\b", re.I),
         next_part_of_day, "the next morning", priority=2, anaphoric=True),
    Rule("part_of_day_mod", _c(r"\b(?P<pre>mid|early|late)[\s-]*(?P<part>morning|afternoon|evening)\b", re.I),
         part_of_day_mod, "mid-afternoon", priority=1, anaphoric=True),
    Rule("the_plural_units", _c(rf"\b(?:the\s+)(?:(?:past|last|next|first|final|coming|early|later|following)\s+(?:few\s+)?)?"
        rf"(?P<unit>{_PLURAL_UNIT})\b(?=\s+(?:before|after|ahead|that\s+followed|since|leading|of|to\s+come|following|preceding))", re.I),
         vague_units, "the weeks before", priority=0),
    Rule("vague_duration", _c(r"\b(?:for|in)\s+(?P<x>)(?:some\s+time|a\s+while|a\s+long\s+time|a\s+(?:fairly\s+)?(?:long|lengthy|short|brief)\s+(?:time|period))\b", re.I),
         vague_duration, "for some time", priority=0),
    Rule("by_years_end", _c(r"\b(?:by|at|before|until|toward|towards|near)\s+(?P<x>)(?:the\s+)?year['’]s\s+end\b", re.I),
         by_years_end, "by year's end", priority=2),
    # holidays
    Rule("holiday", _c(rf"\b(?P<name>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]?s(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?|"
        rf"Easter(?:\s+Sunday)?|Independence\s+Day|(?:the\s+)?Fourth\s+of\s+July|Labor\s+Day|Labour\s+Day|Memorial\s+Day|"
        rf"Veterans['’]?\s+Day|Armistice\s+Day|Remembrance\s+Day|Halloween|Valentine['’]s\s+Day|Boxing\s+Day|"
        rf"Martin\s+Luther\s+King(?:\s+Jr\.)?\s+Day|Presidents['’]?\s+Day|Columbus\s+Day|Mother['’]s\s+Day|"
        rf"Father['’]s\s+Day|Bastille\s+Day|St\.\s+Patrick['’]s\s+Day)(?:,?\s+(?P<year>{_YEAR}))?\b", 0),
         holiday, "Christmas Eve", priority=3),
)
