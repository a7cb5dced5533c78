"""The app's run-time folder: ``storymap app`` writes its main script and the static files it serves
under the cache folder, never into the installed package."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storymap.app import launch
from storymap.errors import OutputError, StorymapError

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_APP = ROOT / "storymap" / "app"


@pytest.mark.parametrize("xdg, expected", [("/tmp/xdg-demo", "/tmp/xdg-demo/storymap"), ("", None)])
def test_runtime_dir_is_under_the_cache_dir(monkeypatch, xdg, expected):
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    monkeypatch.setenv("HOME", "/home/demo")
    folder = launch.runtime_dir()
    assert folder.parent == Path(expected or "/home/demo/.cache/storymap")
    assert folder.name.startswith("app-")


def test_prepare_runtime_writes_script_and_static_outside_the_package(tmp_path):
    from xstatic.pkg import leaflet

    from storymap.app.mapview import basemap_url

    script = launch.prepare_runtime(tmp_path / "rt")
    assert script == tmp_path / "rt" / "main.py"
    main = script.read_text(encoding="utf-8")
    assert "st.App(" in main and "CSPMiddleware" in main  # served with the app's CSP
    assert "storymap.app.streamlit_app" in (script.parent / "page.py").read_text(encoding="utf-8")
    static = script.parent / "static"
    for name in ("leaflet.js", "leaflet.css"):
        assert (static / "leaflet" / name).read_bytes() == (Path(leaflet.BASE_DIR) / name).read_bytes()
    assert json.loads((static / "basemap" / "countries.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert basemap_url().split("?")[0].endswith("basemap/countries.geojson")
    assert not (PACKAGE_APP / "static").exists()


def test_prepare_runtime_twice_rewrites_nothing(tmp_path):
    script = launch.prepare_runtime(tmp_path)
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()}
    launch.prepare_runtime(tmp_path)
    assert {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*") if p.is_file()} == stamps
    assert script in stamps


def test_prepare_runtime_unwritable_is_one_line_naming_the_folder(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(OutputError) as info:
        launch.prepare_runtime(blocker / "rt")
    assert str(blocker / "rt") in str(info.value) and "\n" not in str(info.value)
    assert isinstance(info.value, StorymapError)


def test_streamlit_command_runs_the_runtime_script_not_the_package(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    cmd = launch.streamlit_command(8765)
    assert cmd[4] == str(launch.runtime_dir() / "main.py")
    assert str(PACKAGE_APP) not in cmd[4]


@pytest.mark.parametrize("with_leaflet", [True, False])
def test_runtime_script_runs_the_app_and_checks_its_static_folder(app_env, tmp_path, with_leaflet):
    from streamlit.testing.v1 import AppTest

    from storymap.app import session

    session.static_ok.clear()  # cached per server; each case here is a server of its own
    script = launch.prepare_runtime(tmp_path / "rt")
    if not with_leaflet:
        shutil.rmtree(script.parent / "static" / "leaflet")
    at = AppTest.from_file(str(script.parent / "page.py"), default_timeout=60).run()
    assert not at.exception
    assert at.subheader[0].value  # the story page, found through the absolute page paths
    missing = [e.value for e in at.error if "Leaflet is missing" in e.value]
    session.static_ok.clear()
    assert bool(missing) is not with_leaflet
