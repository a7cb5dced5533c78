"""The embed snippet in a host page, in Debian's Chromium with the network blocked: the frame shows
the step's headline and the way to the next step inside itself, at a column's and a phone's size.

Run alone with ``pytest -m browser``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storymap.render import CHROMIUM_ARGS, embed_snippet, to_html
from storymap.story import Source, Step, StepPlace, Story

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium not installed (apt-get install chromium)"),
]


def story() -> Story:
    long_text = "Rain fell for three days and the river rose above the old town's walls. " * 6
    return Story("Flood", (
        Step("a", "2021-05-03", "River floods the old town of Dover", long_text,
             (StepPlace("Dover", 51.13, 1.31, "city"),), (Source("a.txt", 0, 9, "Rain fell."),)),
        Step("b", "2021-05-04", "Bridge to Calais closed", "The bridge closed.", (StepPlace("Calais", 50.95, 1.86, "city"),), ()),
    ))


@pytest.mark.parametrize("viewport, size", [((1000, 700), (720, 450)), ((390, 844), (720, 450)), ((1000, 900), None)])
def test_embed_frame_shows_headline_and_next_inside_the_frame(tmp_path, viewport, size):
    from playwright.sync_api import sync_playwright

    name = "flood: day 1 #2.html"  # a colon, a space and a '#' in the name: the src must be encoded
    (tmp_path / name).write_text(to_html(story(), geometries={}), encoding="utf-8")
    width, height = size or ("100%", 600)
    host = tmp_path / "host.html"
    host.write_text("<!DOCTYPE html><html><body style='margin:0'><p>Article text.</p>"
                    + embed_snippet(Path(name), width=width, height=height) + "</body></html>", encoding="utf-8")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        ctx = b.new_context(viewport={"width": viewport[0], "height": viewport[1]})
        outside = []
        ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "about:"))
                  else (outside.append(r.request.url), r.abort()))
        page = ctx.new_page()
        errors = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(host.as_uri())
        frame_el = page.locator("iframe")
        frame_el.scroll_into_view_if_needed()
        frame = page.frame_locator("iframe")
        frame.locator("html[data-settled=true]").wait_for(state="attached", timeout=15_000)
        box = frame_el.bounding_box()
        if size:
            assert box["width"] <= size[0] + 1 and box["height"] <= size[1] + 1
        for sel in ("#step-title", "#next"):
            b_ = frame.locator(sel).bounding_box()
            assert b_ is not None and frame.locator(sel).is_visible()
            assert box["y"] - 1 <= b_["y"] and b_["y"] + b_["height"] <= box["y"] + box["height"] + 1, (sel, b_, box)
            assert box["x"] - 1 <= b_["x"] and b_["x"] + b_["width"] <= box["x"] + box["width"] + 1, (sel, b_, box)
        assert frame.locator("#step-title").text_content() == "River floods the old town of Dover"
        frame.locator("#next").click()
        assert frame.locator("#step-title").text_content() == "Bridge to Calais closed"
        assert frame.locator(".masthead").is_hidden()
        assert outside == [] and errors == []
        b.close()
