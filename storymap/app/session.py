"""Streamlit glue: where the app's one :class:`AppState` lives, how a story gets in, and caches.

Everything that changes the story goes through :func:`apply`, which stores the new state, bumps a
revision counter (so edit widgets pick up the new values) and writes the autosave file.
"""

from __future__ import annotations

import hashlib
import hmac
import importlib
import json
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Any, Callable

import streamlit as st

from storymap import files
from storymap.app import autosave
from storymap.app.state import AppState, goto, normalise, story_key
from storymap.errors import OutputError, StaleStoryError, StorymapError, one_line
from storymap.story import Story, load_story, save_story

__all__ = [
    "TARGETS_ENV",
    "TOKEN_ENV",
    "STORIES_ENV",
    "ARCHIVE_ENV",
    "targets_from_env",
    "archive_dir",
    "archive_entries",
    "archive_story",
    "stories_dir",
    "require_access",
    "browser_id",
    "bootstrap",
    "save_to_file",
    "save_as",
    "reload_from_disk",
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
#: The access token a visitor must type before seeing anything (set by ``storymap app --host``).
TOKEN_ENV = "STORYMAP_APP_TOKEN"
#: The one folder the app saves into (``storymap app --stories-dir``).
STORIES_ENV = "STORYMAP_STORIES_DIR"
#: The archive folder the archive page shows (``storymap app --archive``): set by the command line
#: only; nothing a visitor sends names another.
ARCHIVE_ENV = "STORYMAP_APP_ARCHIVE"
#: Cookies: this browser's draft id, and proof that this browser typed the access token.
BROWSER_COOKIE = "storymap_browser"
AUTH_COOKIE = "storymap_auth"


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
    from storymap.places import open_gazetteer

    try:
        return open_gazetteer()
    except StorymapError:
        return None


@st.cache_data(show_spinner=False, max_entries=512)
def area_geometry(place_id: str) -> dict[str, Any] | None:
    """The simplified GeoJSON shape of a country, sea or district, or ``None``."""
    from storymap.app.mapview import AREA_TOLERANCE
    from storymap.render.geometry import wkb_to_geojson

    g = gazetteer()
    if g is None:
        return None
    return wkb_to_geojson(g.geometry_wkb(place_id), tolerance=AREA_TOLERANCE)  # a damaged shape gives None


@st.cache_resource(show_spinner=False)
def basemap_url() -> str | None:
    """URL of the basemap file in the static folder (``storymap app`` writes it before the server starts)."""
    from storymap.app.mapview import basemap_url as url

    return url()


@st.cache_resource(show_spinner=False)
def _built_stories() -> dict[tuple, Story]:
    """Stories built from the command line's articles, shared by every session of this server."""
    return {}


def _load_targets(targets: list[str], on_stage: Callable[[str, float], None] | None = None
                  ) -> tuple[Story, str | None]:
    """The story the command line asked for, and its file when it came from one."""
    if len(targets) == 1 and targets[0].lower().endswith(".json"):
        return load_story(targets[0]), os.path.abspath(targets[0])
    # Looked up by name (not an attribute of storymap.story), so a test can stand in for it in sys.modules.
    pipeline = importlib.import_module("storymap.story.build")  # lazily: building loads the model

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
# The archive (``storymap app --archive``)


def archive_dir() -> Path | None:
    """The archive folder of ``$STORYMAP_APP_ARCHIVE``, or ``None`` when the app shows no archive."""
    raw = os.environ.get(ARCHIVE_ENV, "")
    return Path(raw) if raw else None


def _stories_stamp(root: Path) -> int:
    """When the archive's stories table last changed (0 before it exists), so a re-run of
    ``storymap archive`` is seen without a restart."""
    try:
        return (root / "stories" / "stories.parquet").stat().st_mtime_ns
    except OSError:
        return 0


@st.cache_resource(show_spinner=False, max_entries=4)
def _archive_entries(root: str, stamp: int):
    from storymap.app.archive import entries
    from storymap.archive import load_stories

    return entries(load_stories(root))


def _read_archive(root: Path, what: str, read: Callable[[], Any]) -> Any:
    """``read()``, its failures on a damaged archive turned into a one-line :class:`StorymapError`."""
    import pyarrow as pa

    try:
        return read()
    except StorymapError as e:
        raise StorymapError(one_line(e)) from None
    except (OSError, ValueError, KeyError, TypeError, pa.ArrowException) as e:
        raise StorymapError(f"{root}: {what} cannot be read ({one_line(e, 200)})") from None


def archive_entries():
    """The stories of the archive (:class:`storymap.app.archive.ArchiveEntry`, shared by every
    session and read again when the archive changes). Raises :class:`StorymapError` in one line
    when they cannot be read."""
    root = archive_dir()
    if root is None:
        return ()
    return _read_archive(root, "its stories", lambda: _archive_entries(str(root), _stories_stamp(root)))


#: How many stories built from the archive are kept for every session (a story opened again is
#: not built again).
ARCHIVE_BUILT_MAX = 16


@st.cache_resource(show_spinner=False)
def _archive_built() -> dict[tuple, Story]:
    return {}


def archive_story(story_id: str, title: str | None = None) -> Story:
    """Story ``story_id`` of the archive, built from the archive's events of its articles
    (:func:`storymap.archive.archive_story`), titled ``title`` (the list's title)."""
    from storymap.archive import archive_story as build

    root = archive_dir()
    if root is None:
        raise StorymapError("no archive: start the app with storymap app --archive ARCHIVE_DIR")
    cache = _archive_built()
    key = (str(root), _stories_stamp(root), story_id, title)
    if key not in cache:
        story = _read_archive(root, f"story {story_id!r}", lambda: build(root, story_id, title=title or None))
        while len(cache) >= ARCHIVE_BUILT_MAX:
            cache.pop(next(iter(cache)), None)
        cache[key] = story
    return cache[key]


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


def stories_dir(path: str | None = None) -> Path:
    """The folder saves go into: ``$STORYMAP_STORIES_DIR``, else the opened story's folder, else
    ``./stories``."""
    env = os.environ.get(STORIES_ENV)
    if env:
        return Path(env)
    if path:
        return Path(path).parent
    return Path("stories")


# --------------------------------------------------------------------------------------------
# Access and identity of the browser


def request_cookies() -> dict[str, str]:
    """The cookies the browser sent when this session connected (empty in AppTest)."""
    try:
        return dict(st.context.cookies)
    except Exception:  # no browser behind this session
        return {}


def _set_cookie(name: str, value: str) -> None:
    """Store a cookie in the browser; ``value`` is hex, so nothing needs quoting. A year long,
    sent only to this app (SameSite=Strict)."""
    st.html(f"<script>document.cookie = '{name}={value}; path=/; max-age=31536000; SameSite=Strict';</script>",
            unsafe_allow_javascript=True, width="content")


def _auth_proof(token: str) -> str:
    """What the auth cookie holds: derived from the token, so the token itself is never stored."""
    return hmac.new(token.encode("utf-8"), b"storymap-app-access", hashlib.sha256).hexdigest()


def require_access() -> None:
    """With an access token set (``$STORYMAP_APP_TOKEN``), show only a prompt for it until this
    session, or this browser earlier, gave it; ``st.stop()`` before anything of the story."""
    token = os.environ.get(TOKEN_ENV, "")
    if not token or st.session_state.get("access_ok"):
        return
    proof = _auth_proof(token)
    if hmac.compare_digest(request_cookies().get(AUTH_COOKIE, ""), proof):
        st.session_state.access_ok = True
        return
    prompt = st.empty()
    with prompt.container():
        st.title("storymap", anchor=False)
        with st.form("access"):
            typed = st.text_input("Access token", type="password",
                                  help="Printed by `storymap app` when it started.")
            sent = st.form_submit_button("Open")
        if not sent:
            st.stop()
        if not hmac.compare_digest(typed.strip().encode("utf-8"), token.encode("utf-8")):
            st.error("Wrong access token.")
            st.stop()
    # Right token: the app is drawn in this same run (a rerun could drop the cookie script).
    prompt.empty()
    st.session_state.access_ok = True
    _set_cookie(AUTH_COOKIE, proof)


def browser_id() -> str:
    """This browser's draft id: a random value kept in a cookie, made up on the first visit.

    A reload, or a new session after a restart, sends the cookie again and finds its own
    autosave; another browser, even one opening a copied link, has no cookie and gets a new id,
    so nobody sees another person's unsaved edits.
    """
    if "browser_id" in st.session_state:
        return st.session_state.browser_id
    current = request_cookies().get(BROWSER_COOKIE, "")
    if not (len(current) == 32 and all(c in "0123456789abcdef" for c in current)):
        current = secrets.token_hex(16)
        st.session_state.browser_cookie_new = True
    st.session_state.browser_id = current
    return current


def _remember_browser() -> None:
    if st.session_state.get("browser_cookie_new"):
        _set_cookie(BROWSER_COOKIE, browser_id())


# --------------------------------------------------------------------------------------------
# Loading


def _use_story(story: Story, path: str | None, key: str) -> None:
    st.session_state.story_path = path
    st.session_state.story_key = key
    # The version this session's edits start from: a save over a changed file is refused.
    st.session_state.story_version = files.file_version(path) if path else None


def bootstrap() -> None:
    """Check access, then load the story once per browser session: the command-line target, then
    this browser's autosaved edits of it on top (a reload or a restart loses nothing), then
    ``?step=N`` from the URL."""
    require_access()
    browser_id()
    _remember_browser()
    if "app_loaded" in st.session_state:
        return
    st.session_state.app_loaded = True
    st.session_state.rev = 0
    targets = targets_from_env()
    if not targets and archive_dir() is not None:
        return  # the archive page: no story until one is opened from it (never the seed story)
    slot = st.empty()

    def on_stage(name: str, fraction: float) -> None:
        slot.progress(min(max(float(fraction), 0.0), 1.0), text=f"Building the story: {name}")

    try:
        with st.spinner("Loading the story…"):
            story, path = _load_targets(targets, on_stage)
    except StorymapError as e:
        st.session_state.load_error = str(e)
        return
    finally:
        slot.empty()
    key = story_key(story, path, browser_id())
    _use_story(story, path, key)
    restored = autosave.read_autosave(key)
    dirty = False
    if restored is not None and restored != story:
        story, dirty = restored, True
        st.session_state.notice = "Restored your unsaved edits (autosave)."
        base = autosave.read_base(key)
        if path and base is not None:
            st.session_state.story_version = base  # the draft was made on that version of the file
    st.session_state.app = _step_from_query(normalise(AppState(story, dirty=dirty)))
    if st.query_params.get("present") == "1":  # a ?present=1 link opens the story presenting
        st.session_state.presenting = True


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
                autosave.write_autosave(new.story, key, base=st.session_state.get("story_version"))
            except StorymapError as e:
                st.session_state.error = f"autosave failed: {e}"


def replace_story(story: Story, path: str | None, *, restore: bool = False) -> None:
    """Show a new story (loaded or built in the app); its autosave starts fresh, unless
    ``restore``: then this browser's unsaved edits of the same story, autosaved earlier (an
    archive story opened again, after a reload or a restart), come back."""
    key = story_key(story, path, browser_id())
    _use_story(story, path, key)
    st.session_state.pop("load_error", None)
    st.session_state.pop("stale", None)
    restored = autosave.read_autosave(key) if restore else None
    if restored is not None and restored != story:
        st.session_state.app = AppState(restored, dirty=True)
        st.session_state.notice = "Restored your unsaved edits of this story (autosave)."
    else:
        st.session_state.app = AppState(story)
        autosave.clear_autosave(key)
    st.session_state.rev = st.session_state.get("rev", 0) + 1
    for name in ("f_places", "f_files", "f_dates", "f_dates_full", "f_dates_story", "pick_place"):
        st.session_state.pop(name, None)  # the old story's filters do not apply
    st.query_params["step"] = "1"


# --------------------------------------------------------------------------------------------
# Saving


def _saved(target: Path) -> None:
    s = state()
    apply(AppState(**{**s.__dict__, "dirty": False}), autosave_now=False)
    key = st.session_state.get("story_key")
    if key:
        autosave.clear_autosave(key)
    path = os.path.abspath(target)
    new_key = story_key(s.story, path, browser_id())
    _use_story(s.story, path, new_key)
    st.session_state.pop("stale", None)
    st.session_state.success = f"Saved to {target}; the previous version is kept as {target.name}.bak."


def save_to_file(path: str) -> None:
    """Save over the story's own file, if it is in the stories folder and unchanged since loaded."""
    s = state()
    if s is None:
        return
    folder = stories_dir(st.session_state.get("story_path"))
    if not files.inside(path, folder):
        st.session_state.error = f"{path}: outside the stories folder {folder}; use “Save as” with a file name"
        return
    try:
        save_story(s.story, path, expect=st.session_state.get("story_version"))
    except StaleStoryError as e:
        st.session_state.stale = str(e)
        return
    except StorymapError as e:
        st.session_state.error = str(e)
        return
    _saved(Path(path))


def save_as(name: str | None = None) -> None:
    """Save under a new bare file name (default: the "Save as" field) in the stories folder;
    never over an existing file."""
    s = state()
    if s is None:
        return
    name = st.session_state.get("save_as", "") if name is None else name
    folder = stories_dir(st.session_state.get("story_path"))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = files.name_in_folder(name, folder)
        if os.path.lexists(target):
            raise OutputError(f"{name!r}: already exists in {folder}; choose another name")
        save_story(s.story, target, expect=None)
    except OSError as e:  # OutputError included
        st.session_state.error = str(e) if isinstance(e, StorymapError) else f"{folder}: {e.strerror or e}"
        return
    except StorymapError as e:
        st.session_state.error = str(e)
        return
    _saved(target)


def reload_from_disk() -> None:
    """Drop this session's edits (after a stale save) and show the file as it is on disk now."""
    path = st.session_state.get("story_path")
    if not path:
        return
    try:
        story = load_story(path)
    except StorymapError as e:
        st.session_state.error = str(e)
        return
    replace_story(story, path)
    st.session_state.notice = f"Reloaded {Path(path).name} from disk."


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
    """Whether Leaflet is in the folder Streamlit serves, ``static/`` beside the main script
    (``storymap app`` fills it before the server starts). The package's own script run directly
    (as AppTest does) has no such folder and is not checked."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    from storymap.app.launch import APP_SCRIPT
    from storymap.app.mapview import leaflet_served

    ctx = get_script_run_ctx()
    main = Path(ctx.main_script_path).resolve() if ctx is not None else APP_SCRIPT
    return main == APP_SCRIPT or leaflet_served(main.parent / "static")
