"""The archive benchmark's pure parts: cluster scores on hand-made assignments, and the JSONL input it
writes from an eval folder (here a tiny invented one), read back as the archive reads it."""

import json
from pathlib import Path

import pytest

from benchmarks import common
from benchmarks.bench_archive import (
    _workers,
    copies_with_original,
    eval_articles,
    local_id,
    original_of,
    peer_rows,
    score_clusters,
    story_assignment,
    write_doc,
    write_input,
)

TML = """<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">

<DOCID>{docid}</DOCID>

<DCT><TIMEX3 tid="t0" type="TIME" value="{dct}" temporalFunction="false" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>
{title}
<TEXT>

{line1} <TIMEX3 tid="t1" type="DATE" value="{dct}" temporalFunction="false" functionInDocument="NONE">Tuesday</TIMEX3>.

{line2}
</TEXT>

</TimeML>
"""


def fake_eval(root: Path) -> Path:
    """An eval folder holding two invented AQUAINT files (one with a <TITLE>) and nothing else."""
    folder = root / "timex" / "AQUAINT"
    folder.mkdir(parents=True)
    (folder / "XYZ20010304.0001.tml").write_text(TML.format(
        docid="XYZ20010304.0001", dct="2001-03-04", title="<TITLE>Council &amp; mayor meet in Lorton</TITLE>",
        line1="The town council of Lorton met the mayor", line2="They talked about the new bridge."),
        encoding="utf-8")
    (folder / "XYZ20010305.0002.tml").write_text(TML.format(
        docid="XYZ20010305.0002", dct="2001-03-05", title="",
        line1="Floods closed the road to Brimley", line2="Officials said it would reopen soon."),
        encoding="utf-8")
    return root


# ---------------------------------------------------------------- scores

A, B = "embassy", "elian"


@pytest.mark.parametrize("pred,gold,purity,completeness,intruders,clusters", [
    # each topic its own story
    ({"a1": "x", "a2": "x", "b1": "y", "b2": "y"}, {"a1": A, "a2": A, "b1": B, "b2": B}, 1.0, 1.0, 0, 2),
    # everything in one story: complete but mixed
    ({"a1": "x", "a2": "x", "b1": "x", "b2": "x"}, {"a1": A, "a2": A, "b1": B, "b2": B}, 0.5, 1.0, 0, 1),
    # every article alone: pure but split
    ({"a1": "w", "a2": "x", "b1": "y", "b2": "z"}, {"a1": A, "a2": A, "b1": B, "b2": B}, 1.0, 0.5, 0, 4),
    # x = {A:3}, y = {A:1, B:1}, z = {B:1}: purity (3+1+1)/6, completeness (3+1)/6
    ({"a1": "x", "a2": "x", "a3": "x", "a4": "y", "b1": "y", "b2": "z"},
     {"a1": A, "a2": A, "a3": A, "a4": A, "b1": B, "b2": B}, 5 / 6, 4 / 6, 0, 3),
    # articles of no topic: o1 (absent from gold) and o2 ('other') join topic stories, o3 a story of its own
    ({"a1": "x", "a2": "x", "b1": "y", "o1": "x", "o2": "y", "o3": "q"},
     {"a1": A, "a2": A, "b1": B, "o2": "other"}, 1.0, 1.0, 2, 2),
    # a topic article missing from the archive (absent or None) is a story of its own
    ({"a1": "x", "a3": None}, {"a1": A, "a2": A, "a3": A}, 1.0, 1 / 3, 0, 3),
])
def test_purity_completeness_intruders(pred, gold, purity, completeness, intruders, clusters):
    s = score_clusters(pred, gold)
    assert s.purity == pytest.approx(purity)
    assert s.completeness == pytest.approx(completeness)
    assert s.intruders == intruders
    assert s.clusters == clusters
    assert s.articles == sum(1 for t in gold.values() if t != "other")


