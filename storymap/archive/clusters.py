"""The stories in an archive: happenings reported by several articles, then articles joined into stories.

1. **Happenings.** Events of different articles are one happening when they are sited at the same
   specific place (a town, a district, a landmark: never only a country), their dates are compatible
   (one inside the other) and their words overlap as the story merge asks of two reports at one place
   (:class:`storymap.story.merge.MergeConfig`'s ``place_and_words``, keyword Jaccard). Only events in
   the same block (site and month) are compared, so the work grows with the archive, not its square.
2. **Stories.** Each article gets a TF-IDF profile of its content words (the paragraphs using each),
   its events' words, its specific sites and its actors. Two articles are linked when they share a
   happening, or when their profiles are close (cosine at least ``link``) and their dates lie within
   ``days`` of each other (a story in the news runs for weeks or months, not years). Candidate pairs
   come from an inverted index over each article's strongest terms, skipping terms most articles
   share. A story is a connected group of linked articles.

Each story gets an id that depends only on its articles, a title from its headlines (the story
build's :func:`~storymap.story.shape.pick_title`), its dates, main places and words. Entry points:
:func:`find_stories` (writes ``stories/`` and ``happenings/``), :func:`load_stories`,
:func:`archive_story` (one story as a story map).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import os
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from storymap.archive.store import ArchiveError, _atomic_write, read_dataset
from storymap.story.merge import _dot, _unit  # the story merge's sparse vectors: unit length, cosine

__all__ = ["ClusterConfig", "find_stories", "load_stories", "archive_story", "STORY_SCHEMA"]

BROAD = {"country", "area", "water"}


@dataclass(frozen=True)
class ClusterConfig:
    link: float = 0.12  # profile cosine that links two articles ...
    days: int = 120  # ... when their dates are at most this far apart
    top_terms: int = 12  # an article's strongest terms, indexed to find candidate pairs
    shared_terms: int = 1  # candidate pairs share at least this many of them
    max_df: float = 0.02  # a term more than this share of articles have (and more than 25) is not indexed
    profile_terms: int = 40  # terms kept in each profile (the rest weigh little)
    background: int = 1000  # the least number of articles the word weights assume (see _profiles)


STORY_SCHEMA = pa.schema([
    ("story_id", pa.string()), ("title", pa.string()), ("date_start", pa.string()), ("date_end", pa.string()),
    ("n_articles", pa.int64()), ("articles", pa.list_(pa.string())), ("places", pa.list_(pa.string())),
    ("lat", pa.float64()), ("lon", pa.float64()), ("words", pa.list_(pa.string())), ("happenings", pa.int64()),
])
HAPPENING_SCHEMA = pa.schema([
    ("happening_id", pa.string()), ("story_id", pa.string()), ("date", pa.string()), ("site", pa.string()),
    ("headline", pa.string()), ("articles", pa.list_(pa.string())), ("events", pa.list_(pa.string())),
])


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _bounds(date: str | None, date_end: str | None) -> tuple[str, str] | None:
    from storymap.story.schema import date_bounds

    if not date:
        return None
    try:
        lo, _ = date_bounds(date)
        _, hi = date_bounds(date_end or date)
    except (ValueError, TypeError):
        return None
    return lo.isoformat(), hi.isoformat()


def _happenings(ev: dict, n_events: int) -> list[list[int]]:
    """Groups of event rows (indexes) that report one happening in at least two articles."""
    from storymap.story.merge import MergeConfig

    near = MergeConfig().place_and_words
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i in range(n_events):
        if ev["evidence"][i] or not ev["site_id"][i] or ev["site_kind"][i] in BROAD:
            continue
        b = _bounds(ev["date"][i], ev["date_end"][i])
        if b is None:
            continue
        blocks[(ev["site_id"][i], b[0][:7])].append(i)
    groups: list[list[int]] = []
    for members in blocks.values():
        if len({ev["article_id"][i] for i in members}) < 2:
            continue
        u = _Union(len(members))
        kw = [frozenset(ev["keywords"][i]) for i in members]
        bd = [_bounds(ev["date"][i], ev["date_end"][i]) for i in members]
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if ev["article_id"][members[x]] == ev["article_id"][members[y]]:
                    continue
                (alo, ahi), (blo, bhi) = bd[x], bd[y]
                if not ((alo <= blo and bhi <= ahi) or (blo <= alo and ahi <= bhi)):
                    continue
                union = kw[x] | kw[y]
                if union and len(kw[x] & kw[y]) / len(union) >= near:
                    u.join(x, y)
        parts: dict[int, list[int]] = defaultdict(list)
        for x in range(len(members)):
            parts[u.find(x)].append(members[x])
        groups.extend(g for g in parts.values() if len({ev["article_id"][i] for i in g}) >= 2)
    return groups


def _profiles(ev: dict, n_events: int, index: dict[str, int], cfg: ClusterConfig,
              articles: dict | None = None) -> list[dict[str, float]]:
    bags: list[Counter] = [Counter() for _ in index]
    if articles and "terms" in articles:
        for a, (terms, counts) in enumerate(zip(articles["terms"], articles["term_counts"])):
            bags[a].update(dict(zip(terms or (), counts or ())))
    for i in range(n_events):
        a = index.get(ev["article_id"][i])
        if a is None or ev["evidence"][i]:
            continue
        bag = bags[a]
        bag.update(ev["keywords"][i])
        if ev["site_id"][i] and ev["site_kind"][i] not in BROAD:
            bag[f"@{ev['site_id'][i]}"] += 2
        bag.update(f"#{x.casefold()}" for x in ev["actors"][i])
    df = Counter(t for bag in bags for t in bag)
    # A small archive is read as part of a larger news stream (cfg.background articles that lack every
    # word): in 50 articles about one trial, "jury" is in most of them but still a rare word in news.
    n = max(len(bags), cfg.background) or 1
    out = []
    for bag in bags:
        w = {t: (1 + math.log(c)) * math.log(1 + n / df[t]) for t, c in bag.items()}
        out.append(_unit(dict(sorted(w.items(), key=lambda kv: -kv[1])[: cfg.profile_terms])))
    return out


def _day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def cluster(articles: dict, ev: dict, cfg: ClusterConfig | None = None) -> tuple[list[list[int]], list[list[int]]]:
    """Stories (lists of article indexes) and happenings (lists of event indexes) of the archive's
    ``articles`` and events (``ev``), both given as column dicts."""
    cfg = cfg or ClusterConfig()
    ids = articles["article_id"]
    index = {a: i for i, a in enumerate(ids)}
    n_events = len(ev["article_id"])
    happenings = _happenings(ev, n_events)
    u = _Union(len(ids))
    for g in happenings:
        arts = sorted({index[ev["article_id"][i]] for i in g if ev["article_id"][i] in index})
        for a in arts[1:]:
            u.join(arts[0], a)
    profiles = _profiles(ev, n_events, index, cfg, articles)
    days = [_day(d) for d in articles["date"]]
    df = Counter(t for p in profiles for t in p)
    limit = max(25, cfg.max_df * len(ids))
    postings: dict[str, list[int]] = defaultdict(list)
    pairs: Counter = Counter()
    for a, p in enumerate(profiles):
        top = [t for t, _ in sorted(p.items(), key=lambda kv: -kv[1]) if df[t] <= limit][: cfg.top_terms]
        for t in top:
            for b in postings[t]:
                pairs[(b, a)] += 1
            postings[t].append(a)
    for (a, b), shared in pairs.items():
        if shared < cfg.shared_terms or u.find(a) == u.find(b):
            continue
        if days[a] and days[b] and abs((days[a] - days[b]).days) > cfg.days:
            continue
        if _dot(profiles[a], profiles[b]) >= cfg.link:
            u.join(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(ids)):
        groups[u.find(i)].append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0])), happenings


def _columns(t: pa.Table) -> dict:
    return {name: t.column(name).to_pylist() for name in t.column_names}


def story_id(article_ids: list[str]) -> str:
    return "s-" + hashlib.sha1("\n".join(sorted(article_ids)).encode("utf-8", "surrogatepass")).hexdigest()[:10]


def find_stories(root: str | os.PathLike, config: ClusterConfig | None = None) -> pa.Table:
    """Cluster the archive at ``root`` into stories; write ``stories/`` and ``happenings/`` (atomically)
    and return the stories table, the largest story first."""
    from storymap.story.shape import pick_title

    cfg = config or ClusterConfig()
    root = Path(root)
    arts = _columns(read_dataset(root, "articles", ["article_id", "title", "date", "terms", "term_counts"]))
    ev = _columns(read_dataset(root, "events", ["article_id", "index", "date", "date_end", "evidence", "site",
                                                "site_id", "site_kind", "lat", "lon", "keywords", "actors",
                                                "headline"]))
    groups, happenings = cluster(arts, ev, cfg)
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, a in enumerate(ev["article_id"]):
        by_article[a].append(i)
    story_of: dict[str, str] = {}
    rows = []
    for g in groups:
        aids = [arts["article_id"][i] for i in g]
        sid = story_id(aids)
        for a in aids:
            story_of[a] = sid
        evs = [i for a in aids for i in by_article.get(a, ())]
        dated = sorted(d for i in evs if not ev["evidence"][i] for d in [ev["date"][i]] if d)
        art_dates = sorted(d for i in g for d in [arts["date"][i]] if d)
        span = art_dates or dated
        sites = Counter()
        where: dict[str, tuple] = {}
        words: Counter = Counter()
        for i in evs:
            if ev["site_id"][i] and not ev["evidence"][i]:
                sites[ev["site"][i]] += 1
                where.setdefault(ev["site"][i], (ev["lat"][i], ev["lon"][i]))
            words.update(ev["keywords"][i])
        places = [name for name, _ in sites.most_common(5)]
        main = where.get(places[0]) if places else (None, None)
        heads = [{"title": arts["title"][i], "date": arts["date"][i]} for i in g]
        fallback = (ev["headline"][evs[0]] if evs else None) or (f"{places[0]}: a story" if places else Path(aids[0]).name)
        rows.append({"story_id": sid, "title": pick_title(heads, fallback), "date_start": span[0] if span else None,
                     "date_end": span[-1] if span else None, "n_articles": len(g), "articles": aids,
                     "places": places, "lat": main[0], "lon": main[1],
                     "words": [w for w, _ in words.most_common(12)], "happenings": 0})
    hrows = []
    count: Counter = Counter()
    for g in happenings:
        a0 = ev["article_id"][g[0]]
        sid = story_of.get(a0)
        count[sid] += 1
        keys = [f"{ev['article_id'][i]}#{ev['index'][i]}" for i in g]
        hrows.append({"happening_id": "h-" + hashlib.sha1("\n".join(sorted(keys)).encode()).hexdigest()[:10],
                      "story_id": sid, "date": ev["date"][g[0]], "site": ev["site"][g[0]],
                      "headline": ev["headline"][g[0]], "articles": sorted({ev["article_id"][i] for i in g}),
                      "events": keys})
    for r in rows:
        r["happenings"] = count.get(r["story_id"], 0)
    stories = pa.Table.from_pylist(rows, schema=STORY_SCHEMA)
    _atomic_write(root / "stories" / "stories.parquet", lambda tmp: pq.write_table(stories, tmp))
    htable = pa.Table.from_pylist(hrows, schema=HAPPENING_SCHEMA)
    _atomic_write(root / "happenings" / "happenings.parquet", lambda tmp: pq.write_table(htable, tmp))
    return stories


def load_stories(root: str | os.PathLike) -> pa.Table:
    """The archive's stories (found now when the archive has none yet)."""
    root = Path(root)
    path = root / "stories" / "stories.parquet"
    if not (root / "_archive.json").is_file():
        raise ArchiveError(f"{root}: not an archive folder (no _archive.json); build one with storymap archive")
    if not path.is_file():
        return find_stories(root)
    return pq.read_table(path, schema=STORY_SCHEMA)


