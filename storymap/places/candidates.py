"""Candidate place spans in one spaCy ``Doc``: one small generator per source, in an ordered table.

Each generator is ``(doc, context) -> list[SpanCandidate]``. :data:`GENERATORS` runs them in order:
the dateline and the model's entities first, then the gazetteer scans over what the model left
alone. An earlier generator *closes* the spans it has decided (``context.close``) so later scans do
not read inside them; people's names, groups and languages are closed before any generator runs.
Where candidates overlap, the longer wins, then the lower :class:`Priority` (see
:mod:`storymap.places.recognise`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Callable, Iterable, Iterator, NamedTuple

from ..model import STRONG_KINDS, Article
from .gazetteer import GazetteerLike, NameMatch
from .names import normalize_name
from .qualifiers import qualifier_after
from .words import CONNECTORS, DIRECTIONS, INSTITUTION_WORDS, NOT_ALONE, ORG_WORDS, TITLES

__all__ = [
    "Priority",
    "SpanCandidate",
    "Context",
    "Generator",
    "GENERATORS",
    "dateline",
    "ner_places",
    "nationalities",
    "metonyms",
    "capitalised_runs",
    "gazetteer_phrases",
    "person_parts",
    "dateline_names",
    "is_strong",
]


class Priority(IntEnum):
    """Which of two overlapping candidates of equal length wins: the lower."""

    ENTITY = 0  #: a dateline, or a span the model labels a place or a nationality
    RELABELLED = 1  #: a span the model labels otherwise that is really a place ("Tehran said")
    PHRASE = 2  #: a lower-case multi-word name of a prominent place ("the green zone")
    RUN = 3  #: a gazetteer name inside a capitalised run the model left alone


@dataclass(frozen=True)
class SpanCandidate:
    """A span of the article's body that may be a place mention."""

    start: int  # offsets into the body text
    end: int
    source: str  # the mention's source: dateline | qualified | ner | gazetteer
    demonym: bool  # "Iranian": the place of a nationality
    rank: Priority  # lower wins on overlap at equal length
    weak: bool = False  # a possible place the article's context must confirm (see confirm_weak)


def keep_text(doc, text: str):
    """``doc``, knowing its text is ``text`` (what the model was given), so that :func:`_doc_text`
    need not join its tokens again."""
    doc.user_data[_TEXT_KEY] = text
    return doc


def _doc_text(doc) -> str:
    """The doc's text, joined once: ``Doc.text`` joins every token anew on each call, and the
    generators ask for it per entity and per run piece (quadratic on a long doc)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "storymap.text"


@dataclass
class Context:
    """What a generator knows beside the doc: the gazetteer, the article around the doc, and the
    spans decided so far (doc-local character offsets)."""

    gazetteer: GazetteerLike
    person_parts: frozenset[str] = frozenset()  # words of people's names anywhere in the article
    offset: int = 0  # where the doc starts in the body
    opens_paragraph: bool = True  # the doc starts a paragraph (a dateline may open it)
    known_only: bool = True  # drop place entities the gazetteer cannot place
    closed: list[tuple[int, int]] = field(default_factory=list)
    phrase_matcher: Callable | None = None  # spaCy PhraseMatcher over the gazetteer's phrases

    @classmethod
    def for_doc(cls, doc, gazetteer: GazetteerLike, **kw) -> "Context":
        """A context whose closed spans are the doc's people, groups and languages."""
        ctx = cls(gazetteer, **kw)
        ctx.closed = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _CLOSED_LABELS]
        return ctx

    def matches(self, text: str) -> list[NameMatch]:
        return self.gazetteer.lookup(text) if normalize_name(text) else []

    def close(self, start: int, end: int) -> None:
        self.closed.append((start, end))

    def is_closed(self, start: int, end: int) -> bool:
        return any(start < b and a < end for a, b in self.closed)

    def extends_closed(self, start: int, end: int) -> bool:
        """Does ``start:end`` overlap closed spans only by holding them whole, and more besides ("Little
        Havana" around the entity "Havana")?"""
        over = [(a, b) for a, b in self.closed if start < b and a < end]
        return bool(over) and all(start <= a and b <= end and (a, b) != (start, end) for a, b in over)

    def candidate(self, start: int, end: int, source: str, demonym: bool, rank: Priority,
                  weak: bool = False) -> SpanCandidate:
        """A candidate for the doc-local span ``start:end``."""
        return SpanCandidate(self.offset + start, self.offset + end, source, demonym, rank, weak)


