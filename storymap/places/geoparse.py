"""The place stage end to end: an article in, resolved place mentions out, through one entry.

:class:`Geoparser` is what the CLI, the story pipeline, the benchmarks and the tests all call:
recognise -> resolve -> confirm the weak names -> resolve again with them.
"""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import Sequence

from ..model import Article, ResolvedMention
from .gazetteer import Gazetteer, GazetteerLike, default_gazetteer_path, open_gazetteer
from .recognise import Recogniser, confirm_weak, load_nlp
from .resolve import ResolverConfig, resolve

__all__ = ["Geoparser"]


class Geoparser:
    """Holds the model and gazetteer so many articles run in one process with both loaded once.

    Both are passed in (a :class:`~storymap.places.gazetteer.MemoryGazetteer` and ``spacy.blank``
    pipelines work in tests); :meth:`default` opens the installed ones.
    """

    def __init__(self, gazetteer: GazetteerLike, nlp, config: ResolverConfig | None = None,
                 keep_unknown: bool = False):
        self.gazetteer = gazetteer
        # By default a name the model calls a place but the gazetteer cannot place is dropped: on public
        # news corpora that raises precision more than it costs recall (docs/benchmarks.md).
        self.recogniser = Recogniser(gazetteer, nlp, known_only=not keep_unknown)
        self.config = config

    @classmethod
    def default(cls, **kwargs) -> "Geoparser":
        """A Geoparser over the installed gazetteer and spaCy model (``kwargs`` as for the class).

        The two are opened once per process and gazetteer file and shared by every default Geoparser (an
        app builds many stories; the model takes seconds to load). A missing gazetteer raises
        :class:`~storymap.errors.GazetteerMissingError` naming the build command.
        """
        gazetteer, nlp = _installed(default_gazetteer_path())
        return cls(gazetteer, nlp, **kwargs)

    @property
    def nlp(self):
        """The spaCy pipeline (events reuse it to name actors)."""
        return self.recogniser.nlp

    def __call__(self, article: Article, entities: list | None = None, trace: list | None = None) -> list[ResolvedMention]:
        """The article's place mentions, resolved. ``entities``, when a list, receives the model's
        entities (see :meth:`Recogniser.recognise_all`); ``trace``, when a list, the last resolution's
        candidates as ``(mention, candidate, feature row)`` (for training the ranker)."""
        mentions, weak = self.recogniser.recognise_all(article, entities)
        first = self._resolve(mentions, article, trace)
        # Small places the model did not vouch for count when the article's confident places say
        # they are nearby: in a first-level region it names, or near its towns.
        confirmed = confirm_weak(weak, first, self.gazetteer) if weak else []
        found = self._resolve(sorted(mentions + confirmed, key=lambda m: m.start), article, trace) if confirmed else first
        return _without_stray_villages(found)

    def _resolve(self, mentions, article: Article, trace: list | None) -> list[ResolvedMention]:
        raw = [] if trace is not None else None
        out = resolve(mentions, self.gazetteer, article.text, self.config, trace=raw)
        if trace is not None:
            trace.clear()
            trace.extend((mentions[i], place, row) for i, place, row in raw)
        return out


_installed_lock = threading.Lock()
_installed_parts: dict[Path, tuple[Gazetteer, object]] = {}


def _installed(path: Path) -> tuple[Gazetteer, object]:
    """The gazetteer at ``path`` and the spaCy model, opened on first use (only :meth:`Geoparser.default`
    reaches for them; everything else is given them)."""
    with _installed_lock:
        if path not in _installed_parts:
            _installed_parts[path] = (open_gazetteer(path), load_nlp())
        return _installed_parts[path]


#: A town this small, alone in its country ...
STRAY_POP = 5_000
#: ... in an article whose other places, at least this many, all lie in one other country ...
STRAY_OTHERS = 3


def _without_stray_villages(found: Sequence[ResolvedMention]) -> list[ResolvedMention]:
    """``found`` without the villages abroad that only their names tie to the article ("the Oldbridge
    river" read as a hamlet of 2,000 on another continent, in a story whose other places are all in one
    country): such a name is more likely a river, a person or a thing the gazetteer does not hold."""
    placed = [r for r in found if r.place is not None]
    by_country = Counter(r.place.country for r in placed)
    by_place = Counter(r.place.id for r in placed)

    def stray(r: ResolvedMention) -> bool:
        p = r.place
        if p is None or p.kind != "city" or p.population >= STRAY_POP or r.mention.source == "dateline":
            return False
        others = [c for c in by_country if c != p.country]
        alone = by_country[p.country] == by_place[p.id]  # no other place of its country
        return alone and len(others) == 1 and len(placed) - by_place[p.id] >= STRAY_OTHERS

    return [r for r in found if not stray(r)]
