"""Shared fixtures: a small hand-made gazetteer, the spaCy model (loaded once), the real gazetteer."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storymap.places.gazetteer import MemoryGazetteer, default_gazetteer_path
from storymap.model import Place


def P(pid, name, lat, lon, kind="city", country=None, admin1=None, pop=0, fc="PPL", imp=0.0):
    return Place(id=pid, name=name, lat=lat, lon=lon, kind=kind, country=country, admin1=admin1,
                 geonameid=int(pid.split(":")[1]) if pid.startswith("gn:") else None, population=pop,
                 feature_code=fc, importance=imp)


PLACES = {
    "iq": P("gn:99237", "Iraq", 33.0, 44.0, "country", "IQ", pop=40_000_000, fc="PCLI", imp=1.0),
    "ir": P("gn:130758", "Iran", 32.0, 53.0, "country", "IR", pop=81_000_000, fc="PCLI", imp=1.0),
    "us": P("gn:6252001", "United States", 39.76, -98.5, "country", "US", pop=327_000_000, fc="PCLI", imp=1.0),
    "ge": P("gn:614540", "Georgia", 42.0, 43.5, "country", "GE", pop=3_700_000, fc="PCLI", imp=1.0),
    "baghdad": P("gn:98182", "Baghdad", 33.34, 44.40, "city", "IQ", "Baghdad", 7_216_000, "PPLC", 0.7),
    "baghdad_gov": P("gn:98180", "Baghdad", 33.30, 44.60, "region", "IQ", "Baghdad", 8_100_000, "ADM1", 0.6),
    "qaim": P("gn:99005", "Al Qā’im", 34.37, 41.09, "city", "IQ", "Anbar", 74_100, imp=0.34),
    "anbar": P("gn:99592", "Anbar", 33.0, 42.0, "region", "IQ", "Anbar", 1_600_000, "ADM1", 0.6),
    "nc": P("gn:4482348", "North Carolina", 35.5, -80.0, "region", "US", "North Carolina", 9_500_000, "ADM1", 0.6),
    "ca": P("gn:5332921", "California", 37.25, -119.75, "region", "US", "California", 37_000_000, "ADM1", 0.6),
    "ga_us": P("gn:4197000", "Georgia", 32.75, -83.5, "region", "US", "Georgia", 9_900_000, "ADM1", 0.6),
    "bragg_nc": P("gn:6941080", "Fort Bragg", 35.139, -79.006, "city", "US", "North Carolina", 29_183, imp=0.31),
    "bragg_ca": P("gn:5350039", "Fort Bragg", 39.446, -123.805, "city", "US", "California", 7_289, imp=0.28),
    "salem_or": P("gn:5750162", "Salem", 44.94, -123.04, "city", "US", "Oregon", 175_535, imp=0.37),
    "atlanta": P("gn:4180439", "Atlanta", 33.749, -84.388, "city", "US", "Georgia", 463_878, imp=0.4),
    "tbilisi": P("gn:611717", "Tbilisi", 41.69, 44.83, "city", "GE", "Tbilisi", 1_049_498, "PPLC", 0.7),
    "green_zone": P("cur:green-zone", "Green Zone", 33.30, 44.39, "district", "IQ", imp=0.6, fc="PPLX"),
    "hormuz": P("cur:strait-of-hormuz", "Strait of Hormuz", 26.57, 56.25, "water", imp=0.9, fc="STRT"),
}
ALIASES = {
    "qaim": ["Al Qaim", "Al-Qaim", "Al Qa'im", "Qaim"],
    "us": ["U.S.", "US", "USA", "America"],
    "green_zone": ["International Zone"],
    "hormuz": ["Hormuz Strait"],
}
DEMONYMS = {"gn:130758": ["Iranian"], "gn:99237": ["Iraqi"], "gn:6252001": ["American"]}


@pytest.fixture(scope="session")
def places() -> dict[str, Place]:
    return PLACES


@pytest.fixture(scope="session")
def mem_gaz() -> MemoryGazetteer:
    return MemoryGazetteer([(p, ALIASES.get(k, [])) for k, p in PLACES.items()], DEMONYMS)


@pytest.fixture(scope="session")
def nlp():
    from storymap.places import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def real_gaz():
    from storymap.places import open_gazetteer

    if not default_gazetteer_path().is_file():
        pytest.skip("gazetteer not built (python geodata/build_gazetteer.py)")
    return open_gazetteer()


APP_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "app_story.json"


@pytest.fixture()
def app_env(tmp_path, monkeypatch):
    """A copy of the fixture story as the app's target, and an empty autosave folder."""
    path = tmp_path / "story.json"
    shutil.copy(APP_FIXTURE, path)
    monkeypatch.setenv("STORYMAP_APP_TARGETS", json.dumps([str(path)]))
    monkeypatch.setenv("STORYMAP_AUTOSAVE_DIR", str(tmp_path / "autosave"))
    return path


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium through Playwright, one per test module (Playwright's own browser download
    is never used). Browser tests that need it skip when Chromium is not installed."""
    import shutil

    from playwright.sync_api import sync_playwright

    from storymap.render import CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def fake_server(monkeypatch) -> dict:
    """``subprocess.Popen`` replaced by a server that records its command and environment (in the
    dict returned) and exits at once; no ``$STORYMAP_APP_TOKEN`` inherited."""
    import subprocess

    seen: dict = {}

    class FakeServer:
        def __init__(self, cmd, env):
            seen.update(cmd=cmd, env=env)

        def wait(self):
            return 0

        def poll(self):
            return 0

    monkeypatch.setattr(subprocess, "Popen", FakeServer)
    monkeypatch.delenv("STORYMAP_APP_TOKEN", raising=False)
    return seen
