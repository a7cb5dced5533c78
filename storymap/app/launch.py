"""Start the app: ``storymap app [STORY.json | ARTICLE...] [--port N]`` calls :func:`run_app`.

It runs ``streamlit run`` on ``streamlit_app.py`` in a subprocess of the same Python, headless, with
usage statistics off and static serving on (Leaflet and the basemap come from the app itself), and
hands the targets over in ``$STORYMAP_APP_TARGETS``.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Iterator

from storymap.errors import InputFileError

__all__ = ["APP_SCRIPT", "streamlit_command", "app_env", "run_app", "running_app", "free_port"]

APP_SCRIPT = Path(__file__).resolve().parent / "streamlit_app.py"

#: The settings of .streamlit/config.toml, given on the command line so they hold from any folder.
SETTINGS = {
    "server.headless": "true",
    "server.enableStaticServing": "true",
    "server.runOnSave": "false",
    "browser.gatherUsageStats": "false",
    # Set by hand, so streamlit does not ask checkip.amazonaws.com for an "External URL".
    "browser.serverAddress": "localhost",
    "client.toolbarMode": "minimal",
    "theme.base": "light",
    "theme.primaryColor": "#c2410c",
    "theme.backgroundColor": "#fbfaf7",
    "theme.secondaryBackgroundColor": "#f1eee6",
    "theme.textColor": "#1f2937",
}


def streamlit_command(port: int | None = None, address: str | None = None) -> list[str]:
    """The ``python -m streamlit run ...`` command line (without the targets)."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT)]
    for k, v in SETTINGS.items():
        cmd.append(f"--{k}={v}")
    if port is not None:
        cmd.append(f"--server.port={int(port)}")
    if address is not None:
        cmd.append(f"--server.address={address}")
    return cmd


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


def app_env(targets: list[str], autosave_dir: str | os.PathLike[str] | None = None,
            env: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of the app's process: the checked targets in ``$STORYMAP_APP_TARGETS``."""
    resolved = _check_targets(list(targets))
    child_env = dict(os.environ if env is None else env)
    child_env["STORYMAP_APP_TARGETS"] = json.dumps(resolved)
    if autosave_dir is not None:
        child_env["STORYMAP_AUTOSAVE_DIR"] = str(Path(autosave_dir).resolve())
    # The script imports storymap; make sure the child finds this copy even when not installed.
    root = str(APP_SCRIPT.parents[2])
    child_env["PYTHONPATH"] = os.pathsep.join(p for p in (root, child_env.get("PYTHONPATH", "")) if p)
    return child_env


def run_app(targets: list[str], port: int | None = None, *, address: str | None = None,
            autosave_dir: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> int:
    """Run the app on ``targets`` until it is stopped, and return streamlit's exit code.

    ``targets`` empty: the seed story; one ``.json``: that story file; otherwise article files to
    build a story from. Missing files raise :class:`~storymap.errors.InputFileError` before
    anything starts. ``autosave_dir`` overrides ``~/.cache/storymap/autosave``.
    """
    from storymap.app.mapview import ensure_leaflet_files

    ensure_leaflet_files()  # before the server starts, so its static folder is complete from the first request
    child_env = app_env(targets, autosave_dir, env)
    proc = subprocess.Popen(streamlit_command(port, address), env=child_env)
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
                timeout: float = 60.0, log: str | os.PathLike[str] | None = None) -> Iterator[str]:
    """Run the app in the background for tests, benchmarks and screenshots; yield its URL.

    Waits until ``/_stcore/health`` answers; stops the server (by its process id) on exit.
    """
    from storymap.app.mapview import ensure_leaflet_files

    ensure_leaflet_files()
    port = port or free_port()
    env = app_env(targets, autosave_dir)
    out = open(log, "wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(streamlit_command(port, "127.0.0.1"), env=env, stdout=out, stderr=subprocess.STDOUT)
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
