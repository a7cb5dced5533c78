"""The events of one parsed sentence: each happening clause, dated by the time expression attached to
it, placed at the place attached to it, with a headline from its own words.

Entry point: :func:`sentence_events` (called by :func:`storymap.story.events.extract_events` for the
sentences it could parse).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from storymap.model import BROAD_KINDS, Article, Mention, Place, ResolvedMention
from storymap.places.qualifiers import qualifies_previous
from storymap.places.words import ORG_WORDS
from storymap.dates.calendar import parse_number
from storymap.story import clauses as cl
from storymap.story.headline import headline, noun_headline, subject_text as _phrase_text

__all__ = ["Sentence", "sentence_events", "content_lemmas", "last_person", "last_things", "surname",
           "named_actors"]

PERSON_NOUNS, HOME_NOUNS = cl.PERSON_NOUNS, cl.HOME_NOUNS
_DAY_BEFORE = re.compile(r"\b(?:overnight|late\s+yesterday|last\s+night|yesterday)\b", re.I)
_QUOTE_OPEN = re.compile(r"^\s*[\"“‘]")
_SINCE = re.compile(r"\bsince\s+$", re.I)


@dataclass(frozen=True)
class Sentence:
    """A parsed sentence: its article, paragraph, body start, raw span, parse, dated time expressions
    (``(raw_start, raw_end, (date, date_end), timex)``), resolved places and the article's date."""

    article: Article
    seg: int
    body_start: int
    raw: tuple[int, int]
    doc: object
    own: list
    places: list[ResolvedMention]
    dct: dt.date | None
    person: str | None = None  # the name the article last gave a person before this sentence
    things: tuple[str | None, str | None] = (None, None)  # the last sentence's (singular, plural) subject
    peoples: tuple[ResolvedMention, ...] = ()  # the peoples it names ("Iranian"), resolved to their countries
    dateline: ResolvedMention | None = None  # the article's dateline city ("OSLO (AP) --"), if it has one
    seats: Seats | None = None  # where bodies and governments act (see seat_places)
    lead_day: str | None = None  # the recent day an earlier paragraph of the lead names, if any

    @property
    def text(self) -> str:
        """The sentence as the article gives it (the parse's text may have its dateline blanked)."""
        return self.article.body[self.body_start:self.body_start + len(self.doc.text)]

    def person_before(self, tok) -> str | None:
        """Who "he" or "she" at ``tok`` most likely is: the last person this sentence names as a subject
        before it, else the last person it names before it, else the person of the sentences before."""
        return _person(self.doc, tok.i) or self.person

    def referent(self, tok) -> str | None:
        """What the pronoun ``tok`` names in a headline: a person for "he"/"she"; for "it"/"they" the
        nearest earlier noun of this sentence that agrees in number ("the militia ... when it
        withdrew"), else the previous sentence's subject of that number; ``None`` when unsure."""
        word = tok.lower_
        if word in ("he", "she"):
            return self.person_before(tok)
        if word not in ("it", "they"):
            return None
        plural = word == "they"
        found = _thing(self.doc, tok.i, plural)
        return found or self.things[plural]

    def rel(self, raw_pos: int) -> int:
        """The character of the parse at raw offset ``raw_pos``."""
        seg = self.article.segments[self.seg]
        local = raw_pos - seg.start if seg.offsets is None else bisect_left(seg.offsets, raw_pos)
        return self.article._starts[self.seg] + local - self.body_start

    def timex_span(self, d) -> tuple[int, int]:
        t = d[3]
        return t.start - self.body_start, t.end - self.body_start


def surname(ent) -> str | None:
    """How a headline names the person of a PERSON entity: the last word of a full name ("Mayor Ana
    Lopez" → "Lopez"), without a possessive."""
    words = [t.text for t in ent if t.text not in ("'s", "’s", "'", "’") and not t.is_punct]
    if not words or not words[-1][:1].isupper():
        return None
    return words[-1]


def _person(doc, before: int) -> str | None:
    """The person the parse names before token ``before``: a subject first (a later "he" most often
    continues the subject), then any person it names."""
    people = {t.i: e for e in doc.ents if e.label_ == "PERSON" for t in e}
    subjects = [t for t in doc if t.i < before and t.dep_ in ("nsubj", "nsubjpass")]
    for t in reversed(subjects):
        if t.i in people:
            return surname(people[t.i])
        if t.lemma_.lower() in PERSON_NOUNS and t.pos_ == "NOUN":
            return _phrase_text(t)
        if t.tag_ == "NNP" and t.head.lemma_.lower() in cl.REPORTING and _unlabelled_name(t):
            return t.text  # "Lopez said ...": a speaker the recogniser did not label
    # Not a person named only as whose someone is ("a friend of Ann Lee's killer said she ..."): "she"
    # is the friend, not Lee.
    named = [e for e in doc.ents if e.label_ == "PERSON" and e.end <= before and e.root.dep_ != "poss"]
    return surname(named[-1]) if named else None


