"""Checks with front-end libraries from npm (installed by ``scripts/install.sh --test`` into
``.venv/npm``; never part of the app or an export), in Debian's Chromium:

* the TimelineJS export loads in Knight Lab's real TimelineJS (``@knight-lab/timelinejs``, its
  ``dist`` served from a stand-in server on 127.0.0.1, every other request blocked) with no
  error and one slide per step;
* axe-core finds no serious or critical accessibility violation on the exported page (plain and
  presenting) and on the app's main page.

Run alone with ``pytest -m browser``.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import sys
import threading
from pathlib import Path

import pytest

from storymap.render import to_html, to_timelinejs
from storymap.story import Source, Step, StepPlace, Story
from storymap.story.shape import add_overview

NPM = Path(sys.prefix) / "npm" / "node_modules"
AXE = NPM / "axe-core" / "axe.min.js"
TIMELINE = NPM / "@knight-lab" / "timelinejs" / "dist"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium not installed (apt-get install chromium)"),
]
needs_axe = pytest.mark.skipif(not AXE.is_file(), reason="axe-core not installed (bash scripts/install.sh --test)")
needs_timeline = pytest.mark.skipif(not (TIMELINE / "js" / "timeline.js").is_file(),
                                    reason="TimelineJS not installed (bash scripts/install.sh --test)")


def story() -> Story:
    P = StepPlace
    steps = (
        Step("a", "2021-03-01", "Storm reaches the coast", "The storm reached the coast at night.",
             (P("Valparaíso", -33.05, -71.62, "city"),), (Source("a.txt", 0, 10, "The storm reached the coast."),)),
        Step("b", "2021-03-02", "Aid flown from Lisbon to Santiago", "Aid was flown in.",
             (P("Lisbon", 38.72, -9.14, "city", "origin"), P("Santiago", -33.45, -70.67, "city", "destination")), ()),
        Step("c", "2019-06", "Old dispute over the port", "Earlier.", (P("Valparaíso", -33.05, -71.62, "city"),), (),
             kind="background"),
        Step("d", "2021-03-05", "<b>Port</b> reopens & ships sail", "The port reopened.",
             (P("Valparaíso", -33.05, -71.62, "city"),), ()),
    )
    return add_overview(Story("Storm relief", steps, summary="A storm and the relief effort."), keep_title=True)


@pytest.fixture
def served(tmp_path):
    """A stand-in web server on 127.0.0.1 for ``tmp_path``."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a, **k: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


TIMELINE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="stylesheet" href="tl/css/timeline.css"></head><body>
<div id="tl" style="width: 1000px; height: 600px"></div>
<script src="tl/js/timeline.js"></script>
<script>
  window.tlErrors = [];
  fetch("data.json").then(r => r.json()).then(data => {
    window.timeline = new TL.Timeline("tl", data, {script_path: location.origin + "/tl/js/", language: "en"});
    window.timeline.on("dataloaded", () => { window.tlLoaded = true; });
  }).catch(e => window.tlErrors.push(String(e)));
</script></body></html>"""


@needs_timeline
def test_frontend_timelinejs_export_loads_in_the_real_timelinejs(browser, served):
    folder, base = served
    shutil.copytree(TIMELINE, folder / "tl")
    data = to_timelinejs(story())
    (folder / "data.json").write_text(json.dumps(data), encoding="utf-8")
    (folder / "index.html").write_text(TIMELINE_PAGE, encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1100, "height": 700})
    outside, errors = [], []
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith((base, "data:", "about:"))
              else (outside.append(r.request.url), r.abort()))
    page = ctx.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(base + "/index.html")
        page.wait_for_function("window.tlLoaded === true || window.tlErrors.length > 0", timeout=20_000)
        assert page.evaluate("window.tlErrors") == []
        page.wait_for_selector(".tl-slide", state="attached", timeout=10_000)
        titles = page.locator(".tl-slide .tl-headline").all_text_contents()
        n_events = len(data["events"])
        assert n_events == len([s for s in story().steps if s.date and not s.is_overview])
        assert page.locator(".tl-slide").count() == n_events + 1  # the title slide, then one per step
        assert "<b>Port</b> reopens & ships sail" in titles  # escaped HTML comes out as the text
        assert page.locator(".tl-timemarker").count() == n_events  # every step on the time axis
        # TimelineJS's own stylesheet asks Google Fonts for its typefaces: blocked here, and the only
        # requests and console errors allowed (the export itself asks for nothing).
        fonts = [u for u in outside if u.startswith(("https://fonts.googleapis.com/", "https://fonts.gstatic.com/"))]
        assert outside == fonts, outside
        assert [e for e in errors if e != "Failed to load resource: net::ERR_FAILED"] == [], errors
        assert len(errors) <= len(fonts)
    finally:
        ctx.close()


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [(n["target"], n["failureSummary"][-160:]) for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@needs_axe
@pytest.mark.parametrize("query, present", [("", False), ("", True), ("?embed=1", False)])
def test_frontend_axe_finds_no_serious_violation_on_the_exported_page(browser, tmp_path, query, present):
    path = tmp_path / "story.html"
    path.write_text(to_html(story(), present=present, geometries={}), encoding="utf-8")
    ctx = browser.new_context(viewport={"width": 1280, "height": 720}, reduced_motion="reduce")
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:")) else r.abort())
    page = ctx.new_page()
    try:
        page.goto(path.as_uri() + query + "#step-2")
        page.wait_for_selector("html[data-settled=true]", state="attached", timeout=15_000)
        assert _axe(page) == []
    finally:
        ctx.close()


@needs_axe
def test_frontend_axe_finds_no_serious_violation_on_the_app_main_page(browser, tmp_path):
    from storymap.app.launch import running_app
    from storymap.story import save_story

    (tmp_path / "stories").mkdir()
    story_file = save_story(story(), tmp_path / "stories" / "storm.json")
    with running_app([str(story_file)], autosave_dir=tmp_path / "autosave", timeout=180) as url:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(url + "?step=2")
            page.locator(".st-key-narrative h3").wait_for(timeout=120_000)
            page.wait_for_timeout(1500)
            assert _axe(page) == []
        finally:
            page.close()
