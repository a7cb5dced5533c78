"""Size and load time of the seed story's exported map, in headless Chromium from disk.

Usage (from the project root)::

    .venv/bin/python benchmarks/bench_export.py [--runs 7] [--no-write] [--baseline REF]

Builds the seed story (or, with ``--synthetic``, a hand-made 12-step story), exports it with
``to_html`` (the areas of its places from the gazetteer) and measures:

* the time ``to_html`` takes (median of the runs, after a warm-up that reads the assets);
* the file size, raw and gzipped (as a web server would send it);
* in Chromium (network blocked, cache off, a new page per run): time to DOMContentLoaded, to the
  load event, and until the page marks ``data-settled`` (the map drawn and fitted to step 1);
* the time from pressing → to the next step being settled (with the fly animation, 1.2 s).

With ``--baseline REF`` (a commit), the same story is also exported by that commit's ``to_html``
(from a temporary ``git worktree``, given the same areas) and both pages are measured in the same
run, interleaved, so the table sets today's page beside the earlier one on the same machine state.

Writes the table to its section of ``docs/benchmarks.md`` (unless ``--no-write``) and prints it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import machine  # noqa: E402
from storymap.render import CHROMIUM_ARGS, step_geometries, to_html  # noqa: E402
from storymap.story import Source, Step, StepPlace, Story  # noqa: E402


PLACES = [
    ("Fujairah", 25.12, 56.33, "city", None), ("Strait of Hormuz", 26.57, 56.25, "water", "cur:strait-of-hormuz"),
    ("Tehran", 35.69, 51.42, "city", "gn:112931"), ("Iran", 32.0, 53.0, "country", "gn:130758"),
    ("Gibraltar", 36.14, -5.35, "city", None), ("United Kingdom", 54.0, -2.0, "country", "gn:2635167"),
    ("Bandar Abbas", 27.18, 56.27, "city", None), ("Abqaiq", 25.94, 49.68, "landmark", None),
    ("Yemen", 15.5, 47.5, "country", "gn:69543"), ("Saudi Arabia", 25.0, 45.0, "country", "gn:102358"),
    ("Baghdad", 33.34, 44.40, "city", "gn:98182"), ("Iraq", 33.0, 44.0, "country", "gn:99237"),
    ("Washington", 38.90, -77.04, "city", None), ("United States", 39.76, -98.5, "country", "gn:6252001"),
]


def twelve_steps() -> Story:
    steps = []
    for i in range(12):
        a = PLACES[i % len(PLACES)]
        b = PLACES[(i * 5 + 3) % len(PLACES)]
        moving = i % 3 == 1
        places = (
            StepPlace(a[0], a[1], a[2], a[3], "origin" if moving else "site", place_id=a[4]),
            StepPlace(b[0], b[1], b[2], b[3], "destination" if moving else "site", place_id=b[4]),
        )
        text = (f"Step {i + 1}: " + "Officials said the incident near the strait raised tensions further. " * 4).strip()
        sources = tuple(Source(f"articles/{f}.txt", 100 * i, 100 * i + 80, "Officials said the incident raised tensions.")
                        for f in ("reuters", "ap")[: 1 + i % 2])
        steps.append(Step(f"s{i + 1}", f"2019-{1 + i % 12:02d}-{10 + i:02d}", f"Event {i + 1} at {a[0]}", text,
                          places, sources, corroboration=len(sources)))
    return Story("Gulf tensions, 2019", tuple(steps), summary="Twelve steps of a year of attacks on shipping.")


_BASELINE_SNIPPET = """
import json, sys
from storymap.render import to_html
from storymap.story import load_story
story = load_story(sys.argv[1])
geometries = json.loads(open(sys.argv[2], encoding="utf-8").read())
open(sys.argv[3], "w", encoding="utf-8").write(to_html(story, geometries=geometries))
"""


def baseline_page(ref: str, story_json: Path, geometries: dict, out: Path) -> str:
    """The page commit ``ref`` writes for the story, through a temporary git worktree; returns the
    commit's short hash."""
    wt = Path(tempfile.mkdtemp(prefix="storymap-baseline-"))
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(wt), ref], check=True,
                   capture_output=True)
    try:
        geo = out.with_suffix(".geometries.json")
        geo.write_text(json.dumps(geometries), encoding="utf-8")
        env = dict(os.environ, PYTHONPATH=str(wt))
        subprocess.run([sys.executable, "-c", _BASELINE_SNIPPET, str(story_json), str(geo), str(out)], check=True,
                       env=env, cwd=str(wt))
        return subprocess.run(["git", "-C", str(wt), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(wt)], capture_output=True)


