"""Archive mode at scale: articles per second on 1 and 2 Dask workers, peak memory per worker, the time to
cluster, and how well the story clusters recover the AQUAINT topics, beside a simple peer.

    python benchmarks/bench_archive.py [--rows 10000] [--workers 1,2] [--rows-1 N] [--peer-rows 300]
                                       [--partition-rows 50] [--eval DIR] [--keep] [--write [--doc PATH]]

The input is one JSONL file, written to a temporary folder (never into the repository): every article of
``../shared/eval`` once (AQUAINT, TimeBank, LGL, GeoWebNews, in that order; id ``<corpus>/<docid>``, the
text, the title when the corpus has one, TimeML's DCT as the date), then copies of them with new ids
(``copy1/<corpus>/<docid>``, ``copy2/...``) until the file has ``--rows`` rows (fewer rows than the
corpora hold: the first ``--rows`` articles, so a small run still holds AQUAINT).

* **Speed**: for each worker count, a fresh archive of the same input is built by
  :func:`storymap.archive.run_archive` on a :class:`dask.distributed.LocalCluster` this script starts
  (one thread per worker process, the model and gazetteer loaded by the archive's ``LoadModels`` plugin
  before the clock starts, as ``run_archive`` does on its own cluster). Articles/s are input rows over
  the run's processing seconds (``RunReport.seconds``: reading, the workers' work, writing Parquet); the
  wall time also counts the cluster's start and the model load. The speed-up is the ratio of the largest
  worker count's articles/s to one worker's.
* **Memory**: each worker's peak resident set (``ru_maxrss``, asked of every worker before its cluster
  closes) and the client's (this process, which also runs the scheduler, reads the input and writes the
  archive; its peak is reset before each run where Linux allows, else it counts since the start).
* **Clustering**: :func:`storymap.archive.clusters.find_stories` timed on the archive of the largest
  worker count, with the stories found and the share of copies that land in their original's story.
* **AQUAINT topics** (``benchmarks/gold/aquaint_clusters.json``): each original AQUAINT article of a topic
  is assigned the story that holds it. Purity = sum over stories of their majority topic's count / topic
  articles; completeness = sum over topics of the count in the topic's most common story / topic
  articles; intruders = original articles of no topic (any corpus) in a story that holds a topic article.
  Copies are identical to their original and so join its story: only originals are counted. Measured on
  the big archive and on an archive of the AQUAINT articles alone.
* **Peer**: the plain sequential loop in this process, with no Dask and no Parquet: each article read from
  its input row as a worker reads it, then :func:`storymap.story.build.article_events` with
  :meth:`storymap.places.Geoparser.default`, over ``--peer-rows`` of the original articles spread evenly
  over the input (so the corpora mix as in the archive). It runs twice: the first pass with cold caches
  (the gazetteer's look-up cache), the second with them warm, as they are for a worker on the copies.
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import os
import re
import shutil
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import common  # noqa: E402
from benchmarks.common import DEFAULT_EVAL, machine, stamp  # noqa: E402

SECTION = "archive"
TARGET_SPEEDUP = 1.7
# (corpus, path under the eval folder, kind), in the order the input holds them.
CORPORA = (("aquaint", "timex/AQUAINT", "tml"), ("timebank", "timex/TimeBank", "tml"),
           ("lgl", "geoparsing/lgl.xml", "lgl"), ("gwn", "geoparsing/GWN.xml", "gwn"))
TOPIC_CORPUS = "aquaint"
_TML_TITLE = re.compile(r"<TITLE\b[^>]*>(.*?)</TITLE\s*>", re.S | re.I)


# ---------------------------------------------------------------- the input

def _tml_records(folder: Path, corpus: str) -> Iterator[dict]:
    from storymap.ingest import parse_article

    for path in sorted(folder.glob("*.tml")):
        raw = path.read_bytes()
        art = parse_article(raw, str(path))  # the project's TimeML reader: the text and the DCT
        rec = {"id": f"{corpus}/{path.stem}", "text": art.body}
        # The reader leaves TimeML's <TITLE> alone (AQUAINT has one, TimeBank does not).
        m = _TML_TITLE.search(raw.decode("utf-8", "replace"))
        title = " ".join(html.unescape(re.sub(r"<[^>]*>", "", m.group(1))).split()) if m else ""
        if title:
            rec["title"] = title
        if art.date:
            rec["date"] = str(art.date)
        yield rec


def _xml_records(path: Path, corpus: str, id_attr: str) -> Iterator[dict]:
    for i, art in enumerate(ET.parse(path).getroot().iter("article")):
        rec = {"id": f"{corpus}/{art.get(id_attr) or i}", "text": art.findtext("text") or ""}
        title = " ".join((art.findtext("title") or "").split())
        if title:
            rec["title"] = title
        yield rec


def eval_articles(eval_dir: Path, corpora: Iterable[str] | None = None) -> tuple[list[dict], list[str]]:
    """Every article of the eval folder as a JSONL record (``id``, ``text``, ``title``, ``date``), in
    :data:`CORPORA` order, and the corpora that were not there. Articles without text are left out."""
    wanted = set(corpora) if corpora is not None else None
    records: list[dict] = []
    missing: list[str] = []
    for corpus, rel, kind in CORPORA:
        if wanted is not None and corpus not in wanted:
            continue
        path = Path(eval_dir) / rel
        if not path.exists():
            missing.append(corpus)
            continue
        if kind == "tml":
            found = _tml_records(path, corpus)
        else:
            found = _xml_records(path, corpus, "docid" if kind == "lgl" else "file")
        records.extend(r for r in found if r["text"].strip())
    return records, missing


def repeated(records: list[dict], rows: int) -> Iterator[dict]:
    """``rows`` records: the originals, then copies (``copy1/<id>``, ``copy2/<id>``, ...) in the same order."""
    if not records:
        return
    for n in range(rows):
        k, rec = divmod(n, len(records))
        rec = records[rec]
        yield rec if k == 0 else {**rec, "id": f"copy{k}/{rec['id']}"}


def write_input(eval_dir: Path, path: Path, rows: int, corpora: Iterable[str] | None = None) -> dict:
    """Write the benchmark's JSONL input to ``path``: ``rows`` rows (every eval article once, then copies
    with new ids; ``rows <= 0``: each article once). Returns counts: ``rows``, ``originals`` (the distinct
    articles written), ``articles`` (available), ``missing`` (corpora not found), ``chars``."""
    records, missing = eval_articles(eval_dir, corpora)
    n = rows if rows > 0 else len(records)
    written = chars = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in repeated(records, n):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            written += 1
            chars += len(rec["text"])
    return {"rows": written, "originals": min(written, len(records)), "articles": len(records),
            "missing": missing, "chars": chars}


def local_id(article_id: str) -> str:
    """The input's own id of an archive article (``eval.jsonl#aquaint/X`` -> ``aquaint/X``)."""
    return article_id.split("#", 1)[1] if "#" in article_id else article_id


