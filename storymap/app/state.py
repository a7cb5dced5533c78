"""The app's state and every change to it, as pure functions on a small frozen dataclass.

Nothing here imports Streamlit: the page code keeps one :class:`AppState` in ``st.session_state``
and replaces it with the result of a transition (``next_step``, ``edit_step``, ``undo`` ...). Tests
drive the same functions directly.

``AppState.index`` is the index of the current step in ``story.steps``; navigation moves through
the steps the :class:`Filters` let through (:func:`visible_indices`). Every edit pushes the previous
story onto ``history`` (at most :data:`HISTORY_LIMIT` deep), rebuilds the story's place index so a
saved file stays valid, and sets ``dirty``.

>>> from storymap.story import Step, Story
>>> s = AppState(Story("t", (Step("a", "2019", "A", "", (), ()), Step("b", "2020", "B", "", (), ()))))
>>> next_step(s).index
1
>>> undo(edit_step(s, 0, title="A2")).story.steps[0].title
'A'
"""

from __future__ import annotations

import bisect
import hashlib
import os
from dataclasses import dataclass, field, replace
from typing import Any

from storymap.errors import StorymapError
from storymap.model import Alternative
from storymap.story import (
    Step,
    StepPlace,
    Story,
    build_place_index,
    date_bounds,
    date_sort_key,
    is_valid_date,
)

__all__ = [
    "HISTORY_LIMIT",
    "EditError",
    "Filters",
    "AppState",
    "place_key",
    "visible_indices",
    "position",
    "PAGE_SIZE",
    "step_page",
    "normalise",
    "goto",
    "next_step",
    "prev_step",
    "set_playing",
    "set_filters",
    "edit_step",
    "delete_step",
    "merge_steps",
    "move_step",
    "add_step",
    "set_place",
    "undo",
    "story_files",
    "story_key",
]

#: How many earlier versions of the story undo keeps.
HISTORY_LIMIT = 50


class EditError(StorymapError, ValueError):
    """An edit made in the app is not valid (a bad date, a step that does not exist)."""


@dataclass(frozen=True)
class Filters:
    """Which steps to move through: all of them when every field is empty.

    ``places`` holds place keys (:func:`place_key`), ``files`` source file names; a step passes
    when it names one of the places and cites one of the files. ``date_from``/``date_to`` are ISO
    dates; a dated step passes when its span overlaps the range, an undated step never passes a
    date filter.
    """

    places: frozenset[str] = frozenset()
    files: frozenset[str] = frozenset()
    date_from: str | None = None
    date_to: str | None = None

    @property
    def active(self) -> bool:
        return bool(self.places or self.files or self.date_from or self.date_to)


@dataclass(frozen=True)
class AppState:
    """What the app shows and can undo: the working story, the current step, filters and play."""

    story: Story
    index: int = 0
    filters: Filters = field(default_factory=Filters)
    playing: bool = False
    history: tuple[Story, ...] = ()
    dirty: bool = False


# --------------------------------------------------------------------------------------------
# Filtering and navigation


def place_key(p: StepPlace) -> str:
    """The identity of a place across steps: its gazetteer id, else its name."""
    return p.place_id or f"name:{p.name}"


def _step_passes(step: Step, f: Filters) -> bool:
    if f.places and not any(place_key(p) in f.places for p in step.places):
        return False
    if f.files and not any(src.file in f.files for src in step.sources):
        return False
    if f.date_from or f.date_to:
        if step.date is None:
            return False
        first, _ = date_bounds(step.date)
        _, last = date_bounds(step.date_end or step.date)
        if f.date_from and last < date_bounds(f.date_from)[0]:
            return False
        if f.date_to and first > date_bounds(f.date_to)[1]:
            return False
    return True


#: The last few answers of :func:`visible_indices`, by story identity: navigation asks several
#: times per click, and a 100,000-step story takes tens of milliseconds a time. Bounded, so a
#: long session does not grow it; the story itself is kept to make sure an ``id`` is not reused.
_VISIBLE: dict[tuple[int, Filters], tuple[Story, tuple[int, ...]]] = {}
_VISIBLE_MAX = 16


