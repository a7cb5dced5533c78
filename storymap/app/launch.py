"""Start the app: ``storymap app [STORY.json | ARTICLE... | --archive ARCHIVE_DIR] [--port N] [--host ADDR]``
calls :func:`run_app`.

It prepares the app's folder under the cache directory (:func:`prepare_runtime`:
``<cache>/app-<version>/main.py``, which serves ``page.py`` (it runs :mod:`storymap.app.streamlit_app`)
with the app's Content-Security-Policy (:mod:`storymap.app.csp`), and
``static/`` beside it with Leaflet and the basemap, which Streamlit serves from there), then runs
``streamlit run`` on that script in a subprocess of the same Python, headless, with usage
statistics off and static serving on, and hands the targets over in ``$STORYMAP_APP_TARGETS``
(an archive folder, checked here first, in ``$STORYMAP_APP_ARCHIVE``: the only archive it shows).
The package folder itself is never written.

It listens on 127.0.0.1 only, unless ``--host`` says otherwise; then every visitor must first type
an access token (``--token``, ``$STORYMAP_APP_TOKEN``, or one made up and printed at start), and
saves go only into the stories folder (``$STORYMAP_STORIES_DIR``).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import socket
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Iterator

from storymap import __version__
from storymap.errors import InputFileError, OutputError, StorymapError
from storymap.files import atomic_write, cache_dir

__all__ = ["APP_SCRIPT", "DEFAULT_ADDRESS", "runtime_dir", "prepare_runtime", "streamlit_command", "app_env",
           "access_token", "check_archive", "run_app", "running_app", "free_port"]

#: Where the server listens unless told otherwise: only this machine can reach it.
DEFAULT_ADDRESS = "127.0.0.1"
TOKEN_ENV = "STORYMAP_APP_TOKEN"
STORIES_ENV = "STORYMAP_STORIES_DIR"
ARCHIVE_ENV = "STORYMAP_APP_ARCHIVE"
MIN_TOKEN_CHARS = 12

APP_SCRIPT = Path(__file__).resolve().parent / "streamlit_app.py"

#: The scripts Streamlit runs. Streamlit serves ``static/`` beside its main script, so the app is
#: started from a folder of its own rather than from the (read-only) package. ``main.py`` defines
#: an ``st.App`` (Streamlit runs it as an ASGI app) so that every response carries the app's
#: Content-Security-Policy (:mod:`storymap.app.csp`); the page it serves, ``page.py`` beside it
#: (so static files resolve from this folder), runs the installed :mod:`storymap.app.streamlit_app`.
RUNTIME_SCRIPTS = {
    "main.py": (
        '"""Written by `storymap app` (storymap/app/launch.py): serves page.py with the app\'s CSP."""\n'
        "import streamlit as st\n"
        "from starlette.middleware import Middleware\n"
        "from storymap.app.csp import CSPMiddleware\n"
        'app = st.App("page.py", middleware=[Middleware(CSPMiddleware)])\n'
    ),
    "page.py": (
        '"""Written by `storymap app` (storymap/app/launch.py): runs the installed app."""\n'
        "import runpy\n"
        'runpy.run_module("storymap.app.streamlit_app", run_name="__main__")\n'
    ),
}

#: The settings of .streamlit/config.toml, given on the command line so they hold from any folder.
SETTINGS = {
    "server.headless": "true",
    "server.enableStaticServing": "true",
    "server.runOnSave": "false",
    "server.address": DEFAULT_ADDRESS,
    "browser.gatherUsageStats": "false",
    # Set by hand, so streamlit does not ask checkip.amazonaws.com for an "External URL".
    "browser.serverAddress": "localhost",
    "client.toolbarMode": "minimal",
    "theme.base": "light",
    "theme.primaryColor": "#c2410c",
    "theme.backgroundColor": "#fbfaf7",
    "theme.secondaryBackgroundColor": "#f6f4ef",
    "theme.textColor": "#111827",
}


def runtime_dir() -> Path:
    """The app's folder: ``app-<version>`` in :func:`storymap.files.cache_dir`."""
    return cache_dir() / f"app-{__version__}"


def prepare_runtime(folder: str | os.PathLike[str] | None = None) -> Path:
    """Write the main script and its ``static/`` (Leaflet, the basemap) into ``folder`` (default
    :func:`runtime_dir`), rewriting only what changed; return the script's path. Raises
    :class:`~storymap.errors.OutputError` naming the folder when it cannot be written."""
    from storymap.app.mapview import write_static

    root = Path(folder) if folder is not None else runtime_dir()
    try:
        for name, text in RUNTIME_SCRIPTS.items():
            script = root / name
            if not script.is_file() or script.read_text(encoding="utf-8") != text:
                root.mkdir(parents=True, exist_ok=True)
                atomic_write(script, text.encode("utf-8"), backup=False, mode=0o644)
        write_static(root / "static")
    except OSError as e:
        raise OutputError(f"{root}: cannot prepare the app's folder: {e.strerror or e}") from None
    return root / "main.py"