def test_per_topic_counts_the_main_story():
    s = score_clusters({"a1": "x", "a2": "x", "a3": "y", "b1": "z"}, {"a1": A, "a2": A, "a3": A, "b1": B})
    assert s.per_topic == {A: (2, 3), B: (1, 1)}


def test_no_topic_articles_scores_nothing():
    s = score_clusters({"o1": "x"}, {"o1": "other"})
    assert (s.articles, s.purity, s.completeness, s.intruders) == (0, 0.0, 0.0, 0)


def test_story_assignment_and_copies():
    import pyarrow as pa

    stories = pa.table({"story_id": ["s1", "s2"],
                        "articles": [["eval.jsonl#aquaint/A", "eval.jsonl#copy1/aquaint/A", "eval.jsonl#copy1/lgl/9"],
                                     ["eval.jsonl#lgl/9", "eval.jsonl#copy2/aquaint/A"]]})
    assign = story_assignment(stories)
    assert assign == {"aquaint/A": "s1", "copy1/aquaint/A": "s1", "copy1/lgl/9": "s1", "lgl/9": "s2",
                      "copy2/aquaint/A": "s2"}
    assert copies_with_original(assign) == (1, 3)
    assert original_of("copy12/gwn/3") == "gwn/3" and original_of("gwn/3") == "gwn/3"
    assert local_id("eval.jsonl#copy1/aquaint/A") == "copy1/aquaint/A"


# ---------------------------------------------------------------- the input

def test_eval_articles_reads_timeml_text_title_and_dct(tmp_path):
    records, missing = eval_articles(fake_eval(tmp_path))
    assert [r["id"] for r in records] == ["aquaint/XYZ20010304.0001", "aquaint/XYZ20010305.0002"]
    assert missing == ["timebank", "lgl", "gwn"]
    first, second = records
    assert first["title"] == "Council & mayor meet in Lorton" and "title" not in second
    assert (first["date"], second["date"]) == ("2001-03-04", "2001-03-05")
    assert "The town council of Lorton met the mayor Tuesday." in first["text"]
    assert "<TIMEX3" not in first["text"] and "DCT" not in first["text"]


def test_eval_articles_reads_lgl_and_gwn_xml(tmp_path):
    geo = tmp_path / "geoparsing"
    geo.mkdir()
    (geo / "lgl.xml").write_text('<?xml version="1.0"?><articles><article docid="101"><title>A fire</title>'
                                 "<text><![CDATA[A barn burned near Ashby.]]></text></article>"
                                 '<article docid="102"><title>Empty</title><text></text></article></articles>',
                                 encoding="utf-8")
    (geo / "GWN.xml").write_text('<?xml version="1.0"?><articles><article file="0"><title>Roads</title>'
                                 "<text>Snow closed roads in Dunmore.</text></article></articles>", encoding="utf-8")
    records, missing = eval_articles(tmp_path)
    assert [(r["id"], r["title"]) for r in records] == [("lgl/101", "A fire"), ("gwn/0", "Roads")]  # no empty text
    assert missing == ["aquaint", "timebank"]


@pytest.mark.parametrize("rows", [1, 2, 5, 7])
def test_write_input_reaches_rows_with_new_ids(tmp_path, rows):
    out = tmp_path / "work" / "eval.jsonl"
    info = write_input(fake_eval(tmp_path / "eval"), out, rows)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert info["rows"] == len(recs) == rows
    assert info["originals"] == min(rows, 2) and info["articles"] == 2
    ids = [r["id"] for r in recs]
    assert len(set(ids)) == rows
    expect = ["aquaint/XYZ20010304.0001", "aquaint/XYZ20010305.0002"]
    assert ids[:2] == expect[:rows]
    for n, rec in enumerate(recs):
        k, i = divmod(n, 2)
        assert rec["id"] == (expect[i] if k == 0 else f"copy{k}/{expect[i]}")
        assert {key: v for key, v in rec.items() if key != "id"} == {key: v for key, v in recs[i].items() if key != "id"}
    assert info["chars"] == sum(len(r["text"]) for r in recs)