def visible_indices(story: Story, filters: Filters = Filters()) -> tuple[int, ...]:
    """Indices of the steps the filters let through, in story order."""
    key = (id(story), filters)
    hit = _VISIBLE.get(key)
    if hit is not None and hit[0] is story:
        return hit[1]
    if not filters.active:
        vis = tuple(range(len(story.steps)))
    else:
        vis = tuple(i for i, s in enumerate(story.steps) if _step_passes(s, filters))
    if len(_VISIBLE) >= _VISIBLE_MAX:
        _VISIBLE.pop(next(iter(_VISIBLE)), None)
    _VISIBLE[key] = (story, vis)
    return vis


def _find(vis: tuple[int, ...], index: int) -> int:
    """Where ``index`` is in the sorted ``vis`` (-1 when absent), by bisection."""
    k = bisect.bisect_left(vis, index)
    return k if k < len(vis) and vis[k] == index else -1


#: How many steps the step-by-step lists (timeline, "merge with") show at a time.
PAGE_SIZE = 50


def step_page(vis: tuple[int, ...], index: int, size: int = PAGE_SIZE) -> tuple[int, ...]:
    """The page of ``size`` visible steps that holds step ``index`` (or the nearest one)."""
    k = min(bisect.bisect_left(vis, index), max(len(vis) - 1, 0))
    start = (k // size) * size
    return vis[start:start + size]


def position(state: AppState) -> tuple[int, int]:
    """``(k, n)``: the current step is the k-th (0-based) of n visible steps (k = -1 if hidden)."""
    vis = visible_indices(state.story, state.filters)
    return _find(vis, state.index), len(vis)


def normalise(state: AppState) -> AppState:
    """Keep ``index`` inside the story and on a visible step (the next visible one, else the last)."""
    n = len(state.story.steps)
    index = min(max(state.index, 0), max(n - 1, 0))
    vis = visible_indices(state.story, state.filters)
    if vis and _find(vis, index) < 0:
        k = bisect.bisect_left(vis, index)
        index = vis[k] if k < len(vis) else vis[-1]
    return state if index == state.index else replace(state, index=index)


def goto(state: AppState, index: int) -> AppState:
    """Jump to step ``index`` of the story (clamped; snapped to a visible step)."""
    return normalise(replace(state, index=index))


def next_step(state: AppState, *, wrap: bool = False) -> AppState:
    """The next visible step; at the end, stay (or go to the first one with ``wrap``)."""
    vis = visible_indices(state.story, state.filters)
    k = bisect.bisect_right(vis, state.index)
    if k < len(vis):
        return replace(state, index=vis[k])
    if wrap and vis:
        return replace(state, index=vis[0])
    return state


def prev_step(state: AppState) -> AppState:
    """The previous visible step; at the start, stay."""
    vis = visible_indices(state.story, state.filters)
    k = bisect.bisect_left(vis, state.index)
    return replace(state, index=vis[k - 1]) if k > 0 else state


def set_playing(state: AppState, playing: bool) -> AppState:
    return replace(state, playing=playing)


def set_filters(state: AppState, filters: Filters) -> AppState:
    """Apply new filters and move to a step they let through."""
    for d in (filters.date_from, filters.date_to):
        if d is not None and not is_valid_date(d):
            raise EditError(f"filter date: expected YYYY-MM-DD, YYYY-MM or YYYY, got {d!r}")
    return normalise(replace(state, filters=filters))


# --------------------------------------------------------------------------------------------
# Edits


def _with_steps(state: AppState, steps: list[Step] | tuple[Step, ...], index: int) -> AppState:
    story = replace(state.story, steps=tuple(steps), places=build_place_index(steps))
    history = (state.history + (state.story,))[-HISTORY_LIMIT:]
    return normalise(replace(state, story=story, history=history, index=index, dirty=True))


def _check_index(state: AppState, i: int) -> None:
    if not 0 <= i < len(state.story.steps):
        raise EditError(f"no step {i + 1}: the story has {len(state.story.steps)} steps")


_UNSET: Any = object()


def edit_step(
    state: AppState,
    i: int,
    *,
    title: str = _UNSET,
    text: str = _UNSET,
    date: str | None = _UNSET,
    date_end: str | None = _UNSET,
) -> AppState:
    """Change a step's title, text or dates. Dates are ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or
    ``None``/empty for undated; an invalid one raises :class:`EditError` and changes nothing.
    An edit that changes nothing returns ``state`` itself (no undo entry)."""
    _check_index(state, i)
    step = state.story.steps[i]
    changes: dict[str, Any] = {}
    if title is not _UNSET:
        if not title.strip():
            raise EditError("title: must not be empty")
        changes["title"] = title
    if text is not _UNSET:
        changes["text"] = text
    for name, value in (("date", date), ("date_end", date_end)):
        if value is _UNSET:
            continue
        value = (value or "").strip() or None
        if value is not None and not is_valid_date(value):
            raise EditError(f"{name}: expected YYYY-MM-DD, YYYY-MM or YYYY, got {value!r}")
        changes[name] = value
    new = replace(step, **changes)
    if new.date is None and new.date_end is not None:
        raise EditError("date_end: needs a start date")
    if new.date and new.date_end and date_bounds(new.date_end)[1] < date_bounds(new.date)[0]:
        raise EditError(f"date_end: {new.date_end} ends before {new.date} starts")
    if new == step:
        return state
    steps = list(state.story.steps)
    steps[i] = new
    return _with_steps(state, steps, state.index)


def delete_step(state: AppState, i: int) -> AppState:
    """Remove step ``i``; the current step becomes the one that followed it."""
    _check_index(state, i)
    steps = [s for k, s in enumerate(state.story.steps) if k != i]
    index = state.index - 1 if state.index > i else state.index
    return _with_steps(state, steps, index)


def _dedupe(items, key) -> tuple:
    seen, out = set(), []
    for it in items:
        k = key(it)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return tuple(out)


def merge_steps(state: AppState, i: int, j: int) -> AppState:
    """Merge step ``j`` into step ``i``: one step with both texts, places, sources and actors.

    It keeps ``i``'s id, title and position, the earlier start date and the later end date; its
    corroboration is the number of distinct source files (at least the larger of the two).
    """
    _check_index(state, i)
    _check_index(state, j)
    if i == j:
        raise EditError("merge: choose two different steps")
    a, b = state.story.steps[i], state.story.steps[j]
    dates = [d for d in (a.date, b.date) if d]
    date = min(dates, key=date_sort_key) if dates else None
    ends = [e for e in (a.date_end or a.date, b.date_end or b.date) if e]
    last = max(ends, key=lambda d: date_bounds(d)[1]) if ends else None
    date_end = last if last and date and date_bounds(last)[1] > date_bounds(date)[1] else None
    sources = _dedupe(a.sources + b.sources, lambda s: (s.file, s.start, s.end))
    merged = replace(
        a,
        date=date,
        date_end=date_end,
        text="\n\n".join(t for t in (a.text, b.text) if t.strip()),
        places=_dedupe(a.places + b.places, lambda p: (place_key(p), p.role, p.lat, p.lon)),
        sources=sources,
        actors=_dedupe(a.actors + b.actors, lambda x: x),
        tags=_dedupe(a.tags + b.tags, lambda x: x),
        corroboration=max(len({s.file for s in sources}), a.corroboration, b.corroboration),
    )
    steps = list(state.story.steps)
    steps[i] = merged
    del steps[j]
    index = i if i < j else i - 1
    return _with_steps(state, steps, index)


def move_step(state: AppState, i: int, delta: int) -> AppState:
    """Move step ``i`` up (``delta`` < 0) or down in the story order; the current step follows it."""
    _check_index(state, i)
    k = min(max(i + delta, 0), len(state.story.steps) - 1)
    if k == i:
        return state
    steps = list(state.story.steps)
    step = steps.pop(i)
    steps.insert(k, step)
    return _with_steps(state, steps, k)


def add_step(state: AppState, after: int | None = None, *, title: str = "New step") -> AppState:
    """Insert an empty step after step ``after`` (default: the current one) and go to it.

    The new step copies the date and places of the step it follows, so it lands nearby."""
    steps = list(state.story.steps)
    after = state.index if after is None else after
    ids = {s.id for s in steps}
    n = len(steps) + 1
    while f"s{n}" in ids:
        n += 1
    base = steps[after] if 0 <= after < len(steps) else None
    new = Step(
        id=f"s{n}",
        date=base.date if base else None,
        title=title,
        text="",
        places=tuple(replace(p, role="site") for p in base.places[:1]) if base else (),
        sources=(),
        corroboration=0,
    )
    k = min(after + 1, len(steps)) if base else len(steps)
    steps.insert(k, new)
    return _with_steps(state, steps, k)


def set_place(
    state: AppState,
    i: int,
    p: int,
    *,
    name: str | None = None,
    lat: float | None,
    lon: float | None,
    kind: str | None = _UNSET,
    country: str | None = _UNSET,
    place_id: str | None = _UNSET,
    geonameid: int | None = _UNSET,
) -> AppState:
    """Correct place ``p`` of step ``i``: set its reading and mark it ``corrected``.

    The reading it replaces is kept first among the alternatives (when it was placed), and the
    chosen reading is removed from them, so a wrong correction can be taken back by picking again.
    Fields left unset keep their value, except that moving a place by coordinates alone (a click
    on the map) clears ``place_id`` and ``geonameid``, which no longer describe it.
    """
    _check_index(state, i)
    step = state.story.steps[i]
    if not 0 <= p < len(step.places):
        raise EditError(f"step {i + 1} has no place {p + 1}")
    if (lat is None) != (lon is None):
        raise EditError("lat and lon: give both or neither")
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):  # type: ignore[operator]
        raise EditError(f"lat/lon: out of range: {lat}, {lon}")
    old = step.places[p]
    by_coords = place_id is _UNSET
    new = replace(
        old,
        name=(name or old.name).strip() or old.name,
        lat=None if lat is None else round(float(lat), 6),
        lon=None if lon is None else round(float(lon), 6),
        kind=old.kind if kind is _UNSET else kind,
        country=old.country if country is _UNSET else country,
        place_id=None if by_coords else place_id,
        geonameid=None if by_coords and geonameid is _UNSET else (old.geonameid if geonameid is _UNSET else geonameid),
        corrected=True,
    )
    alts = [a for a in old.alternatives if not (new.place_id and a.get("place_id") == new.place_id)]
    if old.lat is not None and (old.place_id != new.place_id or (old.lat, old.lon) != (new.lat, new.lon)):
        was = Alternative(old.name, old.lat, old.lon, old.kind, old.country, old.place_id)
        if not any(a.get("place_id") == old.place_id and old.place_id for a in alts):
            alts.insert(0, was.as_dict(omit_none=True))  # lat and lon are set: old.lat is not None here
    new = replace(new, alternatives=tuple(alts))
    places = list(step.places)
    places[p] = new
    steps = list(state.story.steps)
    steps[i] = replace(step, places=tuple(places))
    return _with_steps(state, steps, state.index)


