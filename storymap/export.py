"""Export a story: a self-contained HTML story map, slides, and data for other tools.

Pure functions turn a :class:`~storymap.story.Story` into text or JSON data; writers put them on disk.

* :func:`to_html` — one HTML file that opens from disk with no network: Leaflet, the country
  basemap, the story and the step areas are all inlined. ``present=True`` opens it as slides.
* :func:`embed_snippet` — an ``<iframe>`` snippet to put the HTML on another page.
* :func:`to_storymapjs` — Knight Lab StoryMapJS JSON; :func:`to_timelinejs` — TimelineJS JSON.
* :func:`to_geojson` (RFC 7946), :func:`to_kml` (OGC KML 2.2), :func:`to_csv`.
* :func:`write_exports` writes any of these at once, each file atomically;
  :func:`write_pngs` screenshots every step with headless Chromium.

docs/export.md describes the formats, the page's keys and its accessibility.

>>> from storymap.story import Story, Step, StepPlace
>>> s = Story("Demo", (Step("s1", "2019-05", "Tankers hit", "", (StepPlace("Fujairah", 25.1, 56.3, "city"),), ()),))
>>> to_geojson(s)["features"][0]["geometry"]
{'type': 'Point', 'coordinates': [56.3, 25.1]}
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import math
import os
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from storymap import __version__
from storymap.basemap import basemap_json
from storymap.errors import OutputError, StoryFormatError, StorymapError
from storymap.files import atomic_write
from storymap.story import Step, StepPlace, Story, story_from_dict, story_to_dict

__all__ = [
    "to_html",
    "embed_snippet",
    "to_storymapjs",
    "to_timelinejs",
    "to_geojson",
    "to_kml",
    "to_csv",
    "step_geometries",
    "date_label",
    "write_exports",
    "write_pngs",
    "BrowserMissingError",
]

_HERE = Path(__file__).resolve().parent
TEMPLATE = _HERE / "templates" / "story.html"
STATIC = _HERE / "static"

#: Offered as an optional layer with ``tiles=True``; never loaded unless the reader turns it on.
OSM_TILES = {
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
}

#: Zoom for one point of each place kind (StoryMapJS slides; the HTML page uses the same scale).
KIND_ZOOM = {"area": 3, "country": 4, "region": 6, "water": 6, "city": 8, "district": 11, "landmark": 12, "base": 12}
DEFAULT_ZOOM = 8

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


class BrowserMissingError(StorymapError, FileNotFoundError):
    """Chromium is not installed, so PNG snapshots cannot be taken."""


# --------------------------------------------------------------------------------------------
# Small helpers


def date_label(value: str | None, end: str | None = None) -> str:
    """A date or range as people read it; ``""`` when undated.

    >>> date_label("2019-05-12"), date_label("2019-05"), date_label("2019", "2020")
    ('12 May 2019', 'May 2019', '2019 – 2020')
    """
    if not value:
        return ""

    def one(v: str) -> str:
        parts = v.split("-")
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return parts[0]

    return f"{one(value)} – {one(end)}" if end and end != value else one(value)


def _located(p: StepPlace) -> bool:
    return p.lat is not None and p.lon is not None


def _movements(step: Step) -> list[tuple[StepPlace, StepPlace]]:
    """Each (origin, destination) pair of a step whose two ends are placed."""
    origins = [p for p in step.places if p.role == "origin" and _located(p)]
    dests = [p for p in step.places if p.role == "destination" and _located(p)]
    return [(o, d) for o in origins for d in dests]


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


# --------------------------------------------------------------------------------------------
# Geometries of steps' areas


def _round_coords(value: Any, nd: int) -> Any:
    if isinstance(value, (int, float)):
        return round(float(value), nd)
    return [_round_coords(v, nd) for v in value]


def step_geometries(story: Story, gazetteer: Any = None, *, tolerance: float = 0.01) -> dict[str, dict]:
    """GeoJSON geometries (simplified, coordinates rounded to 3 decimals) of the story's places
    that have one in the gazetteer (countries, seas, districts), keyed by ``place_id``.

    ``gazetteer`` is anything with ``geometry_wkb(place_id)`` (see
    :class:`storymap.gazetteer.GazetteerLike`); by default the shared gazetteer is opened without
    building it. When no gazetteer is available the result is ``{}``: the map then draws points only.
    """
    ids = sorted({p.place_id for s in story.steps for p in s.places if p.place_id})
    if not ids:
        return {}
    try:
        from shapely import wkb
        from shapely.geometry import mapping

        if gazetteer is None:
            from storymap.gazetteer import default_gazetteer_path, open_gazetteer

            if not default_gazetteer_path().is_file():
                return {}
            gazetteer = open_gazetteer(build_if_missing=False)
        out: dict[str, dict] = {}
        for pid in ids:
            blob = gazetteer.geometry_wkb(pid)
            if not blob:
                continue
            geom = wkb.loads(bytes(blob)).simplify(tolerance, preserve_topology=True)
            if geom.is_empty or geom.geom_type not in ("Polygon", "MultiPolygon", "LineString", "MultiLineString"):
                continue
            data = mapping(geom)
            out[pid] = {"type": data["type"], "coordinates": _round_coords(data["coordinates"], 3)}
        return out
    except Exception:  # noqa: BLE001 - areas are an extra; a broken gazetteer must not stop an export
        return {}


# --------------------------------------------------------------------------------------------
# HTML


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


_LANG_RE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def _story_lang(story: Story) -> str:
    lang = story.metadata.get("language") or story.metadata.get("lang") if isinstance(story.metadata, Mapping) else None
    return lang if isinstance(lang, str) and _LANG_RE.fullmatch(lang) else "en"


def to_html(
    story: Story,
    *,
    present: bool = False,
    tiles: bool = False,
    geometries: Mapping[str, dict] | None = None,
) -> str:
    """The story as one self-contained HTML page that works from disk with no network.

    Leaflet, the country basemap, the story (as JSON, see :func:`storymap.story.story_to_dict`) and
    the areas of the steps' places are inlined. ``present=True`` opens the page in presentation
    mode (slides). ``tiles=True`` offers an OpenStreetMap tile layer that the reader can turn on;
    it is off by default and is the only URL the page could load. ``geometries`` maps
    ``place_id`` to a GeoJSON geometry to draw as an area; ``None`` looks them up in the gazetteer
    when one is available (see :func:`step_geometries`); pass ``{}`` for points only.

    Story text is never parsed as HTML: the page inserts it with ``textContent``.
    """
    if geometries is None:
        geometries = step_geometries(story)
    leaflet_css, leaflet_js = _leaflet_assets()
    template, app_css, app_js = _own_assets()
    view = {
        "dates": [date_label(s.date, s.date_end) for s in story.steps],
        "present": bool(present),
        "tiles": OSM_TILES if tiles else None,
    }
    values = {
        "LANG": _story_lang(story),
        "GENERATOR": f"storymap {__version__}",
        "TITLE": html.escape(story.title or "Story map", quote=True),
        "BODY_CLASS": "present" if present else "",
        "LEAFLET_CSS": leaflet_css.replace("</style", "<\\/style"),
        "APP_CSS": app_css,
        "STORY_JSON": _script_json(story_to_dict(story)),
        "VIEW_JSON": _script_json(view),
        "GEOMETRY_JSON": _script_json(dict(geometries)),
        # The committed basemap is compact JSON of names and numbers; escape it like the rest anyway.
        "BASEMAP_JSON": _script_json(json.loads(basemap_json())) if "<" in basemap_json() else basemap_json(),
        "LEAFLET_JS": _inline_script(leaflet_js),
        "APP_JS": _inline_script(app_js),
    }
    # One pass, so text inserted for one placeholder is never scanned for another.
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: values[m.group(1)], template)


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
    nor shorter than 420 pixels, so the map and the narrative both fit on a phone.

    >>> print(embed_snippet("gulf.html", width=800, height=500))  # doctest: +ELLIPSIS
    <div class="storymap-embed" style="...aspect-ratio:800 / 500;..."><iframe src="gulf.html" title="Story map" ...></iframe></div>
    """
    src = os.fspath(html_path_or_url)
    if isinstance(html_path_or_url, os.PathLike):
        src = Path(src).as_posix()
    scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", src)
    if scheme and scheme.group(1).lower() not in ("http", "https", "file") and not re.match(r"[A-Za-z]:[\\/]", src):
        raise ValueError(f"embed_snippet: expected a path or an http(s) URL, got {src!r}")
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