def load_figures(browser, path: Path) -> dict[str, float]:
    """One cold load of the page and one step forward, in a new context: milliseconds."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
    pg = ctx.new_page()
    pg.goto(path.as_uri())
    pg.wait_for_selector("html[data-settled=true]", state="attached")
    settled_at = pg.evaluate("performance.now()")
    nav = pg.evaluate("JSON.parse(JSON.stringify(performance.getEntriesByType('navigation')[0]))")
    t0 = time.perf_counter()
    pg.keyboard.press("ArrowRight")
    pg.wait_for_selector("html[data-step='2'][data-settled=true]", state="attached")
    step = (time.perf_counter() - t0) * 1000
    ctx.close()
    return {"DOMContentLoaded": nav["domContentLoadedEventEnd"], "load event": nav["loadEventEnd"],
            "map drawn and fitted (data-settled)": settled_at, "→ to next step settled (1.2 s fly)": step}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--synthetic", action="store_true", help="a hand-made 12-step story instead of the seed story")
    parser.add_argument("--baseline", metavar="REF", help="also measure the page this commit writes, in the same run")
    args = parser.parse_args(argv)

    if args.synthetic:
        story = twelve_steps()
    else:
        from storymap.story import seed_story

        story = seed_story()
    from storymap.places import open_gazetteer

    geometries = step_geometries(story, open_gazetteer())
    to_html(story, geometries=geometries)  # warm-up: reads Leaflet, the basemap, the template
    render = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        page = to_html(story, geometries=geometries)
        render.append(time.perf_counter() - t0)
    raw = page.encode("utf-8")
    gz = gzip.compress(raw, 9)

    tmp = Path(tempfile.mkdtemp(prefix="storymap-bench-"))
    pages = {"now": tmp / "story.html"}
    pages["now"].write_bytes(raw)
    base_name = None
    if args.baseline:
        from storymap.story import save_story

        story_json = save_story(story, tmp / "story.json")
        pages["before"] = tmp / "before.html"
        base_name = baseline_page(args.baseline, story_json, geometries, pages["before"])
    sizes = {k: (p.stat().st_size, len(gzip.compress(p.read_bytes(), 9))) for k, p in pages.items()}

    chromium = shutil.which("chromium")
    figures: dict[str, dict[str, list[float]]] = {k: {} for k in pages}
    if chromium:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            for _ in range(args.runs):
                for k, path in pages.items():  # interleaved: both pages see the same machine state
                    for name, ms in load_figures(browser, path).items():
                        figures[k].setdefault(name, []).append(ms)
            browser.close()
    shutil.rmtree(tmp, ignore_errors=True)
    med = statistics.median

    cols = ["now"] + (["before"] if base_name else [])
    head = "| measure | " + " | ".join("this commit" if c == "now" else f"before ({base_name})" for c in cols) + " |"
    lines = [
        "## Export: HTML story map",
        "",
        f"Date: {time.strftime('%Y-%m-%d')}. Machine: {machine()}.",
        "Command: `python benchmarks/bench_export.py" + (f" --baseline {args.baseline}`" if args.baseline else "`"),
        "",
        (f"Story: the seed story (`seeds/*.txt`), {len(story.steps)} steps, "
         f"{sum(len(s.places) for s in story.steps)} step places, {sum(len(s.sources) for s in story.steps)} quoted "
         f"sources; {len(geometries)} areas from the gazetteer." if not args.synthetic else
         f"Story: 12 hand-made steps, 2 places each (4 with movements), 1–2 quoted sources each; "
         f"{len(geometries)} country areas from the gazetteer."),
        "",
        head,
        "|---|" + "---|" * len(cols),
        "| HTML size | " + " | ".join(f"{sizes[c][0] / 1024:.0f} KiB ({sizes[c][0]:,} bytes)" for c in cols) + " |",
        "| HTML size gzipped | " + " | ".join(f"{sizes[c][1] / 1024:.0f} KiB" for c in cols) + " |",
        f"| `to_html` time (median of {args.runs}) | {statistics.median(render) * 1000:.1f} ms |" + " – |" * (len(cols) - 1),
    ]
    if chromium:
        for name in figures["now"]:
            lines.append(f"| Chromium from disk: {name} (median of {args.runs}) | "
                         + " | ".join(f"{med(figures[c][name]):.0f} ms" for c in cols) + " |")
    else:
        lines.append("| load time | not measured: Chromium not installed |")
    lines += [
        "",
        "Of the file: Leaflet JS 144 KiB, the country basemap ~170 KiB, its labels (957 names) ~40 KiB, Leaflet CSS "
        "with inlined images ~20 KiB, the page's own JS and CSS ~45 KiB; the story itself is the rest.",
        "Load times are for headless Chromium on this machine with the network blocked and no cache"
        + ("; the two pages were loaded in turn, run after run." if base_name else "."),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if not args.no_write:
        sys.path.insert(0, str(ROOT))
        from benchmarks.common import write_section

        write_section("export", text)
        print("wrote docs/benchmarks.md", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
