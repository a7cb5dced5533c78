"""The exported HTML in a real browser: Debian's Chromium driven by Playwright, network blocked.

Run alone with ``pytest -m browser``; skipped when Chromium is not installed
(``apt-get install chromium``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storymap.render import to_html, write_pngs
from storymap.story import Source, Step, StepPlace, Story

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium not installed (apt-get install chromium)"),
]

LOCAL = ("file:", "data:", "blob:", "about:")


def six_steps() -> Story:
    P = StepPlace
    return Story(
        "Gulf tensions",
        (
            Step("s1", "2019-05-12", "Tankers attacked", "Four tankers were damaged.",
                 (P("Fujairah", 25.12, 56.33, "city"),), (Source("a.txt", 10, 60, "Four tankers were damaged."),)),
            Step("s2", "2019-06-20", "Drone shot down", "Iran shot down a US drone.",
                 (P("Bandar Abbas", 27.18, 56.27, "city", "origin"), P("Strait of Hormuz", 26.57, 56.25, "water", "destination")), ()),
            Step("s3", "2019-07-04", "Tanker seized at Gibraltar", "Marines seized a tanker.", (P("Gibraltar", 36.14, -5.35, "city"),), ()),
            Step("s4", "2019-07-19", "Stena Impero seized", "A British tanker was seized.", (P("Bandar Abbas", 27.18, 56.27, "city"),), ()),
            Step("s5", "2019-09-14", "Abqaiq attack", "Drones hit oil facilities.", (P("Abqaiq", 25.94, 49.68, "landmark"),), ()),
            Step("s6", "2019-09", "Talks", "Talks in New York.", (P("New York", 40.71, -74.0, "city"),), ()),
        ),
        summary="Attacks on shipping in 2019.",
    )


def hostile() -> Story:
    payload = '<img src=x onerror="window.__xss=1"><img src=x onerror=alert(1)>'
    title = "</script><script>alert(1)</script>"
    return Story(
        title,
        (
            Step("x1", "2020-01-03", title, payload, (StepPlace(payload, 33.3, 44.4, "city"),),
                 (Source(payload, 0, 5, payload),)),
            Step("x2", "2020-01-08", payload, title, (StepPlace(title, 36.19, 44.01, "city"),), ()),
        ),
        summary=payload,
    )


# First: write_pngs starts its own Playwright, which cannot run while the shared browser's is open.
def test_export_browser_write_pngs(tmp_path):
    story = Story("Three", six_steps().steps[:3])
    html_path = tmp_path / "three.html"
    html_path.write_text(to_html(story, geometries={}), encoding="utf-8")
    pngs = write_pngs(html_path, tmp_path / "png", len(story.steps), width=640, height=400)
    assert [p.name for p in pngs] == ["step-01.png", "step-02.png", "step-03.png", "map-01.png", "map-02.png", "map-03.png"]
    for p in pngs:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 5000


@pytest.mark.parametrize("n", [1, 4])
def test_export_browser_pdf_handout_has_one_page_per_step(tmp_path, n):
    import re

    from storymap.render import write_exports

    hostile_title = "<b>Tankers</b> & \"drones\""
    base = six_steps()
    story = Story(hostile_title, base.steps[:n], summary=base.summary)
    out = write_exports(story, pdf=tmp_path / "handout.pdf", geometries={})
    data = out[0].read_bytes()
    assert data[:5] == b"%PDF-"
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", data)) == n
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]  # no temporary page left


def test_export_browser_handout_html_escapes_and_cites_outlets():
    from storymap.render.pictures import handout_html

    story = Story("T", (Step("s", "2020-01-03", "<img src=x onerror=alert(1)>", "<script>x</script>",
                             (StepPlace("<u>", 1.0, 2.0, "city"),), (Source("/home/reporter/leads/a.txt", 0, 1, "q"),)),),
                  metadata={"articles": [{"file": "/home/reporter/leads/a.txt", "outlet": "The Gazette", "title": "Flood"}]})
    page = handout_html(story, [b"\x89PNG\r\n\x1a\n"])
    assert "<img src=x" not in page and "<script>x" not in page and "<u>" not in page
    assert "&lt;img src=x" in page and "&lt;u&gt;" in page
    assert "The Gazette: “Flood”" in page and "/home/reporter" not in page


class Session:
    """A page with the network blocked and everything suspicious recorded."""

    def __init__(self, browser, tmp_path: Path, story: Story, **html_kwargs):
        self.external: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.path = tmp_path / "story.html"
        self.path.write_text(to_html(story, geometries={}, **html_kwargs), encoding="utf-8")
        self.context = browser.new_context(viewport={"width": 1200, "height": 800})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def _route(self, route):
        url = route.request.url
        if url.startswith(LOCAL):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def open(self, hash_: str = ""):
        self.page.goto(self.path.as_uri() + hash_)
        self.page.wait_for_selector("html[data-settled=true]", state="attached", timeout=10_000)
        return self.page

    def close(self):
        self.context.close()


@pytest.fixture
def session(browser, tmp_path):
    made = []

    def make(story: Story, **kwargs) -> Session:
        s = Session(browser, tmp_path, story, **kwargs)
        made.append(s)
        return s

    yield make
    for s in made:
        s.close()


def test_export_browser_draws_and_navigates(session):
    s = session(six_steps(), tiles=True)
    page = s.open()
    assert page.locator(".leaflet-interactive").count() >= 5
    assert page.locator(".leaflet-overlay-pane path").count() > 150  # the basemap's countries
    assert page.text_content("#step-title") == "Tankers attacked"

    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.hash === '#step-2'")
    assert page.text_content("#step-title") == "Drone shot down"
    assert page.locator("path.sm-move-current").count() == 1  # the animated movement line

    page.get_by_role("button", name="Next step").click()
    page.wait_for_function("location.hash === '#step-3'")
    assert page.text_content("#step-title") == "Tanker seized at Gibraltar"
    assert page.text_content("#progress") == "3 / 6"

    page.get_by_role("button", name="Previous step").click()
    page.wait_for_function("location.hash === '#step-2'")

    page.locator("#all-steps summary").click()  # the list of all steps
    page.get_by_role("link", name="Talks").click()
    page.wait_for_function("location.hash === '#step-6'")
    assert page.text_content("#step-title") == "Talks"
    assert page.evaluate("document.activeElement.id") == "narrative"
    assert s.external == [] and s.errors == [] and s.dialogs == []


@pytest.mark.parametrize("shot, present", [("slide", True), ("map", False)])
def test_export_browser_picture_views_hide_the_controls(session, shot, present):
    s = session(six_steps())
    page = s.open("?shot=" + shot + "#step-2")
    assert page.is_hidden("#panel") and page.is_hidden(".leaflet-control-zoom")
    assert page.evaluate("document.body.classList.contains('present')") == present
    assert page.is_visible("#slide-title") == present
    assert page.is_visible("#map") and s.errors == []


def test_export_browser_hash_and_presentation(session):
    s = session(six_steps(), present=True)
    page = s.open("#step-4")
    assert page.text_content("#step-title") == "Stena Impero seized"
    assert page.evaluate("document.body.classList.contains('present')")
    assert page.text_content("#slide-progress") == "4 / 6"
    assert page.is_visible("#slide-title") and not page.is_visible("#notes")  # notes: presenter view only
    page.keyboard.press("PageDown")
    page.wait_for_function("location.hash === '#step-5'")
    assert page.text_content("#slide-title") == "Abqaiq attack"
    page.keyboard.press("Escape")
    assert not page.evaluate("document.body.classList.contains('present')")
    assert s.external == [] and s.errors == []


def test_export_browser_hostile_story_runs_nothing(session):
    s = session(hostile())
    page = s.open()
    title = "</script><script>alert(1)</script>"
    assert page.text_content("#step-title") == title
    assert page.text_content("#story-title") == title
    assert "onerror" in page.text_content("#step-text")
    page.hover('path.leaflet-interactive[fill="#b3263d"]')  # the current marker: tooltip with the hostile name
    assert "onerror" in page.text_content(".leaflet-tooltip")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.hash === '#step-2'")
    page.locator("#all-steps summary").click()
    page.wait_for_timeout(200)  # give any injected handler time to fire
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert s.dialogs == []
    assert page.locator("#panel img, #slide img, .leaflet-tooltip img").count() == 0
    assert s.external == [] and s.errors == []


def test_export_browser_overview_is_step_one_with_a_way_back(session):
    from dataclasses import replace

    from storymap.story.shape import add_overview

    base = six_steps()
    story = add_overview(replace(base, steps=(replace(base.steps[0], headline="Four tankers damaged off Fujairah",
                                                      kind="background"), *base.steps[1:])), keep_title=True)
    s = session(story)
    page = s.open()
    assert page.text_content("#step-title") == "Gulf tensions"
    assert page.text_content("#step-date").startswith("Overview")
    assert page.locator(".leaflet-interactive").count() >= 6  # the overview shows every place
    assert page.is_hidden("#to-overview")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.hash === '#step-2'")
    assert page.text_content("#step-title") == "Four tankers damaged off Fujairah"  # the headline, not the title
    assert page.text_content("#step-date").startswith("Background")
    page.get_by_role("button", name="Back to overview").click()
    page.wait_for_function("location.hash === '#step-1'")
    assert page.evaluate("window.storymap.current()") == 0
    page.evaluate("window.storymap.goTo(3)")
    page.wait_for_function("location.hash === '#step-4'")
    assert s.external == [] and s.errors == [] and s.dialogs == []


def test_export_browser_pictures_embedded_shown_remote_only_linked(session):
    import base64

    from storymap.story import Media

    png = "data:image/png;base64," + base64.b64encode(base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")).decode()
    base = six_steps()
    steps = (base.steps[0].__class__(**{**base.steps[0].__dict__, "media": (Media(png, "Tankers <b>burning</b>", "AP"),
                                                                          Media("https://pics.example/t.jpg", "Port"))}),
             *base.steps[1:])
    s = session(Story(base.title, steps))
    page = s.open()
    assert page.locator("#step-media img").count() == 1
    assert page.locator("#step-media img").get_attribute("src").startswith("data:image/png")
    assert "Tankers <b>burning</b> (AP)" in page.text_content("#step-media")
    assert page.locator("#step-media a.media-link").get_attribute("href") == "https://pics.example/t.jpg"
    assert s.external == []  # the picture on the web is a link, not loaded
    page.keyboard.press("ArrowRight")
    page.wait_for_function("location.hash === '#step-2'")
    assert page.is_hidden("#step-media")
