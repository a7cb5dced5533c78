"""The story as one self-contained HTML page that opens from disk with no network, and an
``<iframe>`` snippet to put that page on another site.

Leaflet (from xstatic-leaflet), the country basemap, the story and its areas are inlined into
``templates/story.html``; ``static/story.js`` draws them and inserts story text with ``textContent``
only. docs/export.md describes the page's keys and its accessibility.
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

from storymap import __version__
from storymap.render.basemap import basemap_json, load_labels
from storymap.render.labels import date_label, story_lang
from storymap.story import Story, story_to_dict
from storymap.story.citations import citations, public_story

__all__ = ["TEMPLATE", "STATIC", "OSM_TILES", "to_html", "embed_snippet", "embed_src"]

_HERE = Path(__file__).resolve().parent
TEMPLATE = _HERE / "templates" / "story.html"
STATIC = _HERE / "static"

#: Offered as an optional layer with ``tiles=True``; never loaded unless the reader turns it on.
OSM_TILES = {
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
}


def _script_json(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: ``<``, ``>``, ``&`` and the JS line
    separators are written as ``\\uXXXX`` escapes, so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _inline_script(code: str) -> str:
    # Neither vendored nor own code has "</script", but make sure it can never end the element early.
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.I)


@lru_cache(maxsize=1)
def _leaflet_assets() -> tuple[str, str]:
    """Leaflet's CSS (images inlined as data: URIs) and JS, from xstatic-leaflet."""
    import xstatic.pkg.leaflet as xleaflet

    base = Path(xleaflet.BASE_DIR)
    css = (base / "leaflet.css").read_text(encoding="utf-8")

    def data_uri(m: re.Match) -> str:
        img = base / m.group(1)
        if not img.is_file():
            return m.group(0)
        return "url(data:image/png;base64," + base64.b64encode(img.read_bytes()).decode("ascii") + ")"

    css = re.sub(r"url\((images/[\w.-]+\.png)\)", data_uri, css)
    js = (base / "leaflet.js").read_text(encoding="utf-8")
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.M)
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)  # comments (one cites a bug tracker URL)
    return css, js


@lru_cache(maxsize=1)
def _own_assets() -> tuple[str, str, str]:
    return (
        TEMPLATE.read_text(encoding="utf-8"),
        (STATIC / "story.css").read_text(encoding="utf-8"),
        (STATIC / "story.js").read_text(encoding="utf-8"),
    )


@lru_cache(maxsize=1)
def label_assets() -> tuple[str, str]:
    """The map labels' CSS and script (``static/labels.css``, ``static/labels.js``), which the
    exported page inlines and the app's map loads too."""
    return (STATIC / "labels.css").read_text(encoding="utf-8"), (STATIC / "labels.js").read_text(encoding="utf-8")


def to_html(
    story: Story,
    *,
    present: bool = False,
    tiles: bool = False,
    geometries: Mapping[str, dict] | None = None,
    layout: str = "steps",
) -> str:
    """The story as one self-contained HTML page that works from disk with no network.

    Leaflet, the country basemap and its labels (``geodata/labels.json``), the story (as JSON, see :func:`storymap.story.story_to_dict`) and
    the areas of the steps' places are inlined. ``present=True`` opens the page in presentation
    mode (slides). ``tiles=True`` offers an OpenStreetMap tile layer that the reader can turn on;
    it is off by default and is the only URL the page could load. ``layout="scroll"`` is the
    scroll ("sidecar") layout: the reader scrolls the steps' text and the map follows, the form
    newsrooms embed; ``"steps"`` (default) moves step by step with the controls. ``geometries`` maps
    ``place_id`` to a GeoJSON geometry to draw as an area (see
    :func:`storymap.render.geometry.step_geometries`); ``None`` or ``{}`` draws points only.

    Story text is never parsed as HTML: the page inserts it with ``textContent``. Sources are
    cited by outlet, title and date (:mod:`storymap.story.citations`); the page holds no file path.
    """
    if layout not in ("steps", "scroll"):
        raise ValueError(f"to_html: expected layout 'steps' or 'scroll', got {layout!r}")
    leaflet_css, leaflet_js = _leaflet_assets()
    template, app_css, app_js = _own_assets()
    labels_css, labels_js = label_assets()
    story = public_story(story)  # sources named by article; no path of the author's disk
    view = {
        "dates": [date_label(s.date, s.date_end) for s in story.steps],
        "present": bool(present),
        "layout": layout,
        "tiles": OSM_TILES if tiles else None,
        "citations": {name: {"label": c.label, "url": c.url} for name, c in citations(story).items()},
    }
    values = {
        "LANG": story_lang(story),
        "GENERATOR": f"storymap {__version__}",
        "TITLE": html.escape(story.title or "Story map", quote=True),
        "BODY_CLASS": "present" if present else "",
        "LEAFLET_CSS": leaflet_css.replace("</style", "<\\/style"),
        "APP_CSS": app_css,
        "LABELS_CSS": labels_css,
        "STORY_JSON": _script_json(story_to_dict(story)),
        "VIEW_JSON": _script_json(view),
        "GEOMETRY_JSON": _script_json(dict(geometries or {})),
        # The committed basemap is compact JSON of names and numbers; escape it like the rest anyway.
        "BASEMAP_JSON": _script_json(json.loads(basemap_json())) if "<" in basemap_json() else basemap_json(),
        "LABELS_JSON": _script_json([list(r) for r in load_labels()]),
        "LEAFLET_JS": _inline_script(leaflet_js),
        "LABELS_JS": _inline_script(labels_js),
        "APP_JS": _inline_script(app_js),
    }
    # One pass, so text inserted for one placeholder is never scanned for another.
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], template)