def _unlabelled_name(t) -> bool:
    """Can the proper noun ``t`` be a person's name the recogniser missed: unlabelled, or a one-word
    ORG ("Lopez" taken for a firm), but not the last word of a group's name ("the Police Department
    said")?"""
    if ORG_WORDS.fullmatch(t.text):
        return False
    if t.ent_type_ == "":
        return True
    alone = t.ent_iob_ == "B" and (t.i + 1 == len(t.doc) or t.doc[t.i + 1].ent_iob_ != "I")
    return t.ent_type_ == "ORG" and alone


_NOT_THINGS = frozenset("""it they them this that which who what one ones some many most all others other
people time day week month year years days weeks months something anything everything nothing""".split())


def _is_thing(tok, plural: bool) -> bool:
    """Can ``tok`` be what "it" (``plural`` false) or "they" names: a noun of that number, not a person,
    a time or a pronoun?"""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ in _NOT_THINGS or tok.ent_type_ in ("PERSON", "DATE", "TIME"):
        return False
    if tok.lemma_.lower() in PERSON_NOUNS and not plural:
        return False  # "the mayor ... it": not her
    return (tok.tag_ in ("NNS", "NNPS")) == plural


def _thing(doc, before: int, plural: bool) -> str | None:
    """The nearest noun before token ``before`` that "it"/"they" can name, as a headline subject: a
    subject or object of an earlier clause of the sentence."""
    pron = doc[before]
    # "the principle of fairness it upheld": a relative clause's subject is never the noun the clause
    # describes, nor a noun of that noun's phrase.
    skip = {t.i for t in pron.head.head.subtree} if pron.head.dep_ == "relcl" else set()
    if skip:
        # ... it is most often the subject of the clause around it ("the court strayed from the
        # principle it upheld": the court)
        verb = next((a for a in pron.head.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
        if subj is not None and subj.i < before and subj.i not in skip and _is_thing(subj, plural):
            return _named_briefly(subj)
    if pron.dep_ in ("nsubj", "nsubjpass") and pron.head.dep_ == "ccomp" and pron.head.head.pos_ in ("VERB", "AUX"):
        # "the council announced in Oslo that it will close the bridge": the one who says so is the
        # one who will, not the nearest noun
        sayer = next((c for c in pron.head.head.children if c.dep_ == "nsubj"), None)
        if sayer is not None and sayer.i < before and _is_thing(sayer, plural):
            return _named_briefly(sayer)
    for t in reversed(doc[:before]):
        if t.i not in skip and t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and _is_thing(t, plural):
            return _named_briefly(t)
    return None


def _named_briefly(tok) -> str | None:
    """The noun phrase of ``tok`` as a headline subject when it is short (five words at most), else ``None``."""
    text = _phrase_text(tok)
    return text if len(text.split()) <= 5 else None


def last_things(doc, before: tuple) -> tuple[str | None, str | None]:
    """The (singular, plural) things a parsed sentence's subjects name, for a later "it" or "they";
    the previous ones where it names none."""
    subjects = [t for t in doc if t.dep_ in ("nsubj", "nsubjpass")]
    out = list(before)
    for plural in (False, True):
        named = [t for t in subjects if _is_thing(t, plural)]
        if named:
            text = _phrase_text(named[0])
            out[plural] = text if len(text.split()) <= 5 else None
        elif any(t.lower_ == ("they" if plural else "it") for t in subjects):
            continue  # "they" again: the same group
        else:
            out[plural] = out[plural] if not subjects else None
    return out[0], out[1]


def last_person(doc, before: str | None) -> str | None:
    """The person a parsed sentence names (for the sentences after it), else ``before``."""
    return _person(doc, len(doc)) or before


def named_actors(ents, places) -> list[str]:
    """The people and organisations among spaCy entities ``ents``, as actors: quotes and a leading
    "the" stripped, and never a name of one of the event's ``places`` (a place the model took for a
    group)."""
    from storymap.places.names import normalize_name

    named = [ent.text.strip(" '’\"“”") for ent in ents if ent.label_ in ("PERSON", "ORG")]
    named = [n.removeprefix("the ").removeprefix("The ") for n in named if len(n) > 2]
    where = {normalize_name(p.place.name) for p in places}
    return [n for n in named if normalize_name(n) not in where]


def content_lemmas(doc) -> tuple[str, ...]:
    """The lemmas of a parse's content words (nouns, verbs, names, adjectives; no reporting verbs)."""
    return tuple(t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ") and t.is_alpha
                 and not t.is_stop and len(t) > 2 and t.lemma_.lower() not in cl.REPORTING and t.ent_type_ != "DATE")


def _date(sent: Sentence, clause, inherited, main: bool):
    """``(dates, precision, from_own)`` for the clause, or ``None``: the attached time expression, else
    (main clause) the first not naming a noun's time, else the inherited one, else the lead's rule."""
    doc = sent.doc
    att = [d for d in sent.own if cl.attached(doc, *sent.timex_span(d), clause) and not _perfect_past(sent, clause, d)]
    if att and all(_bare_clock(sent, d) for d in att):
        # "He was shot at 10 p.m. as he stood ...": the hour of the day the sentences before named,
        # not of the article's day; past the lead with no day named near it, of no day known
        if inherited is not None:
            return (None, None, inherited, None), False
        if sent.seg >= 2:
            return None
    if att:
        return att[0], True
    if clause.announce:
        # The time said between the verb and its clause ("said on Monday it would ...") is the saying's.
        comp = next(c for c in clause.pred.children if c.dep_ == "ccomp")
        subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), comp)
        lo, hi = clause.pred.idx, subj.left_edge.idx
        own = [d for d in sent.own if lo <= sent.timex_span(d)[0] < hi]
        return (own[0], True) if own else None if sent.own else _lead_date(sent, clause)
    if not main:
        return None
    free = [d for d in sent.own if not cl.names_a_thing(doc, *sent.timex_span(d)) and not _perfect_past(sent, clause, d)
            and not cl.in_a_relative(doc, *sent.timex_span(d), clause) and not _a_conjuncts_own(sent, clause, d)]
    if free:
        return free[0], True
    after = [d for d in sent.own if cl.after_a_thing(doc, *sent.timex_span(d), clause)]
    if after:
        return after[0], True  # "arrived after the storm on Monday": on that day, at the earliest
    # A day the parser hung on a noun that is no happening ("found explosives Sunday in a shed") is
    # the clause's own time, before one carried from an earlier sentence.
    loose = [d for d in sent.own if d[3] is not None and d[3].granularity == "day"
             and cl.dated_noun(doc, *sent.timex_span(d)) is None and not cl.in_a_relative(doc, *sent.timex_span(d), clause)]
    if loose and inherited is not None:
        return loose[0], True
    if any(_a_conjuncts_own(sent, clause, d) for d in sent.own):
        return None  # its own time is a phrase the date finder cannot read: no date, not another's
    if cl.present_perfect(clause.pred) and any(c.dep_ == "advmod" and c.lower_ == "already" for c in clause.pred.children):
        return None  # "the council has already approved it": some time before, not the day of the news
    if inherited is not None and not _perfect_of_the_past(sent, clause, inherited[0]):
        return (None, None, inherited, None), False
    rest = [d for d in sent.own if not cl.in_a_relative(doc, *sent.timex_span(d), clause)]
    return _lead_date(sent, clause) or ((rest[0], True) if rest else None)