# --------------------------------------------------------------------------------------------
# StoryMapJS and TimelineJS


def _zoom_for(places: list[StepPlace]) -> int:
    """A zoom level that shows all of ``places``: by kind for one place, by extent for several."""
    zoom = min((KIND_ZOOM.get(p.kind or "", DEFAULT_ZOOM) for p in places), default=DEFAULT_ZOOM)
    if len(places) > 1:
        span = max(max(p.lat for p in places) - min(p.lat for p in places),
                   max(p.lon for p in places) - min(p.lon for p in places))
        if span > 0:
            zoom = min(zoom, max(2, int(math.log2(360 / span)) - 1))
    return zoom


def _focus_places(step: Step) -> list[StepPlace]:
    return [p for p in step.places if _located(p)]


def _step_html(step: Step) -> str:
    """The step's text, places and sources as escaped HTML for StoryMapJS / TimelineJS slides."""
    parts = []
    if step.text:
        parts.append(f"<p>{html.escape(step.text)}</p>")
    if step.places:
        names = ", ".join(
            html.escape(p.name) + ("" if p.role == "site" else f" ({'from' if p.role == 'origin' else 'to'})")
            for p in step.places
        )
        parts.append(f"<p><strong>Places:</strong> {names}</p>")
    quotes = [s for s in step.sources if s.quote]
    for s in quotes:
        parts.append(f"<blockquote>{html.escape(s.quote)}<br><small>{html.escape(s.file)}</small></blockquote>")
    if step.sources:
        n = step.corroboration
        parts.append(f"<p><small>Reported by {n} source{'s' if n != 1 else ''}.</small></p>")
    return "".join(parts)


