"""The archive folder on disk: a Parquet file per partition in each dataset, written atomically.

Layout of ``ARCHIVE_DIR``::

    articles/<partition>.parquet   mentions/...   timexes/...   events/...   errors/...
    stories/stories.parquet        (written by storymap.archive.clusters)
    _done/<partition>.json         a partition's marker: its fingerprint and row counts
    _archive.json                  what the archive was built from

A partition's five files are each written to a hidden temporary file and renamed into place; its
marker is written last, the same way. A run that dies midway leaves, at worst, some files of a
partition without its marker: the next run computes that partition again and replaces them under the
same names, so no row is ever there twice. ``pyarrow.dataset`` skips names starting with ``.`` or
``_``, so readers never see a temporary file or a marker.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from storymap.archive.records import DATASETS, SCHEMAS
from storymap.errors import StorymapError

__all__ = ["ArchiveError", "Store", "read_dataset"]

FORMAT = 1


class ArchiveError(StorymapError, ValueError):
    """An archive folder that is missing, damaged or not an archive."""


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


class Store:
    """An archive folder: which partitions are done, and writing a partition's tables."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)

    @property
    def manifest_path(self) -> Path:
        return self.root / "_archive.json"

    def manifest(self) -> dict | None:
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise ArchiveError(f"{self.manifest_path}: not readable as an archive manifest ({exc})") from None

    def open_for(self, inputs: list[str], partition_rows: int) -> None:
        """Start or resume a run: a new folder gets a manifest; an existing archive must have been
        built with the same partition size (else the partitions would not line up)."""
        if self.root.exists() and not self.root.is_dir():
            raise ArchiveError(f"{self.root}: not a folder; expected an archive folder (new or existing)")
        old = self.manifest()
        if old is None and self.root.is_dir() and any(p for p in self.root.iterdir() if not p.name.startswith(".")):
            raise ArchiveError(f"{self.root}: folder is not empty and holds no archive; choose a new or empty folder")
        if old is not None and old.get("partition_rows") != partition_rows:
            raise ArchiveError(f"{self.root}: built with --partition-rows {old.get('partition_rows')}, "
                               f"not {partition_rows}; use the same value or a new folder")
        data = {"format": FORMAT, "generator": "storymap", "inputs": inputs, "partition_rows": partition_rows}
        self.root.mkdir(parents=True, exist_ok=True)
        _atomic_write(self.manifest_path, lambda tmp: Path(tmp).write_text(json.dumps(data, indent=1), encoding="utf-8"))

    def _marker(self, pid: str) -> Path:
        return self.root / "_done" / f"{pid}.json"

    def done(self, pid: str, fingerprint: str) -> bool:
        """Whether partition ``pid`` is written and its rows have not changed since."""
        try:
            return json.loads(self._marker(pid).read_text(encoding="utf-8")).get("fingerprint") == fingerprint
        except (OSError, ValueError):
            return False

    def write_partition(self, pid: str, fingerprint: str, tables: dict[str, pa.Table],
                        done: bool = True) -> dict[str, int]:
        """Write a partition's tables, then (when ``done``) its marker. Returns the row count of each
        dataset. A partition written without its marker (it failed) is computed again by the next run."""
        counts = {}
        for name in DATASETS:
            t = tables.get(name)
            if t is None:
                t = SCHEMAS[name].empty_table()
            _atomic_write(self.root / name / f"{pid}.parquet", lambda tmp, t=t: pq.write_table(t, tmp))
            counts[name] = t.num_rows
        if not done:
            self._marker(pid).unlink(missing_ok=True)
            return counts
        marker = json.dumps({"partition": pid, "fingerprint": fingerprint, "rows": counts})
        _atomic_write(self._marker(pid), lambda tmp: Path(tmp).write_text(marker, encoding="utf-8"))
        return counts

    def partitions(self) -> set[str]:
        """The partitions on disk: with a marker, or written without one (a failed partition)."""
        return {p.stem for p in (self.root / "_done").glob("*.json")} | {
            p.stem for p in (self.root / "articles").glob("*.parquet")} | {
            p.stem for p in (self.root / "errors").glob("*.parquet")}

    def drop_other_partitions(self, keep: set[str]) -> int:
        """Remove the partitions a run did not produce (an input that shrank or was dropped)."""
        gone = 0
        for pid in self.partitions() - keep:
            for name in DATASETS:
                (self.root / name / f"{pid}.parquet").unlink(missing_ok=True)
            self._marker(pid).unlink(missing_ok=True)
            gone += 1
        return gone


def read_dataset(root: str | os.PathLike, name: str, columns: list[str] | None = None, filter=None) -> pa.Table:
    """Dataset ``name`` of the archive at ``root`` as one table (``columns`` and a ``pyarrow.dataset``
    ``filter`` to read less)."""
    import pyarrow.dataset as ds

    root = Path(root)
    folder = root / name
    if not (root / "_archive.json").is_file():
        raise ArchiveError(f"{root}: not an archive folder (no _archive.json); build one with storymap archive")
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        schema = SCHEMAS.get(name)
        if schema is None:
            raise ArchiveError(f"{folder}: no such dataset")
        return schema.empty_table() if columns is None else schema.empty_table().select(columns)
    schema = SCHEMAS.get(name)
    return ds.dataset(folder, format="parquet", schema=schema).to_table(columns=columns, filter=filter)
