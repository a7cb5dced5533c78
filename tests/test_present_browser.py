"""Presenting and reading the exported page at a projector's, a laptop's and a phone's size, in
Debian's Chromium with the network blocked: every current place is on screen and clear of the
slide card and the controls, every placed step names its places, the overview comes first, Space
advances, and the presenter view has the notes the audience screen does not.

Run alone with ``pytest -m browser``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storymap.render import to_html
from storymap.story import Source, Step, StepPlace, Story
from storymap.story.shape import add_overview

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium not installed (apt-get install chromium)"),
]

SIZES = [(1280, 720), (1024, 768), (390, 844)]
LOCAL = ("file:", "data:", "blob:", "about:")

# Where the current step's framed markers sit against what floats over the map.
PLACEMENT_JS = """() => {
  const map = document.getElementById('map').getBoundingClientRect();
  const view = {left: 0, top: 0, right: innerWidth, bottom: innerHeight};
  const covers = ['.slide-card', '#slide-progress', '#panel'].map(q => document.querySelector(q))
    .filter(e => e && getComputedStyle(e).display !== 'none' && ['fixed', 'absolute'].includes(getComputedStyle(e).position))
    .map(e => { const r = e.getBoundingClientRect(); return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; });
  const marks = [...document.querySelectorAll('path.sm-marker.sm-current:not(.sm-marker-mentioned)')].map(p => {
    const r = p.getBoundingClientRect(); return {x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2}; });
  const inside = (pt, r, pad) => pt.x >= r.left - pad && pt.x <= r.right + pad && pt.y >= r.top - pad && pt.y <= r.bottom + pad;
  return {
    marks: marks.length,
    off: marks.filter(pt => !inside(pt, map, -4) || !inside(pt, view, -4)).length,
    covered: marks.filter(pt => covers.some(r => inside(pt, r, 4))).length,
    labels: [...document.querySelectorAll('.sm-place-label.sm-current')].map(e => e.textContent),
  };
}"""


def _p(name, lat, lon, kind="city", role="site"):
    return StepPlace(name, lat, lon, kind, role)


def spread_story() -> Story:
    """Places far apart and close together, a movement, a long headline and a step with no place."""
    steps = (
        Step("a", "2021-03-01", "Storm reaches the coast", "The storm reached the coast.", (_p("Valparaíso", -33.05, -71.62),),
             (Source("a.txt", 0, 10, "The storm reached the coast."),)),
        Step("b", "2021-03-02", "Aid flown from Lisbon to Santiago", "Aid was flown in.",
             (_p("Lisbon", 38.72, -9.14, role="origin"), _p("Santiago", -33.45, -70.67, role="destination")), ()),
        Step("c", "2021-03-03", "Ministers of twelve countries meet in a long session to agree on what the relief "
             "fund will pay for", "They met.", (_p("Tokyo", 35.68, 139.69), _p("Oslo", 59.91, 10.75),
                                                 _p("Nairobi", -1.29, 36.82)), ()),
        Step("d", "2021-03-04", "Talks continue", "No place is named.", (), ()),
        Step("e", "2021-03-05", "Port reopens", "The port reopened.", (_p("Reykjavík", 64.15, -21.94),), ()),
    )
    return add_overview(Story("Storm relief", steps, summary="A storm and the relief effort."), keep_title=True)


@pytest.fixture(scope="module")
def seed_page_file(tmp_path_factory, real_gaz):
    from storymap.render.geometry import step_geometries
    from storymap.story import seed_story

    story = seed_story()
    out = tmp_path_factory.mktemp("seed") / "seed.html"
    out.write_text(to_html(story, geometries=step_geometries(story, real_gaz)), encoding="utf-8")
    return out, story


def _open(browser, path: Path, size, hash_="", query=""):
    ctx = browser.new_context(viewport={"width": size[0], "height": size[1]}, reduced_motion="reduce")
    outside, errors = [], []
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(LOCAL) else (outside.append(r.request.url), r.abort()))
    page = ctx.new_page()
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri() + query + hash_)
    page.wait_for_selector("html[data-settled=true]", state="attached", timeout=15_000)
    return ctx, page, outside, errors


def _walk(page, story: Story, present: bool):
    """Every step's placement figures, after the page says the step has settled."""
    if present:
        page.keyboard.press("f")
    found = []
    for i, step in enumerate(story.steps):
        page.evaluate(f"window.storymap.goTo({i})")
        page.wait_for_function(f"window.storymap.current() === {i}")
        page.wait_for_selector("html[data-settled=true]", state="attached", timeout=10_000)
        page.wait_for_timeout(80)  # labels are placed on the map's moveend
        found.append((i, step, page.evaluate(PLACEMENT_JS)))
    return found


def _check(found):
    for i, step, fig in found:
        framed = [p for p in step.places if p.lat is not None and (p.role != "mentioned" or step.is_overview)]
        assert fig["off"] == 0, (i, step.display_headline, fig)
        assert fig["covered"] == 0, (i, step.display_headline, fig)
        if framed and not step.is_overview:
            assert fig["marks"] >= 1, (i, fig)
            named = " ".join(fig["labels"])
            assert all(p.name in named for p in framed), (i, [p.name for p in framed], fig["labels"])