def original_of(rid: str) -> str:
    """``copy3/aquaint/X`` -> ``aquaint/X``; an original's id is its own."""
    m = re.match(r"copy\d+/(.*)", rid)
    return m.group(1) if m else rid


# ---------------------------------------------------------------- cluster scores

@dataclass
class ClusterScore:
    articles: int = 0  # topic articles scored
    clusters: int = 0  # predicted clusters holding them
    purity: float = 0.0
    completeness: float = 0.0
    intruders: int = 0  # articles of no topic in a cluster that holds a topic article
    per_topic: dict[str, tuple[int, int]] = field(default_factory=dict)  # topic -> (in its best cluster, total)


def score_clusters(pred: Mapping[str, str | None], gold: Mapping[str, str]) -> ClusterScore:
    """Purity, completeness and intruders of the predicted clusters ``pred`` (article -> cluster id)
    against the topics ``gold`` (article -> topic; articles of topic ``'other'`` or absent have none).

    A topic article missing from ``pred`` (or mapped to ``None``) counts as a cluster of its own."""
    topical = {a: t for a, t in gold.items() if t and t != "other"}
    if not topical:
        return ClusterScore()
    cluster_of = {a: (pred.get(a) if pred.get(a) is not None else ("<alone>", a)) for a in topical}
    by_cluster: dict[object, Counter] = defaultdict(Counter)
    by_topic: dict[str, Counter] = defaultdict(Counter)
    for a, t in topical.items():
        by_cluster[cluster_of[a]][t] += 1
        by_topic[t][cluster_of[a]] += 1
    n = len(topical)
    held = {c for c in by_cluster}
    intruders = sum(1 for a, c in pred.items() if a not in topical and c is not None and c in held)
    return ClusterScore(
        articles=n, clusters=len(by_cluster),
        purity=sum(max(c.values()) for c in by_cluster.values()) / n,
        completeness=sum(max(c.values()) for c in by_topic.values()) / n,
        intruders=intruders,
        per_topic={t: (max(c.values()), sum(c.values())) for t, c in sorted(by_topic.items())})


