"""The story map: a base map that never changes, and one layer per step drawn on top of it.

The app hands both to ``streamlit_folium.st_folium`` with a stable key. The base map (Leaflet, the
vector basemap of countries, optional online tiles) renders to the same script on every rerun, so
the component is never re-mounted; only the step layer (``feature_group_to_add``) is swapped,
and a small script inside it moves the view to the step's places (``fitBounds`` the first time,
``flyToBounds`` after that, so the map glides from step to step).

Offline: folium points Leaflet, jQuery, Bootstrap and Font Awesome at CDNs, and
streamlit-folium's frontend loads whatever ``default_js``/``default_css`` list. :func:`base_map`
replaces those lists with Leaflet alone, served by the app from ``static/leaflet`` beside the
main script (Streamlit serves that folder with ``server.enableStaticServing``). ``storymap app``
fills it with :func:`write_static` (an unmodified copy of xstatic-leaflet's files, and the
countries of :mod:`storymap.render.basemap` as a GeoJSON file fetched by the browser, so the base
map's script stays small) in a folder under the cache directory, before the server starts: the
package folder is never written. Nothing uses markers with
image icons, plugins or popups that would pull in other scripts.

Everything from an article (place names, step titles) that reaches the map goes through
:class:`_Tip`: HTML-escaped, then written into the script as a JSON string literal. folium's own
``Tooltip``/``Popup`` are never used with article text: they paste the text into a JavaScript
template literal, where ``${...}`` or a backtick in an article would run as code.

The map frame's header carries a Content-Security-Policy (:data:`MAP_CSP`): scripts, styles,
images and fetches from the app itself (plus ``data:`` images, and the OpenStreetMap tile hosts
when tiles are on), nothing else, so a stray ``<img>`` in a tooltip could not call out.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

import folium
from branca.element import Element, MacroElement
from jinja2 import Template

from storymap.app.text import html_text, js_string
from storymap.errors import StorymapError
from storymap.files import atomic_write
from storymap.model import AREA_KINDS
from storymap.render.geometry import movements
from storymap.story import StepPlace, Story

__all__ = [
    "STATIC_URL",
    "LEAFLET_JS",
    "LEAFLET_CSS",
    "AREA_KINDS",
    "MapView",
    "AREA_TOLERANCE",
    "basemap_url",
    "leaflet_served",
    "write_static",
    "base_map",
    "step_bounds",
    "step_layer",
    "archive_bounds",
    "archive_layer",
]

#: Static files as seen from the streamlit-folium iframe (``/component/<name>/index.html``):
#: relative, so a ``server.baseUrlPath`` keeps working.
STATIC_URL = "../../app/static"
LEAFLET_JS = f"{STATIC_URL}/leaflet/leaflet.js"
LEAFLET_CSS = f"{STATIC_URL}/leaflet/leaflet.css"
BASEMAP_NAME = "basemap/countries.geojson"
LABELS_JS_NAME = "labels/labels.js"
LABELS_NAME = "labels/labels.json"
LABELS_JS = f"{STATIC_URL}/{LABELS_JS_NAME}"

#: How far (degrees) a shape on the app's map may stray when simplified: coarser than the exported
#: page's 0.01, since the map redraws on every step (see :func:`storymap.render.geometry.wkb_to_geojson`).
AREA_TOLERANCE = 0.02

CURRENT = "#c2410c"  # the current step
EARLIER = "#1d4ed8"  # earlier steps, fading
MOVE = "#b91c1c"


@dataclass(frozen=True)
class MapView:
    """A view of the map: ``[[south, west], [north, east]]`` bounds, in lat/lon."""

    south: float
    west: float
    north: float
    east: float

    @property
    def bounds(self) -> list[list[float]]:
        return [[self.south, self.west], [self.north, self.east]]

    @property
    def center(self) -> tuple[float, float]:
        return ((self.south + self.north) / 2, (self.west + self.east) / 2)

    def zoom(self, width_px: int = 700, height_px: int = 560, max_zoom: int = 8) -> int:
        """The largest Web Mercator zoom at which the bounds fit in ``width_px`` x ``height_px``."""

        def y(lat: float) -> float:
            s = math.sin(math.radians(max(min(lat, 85.0), -85.0)))
            return 0.5 - math.log((1 + s) / (1 - s)) / (4 * math.pi)

        dx = max((self.east - self.west) / 360.0, 1e-9)
        dy = max(abs(y(self.south) - y(self.north)), 1e-9)
        z = math.floor(min(math.log2(width_px / 256 / dx), math.log2(height_px / 256 / dy)))
        return int(min(max(z, 1), max_zoom))


WORLD = MapView(-55.0, -150.0, 70.0, 160.0)


def _leaflet_files() -> list[tuple[Path, str]]:
    """Leaflet's script, style and images in the installed xstatic-leaflet, with their names under ``leaflet/``."""
    from xstatic.pkg import leaflet

    src = Path(leaflet.BASE_DIR)
    return [(f, f"leaflet/{f.relative_to(src).as_posix()}")
            for f in [src / "leaflet.js", src / "leaflet.css", *sorted((src / "images").glob("*"))]]