def to_storymapjs(story: Story) -> dict[str, Any]:
    """The story as Knight Lab StoryMapJS JSON: ``{"storymap": {"slides": [...]}}``.

    The first slide is the overview (``"type": "overview"``: the story's title and summary); then
    one slide per step with ``location`` ``{lat, lon, zoom, line: true}`` (the mean of the step's
    placed points, zoom by kind or extent), ``text`` ``{headline, text}`` as escaped HTML, and the
    display ``date``. A step with no placed point shows the previous slide's location (the next
    one's for leading steps) with ``line: false``; when no step is placed at all, slides have no
    location.
    """
    slides: list[dict[str, Any]] = [{
        "type": "overview",
        "date": "",
        "text": {"headline": html.escape(story.title), "text": f"<p>{html.escape(story.summary)}</p>" if story.summary else ""},
        "media": {"url": "", "caption": "", "credit": ""},
    }]
    own: list[dict[str, Any] | None] = []
    for step in story.steps:
        pts = _focus_places(step)
        if pts:
            own.append({
                "lat": round(sum(p.lat for p in pts) / len(pts), 6),
                "lon": round(sum(p.lon for p in pts) / len(pts), 6),
                "zoom": _zoom_for(pts),
                "line": True,
            })
        else:
            own.append(None)
    for i, step in enumerate(story.steps):
        location = own[i]
        if location is None:
            before = next((own[j] for j in range(i - 1, -1, -1) if own[j]), None)
            after = next((own[j] for j in range(i + 1, len(own)) if own[j]), None)
            borrowed = before or after
            location = {**borrowed, "line": False} if borrowed else None
        slide: dict[str, Any] = {
            "date": date_label(step.date, step.date_end),
            "text": {"headline": html.escape(step.title), "text": _step_html(step)},
            "media": {"url": "", "caption": "", "credit": ""},
        }
        if location is not None:
            slide["location"] = dict(location)
        slides.append(slide)
    return {
        "storymap": {
            "language": _story_lang(story),
            "map_type": "osm:standard",
            "map_as_image": False,
            "slides": slides,
        }
    }


