"""Merge events reported by several articles into the steps of a story.

Two events are one step when they fall on the same date and say the same thing: they share enough
content words ("stormed the embassy" / "storming of the embassy"), or a specific place and some words.
Different events on the same day at the same place stay apart when their words differ.

Entry point: :func:`merge_events`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass

from storymap.model import BROAD_KINDS, Alternative
from storymap.story.events import Event
from storymap.story.schema import Source, Step, StepPlace, date_bounds, order_steps

__all__ = ["merge_events", "MergeConfig", "event_similarity"]


@dataclass(frozen=True)
class MergeConfig:
    same_words: float = 0.34  # Jaccard of content words that alone makes two reports one event
    place_and_words: float = 0.15  # ... when they also share a specific place
    placeless: float = 0.2  # ... when one of them names no place
    max_places: int = 6


def _specific_places(e: Event) -> set[str]:
    return {ep.place.id for ep in e.places if ep.place.kind not in BROAD_KINDS}


def event_similarity(a: Event, b: Event) -> float:
    """Jaccard similarity of the two events' content words."""
    if not a.keywords or not b.keywords:
        return 0.0
    return len(a.keywords & b.keywords) / len(a.keywords | b.keywords)


def _bounds(e: Event) -> tuple[str, str]:
    lo, _ = date_bounds(e.date)
    _, hi = date_bounds(e.date_end or e.date)
    return lo.isoformat(), hi.isoformat()


def _compatible(a: Event, b: Event) -> bool:
    """Same date, or one date inside the other's range ("December 27" within "last week")."""
    if (a.date, a.date_end) == (b.date, b.date_end):
        return True
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return (alo <= blo and bhi <= ahi) or (blo <= alo and ahi <= bhi)


def _precision(e: Event) -> tuple[int, int]:
    lo, hi = _bounds(e)
    return (-(dt.date.fromisoformat(hi) - dt.date.fromisoformat(lo)).days, len(e.date))


def _same_event(a: Event, b: Event, cfg: MergeConfig) -> bool:
    if not _compatible(a, b):
        return False
    if (a.date, a.date_end) != (b.date, b.date_end) and event_similarity(a, b) < cfg.place_and_words:
        return False
    if a.file == b.file and a.start == b.start:
        return True
    sim = event_similarity(a, b)
    if sim >= cfg.same_words:
        return True
    if not a.places or not b.places:
        return sim >= cfg.placeless  # a dated report with no place joins the placed report it matches
    return sim >= cfg.place_and_words and bool(_specific_places(a) & _specific_places(b))


def merge_events(events: list[Event], config: MergeConfig | None = None) -> tuple[Step, ...]:
    """Cluster the events (single link within a date) and make one step per cluster, in time order."""
    cfg = config or MergeConfig()
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Each cluster keeps the days all its reports agree on; two clusters join only if some day is left,
    # so a chain of links cannot fold "last week" and two different days into one step.
    span = {i: _bounds(e) for i, e in enumerate(events)}

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri == rj:
            return
        lo = max(span[ri][0], span[rj][0])
        hi = min(span[ri][1], span[rj][1])
        if lo > hi:
            return
        parent[ri] = rj
        span[rj] = (lo, hi)

    # Compare events whose date spans overlap (sorted by start; a sweep keeps this near-linear).
    order = sorted(range(len(events)), key=lambda i: _bounds(events[i]))
    for x, i in enumerate(order):
        _, ihi = _bounds(events[i])
        for j in order[x + 1:]:
            jlo, _ = _bounds(events[j])
            if jlo > ihi:
                break
            if _same_event(events[i], events[j], cfg):
                union(i, j)
    clusters: dict[int, list[Event]] = {}
    for i, e in enumerate(events):
        clusters.setdefault(find(i), []).append(e)
    # A cluster with no place at all is a dated sentence nobody placed: not a step.
    steps = [_step(members, cfg) for members in clusters.values() if any(e.places for e in members)]
    return order_steps(steps)


def _step(members: list[Event], cfg: MergeConfig) -> Step:
    # The most representative report gives the title and text: the one sharing most words with the rest.
    def centrality(e: Event) -> float:
        return sum(event_similarity(e, o) for o in members if o is not e) + 0.01 * len(e.places)

    placed = [e for e in members if e.places]
    head = max(placed, key=centrality)
    # The step's date is the most precise one any report gives ("December 27" over "last week").
    dated = max(members, key=_precision)
    place_votes: Counter = Counter()
    first: dict[tuple[str, str], object] = {}
    for e in members:
        for ep in e.places:
            key = (ep.place.id, ep.role)
            place_votes[key] += 1
            first.setdefault(key, ep)
    places = []
    for (pid, role), _ in sorted(place_votes.items(), key=lambda kv: (kv[0][1] == "site", -kv[1])):
        ep = first[(pid, role)]
        if any(p.place_id == pid and p.role == role for p in places):
            continue
        p = ep.place
        alts = tuple(Alternative.from_candidate(c).as_dict() for c in ep.alternatives)
        places.append(StepPlace(name=p.name, lat=p.lat, lon=p.lon, kind=p.kind, role=role, geonameid=p.geonameid,
                                country=p.country, place_id=p.id, alternatives=alts))
        if len(places) >= cfg.max_places:
            break
    sources = []
    seen = set()
    for e in sorted(members, key=lambda e: (e.file, e.start)):
        if (e.file, e.start) in seen:
            continue
        seen.add((e.file, e.start))
        sources.append(Source(e.file, e.start, e.end, e.quote))
    actors = tuple(dict.fromkeys(a for e in members for a in e.actors))
    files = {e.file for e in members}
    ident = hashlib.sha1(f"{dated.date}|{head.file}|{head.start}".encode()).hexdigest()[:8]
    tags = ("background",) if all(e.background for e in members) else ()
    return Step(id=f"{dated.date}-{ident}", date=dated.date, date_end=dated.date_end, title=head.title,
                text=head.quote, places=tuple(places), sources=tuple(sources), actors=actors,
                corroboration=len(files), tags=tags)