def streamlit_command(port: int | None = None, address: str | None = None,
                      script: str | os.PathLike[str] | None = None) -> list[str]:
    """The ``python -m streamlit run ...`` command line (without the targets) for ``script``
    (default: the main script in :func:`runtime_dir`)."""
    settings = dict(SETTINGS)
    if address is not None:
        settings["server.address"] = address
    main = Path(script) if script is not None else runtime_dir() / "main.py"
    cmd = [sys.executable, "-m", "streamlit", "run", str(main)]
    for k, v in settings.items():
        cmd.append(f"--{k}={v}")
    if port is not None:
        cmd.append(f"--server.port={int(port)}")
    return cmd


def access_token(address: str | None, token: str | None, env: dict[str, str] | None = None) -> str | None:
    """The token visitors must give: ``token``, else ``$STORYMAP_APP_TOKEN``; when the app listens
    beyond the default (``address`` given) and neither is set, a new random one."""
    env = os.environ if env is None else env
    chosen = token if token is not None else env.get(TOKEN_ENV) or None
    if chosen is None and address is not None:
        chosen = secrets.token_urlsafe(18)
    if chosen is not None and (len(chosen) < MIN_TOKEN_CHARS or chosen != chosen.strip()):
        raise StorymapError(f"access token: expected at least {MIN_TOKEN_CHARS} characters without spaces "
                            f"around them, got {len(chosen)}")
    return chosen


def default_stories_dir(targets: list[str], stories_dir: str | os.PathLike[str] | None) -> Path:
    """``stories_dir``, else the folder of the one story file, else ``./stories`` (absolute)."""
    if stories_dir is not None:
        folder = Path(stories_dir)
    elif len(targets) == 1 and targets[0].lower().endswith(".json"):
        folder = Path(targets[0]).parent
    else:
        folder = Path("stories")
    if folder.exists() and not folder.is_dir():
        raise InputFileError(f"{folder}: is not a folder, expected the folder to save stories in")
    return folder.resolve()


def _check_targets(targets: list[str]) -> list[str]:
    out = []
    for t in targets:
        p = Path(t)
        if not p.exists():
            raise InputFileError(f"{t}: no such file")
        if p.is_dir():
            raise InputFileError(f"{t}: is a directory, expected a story (.json) or article file")
        out.append(str(p.resolve()))
    if len(out) > 1 and any(t.lower().endswith(".json") for t in out):
        raise InputFileError("give either one story file (.json) or article files, not both")
    return out


ARCHIVE_EXPECTED = "expected an archive folder made by `storymap archive -o ARCHIVE_DIR`"


def check_archive(folder: str | os.PathLike[str]) -> str:
    """The absolute path of the archive folder ``folder``, once its stories could be read (they are
    found now when the archive has none yet, before the server starts). Raises
    :class:`~storymap.errors.InputFileError` with one line naming the folder otherwise."""
    p = Path(folder)
    if not p.exists():
        raise InputFileError(f"{folder}: no such folder; {ARCHIVE_EXPECTED}")
    if not p.is_dir():
        raise InputFileError(f"{folder}: is not a folder; {ARCHIVE_EXPECTED}")
    if not (p / "_archive.json").is_file():
        raise InputFileError(f"{folder}: not an archive folder (no _archive.json); {ARCHIVE_EXPECTED}")
    import pyarrow as pa

    from storymap.archive import load_stories

    try:
        load_stories(p)
    except (StorymapError, OSError, ValueError, KeyError, TypeError, pa.ArrowException) as e:
        # A damaged Parquet file, an unreadable folder: said in one line, never a traceback.
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise InputFileError(f"{folder}: its stories cannot be read ({reason[:200]}); {ARCHIVE_EXPECTED}") from None
    return str(p.resolve())