class Generator(NamedTuple):
    """One source of candidates, named for the reader and the tests."""

    name: str
    find: Callable[[object, Context], list[SpanCandidate]]


_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_CLOSED_LABELS = {"PERSON", "NORP", "LANGUAGE"}  # names of people and groups: closed to the scans
_TRIM_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRIM_TAIL = re.compile(r"(?:['’]s|['’]|[\s,;:!?)\]]+|(?<=[a-z]{3})\.)$")
_SPLIT_COMMA = re.compile(r",\s*")
# Places strong enough to be taken from the gazetteer alone, without the model's word.
_STRONG_KINDS = STRONG_KINDS
_MIN_CITY_POP_ALONE = 100_000
_CITY_POP_MULTIWORD = 1_000
# A dateline opens a news paragraph: "SPRINGFIELD, Ohio --", "RIVERTON —", "OLDTOWN (AP) -".
# It may follow a headline run into the same paragraph ("Storm hits coast. NEWTON, N.J. — ...").
_DATELINE = re.compile(r"(?:^|(?<=[.!?:]\s))\s*([A-Z][A-Z.'’\- ]{1,40}[A-Z.])(?=\s*(?:,|\(|—|–|--|-\s|_\s))")
_DATELINE_REACH = 400


def dateline_names(body: str, gazetteer: GazetteerLike) -> set[str]:
    """The city names of the datelines that open the body's paragraphs, in title case ("JOPLIN, Mo."
    → "Joplin"): the article is filed from a place of that name, so the word names no person in it."""
    ctx = Context(gazetteer)
    found = (_dateline_city(para, ctx) for para in body.split(Article.SEPARATOR))
    return {" ".join(w.capitalize() for w in m.group(1).split()) for m in found if m is not None}


def _dateline_city(text: str, ctx: Context) -> re.Match[str] | None:
    """The first dateline near the start of ``text`` whose city (group 1) the gazetteer knows."""
    for m in _DATELINE.finditer(text[:_DATELINE_REACH]):
        if m.group(1).strip() and any(not x.demonym and x.place.kind in ("city", "region", "country")
                                      for x in ctx.matches(m.group(1))):
            return m
    return None


# -- the generators ------------------------------------------------------------------------------
def dateline(doc, ctx: Context) -> list[SpanCandidate]:
    """The city of a dateline ("SPRINGFIELD, Ohio —") at the start of a paragraph."""
    m = _dateline_city(_doc_text(doc), ctx) if ctx.opens_paragraph else None
    if m is None:
        return []
    ctx.close(m.start(1), m.end(1))
    return [ctx.candidate(m.start(1), m.end(1), "dateline", False, Priority.ENTITY)]


def ner_places(doc, ctx: Context) -> list[SpanCandidate]:
    """The model's GPE, LOC and FAC entities the gazetteer can place (split at commas, trimmed)."""
    out = []
    for ent in doc.ents:
        if ent.label_ not in _PLACE_LABELS:
            continue
        for ps, pe in _split_list(_doc_text(doc), ent.start_char, ent.end_char):
            c = _ner_part(_doc_text(doc), ctx, ent.label_, *_trim(_doc_text(doc), ps, pe))
            if c is not None:
                # The whole entity is decided: "Jamaica Cancer Society" stays open to the scans only
                # when no part of it was taken here.
                ctx.close(ent.start_char, ent.end_char)
                out.append(c)
    return out


