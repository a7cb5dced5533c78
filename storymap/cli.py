"""The ``storymap`` command: a thin shell over the library.

Each sub-command parses its arguments and calls library functions; library errors become one line on
stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import re
import sys
import warnings
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import StorymapError
from .progress import progress

__all__ = ["main", "build_parser"]

EXIT_USAGE = 2


class CLIError(StorymapError, ValueError):
    """A bad command-line value."""


def _read_all(files: Sequence[str], max_bytes: int | None = None):
    from .ingest import read_article

    # Read every file before any work, so a bad one fails fast and nothing half-done is printed.
    return [read_article(f, max_bytes) for f in files]


def _positive(what: str):
    """An argparse type: a positive whole number ("2" or "1_000") of ``what``."""
    def parse(value: str) -> int:
        try:
            n = int(value.replace("_", ""))
        except ValueError:
            n = 0
        if n < 1:
            raise argparse.ArgumentTypeError(f"{value!r}: expected a positive number of {what}")
        return n

    return parse


#: ``--max-bytes``: a positive whole number of bytes ("50000000" or "50_000_000").
_max_bytes = _positive("bytes")


def _add_max_bytes(parser: argparse.ArgumentParser, what: str, default: str) -> None:
    parser.add_argument("--max-bytes", type=_max_bytes, metavar="N",
                        help=f"refuse {what} larger than N bytes (default: $STORYMAP_MAX_BYTES or {default})")


def _mention_record(r) -> dict:
    p = r.place
    return {
        "file": r.mention.file,
        "start": r.mention.start,
        "end": r.mention.end,
        "text": r.mention.text,
        "name": p.name if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "kind": r.kind,
        "country": p.country if p else None,
        "geonameid": p.geonameid if p else None,
        "score": round(r.score, 4),
        "alternatives": [
            {"name": c.place.name, "lat": c.place.lat, "lon": c.place.lon, "kind": c.place.kind,
             "country": c.place.country, "geonameid": c.place.geonameid, "score": round(c.score, 4)}
            for c in r.alternatives
        ],
    }


def _table(rows: list[list[str]], headers: list[str]) -> str:
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    lines = [fmt.format(*headers), fmt.format(*["-" * w for w in widths])]
    lines += [fmt.format(*r) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def cmd_places(args: argparse.Namespace) -> int:
    from .places import Geoparser

    articles = _read_all(args.files, args.max_bytes)
    gp = Geoparser.default(keep_unknown=args.keep_unknown)
    out = sys.stdout
    rows = []
    for art in progress(articles, label="places"):
        for r in gp(art):
            rec = _mention_record(r)
            if args.format == "jsonl":
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                rows.append([
                    f"{Path(rec['file']).name}:{rec['start']}-{rec['end']}", rec["text"], rec["kind"] or "-",
                    rec["name"] or "(unresolved)", rec["country"] or "-",
                    f"{rec['lat']:.4f}" if rec["lat"] is not None else "-",
                    f"{rec['lon']:.4f}" if rec["lon"] is not None else "-", f"{rec['score']:.2f}",
                ])
    if args.format == "table":
        if rows:
            out.write(_table(rows, ["where", "text", "kind", "place", "cc", "lat", "lon", "score"]) + "\n")
        else:
            print("no places found", file=sys.stderr)
    return 0


_QUERY_REFUSED = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _check_query(query: str) -> None:
    """A place name: printable text. A lone surrogate (an argument that is not UTF-8) or a control
    character is refused here, before it reaches a URL, the cache or the terminal."""
    m = _QUERY_REFUSED.search(query)
    if m:
        what = "a lone surrogate (not UTF-8)" if "\ud800" <= m[0] <= "\udfff" else "a control character"
        raise CLIError(f"geocode {ascii(query)[:80]}: expected a place name, got {what} "
                       f"{ascii(m[0])} at character {m.start()}")
    if not query.strip():
        raise CLIError("geocode: expected a place name, got an empty query")


@contextlib.contextmanager
def _one_line_faults():
    """Each fallback of the online geocoder as one line on stderr; geopy's own retry tracebacks and
    Python's two-line warnings are not shown (SafeGeocoder has handled those faults)."""
    geopy_log, online_log = logging.getLogger("geopy"), logging.getLogger("storymap.places.online")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(message)s"))
    saved = geopy_log.level, online_log.propagate
    geopy_log.setLevel(logging.CRITICAL + 1)
    online_log.addHandler(handler)
    online_log.propagate = False
    with warnings.catch_warnings():
        warnings.showwarning = lambda message, *a, **k: print(f"storymap: warning: {message}", file=sys.stderr)
        try:
            yield
        finally:
            geopy_log.setLevel(saved[0])
            online_log.removeHandler(handler)
            online_log.propagate = saved[1]