def gold_topics(corpus: str = TOPIC_CORPUS) -> dict[str, str]:
    """Input id (``aquaint/<docid>``) -> topic, for the AQUAINT articles of a topic."""
    from benchmarks.gold_timelines import load_clusters

    return {f"{corpus}/{d}": topic for topic, docs in load_clusters().items() if topic != "other" for d in docs}


def story_assignment(stories) -> dict[str, str]:
    """Input id -> story id, for every article of a stories table (:func:`find_stories`)."""
    out = {}
    for sid, arts in zip(stories.column("story_id").to_pylist(), stories.column("articles").to_pylist()):
        for a in arts:
            out[local_id(a)] = sid
    return out


def copies_with_original(assign: Mapping[str, str]) -> tuple[int, int]:
    """(copies in the same story as their original, copies whose original is in the archive)."""
    together = total = 0
    for rid, sid in assign.items():
        orig = original_of(rid)
        if orig != rid and orig in assign:
            total += 1
            together += assign[orig] == sid
    return together, total


# ---------------------------------------------------------------- memory

def _reset_peak() -> bool:
    """Reset this process's peak resident set (Linux: ``/proc/self/clear_refs``); False when it cannot."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def peak_rss_mib() -> float:
    """This process's peak resident set, MiB (run on each worker through ``client.run``)."""
    import resource
    import sys as _sys

    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb / (1024 * 1024 if _sys.platform == "darwin" else 1024)


# ---------------------------------------------------------------- runs

@dataclass
class Run:
    workers: int
    rows: int
    chars: int
    articles: int = 0
    errors: int = 0
    events: int = 0
    seconds: float = 0.0  # RunReport.seconds: read, process, write
    wall: float = 0.0  # with the cluster's start and the model load
    worker_peaks: list[float] = field(default_factory=list)
    client_peak: float = 0.0
    peak_reset: bool = False
    root: Path | None = None

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0

    @property
    def wall_rate(self) -> float:
        return self.rows / self.wall if self.wall else 0.0


def run_workers(input_path: Path, root: Path, workers: int, partition_rows: int, info: dict) -> Run:
    """Build the archive of ``input_path`` at ``root`` on a LocalCluster of ``workers`` processes."""
    from dask.distributed import Client, LocalCluster

    from storymap.archive import run_archive
    from storymap.archive.run import terminal_progress
    from storymap.archive.work import LoadModels

    run = Run(workers, info["rows"], info["chars"], root=root)
    run.peak_reset = _reset_peak()
    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None, memory_limit="auto", silence_logs=logging.ERROR)
    client = Client(cluster)
    try:
        client.wait_for_workers(workers)
        client.register_plugin(LoadModels())  # as run_archive does on the cluster it starts itself
        report = run_archive([input_path], root, workers=workers, scheduler=cluster.scheduler_address,
                             partition_rows=partition_rows, cluster_stories=False, on_progress=terminal_progress())
        run.wall = time.perf_counter() - t0
        run.worker_peaks = sorted(client.run(peak_rss_mib).values(), reverse=True)
    finally:
        client.close()
        cluster.close()
    run.client_peak = peak_rss_mib()
    run.seconds = report.seconds
    run.articles = report.rows.get("articles", 0)
    run.errors = report.rows.get("errors", 0)
    run.events = report.rows.get("events", 0)
    if report.workers != workers:
        print(f"bench_archive: asked for {workers} workers, the run saw {report.workers}", file=sys.stderr)
    return run


@dataclass
class PeerPass:
    rows: int = 0
    chars: int = 0
    errors: int = 0
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