def _ner_part(text: str, ctx: Context, label: str, ps: int, pe: int) -> SpanCandidate | None:
    if pe <= ps:
        return None
    surface = text[ps:pe]
    if surface in ctx.person_parts and not _is_country(ctx, surface):
        return None
    if surface.islower():
        return None  # "the van was found": a common word the model took for a place (names are capitalised)
    if surface.lower() in DIRECTIONS:
        return None  # "the South", "the West": too vague to map
    matches = [m for m in ctx.matches(surface)
               if m.demonym or m.place.kind != "city" or m.place.population >= 1000]
    if label == "FAC" and not matches:
        return None  # a building the gazetteer does not know is seldom a toponym worth mapping
    if not matches and ctx.known_only and _looks_like_place(surface) and _qualified(ctx, text, pe):
        # "Smallville, Conn.": a town too small for the gazetteer, in a named state; the resolver
        # places it at that state with a low score.
        return ctx.candidate(ps, pe, "qualified", False, Priority.ENTITY)
    if not matches and label != "FAC" and _looks_like_place(surface) and any(
            not m.demonym for m in ctx.matches(surface)):
        # A village the model calls a place (pop. 900): kept when the article's other places
        # confirm it, like other weak names.
        return ctx.candidate(ps, pe, "ner", False, Priority.ENTITY, weak=True)
    if not matches and (ctx.known_only or not _looks_like_place(surface)):
        return None
    demonym = bool(matches) and all(m.demonym for m in matches)  # a nationality tagged GPE
    return ctx.candidate(ps, pe, "ner", demonym, Priority.ENTITY)


def nationalities(doc, ctx: Context) -> list[SpanCandidate]:
    """NORP entities: a nationality the gazetteer knows ("Iranian"), or a town the model took for one."""
    out = []
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        ps, pe = _trim(_doc_text(doc), ent.start_char, ent.end_char)
        surface = _doc_text(doc)[ps:pe]
        if surface.islower():
            continue  # a common word, not a name (see _ner_part)
        if any(m.demonym for m in ctx.matches(surface)):
            out.append(ctx.candidate(ps, pe, "ner", True, Priority.ENTITY))
        elif _weak_name(ctx, surface, doc, ent.start):
            out.append(ctx.candidate(ps, pe, "ner", False, Priority.RELABELLED, weak=True))
    return out


def metonyms(doc, ctx: Context) -> list[SpanCandidate]:
    """ORG and PERSON entities that are places: "Tehran said", a nationality or a region taken for a
    name, or a small place's name with nothing against it (weak)."""
    out = []
    for ent in doc.ents:
        label = ent.label_
        if label not in ("ORG", "PERSON"):
            continue
        ps, pe = _trim(_doc_text(doc), ent.start_char, ent.end_char)
        surface = _doc_text(doc)[ps:pe]
        if surface.islower():
            continue  # "the van was found" tagged a person: a common word, not a name
        if label == "PERSON" and len(ent) == 1 and surface not in ctx.person_parts and any(
                m.demonym for m in ctx.matches(surface)):
            out.append(ctx.candidate(ps, pe, "ner", True, Priority.RELABELLED))  # a nationality taken for a name
        elif _metonym(ctx, surface, doc, ent, label):
            out.append(ctx.candidate(ps, pe, "ner", False, Priority.RELABELLED))
        elif _weak_name(ctx, surface, doc, ent.start):
            out.append(ctx.candidate(ps, pe, "ner", False, Priority.RELABELLED, weak=True))
    return out


def capitalised_runs(doc, ctx: Context) -> list[SpanCandidate]:
    """Gazetteer names inside runs of capitalised words the model left alone."""
    out = []
    for ps, pe in _runs(doc):
        if not ctx.is_closed(ps, pe):
            out.extend(_scan_run(doc, ctx, ps, pe))
    return out


def gazetteer_phrases(doc, ctx: Context) -> list[SpanCandidate]:
    """Multi-word names of prominent places in any case ("the green zone", "persian gulf")."""
    if ctx.phrase_matcher is None:
        return []
    out = []
    for _, start, end in ctx.phrase_matcher(doc):
        span = doc[start:end]
        # A longer capitalised name around the model's entity stands too ("Little Havana" around
        # "Havana"): the overlap policy prefers the longer. ("the state of Ohio", "Oslo airport": no.)
        if not ctx.is_closed(span.start_char, span.end_char) or (
                ctx.extends_closed(span.start_char, span.end_char) and all(_cap(t) for t in span)):
            out.append(ctx.candidate(span.start_char, span.end_char, "gazetteer", False, Priority.PHRASE))
    return out


