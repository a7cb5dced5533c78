"""The acceptance checks on the seed story itself, in Debian's Chromium: the app opened as a new user
would (no arguments), and the exported page opened from disk with the network cut."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from storymap.render import CHROMIUM_ARGS

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TITLE = ".st-key-narrative h3"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'

if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def seed(real_gaz):
    from storymap.story import seed_story

    return seed_story()


def test_seed_app_next_step_five_times(tmp_path, seed):
    from storymap.app.launch import running_app

    with running_app([], autosave_dir=tmp_path / "autosave", timeout=180) as url, sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url)
        page.locator(TITLE).wait_for(timeout=120_000)
        titles = [page.locator(TITLE).first.inner_text()]
        for _ in range(5):
            # Streamlit may still be re-running after the map reported its first view; click once the
            # run is over and the button stands alone.
            page.wait_for_function(
                "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && Array.from("
                "document.querySelectorAll('button')).filter(b => b.innerText.trim() === 'Next step').length === 1",
                timeout=20_000)
            page.get_by_role("button", name="Next step", exact=True).click()
            # Step time is a benchmark figure (bench_app.py); here it is only bounded loosely.
            page.wait_for_function("([sel, old]) => document.querySelector(sel)?.innerText !== old",
                                   arg=[TITLE, titles[-1]], timeout=5000)
            titles.append(page.locator(TITLE).first.inner_text())
        assert len(set(titles)) == 6
        page.wait_for_timeout(800)
        assert page.frame_locator(MAP_FRAME).locator(".leaflet-interactive").count() >= 5
        outside = [u for u in requests if not u.startswith(("data:", "blob:", "about:"))
                   and urlparse(u).hostname not in ("127.0.0.1", "localhost")]
        assert outside == []
        browser.close()


def test_seed_export_opens_from_disk_offline(tmp_path, seed):
    from storymap.render import write_exports

    html = tmp_path / "seed.html"
    write_exports(seed, html=html)
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        ctx = browser.new_context(viewport={"width": 1280, "height": 800})
        outside, dialogs, errors = [], [], []
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                  else (outside.append(r.request.url), r.abort()))
        page = ctx.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(html.as_uri())
        page.wait_for_selector("html[data-settled=true]", state="attached", timeout=20_000)
        assert page.locator(".leaflet-interactive").count() >= 5
        first = page.text_content("#step-title")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("location.hash === '#step-2'", timeout=5000)
        assert page.text_content("#step-title") != first
        assert outside == [] and dialogs == [] and errors == []
        assert page.evaluate("window.__xss") is None
        browser.close()
