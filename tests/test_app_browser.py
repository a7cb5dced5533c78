"""The app in a real browser: Debian's Chromium driven by Playwright.

One server runs for the module (``streamlit run`` on a free port, on a copy of the fixture story,
with its own autosave folder); each test opens a fresh page. The tests run in file order: the
read-only ones first, then the ones that edit the story. Run them alone with ``pytest -m browser``.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from storymap.render import CHROMIUM_ARGS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "app_story.json"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TITLE = ".st-key-narrative h3"

if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def story_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("story") / "story.json"
    shutil.copy(FIXTURE, path)
    return path


@pytest.fixture(scope="module")
def server(story_file, tmp_path_factory):
    from storymap.app.launch import running_app

    autosave = tmp_path_factory.mktemp("autosave")
    log = tmp_path_factory.mktemp("log") / "streamlit.log"
    with running_app([str(story_file)], autosave_dir=autosave, log=log) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Page:
    """A page of the app with every request and console message recorded (frames included)."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.requests: list[tuple[str, str]] = []
        self.console: list[tuple[str, str]] = []
        self.page.on("request", lambda r: self.requests.append((r.resource_type, r.url)))
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.console.append(("pageerror", str(e))))
        self.url = url

    def open(self, query: str = "") -> "Page":
        self.page.goto(self.url + query)
        self.page.locator(TITLE).wait_for(timeout=30_000)
        self.map.locator(".leaflet-interactive").first.wait_for(state="attached", timeout=30_000)
        return self

    @property
    def map(self):
        return self.page.frame_locator(MAP_FRAME)

    def title(self) -> str:
        return self.page.locator(TITLE).first.inner_text()

    def wait_title(self, not_equal: str, timeout_ms: float) -> str:
        self.page.wait_for_function(
            "([sel, old]) => { const h = document.querySelector(sel); return h && h.innerText !== old; }",
            arg=[TITLE, not_equal], timeout=timeout_ms)
        return self.title()

    def wait_idle(self) -> None:
        """Until streamlit has finished the current run (its status widget says 'Running') and no stale
        twin of a button is left on the page."""
        self.page.wait_for_function(
            "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && Array.from("
            "document.querySelectorAll('button')).filter(b => b.innerText.trim() === 'Next step').length <= 1",
            timeout=10_000)

    def button(self, name: str):
        return self.page.get_by_role("button", name=name, exact=True)

    def tab(self, name: str):
        return self.page.get_by_role("tab", name=name, exact=True)

    def external_assets(self) -> list[str]:
        bad = []
        for kind, url in self.requests:
            host = urlparse(url).hostname
            if url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
                continue
            bad.append(f"{kind} {url}")
        return bad

    def errors(self) -> list[str]:
        return [text for kind, text in self.console if kind in ("error", "pageerror")]


def test_browser_next_step_moves_the_story_and_the_map(server, browser):
    app = Page(browser, server).open()
    titles = [app.title()]
    time.sleep(0.5)
    for _ in range(5):
        app.wait_idle()  # the previous run has finished: its stale elements are gone
        app.button("Next step").click()
        # The time a step takes is measured by benchmarks/bench_app.py (about 0.25 s); the test only
        # bounds it loosely, so a busy CI machine does not fail it.
        titles.append(app.wait_title(titles[-1], timeout_ms=5000))
    assert len(set(titles)) == 6
    assert titles[-1] == "Attack on Abqaiq"
    app.page.wait_for_url("**step=6**", timeout=2000)
    app.page.wait_for_timeout(500)
    assert app.map.locator(".leaflet-interactive").count() >= 5
    assert app.map.locator("path.storymap-move").count() >= 1  # the Yemen -> Abqaiq movement
    # Nothing but the app itself was asked for a script, a style or anything else.
    assert app.external_assets() == []
    assert app.errors() == []
    app.page.close()


def test_browser_keys_and_deep_link(server, browser):
    app = Page(browser, server).open("?step=3")
    assert app.title() == "Tankers hit in the Gulf of Oman"
    app.page.mouse.click(5, 990)  # focus the page, outside every input
    app.page.keyboard.press("ArrowRight")
    # Loose bounds (step time is a benchmark figure): a busy CI machine must not fail the test.
    assert app.wait_title("Tankers hit in the Gulf of Oman", 5000) == "US drone shot down"
    app.page.keyboard.press("ArrowLeft")
    assert app.wait_title("US drone shot down", 5000) == "Tankers hit in the Gulf of Oman"
    # A click on the timeline jumps to that step.
    app.page.locator('[aria-roledescription="circle"][aria-label*="step: 8;"]').click()
    assert app.wait_title("Tankers hit in the Gulf of Oman", 5000) == "Strike at Baghdad airport"
    # Space plays: the story moves on by itself (3 s a step), until paused.
    app.page.mouse.click(5, 990)
    app.page.keyboard.press(" ")
    app.button("Pause").wait_for(timeout=2000)
    assert app.wait_title("Strike at Baghdad airport", 5000) == "Missiles hit Al Asad"
    app.button("Pause").click()
    app.button("Play").wait_for(timeout=2000)
    assert app.errors() == []
    app.page.close()