#: The generators in the order they run: later ones see the spans earlier ones closed.
GENERATORS: tuple[Generator, ...] = (
    Generator("dateline", dateline),
    Generator("NER places", ner_places),
    Generator("nationalities", nationalities),
    Generator("metonyms", metonyms),
    Generator("capitalised runs", capitalised_runs),
    Generator("gazetteer phrases", gazetteer_phrases),
)


# -- the article-wide pre-pass -------------------------------------------------------------------
def person_parts(doc, gazetteer: GazetteerLike) -> set[str]:
    """Words of people's names in ``doc``: "Salem" after "Paul Salem" is the man, not the town.

    A one-word name counts too ("Smith"), unless it names a prominent place: the model often takes
    a region or a city for a person.
    """
    ctx = Context(gazetteer)
    parts = set()
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        # A country, a first-level region, a capital, or a big town spelt as the text spells it:
        # "Bush" is no "Būsh" (a town of 136,000 whose name folds to it), so the man keeps his name.
        if any(is_strong(m, len(e) > 1) and (m.primary or m.place.kind == "country")
               and (m.place.kind == "country" or m.place.feature_code in ("ADM1", "PPLC")
                    or m.place.name.casefold() == e.text.casefold())
               for m in ctx.matches(e.text) if not m.demonym):
            continue
        if len(e) == 1 and _after_a_place_word(doc, e.start) and ctx.matches(e.text):
            continue  # "north of Riverton", "near Riverton": a place, whatever the model's label
        if len(e) == 1 and e.start >= 2 and doc[e.start - 1].text == "," and doc[e.start - 2].ent_type_ == "GPE" and any(
                m.place.feature_code == "ADM1" or m.place.kind == "country" for m in ctx.matches(e.text) if not m.demonym):
            continue  # "Riverton, Qld": the state that qualifies a town, however the model labels it
        # An office before the name is no part of it, nor is the town it is of ("Oakton Mayor Ann Lee");
        # nor a one-word "name" before an office ("Oakton Mayor": the model took the town for a person).
        titled = [t.i for t in e if t.lower_.rstrip(".") in TITLES]
        nxt = doc[e.end] if e.end < len(doc) else None
        if len(e) == 1 and nxt is not None and nxt.lower_.rstrip(".") in TITLES:
            continue
        for t in e:
            if titled and t.i <= titled[-1]:
                continue
            if t.is_title and len(t.text) > 2:
                parts.add(t.text)
        # A surname the model cut off as a place ("Inspector Maria | Riverton"): the one capitalised
        # word right after a person's name, one space away, that no other entity or country claims more.
        if (nxt is not None and e[-1].whitespace_ == " " and nxt.is_title and len(nxt.text) > 2
                and e[-1].lower_.rstrip(".") not in TITLES and nxt.ent_type_ in ("GPE", "LOC", "")
                and (nxt.i + 1 == len(doc) or nxt.ent_iob_ != "B" or doc[nxt.i + 1].ent_iob_ != "I")
                and not _is_country(ctx, nxt.text)):
            parts.add(nxt.text)
    return parts


def _after_a_place_word(doc, i: int) -> bool:
    """Does token ``i`` follow words that only a place follows ("north of", "near", "outside"), and
    not begin a possessive ("near Lee's farm")?"""
    if i + 1 < len(doc) and doc[i + 1].tag_ == "POS":
        return False
    prev = doc[i - 1].lower_ if i >= 1 else ""
    if prev in ("near", "outside"):
        return True
    return prev == "of" and i >= 2 and doc[i - 2].lower_ in DIRECTIONS


def is_strong(m: NameMatch, multiword: bool) -> bool:
    """A gazetteer match prominent enough to be a place without the model's word."""
    p = m.place
    if m.demonym:
        return True
    if p.kind in _STRONG_KINDS or p.feature_code in ("ADM1", "PPLC"):
        return True
    if p.feature_code == "ADM2":
        return multiword and m.primary  # "Oak Parish", "Putnam County"
    if p.kind == "city":
        return p.population >= (_CITY_POP_MULTIWORD if multiword else _MIN_CITY_POP_ALONE) and (m.primary or multiword)
    return False