_COUNTED_UNITS = {"day": 1, "week": 7}
_OCCURRENCE = frozenset(cl.words("occurrence_verbs"))


def _counted_from(clause, main, main_got):
    """The day of a clause the main clause is counted from ("the vote came a day after the minister
    signed the papers": the signing was the day before the vote; "two weeks before the rebels
    seized the town"), when the main clause has a day of its own; else ``None``."""
    pred = clause.pred
    if main_got is None or pred.dep_ != "advcl" or pred.head.i != main.pred.i:
        return None
    mark = next((c for c in pred.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None or mark.i == 0:
        return None
    unit = pred.doc[mark.i - 1]  # "a day", "two weeks" just before "after"
    days = _COUNTED_UNITS.get(unit.lemma_.lower())
    if days is None or unit.dep_ != "npadvmod":
        return None
    count = next((c for c in unit.children if c.dep_ in ("nummod", "det")), None)
    n = 1 if count is not None and count.lower_ in ("a", "an", "one") else (
        parse_number(count.text) if count is not None and count.dep_ == "nummod" else None)
    day = main_got[0][2][0]
    if not n or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day or "") or main_got[0][2][1]:
        return None
    sign = -1 if mark.lower_ == "after" else 1
    at = dt.date.fromisoformat(day) + dt.timedelta(days=sign * int(n) * days)
    return (None, None, (at.isoformat(), None), None), False


#: Nouns of a span of time: a phrase on one ("in the weeks before the fire") times its clause.
_TIME_UNITS = frozenset("second minute hour day night morning afternoon evening week weekend month year decade".split())


def _a_conjuncts_own(sent: Sentence, clause, d) -> bool:
    """Does the time expression date a verb conjoined with the clause's ("was spotted ... in the weeks
    before the fire, and was found at the airport in December") while the clause has a time phrase
    of its own that the date finder does not read? Then that date is the other verb's."""
    verb = next((a for a in cl._ancestors_outside(sent.doc, *sent.timex_span(d)) if a.pos_ in ("VERB", "AUX")), None)
    pred = clause.pred
    if verb is None or verb.i == pred.i or not (verb.dep_ == "conj" and verb.head.i == pred.i or
                                                 pred.dep_ == "conj" and pred.head.i == verb.i):
        return False
    return _time_phrase(pred)


def _time_phrase(pred) -> bool:
    """Has the verb a time phrase of its own ("in the weeks before the fire", "during the storm")?"""
    return any(c.dep_ == "prep" and (c.lower_ in ("before", "after", "during", "until", "since") or any(
        p.dep_ == "pobj" and p.lemma_.lower() in _TIME_UNITS for p in c.children)) or
        c.dep_ == "npadvmod" and c.lemma_.lower() in _TIME_UNITS for c in pred.children)


_CLOCK = re.compile(r"(?:at\s+)?(?:about\s+|around\s+)?\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?|o'clock)?|noon|midnight",
                    re.I)


def _bare_clock(sent: Sentence, d) -> bool:
    """Is the time expression only an hour ("10 p.m.", "at noon"), naming no day of its own?"""
    t = d[3]
    return t is not None and t.granularity == "time" and bool(_CLOCK.fullmatch(sent.text[slice(*sent.timex_span(d))].strip()))


def _perfect_of_the_past(sent: Sentence, clause, value: str) -> bool:
    """Is the clause in the present perfect ("Ruritania has stalled the treaty") and ``value`` a
    finished year or month before the article's? The perfect tells of now: it does not go on with a
    past date the sentences before named ("The treaty was signed in May 1997. ... has stalled")."""
    if sent.dct is None or not cl.present_perfect(clause.pred) or not re.fullmatch(r"\d{4}(?:-\d{2})?", value or ""):
        return False
    return value < sent.dct.isoformat()[: len(value)]


def _perfect_past(sent: Sentence, clause, d) -> bool:
    """Is the clause in the present perfect ("has been arrested") and the time expression a finished
    year or month before the article's ("last year", "in May" of an earlier month)? English does not
    put the two together ("*has been arrested last year"): the parse tied to the verb a time that
    belongs to a noun ("in connection with the floods last year"). "Since 2015", "this year" fit."""
    if sent.dct is None or not cl.present_perfect(clause.pred):
        return False
    text = sent.text[slice(*sent.timex_span(d))].lower()
    value = d[2][0]
    if "since" in text or not re.fullmatch(r"\d{4}(?:-\d{2})?", value):
        return False
    return value < sent.dct.isoformat()[: len(value)]


def _lead_date(sent: Sentence, clause):
    """News convention: the undated past event of the lead (its first two paragraphs) is the article's
    day ("overnight", "late yesterday": the day before)."""
    if sent.seg < 2 and sent.dct is not None and (clause.past or clause.announce) and not clause.opinion:
        if sent.lead_day is not None:
            return (None, None, (sent.lead_day, None), None), False  # the lead goes on with the day it named
        day = sent.dct - dt.timedelta(days=1) if _DAY_BEFORE.search(sent.text) else sent.dct
        return (None, None, (day.isoformat(), None), None), False
    return None


def _roles(sent: Sentence, clause) -> tuple[list, list[str]]:
    """The clause's places as ``(place, role, mention)`` and the countries that act in it."""
    out, actors, seen = [], [], set()
    prev_end, prev_role = -1, None
    text = sent.article.text
    line = sent.dateline.mention.start if sent.dateline is not None else None
    for r in sent.places:
        p = r.place
        if r.mention.start == line:
            prev_end = r.mention.end  # and its region ("OSLO, Norway (AP) --") qualifies it
            continue  # the dateline ("OSLO (AP) --") is where the report was filed: see _dateline_site
        if qualifies_previous(text, prev_end, r.mention.start, p):
            prev_end = r.mention.end
            continue  # "Springfield, Illinois": the state qualifies the town
        role = cl.place_role(sent.doc, sent.rel(r.mention.start), sent.rel(r.mention.end), clause,
                             broad=p.kind in BROAD_KINDS)
        if role == "mentioned" and _in_quotes(sent.text, sent.rel(r.mention.start)):
            role = "described"  # signs that read "Justice for Oslo": words quoted, not where it happened
        if role == "actor":
            if p.kind == "country":
                actors.append(p.name)
                prev_end, prev_role = r.mention.end, None
                continue
            # "the Oslo office": near where it happened; "Oslo said": the government there acted.
            tok = cl._span_head(sent.doc, sent.rel(r.mention.start), sent.rel(r.mention.end))
            role = "subject" if tok is not None and tok.dep_ in ("nsubj", "nsubjpass") else "modifier"
        if role == "mentioned" and prev_role in ("origin", "destination", "site") and re.fullmatch(
                r",?\s*(?:and|or)?\s*", text[prev_end:r.mention.start]):
            role = prev_role
        prev_end, prev_role = r.mention.end, role
        if (p.id, role) not in seen:
            seen.add((p.id, role))
            out.append((p, role, r))
    # A place named twice ("OSLO (AP) -- Police in Oslo ...") is listed once, in the role that says most.
    roled = {p.id for p, role, _ in out if role != "mentioned"}
    out = [x for x in out if x[1] != "mentioned" or x[0].id not in roled]
    # A clause with no site takes a town it names itself before one named elsewhere in the sentence
    # ("the vote in Oslo came after rebels seized Bergen": the seizure's town is Bergen).
    mine = {t.i for t in clause.pred.subtree}
    out.sort(key=lambda x: _head_index(sent, x[2]) not in mine)
    return [_settle_site(v) for v in _by_country(sent, out)], actors


def _head_index(sent: Sentence, r) -> int | None:
    """The parse token heading the mention ``r`` in ``sent``, or ``None``."""
    tok = cl._span_head(sent.doc, sent.rel(r.mention.start), sent.rel(r.mention.end))
    return tok.i if tok is not None else None


def _in_quotes(text: str, pos: int) -> bool:
    """Is the character at ``pos`` inside a quotation ("...", “...”) that opens and closes in ``text``?"""
    before, after = text[:pos], text[pos:]
    if before.count("“") > before.count("”") and "”" in after:
        return True
    return before.count('"') % 2 == 1 and '"' in after


def _by_country(sent: Sentence, found: list) -> list[list]:
    """One reading per site when the clause names sites in different countries, each describing one of
    two coordinated things ("strikes on camps in Ruritania and a depot in Freedonia": two happenings),
    else ``[found]``."""
    sites = [x for x in found if x[1] == "site"]
    if len(sites) != 2 or sites[0][0].country == sites[1][0].country:
        return [found]
    heads = []
    for x in sites:
        tok = cl._span_head(sent.doc, sent.rel(x[2].mention.start), sent.rel(x[2].mention.end))
        heads.append(tok.head.head if tok is not None and tok.dep_ == "pobj" else None)
    if None in heads or not (_conjoined(*heads) or _conjoined(*heads[::-1])):
        return [found]
    return [[x if x is site else (x[0], "mentioned" if x[1] == "site" else x[1], x[2]) for x in found]
            for site in sites]


def _settle_site(found: list) -> list:
    """A site finer than a country when one is named: a country site gives way to a town of the
    clause in it; with no site at all, a town or district named in the clause is the site (not one the
    clause blames or tells: "blamed Oslo" is Norway's government)."""
    fine = [x for x in found if x[0].kind not in BROAD_KINDS and x[1] in ("site", "subject", "modifier", "mentioned")]
    sites = [x for x in found if x[1] == "site"]
    moving = any(x[1] in ("origin", "destination") for x in found)
    if sites and all(x[0].kind in BROAD_KINDS for x in sites) and fine:
        inside = [x for x in fine if x[0].country and x[0].country in {s[0].country for s in sites}]
        acting = [x for x in fine if x[1] == "subject"]  # "Oslo protested about the raids in Ruritania"
        if inside or acting:
            sites = [(inside or acting)[0]]
    elif not sites and not moving and fine:
        sites = [fine[0]]
    elif sites and any(x[0].kind not in BROAD_KINDS for x in sites):
        sites = [x for x in sites if x[0].kind not in BROAD_KINDS]
    site_ids = {id(x) for x in sites[:1]}
    out = []
    for x in found:
        role = "site" if id(x) in site_ids else (x[1] if x[1] in ("origin", "destination") else "mentioned")
        out.append((x[0], role, x[2]))
    out.sort(key=lambda x: x[1] != "site")
    return out


#: Prepositions of a site that a headline keeps as the article says them ("strikes near Al-Qaim",
#: "ceremony at the air base"); any other site is "in" it.
_SITE_WORDS = frozenset(("at", "near", "outside", "inside", "off", "across", "around"))


def _done_there(placed: list, sent: Sentence, c) -> list:
    """``placed`` without the sites that are only where an announced plan was said: "the council
    announced in Oslo that it will close the bridge" reads "Council to close bridge", not "... in Oslo";
    "... that it will close the bridge in Bergen" keeps Bergen."""
    comp = next((t for t in c.pred.children if t.dep_ == "ccomp"), None) if c.announce else None
    if comp is None:
        return placed
    lo, hi = comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge)
    return [x for x in placed if x[1] != "site" or (x[2].mention.start >= 0 and
                                                    lo <= sent.rel(x[2].mention.start) < hi)]


