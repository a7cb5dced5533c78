"""Pictures of an exported page, shot with headless Chromium through Playwright: per-step PNGs of
the slide and of the map (no controls), and a PDF handout with a page per step.

:data:`CHROMIUM_ARGS` are the flags every headless Chromium of the project runs with (these
snapshots, the browser tests, the benchmarks). Debian's ``chromium`` is used, never a browser
that Playwright downloads.
"""

from __future__ import annotations

import base64
import html
import os
import shutil
from pathlib import Path

from storymap.errors import OutputError, StorymapError
from storymap.render.labels import date_label, story_lang
from storymap.render.output import write_output
from storymap.story import Story
from storymap.story.citations import citations, cite, public_story
from storymap.story.media import picture_type

__all__ = ["CHROMIUM_ARGS", "SHOTS", "BrowserMissingError", "find_chromium", "write_pngs", "write_handout",
           "handout_html"]


class BrowserMissingError(StorymapError, FileNotFoundError):
    """Chromium is not installed, so PNG snapshots cannot be taken."""


CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def find_chromium() -> str:
    """Path of the Chromium binary, or :class:`BrowserMissingError` saying how to install it."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise BrowserMissingError("PNG export needs Chromium: install it with `apt-get install chromium`")
    return path


#: What each picture shows: the slide (headline card and map, no controls) and the map alone.
SHOTS = ("slide", "map")


class _Shooter:
    """One headless Chromium with the network cut, opening the page at ``?shot=KIND#step-N``."""

    def __init__(self, page_path: Path, width: int, height: int, timeout_s: float):
        self.url, self.size, self.timeout_ms = page_path.as_uri(), (width, height), timeout_s * 1000

    def __enter__(self):
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self.browser = self._pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            ctx = self.browser.new_context(viewport={"width": self.size[0], "height": self.size[1]}, reduced_motion="reduce")
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:")) else r.abort())
            self.page = ctx.new_page()
        except BaseException:
            self._pw.stop()
            raise
        return self

    def shoot(self, kind: str, step: int, fmt: str = "png") -> bytes:
        self.page.goto(f"{self.url}?shot={kind}#step-{step}")
        self.page.reload()  # a hash change alone does not reload the document
        self.page.wait_for_selector('html[data-settled="true"]', state="attached", timeout=self.timeout_ms)
        self.page.wait_for_timeout(150)  # let SVG paint after the last move
        return self.page.screenshot(type=fmt, **({"quality": 85} if fmt == "jpeg" else {}))

    def __exit__(self, *exc):
        try:
            self.browser.close()
        finally:
            self._pw.stop()


def _open_page(html_path: str | os.PathLike[str]) -> Path:
    find_chromium()
    page_path = Path(html_path).resolve()
    if not page_path.is_file():
        raise OutputError(f"{html_path}: no such HTML file to take pictures of")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        raise BrowserMissingError("pictures need the playwright package: pip install playwright") from None
    return page_path


def _chromium_failed(page_path: Path, e: Exception) -> StorymapError:
    first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    return StorymapError(f"{page_path}: Chromium could not render the page: {first}")


def write_pngs(
    html_path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    n_steps: int,
    *,
    width: int = 1280,
    height: int = 800,
    timeout_s: float = 15.0,
    shots: tuple[str, ...] = SHOTS,
) -> list[Path]:
    """Pictures of every step of an exported HTML page, for slides and handouts, shot with headless
    Chromium: ``step-01.png``... (the slide: the step's date, headline and places over the map)
    and ``map-01.png``... (the map alone), neither with the page's controls.

    Each step opens as ``file://...?shot=KIND#step-N`` with reduced motion and no network; the page
    marks ``<html data-settled="true">`` once the map has moved, then the window is shot. Raises
    :class:`BrowserMissingError` when Chromium is not installed and :class:`OutputError` naming the
    directory or file that cannot be written.
    """
    page_path = _open_page(html_path)  # first: a missing playwright is a one-line BrowserMissingError
    from playwright.sync_api import Error as PlaywrightError

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"{out}: cannot create the PNG directory: {e.strerror or e}") from None
    digits = max(2, len(str(n_steps)))
    names = {"slide": "step", "map": "map"}
    written: list[Path] = []
    try:
        with _Shooter(page_path, width, height, timeout_s) as shooter:
            for kind in shots:
                for i in range(1, n_steps + 1):
                    png = shooter.shoot(kind, i)
                    written.append(write_output(out / f"{names[kind]}-{i:0{digits}d}.png", png))
    except PlaywrightError as e:
        raise _chromium_failed(page_path, e) from None
    return written