# -- what the generators share -------------------------------------------------------------------
def _weak_name(ctx: Context, surface: str, doc, start_tok: int) -> bool:
    """A name that is some small place's name, with nothing against it being one."""
    if not surface or ORG_WORDS.search(surface) or surface.lower() in DIRECTIONS:
        return False
    if surface.lower() in NOT_ALONE:
        return False
    n_tok = len(surface.split())
    if n_tok == 1 and (len(surface) < 3 or doc[start_tok].is_stop):
        return False
    if n_tok == 1:
        # One capitalised word inside a longer name ("George Washington", "Grant Street") is not
        # a town on its own.
        end_tok = start_tok + 1
        if (start_tok > 0 and _cap(doc[start_tok - 1]) and not doc[start_tok].is_sent_start) or (
                end_tok < len(doc) and _cap(doc[end_tok]) and not _institution(doc[end_tok])):
            return False
    if any(part in ctx.person_parts for part in surface.split()):
        return False
    prev = doc[start_tok - 1].text.lower().rstrip(".") if start_tok > 0 else ""
    if prev in TITLES or surface.isupper():
        return False
    return any(not m.demonym and m.place.kind in ("city", "region", "district", "landmark", "base", "water")
               for m in ctx.matches(surface))


def _qualified(ctx: Context, text: str, end: int) -> bool:
    """Is the name ending at ``end`` followed by ", <first-level region or country>"?"""
    words = qualifier_after(text, end)
    return words is not None and any(not x.demonym and (x.place.feature_code == "ADM1" or x.place.kind == "country")
                                     for x in ctx.matches(words))


def _is_country(ctx: Context, surface: str) -> bool:
    return any(m.place.kind == "country" and not m.demonym for m in ctx.matches(surface))


def _looks_like_place(surface: str) -> bool:
    return bool(surface) and surface[0].isupper() and not ORG_WORDS.search(surface)


def _metonym(ctx: Context, surface: str, doc, ent, label: str) -> bool:
    """An ORG/PERSON span that is really a place: "Tehran said", or a region mislabelled as a person.
    The whole span must name a prominent place, no title may precede it, and no part of it may be a
    part of a person's name elsewhere in the article."""
    if not surface or ORG_WORDS.search(surface):
        return False
    if any(part in ctx.person_parts for part in surface.split()):
        return False
    prev = doc[ent.start - 1].text.lower().rstrip(".") if ent.start > 0 else ""
    if prev in TITLES:
        return False
    if label == "PERSON" and ent.end < len(doc) and _cap(doc[ent.end]) and not _institution(doc[ent.end]):
        return False
    # Primary names, or the curated names of countries and well-known features ("DPRK", "EU").
    ms = [m for m in ctx.matches(surface) if not m.demonym and (
        m.primary or m.place.kind == "country" or m.place.id.startswith("cur:") or m.place.feature_code == "CONT")]
    min_pop = 1_000_000 if label == "ORG" else 20_000
    return any(m.place.kind == "country" or m.place.feature_code in ("ADM1", "PPLC", "CONT")
               or (m.place.feature_code == "ADM2" and " " in surface)  # "Anderson County"
               or (m.place.kind == "city" and m.place.population >= min_pop)
               or m.place.kind in ("water", "area") for m in ms)


def _runs(doc) -> Iterator[tuple[int, int]]:
    """Character spans of runs of capitalised words, joined by connectors ("Stratford upon Avon")."""
    from spacy.attrs import IDX, LENGTH

    # The tokens' offsets and texts from the doc's arrays: a Token object per word (this looks at
    # every word of the article) cost more than the rest of the scan.
    text = _doc_text(doc)
    bounds = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
    words = [text[a:a + n] for a, n in bounds]
    caps = [_cap_text(w) for w in words]
    run: list[int] = []
    for i in range(len(words) + 1):
        if i < len(words) and (caps[i] or (run and (words[i].lower() in CONNECTORS or words[i] in "-'’")
                                           and i + 1 < len(words) and caps[i + 1])):
            run.append(i)
            continue
        if run:
            while run and not caps[run[-1]]:
                run.pop()
            if run:
                yield bounds[run[0]][0], bounds[run[-1]][0] + bounds[run[-1]][1]
            run = []


