"""The events of one parsed sentence: each happening clause, dated by the time expression attached to
it, placed at the place attached to it, with a headline from its own words.

Entry point: :func:`sentence_events` (called by :func:`storymap.story.events.extract_events` for the
sentences it could parse).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass

from storymap.model import BROAD_KINDS, Article, Place, ResolvedMention
from storymap.places.qualifiers import qualifies_previous
from storymap.story import clauses as cl
from storymap.story.headline import headline

__all__ = ["Sentence", "sentence_events", "content_lemmas"]

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

    def rel(self, raw_pos: int) -> int:
        """The character of the parse at raw offset ``raw_pos``."""
        seg = self.article.segments[self.seg]
        local = raw_pos - seg.start if seg.offsets is None else bisect_left(seg.offsets, raw_pos)
        return self.article._starts[self.seg] + local - self.body_start

    def timex_span(self, d) -> tuple[int, int]:
        t = d[3]
        return t.start - self.body_start, t.end - self.body_start


def content_lemmas(doc) -> tuple[str, ...]:
    """The lemmas of a parse's content words (nouns, verbs, names, adjectives; no reporting verbs)."""
    return tuple(t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "VERB", "PROPN", "ADJ") and t.is_alpha
                 and not t.is_stop and len(t) > 2 and t.lemma_.lower() not in cl.REPORTING and t.ent_type_ != "DATE")


def _date(sent: Sentence, clause, inherited, main: bool):
    """``(dates, precision, from_own)`` for the clause, or ``None``: the attached time expression, else
    (main clause) the first not naming a noun's time, else the inherited one, else the lead's rule."""
    doc = sent.doc
    att = [d for d in sent.own if cl.attached(doc, *sent.timex_span(d), clause)]
    if att:
        return att[0], True
    if not main:
        return None
    free = [d for d in sent.own if not cl.names_a_thing(doc, *sent.timex_span(d))]
    if free:
        return free[0], True
    if inherited is not None:
        return (None, None, inherited, None), False
    if sent.seg < 2 and sent.dct is not None and clause.past and not clause.opinion:
        # News convention: the undated past event of the lead is the article's day ("overnight": the day before).
        day = sent.dct - dt.timedelta(days=1) if _DAY_BEFORE.search(doc.text) else sent.dct
        return (None, None, (day.isoformat(), None), None), False
    return (sent.own[0], True) if sent.own else None


def _roles(sent: Sentence, clause) -> tuple[list, list[str]]:
    """The clause's places as ``(place, role, mention)`` and the countries that act in it."""
    out, actors, seen = [], [], set()
    prev_end, prev_role = -1, None
    text = sent.article.text
    for r in sent.places:
        p = r.place
        if qualifies_previous(text, prev_end, r.mention.start, p):
            prev_end = r.mention.end
            continue  # "Springfield, Illinois": the state qualifies the town
        role = cl.place_role(sent.doc, sent.rel(r.mention.start), sent.rel(r.mention.end), clause)
        if role == "actor":
            if p.kind == "country":
                actors.append(p.name)
                prev_end, prev_role = r.mention.end, None
                continue
            role = "modifier"  # "the Oslo office": near where it happened
        if role == "mentioned" and prev_role in ("origin", "destination", "site") and re.fullmatch(
                r",?\s*(?:and|or)?\s*", text[prev_end:r.mention.start]):
            role = prev_role
        prev_end, prev_role = r.mention.end, role
        if (p.id, role) not in seen:
            seen.add((p.id, role))
            out.append((p, role, r))
    return _settle_site(out), actors


def _settle_site(found: list) -> list:
    """A site finer than a country when one is named: a country site gives way to a town of the
    clause in it; with no site at all, a town or district named in the clause is the site."""
    fine = [x for x in found if x[0].kind not in BROAD_KINDS and x[1] in ("site", "modifier", "mentioned")]
    sites = [x for x in found if x[1] == "site"]
    moving = any(x[1] in ("origin", "destination") for x in found)
    if sites and all(x[0].kind in BROAD_KINDS for x in sites) and fine:
        inside = [x for x in fine if x[0].country and x[0].country in {s[0].country for s in sites}]
        if inside:
            sites = [inside[0]]
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


def _site_phrase(places: list) -> str | None:
    for p, role, _ in places:
        if role == "site":
            return f"in {p.name}"
    for p, role, _ in places:
        if role == "destination":
            return f"to {p.name}"
    return None


def sentence_events(sent: Sentence, inherited, raw_sents, idx: int, all_places, main_place: Place | None,
                    resolved) -> tuple[list, tuple | None]:
    """The events of the sentence's clauses, and the dates later sentences may inherit (or ``None``)."""
    from storymap.story.events import BACKGROUND_DAYS, Event, EventPlace, _days_before, _destination_ahead, keywords

    doc, quote = sent.doc, sent.doc.text
    if cl.is_caption(quote, doc):
        return [], None
    found = cl.clauses(doc)
    if not found:
        return [], None
    main = next((c for c in found if not c.opinion), found[0])
    quoted = bool(_QUOTE_OPEN.match(quote))
    events, carried = [], None
    lemmas = content_lemmas(doc)
    s, e = sent.raw
    for c in found:
        got = _date(sent, c, inherited, c is main)
        if got is None:
            continue
        d, from_own = got
        dates = d[2]
        if c is main and from_own:
            carried = dates
        if sent.dct is not None and dates[0] > sent.dct.isoformat() and not c.opinion:
            continue  # nothing in a news article happens after its publication unless it says so
        placed, actors = _roles(sent, c)
        eps = [EventPlace(p, role, r.mention.start, r.mention.end, r.score, r.alternatives) for p, role, r in placed]
        roles = {ep.role for ep in eps}
        if "origin" in roles and "destination" not in roles:
            dest = _destination_ahead(sent.article.text, raw_sents, idx, all_places)
            if dest is None and main_place is not None and main_place.id not in {ep.place.id for ep in eps}:
                dest = EventPlace(main_place, "destination", -1, -1, 0.0)  # "sent from Oslo to help": where the story is
            if dest is not None:
                eps.append(dest)
        actors += [r.place.name for r in resolved if r.mention.demonym and s <= r.mention.start < e]
        background = bool(sent.dct) and (_days_before(dates[0], sent.dct) > BACKGROUND_DAYS or bool(
            d[3] is not None and _SINCE.search(quote[:sent.timex_span(d)[0]])))
        date_end = dates[1]
        if sent.dct is not None and date_end and date_end > sent.dct.isoformat() and not c.opinion:
            date_end = sent.dct.isoformat()
        head = headline(c, _site_phrase(placed))
        events.append(Event(sent.article.path, s, e, quote.strip(), dates[0], date_end if date_end != dates[0] else None,
                            head, tuple(eps), tuple(dict.fromkeys(actors)), keywords(quote), background,
                            headline=head, evidence=c.opinion or quoted, predicate=c.lemma, lemmas=lemmas,
                            date_precision=None if from_own or d[3] is not None else "day"))
    return events, carried