def undo(state: AppState) -> AppState:
    """Go back to the story before the last edit (nothing happens when there is none)."""
    if not state.history:
        return state
    return normalise(replace(state, story=state.history[-1], history=state.history[:-1], dirty=True))


# --------------------------------------------------------------------------------------------
# Identity


def story_files(story: Story) -> tuple[str, ...]:
    """The article files the story cites (metadata first, then sources), each once."""
    files: list[str] = []
    for a in story.metadata.get("articles", ()) or ():
        if isinstance(a, dict) and isinstance(a.get("file"), str):
            files.append(a["file"])
    for s in story.steps:
        files.extend(src.file for src in s.sources)
    return tuple(dict.fromkeys(files))


def story_key(story: Story, path: str | os.PathLike[str] | None = None, editor: str = "") -> str:
    """A stable name for a story's autosave file: the same after a reload of the tab (same
    ``editor``: the browser's id, kept in a cookie, see :func:`storymap.app.session.browser_id`),
    different for another browser.

    A story loaded from a file is known by the file's absolute path; any other story by its title
    and the article files it was built from (taken when it is first loaded, so later edits to the
    title do not change it).

    >>> story_key(Story("T", ()), "/tmp/a.json") == story_key(Story("Other", ()), "/tmp/a.json")
    True
    """
    if path is not None:
        basis = "path:" + os.path.abspath(os.fspath(path))
    else:
        basis = "story:" + story.title + "\0" + "\0".join(sorted(story_files(story)))
    if editor:
        basis += "\0editor:" + editor
    digest = hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return digest