def _site_phrase(places: list, sent: Sentence | None = None, head=None) -> str | None:
    for p, role, r in places:
        if role == "site":
            return f"{_site_word(sent, r, head)} {p.name}"
    for p, role, _ in places:
        if role == "destination":
            return f"to {p.name}"
    return None


def _site_word(sent: Sentence | None, r, head=None) -> str:
    """The preposition of the site's mention in ``sent`` when it is one of :data:`_SITE_WORDS` and
    its phrase belongs to ``head`` (the event's verb or noun) or its object ("fired near the base",
    "struck a depot near the city"; not "called on them to regroup outside the zone"), else "in"."""
    mention = getattr(r, "mention", None)
    if sent is None or mention is None or head is None:
        return "in"
    tok = cl._span_head(sent.doc, sent.rel(mention.start), sent.rel(mention.end))
    if tok is None:
        return "in"
    # The preposition whose object the name is ("at the Pentagon", "across northern and western
    # Ruritania"); a name that only qualifies the object ("at the bureau's Riverton office") is "in" it.
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj":
        return "in"
    before = tok.head
    owner = before.head
    # "struck a depot near the city", "slammed into the coast near the city": the place of the
    # verb's object, or of the object of its preposition, is the deed's.
    while owner.i != head.i and (owner.dep_ == "dobj" or owner.dep_ == "pobj" and owner.head.dep_ == "prep"):
        owner = owner.head.head if owner.dep_ == "pobj" else owner.head
    return before.lower_ if before.lower_ in _SITE_WORDS and owner.i == head.i else "in"


