"""The story's shape: an overview step first, then the main storyline, with earlier events as background.

:func:`add_overview` is the last stage of :func:`~storymap.story.build.build_story`:

* the **storyline** is the densest stretch of the story: the :data:`STORYLINE_DAYS`-day window that
  holds the most dated event steps (:func:`storyline_window`); every step that ends before it, and
  before the days the articles report on (from :data:`STORYLINE_DAYS` before the first article's
  date), is marked ``kind="background"``;
* the **title** comes from the articles' headlines (``metadata["articles"][*]["title"]``): the one
  sharing the most words with the others, the earliest article's on a tie (:func:`pick_title`);
* the **overview** step (``kind="overview"``, id ``"overview"``) goes first: the story's title, a
  one-paragraph summary naming the main event (the most corroborated step of the storyline), its
  site and the storyline's dates, every distinct place of the event steps (role ``"mentioned"``),
  and the storyline's first and last dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from storymap.model import Role, StepKind
from storymap.story.schema import (
    MAX_HEADLINE_CHARS,
    Step,
    StepPlace,
    Story,
    build_place_index,
    date_bounds,
    date_label,
    date_precision,
    date_sort_key,
    precision_rank,
)

__all__ = ["add_overview", "storyline_window", "pick_title", "summarise", "OVERVIEW_ID", "STORYLINE_DAYS"]

OVERVIEW_ID = "overview"
#: Length of the window that finds the main storyline: news of one happening comes within days.
STORYLINE_DAYS = 10
#: Headlines longer than this are a first sentence taken for a title, not a headline.
MAX_TITLE_CHARS = 100

_DATA = Path(__file__).resolve().parent / "data"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# A label before the headline proper: "LIVE: ...", "VIDEO - ...".
_LABEL = re.compile(r"^\s*[A-Z]{3,}(?:\s+[A-Z]{3,})?\s*[:|–—-]\s+")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    lines = (_DATA / "title_stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _words(text: str) -> frozenset[str]:
    """Content words of a headline, case-folded and cut to five letters ("militias" ~ "militia")."""
    stop = _stopwords()
    return frozenset(w[:5] for w in (m.casefold() for m in _WORD.findall(text)) if w not in stop and len(w) > 2)


def clean_title(title: str) -> str:
    """A headline without a leading label ("UPDATE: ...") or surrounding space."""
    return _LABEL.sub("", title.strip(), count=1).strip()


def pick_title(articles: Sequence[Mapping[str, Any]], fallback: str) -> str:
    """The story's title from its articles' headlines (``{"title", "date"}`` objects).

    Each informative headline (three content words or more, at most :data:`MAX_TITLE_CHARS`
    characters) scores the words it shares with the other headlines; the best wins, the earliest
    article's on a tie. With no informative headline, ``fallback``.
    """
    heads = [(clean_title(a["title"]), a.get("date") or "9999", i)
             for i, a in enumerate(articles) if isinstance(a.get("title"), str) and a["title"].strip()]
    good = [h for h in heads if len(h[0]) <= MAX_TITLE_CHARS and len(_words(h[0])) >= 3]
    if not good:
        return fallback
    words = {i: _words(t) for t, _, i in heads}

    def shared(h: tuple[str, str, int]) -> float:
        mine = words[h[2]]
        return sum(len(mine & w) / len(mine | w) for i, w in words.items() if i != h[2])

    best = max(good, key=lambda h: (shared(h), _neg_date(h[1]), -h[2]))
    return best[0]


def _neg_date(value: str) -> int:
    try:
        return -date_bounds(value[:10])[0].toordinal()
    except ValueError:
        return -dt.date.max.toordinal()


def _first_day(step: Step) -> dt.date:
    return date_bounds(step.date)[0]  # type: ignore[arg-type]


def _last_day(step: Step) -> dt.date:
    return date_bounds(step.date_end or step.date)[1]  # type: ignore[arg-type]


def storyline_window(steps: Sequence[Step], days: int = STORYLINE_DAYS) -> tuple[dt.date, dt.date] | None:
    """First and last day of the main storyline: the ``days``-day window holding the most dated
    event steps (day-precise ones when there are any), the one with more corroboration, then the
    earlier, on a tie; the window is then narrowed to the steps inside it. ``None`` when no event
    step is dated."""
    dated = [s for s in steps if s.kind == StepKind.EVENT and s.date]
    precise = [s for s in dated if s.date.count("-") == 2] or dated  # type: ignore[union-attr]
    if not precise:
        return None
    best: tuple | None = None
    for start in sorted({_first_day(s) for s in precise}):
        end = start + dt.timedelta(days=days - 1)
        inside = [s for s in precise if start <= _first_day(s) <= end]
        key = (len(inside), sum(s.corroboration for s in inside), -start.toordinal())
        if best is None or key > best[0]:
            best = (key, inside)
    inside = best[1]  # type: ignore[index]
    return min(_first_day(s) for s in inside), max(_last_day(s) for s in inside)


def _place_key(p: StepPlace) -> tuple:
    return ("id", p.place_id) if p.place_id else ("name", p.name, p.lat, p.lon)


def _overview_places(steps: Sequence[Step]) -> tuple[StepPlace, ...]:
    """Every distinct place of the event steps (of all steps when none is an event), as "mentioned"."""
    events = [s for s in steps if s.kind == StepKind.EVENT] or list(steps)
    found: dict[tuple, StepPlace] = {}
    for s in events:
        for p in s.places:
            found.setdefault(_place_key(p), replace(p, role=Role.MENTIONED.value, alternatives=()))
    return tuple(found.values())


def _main_event(steps: Sequence[Step], window: tuple[dt.date, dt.date] | None,
                headlines: Sequence[str] = ()) -> Step | None:
    """The storyline's main event: of its well corroborated event steps (by at least half as many
    articles as the best), the one whose headline and text share most words with the articles'
    ``headlines`` (what the story is about), then the most corroborated, then the earliest."""
    pool = [s for s in steps if s.kind == StepKind.EVENT]
    if window:
        pool = [s for s in pool if s.date and window[0] <= _first_day(s) <= window[1]] or pool
    if not pool:
        return None
    top = max(s.corroboration for s in pool)
    pool = [s for s in pool if 2 * s.corroboration >= top]
    told = [_words(h) for h in headlines]

    def about(step: Step) -> int:
        mine = _words(f"{step.display_headline} {step.text}")
        return sum(len(mine & w) for w in told)

    return max(enumerate(pool), key=lambda item: (about(item[1]), item[1].corroboration, len(item[1].sources),
                                                  -item[0]))[1]


def _event_title(step: Step | None) -> str | None:
    """A title from an event step: its headline, with its site when the headline names none of its
    places."""
    if step is None or not step.display_headline.strip():
        return None
    head = step.display_headline.rstrip(" .")
    site = step.site_place
    named = any(p.name.casefold() in head.casefold() for p in step.places)
    if site and not named and len(head) + len(site.name) + 4 <= MAX_TITLE_CHARS:
        head = f"{head} in {site.name}"
    return head


def _iso(day: dt.date) -> str:
    return day.isoformat()


def summarise(steps: Sequence[Step], window: tuple[dt.date, dt.date] | None, n_articles: int,
              headlines: Sequence[str] = ()) -> str:
    """One paragraph: the main event (see :func:`_main_event`; ``headlines`` are the articles'), its
    site and date, the storyline's dates and size, the background."""
    main = _main_event(steps, window, headlines)
    events = [s for s in steps if s.kind == StepKind.EVENT]
    background = [s for s in steps if s.kind == StepKind.BACKGROUND]
    parts = []
    if main is not None:
        head = main.display_headline.rstrip(" .")
        site = main.site_place
        where = f" in {site.name}" if site and site.name.casefold() not in head.casefold() else ""
        when = f", {date_label(main.date, main.date_end)}" if main.date else ""
        reports = f" (reported by {main.corroboration} sources)" if main.corroboration > 1 else ""
        parts.append(f"{head}{where}{when}{reports}.")
    if window:
        span = date_label(_iso(window[0]), _iso(window[1]))
        parts.append(f"The main storyline runs {span}, in {len(events)} event{'s' if len(events) != 1 else ''}.")
    if background:
        first = min((s for s in background if s.date), key=lambda s: date_sort_key(s.date), default=None)
        since = f", going back to {date_label(first.date)}" if first else ""
        parts.append(f"{len(background)} earlier event{'s are' if len(background) != 1 else ' is'} "
                     f"told as background{since}.")
    names = [p.name for p in _overview_places(steps)][:5]
    if names:
        parts.append(f"Places: {', '.join(names)}.")
    parts.append(f"From {n_articles} article{'s' if n_articles != 1 else ''}.")
    return " ".join(parts)


def _consistent_precision(step: Step) -> Step:
    """The step with a ``date_precision`` the format accepts: one finer than its date's form can say
    (a "day" on a "YYYY" date), or one on an undated step, is dropped, so the date's form says it."""
    p = step.date_precision
    if p is None:
        return step
    if step.date is None or precision_rank(p) < precision_rank(date_precision(step.date)):  # type: ignore[arg-type]
        return replace(step, date_precision=None)
    return step


def _mark_background(steps: Sequence[Step], window: tuple[dt.date, dt.date] | None,
                     first_report: dt.date | None = None) -> list[Step]:
    """Steps that end before the storyline, and before the days the articles report on (from
    :data:`STORYLINE_DAYS` before the first article's date), are background: a ruling the first
    article reports is news of the story, even when later articles crowd the storyline weeks on."""
    if window is None:
        return list(steps)
    start = window[0] if first_report is None else min(window[0], first_report - dt.timedelta(days=STORYLINE_DAYS))
    return [replace(s, kind=StepKind.BACKGROUND.value)
            if s.kind == StepKind.EVENT and s.date and _last_day(s) < start else s
            for s in steps]


def _first_report(articles: Sequence[Mapping[str, Any]]) -> dt.date | None:
    """The earliest article date of ``metadata["articles"]``, or ``None``."""
    days = []
    for a in articles:
        try:
            days.append(dt.date.fromisoformat(str(a.get("date"))[:10]))
        except ValueError:
            continue
    return min(days, default=None)


def add_overview(story: Story, *, keep_title: bool = False) -> Story:
    """``story`` with its shape: steps before the storyline marked background, the overview step
    first (any earlier overview replaced), the title from the articles' headlines (unless
    ``keep_title``: a title the user gave) and the summary the overview's text."""
    rest = [_consistent_precision(s) for s in story.steps if s.kind != StepKind.OVERVIEW]
    window = storyline_window(rest)
    articles = [a for a in story.metadata.get("articles", []) if isinstance(a, Mapping)]
    rest = _mark_background(rest, window, _first_report(articles))
    heads = [a["title"] for a in articles if isinstance(a.get("title"), str)]
    title = story.title if keep_title else pick_title(articles, story.title)
    if not keep_title and not any(h.strip() for h in heads):
        # No article has a headline (a TimeML file, a pasted text): the main event names the story
        # better than its first place does ("Bridge collapses in Riverton", not "Riverton: a story map").
        title = _event_title(_main_event(rest, window, heads)) or title
    summary = summarise(rest, window, len(articles) or len({src.file for s in rest for src in s.sources}), heads)
    files = {src.file for s in rest for src in s.sources}
    overview = Step(
        id=OVERVIEW_ID if all(s.id != OVERVIEW_ID for s in rest) else f"{OVERVIEW_ID}-0",
        date=_iso(window[0]) if window else None,
        date_end=_iso(window[1]) if window and window[1] != window[0] else None,
        title=title,
        text=summary,
        places=_overview_places(rest),
        sources=(),
        corroboration=len(files),
        kind=StepKind.OVERVIEW.value,
        headline=title if title.strip() and len(title) <= MAX_HEADLINE_CHARS else None,
    )
    steps = (overview, *rest)
    return replace(story, title=title, summary=summary, steps=steps, places=build_place_index(steps))
