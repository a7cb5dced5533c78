"""Read an archive's input as a stream of partitions: lists of raw rows, never the whole archive.

An INPUT is one of:

* a **folder** of article files (``.txt``, ``.md``, ``.html``/``.htm``, ``.tml``), searched recursively
  and taken in sorted order; each file is one article, its ``file`` the path as found;
* a **JSONL** file (``.jsonl``/``.ndjson``): one JSON object per line;
* a **CSV** file (``.csv``): a header row, then one article per row;
* a **Parquet** file or folder of Parquet files (``.parquet``).

A row of a table gives ``text`` (plain text) or ``html``, and optionally ``url``, ``title``,
``outlet``, ``date`` (ISO) and ``id``. Its article is named ``<input file name>#<row>`` (rows count
from 1, the header not counted), or ``<input file name>#<id>`` when the row has an ``id``.

Rows are cut into partitions of ``partition_rows`` in input order. A partition's id names its input
and its number (``news-3f2a9c1b-000004``), so the same input gives the same partitions on every run,
and its fingerprint (a hash of its rows) tells a re-run whether a finished partition is still current.
A row that cannot be read (bad JSON, neither ``text`` nor ``html``) still travels in its partition, as
an error the worker reports in the ``errors`` table; it never stops the run.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storymap.errors import StorymapError

__all__ = ["ArchiveInputError", "Partition", "partitions", "count_rows", "input_kind", "ARTICLE_SUFFIXES"]

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".tml")
TABLE_COLUMNS = ("id", "text", "html", "url", "title", "outlet", "date")


class ArchiveInputError(StorymapError, ValueError):
    """An archive input that cannot be read at all (missing, unknown kind, unreadable table)."""


@dataclass
class Partition:
    """Rows of one input, in order: ``rows`` are dicts a worker turns into articles (see
    :func:`storymap.archive.work.process_partition`)."""

    id: str
    source: str
    rows: list[dict] = field(default_factory=list)

    @property
    def fingerprint(self) -> str:
        h = hashlib.sha256()
        for r in self.rows:
            h.update(json.dumps({k: v for k, v in r.items() if k != "data"}, sort_keys=True, default=str).encode())
            data = r.get("data")
            h.update(data if isinstance(data, bytes) else str(data).encode())
        return h.hexdigest()[:32]


def input_kind(path: Path) -> str:
    """``folder``, ``jsonl``, ``csv`` or ``parquet``; raises :class:`ArchiveInputError` otherwise."""
    if path.is_dir():
        return "parquet" if any(path.glob("*.parquet")) and not any(_article_files(path)) else "folder"
    if not path.exists():
        raise ArchiveInputError(f"{path}: no such file or folder; expected a folder of articles, JSONL, CSV or Parquet")
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".csv":
        return "csv"
    if suffix == ".parquet":
        return "parquet"
    raise ArchiveInputError(f"{path}: unknown input kind {suffix or '(no suffix)'!r}; "
                            "expected a folder of articles, .jsonl, .csv or .parquet")


def _article_files(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                yield Path(root) / name


def input_key(path: Path) -> str:
    """A short, stable name for an input: its cleaned base name and a hash of its absolute path."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", path.name).strip("-")[:40] or "input"
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{stem}-{digest}"


def count_rows(paths: list[Path]) -> int:
    """How many rows the inputs hold (one streaming pass; for the progress bar)."""
    n = 0
    for p in paths:
        kind = input_kind(p)
        if kind == "folder":
            n += sum(1 for _ in _article_files(p))
        elif kind == "parquet":
            import pyarrow.parquet as pq

            n += sum(pq.ParquetFile(f).metadata.num_rows for f in _parquet_files(p))
        else:
            with open(p, "rb") as fh:
                lines = sum(1 for line in fh if line.strip())
            n += max(0, lines - (1 if kind == "csv" else 0))
    return n