def _tl_date(value: str) -> dict[str, int]:
    parts = [int(x) for x in value.split("-")]
    return dict(zip(("year", "month", "day"), parts))


def to_timelinejs(story: Story) -> dict[str, Any]:
    """The story as TimelineJS JSON: ``{"title": {...}, "events": [...]}``.

    Each dated step is one event with ``start_date`` (``year``, and ``month``/``day`` as far as the
    date goes), ``end_date`` for ranges, ``text`` ``{headline, text}`` as escaped HTML, the step id as
    ``unique_id`` and the readable date as ``display_date``. Undated steps are left out, because
    TimelineJS requires a start date.
    """
    events = []
    for step in story.steps:
        if not step.date:
            continue
        event: dict[str, Any] = {
            "start_date": _tl_date(step.date),
            "text": {"headline": html.escape(step.title), "text": _step_html(step)},
            "unique_id": step.id,
            "display_date": date_label(step.date, step.date_end),
        }
        if step.date_end:
            event["end_date"] = _tl_date(step.date_end)
        if "background" in step.tags:
            event["group"] = "Background"
        events.append(event)
    return {
        "title": {"text": {"headline": html.escape(story.title),
                           "text": f"<p>{html.escape(story.summary)}</p>" if story.summary else ""}},
        "events": events,
    }


# --------------------------------------------------------------------------------------------
# GeoJSON, KML, CSV


def to_geojson(story: Story) -> dict[str, Any]:
    """The story as an RFC 7946 FeatureCollection.

    One Point per placed step place (coordinates ``[lon, lat]``) with properties ``step_id``,
    ``step_index`` (1-based, as in ``#step-N``), ``date``, ``date_end``, ``title``, ``place``,
    ``kind``, ``role``; one LineString per movement (origin → destination in one step) with
    ``step_id``, ``step_index``, ``date``, ``title``, ``origin``, ``destination``. Unplaced names
    are left out.
    """
    features: list[dict[str, Any]] = []
    for i, step in enumerate(story.steps, 1):
        for p in step.places:
            if not _located(p):
                continue
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {
                    "step_id": step.id, "step_index": i, "date": step.date, "date_end": step.date_end,
                    "title": step.title, "place": p.name, "kind": p.kind, "role": p.role,
                    "place_id": p.place_id,
                },
            })
        for o, d in _movements(step):
            features.append({
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[o.lon, o.lat], [d.lon, d.lat]]},
                "properties": {
                    "step_id": step.id, "step_index": i, "date": step.date, "date_end": step.date_end,
                    "title": step.title, "origin": o.name, "destination": d.name, "kind": "movement",
                },
            })
    return {"type": "FeatureCollection", "features": features}


KML_NS = "http://www.opengis.net/kml/2.2"
# Characters XML 1.0 cannot carry at all (escaping does not help): drop them from KML text.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(text: str | None) -> str:
    return _XML_INVALID.sub("", text or "")


def _kml_time(parent: ET.Element, step: Step) -> None:
    if not step.date:
        return
    if step.date_end and step.date_end != step.date:
        span = ET.SubElement(parent, f"{{{KML_NS}}}TimeSpan")
        ET.SubElement(span, f"{{{KML_NS}}}begin").text = step.date
        ET.SubElement(span, f"{{{KML_NS}}}end").text = step.date_end
    else:
        ET.SubElement(ET.SubElement(parent, f"{{{KML_NS}}}TimeStamp"), f"{{{KML_NS}}}when").text = step.date


def _kml_description(step: Step) -> str:
    lines = [step.text] if step.text else []
    lines += [f"“{s.quote}” ({s.file}:{s.start}-{s.end})" if s.quote else f"{s.file}:{s.start}-{s.end}"
              for s in step.sources]
    return "\n".join(lines)


