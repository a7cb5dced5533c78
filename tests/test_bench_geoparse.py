"""The geoparsing benchmark's development/test split: by article, stable, about one third held out."""

import pytest

from benchmarks.bench_geoparse import split_of


def test_split_is_stable_and_holds_out_about_a_third():
    ids = [str(40000000 + k) for k in range(3000)]
    first = [split_of("lgl", i) for i in ids]
    assert first == [split_of("lgl", i) for i in ids]
    assert 0.30 < first.count("test") / len(ids) < 0.37


@pytest.mark.parametrize("a,b", [("lgl", "gwn")])
def test_split_depends_on_the_corpus_too(a, b):
    ids = [str(k) for k in range(300)]
    assert [split_of(a, i) for i in ids] != [split_of(b, i) for i in ids]
