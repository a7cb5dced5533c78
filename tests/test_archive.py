"""Archive mode: inputs read as partitions, the Dask run, resuming, killed runs, stories, the CLI.

The articles are invented here. The runs use a real two-worker LocalCluster (the distributed path),
so most tests are marked slow.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storymap.archive.inputs import ArchiveInputError, count_rows, partitions
from storymap.archive.records import SCHEMAS, event_from_record, event_record, point_wkb
from storymap.archive.store import ArchiveError, Store, read_dataset

REPO = Path(__file__).resolve().parent.parent
STORYMAP = [sys.executable, "-m", "storymap.cli"]

ARTICLES = {
    "harbour-fire.txt": (
        "Fire destroys warehouse at Rotterdam harbour\n"
        "date 2023-03-14\n"
        "ROTTERDAM, March 14, 2023 - A fire destroyed a grain warehouse in Rotterdam on Tuesday, "
        "the port authority said.\n"
        "Firefighters from Antwerp helped to put out the fire in Rotterdam overnight.\n"),
    "harbour-fire-2.txt": (
        "Rotterdam warehouse fire under control\n"
        "date 2023-03-15\n"
        "ROTTERDAM, March 15, 2023 - Firefighters brought the warehouse fire in Rotterdam under control "
        "on Wednesday after the fire destroyed a grain warehouse on Tuesday.\n"
        "The port of Rotterdam reopened its eastern docks on Wednesday.\n"),
    "election.txt": (
        "Mayor re-elected in Lyon\n"
        "date 2024-06-02\n"
        "LYON, June 2, 2024 - Voters in Lyon re-elected the mayor on Sunday, officials said.\n"
        "The mayor thanked volunteers in Lyon on Monday for their work in the 2022 campaign.\n"),
}


def write_articles(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


# -- inputs ------------------------------------------------------------------------------------


def _jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["jsonl", "csv", "parquet"])
def test_table_inputs_give_one_row_per_article_named_by_file_and_id(tmp_path, kind):
    recs = [{"id": "a1", "text": "Storm hits Lisbon.", "title": "Storm", "date": "2021-01-02"},
            {"id": "a2", "html": "<p>Flood in Porto.</p>", "url": "https://example.org/a2"}]
    if kind == "jsonl":
        path = _jsonl(tmp_path / "news.jsonl", recs)
    elif kind == "csv":
        path = tmp_path / "news.csv"
        path.write_text("id,text,html,title,date,url\na1,Storm hits Lisbon.,,Storm,2021-01-02,\n"
                        "a2,,<p>Flood in Porto.</p>,,,https://example.org/a2\n", encoding="utf-8")
    else:
        path = tmp_path / "news.parquet"
        cols = ("id", "text", "html", "title", "date", "url")
        pq.write_table(pa.Table.from_pylist(recs, schema=pa.schema([(c, pa.string()) for c in cols])), path)
    parts = list(partitions([path], partition_rows=1))
    assert [len(p.rows) for p in parts] == [1, 1]
    rows = [p.rows[0] for p in parts]
    assert [r["path"] for r in rows] == [f"{path.name}#a1", f"{path.name}#a2"]
    assert rows[0]["data"] == "Storm hits Lisbon." and rows[0]["meta"]["date"] == "2021-01-02"
    assert rows[1]["format"] == "html" and rows[1]["meta"]["url"] == "https://example.org/a2"
    assert count_rows([path]) == 2


@pytest.mark.parametrize("line, reason", [
    ("{not json", "not JSON"),
    (json.dumps({"title": "no body"}), "no 'text' or 'html'"),
    (json.dumps([1, 2]), "expected an object"),
    (json.dumps({"text": "   "}), "no 'text' or 'html'"),
])
def test_unreadable_rows_travel_as_errors_naming_the_row(tmp_path, line, reason):
    path = _jsonl(tmp_path / "feed.jsonl", [{"text": "A good row."}, line])
    rows = [r for p in partitions([path]) for r in p.rows]
    assert "error" not in rows[0]
    assert reason in rows[1]["error"] and "feed.jsonl row 2" in rows[1]["error"]


def test_a_row_over_the_size_limit_is_an_error_not_a_stop(tmp_path):
    path = _jsonl(tmp_path / "big.jsonl", [{"text": "x" * 500}, {"text": "small"}])
    rows = [r for p in partitions([path], max_bytes=100) for r in p.rows]
    assert "larger than 100 bytes" in rows[0]["error"] and rows[1]["data"] == "small"


@pytest.mark.parametrize("make, expected", [
    (lambda p: p / "missing", "no such file or folder"),
    (lambda p: (p / "notes.docx").write_bytes(b"x") and p / "notes.docx", "unknown input kind"),
    (lambda p: (p / "t.csv").write_text("a,b\n1,2\n") and p / "t.csv", "'text' or 'html' column"),
])
def test_bad_inputs_fail_with_one_line_naming_them(tmp_path, make, expected):
    path = make(tmp_path)
    with pytest.raises(ArchiveInputError, match=expected) as err:
        list(partitions([path]))
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_folder_partitions_are_stable_and_fingerprints_follow_content(tmp_path):
    folder = write_articles(tmp_path / "in")
    a = list(partitions([folder], partition_rows=2))
    b = list(partitions([folder], partition_rows=2))
    assert [p.id for p in a] == [p.id for p in b] and [p.fingerprint for p in a] == [p.fingerprint for p in b]
    (folder / "election.txt").write_text("Changed text in Lyon.", encoding="utf-8")
    c = list(partitions([folder], partition_rows=2))
    # Files in sorted order: election.txt and harbour-fire-2.txt, then harbour-fire.txt.
    assert [Path(r["path"]).name for r in a[0].rows] == ["election.txt", "harbour-fire-2.txt"]
    assert [x.fingerprint != y.fingerprint for x, y in zip(a, c)] == [True, False]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "text", "html", "title", "date", "url", "outlet", "other"]),
                    st.one_of(st.none(), st.text(max_size=20), st.integers(), st.booleans()), max_size=6),
    st.text(max_size=30), st.integers()), max_size=8))
def test_any_jsonl_row_becomes_an_article_row_or_an_error_row(tmp_path_factory, recs):
    path = tmp_path_factory.mktemp("h") / "rows.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    rows = [r for p in partitions([path], partition_rows=3) for r in p.rows]
    assert len(rows) == len(recs)
    for r in rows:
        assert ("error" in r) != ("data" in r)
        assert r["path"].startswith("rows.jsonl#")


# -- records -----------------------------------------------------------------------------------


def test_wkb_points_are_little_endian_lon_lat():
    from shapely import wkb

    pt = wkb.loads(point_wkb(2.35, 48.85))
    assert (pt.x, pt.y) == (2.35, 48.85)
    assert point_wkb(None, 1.0) is None


# -- store -------------------------------------------------------------------------------------


def test_store_refuses_a_folder_that_is_not_an_archive(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ArchiveError, match="not empty and holds no archive"):
        Store(tmp_path).open_for(["x"], 50)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_store_refuses_another_partition_size(tmp_path):
    Store(tmp_path / "a").open_for(["x"], 50)
    with pytest.raises(ArchiveError, match="--partition-rows 50"):
        Store(tmp_path / "a").open_for(["x"], 10)


def test_partition_files_without_a_marker_are_replaced_not_added(tmp_path):
    store = Store(tmp_path / "arc")
    store.open_for(["x"], 50)
    row = {"article_id": "a", "partition": "p", "row": 1, "file": "a", "title": None, "outlet": None, "url": None,
           "byline": None, "date": None, "date_source": "none", "places": 0, "events": 0, "chars": 1,
           "terms": [], "term_counts": []}
    t = pa.Table.from_pylist([row], schema=SCHEMAS["articles"])
    # A killed run wrote the data but not the marker; the next run writes the partition again.
    (tmp_path / "arc" / "articles").mkdir()
    pq.write_table(t, tmp_path / "arc" / "articles" / "p.parquet")
    assert not store.done("p", "f1")
    store.write_partition("p", "f1", {"articles": t})
    assert store.done("p", "f1") and not store.done("p", "other")
    assert read_dataset(tmp_path / "arc", "articles").num_rows == 1
    assert not [f for f in (tmp_path / "arc").rglob("*.tmp")]


def test_a_failed_partition_is_written_without_its_marker_and_dropped_when_gone(tmp_path):
    store = Store(tmp_path / "arc")
    store.open_for(["x"], 50)
    err = pa.Table.from_pylist([{"partition": "p", "source": "x", "row": 1, "file": "a", "reason": "partition failed"}],
                               schema=SCHEMAS["errors"])
    store.write_partition("p", "f1", {"errors": err}, done=False)
    assert not store.done("p", "f1") and "p" in store.partitions()
    assert read_dataset(tmp_path / "arc", "errors").column("reason").to_pylist() == ["partition failed"]
    assert store.drop_other_partitions(set()) == 1 and read_dataset(tmp_path / "arc", "errors").num_rows == 0


@pytest.mark.parametrize("url, kept", [
    ("https://example.org/a", "https://example.org/a"),
    ("javascript:alert(1)", None),
    ("file:///home/me/a.html", None),
    ('https://example.org/a"onmouseover="x', None),
])
def test_a_rows_url_is_kept_only_when_it_is_a_web_address(url, kept):
    from storymap.archive.work import article_from_row

    row = {"row": 1, "path": "feed.jsonl#1", "data": "Storm hits Lisbon.", "format": "txt", "meta": {"url": url}}
    assert article_from_row(row).url == kept


@pytest.mark.slow
def test_an_article_that_fails_is_one_error_row_and_the_others_go_on():
    from storymap.archive.work import process_partition

    rows = [{"row": 1, "path": "feed.jsonl#1", "data": 12345, "format": "txt"},  # no text: a fault inside
            {"row": 2, "path": "feed.jsonl#2", "error": "feed.jsonl row 2: not JSON"},
            {"row": 3, "path": "feed.jsonl#3", "data": ARTICLES["election.txt"], "format": "txt"}]
    out = process_partition("p", "feed.jsonl", rows)
    reasons = out["errors"].column("reason").to_pylist()
    assert len(reasons) == 2 and "internal error (TypeError" in reasons[0] and "not JSON" in reasons[1]
    assert out["articles"].column("file").to_pylist() == ["feed.jsonl#3"]
    assert "Lyon" in out["mentions"].column("name").to_pylist()


# -- the distributed run -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    from storymap.archive import run_archive

    base = tmp_path_factory.mktemp("archive")
    folder = write_articles(base / "articles")
    out = base / "arc"
    report = run_archive([folder], out, workers=2, partition_rows=1)
    return folder, out, report


@pytest.mark.slow
def test_archive_writes_every_dataset_readable_with_pyarrow_dataset(archive):
    folder, out, report = archive
    assert report.partitions == 3 and report.rows["articles"] == 3 and report.rows["errors"] == 0
    for name in ("articles", "mentions", "timexes", "events", "errors"):
        t = ds.dataset(out / name, format="parquet").to_table()
        assert t.schema.names[: len(SCHEMAS[name].names)] == SCHEMAS[name].names
    files = sorted(ds.dataset(out / "articles", format="parquet").to_table().column("file").to_pylist())
    assert files == sorted(str(folder / n) for n in ARTICLES)


@pytest.mark.slow
def test_mentions_are_geoparquet_points(archive):
    _, out, _ = archive
    f = next((out / "mentions").glob("*.parquet"))
    geo = json.loads(pq.read_schema(f).metadata[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    from shapely import wkb

    t = read_dataset(out, "mentions").to_pylist()
    placed = [r for r in t if r["geometry"] is not None]
    assert placed and all((wkb.loads(r["geometry"]).x, wkb.loads(r["geometry"]).y) == (r["lon"], r["lat"])
                          for r in placed)


@pytest.mark.slow
def test_archive_mentions_are_what_storymap_places_gives(archive):
    folder, out, _ = archive
    files = [str(folder / n) for n in sorted(ARTICLES)]
    proc = subprocess.run([*STORYMAP, "places", "--format", "jsonl", *files], capture_output=True, text=True,
                          cwd=REPO, check=True)
    cols = ["file", "start", "end", "text", "name", "lat", "lon", "kind", "country", "geonameid", "score"]
    want = sorted((tuple(json.loads(line)[c] for c in cols) for line in proc.stdout.splitlines()), key=str)
    got = sorted((tuple(r[c] for c in cols) for r in read_dataset(out, "mentions").to_pylist()), key=str)
    assert got == want and got


@pytest.mark.slow
def test_archive_events_round_trip_and_give_the_story_build_story_gives(archive):
    from storymap.story import build_story, story_to_dict
    from storymap.story.build import story_from_events

    folder, out, _ = archive
    files = [str(folder / n) for n in ("harbour-fire.txt", "harbour-fire-2.txt")]
    direct = build_story(files)
    rows = read_dataset(out, "events").to_pylist()
    arts = {r["file"]: r for r in read_dataset(out, "articles").to_pylist()}
    events = [event_from_record(r["record"]) for f in files
              for r in sorted((r for r in rows if r["file"] == f), key=lambda r: r["index"])]
    assert all(event_from_record(event_record(e)) == e for e in events)
    meta = [{k: arts[f][k] for k in ("file", "title", "outlet", "url", "byline", "date", "date_source", "places")}
            for f in files]
    from_archive = story_from_events(events, meta)

    def same(story):
        d = story_to_dict(story)
        d["metadata"].pop("created")
        return d

    assert same(from_archive) == same(direct)


@pytest.mark.slow
def test_the_two_fire_reports_are_one_story_and_the_election_another(archive):
    from storymap.archive import archive_story, load_stories

    _, out, _ = archive
    stories = load_stories(out).to_pylist()
    sets = sorted(sorted(Path(a).name for a in s["articles"]) for s in stories)
    assert sets == [["election.txt"], ["harbour-fire-2.txt", "harbour-fire.txt"]]
    fire = next(s for s in stories if s["n_articles"] == 2)
    assert "Rotterdam" in fire["places"]
    story = archive_story(out, fire["story_id"])
    assert story.steps[0].kind == "overview" and len(story.metadata["articles"]) == 2
    assert all("/" not in a["file"] for a in story.metadata["articles"])  # no local path in a story


@pytest.mark.slow
def test_a_rerun_skips_finished_partitions_and_redoes_a_changed_one(tmp_path):
    from storymap.archive import run_archive

    folder = write_articles(tmp_path / "in")
    out = tmp_path / "arc"
    first = run_archive([folder], out, workers=1, partition_rows=1, cluster_stories=False)
    again = run_archive([folder], out, workers=1, partition_rows=1, cluster_stories=False)
    assert (first.partitions, again.partitions, again.skipped) == (3, 0, 3)
    (folder / "election.txt").write_text(ARTICLES["election.txt"].replace("Lyon", "Nantes"), encoding="utf-8")
    (folder / "harbour-fire-2.txt").unlink()
    third = run_archive([folder], out, workers=1, partition_rows=1, cluster_stories=False)
    assert (third.partitions, third.dropped) == (2, 1)  # partitions shift when a file goes
    t = read_dataset(out, "articles").to_pylist()
    assert sorted(Path(r["file"]).name for r in t) == ["election.txt", "harbour-fire.txt"]
    assert any(r["name"] == "Nantes" for r in read_dataset(out, "mentions").to_pylist())


def _articles_once(out: Path, n: int) -> None:
    files = read_dataset(out, "articles").column("file").to_pylist()
    assert len(files) == len(set(files)) == n, files
    assert read_dataset(out, "errors").num_rows == 0


def _many(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:03d}.txt").write_text(
            f"Bridge reopens in Porto\ndate 2022-05-{1 + i % 28:02d}\n"
            f"PORTO, May {1 + i % 28}, 2022 - The city of Porto reopened bridge number {i} on Monday.\n",
            encoding="utf-8")
    return folder


def _wait_for_markers(out: Path, proc, k: int, timeout: float = 240) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if len(list((out / "_done").glob("*.json"))) >= k:
            return
        if proc.poll() is not None:
            raise AssertionError(f"the run ended early: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.2)
    raise AssertionError("no partition finished in time")


def _worker_processes(pid: int) -> list[int]:
    """The Dask worker processes of the client ``pid``: its children started by multiprocessing's
    spawn (its resource tracker is a child too, and no worker)."""
    out = subprocess.run(["ps", "-ww", "-o", "pid=,args=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(line.split()[0]) for line in out.splitlines() if "spawn_main" in line]


@pytest.mark.slow
@pytest.mark.parametrize("victim", ["worker", "client"])
def test_a_killed_run_started_again_processes_every_article_exactly_once(tmp_path, victim):
    n = 30
    folder = _many(tmp_path / "in", n)
    out = tmp_path / "arc"
    cmd = [*STORYMAP, "archive", str(folder), "-o", str(out), "--workers", "2", "--partition-rows", "1"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        _wait_for_markers(out, proc, 1)
        if victim == "worker":
            workers = _worker_processes(proc.pid)
            assert workers, "no worker process found"
            os.kill(workers[0], signal.SIGKILL)
            assert proc.wait(timeout=300) == 0, proc.stderr.read()
        else:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
            assert len(list((out / "_done").glob("*.json"))) < n  # it really died midway
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # whatever the killed client left behind
        except ProcessLookupError:
            pass
    if victim == "client":
        again = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr
    _articles_once(out, n)


# -- the command line --------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_lists_stories_and_builds_one(archive, tmp_path):
    _, out, _ = archive
    listed = subprocess.run([*STORYMAP, "archive", "--stories", str(out)], capture_output=True, text=True,
                            cwd=REPO, check=True)
    lines = listed.stdout.splitlines()
    assert len(lines) == 1 and "2 articles" in lines[0] and "Rotterdam" in lines[0]
    sid = lines[0].split()[0]
    dest = tmp_path / "fire.json"
    built = subprocess.run([*STORYMAP, "build", "--archive", str(out), "--story", sid, "-o", str(dest)],
                           capture_output=True, text=True, cwd=REPO)
    assert built.returncode == 0, built.stderr
    assert json.loads(dest.read_text())["steps"][0]["kind"] == "overview"


@pytest.mark.parametrize("args, expected", [
    (["archive", "--stories", "{tmp}/none"], "not an archive folder"),
    (["archive", "{tmp}/missing", "-o", "{tmp}/arc"], "no such file or folder"),
    (["archive", "{tmp}"], "expected -o ARCHIVE_DIR"),
    (["archive", "--workers", "0", "{tmp}", "-o", "{tmp}/a"], "expected a positive number of workers"),
    (["archive", "--partition-rows", "x", "{tmp}", "-o", "{tmp}/a"], "expected a positive number of articles per partition"),
    (["build", "--archive", "{tmp}", "-o", "{tmp}/s.json"], "--archive DIR and --story ID go together"),
    (["build", "--archive", "{tmp}", "--story", "s-1", "-o", "{tmp}/s.json"], "not an archive folder"),
])
def test_cli_archive_errors_are_one_line_without_traceback(tmp_path, args, expected):
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    proc = subprocess.run([*STORYMAP, *argv], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    # One line of error (argparse's own errors come after its usage lines, as for every sub-command).
    assert expected in proc.stderr.strip().splitlines()[-1]