def sentence_events(sent: Sentence, inherited, raw_sents, idx: int, all_places,
                    main_place: Place | None) -> tuple[list, tuple | None]:
    """The events of the sentence's clauses and of its dated event nouns, and the dates later sentences
    may inherit (or ``None``)."""
    doc, quote = sent.doc, sent.text
    if cl.is_caption(quote, doc):
        return [], None
    found = cl.clauses(doc)
    if not found:
        return [], None
    main = next((c for c in found if not (c.opinion or c.embedded or c.announce)), found[0])
    ctx = (raw_sents, idx, all_places, main_place, bool(_QUOTE_OPEN.match(quote)), content_lemmas(doc))
    events, carried = [], None
    main_got = _date(sent, main, inherited, True)
    for c in found:
        got = main_got if c is main else _date(sent, c, inherited, False)
        if got is None and c.embedded:
            got = _counted_from(c, main, main_got)
        if got is None:
            continue
        if c is main and got[1]:
            carried = got[0][2]
        own = ctx[:5] + (_lemmas(c.pred),)
        readings, actors = _roles(sent, c)
        for placed in readings:
            placed = _dateline_site(sent, _seat_site(sent, c, _capital_site(sent, c, _home_site(sent, c, placed))))
            ev = _clause_event(sent, c, got, (placed, actors), own)
            if ev is not None:
                events.append(ev)
    return events + _noun_events(sent, ctx, found), carried


