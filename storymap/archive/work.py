"""What a worker does with one partition: each row through ingest -> places -> dates -> events.

:func:`process_partition` is pure given the rows (it reads no file and writes nothing: the client
writes what it returns), so Dask may run it again on another worker after one dies. The spaCy model
and the gazetteer are opened once per worker process (:meth:`Geoparser.default` keeps them), on the
first partition it runs or at start-up through :class:`LoadModels`.
"""

from __future__ import annotations

import os

from distributed import WorkerPlugin

from storymap.archive.records import article_terms, event_row, mention_row, table, timex_row

__all__ = ["process_partition", "LoadModels", "article_from_row"]


def article_from_row(row: dict):
    """The :class:`~storymap.model.Article` of an input row (raises StorymapError on bad input)."""
    from dataclasses import replace

    from storymap.ingest import article_from_text, parse_article
    from storymap.urls import http_url

    data = row["data"]
    if isinstance(data, bytes):
        article = parse_article(data, row["path"])
    else:
        fmt = row.get("format", "txt")
        article = parse_article(data.encode("utf-8", "surrogatepass"), row["path"], format=fmt) \
            if fmt == "html" else article_from_text(data, row["path"])
    meta = row.get("meta") or {}
    fields = {k: meta[k] for k in ("title", "outlet", "url", "date") if meta.get(k) and not getattr(article, k)}
    if "url" in fields:  # only a web address, as everywhere in storymap: never a local path or script
        fields["url"] = http_url(fields["url"])
        if fields["url"] is None:
            del fields["url"]
    return replace(article, **fields) if fields else article


def process_partition(partition_id: str, source: str, rows: list[dict], keep_unknown: bool = False) -> dict:
    """The tables (``articles``, ``mentions``, ``timexes``, ``events``, ``errors``; see
    :mod:`storymap.archive.records`) of one partition's rows, as :class:`pyarrow.Table` values.

    A row that cannot be read or processed becomes an ``errors`` row with a one-line reason; the
    others go on.
    """
    from storymap.dates import article_date
    from storymap.errors import StorymapError, one_line
    from storymap.places import Geoparser
    from storymap.story.build import article_events

    gp = Geoparser.default(keep_unknown=keep_unknown)
    out: dict[str, list[dict]] = {k: [] for k in ("articles", "mentions", "timexes", "events", "errors")}
    for row in rows:
        path = row.get("path", "")

        def error(reason: str) -> None:
            out["errors"].append({"partition": partition_id, "source": source, "row": row.get("row"),
                                  "file": path, "reason": reason})

        if "error" in row:
            error(row["error"])
            continue
        try:
            article = article_from_row(row)
            if not article.body.strip():
                error(f"{path}: no usable text")
                continue
            dct = article_date(article.text, article.date)
            parts: dict = {}
            events, meta = article_events(article, gp, dct, "article" if dct else "none", parts=parts)
            resolved, timexes = parts["resolved"], parts["timexes"]
        except (StorymapError, ValueError, UnicodeError) as exc:
            error(one_line(exc, 300))
            continue
        except Exception as exc:  # a fault of ours on one odd article must not cost the partition's others
            error(f"{path}: internal error ({type(exc).__name__}: {one_line(exc, 300)})")
            continue
        aid = path
        terms, term_counts = article_terms(article)
        out["articles"].append({
            "article_id": aid, "partition": partition_id, "row": row.get("row"), "file": path,
            "title": meta["title"], "outlet": meta["outlet"], "url": meta["url"], "byline": meta["byline"],
            "date": meta["date"], "date_source": meta["date_source"], "places": meta["places"],
            "events": len(events), "chars": len(article.text), "terms": terms, "term_counts": term_counts})
        out["mentions"].extend(mention_row(aid, r) for r in resolved)
        # Timex offsets are into the article's body, as find_timexes gives them.
        out["timexes"].extend(timex_row(aid, path, t) for t in timexes)
        out["events"].extend(event_row(aid, i, e) for i, e in enumerate(events))
    return {name: table(name, recs) for name, recs in out.items()}


class LoadModels(WorkerPlugin):
    """A Dask worker plugin that opens the model and gazetteer when a worker starts, so the first
    partition of each worker does not pay for it in the middle of the run."""

    name = "storymap-load-models"

    def setup(self, worker=None):  # noqa: D401 - Dask's plugin interface
        from storymap.places import Geoparser

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        Geoparser.default()

    def teardown(self, worker=None):
        pass

