"""Geometry for every map storymap draws: gazetteer shapes (WKB) as GeoJSON, and a step's movements.

The exported page and the app's map both call :func:`wkb_to_geojson`; each passes its own
``tolerance`` (how far, in degrees, a simplified outline may stray from the original) and rounding,
because a page saved to disk wants fewer bytes than a map redrawn on every click.

>>> from shapely.geometry import Polygon
>>> wkb_to_geojson(Polygon([(0, 0), (1, 0), (1, 1.0004), (0, 1)]).wkb, tolerance=0.01, digits=3)
{'type': 'Polygon', 'coordinates': [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]}
"""

from __future__ import annotations

from typing import Any, Protocol

from storymap.story import Step, StepPlace, Story

__all__ = ["SHAPE_TYPES", "HasGeometry", "located", "movements", "wkb_to_geojson", "step_geometries"]

#: Geometry types drawn as shapes; points (and anything else) are drawn as the place's own point.
SHAPE_TYPES = ("Polygon", "MultiPolygon", "LineString", "MultiLineString")


class HasGeometry(Protocol):
    """What :func:`step_geometries` needs of a gazetteer (see ``storymap.places.GazetteerLike``)."""

    def geometry_wkb(self, place_id: str) -> bytes | None: ...


def located(p: StepPlace) -> bool:
    """Whether the place has both coordinates."""
    return p.lat is not None and p.lon is not None


def movements(step: Step, *, skip_zero_length: bool = False) -> list[tuple[StepPlace, StepPlace]]:
    """Each (origin, destination) pair of a step whose two ends are placed.

    ``skip_zero_length=True`` leaves out a pair whose ends are the same point (the app's map draws
    an arrow, which has no direction then); the exports keep every pair, as data.
    """
    origins = [p for p in step.places if p.role == "origin" and located(p)]
    dests = [p for p in step.places if p.role == "destination" and located(p)]
    return [(o, d) for o in origins for d in dests
            if not (skip_zero_length and (o.lat, o.lon) == (d.lat, d.lon))]


def _lists(value: Any, digits: int | None) -> Any:
    """Shapely's nested coordinate tuples as JSON lists of floats, rounded to ``digits`` if given."""
    if isinstance(value, (int, float)):
        return float(value) if digits is None else round(float(value), digits)
    return [_lists(v, digits) for v in value]


def wkb_to_geojson(blob: bytes | None, *, tolerance: float, digits: int | None = None) -> dict[str, Any] | None:
    """A gazetteer geometry (WKB) as a simplified GeoJSON geometry ``{"type", "coordinates"}``.

    ``tolerance`` is passed to shapely's ``simplify`` (topology preserved); ``digits`` rounds every
    coordinate. ``None`` when there is no blob, the bytes are not WKB (a damaged row must cost that
    place its shape, not the whole map), or the geometry is empty or not one of :data:`SHAPE_TYPES`.
    Any other error (the database gone, a bug) is left to surface.
    """
    if not blob:
        return None
    import shapely
    from shapely.errors import GEOSException
    from shapely.geometry import mapping

    try:
        geom = shapely.from_wkb(bytes(blob))
    except GEOSException:
        return None
    if geom.is_empty or geom.geom_type not in SHAPE_TYPES:
        return None
    simple = geom.simplify(tolerance, preserve_topology=True)
    data = mapping(simple if not simple.is_empty else geom)
    return {"type": data["type"], "coordinates": _lists(data["coordinates"], digits)}


def step_geometries(story: Story, gazetteer: HasGeometry | None, *, tolerance: float = 0.01,
                    digits: int | None = 3) -> dict[str, dict]:
    """GeoJSON geometries of the story's places that have a shape in ``gazetteer`` (countries,
    seas, districts), keyed by ``place_id``; simplified by ``tolerance`` and rounded to ``digits``.

    ``gazetteer`` is the caller's (the CLI and the app open it): anything with
    ``geometry_wkb(place_id)``. ``None`` gives ``{}``, and the map draws points only.
    """
    if gazetteer is None:
        return {}
    out: dict[str, dict] = {}
    for pid in sorted({p.place_id for s in story.steps for p in s.places if p.place_id}):
        geom = wkb_to_geojson(gazetteer.geometry_wkb(pid), tolerance=tolerance, digits=digits)
        if geom is not None:
            out[pid] = geom
    return out
