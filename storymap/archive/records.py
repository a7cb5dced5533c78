"""The archive's tables: their Arrow schemas, and rows from (and events back to) the pipeline's values.

Datasets (one Parquet file per partition in each):

* ``articles``: one row per article read (``article_id``, ``file``, title, outlet, url, byline, date
  and where it came from, the number of resolved places and events, the characters read, and its
  ``terms``: up to 100 content words with the number of paragraphs that use each, for clustering);
* ``mentions``: the columns of ``storymap places --format jsonl`` (``file, start, end, text, name, lat,
  lon, kind, country, geonameid, score``) plus ``article_id`` and a GeoParquet ``geometry`` (a WKB
  point, null for a mention left unresolved);
* ``timexes``: each time expression (``start, end, text, type, value, granularity, mod``);
* ``events``: each event of :func:`storymap.story.build.article_events`, with its date, headline and
  site as columns to query, and ``record``: the whole event as JSON, so a story built from the archive
  is the story the same articles give (:func:`event_from_record`);
* ``errors``: each row that could not be read or processed, with its source, row and one-line reason.

Geometries are WKB points in longitude/latitude (GeoParquet 1.1, CRS OGC:CRS84, the default when a
column's ``crs`` is omitted).
"""

from __future__ import annotations

import json
import struct
from dataclasses import asdict
from typing import Any

import pyarrow as pa

from storymap.model import Candidate, Place
from storymap.story.events import Event, EventPlace

__all__ = ["SCHEMAS", "DATASETS", "GEO_DATASETS", "event_record", "event_from_record", "mention_row",
           "timex_row", "event_row", "geo_metadata", "point_wkb"]

DATASETS = ("articles", "mentions", "timexes", "events", "errors")
GEO_DATASETS = ("mentions", "events")

_STR, _INT, _F = pa.string(), pa.int64(), pa.float64()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", _STR), ("partition", _STR), ("row", _INT), ("file", _STR), ("title", _STR),
        ("outlet", _STR), ("url", _STR), ("byline", _STR), ("date", _STR), ("date_source", _STR),
        ("places", _INT), ("events", _INT), ("chars", _INT), ("terms", pa.list_(_STR)),
        ("term_counts", pa.list_(_INT)),
    ]),
    "mentions": pa.schema([
        ("article_id", _STR), ("file", _STR), ("start", _INT), ("end", _INT), ("text", _STR), ("name", _STR),
        ("lat", _F), ("lon", _F), ("kind", _STR), ("country", _STR), ("geonameid", _INT), ("score", _F),
        ("geometry", pa.binary()),
    ]),
    "timexes": pa.schema([
        ("article_id", _STR), ("file", _STR), ("start", _INT), ("end", _INT), ("text", _STR), ("type", _STR),
        ("value", _STR), ("granularity", _STR), ("mod", _STR),
    ]),
    "events": pa.schema([
        ("article_id", _STR), ("file", _STR), ("index", _INT), ("start", _INT), ("end", _INT), ("date", _STR),
        ("date_end", _STR), ("date_precision", _STR), ("background", pa.bool_()), ("evidence", pa.bool_()),
        ("headline", _STR), ("predicate", _STR), ("site", _STR), ("site_id", _STR), ("site_kind", _STR),
        ("country", _STR), ("lat", _F), ("lon", _F), ("places", pa.list_(_STR)), ("actors", pa.list_(_STR)),
        ("keywords", pa.list_(_STR)), ("record", _STR), ("geometry", pa.binary()),
    ]),
    "errors": pa.schema([
        ("partition", _STR), ("source", _STR), ("row", _INT), ("file", _STR), ("reason", _STR),
    ]),
}


def point_wkb(lon: float | None, lat: float | None) -> bytes | None:
    """A little-endian WKB point, or ``None`` without coordinates."""
    if lon is None or lat is None:
        return None
    return struct.pack("<BIdd", 1, 1, float(lon), float(lat))


def geo_metadata(rows: list[dict]) -> dict[bytes, bytes]:
    """The GeoParquet ``geo`` key for a table of ``rows`` with ``lon``/``lat`` and a WKB ``geometry``."""
    pts = [(r["lon"], r["lat"]) for r in rows if r.get("geometry") is not None]
    col: dict[str, Any] = {"encoding": "WKB", "geometry_types": ["Point"]}
    if pts:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        col["bbox"] = [min(xs), min(ys), max(xs), max(ys)]
    geo = {"version": "1.1.0", "primary_column": "geometry", "columns": {"geometry": col}}
    return {b"geo": json.dumps(geo).encode()}