def test_write_input_zero_rows_means_each_article_once(tmp_path):
    info = write_input(fake_eval(tmp_path / "eval"), tmp_path / "a.jsonl", 0)
    assert info["rows"] == info["originals"] == 2


def test_the_archive_reads_the_input_and_the_peer_samples_originals(tmp_path):
    from storymap.archive.inputs import partitions

    path = tmp_path / "eval.jsonl"
    write_input(fake_eval(tmp_path / "eval"), path, 5)
    rows = [r for p in partitions([path], partition_rows=2) for r in p.rows]
    assert [r["path"] for r in rows] == [
        "eval.jsonl#aquaint/XYZ20010304.0001", "eval.jsonl#aquaint/XYZ20010305.0002",
        "eval.jsonl#copy1/aquaint/XYZ20010304.0001", "eval.jsonl#copy1/aquaint/XYZ20010305.0002",
        "eval.jsonl#copy2/aquaint/XYZ20010304.0001"]
    assert all("error" not in r for r in rows)
    assert rows[0]["meta"] == {"title": "Council & mayor meet in Lorton", "date": "2001-03-04"}
    assert [r["path"] for r in peer_rows(path, 2, 300)] == [r["path"] for r in rows[:2]]
    assert [r["path"] for r in peer_rows(path, 2, 1)] == [rows[0]["path"]]


# ---------------------------------------------------------------- options and the doc

def test_write_doc_writes_the_section_of_the_given_file(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n<!-- story:start -->\nstory\n<!-- story:end -->\n", encoding="utf-8")
    before = common.DOC
    write_doc("## Archive mode\n\nfirst", doc)
    write_doc("## Archive mode\n\nsecond", doc)
    text = doc.read_text(encoding="utf-8")
    assert common.DOC == before
    assert "story\n<!-- story:end -->" in text
    assert text.count("<!-- archive:start -->") == 1 and "second" in text and "first" not in text


@pytest.mark.parametrize("text,expect", [("1,2", [1, 2]), ("2,1,2", [1, 2]), ("4", [4])])
def test_worker_counts(text, expect):
    assert _workers(text) == expect


@pytest.mark.parametrize("text", ["0,2", "a", ""])
def test_bad_worker_counts(text):
    import argparse

    with pytest.raises(argparse.ArgumentTypeError):
        _workers(text)


def test_report_gives_the_speed_up_the_peer_and_the_topic_scores():
    import argparse

    from benchmarks.bench_archive import ClusterScore, PeerPass, Run, report

    args = argparse.Namespace(rows=400, rows_1=0, workers="1,2", peer_rows=300, partition_rows=50, write=False)
    info = {"rows": 400, "originals": 100, "articles": 100, "missing": [], "chars": 800_000}
    runs = [Run(1, 400, 800_000, articles=400, seconds=40.0, wall=45.0, worker_peaks=[400.0]),
            Run(2, 400, 800_000, articles=400, seconds=25.0, wall=30.0, worker_peaks=[410.0, 405.0])]
    peer = [PeerPass(rows=50, chars=100_000, seconds=5.0), PeerPass(rows=50, chars=100_000, seconds=4.0)]
    score = ClusterScore(articles=73, clusters=5, purity=1.0, completeness=0.9, intruders=2,
                         per_topic={"nato": (9, 10)})
    out = report(args, info, runs, 1.5, 300.0, 120, (300, 300), [("all", 400, 120, score)], peer,
                 ("0.1", "0.2"), "abc1234")
    assert "2 workers process 1.60x the articles/s of 1 worker (target >= 1.7x: not met)" in out
    assert "| archive, 2 workers | 400 | 400 | 0 | 0 | 25.0 | 16.00 | 32,000 | 30.0 | 13.33 | 410, 405 |" in out
    assert "sequential loop's second pass (12.50 articles/s" in out and "75% of the archive's rows are copies" in out
    assert "| all | 400 | 120 | 73 | 5 | 1.000 | 0.900 | 2 | nato 9/10 |" in out
    assert "300 of 300 copies (100.0%)" in out