def _clause_event(sent: Sentence, c, got, roles, ctx, head: str | None = None):
    """The event of one clause with its date ``got`` and places ``roles``, or ``None`` (after the
    article's date)."""
    from storymap.story.events import BACKGROUND_DAYS, Event, EventPlace, _days_before, _destination_ahead, keywords

    raw_sents, idx, all_places, main_place, quoted, lemmas = ctx
    (d, from_own), (placed, actors) = got, roles
    dates, quote, (s, e) = d[2], sent.text, sent.raw
    if sent.dct is not None and dates[0] > sent.dct.isoformat() and not c.opinion:
        return None  # nothing in a news article happens after its publication unless it says so
    eps = [EventPlace(p, role, r.mention.start, r.mention.end, r.score, r.alternatives) for p, role, r in placed]
    roles_found = {ep.role for ep in eps}
    if "origin" in roles_found and "destination" not in roles_found:
        dest = _destination_ahead(sent.article.text, raw_sents, idx, all_places)
        left = any(ep.role == "origin" and cl.leaves_from(sent.doc, sent.rel(ep.mention_start), sent.rel(ep.mention_end)) for ep in eps)
        if dest is None and not left and main_place is not None and main_place.id not in {ep.place.id for ep in eps}:
            # "sent from Oslo to help": where the story is; "withdrew from Oslo" went anywhere
            dest = EventPlace(main_place, "destination", -1, -1, 0.0)
        if dest is not None:
            eps.append(dest)
    actors = [*actors, *(r.place.name for r in sent.peoples)]
    actors += named_actors(sent.doc.ents, eps)
    background = bool(sent.dct) and (_days_before(dates[0], sent.dct) > BACKGROUND_DAYS or bool(
        d[3] is not None and _SINCE.search(quote[:sent.timex_span(d)[0]])))
    date_end = dates[1]
    if sent.dct is not None and date_end and date_end > sent.dct.isoformat() and not c.opinion:
        date_end = sent.dct.isoformat()
    subj = c.subject
    person = sent.referent(subj) if subj is not None else None
    if not head and subj is not None and c.lemma in _OCCURRENCE and subj.pos_ == "NOUN" and (
            subj.lemma_.lower() in cl.EVENT_NOUNS):
        head = noun_headline(subj, _site_phrase(placed, sent, subj))  # "the vote came...": "Vote in Oslo"
    head = head or headline(c, _site_phrase(_done_there(placed, sent, c), sent, c.pred), person=person)
    return Event(sent.article.path, s, e, quote.strip(), dates[0], date_end if date_end != dates[0] else None,
                 head, tuple(eps), tuple(dict.fromkeys(actors)), keywords(quote), background,
                 headline=head, evidence=c.opinion or quoted or _first_person(c) or (not from_own and _repeated(c)),
                 predicate=c.lemma, lemmas=lemmas,
                 date_precision=None if from_own or d[3] is not None else "day")


def _home_site(sent: Sentence, c, placed: list) -> list:
    """``placed``, with the country of the clause's subject as its site when the clause names no place
    where it happened and the subject is a body that acts at home ("Ruritanian police arrested two
    men", "Ruritania's parliament voted": in Ruritania); with its capital when the subject is the
    country's government or its head and the clause is something said or decided ("Ruritania's
    president condemned the raid", "the Ruritanian ministry summoned the envoy": in its capital)."""
    subj = c.subject
    if subj is not None and subj.lower_ in ("they", "it") and c.reported and c.pred.dep_ == "ccomp":
        subj = cl._child(c.pred.head, ("nsubj",))  # "police said they had arrested...": the police
    lemma = subj.lemma_.lower() if subj is not None else ""
    at_capital = lemma in cl.GOVERNMENT_NOUNS and _said_or_decided(c)
    if subj is None or not (lemma in HOME_NOUNS or at_capital) or any(
            role in ("site", "origin", "destination") for _, role, _ in placed):
        return placed
    for r in sorted((*sent.places, *sent.peoples), key=lambda r: r.mention.start):
        if r.place is None or r.place.kind != "country":
            continue
        tok = cl._span_head(sent.doc, sent.rel(r.mention.start), sent.rel(r.mention.end))
        if tok is not None and tok.head.i == subj.i and tok.dep_ in ("amod", "compound", "poss", "nmod"):
            capital = sent.seats.capitals.get(r.place.country) if at_capital and sent.seats else None
            if at_capital and capital is None:
                return placed  # a head of government acts where he is, not all over his country
            site = capital or r.place
            return [(site, "site", r), *[x for x in placed if x[0].id != site.id]]
    return placed