def _scan_run(doc, ctx: Context, rs: int, re_: int) -> Iterator[SpanCandidate]:
    """The longest strong gazetteer names in a run, left to right; else a weak name where one starts."""
    span = doc.char_span(rs, re_, alignment_mode="expand")
    toks = [t for t in span] if span is not None else []
    i = 0
    while i < len(toks):
        strong_end, weak_at = None, None
        for j in range(min(len(toks), i + 6), i, -1):
            kind = _run_piece(doc, ctx, toks[i], toks[j - 1], j - i, weak_at is None)
            if kind is None:
                continue
            ps, pe = toks[i].idx, toks[j - 1].idx + len(toks[j - 1].text)
            if kind[0] == "strong":
                yield ctx.candidate(ps, pe, "gazetteer", kind[1], Priority.RUN)
                strong_end = j
                break
            weak_at = (ps, pe, j)
        if strong_end is not None:
            i = strong_end
        elif weak_at is not None:
            yield ctx.candidate(weak_at[0], weak_at[1], "gazetteer", False, Priority.RUN, weak=True)
            i = weak_at[2]
        else:
            i += 1


def _run_piece(doc, ctx: Context, first, last, n: int, want_weak: bool) -> tuple[str, bool] | None:
    """``("strong", demonym)`` when the tokens ``first..last`` name a strong place, ``("weak", False)``
    when they are a weak name (asked only while ``want_weak``), else ``None``."""
    if not _cap(first) or not _cap(last) or first.lower_ == "the":
        return None
    surface = _doc_text(doc)[first.idx:last.idx + len(last.text)]
    if n == 1:
        if surface in ctx.person_parts or (first.i > 0 and doc[first.i - 1].lower_.rstrip(".") in TITLES):
            return None
        if first.is_sent_start and (first.is_stop or first.text.lower() in TITLES):
            return None
        if surface.lower() in DIRECTIONS or surface.lower() in NOT_ALONE:
            return None  # "Ten" is some region's other name, but alone it is a number
    ms = ctx.matches(surface)
    if n == 1 and first.is_sent_start:
        # A capitalised first word ("Man charged...") needs more than a town's name.
        ms = [m for m in ms if m.demonym or m.place.kind != "city"]
    strong = [m for m in ms if is_strong(m, n > 1)]
    if strong and n == 1 and surface.isupper() and len(surface) > 3:
        # "NICE" in a shouted headline is not Nice: capitals alone count only as abbreviations.
        strong = [m for m in strong if m.place.kind == "country" or m.place.feature_code == "ADM1"]
    if strong:
        return "strong", all(m.demonym for m in strong)
    if want_weak and not surface.isupper() and _weak_name(ctx, surface, doc, first.i):
        return "weak", False
    return None


def _institution(tok) -> bool:
    return tok.lower_ in INSTITUTION_WORDS


def _cap(tok) -> bool:
    return _cap_text(tok.text)


def _cap_text(t: str) -> bool:
    """Is the word capitalised ("Oslo", "O'Hare", "U.S.", "NATO")?"""
    return len(t) > 1 and t[0].isupper() and t[1:].replace(".", "").replace("'", "").isalpha() or (
        t.isupper() and len(t) > 1 and t.replace(".", "").isalpha())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without a leading "the" and trailing possessives and punctuation."""
    seg = text[start:end]
    m = _TRIM_LEAD.match(seg)
    if m:
        start += m.end()
    while True:
        seg = text[start:end]
        m = _TRIM_TAIL.search(seg)
        if not m or m.start() == 0:
            break
        end = start + m.start()
    return start, end


def _split_list(text: str, s: int, e: int) -> Iterable[tuple[int, int]]:
    """Split an entity span at commas: the model sometimes tags "Springfield, Illinois" as one."""
    pos = s
    for m in _SPLIT_COMMA.finditer(text, s, e):
        yield pos, m.start()
        pos = m.end()
    yield pos, e