def cmd_geocode(args: argparse.Namespace) -> int:
    from .places.geocode import OFFLINE_NAMES, get_geocoder

    _check_query(args.query)
    if args.country and (len(args.country) != 2 or not args.country.isalpha()):
        raise CLIError(f"--country {args.country!r}: expected an ISO 3166-1 alpha-2 code such as IQ or US")
    if not 0 < args.timeout <= 600:
        raise CLIError(f"--timeout {args.timeout!r}: expected seconds, more than 0 and at most 600")
    offline = args.service in OFFLINE_NAMES
    if offline and (args.service_key or args.domain):
        raise CLIError("--service-key/--domain: the offline gazetteer takes neither; name an online --service")
    with _one_line_faults():
        if offline:
            geocoder = get_geocoder("offline")
        else:
            from .places.online import make_online_geocoder

            # Rate-limited, cached on disk, and falling back to the offline gazetteer on any fault.
            geocoder = make_online_geocoder(args.service, user_agent=args.user_agent, api_key=args.service_key,
                                            domain=args.domain, scheme=args.scheme, timeout=args.timeout)
        kwargs = {"exactly_one": False}
        if offline:
            kwargs |= {"country_codes": args.country, "limit": args.limit}
        locations = geocoder.geocode(args.query, **kwargs) or []
    if args.format == "json":
        recs = [{"address": loc.address, "lat": loc.latitude, "lon": loc.longitude,
                 **{k: v for k, v in (loc.raw or {}).items() if k in ("id", "name", "kind", "country", "admin1",
                                                                     "geonameid", "population", "feature_code")}}
                for loc in locations]
        print(json.dumps(recs, ensure_ascii=False, indent=2))
    elif locations:
        rows = [[str(i + 1), loc.raw.get("name", loc.address) if isinstance(loc.raw, dict) else loc.address,
                 str(loc.raw.get("kind", "")) if isinstance(loc.raw, dict) else "",
                 str(loc.raw.get("admin1") or "") if isinstance(loc.raw, dict) else "",
                 str(loc.raw.get("country") or "") if isinstance(loc.raw, dict) else "",
                 f"{loc.latitude:.4f}", f"{loc.longitude:.4f}",
                 str(loc.raw.get("population", "")) if isinstance(loc.raw, dict) else ""]
                for i, loc in enumerate(locations)]
        print(_table(rows, ["#", "name", "kind", "region", "cc", "lat", "lon", "population"]))
    else:
        print(f"no match for {args.query!r}", file=sys.stderr)
        return 1
    return 0