def handout_html(story: Story, maps: list[bytes]) -> str:
    """The handout as one printable HTML document: a page per step with its map picture (JPEG or
    PNG bytes, one per step), date, headline, text, places and sources (cited by outlet, never by path).
    Every piece of story text is HTML-escaped."""
    story = public_story(story)
    table = citations(story)
    esc = lambda t: html.escape(t or "", quote=True)  # noqa: E731
    pages = []
    for i, (step, png) in enumerate(zip(story.steps, maps), 1):
        kind = "Overview" if step.is_overview else "Background" if step.is_background else ""
        when = date_label(step.date, step.date_end) or "Undated"
        places = ", ".join(dict.fromkeys(p.name for p in step.places))
        cited = list(dict.fromkeys(cite(s, table).label for s in step.sources))
        pages.append(
            '<section class="page">'
            f'<p class="meta">{esc(story.title)} · {i} / {len(story.steps)}</p>'
            f'<img alt="Map of step {i}" src="data:{picture_type(png) or "image/png"};base64,{base64.b64encode(png).decode("ascii")}">'
            f'<p class="date">{esc(kind + " · " if kind else "")}{esc(when)}</p>'
            f"<h2>{esc(step.display_headline)}</h2>"
            f'<p class="text">{esc(step.text)}</p>'
            + (f'<p class="places"><b>Places:</b> {esc(places)}</p>' if places else "")
            + (f'<p class="sources"><b>Sources:</b> {esc("; ".join(cited))}</p>' if cited else "")
            + "</section>"
        )
    return (
        f'<!DOCTYPE html><html lang="{esc(story_lang(story))}"><head><meta charset="utf-8"><title>{esc(story.title)}</title>'
        "<style>@page { size: A4; margin: 14mm; }"
        "body { margin: 0; font: 11pt/1.4 system-ui, 'DejaVu Sans', Arial, sans-serif; color: #1b1f24; }"
        ".page { break-after: page; page-break-after: always; height: 268mm; overflow: hidden; }"
        ".page:last-child { break-after: auto; page-break-after: auto; }"
        "img { display: block; width: 100%; max-height: 125mm; object-fit: contain; border: 1px solid #ccd; }"
        ".meta { margin: 0 0 3mm; color: #4a5360; font-size: 9pt; }"
        ".date { margin: 4mm 0 0; color: #4a5360; font-weight: 600; }"
        "h2 { margin: 1mm 0 3mm; font-size: 18pt; line-height: 1.2; }"
        ".text { margin: 0 0 3mm; } .places, .sources { margin: 0 0 2mm; font-size: 10pt; color: #333; }"
        "</style></head><body>" + "".join(pages) + "</body></html>"
    )


def write_handout(
    html_path: str | os.PathLike[str],
    out_pdf: str | os.PathLike[str],
    story: Story,
    *,
    timeout_s: float = 15.0,
) -> Path:
    """A PDF handout of the story through Chromium's PDF printing: one A4 page per step with the
    step's map (shot from the exported page ``html_path``), date, headline, text, places and
    sources. Raises like :func:`write_pngs`."""
    page_path = _open_page(html_path)
    from playwright.sync_api import Error as PlaywrightError

    try:
        with _Shooter(page_path, 1200, 760, timeout_s) as shooter:
            maps = [shooter.shoot("map", i, "jpeg") for i in range(1, len(story.steps) + 1)]
            shooter.page.set_content(handout_html(story, maps), wait_until="load")
            pdf = shooter.page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
    except PlaywrightError as e:
        raise _chromium_failed(page_path, e) from None
    return write_output(Path(out_pdf), pdf)