def to_kml(story: Story) -> str:
    """The story as OGC KML 2.2: a "Steps" folder with one Placemark per placed step place (name
    ``"N. title — place"``, the step text and sources as description, ``<TimeStamp><when>`` with the
    step's date — KML allows ``YYYY`` and ``YYYY-MM`` — or ``<TimeSpan>`` for a range) and a
    "Movements" folder with one LineString Placemark per origin → destination pair.

    Text is escaped by the XML writer; characters XML cannot hold (control characters) are dropped.
    """
    ET.register_namespace("", KML_NS)
    k = lambda tag: f"{{{KML_NS}}}{tag}"  # noqa: E731
    kml = ET.Element(k("kml"))
    doc = ET.SubElement(kml, k("Document"))
    ET.SubElement(doc, k("name")).text = _x(story.title)
    if story.summary:
        ET.SubElement(doc, k("description")).text = _x(story.summary)
    steps_folder = ET.SubElement(doc, k("Folder"))
    ET.SubElement(steps_folder, k("name")).text = "Steps"
    moves_folder = ET.Element(k("Folder"))
    ET.SubElement(moves_folder, k("name")).text = "Movements"
    for i, step in enumerate(story.steps, 1):
        for p in step.places:
            if not _located(p):
                continue
            pm = ET.SubElement(steps_folder, k("Placemark"), {"id": f"step-{i}-{len(steps_folder)}"})
            ET.SubElement(pm, k("name")).text = _x(f"{i}. {step.title} — {p.name}")
            ET.SubElement(pm, k("description")).text = _x(_kml_description(step))
            _kml_time(pm, step)
            ext = ET.SubElement(pm, k("ExtendedData"))
            for key, value in (("step_id", step.id), ("kind", p.kind or ""), ("role", p.role)):
                d = ET.SubElement(ext, k("Data"), {"name": key})
                ET.SubElement(d, k("value")).text = _x(value)
            point = ET.SubElement(pm, k("Point"))
            ET.SubElement(point, k("coordinates")).text = f"{p.lon!r},{p.lat!r}"
        for o, d in _movements(step):
            pm = ET.SubElement(moves_folder, k("Placemark"))
            ET.SubElement(pm, k("name")).text = _x(f"{i}. {o.name} → {d.name}")
            ET.SubElement(pm, k("description")).text = _x(step.title)
            _kml_time(pm, step)
            line = ET.SubElement(pm, k("LineString"))
            ET.SubElement(line, k("tessellate")).text = "1"
            ET.SubElement(line, k("coordinates")).text = f"{o.lon!r},{o.lat!r} {d.lon!r},{d.lat!r}"
    if len(moves_folder) > 1:
        doc.append(moves_folder)
    ET.indent(kml, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kml, encoding="unicode") + "\n"


#: A cell starting with one of these is a formula to a spreadsheet (``=HYPERLINK(...)``, ``@SUM(...)``,
#: ``+cmd|...``); a tab or CR can hide the sign behind leading white space.
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: str) -> str:
    """A text cell that a spreadsheet shows as text: formula-like cells get a leading ``'`` (OWASP's
    rule for CSV injection). Only text from the story passes here; numbers are written as numbers."""
    return "'" + value if value.startswith(_CSV_FORMULA_START) else value


CSV_COLUMNS = ("step_id", "index", "date", "date_end", "title", "place", "lat", "lon", "kind", "role", "sources")


def to_csv(story: Story) -> str:
    """The story as CSV (RFC 4180, header row, ``\\r\\n`` line ends), one row per step place.

    Columns: ``step_id, index`` (1-based), ``date, date_end, title, place, lat, lon, kind, role,
    sources`` (``file:start-end`` joined by ``"; "``). A step without places gets one row with the
    place columns empty, so every step appears. Text cells that a spreadsheet would run as a
    formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or CR) are prefixed with ``'``.
    """
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(CSV_COLUMNS)
    for i, step in enumerate(story.steps, 1):
        sources = _csv_text("; ".join(f"{s.file}:{s.start}-{s.end}" for s in step.sources))
        head = [_csv_text(step.id), i, step.date or "", step.date_end or "", _csv_text(step.title)]
        places = step.places or (None,)
        for p in places:
            if p is None:
                w.writerow(head + ["", "", "", "", "", sources])
            else:
                w.writerow(head + [_csv_text(p.name), "" if p.lat is None else repr(p.lat), "" if p.lon is None else repr(p.lon),
                                   p.kind or "", p.role, sources])
    return buf.getvalue()


# --------------------------------------------------------------------------------------------
# Writers


