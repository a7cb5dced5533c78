"""Run an archive job on Dask distributed: stream the input's partitions to the workers, write what
comes back, a bounded number in flight.

:func:`run_archive` starts a :class:`dask.distributed.LocalCluster` of ``workers`` processes (one
thread each, the model and gazetteer loaded once per process) or joins the cluster at ``scheduler``
(``tcp://host:8786``; start one with ``dask scheduler`` and ``dask worker tcp://host:8786 --nthreads 1``
on machines that have storymap installed). The client reads the input (so workers need not see the
input files) and writes the archive (so they need not see the archive folder either).

Memory stays bounded: at most ``2 x workers`` partitions are read ahead, and each partition's tables
are written and dropped as soon as they come back. A worker that dies takes its partition with it;
Dask runs it again on another worker. A partition that fails on every try is reported in the
``errors`` table (one row per article, with the reason), left without its done-marker so that the
next run tries it again, and the run goes on.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from storymap.archive.inputs import count_rows, input_kind, partitions
from storymap.archive.records import table
from storymap.archive.store import Store
from storymap.archive.work import LoadModels, process_partition
from storymap.errors import one_line

__all__ = ["run_archive", "RunReport"]


@dataclass
class RunReport:
    """What a run did: partitions computed and skipped (already done), rows per dataset, seconds."""

    partitions: int = 0
    skipped: int = 0
    dropped: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    dashboard: str | None = None
    workers: int = 0

    def summary(self) -> str:
        r = self.rows
        return (f"{self.partitions} partitions processed, {self.skipped} already done; "
                f"{r.get('articles', 0)} articles, {r.get('mentions', 0)} mentions, {r.get('events', 0)} events, "
                f"{r.get('errors', 0)} errors in {self.seconds:.1f} s on {self.workers} worker(s)")


def _client(workers: int, scheduler: str | None, memory_limit: str | None):
    from dask.distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler, timeout="30s"), None, True
    import importlib.util

    # The dashboard needs bokeh, which storymap does not install: without it there is none to link.
    dashboard = "127.0.0.1:0" if importlib.util.find_spec("bokeh") else None
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=dashboard, memory_limit=memory_limit or "auto",
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster, dashboard is not None


def run_archive(inputs: list[str | os.PathLike], out_dir: str | os.PathLike, *, workers: int = 2,
                scheduler: str | None = None, partition_rows: int = 50, keep_unknown: bool = False,
                max_bytes: int | None = None, memory_limit: str | None = None,
                on_progress: Callable[[int, int], None] | None = None, on_dashboard: Callable[[str], None] | None = None,
                cluster_stories: bool = True) -> RunReport:
    """Process every article of ``inputs`` into the archive at ``out_dir`` (see :mod:`storymap.archive`).

    Partitions already done with the same rows are skipped, so a re-run finishes a killed one. With
    ``cluster_stories`` the archive's stories are found at the end
    (:func:`storymap.archive.clusters.find_stories`). ``on_progress(rows_done, rows_total)`` is
    called as partitions finish.
    """
    from dask.distributed import as_completed

    paths = [Path(p) for p in inputs]
    for p in paths:
        input_kind(p)  # a missing or unknown input fails before any work
    store = Store(out_dir)
    store.open_for([str(p) for p in paths], partition_rows)
    total = count_rows(paths)
    report = RunReport(rows={})
    start = time.perf_counter()
    done_rows = 0
    seen: set[str] = set()
    client, cluster, has_dashboard = _client(workers, scheduler, memory_limit)
    try:
        if cluster is not None:
            client.register_plugin(LoadModels())
        report.workers = len(client.scheduler_info().get("workers", {})) or workers
        link = getattr(client, "dashboard_link", None)
        if link and has_dashboard:
            report.dashboard = link
            if on_dashboard:
                on_dashboard(link)
        window = max(2, 2 * report.workers)
        pending = as_completed()
        meta: dict = {}
        stream = partitions(paths, partition_rows, max_bytes)

        def fill() -> None:
            nonlocal done_rows
            while pending.count() < window:
                part = next(stream, None)
                if part is None:
                    return
                seen.add(part.id)
                fp = part.fingerprint
                if store.done(part.id, fp):
                    report.skipped += 1
                    done_rows += len(part.rows)
                    if on_progress:
                        on_progress(done_rows, total)
                    continue
                fut = client.submit(process_partition, part.id, part.source, part.rows, keep_unknown,
                                    pure=False, retries=1)
                meta[fut.key] = (part.id, part.source, fp, part.rows)
                pending.add(fut)

        fill()
        while pending.count():
            fut = next(pending)
            pid, source, fp, rows = meta.pop(fut.key)
            ok = True
            try:
                tables = fut.result()
            except Exception as exc:  # the partition failed on every try (a worker killed each time)
                ok = False
                reason = f"partition failed: {one_line(exc, 200)}"
                tables = {"errors": table("errors", [
                    {"partition": pid, "source": source, "row": r.get("row"), "file": r.get("path"), "reason": reason}
                    for r in rows])}
            fut.release()
            # A failed partition is reported in errors and left unmarked: the next run tries it again.
            counts = store.write_partition(pid, fp, tables, done=ok)
            del tables
            for k, v in counts.items():
                report.rows[k] = report.rows.get(k, 0) + v
            report.partitions += 1
            done_rows += len(rows)
            if on_progress:
                on_progress(done_rows, total)
            fill()
        report.dropped = store.drop_other_partitions(seen)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.seconds = time.perf_counter() - start
    if cluster_stories:
        from storymap.archive.clusters import find_stories

        find_stories(out_dir)
    return report


def terminal_progress(stream=None) -> Callable[[int, int], None]:
    """An ``on_progress`` that draws a bar on ``stream`` (stderr) when it is a terminal."""
    from storymap.progress import bar

    stream = stream or sys.stderr
    draw = bar("archive", stream, unit="articles")
    if draw is None:
        return lambda done, total: None

    def on_progress(done: int, total: int) -> None:
        draw(done, total)
        if done >= total:
            stream.write("\n")
            stream.flush()

    return on_progress