@pytest.mark.parametrize("present", [True, False], ids=["present", "page"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_present_seed_places_are_on_screen_clear_of_card_and_controls_and_named(browser, seed_page_file, size, present):
    path, story = seed_page_file
    ctx, page, outside, errors = _open(browser, path, size)
    try:
        _check(_walk(page, story, present))
        assert outside == [] and errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_present_hand_made_story_places_are_on_screen_and_named(browser, tmp_path, size):
    story = spread_story()
    path = tmp_path / "storm.html"
    path.write_text(to_html(story, geometries={}), encoding="utf-8")
    ctx, page, outside, errors = _open(browser, path, size)
    try:
        _check(_walk(page, story, True))
        # The long headline fits: the card stays within 40% of the screen and inside its width.
        page.evaluate("window.storymap.goTo(3)")
        page.wait_for_selector("html[data-settled=true]", state="attached")
        box = page.locator(".slide-card").bounding_box()
        assert box["height"] <= 0.4 * size[1] + 2 and box["x"] + box["width"] <= size[0]
        assert outside == [] and errors == []
    finally:
        ctx.close()


def _slides(browser, tmp_path, hash_=""):
    """The hand-made story exported as slides, opened at a projector's size."""
    path = tmp_path / "storm.html"
    path.write_text(to_html(spread_story(), geometries={}, present=True), encoding="utf-8")
    return _open(browser, path, (1280, 720), hash_)


def test_present_overview_first_and_space_advances(browser, tmp_path):
    ctx, page, _, errors = _slides(browser, tmp_path)
    try:
        assert page.evaluate("window.storymap.current()") == 0
        assert page.text_content("#slide-date").startswith("Overview")
        assert page.text_content("#slide-title") == "Storm relief"
        page.keyboard.press("Space")
        page.wait_for_function("window.storymap.current() === 1")
        assert page.text_content("#slide-title") == "Storm reaches the coast"
        page.keyboard.press("Space")
        page.wait_for_function("window.storymap.current() === 2")
        page.keyboard.press("Shift+Space")
        page.wait_for_function("window.storymap.current() === 1")
        assert errors == []
    finally:
        ctx.close()


def test_present_presenter_view_has_notes_and_next_step_the_audience_does_not(browser, tmp_path):
    ctx, page, outside, errors = _slides(browser, tmp_path, "#step-2")
    try:
        assert not page.is_visible("#notes") and not page.is_visible("#notes-body")
        with ctx.expect_page() as info:  # the presenter view opens as a second window
            page.keyboard.press("n")
        presenter = info.value
        presenter.wait_for_selector("html[data-settled=true]", state="attached", timeout=15_000)
        assert presenter.is_visible("#notes")
        assert "The storm reached the coast." in presenter.text_content("#notes-body")
        assert "Aid flown from Lisbon to Santiago" in presenter.text_content("#notes-next")
        assert not page.is_visible("#notes")  # the audience screen: slides only
        presenter.click("#notes-next-step")  # the presenter moves the audience along
        page.wait_for_function("window.storymap.current() === 2", timeout=5000)
        assert page.text_content("#slide-title") == "Aid flown from Lisbon to Santiago"
        page.keyboard.press("ArrowRight")  # and follows it
        presenter.wait_for_function("window.storymap.current() === 3", timeout=5000)
        assert "Ministers of twelve countries" in presenter.text_content("#notes-body")
        assert outside == [] and errors == []
    finally:
        ctx.close()


@pytest.mark.parametrize("size", [(1280, 720), (390, 844)], ids=["desktop", "phone"])
def test_present_scroll_layout_map_follows_the_text(browser, tmp_path, size):
    story = spread_story()
    path = tmp_path / "scroll.html"
    path.write_text(to_html(story, geometries={}, layout="scroll"), encoding="utf-8")
    ctx, page, outside, errors = _open(browser, path, size)
    try:
        assert page.evaluate("document.body.classList.contains('scroll')")
        assert page.locator(".scroll-card").count() == len(story.steps) and page.is_hidden("#panel")
        for i in (2, 5, 1):  # scroll the text to a step's card: the map goes there
            page.locator(".scroll-card").nth(i).scroll_into_view_if_needed()
            page.evaluate(f"document.querySelectorAll('.scroll-card')[{i}].scrollIntoView({{block: 'center'}})")
            page.wait_for_function(f"window.storymap.current() === {i}", timeout=5000)
            page.wait_for_selector("html[data-settled=true]", state="attached")
            assert page.locator(".scroll-card.is-current").get_attribute("data-step") == str(i)
            fig = page.evaluate(PLACEMENT_JS)
            step = story.steps[i]
            if any(p.lat is not None for p in step.places):
                assert fig["off"] == 0 and fig["marks"] >= 1
                assert all(p.name in " ".join(fig["labels"]) for p in step.places if p.lat is not None)
        page.keyboard.press("ArrowRight")  # keys scroll the text along
        page.wait_for_function("window.storymap.current() === 2", timeout=5000)
        assert outside == [] and errors == []
    finally:
        ctx.close()


def test_present_opening_on_a_step_with_no_place_shows_the_whole_story(browser, tmp_path):
    iberia = Story("Iberian floods", (
        Step("a", "2021-03-01", "Rain in Lisbon", "", (_p("Lisbon", 38.72, -9.14),), ()),
        Step("b", "2021-03-02", "Talks continue", "No place is named.", (), ()),
        Step("c", "2021-03-03", "Rain in Madrid", "", (_p("Madrid", 40.42, -3.70),), ()),
    ))
    path = tmp_path / "iberia.html"
    path.write_text(to_html(iberia, geometries={}), encoding="utf-8")
    ctx, page, _, errors = _open(browser, path, (1280, 720), "#step-2")
    try:
        assert page.evaluate("window.storymap.current()") == 1
        view = page.evaluate("""() => { const m = window.storymap.map, b = m.getBounds();
            return {zoom: m.getZoom(), inside: [[38.72, -9.14], [40.42, -3.70]].every(p => b.contains(p))}; }""")
        assert view["inside"] and view["zoom"] >= 4, view  # the story's places, not the world
        assert errors == []
    finally:
        ctx.close()
