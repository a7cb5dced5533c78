"""Careful-reader gold timelines for the story benchmark (issue 10): loader and validator.

The gold files live in ``benchmarks/gold/*.json``, one story per file, plus ``aquaint_clusters.json`` (the
topic of each AQUAINT article). See ``benchmarks/gold/README.md`` for the schema and how they were made.

    from benchmarks.gold_timelines import load_stories
    dev = [s for s in load_stories() if s.split == "dev"]

    python benchmarks/gold_timelines.py      # validate every gold file, print a summary
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "benchmarks" / "gold"
SHARED_EVAL = ROOT.parent / "shared" / "eval"
CLUSTERS_FILE = "aquaint_clusters.json"

SPLITS = ("dev", "test")
PRECISIONS = {"year": r"\d{4}", "month": r"\d{4}-\d{2}", "day": r"\d{4}-\d{2}-\d{2}"}
STORY_KEYS = {"id", "title", "corpus", "storyline", "split", "docs", "events"}
EVENT_KEYS = {"id", "what", "date", "date_precision", "sites", "required", "background", "docs"}
OPTIONAL_EVENT_KEYS = {"origin", "destination", "note"}
MAX_WHAT = 80


@dataclass(frozen=True)
class Site:
    name: str
    lat: float
    lon: float
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldEvent:
    id: str
    what: str
    date: str
    date_precision: str
    sites: tuple[Site, ...]
    required: bool
    background: bool
    docs: tuple[str, ...]
    origin: Site | None = None
    destination: Site | None = None
    note: str = ""

    @property
    def site_names(self) -> frozenset[str]:
        """Every acceptable site name (names and aliases of all sites, origin and destination)."""
        sites = [*self.sites, *(s for s in (self.origin, self.destination) if s)]
        return frozenset(n for s in sites for n in s.names)


@dataclass(frozen=True)
class GoldStory:
    id: str
    title: str
    corpus: str
    start: str
    end: str
    split: str
    docs: tuple[str, ...]
    events: tuple[GoldEvent, ...]
    path: Path | None = None

    @property
    def required(self) -> tuple[GoldEvent, ...]:
        return tuple(e for e in self.events if e.required)

    @property
    def optional(self) -> tuple[GoldEvent, ...]:
        return tuple(e for e in self.events if not e.required)


class GoldError(ValueError):
    pass


# ---------------------------------------------------------------- validation

def _valid_date(s) -> str | None:
    """The precision of an ISO date string (YYYY, YYYY-MM, YYYY-MM-DD), or None if it is not one."""
    if not isinstance(s, str):
        return None
    for prec, pat in PRECISIONS.items():
        if re.fullmatch(pat, s):
            parts = [int(p) for p in s.split("-")]
            if len(parts) > 1 and not 1 <= parts[1] <= 12:
                return None
            if len(parts) > 2:
                import datetime as _dt
                try:
                    _dt.date(*parts)
                except ValueError:
                    return None
            return prec
    return None


def doc_path(doc_id: str, root: Path = ROOT, shared_eval: Path = SHARED_EVAL) -> Path:
    """Where a doc id points: ``seeds/<stem>`` in the repository, ``AQUAINT/<id>`` or ``TimeBank/<id>``
    under ``../shared/eval/timex``."""
    if doc_id.startswith("seeds/"):
        return root / f"{doc_id}.txt"
    return shared_eval / "timex" / f"{doc_id}.tml"


def _check_site(where: str, s, errors: list[str]) -> None:
    if not isinstance(s, dict):
        errors.append(f"{where}: a site must be an object")
        return
    name = s.get("name")
    if not isinstance(name, str) or not name.strip():
        errors.append(f"{where}: site without a name")
    for k, lo, hi in (("lat", -90, 90), ("lon", -180, 180)):
        v = s.get(k)
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not lo <= v <= hi:
            errors.append(f"{where}: site {name!r} has {k}={v!r}, not a number in [{lo}, {hi}]")
    al = s.get("aliases", [])
    if not isinstance(al, list) or not all(isinstance(a, str) and a for a in al):
        errors.append(f"{where}: site {name!r} aliases must be a list of names")
    extra = set(s) - {"name", "lat", "lon", "aliases"}
    if extra:
        errors.append(f"{where}: site {name!r} has unknown keys {sorted(extra)}")


def validate_story(data, check_docs: bool | None = None, root: Path = ROOT,
                   shared_eval: Path = SHARED_EVAL) -> list[str]:
    """Problems with one story's gold data (empty list = valid). Doc ids are checked against the files when
    ``check_docs`` is true; by default only when ``../shared/eval`` exists (seed ids are always checkable)."""
    errors: list[str] = []
    if not isinstance(data, dict):
        return ["the story must be a JSON object"]
    sid = data.get("id", "?")
    missing = STORY_KEYS - set(data)
    if missing:
        errors.append(f"{sid}: missing story keys {sorted(missing)}")
    extra = set(data) - STORY_KEYS
    if extra:
        errors.append(f"{sid}: unknown story keys {sorted(extra)}")
    if data.get("split") not in SPLITS:
        errors.append(f"{sid}: split must be one of {SPLITS}, not {data.get('split')!r}")
    for k in ("id", "title", "corpus"):
        if k in data and (not isinstance(data[k], str) or not data[k].strip()):
            errors.append(f"{sid}: {k} must be a non-empty string")
    line = data.get("storyline")
    if not isinstance(line, dict) or not {"start", "end"} <= set(line or {}):
        errors.append(f"{sid}: storyline must have start and end")
    else:
        if not _valid_date(line["start"]) or not _valid_date(line["end"]):
            errors.append(f"{sid}: storyline dates must be ISO dates, got {line['start']!r}..{line['end']!r}")
        elif line["start"] > line["end"]:
            errors.append(f"{sid}: storyline starts after it ends")
    docs = data.get("docs", [])
    if not isinstance(docs, list) or not docs or not all(isinstance(d, str) for d in docs):
        errors.append(f"{sid}: docs must be a non-empty list of doc ids")
        docs = []
    events = data.get("events", [])
    if not isinstance(events, list) or not events:
        errors.append(f"{sid}: events must be a non-empty list")
        events = []
    seen: set[str] = set()
    used_docs: set[str] = set()
    n_required = 0
    for i, e in enumerate(events):
        if not isinstance(e, dict):
            errors.append(f"{sid}: event {i} must be an object")
            continue
        eid = e.get("id", f"#{i}")
        where = f"{sid}/{eid}"
        miss = EVENT_KEYS - set(e)
        if miss:
            errors.append(f"{where}: missing keys {sorted(miss)}")
        unk = set(e) - EVENT_KEYS - OPTIONAL_EVENT_KEYS
        if unk:
            errors.append(f"{where}: unknown keys {sorted(unk)}")
        if not isinstance(eid, str) or not re.fullmatch(r"[a-z0-9_]+", eid):
            errors.append(f"{where}: id must be lower_snake_case")
        if eid in seen:
            errors.append(f"{where}: duplicate event id")
        seen.add(eid)
        what = e.get("what")
        if not isinstance(what, str) or not what.strip() or len(what) > MAX_WHAT:
            errors.append(f"{where}: what must be a non-empty string of at most {MAX_WHAT} characters")
        prec = _valid_date(e.get("date"))
        if prec is None:
            errors.append(f"{where}: date {e.get('date')!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        elif e.get("date_precision") != prec:
            errors.append(f"{where}: date {e['date']!r} has precision {prec}, not {e.get('date_precision')!r}")
        sites = e.get("sites")
        if not isinstance(sites, list) or not sites:
            errors.append(f"{where}: sites must be a non-empty list")
        else:
            for s in sites:
                _check_site(where, s, errors)
        for k in ("origin", "destination"):
            if k in e:
                _check_site(f"{where} {k}", e[k], errors)
        for k in ("required", "background"):
            if not isinstance(e.get(k), bool):
                errors.append(f"{where}: {k} must be true or false")
        n_required += e.get("required") is True
        edocs = e.get("docs")
        if not isinstance(edocs, list) or not edocs or not all(isinstance(d, str) for d in edocs):
            errors.append(f"{where}: docs must be a non-empty list of doc ids")
        else:
            used_docs.update(edocs)
            stray = sorted(set(edocs) - set(docs))
            if stray:
                errors.append(f"{where}: docs not listed in the story's docs: {stray}")
        if "note" in e and not isinstance(e["note"], str):
            errors.append(f"{where}: note must be a string")
    if events and n_required == 0:
        errors.append(f"{sid}: no required event")
    if check_docs is None:
        check_docs = shared_eval.is_dir()
    for d in docs:
        if d.startswith("seeds/") or check_docs:
            if not doc_path(d, root, shared_eval).is_file():
                errors.append(f"{sid}: doc {d!r} not found at {doc_path(d, root, shared_eval)}")
    return errors


def validate_clusters(data, stories: dict[str, dict] | None = None, check_docs: bool | None = None,
                      shared_eval: Path = SHARED_EVAL) -> list[str]:
    """Problems with the AQUAINT cluster file: every doc in exactly one cluster (or 'other'), and, when
    ``../shared/eval`` exists, the membership covers exactly the AQUAINT .tml files."""
    errors: list[str] = []
    clusters = data.get("clusters") if isinstance(data, dict) else None
    if not isinstance(clusters, dict) or not clusters:
        return ["clusters: missing 'clusters' object"]
    seen: dict[str, str] = {}
    for name, c in clusters.items():
        for d in c.get("docs", []):
            if d in seen:
                errors.append(f"clusters: {d} is in both {seen[d]} and {name}")
            seen[d] = name
        if stories is not None and c.get("story") not in stories:
            errors.append(f"clusters: {name} points to unknown story {c.get('story')!r}")
        elif stories is not None:
            sdocs = {x.split("/", 1)[1] for x in stories[c["story"]]["docs"] if x.startswith("AQUAINT/")}
            missing = sorted(set(c.get("docs", [])) - sdocs)
            if missing:
                errors.append(f"clusters: {name} docs not in story {c['story']}: {missing}")
    for d in data.get("other", []):
        if d in seen:
            errors.append(f"clusters: {d} is both in {seen[d]} and other")
        seen[d] = "other"
    for d, also in data.get("also", {}).items():
        if d not in seen or any(a not in clusters for a in also):
            errors.append(f"clusters: bad 'also' entry for {d}")
    if check_docs is None:
        check_docs = shared_eval.is_dir()
    if check_docs:
        real = {p.stem for p in (shared_eval / "timex" / "AQUAINT").glob("*.tml")}
        if set(seen) != real:
            errors.append(f"clusters: unassigned {sorted(real - set(seen))}, unknown {sorted(set(seen) - real)}")
    return errors


# ---------------------------------------------------------------- loading

def _site(d: dict) -> Site:
    return Site(d["name"], float(d["lat"]), float(d["lon"]), tuple(d.get("aliases", ())))


def story_from_dict(data: dict, path: Path | None = None) -> GoldStory:
    events = tuple(
        GoldEvent(id=e["id"], what=e["what"], date=e["date"], date_precision=e["date_precision"],
                  sites=tuple(_site(s) for s in e["sites"]), required=e["required"],
                  background=e["background"], docs=tuple(e["docs"]),
                  origin=_site(e["origin"]) if "origin" in e else None,
                  destination=_site(e["destination"]) if "destination" in e else None,
                  note=e.get("note", ""))
        for e in data["events"])
    return GoldStory(id=data["id"], title=data["title"], corpus=data["corpus"],
                     start=data["storyline"]["start"], end=data["storyline"]["end"], split=data["split"],
                     docs=tuple(data["docs"]), events=events, path=path)


def load_story(path: Path | str, validate: bool = True, **kw) -> GoldStory:
    path = Path(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    if validate:
        errors = validate_story(data, **kw)
        if errors:
            raise GoldError(f"{path.name}: " + "; ".join(errors))
    return story_from_dict(data, path)


def story_files(gold_dir: Path = GOLD_DIR) -> list[Path]:
    return sorted(p for p in Path(gold_dir).glob("*.json") if p.name != CLUSTERS_FILE)


def load_stories(gold_dir: Path = GOLD_DIR, split: str | None = None, **kw) -> list[GoldStory]:
    stories = [load_story(p, **kw) for p in story_files(gold_dir)]
    return [s for s in stories if split is None or s.split == split]


def load_clusters(gold_dir: Path = GOLD_DIR) -> dict[str, tuple[str, ...]]:
    """Cluster name -> AQUAINT doc ids (the 'other' bucket under the key 'other')."""
    data = json.loads((Path(gold_dir) / CLUSTERS_FILE).read_text(encoding="utf-8"))
    out = {k: tuple(v["docs"]) for k, v in data["clusters"].items()}
    out["other"] = tuple(data.get("other", ()))
    return out


def main() -> int:
    bad = 0
    raw = {}
    for p in story_files():
        data = json.loads(p.read_text(encoding="utf-8"))
        raw[data.get("id")] = data
        errors = validate_story(data)
        bad += bool(errors)
        for err in errors:
            print(f"ERROR {p.name}: {err}")
        if not errors:
            s = story_from_dict(data, p)
            nb = sum(e.background for e in s.events)
            print(f"{s.split:4} {s.id:34} {len(s.events):3} events: {len(s.required)} required, "
                  f"{len(s.optional)} optional, {nb} background; {len(s.docs)} docs")
    cl = GOLD_DIR / CLUSTERS_FILE
    if cl.exists():
        errors = validate_clusters(json.loads(cl.read_text(encoding="utf-8")), raw)
        bad += bool(errors)
        for err in errors:
            print(f"ERROR {cl.name}: {err}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