def app_env(targets: list[str], autosave_dir: str | os.PathLike[str] | None = None,
            env: dict[str, str] | None = None, *, token: str | None = None,
            stories_dir: str | os.PathLike[str] | None = None,
            archive: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """The environment of the app's process: the checked targets in ``$STORYMAP_APP_TARGETS``
    (or the checked archive folder in ``$STORYMAP_APP_ARCHIVE``), the stories folder, and the
    access token when there is one."""
    if archive is not None and targets:
        raise InputFileError("give either --archive ARCHIVE_DIR or a story file / article files, not both")
    resolved = _check_targets(list(targets))
    child_env = dict(os.environ if env is None else env)
    child_env.pop(ARCHIVE_ENV, None)  # only the command line names an archive
    if archive is not None:
        child_env[ARCHIVE_ENV] = check_archive(archive)
    child_env["STORYMAP_APP_TARGETS"] = json.dumps(resolved)
    child_env[STORIES_ENV] = str(default_stories_dir(resolved, stories_dir))
    if token is not None:
        child_env[TOKEN_ENV] = token
    if autosave_dir is not None:
        child_env["STORYMAP_AUTOSAVE_DIR"] = str(Path(autosave_dir).resolve())
    # The script imports storymap; make sure the child finds this copy even when not installed.
    root = str(APP_SCRIPT.parents[2])
    child_env["PYTHONPATH"] = os.pathsep.join(p for p in (root, child_env.get("PYTHONPATH", "")) if p)
    return child_env


def run_app(targets: list[str], port: int | None = None, *, address: str | None = None,
            token: str | None = None, stories_dir: str | os.PathLike[str] | None = None,
            autosave_dir: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None,
            archive: str | os.PathLike[str] | None = None) -> int:
    """Run the app on ``targets`` until it is stopped, and return streamlit's exit code.

    ``targets`` empty: the seed story; one ``.json``: that story file; otherwise article files to
    build a story from. Missing files raise :class:`~storymap.errors.InputFileError` before
    anything starts. ``address`` (default 127.0.0.1) is where the server listens; with one given,
    visitors need the access token (see :func:`access_token`), printed here once. Saves go only
    into ``stories_dir`` (see :func:`default_stories_dir`). ``autosave_dir`` overrides
    ``~/.cache/storymap/autosave``. ``archive`` (with no targets) opens the archive page on that
    archive folder (see :func:`check_archive`).
    """
    secret = access_token(address, token, env)
    child_env = app_env(targets, autosave_dir, env, token=secret, stories_dir=stories_dir, archive=archive)
    script = prepare_runtime()  # before the server starts, so its static folder is complete from the first request
    if secret is not None:
        # The one place the token is shown; the server gets it through the environment, not argv.
        print(f"storymap app: access token: {secret}", file=sys.stderr, flush=True)
    if archive is not None:
        print(f"storymap app: archive {child_env[ARCHIVE_ENV]}", file=sys.stderr, flush=True)
    print(f"storymap app: saving stories in {child_env[STORIES_ENV]}", file=sys.stderr, flush=True)
    proc = subprocess.Popen(streamlit_command(port, address, script), env=child_env)
    previous = signal.getsignal(signal.SIGTERM)

    def stop(signum, frame):  # pass a SIGTERM on, so the server does not outlive us
        proc.terminate()

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)
    try:
        while True:
            try:
                return proc.wait()
            except KeyboardInterrupt:  # Ctrl-C reaches streamlit too; wait for it to finish
                proc.send_signal(signal.SIGINT)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGTERM, previous)


def free_port() -> int:
    """A TCP port on localhost that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class AppURL(str):
    """The URL of a running app, with the process id of its server (for memory measurements)."""

    pid: int

    def __new__(cls, url: str, pid: int) -> "AppURL":
        obj = super().__new__(cls, url)
        obj.pid = pid
        return obj


@contextlib.contextmanager
def running_app(targets: list[str], *, port: int | None = None, autosave_dir: str | os.PathLike[str] | None = None,
                timeout: float = 60.0, log: str | os.PathLike[str] | None = None, token: str | None = None,
                stories_dir: str | os.PathLike[str] | None = None,
                archive: str | os.PathLike[str] | None = None) -> Iterator[str]:
    """Run the app in the background for tests, benchmarks and screenshots; yield its URL.

    Waits until ``/_stcore/health`` answers; stops the server (by its process id) on exit.
    """
    script = prepare_runtime()
    port = port or free_port()
    env = app_env(targets, autosave_dir, token=token, stories_dir=stories_dir, archive=archive)
    if token is None:
        env.pop(TOKEN_ENV, None)  # a token in the caller's environment must not lock the tests out
    out = open(log, "wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(streamlit_command(port, script=script), env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with status {proc.returncode} before it was ready")
            try:
                with opener.open(url + "_stcore/health", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"the app did not answer on {url} within {timeout:.0f} s")
            time.sleep(0.1)
        yield AppURL(url, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if log:
            out.close()