_NOT_THE_NAME = ("relcl", "appos", "acl", "punct", "cc", "conj")  # "the council, which met on Monday, ..."


class Seats(NamedTuple):
    """Where bodies act: each body of ``data/seats.txt`` by each of its names (lower case) mapped to its
    seat, each country's capital by country code, and a pattern finding the bodies' names in text."""

    bodies: Mapping[str, Place]
    capitals: Mapping[str, Place]
    pattern: re.Pattern | None

    @classmethod
    def of(cls, bodies: Mapping[str, Place], capitals: Mapping[str, Place] | None = None) -> "Seats":
        names = sorted(bodies, key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.I) if names else None
        return cls(dict(bodies), dict(capitals or {}), pattern)


@lru_cache(maxsize=4)
def seat_places(gazetteer) -> Seats:
    """The :class:`Seats` of ``gazetteer``: the bodies whose seat it has, and its capitals (none when it
    has no ``capitals()``); read once per gazetteer."""
    bodies: dict[str, Place] = {}
    for line in cl.words("seats"):
        names, _, pid = line.partition(" = ")
        place = gazetteer.get(pid.strip())
        if place is not None:
            bodies.update((n.strip(), place) for n in names.split("|"))
    capitals = getattr(gazetteer, "capitals", None)
    return Seats.of(bodies, capitals() if capitals is not None else None)


def _said_or_decided(c) -> bool:
    """Is the clause something said, judged or decided ("condemned", "said", "summoned", "voted"), which a
    government or a body does where it sits, not a deed done anywhere ("bombed", "arrested")?"""
    return c.lemma in cl.STANCE or c.lemma in cl.REPORTING or c.lemma in cl.DECISION_VERBS or c.announce


def _seat_site(sent: Sentence, c, placed: list) -> list:
    """``placed``, with the seat of the clause's subject as its site when the subject is a body that
    acts at one seat ("the Security Council voted"), the clause is something it said or decided (its
    deeds, "the alliance's jets struck", happen elsewhere) and it names no place where it happened."""
    subj = c.subject
    if not sent.seats or subj is None or not _said_or_decided(c) or any(
            role in ("site", "origin", "destination") for _, role, _ in placed):
        return placed
    cut = {t.i for t in subj.subtree for a in (t, *t.ancestors) if a.i != subj.i and a.dep_ in _NOT_THE_NAME
           and subj.i in {x.i for x in a.ancestors}}
    name = " ".join(t.lower_ for t in subj.subtree if t.i not in cut and t.dep_ not in ("det", "punct"))
    seat = sent.seats.bodies.get(name)
    if seat is None:
        return placed
    return [(seat, "site", ResolvedMention(Mention(sent.article.path, -1, -1, subj.text), seat, 0.0)), *placed]


def _capital_site(sent: Sentence, c, placed: list) -> list:
    """``placed``, with the capital as its site when the clause happened "in the capital" and the
    sentence names one country ("Police in Ruritania fired tear gas in the capital"): not the whole
    country, nor a town of another clause."""
    if not sent.seats or any(role in ("site", "origin", "destination") and p.kind not in BROAD_KINDS
                             for p, role, _ in placed):
        return placed
    at_capital = any(t.lemma_.lower() == "capital" and t.dep_ == "pobj" and t.head.lower_ in ("in", "at")
                     and any(d.lower_ == "the" for d in t.children if d.dep_ == "det")
                     and not any(x.dep_ == "prep" for x in t.children) and cl._within(t.head, c)
                     for t in sent.doc)
    countries = {p.country: r for p, _, r in placed if p.kind == "country" and p.country}
    if not at_capital or len(countries) != 1:
        return placed
    code, r = next(iter(countries.items()))
    capital = sent.seats.capitals.get(code)
    if capital is None:
        return placed
    rest = [(p, "mentioned" if role == "site" else role, m) for p, role, m in placed if p.id != capital.id]
    return [(capital, "site", r), *rest]


def _dateline_site(sent: Sentence, placed: list) -> list:
    """``placed``, with the article's dateline city ("OSLO (AP) --") as its site when the clause is in
    the lead (the first two paragraphs) and names no place where it happened: news reports from the
    dateline what happened there."""
    if sent.seg >= 2 or any(role in ("site", "origin", "destination") for _, role, _ in placed):
        return placed
    line = sent.dateline
    if line is None:
        return placed
    return [(line.place, "site", line), *[x for x in placed if x[0].id != line.place.id]]


