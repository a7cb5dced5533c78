"""Many people on one app: ten browser sessions at once, each editing its own copy of the story.

Each session is a separate browser context (its own cookies, its own Streamlit session). Every one
renames step 1; each must see its own title only, and a new visitor the original. The server's
memory before and after is read from /proc and written to the test's output (see
docs/reliability.md for the figures).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from storymap.render import CHROMIUM_ARGS

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "app_story.json"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TITLE = ".st-key-narrative h3"
SESSIONS = 10

if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


def rss_mib(pid: int) -> float:
    """Resident memory of the server and its children, in MiB."""
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1])
    return total / 1024


def test_many_sessions_do_not_see_each_others_edits(tmp_path):
    from storymap.app.launch import running_app

    story = tmp_path / "story.json"
    shutil.copy(FIXTURE, story)
    with running_app([str(story)], autosave_dir=tmp_path / "autosave") as url, \
            sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first = browser.new_context().new_page()
        first.goto(url)
        first.locator(TITLE).wait_for(timeout=60_000)
        original = first.locator(TITLE).first.inner_text()
        before = rss_mib(url.pid)

        pages = []
        for i in range(SESSIONS):
            page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
            page.goto(url)
            pages.append(page)
        for i, page in enumerate(pages):
            page.locator(TITLE).wait_for(timeout=60_000)
            page.get_by_role("tab", name="Edit step", exact=True).click()
            page.get_by_role("textbox", name="Title", exact=True).fill(f"Edited in session {i}")
            page.get_by_role("button", name="Save step changes", exact=True).click()
        for i, page in enumerate(pages):
            page.wait_for_function("([sel, want]) => document.querySelector(sel)?.innerText === want",
                                   arg=[TITLE, f"Edited in session {i}"], timeout=30_000)
        after = rss_mib(url.pid)
        # Every session still sees only its own edit, after all the others made theirs.
        for i, page in enumerate(pages):
            page.reload()
            page.locator(TITLE).wait_for(timeout=60_000)
            assert page.locator(TITLE).first.inner_text() == f"Edited in session {i}"
        # A new visitor sees the story as it is on disk.
        fresh = browser.new_context().new_page()
        fresh.goto(url)
        fresh.locator(TITLE).wait_for(timeout=60_000)
        assert fresh.locator(TITLE).first.inner_text() == original
        browser.close()
    per_session = (after - before) / SESSIONS
    print(f"\nserver memory: {before:.0f} MiB with one session, {after:.0f} MiB with {SESSIONS + 1}; "
          f"{per_session:.1f} MiB per session")
    assert per_session < 100, f"{per_session:.0f} MiB per session"
