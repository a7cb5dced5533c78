"""Pictures of an exported page: one PNG per step, shot with headless Chromium through Playwright.

:data:`CHROMIUM_ARGS` are the flags every headless Chromium of the project runs with (these
snapshots, the browser tests, the benchmarks). Debian's ``chromium`` is used, never a browser
that Playwright downloads.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from storymap.errors import OutputError, StorymapError
from storymap.render.output import write_output

__all__ = ["CHROMIUM_ARGS", "BrowserMissingError", "find_chromium", "write_pngs"]


class BrowserMissingError(StorymapError, FileNotFoundError):
    """Chromium is not installed, so PNG snapshots cannot be taken."""


CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def find_chromium() -> str:
    """Path of the Chromium binary, or :class:`BrowserMissingError` saying how to install it."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise BrowserMissingError("PNG export needs Chromium: install it with `apt-get install chromium`")
    return path


def write_pngs(
    html_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    n_steps: int,
    *,
    width: int = 1280,
    height: int = 800,
    timeout_s: float = 15.0,
) -> list[Path]:
    """One PNG per step (``step-01.png``, ...) of an exported HTML page, shot with headless Chromium.

    Each step opens as ``file://...#step-N`` with reduced motion (no fly animation) and no network;
    the page marks ``<html data-settled="true">`` once the map has moved, then the window is shot.
    Raises :class:`BrowserMissingError` when Chromium is not installed and :class:`OutputError`
    naming the directory or file that cannot be written.
    """
    chromium = find_chromium()
    page_path = Path(html_path).resolve()
    if not page_path.is_file():
        raise OutputError(f"{html_path}: no such HTML file to take snapshots of")
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out}: cannot create the PNG directory: {e.strerror or e}") from None
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise BrowserMissingError("PNG export needs the playwright package: pip install playwright") from None
    url = page_path.as_uri()
    digits = max(2, len(str(n_steps)))
    written: list[Path] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                context = browser.new_context(viewport={"width": width, "height": height}, reduced_motion="reduce")
                context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:")) else r.abort())
                page = context.new_page()
                for i in range(1, n_steps + 1):
                    page.goto(f"{url}#step-{i}")
                    if i > 1:  # same document: a hash change alone does not reload it
                        page.reload()
                    page.wait_for_selector('html[data-settled="true"]', state="attached", timeout=timeout_s * 1000)
                    page.wait_for_timeout(150)  # let SVG paint after the last move
                    png = page.screenshot(type="png")
                    written.append(write_output(out / f"step-{i:0{digits}d}.png", png))
            finally:
                browser.close()
    except PlaywrightError as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise StorymapError(f"{page_path}: Chromium could not render the page: {first}") from None
    return written