def _parse_date(value: str, flag: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CLIError(f"{flag} {value!r}: expected a date as YYYY-MM-DD") from None


def cmd_dates(args: argparse.Namespace) -> int:
    dct_given = _parse_date(args.dct, "--dct") if args.dct else None
    articles = _read_all(args.files, args.max_bytes)
    from .dates import article_date, find_timexes  # after the reading: a bad file fails before any work
    rows = []
    for art in progress(articles, label="dates"):
        dct = dct_given or article_date(art.text, art.date)
        for t in find_timexes(art.body, dct):
            s, e = art.to_raw(t.start, t.end)
            rec = {"file": art.path, "start": s, "end": e, "text": art.text[s:e], "type": t.type, "value": t.value}
            if args.format == "jsonl":
                sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            else:
                rows.append([f"{Path(art.path).name}:{s}-{e}", t.text, t.type, t.value,
                             dct.isoformat() if dct else "-"])
    if args.format == "table" and rows:
        print(_table(rows, ["where", "text", "type", "value", "dct"]))
    return 0


def _embed_size(value: str) -> tuple[int, int]:
    m = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", value)
    if not m or not (200 <= int(m[1]) <= 10000 and 200 <= int(m[2]) <= 10000):
        raise argparse.ArgumentTypeError(f"{value!r}: expected WIDTHxHEIGHT in pixels, each 200 to 10000, e.g. 720x450")
    return int(m[1]), int(m[2])


def _outlets(values: list[str], files: list[str]) -> dict[str, str]:
    """``--source NAME`` (every article whose input names no outlet) and ``--source FILE=NAME``
    (one article, by its path or its base name when that is unique) as a map for ``build_story``,
    keyed by the file as given (``"*"`` for the rest)."""
    def same(key: str, f: str) -> bool:
        try:
            return Path(key).resolve() == Path(f).resolve()
        except OSError:
            return False

    out: dict[str, str] = {}
    for value in values:
        key, sep, name = value.partition("=")
        matches = [f for f in files if same(key, f)] or [f for f in files if Path(f).name == key] if sep else []
        if len(matches) > 1:
            raise CLIError(f"--source {value!r}: {key!r} names {len(matches)} of the articles; give its path instead")
        if matches:
            key = matches[0]
        elif sep and ("/" in key or "\\" in key or Path(key).suffix.lower() in (".txt", ".md", ".html", ".htm")):
            raise CLIError(f"--source {value!r}: {key!r} is not one of the articles given")
        else:
            key, name = "*", value
        name = " ".join(name.split())
        if not name:
            raise CLIError(f"--source {value!r}: expected an outlet name such as 'The Gazette' or FILE=NAME")
        out[key] = name
    return out


def cmd_build(args: argparse.Namespace) -> int:
    from .story import build_story
    from .story import save_story

    dct = _parse_date(args.date, "--date") if args.date else None
    if not args.output.lower().endswith(".json"):
        raise CLIError(f"-o {args.output!r}: expected a .json file name for the story")
    if args.archive or args.story:
        if not (args.archive and args.story):
            raise CLIError("build: --archive DIR and --story ID go together (list the stories with "
                           "storymap archive --stories DIR)")
        if args.files:
            raise CLIError("build: give article files or --archive DIR --story ID, not both")
        from .archive import archive_story

        story = archive_story(args.archive, args.story, title=args.title)
        path = save_story(story, args.output)
        print(f"{path}: {len(story.steps)} steps, {len(story.places)} places", file=sys.stderr)
        return 0
    if not args.files:
        raise CLIError("build: expected article files (or --archive DIR --story ID)")
    bar = None
    if sys.stderr.isatty():
        def bar(name: str, frac: float) -> None:
            width = 30
            sys.stderr.write(f"\r[{'#' * int(frac * width):<{width}}] {name[:50]:<50}")
            sys.stderr.flush()
            if frac >= 1.0:
                sys.stderr.write("\n")
    outlets = _outlets(args.source or [], args.files)
    story = build_story(args.files, title=args.title, dct=dct, on_stage=bar, max_bytes=args.max_bytes,
                        outlets=outlets, remote_media=args.remote_media)
    path = save_story(story, args.output)
    print(f"{path}: {len(story.steps)} steps, {len(story.places)} places", file=sys.stderr)
    return 0


def cmd_archive(args: argparse.Namespace) -> int:
    if args.stories:
        if args.inputs or args.output:
            raise CLIError("archive --stories DIR: lists an archive's stories; give no inputs and no -o")
        return _print_stories(args.stories, args.format, args.min_articles)
    if not args.inputs:
        raise CLIError("archive: expected INPUT (a folder of articles, .jsonl, .csv or .parquet) and -o ARCHIVE_DIR")
    if not args.output:
        raise CLIError("archive: expected -o ARCHIVE_DIR, the folder the datasets go into")
    from .archive import run_archive
    from .archive.run import terminal_progress

    def dashboard(link: str) -> None:
        print(f"Dask dashboard: {link}", file=sys.stderr)

    report = run_archive(args.inputs, args.output, workers=args.workers, scheduler=args.scheduler,
                         partition_rows=args.partition_rows, keep_unknown=args.keep_unknown,
                         max_bytes=args.max_bytes, memory_limit=args.memory_limit,
                         on_progress=terminal_progress(), on_dashboard=dashboard)
    print(f"{args.output}: {report.summary()}", file=sys.stderr)
    if report.rows.get("errors"):
        print(f"{args.output}: {report.rows['errors']} rows could not be read; see its errors/ dataset", file=sys.stderr)
    return 0


def _print_stories(root: str, fmt: str, min_articles: int) -> int:
    from .archive import load_stories

    rows = [r for r in load_stories(root).to_pylist() if r["n_articles"] >= min_articles]
    out = sys.stdout
    for r in rows:
        if fmt == "jsonl":
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        else:
            dates = r["date_start"] or "?"
            if r["date_end"] and r["date_end"] != r["date_start"]:
                dates += f" to {r['date_end']}"
            places = ", ".join(r["places"][:3]) or "-"
            title = re.sub(r"\s+", " ", r["title"] or "")
            out.write(f"{r['story_id']}  {r['n_articles']:>4} articles  {dates:<24}  {title}  [{places}]\n")
    if not rows:
        print(f"{root}: no stories of at least {min_articles} articles", file=sys.stderr)
    return 0


def _built_gazetteer():
    """The shared gazetteer when it is built, else ``None`` (an export then draws points only; it
    never starts the build)."""
    from .places.gazetteer import default_gazetteer_path, open_gazetteer

    if not default_gazetteer_path().is_file():
        return None
    return open_gazetteer()


def cmd_export(args: argparse.Namespace) -> int:
    from .render import embed_snippet, write_exports
    from .story import load_story

    targets = {k: getattr(args, k) for k in ("html", "storymapjs", "timelinejs", "geojson", "kml", "csv")}
    if not any(targets.values()) and not args.png and not args.pdf:
        raise CLIError("export: nothing to write; expected at least one of --html, --storymapjs, --timelinejs, "
                       "--geojson, --kml, --csv, --png, --pdf")
    if args.pdf and not args.pdf.lower().endswith(".pdf"):
        raise CLIError(f"--pdf {args.pdf!r}: expected a .pdf file name for the handout")
    if args.embed and not args.html:
        raise CLIError("--embed: expected --html OUT.html too (the snippet embeds that page)")
    story = load_story(args.story, max_bytes=args.max_bytes)
    gazetteer = _built_gazetteer() if args.html or args.png or args.pdf else None  # the page's areas
    if args.scroll and args.present:
        raise CLIError("--scroll and --present: choose one layout for the page")
    written = write_exports(story, present=args.present, tiles=args.tiles, png_dir=args.png, pdf=args.pdf,
                            layout="scroll" if args.scroll else "steps",
                            gazetteer=gazetteer, **targets)
    for path in written:
        print(path, file=sys.stderr)
    if args.embed:
        width, height = args.embed_size or ("100%", 600)
        print(embed_snippet(Path(Path(args.html).name), width=width, height=height, title=story.title or "Story map"))
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    from .app.launch import run_app

    return run_app(args.targets, port=args.port, address=args.host, token=args.token, stories_dir=args.stories_dir,
                   archive=args.archive)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="storymap", description="Turn news articles into an animated story map, offline.")
    p.add_argument("--version", action="version", version=f"storymap {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sp = sub.add_parser("places", help="find and geocode every place mentioned in articles")
    sp.add_argument("files", nargs="+", metavar="FILE", help=".txt, .md or .html articles")
    sp.add_argument("--format", choices=["table", "jsonl"], default="table")
    sp.add_argument("--keep-unknown", action="store_true",
                    help="also list names the model calls places but the gazetteer cannot place (lat/lon null)")
    _add_max_bytes(sp, "articles", "20 MB")
    sp.set_defaults(func=cmd_places)

    sg = sub.add_parser("geocode", help="ranked gazetteer candidates for a place name")
    sg.add_argument("query")
    sg.add_argument("--country", metavar="CC", help="only places in this country (ISO alpha-2)")
    sg.add_argument("--format", choices=["table", "json"], default="table")
    sg.add_argument("--limit", type=int, default=10)
    sg.add_argument("--service", default="offline",
                    help="'offline' (default: the bundled gazetteer) or a geopy service name, e.g. nominatim")
    sg.add_argument("--user-agent", default=f"storymap/{__version__}", help="for online services")
    sg.add_argument("--service-key", metavar="KEY",
                    help="API key of the online service (else $STORYMAP_<SERVICE>_KEY, e.g. STORYMAP_OPENCAGE_KEY)")
    sg.add_argument("--domain", metavar="HOST[:PORT]", help="the online service's server, e.g. a self-hosted one")
    sg.add_argument("--scheme", choices=["https", "http"], help="for --domain (default https)")
    sg.add_argument("--timeout", type=float, default=10.0, metavar="SECONDS",
                    help="whole-request deadline for each online call (default 10)")
    sg.set_defaults(func=cmd_geocode)

    sd = sub.add_parser("dates", help="find and normalise time expressions (TimeML TIMEX3)")
    sd.add_argument("files", nargs="+", metavar="FILE")
    sd.add_argument("--dct", metavar="YYYY-MM-DD", help="the articles' date, when they do not say it")
    sd.add_argument("--format", choices=["table", "jsonl"], default="table")
    _add_max_bytes(sd, "articles", "20 MB")
    sd.set_defaults(func=cmd_dates)

    sb = sub.add_parser("build", help="build a story (dated steps with places and sources) from articles")
    sb.add_argument("files", nargs="*", metavar="FILE")
    sb.add_argument("-o", "--output", required=True, metavar="STORY.json")
    sb.add_argument("--title", help="the story's title (default: from the articles)")
    sb.add_argument("--date", metavar="YYYY-MM-DD", help="the articles' date, when they do not say it")
    sb.add_argument("--source", action="append", metavar="NAME | FILE=NAME",
                    help="the outlet of articles whose input does not name one (text files); "
                         "FILE=NAME for one article; repeat for several")
    sb.add_argument("--remote-media", action="store_true",
                    help="also use the articles' pictures on the web, by URL (the page then loads them from the internet); "
                         "pictures beside the articles are always embedded")
    sb.add_argument("--archive", metavar="ARCHIVE_DIR", help="build one story of an archive (with --story)")
    sb.add_argument("--story", metavar="ID", help="the archive story's id (storymap archive --stories ARCHIVE_DIR)")
    _add_max_bytes(sb, "articles", "20 MB")
    sb.set_defaults(func=cmd_build)

    sr = sub.add_parser("archive", help="process an archive of articles on Dask into Parquet datasets and find its stories")
    sr.add_argument("inputs", nargs="*", metavar="INPUT",
                    help="a folder of articles (txt/md/html/tml), a .jsonl or .csv with one article per row, or .parquet")
    sr.add_argument("-o", "--output", metavar="ARCHIVE_DIR", help="the archive folder (a re-run resumes it)")
    sr.add_argument("--workers", type=_positive("workers"), default=2, metavar="N", help="local worker processes (default 2)")
    sr.add_argument("--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster (tcp://host:8786)")
    sr.add_argument("--partition-rows", type=_positive("articles per partition"), default=50, metavar="N",
                    help="articles per partition, the unit of work and of resuming (default 50)")
    sr.add_argument("--memory-limit", metavar="SIZE", help="memory limit per local worker (e.g. 4GiB; default: shared out)")
    sr.add_argument("--keep-unknown", action="store_true", help="keep mentions the gazetteer cannot place")
    sr.add_argument("--stories", metavar="ARCHIVE_DIR", help="print the archive's stories, one per line")
    sr.add_argument("--min-articles", type=_positive("articles"), default=2, metavar="N",
                    help="with --stories: only stories of at least N articles (default 2)")
    sr.add_argument("--format", choices=["table", "jsonl"], default="table", help="with --stories")
    _add_max_bytes(sr, "articles", "20 MB")
    sr.set_defaults(func=cmd_archive)

    se = sub.add_parser("export", help="export a story: self-contained HTML, slides, StoryMapJS, GeoJSON, ...")
    se.add_argument("story", metavar="STORY.json")
    se.add_argument("--html", metavar="OUT.html", help="one self-contained page that works from disk")
    se.add_argument("--present", action="store_true", help="the page opens as full-screen slides")
    se.add_argument("--scroll", action="store_true",
                    help="the scroll layout: readers scroll the steps' text and the map follows (for embedding in an article)")
    se.add_argument("--embed", action="store_true", help="also print an <iframe> snippet for the page")
    se.add_argument("--embed-size", type=_embed_size, metavar="WxH",
                    help="the embed frame's size in pixels, e.g. 720x450 (default: full width, 600 high)")
    se.add_argument("--tiles", action="store_true", help="offer online map tiles as an optional layer")
    se.add_argument("--storymapjs", metavar="OUT.json", help="Knight Lab StoryMapJS")
    se.add_argument("--timelinejs", metavar="OUT.json", help="Knight Lab TimelineJS")
    se.add_argument("--geojson", metavar="OUT.geojson")
    se.add_argument("--kml", metavar="OUT.kml")
    se.add_argument("--csv", metavar="OUT.csv")
    se.add_argument("--png", metavar="DIR",
                    help="pictures for slides: step-NN.png (the slide, no controls) and map-NN.png (the map) per step (needs Chromium)")
    se.add_argument("--pdf", metavar="OUT.pdf", help="a handout: one A4 page per step with map, date, headline, text and sources (needs Chromium)")
    _add_max_bytes(se, "a story file", "50 MB")
    se.set_defaults(func=cmd_export)

    sa = sub.add_parser("app", help="open the story-map app (the seed story when no argument is given)")
    sa.add_argument("targets", nargs="*", metavar="STORY.json | ARTICLE")
    sa.add_argument("--port", type=int)
    sa.add_argument("--host", metavar="ADDR",
                    help="listen on ADDR (e.g. 0.0.0.0) instead of 127.0.0.1; visitors then need the access token")
    sa.add_argument("--token", metavar="TOKEN",
                    help="the access token (default: $STORYMAP_APP_TOKEN, else one is made up and printed)")
    sa.add_argument("--stories-dir", metavar="DIR",
                    help="the only folder the app saves into (default: the story file's folder, else ./stories)")
    sa.add_argument("--archive", metavar="ARCHIVE_DIR",
                    help="open the archive page: a map and list of the stories of ARCHIVE_DIR (made by storymap archive)")
    sa.set_defaults(func=cmd_app)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except StorymapError as e:
        print(f"storymap: error: {e}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("storymap: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