def _write_atomically(path: Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and rename it over ``path``.

    Raises :class:`OutputError` naming ``path``; no temporary or partial file is left behind.
    """
    if path.is_dir():
        raise OutputError(f"{path}: is a directory, expected a file path")
    try:
        atomic_write(path, data, backup=False, mode=0o644)
    except OSError as e:
        raise OutputError(f"{path}: cannot write: {e.strerror or e}") from None
    return path


def _utf8(text: str, path: Path | str) -> bytes:
    """``text`` as UTF-8. Stories are validated Unicode (see :func:`write_exports`), so this cannot
    fail on one; should it, the error is one line naming the file, not an encoder traceback."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise StoryFormatError(f"{path}: cannot be written as UTF-8: {e.reason} at character {e.start}") from None


def _json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_exports(
    story: Story,
    *,
    html: str | os.PathLike[str] | None = None,
    present: bool = False,
    tiles: bool = False,
    geometries: Mapping[str, dict] | None = None,
    embed: str | os.PathLike[str] | None = None,
    storymapjs: str | os.PathLike[str] | None = None,
    timelinejs: str | os.PathLike[str] | None = None,
    geojson: str | os.PathLike[str] | None = None,
    kml: str | os.PathLike[str] | None = None,
    csv: str | os.PathLike[str] | None = None,
    png_dir: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Write every requested export and return the paths written, in argument order.

    Each file is rendered first and then written atomically (a temporary file in the same
    directory, renamed over the target), so a failure leaves no partial file; it raises
    :class:`OutputError` naming the path. ``embed`` writes the :func:`embed_snippet` for the ``html``
    file (its path relative to the snippet's folder). ``png_dir`` (an existing or creatable
    directory) gets ``step-01.png``... from :func:`write_pngs`; the HTML is rendered to a temporary
    file when ``html`` is not given.

    >>> write_exports(story, html="gulf.html", geojson="gulf.geojson")  # doctest: +SKIP
    [PosixPath('gulf.html'), PosixPath('gulf.geojson')]
    """
    # Only a valid story is exported: numbers finite and in range, text valid Unicode (a story built
    # in Python skips the file-boundary checks). Raises StoryFormatError naming the field.
    story_from_dict(story_to_dict(story))
    jobs: list[tuple[Path, bytes]] = []
    html_text: str | None = None
    if html is not None or png_dir is not None:
        if geometries is None:
            geometries = step_geometries(story)
        html_text = to_html(story, present=present, tiles=tiles, geometries=geometries)
    if html is not None:
        jobs.append((Path(html), _utf8(html_text, html)))
    if embed is not None:
        if html is None:
            raise OutputError(f"{embed}: an embed snippet needs the html export too")
        target = Path(html)
        try:
            src = os.path.relpath(target.resolve(), Path(embed).resolve().parent)
        except ValueError:  # another drive on Windows
            src = str(target.resolve())
        jobs.append((Path(embed), _utf8(embed_snippet(Path(src), title=story.title or "Story map") + "\n", embed)))
    for path, render in (
        (storymapjs, lambda: _json_text(to_storymapjs(story))),
        (timelinejs, lambda: _json_text(to_timelinejs(story))),
        (geojson, lambda: _json_text(to_geojson(story))),
        (kml, lambda: to_kml(story)),
        (csv, lambda: to_csv(story)),
    ):
        if path is not None:
            jobs.append((Path(path), _utf8(render(), path)))
    written = [_write_atomically(p, data) for p, data in jobs]
    if png_dir is not None:
        if html is not None:
            written += write_pngs(html, png_dir, len(story.steps))
        else:
            with tempfile.TemporaryDirectory(prefix="storymap-") as tmp:
                page = _write_atomically(Path(tmp) / "story.html", _utf8(html_text, "story.html"))
                written += write_pngs(page, png_dir, len(story.steps))
    return written


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
                    written.append(_write_atomically(out / f"step-{i:0{digits}d}.png", png))
            finally:
                browser.close()
    except PlaywrightError as e:
        first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise StorymapError(f"{page_path}: Chromium could not render the page: {first}") from None
    return written
