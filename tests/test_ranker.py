"""The learned ranker: trees read from JSON score as their arrays say; the shipped file fits the features."""

import json

import numpy as np
import pytest

from storymap.errors import StorymapError
from storymap.places import ranker as R
from storymap.places.resolve import FEATURES


def stump(feature, threshold, low, high):
    """One split: rows with ``feature <= threshold`` get ``low``, the others ``high``."""
    return {"feature": [feature, -2, -2], "threshold": [threshold, -2.0, -2.0], "left": [1, -1, -1],
            "right": [2, -1, -1], "value": [0.0, low, high], "depth": 1}


@pytest.mark.parametrize("row,expected", [
    ([0.0, 0.0], 0.5 + 0.1 * (-1.0 + -3.0)),
    ([2.0, 0.0], 0.5 + 0.1 * (1.0 + -3.0)),
    ([2.0, 9.0], 0.5 + 0.1 * (1.0 + 3.0)),
    ([1.0, 5.0], 0.5 + 0.1 * (-1.0 + -3.0)),  # a value equal to the threshold goes left, as in scikit-learn
])
def test_ranker_sums_its_trees_leaves(row, expected):
    model = R.TreeRanker(["a", "b"], bias=0.5, rate=0.1, trees=[stump(0, 1.0, -1.0, 1.0), stump(1, 5.0, -3.0, 3.0)])
    assert model.score(np.array([row]))[0] == pytest.approx(expected)


def test_ranker_walks_trees_of_different_depths_at_once():
    deep = {"feature": [0, 1, -2, -2, -2], "threshold": [1.0, 2.0, 0, 0, 0], "left": [1, 3, -1, -1, -1],
            "right": [2, 4, -1, -1, -1], "value": [0, 0, 7.0, 1.0, 2.0], "depth": 2}
    model = R.TreeRanker(["a", "b"], bias=0.0, rate=1.0, trees=[deep, stump(0, 0.5, 10.0, 20.0)])
    scores = model.score(np.array([[0.0, 0.0], [0.0, 3.0], [5.0, 0.0]]))
    assert scores.tolist() == [1.0 + 10.0, 2.0 + 10.0, 7.0 + 20.0]


def test_ranker_of_no_rows_is_empty():
    model = R.TreeRanker(["a"], bias=0.0, rate=1.0, trees=[stump(0, 1.0, 0.0, 1.0)])
    assert model.score(np.zeros((0, 1))).shape == (0,)


@pytest.mark.parametrize("content,needle", [
    ("not json", "not a readable ranker"),
    (json.dumps({"features": ["other"], "bias": 0, "rate": 1, "trees": []}), "trained on other features"),
    (json.dumps({"features": list(FEATURES)}), "not a readable ranker"),
])
def test_ranker_file_that_does_not_fit_is_a_clear_error(tmp_path, content, needle):
    path = tmp_path / "ranker.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(StorymapError, match=needle) as err:
        R.TreeRanker.load(path, FEATURES)
    assert str(path) in str(err.value)


def test_shipped_ranker_fits_the_resolvers_features_and_notes_its_source():
    data = json.loads(R.RANKER_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)  # retrain (geodata/train_ranker.py) when the features change
    assert "development split" in data["source"] and "GPL-3.0" in data["source"]
    model = R.default_ranker()
    assert model.score(np.zeros((3, len(FEATURES)))).shape == (3,)


def test_ranker_scores_many_rows_in_blocks_as_one(monkeypatch):
    model = R.TreeRanker(["a", "b"], bias=0.5, rate=0.1, trees=[stump(0, 1.0, -1.0, 1.0), stump(1, 5.0, -3.0, 3.0)])
    X = np.random.default_rng(0).uniform(0, 10, size=(50, 2))
    whole = model.score(X)
    monkeypatch.setattr(R, "BLOCK", 7)
    assert model.score(X).tolist() == whole.tolist()
