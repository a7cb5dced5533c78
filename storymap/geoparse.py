"""The place stage end to end: an article in, resolved place mentions out."""

from __future__ import annotations

from .gazetteer import GazetteerLike, haversine_km, open_gazetteer
from .model import Article, Mention, ResolvedMention
from .recognize import Recogniser
from .resolve import ResolverConfig, resolve

__all__ = ["Geoparser", "geoparse"]


class Geoparser:
    """Holds the model and gazetteer so many articles run in one process with both loaded once."""

    def __init__(self, gazetteer: GazetteerLike | None = None, nlp=None, config: ResolverConfig | None = None,
                 keep_unknown: bool = False):
        self.gazetteer = gazetteer if gazetteer is not None else open_gazetteer()
        # By default a name the model calls a place but the gazetteer cannot place is dropped: on public
        # news corpora that raises precision more than it costs recall (docs/benchmarks.md).
        self.recogniser = Recogniser(self.gazetteer, nlp, known_only=not keep_unknown)
        self.config = config

    def __call__(self, article: Article) -> list[ResolvedMention]:
        mentions, weak = self.recogniser.recognise_all(article)
        first = resolve(mentions, self.gazetteer, article.text, self.config)
        if not weak:
            return first
        # Small places the model did not vouch for ("Greer", "DeKalb") count when the article's
        # confident places say they are nearby: in a first-level region it names, or near its towns.
        confirmed = confirm_weak(weak, first, self.gazetteer)
        if not confirmed:
            return first
        merged = sorted(mentions + confirmed, key=lambda m: m.start)
        return resolve(merged, self.gazetteer, article.text, self.config)


CONFIRM_KM = 100.0
CONFIRM_SCORE = 0.5


def confirm_weak(weak: list[Mention], resolved: list[ResolvedMention], gazetteer: GazetteerLike) -> list[Mention]:
    """The weak mentions that have a candidate inside the article's confident context."""
    regions, anchors = set(), []
    for r in resolved:
        p = r.place
        if p is None or r.score < CONFIRM_SCORE or p.kind in ("country", "area", "water"):
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
            if x.demonym or p.kind in ("country", "area"):
                continue
            if (p.country, p.admin1) in regions or any(
                    haversine_km(p.lat, p.lon, la, lo) <= CONFIRM_KM for la, lo in anchors):
                out.append(m)
                break
    return out


def geoparse(article: Article, gazetteer: GazetteerLike | None = None) -> list[ResolvedMention]:
    """Find and place every place mention of ``article``."""
    return Geoparser(gazetteer)(article)