def test_browser_presentation_mode_large_map_space_and_escape(server, browser):
    slide = ".st-key-slide h2"
    app = Page(browser, server).open("?step=2")
    app.button("Present").click()
    app.page.locator(slide).wait_for(timeout=10_000)
    # The slide can be drawn before the run that draws it has removed the story view's stale elements.
    app.wait_idle()
    first = app.page.locator(slide).inner_text()
    assert app.page.locator('[data-testid="stSidebar"]').is_hidden()  # the projector sees the story only
    assert app.page.get_by_role("tab", name="Edit step").count() == 0
    # The address follows the mode in a message of its own, which may come after the slide is drawn.
    app.page.wait_for_function("() => location.search.includes('present=1')", timeout=10_000)
    app.map.locator(".leaflet-interactive").first.wait_for(state="attached", timeout=10_000)
    frame = app.page.locator(MAP_FRAME).bounding_box()
    assert frame["width"] > 1200 and frame["height"] >= 600  # the map across the page
    size = float(app.page.evaluate(f"parseFloat(getComputedStyle(document.querySelector('{slide}')).fontSize)"))
    assert size >= 32  # large type
    app.wait_idle()  # the run that drew the slide has installed the key handler
    app.page.mouse.click(5, 990)
    app.page.keyboard.press(" ")  # Space advances while presenting
    app.page.wait_for_function("([sel, old]) => document.querySelector(sel)?.innerText !== old",
                               arg=[slide, first], timeout=5000)
    app.page.wait_for_function("location.search.includes('step=3')", timeout=5000)
    app.wait_idle()
    app.page.keyboard.press("Escape")
    app.page.locator(TITLE).wait_for(timeout=10_000)
    app.wait_idle()
    app.page.locator('[data-testid="stSidebar"]').wait_for(state="visible", timeout=5000)
    assert "present=1" not in app.page.url
    assert app.errors() == [] and app.external_assets() == []
    app.page.close()


def test_browser_corrected_place_survives_save_and_reload(server, browser, story_file):
    from storymap.story import load_story

    app = Page(browser, server).open("?step=1")
    app.tab("Places").click()
    app.button("Use this").first.click()
    app.page.get_by_text("Al Fujayrah chosen.").wait_for(timeout=5000)
    app.button("Save").click()
    app.page.get_by_text("Saved to").wait_for(timeout=5000)
    p = load_story(story_file).steps[0].places[0]
    assert (p.name, p.corrected) == ("Al Fujayrah", True)
    app.page.reload()
    app.page.locator(TITLE).wait_for(timeout=30_000)
    assert app.page.get_by_text("Al Fujayrah · corrected").count() >= 1
    assert app.errors() == []
    app.page.close()


def test_browser_reload_while_editing_loses_nothing(server, browser, story_file):
    app = Page(browser, server).open("?step=2")
    app.tab("Edit step").click()
    field = app.page.get_by_role("textbox", name="Title", exact=True)
    field.fill("Pipeline hit by drones")
    app.button("Save step changes").click()
    assert app.wait_title("Drones strike Saudi pipeline", 5000) == "Pipeline hit by drones"
    app.wait_idle()
    app.page.reload()
    app.page.locator(TITLE).wait_for(timeout=30_000)
    assert app.title() == "Pipeline hit by drones"  # restored from the autosave
    assert app.page.get_by_text("Restored your unsaved edits").count() == 1
    app.page.close()


def test_browser_a_copied_link_never_carries_the_draft(server, browser, story_file):
    first = Page(browser, server).open("?step=3")
    original = first.title()
    first.tab("Edit step").click()
    first.page.get_by_role("textbox", name="Title", exact=True).fill("Draft of the first browser")
    first.button("Save step changes").click()
    assert first.wait_title(original, 5000) == "Draft of the first browser"
    first.wait_idle()
    url = first.page.url
    assert "editor" not in url and "step=3" in url
    assert any(c["name"] == "storymap_browser" for c in first.page.context.cookies())
    # Another person's browser (a context of its own) opening the copied link: the saved file.
    other = Page(browser, server).open(url[len(server):])
    assert other.title() == original
    assert other.page.get_by_text("Restored your unsaved edits").count() == 0
    other.tab("Edit step").click()
    other.page.get_by_role("textbox", name="Title", exact=True).fill("Edit of the second browser")
    other.button("Save step changes").click()
    assert other.wait_title(original, 5000) == "Edit of the second browser"
    other.wait_idle()
    # The first browser, reloaded, gets its own draft back, and none of the second's edits.
    first.page.reload()
    first.page.locator(TITLE).wait_for(timeout=30_000)
    assert first.title() == "Draft of the first browser"
    assert first.page.get_by_text("Restored your unsaved edits").count() == 1
    assert "Edit of the second browser" not in story_file.read_text(encoding="utf-8")
    first.page.close()
    other.page.close()


def test_browser_click_on_map_moves_a_place(server, browser):
    app = Page(browser, server).open("?step=2")  # Riyadh
    app.tab("Places").click()
    app.button("Pick on the map").first.click()
    app.page.get_by_text("Click on the map to place it.").wait_for(timeout=5000)
    app.wait_idle()
    frame = app.page.locator(MAP_FRAME)
    frame.wait_for(state="visible", timeout=5000)
    box = frame.bounding_box()
    app.page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.7)
    app.page.get_by_text("Place moved to the clicked point.").wait_for(timeout=5000)
    assert app.page.get_by_text("Riyadh · corrected").count() >= 1
    app.page.close()
