"""Build ``geodata/basemap.geojson``: simplified country polygons for the offline vector basemap.

Usage (from the project root)::

    .venv/bin/python geodata/build_basemap.py [--out geodata/basemap.geojson] [--tolerance 0.05]

The country shapes come from the ``countryinfo`` package (installed from PyPI with the project):
each ``countryinfo/data/<country>.json`` has a ``geoJSON`` FeatureCollection with one (Multi)Polygon.
They are simplified with shapely (``simplify(tolerance, preserve_topology=True)``), coordinates are
rounded to 3 decimals, and every country becomes one Feature with the properties ``{name, iso2}``,
sorted by ``iso2`` so the output is the same on every run. Countries whose file has no shape (about
80, among them Hungary, Serbia, Montenegro, Myanmar and Palestine) are taken from Natural Earth's
1:50m countries in the ``world-atlas`` npm package (``npm pack world-atlas@2.0.2``, or
``--world-atlas countries-50m.json``), matched by ISO numeric code; those in neither are listed on stderr.

Licence: countryinfo is MIT; its shapes come from mledoze/countries (ODbL), derived from Natural
Earth (public domain); world-atlas is ISC-licensed Natural Earth data (public domain). See docs/export.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from shapely.geometry import mapping, shape

ROOT = Path(__file__).resolve().parent
DEFAULT_OUT = ROOT / "basemap.geojson"
TOLERANCE = 0.05
DECIMALS = 3


def _round(coords, nd: int):
    """Round nested coordinate lists, dropping consecutive duplicate points made by rounding."""
    if coords and isinstance(coords[0], (int, float)):
        return [round(float(c), nd) for c in coords]
    out = [_round(c, nd) for c in coords]
    if out and isinstance(out[0], list) and out[0] and isinstance(out[0][0], float):
        deduped = [out[0]] + [p for prev, p in zip(out, out[1:]) if p != prev]
        return deduped
    return out


def _valid_rings(geom: dict) -> dict | None:
    """Drop rings that rounding collapsed below 4 points; ``None`` when nothing is left."""
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    kept = []
    for poly in polys:
        rings = [r for r in poly if len(r) >= 4]
        if rings and len(poly[0]) >= 4:
            kept.append(rings)
    if not kept:
        return None
    if len(kept) == 1:
        return {"type": "Polygon", "coordinates": kept[0]}
    return {"type": "MultiPolygon", "coordinates": kept}


def simplify_geojson(geometry: dict, tolerance: float = TOLERANCE, decimals: int = DECIMALS) -> dict | None:
    """Simplify a GeoJSON (Multi)Polygon and round its coordinates; ``None`` if it vanishes."""
    geom = shape(geometry)
    if not geom.is_valid:
        geom = geom.buffer(0)
    simple = geom.simplify(tolerance, preserve_topology=True)
    if simple.is_empty:
        return None
    data = mapping(simple)
    if data["type"] not in ("Polygon", "MultiPolygon"):
        return None
    rounded = {"type": data["type"], "coordinates": _round(_to_lists(data["coordinates"]), decimals)}
    return _valid_rings(rounded)


def _to_lists(value):
    if isinstance(value, (list, tuple)) and value and isinstance(value[0], (int, float)):
        return list(value)
    return [_to_lists(v) for v in value]


WORLD_ATLAS = "world-atlas@2.0.2"  # Natural Earth 4.1.0 as TopoJSON, from the npm registry


def topojson_features(topo: dict, name: str) -> list[dict]:
    """Decode one object of a TopoJSON topology into GeoJSON features (quantised, delta-encoded arcs)."""
    tr = topo.get("transform")
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            if tr:
                x, y = x + dx, y + dy
                pts.append([x * tr["scale"][0] + tr["translate"][0], y * tr["scale"][1] + tr["translate"][1]])
            else:
                pts.append([dx, dy])
        arcs.append(pts)

    def ring(indices: list[int]) -> list:
        out: list = []
        for i in indices:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    features = []
    for g in topo["objects"][name]["geometries"]:
        if g.get("type") == "Polygon":
            geom = {"type": "Polygon", "coordinates": [ring(r) for r in g["arcs"]]}
        elif g.get("type") == "MultiPolygon":
            geom = {"type": "MultiPolygon", "coordinates": [[ring(r) for r in p] for p in g["arcs"]]}
        else:
            continue
        features.append({"type": "Feature", "id": g.get("id"), "properties": g.get("properties", {}), "geometry": geom})
    return features


def world_atlas_countries(path: Path | None) -> list[dict]:
    """Natural Earth 1:50m countries from the world-atlas npm package (``path`` to its
    ``countries-50m.json``, else fetched with ``npm pack``); empty when neither is available."""
    import shutil
    import subprocess
    import tarfile

    if path is None:
        npm = shutil.which("npm")
        if npm is None:
            return []
        tmp = Path(tempfile.mkdtemp())
        try:
            subprocess.run([npm, "pack", WORLD_ATLAS, "--silent"], cwd=tmp, check=True, capture_output=True, timeout=120)
            tgz = next(tmp.glob("world-atlas-*.tgz"))
            with tarfile.open(tgz) as t:
                data = json.load(t.extractfile("package/countries-50m.json"))
        except (subprocess.SubprocessError, OSError, StopIteration, KeyError, ValueError):
            return []
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    else:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    return topojson_features(data, "countries")


def build(tolerance: float = TOLERANCE, world_atlas: Path | None = None) -> tuple[dict, list[str]]:
    """The basemap FeatureCollection, and the names of the countries with no shape in any source.

    Shapes come from countryinfo; the countries it has none for are filled from Natural Earth 1:50m
    (world-atlas), matched by ISO 3166 numeric code."""
    import countryinfo

    data_dir = Path(countryinfo.__file__).resolve().parent / "data"
    features: dict[str, dict] = {}
    missing: list[str] = []
    for path in sorted(data_dir.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso2 = ((info.get("ISO") or {}).get("alpha2") or "").upper()
        fc = info.get("geoJSON") or {}
        geoms = [f.get("geometry") for f in fc.get("features", []) if f.get("geometry")]
        if not geoms or not iso2:
            missing.append(info.get("name") or path.stem)
            continue
        if iso2 in features:  # the package has a few duplicate files (e.g. two spellings of Curaçao)
            continue
        parts = [simplify_geojson(g, tolerance) for g in geoms]
        parts = [p for p in parts if p]
        if not parts:
            missing.append(info.get("name") or path.stem)
            continue
        polys = []
        for p in parts:
            polys.extend(p["coordinates"] if p["type"] == "MultiPolygon" else [p["coordinates"]])
        geometry = {"type": "Polygon", "coordinates": polys[0]} if len(polys) == 1 else {
            "type": "MultiPolygon", "coordinates": polys}
        features[iso2] = {
            "type": "Feature",
            "properties": {"name": info.get("name") or path.stem, "iso2": iso2},
            "geometry": geometry,
        }
    numeric_to_iso2 = {}
    names = {}
    for path in sorted(data_dir.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso = info.get("ISO") or {}
        if iso.get("numeric") and iso.get("alpha2"):
            numeric_to_iso2[str(int(iso["numeric"]))] = iso["alpha2"].upper()
            names[iso["alpha2"].upper()] = info.get("name") or path.stem
    filled = []
    for f in world_atlas_countries(world_atlas):
        iso2 = numeric_to_iso2.get(str(int(f["id"]))) if str(f.get("id") or "").isdigit() else None
        if not iso2 or iso2 in features:
            continue
        geometry = simplify_geojson(f["geometry"], tolerance)
        if geometry:
            name = names.get(iso2) or f["properties"].get("name") or iso2
            features[iso2] = {"type": "Feature", "properties": {"name": name, "iso2": iso2}, "geometry": geometry}
            filled.append(name)
    missing = [m for m in missing if m not in filled]
    collection = {
        "type": "FeatureCollection",
        "features": [features[k] for k in sorted(features)],
    }
    return collection, sorted(set(missing))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--tolerance", type=float, default=TOLERANCE)
    parser.add_argument("--world-atlas", type=Path, default=None,
                        help="countries-50m.json of the world-atlas npm package (default: npm pack it)")
    args = parser.parse_args(argv)
    collection, missing = build(args.tolerance, args.world_atlas)
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n"
    from storymap.files import atomic_write

    atomic_write(args.out, text.encode("utf-8"), backup=False, mode=0o644)
    print(f"{args.out}: {len(collection['features'])} countries, {len(text.encode()) / 1e6:.2f} MB", file=sys.stderr)
    if missing:
        print(f"no shape in countryinfo for {len(missing)}: {', '.join(missing)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
