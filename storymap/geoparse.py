"""The place stage end to end: an article in, resolved place mentions out."""

from __future__ import annotations

from .gazetteer import GazetteerLike, open_gazetteer
from .model import Article, ResolvedMention
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
        mentions = self.recogniser.recognise(article)
        return resolve(mentions, self.gazetteer, article.text, self.config)


def geoparse(article: Article, gazetteer: GazetteerLike | None = None) -> list[ResolvedMention]:
    """Find and place every place mention of ``article``."""
    return Geoparser(gazetteer)(article)
