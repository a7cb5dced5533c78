"""Archive mode: thousands of articles into Parquet datasets and the stories in them, on Dask.

* :mod:`~storymap.archive.inputs` - folders, JSONL, CSV and Parquet read as a stream of partitions;
* :mod:`~storymap.archive.work` - one partition through ingest -> places -> dates -> events (on a worker);
* :mod:`~storymap.archive.records` - the datasets' schemas (GeoParquet points for mentions and events);
* :mod:`~storymap.archive.store` - the archive folder, written a partition at a time, atomically;
* :mod:`~storymap.archive.run` - the Dask job (:func:`run_archive`);
* :mod:`~storymap.archive.clusters` - happenings across articles, then stories (:func:`find_stories`).

Importing this package loads neither Dask nor the model.
"""

from __future__ import annotations

from typing import Any

__all__ = ["run_archive", "find_stories", "load_stories", "archive_story", "ArchiveError", "ArchiveInputError"]

_WHERE = {"run_archive": "run", "find_stories": "clusters", "load_stories": "clusters", "archive_story": "clusters",
          "ArchiveError": "store", "ArchiveInputError": "inputs"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        import importlib

        return getattr(importlib.import_module(f"storymap.archive.{_WHERE[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