def peer_rows(input_path: Path, originals: int, k: int) -> list[dict]:
    """``k`` of the first ``originals`` input rows, spread evenly, as the archive's reader gives them."""
    from storymap.archive.inputs import partitions

    rows = next(partitions([input_path], partition_rows=max(1, originals))).rows
    k = min(k, len(rows))
    return [rows[i * len(rows) // k] for i in range(k)] if k else []


def run_peer(rows: list[dict], gp) -> PeerPass:
    """The plain sequential loop: each row read into an article and through ``article_events``."""
    from storymap.archive.work import article_from_row
    from storymap.dates import article_date
    from storymap.errors import StorymapError
    from storymap.story.build import article_events

    p = PeerPass()
    for row in rows:
        t = time.perf_counter()
        try:
            article = article_from_row(row)
            dct = article_date(article.text, article.date)
            article_events(article, gp, dct, "article" if dct else "none")
        except (StorymapError, ValueError, UnicodeError):
            p.errors += 1
        p.seconds += time.perf_counter() - t
        p.rows += 1
        p.chars += len(row.get("data") or "")
    return p


def aquaint_alone(eval_dir: Path, tmp: Path, workers: int, partition_rows: int, topics: Mapping[str, str]):
    """An archive of the AQUAINT articles alone, clustered: (its ClusterScore, stories, rows)."""
    from storymap.archive import run_archive
    from storymap.archive.clusters import find_stories

    path = tmp / "aquaint.jsonl"
    info = write_input(eval_dir, path, 0, corpora=[TOPIC_CORPUS])
    run_archive([path], tmp / "archive-aquaint", workers=workers, partition_rows=partition_rows,
                cluster_stories=False)
    stories = find_stories(tmp / "archive-aquaint")
    assign = story_assignment(stories)
    return score_clusters(assign, topics), stories.num_rows, info["rows"]


# ---------------------------------------------------------------- report

def _mib(values: Iterable[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values) or "-"


def _score_row(name: str, rows: int, stories: int, s: ClusterScore) -> str:
    per = ", ".join(f"{t} {a}/{b}" for t, (a, b) in s.per_topic.items())
    return (f"| {name} | {rows:,} | {stories:,} | {s.articles} | {s.clusters} | {s.purity:.3f} | "
            f"{s.completeness:.3f} | {s.intruders} | {per} |")


def report(args, info: dict, runs: list[Run], cluster_s: float, cluster_peak: float, n_stories: int,
           copies: tuple[int, int], scores: list[tuple[str, int, int, ClusterScore]],
           peer: list[PeerPass], load: tuple[str, str], commit: str) -> str:
    counts = " and ".join(str(r.workers) for r in runs)
    lines = [f"## Archive mode: {info['rows']:,} rows on {counts} worker(s) ({stamp()})", "",
             f"Machine: {machine()}", "",
             f"Command: `{command(args)}` (code at commit {commit}). How each figure is measured: the docstring "
             "of `benchmarks/bench_archive.py`.", "",
             f"Input: one JSONL file, {info['originals']:,} distinct articles of `../shared/eval` (AQUAINT, "
             f"TimeBank, LGL, GeoWebNews; {info['articles']:,} there) then copies with new ids to "
             f"{info['rows']:,} rows ({info['chars'] / max(info['rows'], 1):,.0f} characters a row on average); "
             f"partitions of {args.partition_rows} rows."
             + (f" Corpora not found: {', '.join(info['missing'])}." if info["missing"] else ""), "",
             "| run | rows | articles | errors | events | processing s | articles/s | characters/s | "
             "wall s (with start) | articles/s end to end | peak RSS per worker, MiB | client peak RSS, MiB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|"]
    for r in runs:
        lines.append(f"| archive, {r.workers} worker{'s' if r.workers > 1 else ''} | {r.rows:,} | {r.articles:,} | "
                     f"{r.errors:,} | {r.events:,} | {r.seconds:.1f} | {r.rate:.2f} | "
                     f"{r.chars / max(r.seconds, 1e-9):,.0f} | {r.wall:.1f} | "
                     f"{r.wall_rate:.2f} | {_mib(r.worker_peaks)} | {r.client_peak:.0f} |")
    for name, p in zip(("cold caches", "second pass, warm caches"), peer):
        lines.append(f"| peer: sequential loop, one process ({name}) | {p.rows:,} | {p.rows - p.errors:,} | "
                     f"{p.errors} | - | {p.seconds:.1f} | {p.rate:.2f} | {p.chars / max(p.seconds, 1e-9):,.0f} | "
                     "- | - | - | - |")
    lines.append("")
    notes = []
    one = next((r for r in runs if r.workers == 1), None)
    top = max(runs, key=lambda r: r.workers) if runs else None
    if one and top and top is not one and one.rate:
        ratio = top.rate / one.rate
        notes.append(f"Speed-up: {top.workers} workers process {ratio:.2f}x the articles/s of 1 worker "
                     f"(target >= {TARGET_SPEEDUP}x: {'met' if ratio >= TARGET_SPEEDUP else 'not met'}); end to end, "
                     f"with the cluster's start and the model load, {top.wall_rate / max(one.wall_rate, 1e-9):.2f}x."
                     + ("" if one.rows == top.rows else
                        f" The 1-worker run had {one.rows:,} rows, not {top.rows:,}: the first ones, a different "
                        "mix of corpora, so compare the characters/s too."))
    if peer and runs:
        ref = peer[-1]
        per_char = ref.chars / ref.seconds if ref.seconds else 0.0
        parts = [f"{r.workers} worker{'s' if r.workers > 1 else ''} {r.rate / max(ref.rate, 1e-9):.2f}x "
                 f"({r.chars / max(r.seconds, 1e-9) / max(per_char, 1e-9):.2f}x in characters/s)" for r in runs]
        notes.append(f"Peer: against the sequential loop's second pass ({ref.rate:.2f} articles/s over "
                     f"{ref.rows} of the distinct articles, {per_char:,.0f} characters/s), the archive runs at "
                     + "; ".join(parts) + ". The peer has no reading, Parquet or scheduling to do"
                     + (f"; {1 - info['originals'] / info['rows']:.0%} of the archive's rows are copies, which meet "
                        "warm caches as the peer's second pass does." if info["rows"] > info["originals"] else "."))
    if top:
        resets = "reset before each run" if all(r.peak_reset for r in runs) else "since the script started"
        notes.append(f"Memory: a worker's peak is its process's `ru_maxrss` (model, gazetteer, the partitions it "
                     f"held); the client's (this process: scheduler, input reader, Parquet writer) is {resets}.")
        notes.append(f"Clustering: `find_stories` on the {top.rows:,}-row archive of the {top.workers}-worker run took "
                     f"{cluster_s:.1f} s (client peak RSS {cluster_peak:.0f} MiB) and found {n_stories:,} stories"
                     + (f"; {copies[0]:,} of {copies[1]:,} copies ({copies[0] / copies[1]:.1%}) are in their "
                        "original's story." if copies[1] else " (the input has no copies)."))
    lines += [f"- {n}" for n in notes]
    lines += ["", "AQUAINT topics (`benchmarks/gold/aquaint_clusters.json`) against the stories, original "
              "articles only (a copy is identical to its original and joins its story):", "",
              "| archive | rows | stories | topic articles | their stories | purity | completeness | intruders | "
              "per topic: in its main story / articles |", "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    lines += [_score_row(*s) for s in scores]
    lines += ["", "Purity = sum over stories of their majority topic's count / topic articles; completeness = sum "
              "over topics of the count in the topic's most common story / topic articles; intruders = original "
              "articles of no topic (any corpus) in a story that holds a topic article. The link threshold and the "
              "day window were chosen on the AQUAINT and TimeBank articles (docs/archive.md), so these are "
              "development figures, not held-out ones.",
              "", f"Load average {load[0]} when the run started, {load[1]} when it ended (2 workers on 2 cores "
              "share them with the client, and with anything else running)."]
    return "\n".join(lines)


def command(args) -> str:
    parts = ["python benchmarks/bench_archive.py"]
    if args.rows != 10000:
        parts.append(f"--rows {args.rows}")
    if args.rows_1:
        parts.append(f"--rows-1 {args.rows_1}")
    if args.workers != "1,2":
        parts.append(f"--workers {args.workers}")
    if args.peer_rows != 300:
        parts.append(f"--peer-rows {args.peer_rows}")
    if args.partition_rows != 50:
        parts.append(f"--partition-rows {args.partition_rows}")
    return " ".join(parts + ["--write"] * bool(args.write))


def write_doc(body: str, doc: Path) -> None:
    """Write the ``archive`` section of ``doc`` (docs/benchmarks.md unless told otherwise)."""
    common.write_section(SECTION, body, doc)


def _workers(text: str) -> list[int]:
    try:
        out = sorted({int(x) for x in text.split(",") if x.strip()})
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected worker counts such as 1,2, got {text!r}") from None
    if not out or out[0] < 1:
        raise argparse.ArgumentTypeError(f"expected positive worker counts, got {text!r}")
    return out


def _say(msg: str) -> None:
    print(f"bench_archive: {msg}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=10000, help="rows of the input (the eval articles, then copies)")
    ap.add_argument("--rows-1", type=int, default=0, help="rows for the 1-worker run (default: --rows)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, comma-separated (default 1,2)")
    ap.add_argument("--peer-rows", type=int, default=300, help="distinct articles the sequential peer runs over")
    ap.add_argument("--partition-rows", type=int, default=50)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the eval folder (default ../shared/eval)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary input and archives (path printed)")
    ap.add_argument("--write", action="store_true", help="write the section of docs/benchmarks.md (or --doc)")
    ap.add_argument("--doc", type=Path, default=common.DOC, help="the file --write updates")
    args = ap.parse_args(argv)
    try:
        counts = _workers(args.workers)
    except argparse.ArgumentTypeError as exc:
        ap.error(str(exc))
    if args.rows < 1:
        ap.error("--rows must be at least 1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    load_start = common.load_average()
    tmp = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    try:
        input_path = tmp / "eval.jsonl"
        info = write_input(args.eval, input_path, args.rows)
        if not info["rows"]:
            raise SystemExit(f"bench_archive: no articles found under {args.eval}")
        if info["missing"]:
            _say(f"corpora not found under {args.eval}: {', '.join(info['missing'])}")
        _say(f"input: {info['rows']:,} rows ({info['originals']:,} distinct articles) in {input_path}")
        inputs = {args.rows: (input_path, info)}
        runs = []
        for n in counts:
            rows = args.rows_1 if n == 1 and args.rows_1 else args.rows
            if rows not in inputs:
                p = tmp / f"eval-{rows}.jsonl"
                inputs[rows] = (p, write_input(args.eval, p, rows))
            path, inf = inputs[rows]
            _say(f"{n} worker(s), {inf['rows']:,} rows ...")
            run = run_workers(path, tmp / f"archive-{n}w", n, args.partition_rows, inf)
            _say(f"  {run.seconds:.1f} s processing, {run.rate:.2f} articles/s; worker peaks {_mib(run.worker_peaks)} MiB")
            runs.append(run)
        from storymap.archive.clusters import find_stories

        top = max(runs, key=lambda r: r.workers)
        _reset_peak()
        t = time.perf_counter()
        stories = find_stories(top.root)
        cluster_s = time.perf_counter() - t
        cluster_peak = peak_rss_mib()
        assign = story_assignment(stories)
        _say(f"find_stories: {cluster_s:.1f} s, {stories.num_rows:,} stories")
        topics = gold_topics()
        originals = {a: s for a, s in assign.items() if original_of(a) == a}
        scores = [(f"all of the eval, {top.workers} workers", top.rows, stories.num_rows,
                   score_clusters(originals, topics))]
        _say("AQUAINT alone ...")
        alone, alone_stories, alone_rows = aquaint_alone(args.eval, tmp, max(counts), args.partition_rows, topics)
        scores.append(("AQUAINT alone", alone_rows, alone_stories, alone))

        from storymap.ingest import article_from_text
        from storymap.places import Geoparser

        _say(f"peer over {args.peer_rows} articles, twice ...")
        gp = Geoparser.default()
        gp(article_from_text("Warm-up in Paris.", "<warm>"))  # the model and gazetteer loaded before the clock
        sample = peer_rows(input_path, info["originals"], args.peer_rows)
        peer = [run_peer(sample, gp), run_peer(sample, gp)] if sample else []
        out = report(args, info, runs, cluster_s, cluster_peak, stories.num_rows, copies_with_original(assign),
                     scores, peer, (load_start, common.load_average()), common.commit())
    finally:
        if args.keep:
            _say(f"kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(out)
    if args.write:
        write_doc(out, args.doc)
        _say(f"wrote the {SECTION!r} section of {args.doc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
