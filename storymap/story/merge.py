"""Merge events reported by several articles into the steps of a story.

Two events are one step when their dates are compatible, their sites are the same or nested (a town
within its country) and they say the same thing: the TF-IDF cosine of their content-word lemmas is
high enough, or lower but with the same predicate ("storm" / "storm") or a shared actor. Different
events on the same day at the same place stay apart when their words differ. Reports that are only
evidence (reported opinion, plans, quotes) join a step but never make one. Then groups that report one
happening in different words (across articles, or two clauses of one sentence) join when their dates
overlap, their main sites are nested or within a few kilometres, and their summed words are close
(:func:`_join_groups`; the threshold was chosen on the development gold stories).

Entry point: :func:`merge_events`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
from collections import Counter
from dataclasses import dataclass

from storymap.model import BROAD_KINDS, Alternative
from storymap.story.events import Event, EventPlace
from storymap.story.schema import Source, Step, StepPlace, date_bounds, order_steps

__all__ = ["merge_events", "merge_groups", "step_from_group", "MergeConfig", "event_similarity"]


@dataclass(frozen=True)
class MergeConfig:
    same_words: float = 0.25  # similarity that alone makes two reports one event
    place_and_words: float = 0.15  # ... when they also share a specific place (keyword Jaccard)
    place_and_lemmas: float = 0.1  # the same, on the TF-IDF cosine of parsed reports (another scale)
    placeless: float = 0.2  # ... when one of them names no place
    same_predicate: float = 0.08  # bonus when both happenings have the same verb lemma
    shared_actor: float = 0.05  # bonus when they share an actor
    max_places: int = 6
    cluster_mean: float = 0.05  # mean similarity two clusters' reports must have to join (no chains)
    group_words: float = 0.2  # cosine of two groups' summed words that makes them one happening ...
    group_km: float = 30.0  # ... when their main sites are nested or this close (a city and its suburb)
    movement_words: float = 0.05  # ... or when one is a movement into a broad place the other tells in detail
    vague_words: float = 0.05  # cosine that folds a country-sited report into a finer step inside it
    area_km: float = 2000.0  # how far from an area's point ("the Middle East") a place counts as in it


#: How close (keyword Jaccard) a report must be to the headline's report to give the step its text.
TEXT_NEAR_HEAD = 0.2


def _unit(v: dict[str, float]) -> dict[str, float]:
    """The sparse vector ``v`` scaled to unit length."""
    norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / norm for w, x in v.items()}


def _dot(va: dict[str, float], vb: dict[str, float]) -> float:
    """The dot product of two sparse vectors (the cosine, when both have unit length)."""
    if len(vb) < len(va):
        va, vb = vb, va
    return sum(x * vb.get(w, 0.0) for w, x in va.items())


def _synonyms() -> dict[str, str]:
    """Each word of ``data/event_synonyms.txt`` mapped to its class (the line's first word)."""
    from storymap.story.clauses import words

    out: dict[str, str] = {}
    for line in words("event_synonyms"):
        names = line.split()
        for w in names:
            out.setdefault(w, names[0])
    return out


_SYNONYMS = _synonyms()


class _Vectors:
    """TF-IDF vectors of the events' content-word lemmas (their keywords when unparsed), unit length;
    words of one class of ``data/event_synonyms.txt`` count as one word."""

    def __init__(self, events: list[Event]):
        bags = [tuple(_SYNONYMS.get(w, w) for w in e.lemmas) or tuple(e.keywords) for e in events]
        df: Counter = Counter(w for bag in bags for w in set(bag))
        n = len(bags) or 1
        self.vecs = {}
        for e, bag in zip(events, bags):
            tf = Counter(bag)
            self.vecs[id(e)] = _unit({w: (1 + math.log(c)) * math.log(1 + n / df[w]) for w, c in tf.items()})

    def cosine(self, a: Event, b: Event) -> float:
        return _dot(self.vecs.get(id(a), {}), self.vecs.get(id(b), {}))


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


def _sites(e: Event) -> list:
    return [ep.place for ep in e.places if ep.role != "mentioned"]


def _nested(a, b) -> bool:
    """The same place, or one inside the other (a town in its region or country)."""
    if a.id == b.id:
        return True
    for big, small in ((a, b), (b, a)):
        if big.kind == "country" and big.country and big.country == small.country:
            return True
        if big.kind == "region" and big.admin1 and (big.country, big.admin1) == (small.country, small.admin1):
            return True
    return False


def _sites_compatible(a: Event, b: Event) -> bool:
    sa, sb = _sites(a), _sites(b)
    return not sa or not sb or any(_nested(x, y) for x in sa for y in sb)


def _similarity(a: Event, b: Event, vectors: _Vectors | None, cfg: MergeConfig) -> float:
    if vectors is None:
        return event_similarity(a, b)
    sim = vectors.cosine(a, b)
    if a.predicate and a.predicate == b.predicate:
        sim += cfg.same_predicate
    if set(a.actors) & set(b.actors):
        sim += cfg.shared_actor
    return sim


def _same_event(a: Event, b: Event, cfg: MergeConfig, vectors: _Vectors | None = None) -> bool:
    if not _compatible(a, b):
        return False
    if a.file == b.file and a.start == b.start:
        # Two clauses of one sentence, or one clause at sites in two countries, are two happenings.
        return a.predicate == b.predicate and {p.id for p in _sites(a)} == {p.id for p in _sites(b)}
    if not _sites_compatible(a, b):
        return False
    sim = _similarity(a, b, vectors, cfg)
    near = cfg.place_and_words if vectors is None else cfg.place_and_lemmas
    if (a.date, a.date_end) != (b.date, b.date_end) and sim < near:
        return False
    if sim >= cfg.same_words:
        return True
    if not _sites(a) or not _sites(b):
        return sim >= cfg.placeless  # a dated report with no site joins the placed report it matches
    return sim >= near and bool(_specific_places(a) & _specific_places(b))


def merge_events(events: list[Event], config: MergeConfig | None = None) -> tuple[Step, ...]:
    """One step per group of :func:`merge_groups`, in time order."""
    cfg = config or MergeConfig()
    return order_steps([_step(g, cfg) for g in merge_groups(events, cfg)])


def merge_groups(events: list[Event], config: MergeConfig | None = None) -> list[list[Event]]:
    """Cluster the reports of happenings at a specific site (average link within a date); attach each
    vaguer report (sited in a country or region, or unsited) to the cluster it matches best, else
    cluster those among themselves; attach each piece of evidence (reported opinion, plans, quotes)
    likewise. The groups with a site, each in article order."""
    cfg = config or MergeConfig()
    vectors = _Vectors(events) if any(e.lemmas for e in events) else None
    fine = [i for i, e in enumerate(events) if not e.evidence and _specific_sites(e)]
    vague = [i for i, e in enumerate(events) if not e.evidence and not _specific_sites(e)]
    clusters = _clusters(events, fine, cfg, vectors)
    # A vaguer report joins a step but never links two into one ("in Ruritania" nests every town).
    left = _attach(events, vague, clusters, cfg, vectors)
    clusters += _clusters(events, left, cfg, vectors)
    _attach(events, [i for i, e in enumerate(events) if e.evidence], clusters, cfg, vectors)
    groups = [[events[i] for i in sorted(members)] for members in clusters]
    if vectors is not None:
        groups = _join_groups(groups, vectors, cfg)
        groups = _fold_vague(groups, vectors, cfg)
    # A step needs a placed happening: a group whose only placed reports are evidence (a quote, an
    # opinion) joined an unplaced report and is no step.
    return [g for g in groups if any(_sites(e) and not e.evidence for e in g)]


def _group_site(g: list[Event]):
    """The place most of the group's reports give as their site (the first report's on a tie)."""
    votes: Counter = Counter()
    first = {}
    for e in g:
        for p in _sites(e)[:1]:
            votes[p.id] += 1 if e.evidence else 3
            first.setdefault(p.id, p)
    return first[max(votes, key=lambda k: votes[k])] if votes else None


def _most_precise(g: list[Event]) -> Event:
    """The group's most precisely dated report of the happening ("December 27" over "last week"):
    evidence (a plan, an opinion) only when no report is, since "plans to meet on Tuesday" is the day
    of the meeting, not of what the meeting is about."""
    return max([e for e in g if not e.evidence] or g, key=_precision)


def _group_bounds(g: list[Event]) -> tuple[str, str]:
    """The days all the group's most precise reports agree on: the range of its most precise report."""
    return _bounds(_most_precise(g))


def _centroid(g: list[Event], vectors: _Vectors) -> dict[str, float]:
    """The unit sum of the group's report vectors."""
    v: Counter = Counter()
    for e in g:
        v.update(vectors.vecs.get(id(e), {}))
    return _unit(v)


def _ends(g: list[Event], role: str) -> list:
    """The places the group's happenings give with ``role`` ("origin", "destination"), each once."""
    return list({ep.place.id: ep.place for e in g if not e.evidence for ep in e.places if ep.role == role}.values())


def _join_groups(groups: list[list[Event]], vectors: _Vectors, cfg: MergeConfig) -> list[list[Event]]:
    """Join groups that report one happening in different words across articles: their dates overlap,
    their main sites are nested or near, and their reports, summed, share enough words. The most
    similar pair joins first; joining stops when no pair reaches ``cfg.group_words``."""
    from storymap.places.gazetteer import haversine_km

    def near(a, b) -> bool:
        if a is None or b is None:
            return False
        return _nested(a, b) or haversine_km(a.lat, a.lon, b.lat, b.lon) <= cfg.group_km

    def overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
        return max(a[0], b[0]) <= min(a[1], b[1])

    groups = [list(g) for g in groups]

    def describe(g: list[Event]) -> tuple:
        return _centroid(g, vectors), _group_site(g), _group_bounds(g), _ends(g, "origin"), _ends(g, "destination")

    info = [describe(g) for g in groups]

    def inbound(a: tuple, b: tuple) -> bool:
        """Is ``a`` a movement into a broad place (no origin said) that ``b`` reports in detail: from
        outside that place to somewhere inside it ("troops sent to the region" / "a battalion flown from
        its home base to a city there")?"""
        (_, _, _, ao, ad), (_, _, _, bo, bd) = a, b
        return not ao and bool(bo) and any(
            d.kind in BROAD_KINDS and any(_within(d, x, cfg) for x in bd) and not any(_within(d, o, cfg) for o in bo)
            for d in ad)

    def sim(i: int, j: int) -> float | None:
        """The pair's cosine when it is enough to join them, else ``None``."""
        (ci, si, bi, _, _), (cj, sj, bj, _, _) = info[i], info[j]
        if not overlap(bi, bj):
            return None
        moving = inbound(info[i], info[j]) or inbound(info[j], info[i])
        if not moving and not near(si, sj):
            return None
        v = _dot(ci, cj)
        return v if v >= (cfg.movement_words if moving else cfg.group_words) else None

    # The pairs worth joining, found by a sweep over the groups' date ranges (sorted by start).
    order = sorted(range(len(groups)), key=lambda k: info[k][2])
    pairs: dict[tuple[int, int], float] = {}
    for x, i in enumerate(order):
        for j in order[x + 1:]:
            if info[j][2][0] > info[i][2][1]:
                break
            v = sim(i, j)
            if v is not None:
                pairs[(min(i, j), max(i, j))] = v
    alive = set(range(len(groups)))
    while pairs:
        i, j = max(pairs, key=lambda k: (pairs[k], -k[0], -k[1]))
        groups[i] = sorted(groups[i] + groups[j], key=lambda e: (e.file, e.start))
        info[i] = describe(groups[i])
        alive.discard(j)
        pairs = {k: v for k, v in pairs.items() if i not in k and j not in k}
        for o in alive - {i}:
            v = sim(i, o)
            if v is not None:
                pairs[(min(i, o), max(i, o))] = v
    return [groups[i] for i in sorted(alive)]


def _fold_vague(groups: list[list[Event]], vectors: _Vectors, cfg: MergeConfig) -> list[list[Event]]:
    """A happening one article sites only in a country or area (or several articles only in an area,
    telling of no movement into it), on days when the story has a happening at a finer place inside
    it (a day either way), is a vaguer report of one of those ("troops clashed in Ruritania" beside
    "troops clashed in Oslo") or a side remark: it joins the most similar one when their words are
    close at all (``cfg.vague_words``), else it is no step. With no finer happening
    there, the country is the finest place named and the step stays."""
    info = [(_group_site(g), _widened(_group_bounds(g)), len({e.file for e in g})) for g in groups]
    keep = [True] * len(groups)
    for i, g in enumerate(groups):
        site, (lo, hi), files = info[i]
        moving = bool(_ends(g, "origin") or _ends(g, "destination"))
        if site is None or site.kind not in BROAD_KINDS or files > 1 and (site.kind != "area" or moving):
            continue
        finer = [j for j, (s, (jlo, jhi), _) in enumerate(info)
                 if j != i and keep[j] and s is not None and s.kind not in BROAD_KINDS and _within(site, s, cfg)
                 and max(lo, jlo) <= min(hi, jhi)]
        if not finer:
            continue
        mine = _centroid(g, vectors)
        close = {j: _dot(mine, _centroid(groups[j], vectors)) for j in finer}
        best = max(finer, key=close.__getitem__)
        if close[best] >= cfg.vague_words:
            groups[best] = sorted(groups[best] + g, key=lambda e: (e.file, e.start))
        keep[i] = False
    return [g for g, k in zip(groups, keep) if k]


def _widened(b: tuple[str, str]) -> tuple[str, str]:
    """The days ``b`` with one more on each side: a vague report is often dated by the day it was
    written, a day after the happening it tells of ("the bombings on Friday" in Saturday's report)."""
    if len(b[0]) != 10 or len(b[1]) != 10:
        return b
    lo, hi = dt.date.fromisoformat(b[0]), dt.date.fromisoformat(b[1])
    return (lo - dt.timedelta(days=1)).isoformat(), (hi + dt.timedelta(days=1)).isoformat()


def _within(big, small, cfg: MergeConfig) -> bool:
    """Is ``small`` inside ``big``: nested in it, or, when ``big`` is an area with no borders in the
    gazetteer ("the Middle East", "East Africa"), within ``cfg.area_km`` of its point?"""
    from storymap.places.gazetteer import haversine_km

    if _nested(big, small):
        return True
    return big.kind == "area" and haversine_km(big.lat, big.lon, small.lat, small.lon) <= cfg.area_km


def _specific_sites(e: Event) -> list:
    return [p for p in _sites(e) if p.kind not in BROAD_KINDS]


def _attach(events: list[Event], idx: list[int], clusters: list[list[int]], cfg: MergeConfig,
            vectors: _Vectors | None) -> list[int]:
    """Add each event of ``idx`` to the cluster holding its most similar matching report; the events
    that match none are returned."""
    owner = {i: k for k, members in enumerate(clusters) for i in members}
    left = []
    for i in idx:
        best = max(((_similarity(events[i], events[j], vectors, cfg), owner[j]) for j in owner
                    if _same_event(events[i], events[j], cfg, vectors)), default=None)
        if best is None:
            left.append(i)
        else:
            clusters[best[1]].append(i)
    return left


def _clusters(events: list[Event], idx: list[int], cfg: MergeConfig, vectors: _Vectors | None) -> list[list[int]]:
    """The events ``idx`` in clusters: two join when a pair of them is the same event, some day is left
    that all their reports agree on (so "last week" cannot fold two different days into one), and
    their reports are similar on average (so one close pair cannot chain two happenings)."""
    parent = {i: i for i in idx}
    span = {i: _bounds(events[i]) for i in idx}
    members = {i: [i] for i in idx}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        lo, hi = max(span[ri][0], span[rj][0]), min(span[ri][1], span[rj][1])
        if ri == rj or lo > hi or not _cohesive(members[ri], members[rj]):
            return
        parent[ri] = rj
        span[rj] = (lo, hi)
        members[rj] += members.pop(ri)

    def _cohesive(a: list[int], b: list[int]) -> bool:
        if vectors is None or len(a) * len(b) == 1:
            return True
        sims = [_similarity(events[x], events[y], vectors, cfg) for x in a for y in b]
        return sum(sims) / len(sims) >= cfg.cluster_mean

    # Compare events whose date spans overlap (sorted by start; a sweep keeps this near-linear).
    order = sorted(idx, key=lambda i: span[i])
    for x, i in enumerate(order):
        ihi = _bounds(events[i])[1]
        for j in order[x + 1:]:
            if _bounds(events[j])[0] > ihi:
                break
            if _same_event(events[i], events[j], cfg, vectors):
                union(i, j)
    return list(members.values())


_ROLE_ORDER = {"site": 0, "origin": 1, "destination": 2, "mentioned": 3}


def _facts(e: Event) -> tuple:
    """How clearly a report states the step: not a quote or opinion, its site and actors named, not
    too long to read."""
    quoted = e.quote.lstrip()[:1] in "\"“‘"
    return (not e.evidence and not quoted, len(_sites(e)) + len(e.actors) + bool(e.predicate), -len(e.quote) // 200)


def _step_places(members: list[Event], cfg: MergeConfig) -> tuple[StepPlace, ...]:
    """The places of the step, each once, in its strongest role: the site first (the one most reports
    give, a country only when none gives a finer site; the other sites become mentioned), then
    origins and destinations, then places only mentioned; at most ``cfg.max_places``."""
    votes: Counter = Counter()  # (place id, role) -> weight; insertion order breaks ties (first report first)
    seen: dict[str, EventPlace] = {}
    for e in members:
        for ep in e.places:
            # Evidence tells of a journey that may not have happened ("he may have fled to Oslo"): its
            # ends are places mentioned, never the step's movement.
            role = "mentioned" if e.evidence and ep.role in ("origin", "destination") else str(ep.role)
            votes[(ep.place.id, role)] += 1 if role == "mentioned" else 3
            seen.setdefault(ep.place.id, ep)
    roles: dict[str, str] = {}
    def broad(k: tuple[str, str]) -> bool:  # a country site gives way to any finer one
        return k[1] == "site" and seen[k[0]].place.kind in BROAD_KINDS

    for pid, role in sorted(votes, key=lambda k: (_ROLE_ORDER.get(k[1], 4), broad(k), -votes[k])):
        if pid not in roles:
            roles[pid] = "mentioned" if role == "site" and "site" in roles.values() else role
    if "origin" in roles.values():
        # A movement reported by some as arriving at a place ("Marines arrive in Baghdad") and by others
        # as sent there from elsewhere: that place is where it went.
        for pid, role in roles.items():
            if role == "site" and (pid, "destination") in votes:
                roles[pid] = "destination"
    places = []
    for pid, role in list(roles.items())[:cfg.max_places]:
        p, alts = seen[pid].place, seen[pid].alternatives
        places.append(StepPlace(name=p.name, lat=p.lat, lon=p.lon, kind=p.kind, role=role, geonameid=p.geonameid,
                                country=p.country, place_id=p.id,
                                alternatives=tuple(Alternative.from_candidate(c).as_dict() for c in alts)))
    return tuple(places)


def step_from_group(members: list[Event], config: MergeConfig | None = None) -> Step:
    """The step of one group of reports (see :func:`merge_groups`)."""
    return _step(members, config or MergeConfig())


def _step(members: list[Event], cfg: MergeConfig) -> Step:
    # The headline comes from the most representative happening (sharing most words with the rest);
    # the text is the clearest full report.
    def centrality(e: Event) -> float:  # on a tie, the report that names who acted, then more places
        return sum(event_similarity(e, o) for o in members if o is not e) + 0.02 * bool(e.actors) + 0.01 * len(e.places)

    placed = [e for e in members if _sites(e) and not e.evidence] or [e for e in members if _sites(e)]
    head = max(placed, key=centrality)
    # The text tells what the headline says: the clearest of the reports close to the headline's.
    close = [e for e in members if e is head or event_similarity(head, e) >= TEXT_NEAR_HEAD]
    clearest = max(close, key=_facts)
    dated = _most_precise(members)
    places = _step_places(members, cfg)
    site = next((i for i, p in enumerate(places) if p.role == "site"), None)
    sources = []
    seen = set()
    for e in sorted(members, key=lambda e: (e.file, e.start)):
        if (e.file, e.start) in seen:
            continue
        seen.add((e.file, e.start))
        sources.append(Source(e.file, e.start, e.end, e.quote))
    actors = tuple(dict.fromkeys(a for e in members for a in e.actors))
    files = {e.file for e in members}
    # One sentence can head several steps (two clauses, or sites in two countries).
    key = f"{dated.date}|{head.file}|{head.start}"
    if head.predicate:
        key += f"|{head.predicate}|{','.join(sorted(p.id for p in _sites(head)))}"
    ident = hashlib.sha1(key.encode()).hexdigest()[:8]
    background = all(e.background for e in members)
    title = head.headline or head.title
    return Step(id=f"{dated.date}-{ident}", date=dated.date, date_end=dated.date_end, title=title,
                text=clearest.quote, places=places, sources=tuple(sources), actors=actors,
                corroboration=len(files), tags=("background",) if background else (),
                kind="background" if background else "event", headline=title,
                date_precision=dated.date_precision, site=site)