def _basemap_bytes(load: Callable[[], dict[str, Any]] | None = None) -> bytes:
    if load is None:
        from storymap.render.basemap import load_basemap as load
    return json.dumps(load(), separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@lru_cache(maxsize=1)
def _labels_bytes() -> bytes:
    from storymap.render.basemap import load_labels

    return json.dumps([list(r) for r in load_labels()], separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _labels_script() -> bytes:
    from storymap.render.html import label_assets

    return label_assets()[1].encode("utf-8")


@lru_cache(maxsize=1)
def labels_url() -> str:
    """The label file's URL as the map frame sees it, versioned by its content (made once: the base
    map asks for it on every rerun)."""
    return f"{STATIC_URL}/{LABELS_NAME}?v={hashlib.sha256(_labels_bytes()).hexdigest()[:12]}"


def write_static(folder: str | Path, load: Callable[[], dict[str, Any]] | None = None) -> Path:
    """Fill ``folder`` (the ``static/`` beside the app's main script) with Leaflet, the basemap and
    its labels (names and the script that places them), rewriting only files that differ; returns
    ``folder``. Raises ``OSError`` when it cannot be written."""
    folder = Path(folder)
    files = [(f.read_bytes(), name) for f, name in _leaflet_files()] + [(_basemap_bytes(load), BASEMAP_NAME),
                                                                        (_labels_bytes(), LABELS_NAME),
                                                                        (_labels_script(), LABELS_JS_NAME)]
    for data, name in files:
        target = folder / name
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(target, data, backup=False, mode=0o644)
    return folder


def leaflet_served(folder: str | Path) -> bool:
    """Whether ``folder`` holds Leaflet's script and style (see :func:`write_static`)."""
    return all((Path(folder) / "leaflet" / name).is_file() for name in ("leaflet.js", "leaflet.css"))


def basemap_url(load: Callable[[], dict[str, Any]] | None = None) -> str | None:
    """The basemap's URL as the map frame sees it, versioned by its content (so a changed basemap
    is not taken from the browser's cache); ``None`` when there is no basemap to serve."""
    try:
        data = _basemap_bytes(load)
    except (StorymapError, ValueError):  # missing (one-line error) or not JSON: a map without countries
        return None
    return f"{STATIC_URL}/{BASEMAP_NAME}?v={hashlib.sha256(data).hexdigest()[:12]}"


class _Basemap(MacroElement):
    """Countries drawn from a GeoJSON file the browser fetches from the app, in a pane below
    everything else, not interactive."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            if (!map.getPane("basemap")) {
                var pane = map.createPane("basemap");
                pane.style.zIndex = 250;
                pane.style.pointerEvents = "none";
            }
            fetch({{ this.url|tojson }}).then(function (r) { return r.json(); }).then(function (data) {
                L.geoJSON(data, {pane: "basemap", interactive: false,
                    style: {color: "#9ca3af", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1}}).addTo(map);
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, url: str):
        super().__init__()
        self._name = "Basemap"
        self.url = url


class _Labels(MacroElement):
    """The basemap's names (labels.js, fetched with its rows from the app), placed on every move
    around the current step's labels and markers."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            fetch({{ this.url|tojson }}).then(function (r) { return r.json(); }).then(function (rows) {
                if (window.StorymapLabels) { map.__storymapLabels = window.StorymapLabels(map, rows); }
            });
        })();
        {% endmacro %}
        """
    )

    def __init__(self, url: str):
        super().__init__()
        self._name = "Labels"
        self.url = url


class _FitView(MacroElement):
    """Moves the map to the step's bounds once the step layer is on the map: at once the first
    time, with a flight afterwards."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var b = L.latLngBounds({{ this.bounds|tojson }});
            setTimeout(function () {
                var m = window.map;
                if (!m) { return; }
                var opts = {padding: [40, 40], maxZoom: {{ this.max_zoom }}};
                if (m.__storymapShown) {
                    opts.duration = {{ this.duration }};
                    m.flyToBounds(b, opts);
                } else {
                    m.fitBounds(b, opts);
                    m.__storymapShown = true;
                }
            }, 0);
        })();
        {% endmacro %}
        """
    )

    def __init__(self, view: MapView, max_zoom: int = 6, duration: float = 0.8):
        super().__init__()
        self._name = "FitView"
        self.bounds = view.bounds
        self.max_zoom = int(max_zoom)
        self.duration = float(duration)


class _Name(MacroElement):
    """A permanent label naming its parent marker (the current step's places), its text
    HTML-escaped inside a JSON string literal; class ``sm-current``, so the basemap's names keep
    clear of it."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindTooltip({{ this.literal }}, {permanent: true, direction: "right",
            offset: [8, 0], className: {{ this.css|tojson }}});
        {% endmacro %}
        """
    )

    def __init__(self, text: str, mentioned: bool = False):
        super().__init__()
        self._name = "Name"
        self.literal = js_string(html_text(text))
        self.css = "storymap-name sm-current" + (" storymap-name-mentioned" if mentioned else "")


class _Tip(MacroElement):
    """A hover tooltip on its parent layer, its text HTML-escaped inside a JSON string literal."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {{ this._parent.get_name() }}.bindTooltip({{ this.literal }}, {sticky: true});
        {% endmacro %}
        """
    )

    def __init__(self, text: str):
        super().__init__()
        self._name = "Tip"
        self.literal = js_string(html_text(text))


def _tip(layer, text: str):
    layer.add_child(_Tip(text))
    return layer


#: The map frame's policy: everything from the app's own origin, inline scripts and ``eval``
#: (streamlit-folium runs the map's script that way), ``data:`` images, no other host.
MAP_CSP = ("default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
           "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:{tiles}; connect-src 'self'; "
           "font-src 'self' data:; frame-src 'none'; object-src 'none'; form-action 'none'; base-uri 'self'")
TILE_HOSTS = " https://tile.openstreetmap.org https://*.tile.openstreetmap.org"


_STYLE = """
<style>
  .leaflet-container { background: #dbe7f0; font-family: system-ui, sans-serif; }
  .storymap-move { stroke-dasharray: 10 8; animation: storymap-dash 1.2s linear infinite; }
  @keyframes storymap-dash { to { stroke-dashoffset: -18; } }
  .storymap-label { background: rgba(255,255,255,.9); border: 0; box-shadow: none; font-weight: 600; }
  .leaflet-tooltip.storymap-name { background: rgba(255,255,255,.9); border: 0; box-shadow: none; padding: 1px 5px;
    color: #9a3412; font-weight: 700; font-size: 14px; }
  .leaflet-tooltip.storymap-name::before { display: none; }
  .leaflet-tooltip.storymap-name-mentioned { color: #4a5360; font-weight: 600; font-size: 12px; }
</style>
"""


def _labels_style() -> str:
    from storymap.render.html import label_assets

    return "<style>\n" + label_assets()[0].replace("</", "<\\/") + "\n</style>"


def base_map(*, basemap_url: str | None, basemap_inline: dict[str, Any] | None = None,
             tiles: bool = False) -> folium.Map:
    """The map every step is drawn on: the same for the same arguments, so it is never re-mounted.

    ``tiles=True`` adds OpenStreetMap tiles (online; off by default).
    """
    m = folium.Map(location=list(WORLD.center), zoom_start=2, tiles=None, control_scale=True,
                   world_copy_jump=True, min_zoom=1)
    # Only Leaflet, served by the app: no jQuery/Bootstrap/Font Awesome from CDNs.
    m.default_js = [("leaflet", LEAFLET_JS)] + ([("storymap_labels", LABELS_JS)] if basemap_url else [])
    m.default_css = [("leaflet_css", LEAFLET_CSS)]
    csp = MAP_CSP.format(tiles=TILE_HOSTS if tiles else "")
    m.get_root().header.add_child(Element(f'<meta http-equiv="Content-Security-Policy" content="{csp}">'),
                                  name="storymap_csp", index=0)
    m.get_root().header.add_child(Element(_STYLE), name="storymap_style")
    m.get_root().header.add_child(Element(_labels_style()), name="storymap_labels_style")
    if tiles:
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap (online)").add_to(m)
    if basemap_url:
        m.add_child(_Basemap(basemap_url), name="basemap")
        m.add_child(_Labels(labels_url()), name="labels")
    elif basemap_inline:
        folium.GeoJson(basemap_inline, name="countries", interactive=False, control=False,
                       style_function=lambda _: {"color": "#9ca3af", "weight": 0.6,
                                                 "fillColor": "#f4f1ea", "fillOpacity": 1}).add_to(m)
    return m


def _placed(places) -> list[StepPlace]:
    return [p for p in places if p.lat is not None and p.lon is not None]


def _framed(step) -> list[StepPlace]:
    """The places the view is framed on: where the step happened (its site, origin, destination),
    not those it only mentions; all of them on the overview or when it has no other."""
    placed = _placed(step.places)
    if step.is_overview:
        return placed
    return [p for p in placed if p.role != "mentioned"] or placed


def _geometry_box(geom: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """``(south, west, north, east)`` of a GeoJSON geometry."""
    lats: list[float] = []
    lons: list[float] = []

    def walk(c: Any) -> None:
        if c and isinstance(c[0], (int, float)):
            lons.append(float(c[0]))
            lats.append(float(c[1]))
        else:
            for x in c or ():
                walk(x)

    if geom.get("type") == "GeometryCollection":
        boxes = [b for g in geom.get("geometries", ()) if (b := _geometry_box(g))]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    walk(geom.get("coordinates"))
    return (min(lats), min(lons), max(lats), max(lons)) if lats else None


def step_bounds(story: Story, index: int, visible: tuple[int, ...] | None = None,
                area: Callable[[str], dict[str, Any] | None] | None = None) -> MapView:
    """The view for step ``index``: its placed places (where it happened; the places it only
    mentions when it has no other) and the shapes of its areas (with a margin), else those of the
    nearest earlier visible step that has some, else the world."""
    order = list(visible) if visible is not None else list(range(len(story.steps)))
    candidates = [index] + [i for i in reversed(order) if i < index]
    for i in candidates:
        if not 0 <= i < len(story.steps):
            continue
        pts = _framed(story.steps[i])
        if pts:
            lats = [p.lat for p in pts]
            lons = [p.lon for p in pts]
            for p in pts:
                geom = area(p.place_id) if area and p.place_id and p.kind in AREA_KINDS else None
                box = _geometry_box(geom) if geom else None
                if box and box[3] - box[1] < 180:  # not across the antimeridian
                    lats += [box[0], box[2]]
                    lons += [box[1], box[3]]
            pad = 3.0 if len(set(zip(lats, lons))) == 1 else 0.8
            return MapView(max(min(lats) - pad, -85), max(min(lons) - pad, -180),
                           min(max(lats) + pad, 85), min(max(lons) + pad, 180))
    return WORLD


def _label(p: StepPlace) -> str:
    kind = f" ({p.kind})" if p.kind else ""
    fixed = " — corrected" if p.corrected else ""
    return f"{p.name}{kind}{fixed}"


def _arrow_head(lat1: float, lon1: float, lat2: float, lon2: float, size: float) -> list[list[float]]:
    """Two short strokes at the destination, pointing along the line (in plain lat/lon degrees)."""
    ang = math.atan2(lat2 - lat1, lon2 - lon1)
    pts = []
    for da in (math.radians(150), math.radians(-150)):
        pts.append([lat2 + size * math.sin(ang + da), lon2 + size * math.cos(ang + da)])
    return [pts[0], [lat2, lon2], pts[1]]


def step_layer(
    story: Story,
    index: int,
    visible: tuple[int, ...],
    *,
    area: Callable[[str], dict[str, Any] | None] | None = None,
    fly: bool = True,
) -> folium.FeatureGroup:
    """What the map shows at step ``index``: the current step's places (areas as shapes),
    its movements as animated dashed lines with an arrow head, and the places of the earlier
    visible steps, fading with distance. ``area(place_id)`` gives a GeoJSON geometry or ``None``.
    """
    fg = folium.FeatureGroup(name="step", control=False)
    earlier = [i for i in visible if i < index][-6:]
    # Earlier steps first, so the current one is drawn on top.
    for age, i in enumerate(reversed(earlier), start=1):
        fade = max(0.12, 0.55 - 0.08 * age)
        step = story.steps[i]
        for p in _placed(step.places):
            _tip(folium.CircleMarker([p.lat, p.lon], radius=5, color=EARLIER, weight=1, opacity=fade,
                                     fill=True, fill_opacity=fade * 0.8), f"{step.title} — {p.name}").add_to(fg)
        for a, b in movements(step, skip_zero_length=True):
            folium.PolyLine([[a.lat, a.lon], [b.lat, b.lon]], color=EARLIER, weight=2,
                            opacity=fade, dash_array="4 6").add_to(fg)
    if 0 <= index < len(story.steps):
        step = story.steps[index]
        faded = {id(p) for p in step.places if p.role == "mentioned" and not step.is_overview}
        if area is not None:
            for p in step.places:
                if p.place_id and p.kind in AREA_KINDS and id(p) not in faded:
                    geom = area(p.place_id)
                    if geom:
                        _tip(folium.GeoJson(
                            {"type": "Feature", "geometry": geom, "properties": {}},
                            style_function=lambda _: {"color": CURRENT, "weight": 1.5, "fillColor": CURRENT,
                                                      "fillOpacity": 0.15},
                        ), _label(p)).add_to(fg)
        for a, b in movements(step, skip_zero_length=True):
            _tip(folium.PolyLine([[a.lat, a.lon], [b.lat, b.lon]], color=MOVE, weight=3, opacity=0.9,
                                 className="storymap-move"), f"{a.name} → {b.name}").add_to(fg)
            size = max(0.15, 0.08 * math.hypot(b.lat - a.lat, b.lon - a.lon))
            folium.PolyLine(_arrow_head(a.lat, a.lon, b.lat, b.lon, size), color=MOVE, weight=3,
                            opacity=0.9).add_to(fg)
        # Places the step only mentions are small hollow rings under its own places: they are named,
        # not where it happened.
        seen: set[str] = set()
        # The step's own places are named first (the sort puts mentioned ones before them: drawn
        # below), each name once.
        for p in sorted(_placed(step.places), key=lambda p: id(p) not in faded):
            # A mentioned place on top of one of the step's own (a district inside its city) is not named.
            near = id(p) in faded and any(abs(p.lat - q.lat) < 0.2 and abs(p.lon - q.lon) < 0.2
                                          for q in _placed(step.places) if id(q) not in faded)
            named = p.name not in seen and not near
            seen.add(p.name)
            # A layer holds one tooltip: a named place gets its permanent name, the rest a hover tip.
            if id(p) in faded:
                ring = folium.CircleMarker([p.lat, p.lon], radius=5, color=CURRENT, weight=1.5, opacity=0.55,
                                           fill=True, fill_color="#ffffff", fill_opacity=0.6,
                                           className="storymap-mentioned")
                ring.add_child(_Name(p.name, mentioned=True)) if named else _tip(ring, f"{_label(p)} — mentioned")
                ring.add_to(fg)
                continue
            dot = folium.CircleMarker([p.lat, p.lon], radius=9 if p.role == "site" else 7, color="#ffffff",
                                      weight=2, fill=True, fill_color=MOVE if p.role != "site" else CURRENT,
                                      fill_opacity=0.95, className="sm-marker sm-current")
            if named and not (step.is_overview and len(step.places) > 12):
                dot.add_child(_Name(p.name))
            else:
                _tip(dot, _label(p))
            dot.add_to(fg)
    if fly:
        fg.add_child(_FitView(step_bounds(story, index, visible, area)), name="fit_view")
    return fg


# --------------------------------------------------------------------------------------------
# The archive page: one marker per story


#: At most this many stories are drawn on the archive map (the largest of those listed).
ARCHIVE_MAX_MARKERS = 500


def archive_radius(n_articles: int) -> float:
    """A story marker's radius in pixels: it grows with the square root of its article count."""
    return round(min(5.0 + 3.0 * math.sqrt(max(n_articles, 1) - 1), 24.0), 2)


def archive_bounds(points) -> MapView:
    """The view holding every placed story of ``points`` (with a margin), else the world."""
    placed = [e for e in points if e.lat is not None and e.lon is not None]
    if not placed:
        return WORLD
    lats = [e.lat for e in placed]
    lons = [e.lon for e in placed]
    pad = 3.0 if len(set(zip(lats, lons))) == 1 else 1.0
    return MapView(max(min(lats) - pad, -85), max(min(lons) - pad, -180),
                   min(max(lats) + pad, 85), min(max(lons) + pad, 180))


def archive_layer(points, *, limit: int = ARCHIVE_MAX_MARKERS, fly: bool = True) -> folium.FeatureGroup:
    """The archive map's layer: a circle per placed story of ``points`` (archive entries, see
    :mod:`storymap.app.archive`), sized by its article count (the largest drawn first, so the small ones
    stay on top of them and can be hovered), with a hover tip naming its title,
    article count and main place. Titles and places come from the archive: they reach the map only
    through :class:`_Tip` (HTML-escaped inside a JSON string literal)."""
    fg = folium.FeatureGroup(name="stories", control=False)
    placed = [e for e in points if e.lat is not None and e.lon is not None]
    placed = sorted(placed, key=lambda e: -e.n_articles)[:max(int(limit), 0)]
    for e in placed:
        n = e.n_articles
        where = f" · {e.places[0]}" if e.places else ""
        tip = f"{e.title} — {n} article{'' if n == 1 else 's'}{where}"
        _tip(folium.CircleMarker([e.lat, e.lon], radius=archive_radius(n), color="#ffffff", weight=1.5,
                                 fill=True, fill_color=CURRENT, fill_opacity=0.75,
                                 className="sm-marker storymap-story"), tip).add_to(fg)
    if fly:
        fg.add_child(_FitView(archive_bounds(placed), max_zoom=6), name="fit_view")
    return fg