_MANY = frozenset("numerous several many repeated multiple countless frequent dozens scores".split())


def _repeated(c) -> bool:
    """Does the clause tell of many happenings ("militias have conducted numerous attacks", "he has been
    arrested a dozen times", "they repeatedly shelled the port")? With no time of its own that is a
    pattern over months, not one happening a step can place and date."""
    obj = c.object
    if obj is not None and obj.tag_ == "NNS" and any(
            m.lower_ in _MANY for m in obj.children if m.dep_ in ("amod", "nummod", "quantmod", "det")):
        return True
    for t in c.pred.children:
        if t.dep_ == "advmod" and t.lower_ in cl.HABITS:
            return True
        if t.lemma_.lower() == "time" and t.tag_ == "NNS" and t.dep_ in ("npadvmod", "advmod", "dobj"):
            return True  # "a dozen times", "several times", "three times" (not "at the time")
    return False


def _first_person(c) -> bool:
    """A clause whose subject is "I", "we" or "you" is someone speaking (a quote without its quotation
    marks): evidence, not a happening of its own."""
    subj = c.subject
    return subj is not None and subj.lower_ in ("i", "we", "you")


def _dated_nouns(sent: Sentence, found) -> list:
    """``(noun, timex)`` for each noun naming a happening with a date of its own ("a raid on the depot
    last week"), or the object of a state dated as a whole ("the campaign included a raid in May")."""
    pairs = [(cl.dated_noun(sent.doc, *sent.timex_span(d)), d) for d in sent.own]
    for c in found:
        obj = c.object
        if obj is None or obj.lemma_.lower() not in cl.EVENT_NOUNS or not (c.lemma in cl.STATIVE or c.opinion):
            continue
        for d in sent.own:
            # A plan dated before the article ("will investigate the 2010 floods") dates its object.
            past = sent.dct is not None and d[2][0] < sent.dct.isoformat()[:len(d[2][0])]
            if cl.attached(sent.doc, *sent.timex_span(d), c) and (c.lemma in cl.STATIVE or past):
                pairs.append((obj, d))
    return [(n, d) for n, d in pairs if n is not None]


def _noun_events(sent: Sentence, ctx, found) -> list:
    """Events named by a noun with a date of its own (:func:`_dated_nouns`): sited at the places inside
    the noun's phrase, the finest first."""
    out = []
    for noun, d in _dated_nouns(sent, found):
        inside = {t.i for t in noun.subtree}
        # The places in the noun's phrase, the finest first; else a people named in what it struck
        # ("an attack on Ruritanian ports": in Ruritania; "the killing of a Ruritanian" is no site).
        mine = _inside(sent, sent.places, inside) or _inside(sent, list(sent.peoples), _target_tokens(noun))
        mine.sort(key=lambda r: r.place.kind in BROAD_KINDS)
        placed = [(r.place, "site" if k == 0 else "mentioned", r) for k, r in enumerate(mine)]
        ev = _clause_event(sent, cl.Clause(noun), (d, True), (placed, []), ctx[:5] + (_lemmas(noun),),
                           head=noun_headline(noun, _site_phrase(placed, sent, noun), _tokens(sent, d)))
        if ev is not None:
            out.append(ev)
    return out


def _target_tokens(noun) -> set[int]:
    """The tokens of what the noun's happening was on or against ("an attack on the depot")."""
    return {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")
            for t in c.subtree}


def _tokens(sent: Sentence, d) -> frozenset[int]:
    """The tokens of the time expression ``d`` and of their subtrees ("last week's")."""
    span = sent.doc.char_span(*sent.timex_span(d), alignment_mode="expand")
    return frozenset(t.i for tok in (span or ()) for t in tok.subtree)


def _conjoined(a, b) -> bool:
    """Is ``b`` a conjunct of ``a`` or of a word in ``a``'s phrase ("camps in Ruritania and a depot")?"""
    return b.dep_ == "conj" and (b.head.i == a.i or a.i in {t.i for t in b.head.ancestors})


def _inside(sent: Sentence, mentions, tokens: set[int]) -> list:
    """The mentions whose head token is one of ``tokens`` and names where, not who ("the Ruritanian
    raids" name the raiders)."""
    out = []
    for r in mentions:
        tok = cl._span_head(sent.doc, sent.rel(r.mention.start), sent.rel(r.mention.end))
        who = tok is not None and (tok.dep_ in _WHO or tok.dep_ == "poss" and tok.head.i not in tokens)
        if tok is not None and tok.i in tokens and (r.mention.demonym or not who):
            out.append(r)
    return out


_WHO = ("compound", "amod", "nmod", "nsubj", "nsubjpass")  # and a possessive of the noun itself


def _lemmas(tok) -> tuple[str, ...]:
    """The content lemmas of a clause or a noun's own words (its subtree, and for a relative clause the
    noun it describes)."""
    words = list(tok.subtree)
    if tok.dep_ == "relcl":
        words += list(tok.head.subtree)
    return content_lemmas(words)
