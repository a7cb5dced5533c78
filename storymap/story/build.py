"""From articles to a story: ingest -> places -> dates -> events -> merged steps.

Entry points: :func:`build_story` and :func:`seed_story` (the demo story of ``seeds/``, built once and
cached until the seeds or the code change). The geoparser (the spaCy model and the gazetteer) is the
caller's to open once and pass in; when none is given, one is opened for this build. The readers and
the geoparser are imported on first use, so importing this module loads no model.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path
from collections.abc import Mapping
from dataclasses import replace
from typing import Callable, Sequence

from storymap import __version__
from storymap.dates import article_date, find_timexes
from storymap.errors import NoTextError
from storymap.limits import CHUNK_CHARS, batch_size, chunk_spans
from storymap.model import Article
from storymap.story.citations import unique_names
from storymap.story.media import attach_media
from storymap.story.events import extract_events
from storymap.story.parsed import seat_places
from storymap.story.jsonio import load_story, save_story
from storymap.story.merge import merge_events
from storymap.story.schema import Story, build_place_index

__all__ = ["build_story", "seed_story", "SEEDS_DIR", "story_dcts", "article_events", "story_from_events"]

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # storymap/
SEEDS_DIR = PACKAGE_DIR.parent / "seeds"
Stage = Callable[[str, float], None]


def story_dcts(articles: Sequence[Article], given: dt.date | None = None) -> list[tuple[dt.date | None, str]]:
    """Each article's date and where it came from: its metadata or text, else ``given`` (``--date``),
    else the other articles' (the lower median: a story's reports are from the same days)."""
    found = [(article_date(a.text, a.date), "article") for a in articles]
    known = sorted(d for d, _ in found if d)
    fallback = given or (known[(len(known) - 1) // 2] if known else None)
    source = "given" if given else "other articles"
    return [(d, src) if d else (fallback, source if fallback else "none") for d, src in found]


def build_story(sources: Sequence[str | os.PathLike | Article], *, title: str | None = None,
                dct: dt.date | None = None, on_stage: Stage | None = None, geoparser=None,
                max_bytes: int | None = None, outlets: Mapping[str, str] | None = None,
                remote_media: bool = False) -> Story:
    """Build a story from article files (or :class:`Article` values).

    Each file is read with :func:`~storymap.ingest.read_article` (regular files of at most
    ``max_bytes`` only). ``outlets`` names the outlet of articles whose input does not (a text
    file): keyed by the path as given or its base name, ``"*"`` for every other article.

    The articles' pictures become their steps' media (:mod:`storymap.story.media`): pictures
    beside the article are embedded, pictures on the web referenced only with ``remote_media``.

    The story names each article by its file's base name (``a-2.txt`` for a second ``a.txt``),
    in its sources and in ``metadata["articles"]``, never by a path: a story file can be shared
    without publishing the folders it was built from.

    ``on_stage(name, fraction)`` is called as each stage starts. Raises
    :class:`~storymap.errors.NoTextError` when the input has no usable text or nothing dated and placed.
    """
    from storymap.ingest import read_article
    from storymap.places import Geoparser

    def stage(name: str, frac: float) -> None:
        if on_stage:
            on_stage(name, frac)

    stage("reading articles", 0.0)
    articles = [_with_outlet(s if isinstance(s, Article) else read_article(s, max_bytes), outlets)
                for s in sources]
    names = unique_names(a.path for a in articles)
    listed = ", ".join(a.path for a in articles) or "(no input)"
    if not articles or not any(a.body.strip() for a in articles):
        raise NoTextError(f"{listed}: no usable text; expected news articles (.txt, .md or .html)")
    stage("loading the model and gazetteer", 0.05)
    gp = geoparser or Geoparser.default()
    dcts = story_dcts(articles, dct)
    events = []
    meta_articles = []
    n = len(articles)
    for i, (a, (a_dct, dct_source)) in enumerate(zip(articles, dcts)):
        stage(f"places and events in {Path(a.path).name}", 0.1 + 0.75 * i / n)
        a_events, meta = article_events(a, gp, a_dct, dct_source)
        events.extend(a_events)
        meta_articles.append(meta)
    stage("merging reports into steps", 0.85)
    story = story_from_events(events, meta_articles, names, title=title, listed=listed,
                              articles=articles, remote_media=remote_media)
    stage("done", 1.0)
    return story


def article_events(article: Article, geoparser, dct: dt.date | None,
                   dct_source: str = "article", parts: dict | None = None) -> tuple[list, dict]:
    """The events of one article (places resolved, dates found, actors named) and its
    ``metadata["articles"]`` entry (its ``file`` still the article's path). Pure given the geoparser:
    the archive runs it on its workers and :func:`build_story` on each of its articles. A ``parts``
    dict receives the stages' own output: ``resolved`` (the mentions) and ``timexes``."""
    from storymap.places import Geoparser

    gp = geoparser
    ents: list | None = [] if isinstance(gp, Geoparser) else None  # the model's entities, reused
    resolved = gp(article, entities=ents) if ents is not None else gp(article)
    timexes = find_timexes(article.body, dct)
    seats = seat_places(gp.gazetteer) if isinstance(gp, Geoparser) else None
    events = extract_events(article, resolved, timexes, dct, nlp=gp.nlp, entities=ents, seats=seats)
    events = _with_actors(events, gp.nlp)
    if parts is not None:
        parts.update(resolved=resolved, timexes=timexes)
    meta = {"file": article.path, "title": article.title, "outlet": article.outlet, "url": article.url,
            "byline": article.byline, "date": dct.isoformat() if dct else None,
            "date_source": dct_source, "places": sum(1 for r in resolved if r.place)}
    return events, meta


def story_from_events(events: Sequence, meta_articles: Sequence[Mapping], names: Mapping[str, str] | None = None,
                      *, title: str | None = None, listed: str = "(no input)", articles: Sequence[Article] = (),
                      remote_media: bool = False) -> Story:
    """Assemble a story from its articles' events (:func:`article_events`): merge the reports into
    steps, name each article by ``names`` (path -> base name; :func:`unique_names` when omitted),
    attach the ``articles``' pictures, shape it (overview first). Raises
    :class:`~storymap.errors.NoTextError` when no step is dated and placed."""
    names = dict(names) if names is not None else unique_names(m["file"] for m in meta_articles)
    steps = [replace(s, sources=tuple(replace(src, file=names.get(src.file, src.file)) for src in s.sources))
             for s in merge_events(list(events))]
    if articles:
        steps = attach_media(steps, articles, names, remote=remote_media)
    if not steps:
        raise NoTextError(f"{listed}: nothing dated and placed found; expected news text that says when and where")
    index = build_place_index(steps)
    dated = [s.date for s in steps if s.date]
    span = f"{min(dated)} to {max(dated)}" if dated else "undated"
    top = ", ".join(p.name for p in sorted(index, key=lambda p: -len(p.steps))[:5])
    titled = [m.get("title") for m in meta_articles]
    story_title = title or _default_title(titled, index)
    n = len(meta_articles)
    summary = (f"{len(steps)} steps from {n} article{'s' if n != 1 else ''}, {span}. "
               f"Main places: {top}.")
    meta_out = [{**m, "file": names.get(m["file"], m["file"])} for m in meta_articles]
    meta = {"articles": meta_out, "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "generator": f"storymap {__version__}"}
    from storymap.story.shape import add_overview

    story = Story(title=story_title, steps=steps, summary=summary, places=index, metadata=meta)
    return add_overview(story, keep_title=title is not None)


def _with_outlet(article: Article, outlets: Mapping[str, str] | None) -> Article:
    """``article`` with the outlet ``outlets`` gives it, when its own metadata names none."""
    if article.outlet or not outlets:
        return article
    name = outlets.get(article.path) or outlets.get(Path(article.path).name) or outlets.get("*")
    return replace(article, outlet=name) if name else article


def _with_actors(events, nlp) -> list:
    """Add the people and organisations each event's sentence names (spaCy's entities) to its actors."""
    from storymap.story.parsed import named_actors

    # Events read from a parse already carry the names its entity recogniser found (see
    # parsed._clause_event); only the others are run through the model here.
    todo = [i for i, e in enumerate(events) if not e.predicate]
    if not todo:
        return events
    # A "sentence" can be a whole line without punctuation: the model sees it in bounded pieces.
    pieces, owner = [], []
    for i in todo:
        e = events[i]
        for a, b in chunk_spans(e.quote, CHUNK_CHARS):
            pieces.append(e.quote[a:b])
            owner.append(i)
    ents: dict[int, list] = {i: [] for i in todo}
    for i, doc in zip(owner, nlp.pipe(pieces, batch_size=batch_size(pieces))):
        ents[i].extend(doc.ents)
    out = list(events)
    for i in todo:
        e = events[i]
        out[i] = replace(e, actors=tuple(dict.fromkeys([*e.actors, *named_actors(ents[i], e.places)])))
    return out


def _default_title(titles: Sequence[str | None], index) -> str:
    titled = [t for t in titles if t]
    if titled:
        return min(titled, key=len) if len(titled) > 1 else titled[0]
    return f"{index[0].name}: a story map" if index else "Story map"


#: Parts of the package that only show a story: a change there never changes the story built.
_NOT_BUILDING = ("app", "render")


def _code_hash() -> str:
    """A hash of the code and data files that build a story (every stage's subpackage, their word
    lists, tables and the ranker's model) and of the gazetteer's inputs, so a change to any of them
    rebuilds the seed story."""
    h = hashlib.sha256()
    found = [f for ext in ("*.py", "*.txt", "*.csv", "*.json") for f in PACKAGE_DIR.rglob(ext)]
    for f in sorted(found, key=lambda f: f.relative_to(PACKAGE_DIR).as_posix()):
        rel = f.relative_to(PACKAGE_DIR)
        if rel.parts[0] in _NOT_BUILDING or "__pycache__" in rel.parts:
            continue
        h.update(rel.as_posix().encode())
        h.update(f.read_bytes())
    gaz = PACKAGE_DIR.parent / "geodata" / "curated_places.csv"
    if gaz.exists():
        h.update(gaz.read_bytes())
    h.update(_gazetteer_inputs().encode())
    return h.hexdigest()


def _gazetteer_inputs() -> str:
    """The installed gazetteer's record of what it was built from (its ``inputs_hash``), or ``""``."""
    import sqlite3
    from contextlib import closing

    from storymap.places.gazetteer import default_gazetteer_path

    path = default_gazetteer_path()
    try:
        # closing(): a connection's own context manager only commits; this one is closed at once.
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'inputs_hash'").fetchone()
    except sqlite3.Error:
        return ""
    return row[0] if row else ""


def seed_story(cache_dir: Path | None = None, on_stage: Stage | None = None) -> Story:
    """The story of ``seeds/*`` (txt, md, html), cached in ``cache_dir`` (default ``.storymap-cache``)
    and rebuilt when the seeds or storymap's code change."""
    files = sorted(p for p in SEEDS_DIR.iterdir() if p.suffix.lower() in (".txt", ".md", ".html", ".htm"))
    h = hashlib.sha256(_code_hash().encode())
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    cache_dir = cache_dir or SEEDS_DIR.parent / ".storymap-cache"
    cached = cache_dir / f"seed-story-{h.hexdigest()[:16]}.json"
    if cached.is_file():
        try:
            return load_story(cached)
        except Exception:  # a damaged cache is rebuilt, never shown
            pass
    story = build_story([str(f) for f in files], on_stage=on_stage)
    cache_dir.mkdir(parents=True, exist_ok=True)
    save_story(story, cached)
    return story