def embed_src(html_path_or_url: str | os.PathLike[str]) -> str:
    """The ``src`` of a frame that shows the page, with the page's compact frame layout asked for
    (``?embed=1``).

    A ``str`` that is an http(s) URL is kept as it is (its own query and fragment too); a
    :class:`~os.PathLike`, or a ``str`` that is no URL, is a path, written with ``/`` and
    percent-encoded, so a ``:``, ``#``, ``?`` or space in a file name stays part of the name
    (``Path("day: 1 #2.html")`` -> ``day%3A%201%20%232.html``); an absolute path keeps only its
    file name. A ``str`` with another scheme (``javascript:``, ``data:``, ``file:``) is refused with
    :class:`ValueError`.

    >>> embed_src("maps/gulf #2.html"), embed_src("https://example.org/gulf.html?a=1#step-3")
    ('maps/gulf%20%232.html?embed=1', 'https://example.org/gulf.html?a=1&embed=1#step-3')
    """
    raw = os.fspath(html_path_or_url)
    if not isinstance(html_path_or_url, os.PathLike):  # a str: a URL, or a relative path
        if re.match(r"\s*https?://", raw, re.I):
            url, _, frag = raw.strip().partition("#")
            url += ("&" if "?" in url else "?") + "embed=1"
            return url + ("#" + frag if frag else "")
        if re.match(r"\s*[A-Za-z][A-Za-z0-9+.-]+:", raw):  # javascript:, data:, file: ... (C: is a drive)
            raise ValueError(f"embed_snippet: expected a path or an http(s) URL, got {raw!r} "
                             "(pass a Path for a file whose name has a colon)")
    path = raw.replace("\\", "/")
    if re.match(r"[A-Za-z]:/", path) or path.startswith("/"):
        path = path.rsplit("/", 1)[-1]  # never publish where the file lies on this disk
    if not path.strip():
        raise ValueError(f"embed_snippet: expected a file name or an http(s) URL, got {raw!r}")
    return quote(path, safe="/") + "?embed=1"


def embed_snippet(
    html_path_or_url: str | os.PathLike[str],
    *,
    width: str | int = "100%",
    height: int = 600,
    title: str = "Story map",
) -> str:
    """An ``<iframe>`` snippet that shows the exported page inside another page.

    The frame sits in a responsive wrapper that keeps the aspect ratio (``width`` × ``height`` when
    ``width`` is a number of pixels, 16:10 otherwise) but never grows taller than ``height`` pixels
    nor shorter than 420 pixels. The frame asks for the page's compact layout (:func:`embed_src`):
    the map above, the step's headline, text and Previous / Next below, all inside the frame.

    >>> print(embed_snippet("gulf.html", width=800, height=500))  # doctest: +ELLIPSIS
    <div class="storymap-embed" style="...aspect-ratio:800 / 500;..."><iframe src="gulf.html?embed=1" title="Story map" ...></iframe></div>
    """
    src = embed_src(html_path_or_url)
    if isinstance(height, bool) or not isinstance(height, int) or height <= 0:
        raise ValueError(f"embed_snippet: expected a positive height in pixels, got {height!r}")
    if isinstance(width, int) and not isinstance(width, bool):
        if width <= 0:
            raise ValueError(f"embed_snippet: expected a positive width, got {width!r}")
        max_width, ratio = f"{width}px", f"{width} / {height}"
    elif isinstance(width, str) and re.fullmatch(r"\d+(\.\d+)?(px|%|em|rem|vw)", width.strip()):
        max_width, ratio = width.strip(), "16 / 10"
    else:
        raise ValueError(f"embed_snippet: expected a width such as 800 or \"100%\", got {width!r}")
    wrapper = (
        f"position:relative;width:100%;max-width:{max_width};aspect-ratio:{ratio};"
        f"max-height:{height}px;min-height:420px;"
    )
    frame = "position:absolute;inset:0;width:100%;height:100%;border:0;"
    return (
        f'<div class="storymap-embed" style="{wrapper}">'
        f'<iframe src="{html.escape(src, quote=True)}" title="{html.escape(title, quote=True)}" '
        f'loading="lazy" allow="fullscreen" allowfullscreen style="{frame}"></iframe></div>'
    )
