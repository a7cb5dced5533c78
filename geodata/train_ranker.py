"""Train the resolver's candidate ranker on the development split of LGL and GeoWebNews.

    python geodata/train_ranker.py [--eval DIR] [--out storymap/places/data/ranker.json] [--passes 2]

For every development article (``benchmarks/bench_geoparse.py``'s :func:`split_of`; the test third is
never read here), the geoparser runs as in use and records each candidate of each recognised mention
that overlaps a gold toponym, with the resolver's features (``storymap.places.resolve.FEATURES``); a
candidate is a positive when it lies within 161 km of the gold point and is the candidate nearest to
it (a city and the province named after it may both lie that close; the reader meant one). The first pass takes its context
features (the article's other places) from the hand-set weights; each further pass from the model of
the pass before, as the resolver will use it. Mentions with one candidate, or none near the gold, teach
nothing about ranking and are left out.

The model is scikit-learn's gradient boosting (shallow trees, chosen by article-grouped cross-validation
on the development split, top-1 accuracy), written as plain arrays (``storymap.places.ranker``): the
package needs NumPy only to use it, and scikit-learn only to train it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_geoparse import load_gwn, load_lgl  # noqa: E402
from benchmarks.common import DEFAULT_EVAL  # noqa: E402
from storymap.ingest import article_from_text  # noqa: E402
from storymap.places import Geoparser, ResolverConfig, haversine_km, load_nlp, open_gazetteer  # noqa: E402
from storymap.places import ranker as ranker_mod  # noqa: E402
from storymap.places.resolve import FEATURES  # noqa: E402

SETTINGS = [  # (trees, depth, learning rate, least candidates in a leaf): what cross-validation chooses among
    (100, 3, 0.1, 1), (200, 3, 0.05, 1), (150, 4, 0.05, 1), (300, 2, 0.1, 1),
    (200, 3, 0.05, 50), (150, 4, 0.05, 100), (400, 2, 0.05, 50),
]
NEAR_KM = 161.0
SAME_POINT_KM = 1.0  # candidates this much farther than the nearest are still "the" referent (duplicates)


def collect(docs, gp) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Rows, labels, mention ids and article ids of every ranking decision in ``docs``."""
    X, y, mention_ids, article_ids = [], [], [], []
    next_mention = 0
    for a_id, d in enumerate(docs):
        trace: list = []
        gp(article_from_text(d.text, "<train>"), trace=trace)
        by_mention: dict[int, list] = {}
        key_of: dict[int, object] = {}
        for m, place, row in trace:
            by_mention.setdefault(id(m), []).append((place, row))
            key_of[id(m)] = m
        for mid, rows in by_mention.items():
            m = key_of[mid]
            gold = [g for g in d.gold if m.start < g.end and g.start < m.end]
            if not gold or len(rows) < 2:
                continue
            g = gold[0]
            km = [haversine_km(p.lat, p.lon, g.lat, g.lon) for p, _ in rows]
            # The referent is the nearest candidate, not every one within 161 km: a city and the
            # province named after it may both be that close, and the reader meant one of them.
            labels = [d <= NEAR_KM and d <= min(km) + SAME_POINT_KM for d in km]
            if not any(labels):
                continue
            for (_, row), lab in zip(rows, labels):
                X.append(row)
                y.append(int(lab))
                mention_ids.append(next_mention)
                article_ids.append(a_id)
            next_mention += 1
    return np.array(X, dtype=float), np.array(y), np.array(mention_ids), np.array(article_ids)


def top1(scores: np.ndarray, y: np.ndarray, mentions: np.ndarray) -> float:
    """Share of mentions whose best-scored candidate is a positive."""
    hit = n = 0
    order = np.argsort(mentions, kind="stable")
    ms, scores, y = mentions[order], scores[order], y[order]
    bounds = np.flatnonzero(np.diff(ms)) + 1
    for s, lab in zip(np.split(scores, bounds), np.split(y, bounds)):
        n += 1
        hit += int(lab[int(np.argmax(s))])
    return hit / n if n else 0.0


def fit(X, y, trees: int, depth: int, rate: float, leaf: int):
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=rate, subsample=0.8,
                                      min_samples_leaf=leaf, random_state=0).fit(X, y)


def choose(X, y, mentions, articles) -> tuple[tuple, list[tuple[tuple, float]]]:
    from sklearn.model_selection import GroupKFold

    results = []
    for setting in SETTINGS:
        accs = []
        for tr, te in GroupKFold(n_splits=4).split(X, y, articles):
            model = fit(X[tr], y[tr], *setting)
            accs.append(top1(model.decision_function(X[te]), y[te], mentions[te]))
        results.append((setting, float(np.mean(accs))))
    return max(results, key=lambda r: r[1])[0], results


def export(model, setting, note: dict) -> dict:
    trees = []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        trees.append({"feature": t.feature.tolist(), "threshold": t.threshold.tolist(),
                      "left": t.children_left.tolist(), "right": t.children_right.tolist(),
                      "value": t.value[:, 0, 0].tolist(), "depth": int(t.max_depth)})
    bias = float(model._raw_predict_init(np.zeros((1, len(FEATURES))))[0, 0])
    return {**note, "features": list(FEATURES), "bias": bias, "rate": float(setting[2]), "trees": trees}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL / "geoparsing")
    ap.add_argument("--out", type=Path, default=ranker_mod.RANKER_PATH)
    ap.add_argument("--passes", type=int, default=2)
    args = ap.parse_args(argv)
    docs = [d for d in load_lgl(args.eval / "lgl.xml") + load_gwn(args.eval / "GWN.xml") if d.split == "dev"]
    gaz, nlp = open_gazetteer(), load_nlp()
    config = ResolverConfig(ranker="hand")
    for k in range(args.passes):
        gp = Geoparser(gaz, nlp, config=config)
        X, y, mentions, articles = collect(docs, gp)
        setting, results = choose(X, y, mentions, articles)
        hand = top1(X[:, FEATURES.index("hand_score")], y, mentions)
        print(f"pass {k + 1}: {len(docs)} dev articles, {len(set(mentions.tolist()))} decisions, {len(y)} candidates; "
              f"hand-set top-1 {hand:.3f}; cross-validated top-1 " +
              ", ".join(f"{s}: {a:.3f}" for s, a in results), file=sys.stderr)
        model = fit(X, y, *setting)
        note = {"source": "trained by geodata/train_ranker.py on the development split (about two thirds, by "
                          "article) of LGL (Lieberman et al. 2010) and GeoWebNews (Gritta et al. 2019) as distributed in "
                          "milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation (GPL-3.0); the file holds split "
                          "thresholds and leaf values only, no text of the corpora",
                "trained": dt.date.today().isoformat(), "setting": {"trees": setting[0], "depth": setting[1],
                                                                     "rate": setting[2], "min_leaf": setting[3]},
                "cv_top1": {"{}x{}@{}/{}".format(*s): round(a, 4) for s, a in results},
                "hand_top1": round(hand, 4), "decisions": int(len(set(mentions.tolist())))}
        data = export(model, setting, note)
        check = ranker_mod.TreeRanker(data["features"], data["bias"], data["rate"], data["trees"])
        gap = float(np.max(np.abs(check.score(X) - model.decision_function(X))))
        if gap > 1e-6:
            raise SystemExit(f"exported trees disagree with scikit-learn by {gap}")
        tmp = args.out.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
        tmp.replace(args.out)
        ranker_mod.default_ranker.cache_clear()
        config = ResolverConfig(ranker="learned")
        print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes; {setting})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
