"""Events: something that happened at a time and a place, with the sentence that says so.

Entry point: :func:`extract_events` (one article, its resolved places and its time expressions in;
events out). Rules, not a model: a sentence with a dated time expression (or one it inherits from
the sentence or paragraph before) and a placed mention is an event. Movements ("Marines were sent from
Kuwait to reinforce the compound", "a battalion at Fort Bragg ... will go to Kuwait") get ``origin``
and ``destination`` roles; other places are ``site``s. A country named as the actor ("Iran denied")
is an actor, not a site.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from storymap.dates import Timex
from storymap.dates.calendar import MONTH_PATTERN, WEEKDAY_PATTERN
from storymap.model import BROAD_KINDS, POINT_KINDS, Article, Candidate, Place, ResolvedMention, Role
from storymap.places.qualifiers import qualifies_previous
from storymap.places.recognise import in_a_name
from storymap.story import clauses as cl
from storymap.story.headline import fallback_headline, headline

__all__ = ["EventPlace", "Event", "extract_events", "timex_to_dates", "sentences", "keywords"]

BACKGROUND_DAYS = 60  # events this long before the article's date are background
PARSE_CHARS = 1500  # a longer "sentence" is a run-on line: read as a sentence, not parsed


@dataclass(frozen=True)
class EventPlace:
    """A place of an event, with its role and the mention it comes from."""

    place: Place
    role: Role | str  # a Role (a str: "site", "origin", "destination")
    mention_start: int
    mention_end: int
    score: float
    alternatives: tuple[Candidate, ...] = ()


@dataclass(frozen=True)
class Event:
    """An event found in one article. Offsets are into :attr:`Article.text` of ``file``."""

    file: str
    start: int
    end: int
    quote: str
    date: str
    date_end: str | None
    title: str
    places: tuple[EventPlace, ...]
    actors: tuple[str, ...]
    keywords: frozenset[str]
    background: bool = False
    headline: str = ""  # complete, at most 80 characters (the title when empty)
    date_precision: str | None = None  # "day", "month", "year"...; None: read it from the date
    evidence: bool = False  # reported speech, opinion, a plan: evidence for a step, never one alone
    predicate: str = ""  # the lemma of the happening's verb ("storm"), when parsed
    lemmas: tuple[str, ...] = ()  # the sentence's content-word lemmas, when parsed

    @property
    def kind(self) -> str:
        return "background" if self.background else "event"


# -- sentences -----------------------------------------------------------------------------------

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
# A dateline ends in its region's abbreviation ("RIVERTON, Calif. (AP) -- Police said..."): no sentence end.
_DATELINE_HEAD = re.compile(r"\s*[A-Z][A-Z'’.\- ]{2,40},(?:\s+[A-Z][A-Za-z.]{0,12}){1,3}$")
_ABBREV_END = re.compile(r"\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Ft|Mt|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
                         r"Sep|Sept|Oct|Nov|Dec|No|Jr|Sr|Inc|Co|Corp|U\.S|U\.N|U\.K|D\.C|vs|etc)\.$")


def sentences(article: Article) -> list[tuple[int, int, int]]:
    """Sentences of the body as ``(segment_index, body_start, body_end)``."""
    out = []
    pos = 0
    for k, seg in enumerate(article.segments):
        text = seg.text
        start = 0
        for m in _SENT_END.finditer(text):
            if _ABBREV_END.search(text[start:m.start()]) or _DATELINE_HEAD.match(text[start:m.start()]):
                continue
            if text[start:m.start()].strip():
                out.append((k, pos + start, pos + m.start()))
            start = m.end()
        if text[start:].strip():
            out.append((k, pos + start, pos + len(text)))
        pos += len(text) + len(Article.SEPARATOR)
    return out


# -- dates ---------------------------------------------------------------------------------------

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_ISO_YEAR = re.compile(r"^(\d{4})$")
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_ISO_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON_MONTHS = {"SP": ("03", "05"), "SU": ("06", "08"), "FA": ("09", "11"), "WI": ("12", "02")}


def timex_to_dates(t: Timex, dct: dt.date | None) -> tuple[str, str | None] | None:
    """A TIMEX3 DATE/TIME value as ``(date, date_end)`` in the story's forms, or ``None``.

    >>> timex_to_dates(Timex(0, 4, "x", "DATE", "2019-W52-WE", "week"), None)
    ('2019-12-28', '2019-12-29')
    """
    if t.type not in ("DATE", "TIME"):
        return None
    if t.range and all(_ISO_DAY.match(r) or _ISO_MONTH.match(r) or _ISO_YEAR.match(r) for r in t.range):
        return _short(t.range[0]), _short(t.range[1])
    v = t.value
    if v == "PRESENT_REF" and dct:
        return dct.isoformat(), None
    m = _ISO_DAY.match(v)
    if m:
        return v[:10], None
    if _ISO_MONTH.match(v) or _ISO_YEAR.match(v):
        return v, None
    m = _ISO_WEEK.match(v)
    if m:
        monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return (monday + dt.timedelta(days=5)).isoformat(), (monday + dt.timedelta(days=6)).isoformat()
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    m = _ISO_QUARTER.match(v)
    if m:
        q = int(m[2])
        return f"{m[1]}-{3 * q - 2:02d}", f"{m[1]}-{3 * q:02d}"
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", v)
    if m:
        a, b = _SEASON_MONTHS[m[2]]
        end_year = int(m[1]) + (1 if m[2] == "WI" else 0)
        return f"{m[1]}-{a}", f"{end_year}-{b}"
    return None


def _short(v: str) -> str:
    return v[:10] if _ISO_DAY.match(v) else v


# -- roles ---------------------------------------------------------------------------------------

_MOVE_VERBS = re.compile(
    r"\b(?:sen[dt]|sending|deploy\w*|dispatch\w*|mov(?:e|ed|ing)|fl(?:y|ew|own)|arriv\w+|travel\w*|head(?:ed|ing)?|"
    r"transferr?\w*|evacuat\w+|withdr[ae]w\w*|relocat\w+|shipp?\w*|march\w*|went|go(?:ing)?|return\w*|"
    r"reinforc\w*|rushed|fled|flee\w*|bound)\b", re.I)
_LAST_PREP = re.compile(r"(?s).*\b(?:out\s+)?(from|of|leaving|left|to|into|toward|towards|reach(?:ed|ing)?|at)\s+"
                        r"(?:the\s+)?(?:[\w.'’-]+\s+){0,2}$", re.I)
_ORIGIN_AT = re.compile(r"\b(?:at|based\s+(?:at|in)|stationed\s+(?:at|in))\s+(?:the\s+)?$", re.I)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|into|to|from|across|over|near|at|inside|outside|throughout|within|toward|towards|through|around|"
    r"visit(?:ed|ing|s)?|invad\w+|entered|enter|off|on|along|of)\s+(?:the\s+)?(?:northern|southern|eastern|"
    r"western|central|neighbou?ring\s+)?$", re.I)
_CONTINUES = re.compile(r"\s*[\"“‘']?(?:he|she|they|it|his|her|their|its|this|that|these|those|meanwhile|but|and|also|"
                       r"later|then|the\s+(?:group|militia|crowd|protesters|statement)|[\"“‘'])\b", re.I)
_THE_NOUN = re.compile(r"\s*[\"“‘']?the\s+([a-z]{4,})\b", re.I)


def _names_again(sentence: str, before: str) -> bool:
    """Does ``sentence`` open with "The <noun>" that the sentence ``before`` named ("... spoke at the
    ceremony." / "The ceremony was held at the base"): it goes on about the same thing."""
    m = _THE_NOUN.match(sentence)
    return bool(m) and re.search(rf"\b{re.escape(m.group(1))}\b", before, re.I) is not None


# Nouns a country name modifies when it names who acts, not where: "US embassy", "U.S. troops".
_MODIFIED = re.compile(
    r"^[\s-]*(?:-?backed|-?led|-?based|embassy|embassies|consulate|forces?|troops|military|officials?|government|"
    r"president|air\s*strikes?|strikes|raids|soldiers|army|navy|marines|personnel|interests|sanctions|compound|"
    r"ambassador|citizens?|diplomats?|diplomatic|drones?|state|economy|ally|allies|administration|department|"
    r"leaders?|authorities|security|media|planes|jets|warships?|defen[cs]e|intelligence|officers?|nationals?|"
    r"facilities|facility|mission|bases?|coalition|policy|presence|withdrawal|contractor|flags?|"
    r"supreme|foreign|national|navy)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|plans?\s+to|is\s+due|are\s+due|to\s+be|scheduled|upcoming|next)\b", re.I)

_STOP = set("""a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having
he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on once
only or other our out over own same she should so some such than that the their them then there these they this
those through to too under until up very was we were what when where which while who whom why will with would
you your said says say told according also would could after before since just still even more most many much
one two three four five six seven eight nine ten first second third last week weeks month months year years day
days monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow morning afternoon evening
night january february march april may june july august september october november december jan feb mar apr jun
jul aug sep sept oct nov dec early late earlier later time times people official officials new""".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
# News words that name the same happening differently ("air strikes", "airstrikes", "raids").
_SYNONYMS = {
    "airstrike": "strike", "strikes": "strike", "raid": "strike", "raids": "strike", "bombing": "strike",
    "stormed": "storm", "storming": "storm", "breach": "storm", "breached": "storm", "attacked": "attack",
    "attacks": "attack", "protesters": "protest", "protestors": "protest", "protests": "protest",
    "demonstrators": "protest", "demonstration": "protest", "demonstrations": "protest", "withdrew": "withdraw",
    "withdrawal": "withdraw", "withdrawn": "withdraw", "retreated": "withdraw", "deployed": "deploy",
    "deployment": "deploy", "deploying": "deploy", "sent": "deploy", "killed": "kill", "killing": "kill",
    "condemned": "condemn", "summoned": "summon", "tankers": "tanker", "drones": "drone",
}


def keywords(text: str) -> frozenset[str]:
    """Content words of a sentence, folded so that reports of one happening share them."""
    text = re.sub(r"\bair[\s-]+strikes?\b", "airstrike", text, flags=re.I)
    out = set()
    for w in _WORD.findall(text):
        lw = w.lower().replace("’", "'").removesuffix("'s")
        if len(lw) < 4 or lw in _STOP:
            continue
        lw = _SYNONYMS.get(lw, lw)
        if len(lw) > 4 and lw.endswith("s") and not lw.endswith("ss"):
            lw = _SYNONYMS.get(lw[:-1], lw[:-1])  # "bases" and "base" are one word here
        out.add(lw)
    return frozenset(out)


def _title(quote: str) -> str:
    """A complete short title from the sentence alone (when it has no parse)."""
    return fallback_headline(re.sub(r"^(?:media_camera|Photo:|Image:)\s*", "", quote.strip()))


# -- extraction ----------------------------------------------------------------------------------


def _main_place(resolved: list[ResolvedMention]) -> Place | None:
    """The article's most-mentioned specific place (a city, district, base...), for implied destinations."""
    counts = Counter(r.place.id for r in resolved if r.place and not r.mention.demonym
                     and r.place.kind in POINT_KINDS)
    if not counts:
        return None
    pid = counts.most_common(1)[0][0]
    return next(r.place for r in resolved if r.place and r.place.id == pid)


def extract_events(article: Article, resolved: list[ResolvedMention], timexes: list[Timex],
                   dct: dt.date | None, nlp=None, entities: list | None = None,
                   seats=None) -> list[Event]:
    """Events of one article. ``timexes`` are offsets into :attr:`Article.body` (as ``find_timexes``
    gives them); ``resolved`` mentions carry raw offsets (as the geoparser gives them).

    With ``nlp`` (a spaCy pipeline with a parser, enabled or not), the sentences that name a place or
    open the article are parsed and each gives the events of its own clauses (:mod:`.parsed`); without
    it, a dated sentence with places is an event, as a sentence. ``entities`` are the model's entities
    the geoparser found in the article (``(start, end, label)`` in body offsets), reused by the parse;
    ``seats`` where bodies and governments act (:class:`storymap.story.parsed.Seats`)."""
    text = article.text
    sents = sentences(article)
    raw_sents = [(k, *article.to_raw(s, e)) for k, s, e in sents]
    dated = _dated(article, timexes, dct)
    # "the Riverton Herald", "Saint Ruprecht's Cathedral": a town's name inside another name is no site.
    firms = _company_spans(article, entities)
    places = sorted((r for r in resolved if r.place is not None and not r.mention.demonym
                     and not in_a_name(text, r.mention.start, r.mention.end)
                     and not _in_a_company(firms, r.mention.start, r.mention.end)), key=lambda r: r.mention.start)
    main = _main_place(resolved)
    # Sorted starts, so each sentence takes its dates and places by bisection: a scan of all of them
    # per sentence was quadratic on a long article.
    date_starts = [d[0] for d in dated]
    place_starts = [r.mention.start for r in places]
    events: list[Event] = []
    narration = _narration(article)
    peoples = sorted((r for r in resolved if r.place is not None and r.mention.demonym), key=lambda r: r.mention.start)
    people_starts = [r.mention.start for r in peoples]
    dateline = next((r for r in resolved if r.place is not None and r.mention.source == "dateline"), None)
    docs = _parse(article, sents, raw_sents, (place_starts, people_starts), date_starts, nlp,
                  narration, entities, seats.pattern if seats else None, dateline is not None) if nlp is not None else {}
    last_date: tuple[tuple[str, str | None], int, int] | None = None  # (dates, segment, age in paragraphs)
    date_at = 0  # the sentence that set last_date
    last_day: tuple[str, int] | None = None  # the last day the text named, and its paragraph of narration
    lead_day: tuple[str, int] | None = None  # the day the lead first names (of the last week), its paragraph
    prev_seg, prev_text = -1, ""
    person: str | None = None  # the person the article last named (for a later "he" or "she")
    things: tuple[str | None, str | None] = (None, None)  # ... and the things (for "it", "they")
    for idx, (k, s, e) in enumerate(raw_sents):
        # The cleaned body's sentence: the raw slice would carry markup (TimeML's <EVENT> and <SIGNAL>
        # tags, HTML, Markdown emphasis) into every title and export, and into the checks on words.
        clean = article.body[sents[idx][1]:sents[idx][2]]
        if k != prev_seg and last_date is not None:
            # A date carries into the next paragraph only when it continues the one before ("He also
            # dismissed...", "Meanwhile, ..."), for two paragraphs of narration at most (a quoted
            # paragraph between them is not counted).
            hops = last_date[2] + (narration[k] - narration[prev_seg])
            goes_on = _CONTINUES.match(text[s:e]) or _names_again(clean, prev_text)
            last_date = (last_date[0], k, hops) if hops <= 2 and goes_on else None
            date_at = idx  # a paragraph that goes on with the date counts its sentences afresh
        prev_seg, prev_text = k, clean
        own = dated[bisect_left(date_starts, s):bisect_left(date_starts, e)]
        sent_peoples = peoples[bisect_left(people_starts, s):bisect_left(people_starts, e)]
        if k >= 2 and last_day is not None and narration[k] - last_day[1] <= 3:
            own = [(d[0], d[1], (last_day[0], None), d[3]) if _bare_time_of_publication(d[3], dct) else d for d in own]
        day = next((d[2][0] for d in own if d[3].granularity == "day" and d[3].type == "DATE"), None)
        if day is not None:
            last_day = (day, narration[k])
            if k < 2 and lead_day is None and dct is not None and 0 <= _days_before(day, dct) <= 7:
                lead_day = (day, k)  # the day the lead's first dated paragraph tells of
        if idx in docs:
            from storymap.story.parsed import Sentence, last_person, last_things, sentence_events

            sent = Sentence(article, k, sents[idx][1], (s, e), docs[idx], own,
                            places[bisect_left(place_starts, s):bisect_left(place_starts, e)], dct, person,
                            things, tuple(sent_peoples), dateline, seats,
                            lead_day[0] if lead_day and k > lead_day[1] else None)  # a later lead paragraph goes on with it
            person, things = last_person(docs[idx], person), last_things(docs[idx], things)
            if last_date is not None and idx - date_at > CARRY_SENTENCES:
                last_date = None  # a date carries a few sentences, not through a paragraph-long article
            found, carried = sentence_events(sent, last_date[0] if last_date else None, raw_sents, idx, places,
                                             main)
            events.extend(found)
            if carried is not None:
                last_date, date_at = (carried, k, 0), idx
            continue
        attached = bool(own) and _noun_attached(text, s, own[0][0], own[0][1])
        if own:
            dates = own[0][2]
            # A date of another happening ("after the attack Tuesday") carries to the rest of its
            # paragraph only, never into the next one.
            last_date, date_at = (dates, k, 99 if attached else 0), idx
        elif last_date is not None and idx - date_at <= CARRY_SENTENCES:
            dates = last_date[0]
        else:
            continue
        quote = clean
        background = bool(dct) and _days_before(dates[0], dct) > BACKGROUND_DAYS
        if dct is not None and dates[0] > dct.isoformat() and not _FUTURE.search(quote):
            continue  # nothing in a news article happens after its publication unless it says so
        sent_places = places[bisect_left(place_starts, s):bisect_left(place_starts, e)]
        if attached:
            # "protesters in Baghdad angry over air strikes on Sunday": the date belongs to the
            # strikes, so only the places said after it can be theirs.
            sent_places = [r for r in sent_places if r.mention.start >= own[0][1]]
        eps = _roles(text, s, quote, sent_places, raw_sents, idx, places, main) if sent_places else []
        if not eps:
            if own:
                # Dated but placeless ("one on December 27 that killed a U.S. defense contractor"): kept
                # only to corroborate and date a placed report of the same event when merging.
                events.append(Event(article.path, s, e, quote.strip(), dates[0], dates[1], _title(quote), (), (),
                                    keywords(quote), background))
            continue
        if not own and all(ep.place.kind in BROAD_KINDS for ep in eps):
            continue  # an inherited date and only a country: too vague to be a step of its own
        events.append(_placed_event(article.path, (s, e), quote, dates, eps, sent_places, sent_peoples, dct,
                                    background))
    return events


_QUOTED_PARAGRAPH = re.compile(r"^\s*[\"“‘]")


def _narration(article: Article) -> list[int]:
    """For each paragraph, how many paragraphs of narration (not opening with a quotation mark) the
    article has up to it: the distance a date may carry is counted in these."""
    out, n = [], 0
    for seg in article.segments:
        n += not _QUOTED_PARAGRAPH.match(seg.text)
        out.append(n)
    return out


_COMPANY_WORDS = re.compile(r"\b(?:" + "|".join(map(re.escape, cl.words("company_words"))) + r")\b\.?", re.I)


def _company_spans(article: Article, entities: list | None) -> list[tuple[int, int, int]]:
    """``(start, end, word)`` in raw offsets of each company the model named ("Riverton Instruments",
    "Lakeside Holdings Corp."): the span of its ORG entity and where its company word starts."""
    out = []
    for start, end, label in entities or ():
        if label != "ORG":
            continue
        m = _COMPANY_WORDS.search(article.body, start, end)
        if m:
            rs, re_ = article.to_raw(start, end)
            out.append((rs, re_, article.to_raw(m.start(), m.end())[0]))
    return out


def _in_a_company(firms: list[tuple[int, int, int]], start: int, end: int) -> bool:
    """Is the place at raw ``[start, end)`` a word of a company's name, before its company word?"""
    return any(fs <= start and end <= word for fs, fe, word in firms)


#: How many sentences after its own a date dates sentences that name none (a paragraph's next
#: sentences go on with its day; an article printed as one paragraph does not go on with it to its end).
CARRY_SENTENCES = 3

# Words that name a day: the date finder's own weekday and month tables, and the days said in words.
_DAY_WORDS = re.compile(rf"\b(?:{WEEKDAY_PATTERN}|{MONTH_PATTERN}|yesterday|today|tonight)|\d{{4}}|\d+/\d+", re.I)


def _bare_time_of_publication(t: Timex, dct: dt.date | None) -> bool:
    """A time of day that names no day ("in the late afternoon", "at 10 p.m."), put on the article's
    own day for want of any. Past the lead it belongs to the day the narration last named (a report
    of Wednesday's events published on Thursday), which :func:`extract_events` gives it."""
    return (dct is not None and t.type == "TIME" and t.value.startswith(dct.isoformat())
            and not _DAY_WORDS.search(t.text))


def _parse(article: Article, sents, raw_sents, starts: tuple[list[int], list[int]], date_starts: list[int], nlp,
           narration: list[int], entities: list | None = None, bodies: re.Pattern | None = None,
           datelined: bool = False) -> dict:
    """Parses of the sentences that can hold an event: those naming a place, a people ("Ruritanian
    police...") or a body that acts at one seat (``bodies``), in the lead (the first two paragraphs) or
    near a date. ``{}`` when ``nlp`` has no parser.
    ``starts`` are the sorted starts of the place and of the people mentions; ``narration`` is
    :func:`_narration`'s count."""
    place_starts, people_starts = starts
    dated_at = sorted({narration[k] for k, s, e in raw_sents if any(s <= d < e for d in date_starts)})

    def near_a_date(k: int) -> bool:  # a dated paragraph at most two paragraphs of narration before
        x = bisect_left(dated_at, narration[k] - 2)
        return x < len(dated_at) and dated_at[x] <= narration[k]

    # The lede: the first sentence of six words or more (not the dateline line, "OSLO (AP) --").
    lede = next((i for i, (k, s, e) in enumerate(raw_sents)
                 if k < 2 and len(article.body[sents[i][1]:sents[i][2]].split()) >= 6), None) if datelined else None
    # A sentence can give an event when it names a place and it is dated, or may inherit a date (a dated
    # paragraph within the two before), or it opens the article.
    want = [i for i, (k, s, e) in enumerate(raw_sents) if sents[i][2] - sents[i][1] <= PARSE_CHARS
            and (bisect_left(place_starts, s) < bisect_left(place_starts, e)
                 or bisect_left(people_starts, s) < bisect_left(people_starts, e)
                 or bodies is not None and bodies.search(article.body, sents[i][1], sents[i][2])
                 or i == lede)  # a datelined report's first sentence happened at the dateline
            and (k < 2 or near_a_date(k))]
    ents = None
    if entities is not None:  # each sentence's share of the article's entities, in its own offsets
        found = sorted(entities)
        starts = [a for a, _, _ in found]  # by bisection: a scan per sentence is quadratic on a long article
        ents = [[(a - sents[i][1], b - sents[i][1], lab)
                 for a, b, lab in found[bisect_left(starts, sents[i][1]):bisect_left(starts, sents[i][2])]
                 if b <= sents[i][2]] for i in want]
    texts = [article.body[sents[i][1]:sents[i][2]] for i in want]
    if datelined:  # the parser would take the city for the subject ("OSLO arrests two men")
        texts = [blank_dateline(t) if raw_sents[i][0] < 2 else t for i, t in zip(want, texts)]
    parsed = cl.parse_sentences(nlp, texts, ents)
    return dict(zip(want, parsed)) if parsed else {}


# The dateline that opens a report: the city in capitals, maybe its region or date, maybe the agency
# in brackets, then a dash ("OSLO, Norway (AP) -- ", "RIVERTON, May 3 (Wire) - ", "OSLO _ ").
_DATELINE_LEAD = re.compile(r"\s*[A-Z][A-Z.'’\- ]{1,40}[A-Z.](?:,[^()\n—–_]{1,40}?)?\s*(?:\([^()\n]{1,30}\)\s*)?"
                            r"(?:—|–|--|-|_)\s*(?=\S)")


def blank_dateline(text: str) -> str:
    """``text`` with the dateline that opens it turned into spaces (offsets kept), so the parse starts
    at the report's own first word."""
    m = _DATELINE_LEAD.match(text)
    return " " * m.end() + text[m.end():] if m else text


def _dated(article: Article, timexes: list[Timex], dct: dt.date | None) -> list[tuple]:
    """The time expressions that give a story date, as ``(raw_start, raw_end, (date, date_end), timex)``
    sorted by start."""
    dated = []
    for t in timexes:
        d = timex_to_dates(t, dct)
        if d:
            rs, re_ = article.to_raw(t.start, t.end)
            dated.append((rs, re_, d, t))
    dated.sort(key=lambda d: d[0])
    return dated


def _placed_event(path: str, span: tuple[int, int], quote: str, dates: tuple[str, str | None],
                  eps: list[EventPlace], sent_places: list[ResolvedMention], peoples: list[ResolvedMention],
                  dct: dt.date | None, background: bool) -> Event:
    """The event of a dated sentence with places: its range ends by the article's date (unless it says
    what will happen), and the countries that act and the peoples named ("Iranian") are its actors."""
    s, e = span
    date_end = dates[1]
    if dct is not None and date_end and date_end > dct.isoformat() and not _FUTURE.search(quote):
        date_end = dct.isoformat()
    dates = (dates[0], date_end if date_end != dates[0] else None)
    actors = tuple(dict.fromkeys(
        r.place.name for r in sent_places if r.place.kind == "country" and not any(
            ep.mention_start == r.mention.start for ep in eps)))
    actors += tuple(dict.fromkeys(r.place.name for r in peoples if r.place.name not in actors))
    return Event(path, s, e, quote.strip(), dates[0], dates[1], _title(quote), tuple(eps),
                 actors, keywords(quote), background)


_EVENT_NOUN = (r"(?:air\s*strikes?|airstrikes?|strikes?|attacks?|raids?|bombings?|shelling|assaults?|elections?|"
               r"protests?|votes?|meetings?|talks|summit|killings?|deaths?|invasion|coup|ceasefire|deal)")
_NOUN_BEFORE = re.compile(rf"\b{_EVENT_NOUN}\s+(?:on|of|last|this|in|early|late)?\s*$", re.I)
_NOUN_AFTER = re.compile(rf"^['’]s\s+(?:\w+\s+){{0,2}}{_EVENT_NOUN}\b", re.I)


def _noun_attached(text: str, sent_start: int, start: int, end: int) -> bool:
    """Does the date name when some other happening was ("strikes on Sunday", "the weekend's strikes")?"""
    return bool(_NOUN_BEFORE.search(text[max(sent_start, start - 40):start]) or _NOUN_AFTER.match(text[end:end + 40]))


def _days_before(date: str, dct: dt.date) -> int:
    y, m, d = (date.split("-") + ["12", "28"])[:3] if len(date) == 4 else (date.split("-") + ["28"])[:3]
    try:
        return (dct - dt.date(int(y), int(m), int(d))).days
    except ValueError:
        return 0


def _roles(text: str, s: int, quote: str, sent_places: list[ResolvedMention], raw_sents, idx: int,
           all_places: list[ResolvedMention], main: Place | None) -> list[EventPlace]:
    moving = bool(_MOVE_VERBS.search(quote))
    out: list[EventPlace] = []
    seen: set[tuple[str, str]] = set()
    prev_role = None
    prev_end = -1
    for r in sent_places:
        before = text[s:r.mention.start]
        p = r.place
        if qualifies_previous(text, prev_end, r.mention.start, p):
            prev_end = r.mention.end
            continue  # "Fort Bragg, North Carolina": the state qualifies the town before it
        role = "site"
        if moving:
            # The nearest preposition before the name decides: "from Iraq to Baghdad".
            prep = _LAST_PREP.search(before)
            word = prep.group(1).lower() if prep else ""
            if word in ("from", "leaving", "left") or (word == "of" and re.search(r"\bout\s+of\s", prep.group(0)[-40:], re.I)):
                role = "origin"
            elif word in ("to", "into", "toward", "towards", "reach", "reached", "reaching"):
                role = "destination"
            elif word in ("at",) or _ORIGIN_AT.search(before):
                role = "origin"
        coordinated = prev_role is not None and bool(re.fullmatch(r",?\s*(?:and|or)?\s*", text[prev_end:r.mention.start]))
        if coordinated and role == "site":
            role = prev_role  # "in Iraq and Syria", "from Kuwait and Qatar"
        if p.kind == "country" and (_MODIFIED.match(text[r.mention.end:r.mention.end + 30]) or (
                role == "site" and not coordinated and not _LOCATIVE_BEFORE.search(before))):
            prev_role, prev_end = None, r.mention.end
            continue  # "Iran denied", "U.S. troops": the country acts; it is not where it happened
        prev_role, prev_end = role, r.mention.end
        key = (p.id, role)
        if key in seen:
            continue
        seen.add(key)
        out.append(EventPlace(p, role, r.mention.start, r.mention.end, r.score, r.alternatives))
    roles = {ep.role for ep in out}
    if "origin" in roles and "destination" not in roles:
        dest = _destination_ahead(text, raw_sents, idx, all_places)
        if dest is None and main is not None and main.id not in {ep.place.id for ep in out}:
            # "sent from Kuwait to reinforce the compound": the destination is where the story is.
            dest = EventPlace(main, "destination", -1, -1, 0.0)
        if dest is not None:
            out.append(dest)
    specific = [ep for ep in out if ep.place.kind != "country"]
    if specific and len(specific) < len(out) and not any(ep.role != "site" for ep in out):
        out = specific  # a town and its country: the town says where
    return out


_GO_TO = re.compile(r"\b(?:go|goes|going|gone|sent|send|deploy\w*|head\w*|fl(?:y|ew|own)|move\w*|bound)\s+(?:\w+\s+){0,2}"
                    r"(?:to|for|into)\s+(?:the\s+)?$", re.I)


def _destination_ahead(text: str, raw_sents, idx: int, places: list[ResolvedMention]) -> EventPlace | None:
    """ "... authorized the deployment of a battalion at Fort Bragg ... they will go to Kuwait." """
    for k2, s2, e2 in raw_sents[idx + 1: idx + 3]:
        for r in places:
            if s2 <= r.mention.start < e2 and _GO_TO.search(text[s2:r.mention.start]):
                return EventPlace(r.place, "destination", r.mention.start, r.mention.end, r.score, r.alternatives)
    return None
