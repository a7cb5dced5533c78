"""The learned candidate ranker: gradient-boosted trees over the resolver's features, read from JSON.

The trees are trained by ``geodata/train_ranker.py`` (scikit-learn, on a development split of public
corpora: see the file's ``source`` note) and stored as plain arrays in ``data/ranker.json``, so using
them needs NumPy only, and a model file is data anyone can read, not a pickle that runs code.

A candidate's score is the model's log-odds that it is the mention's referent; scores of one name's
candidates become probabilities with a softmax at temperature 1.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import StorymapError

__all__ = ["TreeRanker", "default_ranker", "RANKER_PATH"]

RANKER_PATH = Path(__file__).resolve().parent / "data" / "ranker.json"
BLOCK = 2048  # rows scored at once (a block of 2,048 rows and 400 trees is a few MB per array)


class RankerError(StorymapError):
    """The ranker file is missing or not a ranker of these features."""


class TreeRanker:
    """Sum of regression trees (each as arrays: feature, threshold, left, right, value) plus a bias."""

    temperature = 1.0

    def __init__(self, features: list[str], bias: float, rate: float, trees: list[dict]):
        self.features = list(features)
        self.bias, self.rate = float(bias), float(rate)
        # Every tree padded to the same number of nodes, so all are walked at once, level by level.
        width = max((len(t["feature"]) for t in trees), default=1)

        def stack(key: str, fill, dtype):
            out = np.full((len(trees), width), fill, dtype=dtype)
            for k, t in enumerate(trees):
                out[k, : len(t[key])] = t[key]
            return out

        self._feature = stack("feature", -2, np.int64)
        self._threshold = stack("threshold", 0.0, float)
        self._left = stack("left", 0, np.int64)
        self._right = stack("right", 0, np.int64)
        self._value = stack("value", 0.0, float)
        self.depth = max((int(t.get("depth", 0)) for t in trees), default=0)

    @classmethod
    def load(cls, path: Path, expected: tuple[str, ...]) -> "TreeRanker":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            model = cls(data["features"], data["bias"], data["rate"], data["trees"])
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise RankerError(f"{path}: not a readable ranker ({e}); expected the file geodata/train_ranker.py writes")
        if tuple(model.features) != tuple(expected):
            raise RankerError(f"{path}: trained on other features; expected {', '.join(expected)} "
                              "(run python geodata/train_ranker.py)")
        return model

    def score(self, X: np.ndarray) -> np.ndarray:
        """Log-odds for each row of ``X`` (rows in the order of :attr:`features`), in blocks of
        :data:`BLOCK` rows so a long article's thousands of candidates never make a huge array."""
        # Compared in single precision, as scikit-learn's trees compare what they were trained on.
        X = np.asarray(X, dtype=np.float32).astype(float)
        if len(X) > BLOCK:
            return np.concatenate([self._score(X[k:k + BLOCK]) for k in range(0, len(X), BLOCK)])
        return self._score(X)

    def _score(self, X: np.ndarray) -> np.ndarray:
        n, trees = len(X), len(self._feature)
        if not n or not trees:
            return np.full(n, self.bias)
        # Flat gathers (np.take on 1-D arrays) are much faster than 2-D fancy indexing.
        width, d = self._feature.shape[1], X.shape[1]
        feat, thr = self._feature.ravel(), self._threshold.ravel()
        left, right, value = self._left.ravel(), self._right.ravel(), self._value.ravel()
        base = (np.arange(trees) * width)[None, :]  # each tree's first node in the flat arrays
        row_base = (np.arange(n) * d)[:, None]
        flat_x = X.ravel()
        node = np.broadcast_to(base, (n, trees)).copy()
        for _ in range(self.depth):
            f = np.take(feat, node)
            leaf = f < 0
            go_left = np.take(flat_x, row_base + np.where(leaf, 0, f)) <= np.take(thr, node)
            child = np.where(go_left, np.take(left, node), np.take(right, node)) + base
            node = np.where(leaf, node, child)
        return self.bias + self.rate * np.take(value, node).sum(axis=1)


@lru_cache(maxsize=1)
def default_ranker() -> TreeRanker:
    """The shipped ranker (loaded once per process)."""
    from .resolve import FEATURES

    return TreeRanker.load(RANKER_PATH, FEATURES)
