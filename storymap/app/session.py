"""Streamlit glue: where the app's one :class:`AppState` lives, how a story gets in, and caches.

Everything that changes the story goes through :func:`apply`, which stores the new state, bumps a
revision counter (so edit widgets pick up the new values) and writes the autosave file.
"""

from __future__ import annotations

import json
import secrets
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable

import streamlit as st



from storymap.app import autosave
from storymap.app.state import AppState, goto, normalise, story_key
from storymap.errors import StorymapError
from storymap.story import Story, load_story

__all__ = [
    "TARGETS_ENV",
    "targets_from_env",
    "bootstrap",
    "state",
    "apply",
    "replace_story",
    "gazetteer",
    "area_geometry",
    "basemap_url",
]

#: Environment variable through which ``run_app`` hands the command-line targets to the script
#: (a JSON list of strings). Arguments after ``--`` on the ``streamlit run`` line work too.
TARGETS_ENV = "STORYMAP_APP_TARGETS"


def targets_from_env() -> list[str]:
    """The targets: ``$STORYMAP_APP_TARGETS`` (JSON list), else ``sys.argv[1:]``."""
    raw = os.environ.get(TARGETS_ENV)
    if raw:
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = [raw]
        return [str(v) for v in (value if isinstance(value, list) else [value])]
    return [a for a in sys.argv[1:] if a and not a.startswith("-")]


# --------------------------------------------------------------------------------------------
# Caches


@st.cache_resource(show_spinner=False)
def gazetteer():
    """The shared read-only gazetteer, or ``None`` when it is not built."""
    from storymap.gazetteer import open_gazetteer

    try:
        return open_gazetteer(build_if_missing=False)
    except StorymapError:
        return None


@st.cache_data(show_spinner=False, max_entries=512)
def area_geometry(place_id: str) -> dict[str, Any] | None:
    """The simplified GeoJSON shape of a country, sea or district, or ``None``."""
    from storymap.app.mapview import area_geojson

    g = gazetteer()
    if g is None:
        return None
    try:
        return area_geojson(g.geometry_wkb(place_id))
    except Exception:  # a broken shape must not break the map
        return None


@st.cache_resource(show_spinner=False)
def basemap_url() -> str | None:
    """URL of the basemap file in the static folder (written once per server)."""
    from storymap.app.mapview import ensure_basemap_file

    return ensure_basemap_file()


@st.cache_resource(show_spinner=False)
def _built_stories() -> dict[tuple, Story]:
    """Stories built from the command line's articles, shared by every session of this server."""
    return {}


def _load_targets(targets: list[str], on_stage: Callable[[str, float], None] | None = None
                  ) -> tuple[Story, str | None]:
    """The story the command line asked for, and its file when it came from one."""
    if len(targets) == 1 and targets[0].lower().endswith(".json"):
        return load_story(targets[0]), os.path.abspath(targets[0])
    from storymap import pipeline  # written alongside the app; imported lazily

    if targets:
        stamp = tuple(os.stat(t).st_mtime_ns if os.path.exists(t) else 0 for t in targets)
        cache = _built_stories()
        key = (tuple(targets), stamp)
        if key not in cache:
            cache[key] = pipeline.build_story(list(targets), on_stage=on_stage)
        return cache[key], None
    try:
        return pipeline.seed_story(on_stage=on_stage), None
    except TypeError:  # a seed_story without progress reports
        return pipeline.seed_story(), None


# --------------------------------------------------------------------------------------------
# State


def state() -> AppState | None:
    """The current state, or ``None`` when no story is loaded."""
    return st.session_state.get("app")


def _step_from_query(s: AppState) -> AppState:
    raw = st.query_params.get("step")
    if raw is None:
        return s
    try:
        n = int(str(raw))
    except ValueError:
        return s
    return goto(s, n - 1)


def bootstrap() -> None:
    """Load the story once per browser session: the command-line target, then any autosaved edits
    of it on top (a reload of the tab loses nothing), then ``?step=N`` from the URL."""
    if "app_loaded" in st.session_state:
        return
    st.session_state.app_loaded = True
    st.session_state.rev = 0
    targets = targets_from_env()
    slot = st.empty()

    def on_stage(name: str, fraction: float) -> None:
        slot.progress(min(max(float(fraction), 0.0), 1.0), text=f"Building the story: {name}")

    try:
        with st.spinner("Loading the story…"):
            story, path = _load_targets(targets, on_stage)
    except ImportError:
        st.session_state.load_error = (
            "storymap.pipeline is not available yet: open a story file (.json) or use 'New story'")
        return
    except StorymapError as e:
        st.session_state.load_error = str(e)
        return
    finally:
        slot.empty()
    key = story_key(story, path, editor_id())
    restored = autosave.read_autosave(key)
    dirty = False
    if restored is not None and restored != story:
        story, dirty = restored, True
        st.session_state.notice = "Restored your unsaved edits (autosave)."
    st.session_state.story_path = path
    st.session_state.story_key = key
    st.session_state.app = _step_from_query(normalise(AppState(story, dirty=dirty)))


def apply(new: AppState, *, autosave_now: bool | None = None) -> None:
    """Store ``new``; when the story changed, bump the revision and write the autosave file."""
    old = state()
    st.session_state.app = new
    changed = old is None or new.story is not old.story
    if changed:
        st.session_state.rev = st.session_state.get("rev", 0) + 1
    if autosave_now if autosave_now is not None else (changed and new.dirty):
        key = st.session_state.get("story_key")
        if key:
            try:
                autosave.write_autosave(new.story, key)
            except StorymapError as e:
                st.session_state.error = f"autosave failed: {e}"


def editor_id() -> str:
    """This browser tab's draft: ``?editor=<hex>`` in the URL, made up on first load.

    A reload keeps the URL, so it finds its own autosave; another person opening the app gets a new
    id, so sessions never see each other's unsaved edits.
    """
    if "editor" in st.session_state:
        return st.session_state.editor
    current = st.query_params.get("editor", "")
    if not (8 <= len(current) <= 32 and all(c in "0123456789abcdef" for c in current)):
        current = secrets.token_hex(8)  # written into the URL with the step (views.sync_url)
    st.session_state.editor = current
    return current


def replace_story(story: Story, path: str | None) -> None:
    """Show a new story (loaded or built in the app); its autosave starts fresh."""
    key = story_key(story, path, editor_id())
    st.session_state.story_path = path
    st.session_state.story_key = key
    st.session_state.pop("load_error", None)
    st.session_state.app = AppState(story)
    st.session_state.rev = st.session_state.get("rev", 0) + 1
    for name in ("f_places", "f_files", "f_dates", "f_dates_full", "f_dates_story", "pick_place"):
        st.session_state.pop(name, None)  # the old story's filters do not apply
    autosave.clear_autosave(key)
    st.query_params["step"] = "1"


def guarded(fn: Callable[..., AppState], *args, **kwargs) -> Callable[[], None]:
    """A button callback that applies ``fn(state, *args, **kwargs)`` and shows its error inline."""

    def run() -> None:
        s = state()
        if s is None:
            return
        try:
            apply(fn(s, *args, **kwargs))
        except StorymapError as e:
            st.session_state.error = str(e)

    return run


def mark_play_tick() -> None:
    st.session_state.last_advance = time.monotonic()


@st.cache_resource(show_spinner=False)
def static_ok() -> bool:
    """Whether Leaflet is in the static folder the app serves (copied from xstatic-leaflet once per server)."""
    from storymap.app.mapview import ensure_leaflet_files

    return ensure_leaflet_files()