def partitions(paths: list[Path], partition_rows: int = 100, max_bytes: int | None = None) -> Iterator[Partition]:
    """The inputs' rows, ``partition_rows`` at a time, streamed (each input opened in turn)."""
    for path in paths:
        kind = input_kind(path)
        key = input_key(path)
        rows = {"folder": _folder_rows, "jsonl": _jsonl_rows, "csv": _csv_rows, "parquet": _parquet_rows}[kind]
        part: list[dict] = []
        n = 0
        for row in rows(path, max_bytes):
            part.append(row)
            if len(part) == partition_rows:
                yield Partition(f"{key}-{n:06d}", str(path), part)
                part, n = [], n + 1
        if part:
            yield Partition(f"{key}-{n:06d}", str(path), part)


def _folder_rows(folder: Path, max_bytes: int | None) -> Iterator[dict]:
    from storymap.limits import read_limited

    for i, f in enumerate(_article_files(folder), 1):
        row = {"row": i, "path": str(f)}
        try:
            row["data"] = read_limited(f, kind="article", limit=max_bytes)
        except StorymapError as exc:
            row["error"] = str(exc)
        yield row


def _table_row(name: str, i: int, rec, max_bytes: int | None = None) -> dict:
    """A row of a table as the worker wants it, or an error row naming the row and the reason."""
    row: dict = {"row": i, "path": f"{name}#{i}"}
    if not isinstance(rec, dict):
        row["error"] = f"{name} row {i}: expected an object with 'text' or 'html', got {type(rec).__name__}"
        return row
    rid = rec.get("id")
    if rid is not None and str(rid).strip():
        row["path"] = f"{name}#{str(rid).strip()}"
    text, html = rec.get("text"), rec.get("html")
    if isinstance(html, str) and html.strip():
        row["data"], row["format"] = html, "html"
    elif isinstance(text, str) and text.strip():
        row["data"], row["format"] = text, "txt"
    else:
        row["error"] = f"{name} row {i}: no 'text' or 'html' (a non-empty string was expected)"
        return row
    from storymap.limits import max_bytes as cap_of

    cap = cap_of("article", max_bytes)
    if len(row["data"]) > cap:  # characters: at least as many bytes, so never a false refusal
        del row["data"], row["format"]
        row["error"] = f"{name} row {i}: article larger than {cap} bytes (--max-bytes)"
        return row
    meta = {k: str(rec[k]) for k in ("url", "title", "outlet", "date") if rec.get(k) not in (None, "")}
    if meta:
        row["meta"] = meta
    return row


def _jsonl_rows(path: Path, max_bytes: int | None) -> Iterator[dict]:
    name = path.name
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise ArchiveInputError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        i = 0
        for raw in fh:
            if not raw.strip():
                continue
            i += 1
            try:
                rec = json.loads(raw)
            except ValueError as exc:
                yield {"row": i, "path": f"{name}#{i}", "error": f"{name} row {i}: not JSON ({exc.args[0][:80]})"}
                continue
            yield _table_row(name, i, rec, max_bytes)


def _csv_rows(path: Path, max_bytes: int | None) -> Iterator[dict]:
    name = path.name
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        fh = open(path, newline="", encoding="utf-8", errors="replace")
    except OSError as exc:
        raise ArchiveInputError(f"{path}: cannot read ({exc.strerror})") from None
    with fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not {"text", "html"} & set(reader.fieldnames):
            raise ArchiveInputError(f"{path}: expected a CSV header with a 'text' or 'html' column")
        for i, rec in enumerate(reader, 1):
            yield _table_row(name, i, rec, max_bytes)


def _parquet_files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.parquet")) if path.is_dir() else [path]


def _parquet_rows(path: Path, max_bytes: int | None) -> Iterator[dict]:
    import pyarrow.parquet as pq

    i = 0
    for f in _parquet_files(path):
        try:
            pf = pq.ParquetFile(f)
        except Exception as exc:  # pyarrow raises several kinds for a file that is not Parquet
            raise ArchiveInputError(f"{f}: not a readable Parquet file ({str(exc)[:80]})") from None
        cols = [c for c in TABLE_COLUMNS if c in pf.schema_arrow.names]
        if "text" not in cols and "html" not in cols:
            raise ArchiveInputError(f"{f}: expected a 'text' or 'html' column")
        for batch in pf.iter_batches(batch_size=256, columns=cols):
            for rec in batch.to_pylist():
                i += 1
                yield _table_row(path.name, i, rec, max_bytes)