def archive_story(root: str | os.PathLike, sid: str, *, title: str | None = None):
    """Story ``sid`` of the archive at ``root`` as a :class:`~storymap.story.Story`, built from the
    archive's events of its articles exactly as :func:`~storymap.story.build_story` builds one."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds

    from storymap.archive.records import event_from_record
    from storymap.story.build import story_from_events

    stories = load_stories(root)
    match = stories.filter(pc.equal(stories.column("story_id"), sid))
    if match.num_rows == 0:
        raise ArchiveError(f"{root}: no story {sid!r}; list them with storymap archive --stories {root}")
    aids = match.column("articles")[0].as_py()
    wanted = pa.array(aids, pa.string())
    arts = read_dataset(root, "articles", filter=ds.field("article_id").isin(wanted)).to_pylist()
    order = {a: i for i, a in enumerate(aids)}
    arts.sort(key=lambda r: order[r["article_id"]])
    evs = read_dataset(root, "events", ["article_id", "index", "record"],
                       filter=ds.field("article_id").isin(wanted)).to_pylist()
    evs.sort(key=lambda r: (order[r["article_id"]], r["index"]))
    events = [event_from_record(r["record"]) for r in evs]
    meta = [{"file": a["file"], "title": a["title"], "outlet": a["outlet"], "url": a["url"], "byline": a["byline"],
             "date": a["date"], "date_source": a["date_source"], "places": a["places"]} for a in arts]
    return story_from_events(events, meta, title=title, listed=f"{root} story {sid}")