def mention_row(article_id: str, r) -> dict:
    """A ``mentions`` row of a resolved mention (the JSONL record of ``storymap places``, plus)."""
    p = r.place
    return {
        "article_id": article_id, "file": r.mention.file, "start": r.mention.start, "end": r.mention.end,
        "text": r.mention.text, "name": p.name if p else None, "lat": p.lat if p else None,
        "lon": p.lon if p else None, "kind": r.kind, "country": p.country if p else None,
        "geonameid": p.geonameid if p else None, "score": round(r.score, 4),
        "geometry": point_wkb(p.lon, p.lat) if p else None,
    }


def article_terms(article, limit: int = 100) -> tuple[list[str], list[int]]:
    """The article's content words (the events' folded keywords) and in how many of its paragraphs
    (and its title) each appears, the most used first, at most ``limit``."""
    from collections import Counter

    from storymap.story.events import keywords

    counts: Counter = Counter()
    for seg in article.segments:
        counts.update(keywords(seg.text))
    if article.title:
        counts.update(keywords(article.title))
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [w for w, _ in top], [c for _, c in top]


def timex_row(article_id: str, file: str, t) -> dict:
    return {"article_id": article_id, "file": file, "start": t.start, "end": t.end, "text": t.text,
            "type": t.type, "value": t.value, "granularity": t.granularity, "mod": t.mod}


def _place_dict(p: Place) -> dict:
    return {k: (str(v) if k == "kind" else v) for k, v in asdict(p).items()}


def event_record(e: Event) -> dict:
    """An event as plain JSON data (the inverse of :func:`event_from_record`)."""
    d = {k: getattr(e, k) for k in e.__dataclass_fields__ if k not in ("places", "keywords", "actors", "lemmas")}
    d["actors"] = list(e.actors)
    d["lemmas"] = list(e.lemmas)
    d["keywords"] = sorted(e.keywords)
    d["places"] = [{"place": _place_dict(ep.place), "role": str(ep.role), "mention_start": ep.mention_start,
                    "mention_end": ep.mention_end, "score": ep.score,
                    "alternatives": [{"place": _place_dict(c.place), "score": c.score} for c in ep.alternatives]}
                   for ep in e.places]
    return d


def event_from_record(d: dict | str) -> Event:
    """The :class:`Event` an ``events`` row's ``record`` holds."""
    if isinstance(d, str):
        d = json.loads(d)
    d = dict(d)
    places = tuple(
        EventPlace(place=Place(**p["place"]), role=p["role"], mention_start=p["mention_start"],
                   mention_end=p["mention_end"], score=p["score"],
                   alternatives=tuple(Candidate(Place(**c["place"]), c["score"]) for c in p.get("alternatives", ())))
        for p in d.pop("places"))
    return Event(places=places, keywords=frozenset(d.pop("keywords")), actors=tuple(d.pop("actors")),
                 lemmas=tuple(d.pop("lemmas")), **d)


def _site(e: Event):
    sites = [ep.place for ep in e.places if str(ep.role) != "mentioned"]
    return sites[0] if sites else None


def event_row(article_id: str, index: int, e: Event) -> dict:
    """An ``events`` row: the columns to query and the whole event in ``record``."""
    site = _site(e)
    return {
        "article_id": article_id, "file": e.file, "index": index, "start": e.start, "end": e.end,
        "date": e.date, "date_end": e.date_end, "date_precision": e.date_precision,
        "background": bool(e.background), "evidence": bool(e.evidence), "headline": e.headline or e.title,
        "predicate": e.predicate or None, "site": site.name if site else None, "site_id": site.id if site else None,
        "site_kind": str(site.kind) if site else None, "country": site.country if site else None,
        "lat": site.lat if site else None, "lon": site.lon if site else None,
        "places": [ep.place.id for ep in e.places], "actors": list(e.actors), "keywords": sorted(e.keywords),
        "record": json.dumps(event_record(e), ensure_ascii=False),
        "geometry": point_wkb(site.lon, site.lat) if site else None,
    }


def table(name: str, rows: list[dict]) -> pa.Table:
    """The rows as a table of dataset ``name``'s schema (with GeoParquet metadata where it has points)."""
    schema = SCHEMAS[name]
    if name in GEO_DATASETS:
        schema = schema.with_metadata(geo_metadata(rows))
    return pa.Table.from_pylist(rows, schema=schema)
