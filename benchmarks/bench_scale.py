"""A story at scale: 500 steps and 2,000 places, in the exported page and in the app.

Generates the story (500 steps of 4 places each, a movement every fifth step, two quoted sources a
step), then measures the exported HTML (size; load and step change in headless Chromium, network
blocked) and the app (cold start and "Next step" → new step shown). Figures go to the "scale" section of
docs/benchmarks.md.

    python benchmarks/bench_scale.py [--steps 500] [--places 4] [--no-write]
    python benchmarks/bench_scale.py --server-only --steps 100000 --clicks 20   # the app's server side

``--server-only`` runs the app in-process with Streamlit's AppTest (no browser): time to the first
step, time per "Next step" and the process's resident memory after each of ``--clicks`` clicks.
It prints its figures and writes nothing.
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, stamp, write_section  # noqa: E402
from storymap.story import Source, Step, StepPlace, Story, build_place_index, save_story  # noqa: E402


def big_story(n_steps: int, per_step: int, seed: int = 7) -> Story:
    rnd = random.Random(seed)
    steps = []
    for i in range(n_steps):
        places = []
        for j in range(per_step):
            lat, lon = rnd.uniform(-50, 60), rnd.uniform(-120, 140)
            role = ("origin" if j == 0 else "destination" if j == 1 else "site") if i % 5 == 0 else "site"
            places.append(StepPlace(f"Place {i}-{j}", round(lat, 4), round(lon, 4), "city", role,
                                    place_id=f"x:{i}-{j}"))
        y, m, d = 2000 + (i // 300) % 100, 1 + (i // 25) % 12, 1 + i % 25  # years stay in 2000-2099
        text = f"Step {i + 1}: " + "Reports said something happened here, and officials responded. " * 3
        sources = tuple(Source(f"articles/a{k}.txt", 100 * i, 100 * i + 90, "Reports said something happened.")
                        for k in range(2))
        steps.append(Step(f"s{i + 1:04d}", f"{y}-{m:02d}-{d:02d}", f"Event {i + 1}", text, tuple(places), sources,
                          corroboration=2))
    steps = tuple(steps)
    return Story(f"A story of {n_steps} steps", steps, summary="Generated for the scale benchmark.",
                 places=build_place_index(steps))


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def server_side(story: Story, clicks: int) -> dict:
    """First step and per-click times and memory of the app's script, run by AppTest."""
    import json
    import os

    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        js = Path(tmp) / "story.json"
        save_story(story, js)
        os.environ["STORYMAP_APP_TARGETS"] = json.dumps([str(js)])
        os.environ["STORYMAP_AUTOSAVE_DIR"] = str(Path(tmp) / "autosave")
        os.environ.setdefault("STORYMAP_MAX_BYTES", str(2 * js.stat().st_size))  # 100,000 steps: ~285 MB
        app = Path(__file__).resolve().parent.parent / "storymap" / "app" / "streamlit_app.py"
        at = AppTest.from_file(str(app), default_timeout=3600)
        t0 = time.perf_counter()
        at.run()
        first = time.perf_counter() - t0
        if at.exception or not [b for b in at.button if b.key == "nav_next"]:
            shown = [e.value for e in (*at.exception, *at.error, *at.info)]
            raise SystemExit(f"bench_scale: the app showed no story after {first:.0f} s: {shown[:3]}")
        rss0, times = _rss_mib(), []
        for _ in range(clicks):
            t = time.perf_counter()
            at.button(key="nav_next").click().run()
            times.append(time.perf_counter() - t)
        assert not at.exception, at.exception
        return {"first_s": first, "step_median_s": sorted(times)[len(times) // 2], "step_max_s": max(times),
                "rss_start_mib": rss0, "rss_end_mib": _rss_mib(), "index": at.session_state["app"].index}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--steps", type=int, default=500)
    ap.add_argument("--places", type=int, default=4)
    ap.add_argument("--clicks", type=int, default=5)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--server-only", action="store_true", help="only the app's server side, in-process")
    args = ap.parse_args(argv)
    if args.server_only:
        t0 = time.perf_counter()
        story = big_story(args.steps, args.places)
        print(f"story of {args.steps} steps generated in {time.perf_counter() - t0:.1f} s", flush=True)
        r = server_side(story, args.clicks)
        print(f"first step shown: {r['first_s']:.1f} s (load, validate and first draw)")
        print(f"'Next step': median {r['step_median_s'] * 1000:.0f} ms, slowest {r['step_max_s'] * 1000:.0f} ms "
              f"over {args.clicks} clicks (now at step {r['index'] + 1})")
        print(f"RSS: {r['rss_start_mib']:.0f} MiB after the first step, {r['rss_end_mib']:.0f} MiB after "
              f"{args.clicks} clicks ({r['rss_end_mib'] - r['rss_start_mib']:+.0f} MiB)")
        return 0
    from storymap.render import CHROMIUM_ARGS, to_html

    story = big_story(args.steps, args.places)
    n_places = sum(len(s.places) for s in story.steps)
    t0 = time.perf_counter()
    page = to_html(story, geometries={})
    render_s = time.perf_counter() - t0
    raw = page.encode("utf-8")
    rows = [f"| export: `to_html` | {render_s * 1000:.0f} ms |",
            f"| export: HTML size | {len(raw) / 1024 / 1024:.2f} MiB ({len(gzip.compress(raw, 6)) / 1024:.0f} KiB gzipped) |"]
    chromium = shutil.which("chromium")
    if chromium:
        from playwright.sync_api import sync_playwright

        with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
            html = Path(tmp) / "story.html"
            html.write_bytes(raw)
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            ctx = browser.new_context(viewport={"width": 1280, "height": 800})
            ctx.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
            pg = ctx.new_page()
            t0 = time.perf_counter()
            pg.goto(html.as_uri())
            pg.wait_for_selector("html[data-settled=true]", state="attached", timeout=120_000)
            rows.append(f"| export: page open → map drawn | {(time.perf_counter() - t0) * 1000:.0f} ms |")
            t0 = time.perf_counter()
            pg.keyboard.press("ArrowRight")
            pg.wait_for_selector("html[data-step='2'][data-settled=true]", state="attached", timeout=60_000)
            rows.append(f"| export: → to the next step, settled (incl. 1.2 s fly) | {(time.perf_counter() - t0) * 1000:.0f} ms |")
            ctx.close()
            browser.close()
        # The app is measured with its own Playwright session (one sync session at a time).
        from benchmarks.bench_app import measure

        with tempfile.TemporaryDirectory() as tmp:
            js = Path(tmp) / "story.json"
            save_story(story, js)
            r = measure([str(js)], args.clicks, chromium)
            rows += [f"| app: cold start → first map feature | {r['cold_start_s']:.1f} s |",
                     f"| app: “Next step” → new title (median of {r['clicks']}) | {r['text_median_s'] * 1000:.0f} ms |",
                     f"| app: “Next step” → step layer on the map (median) | {r['map_median_s'] * 1000:.0f} ms |"]
    else:
        rows.append("| browser figures | not measured: Chromium not installed |")
    out = "\n".join([f"## Scale: {args.steps} steps, {n_places} places ({stamp()})", "", f"Machine: {machine()}", "",
                     "Command: `python benchmarks/bench_scale.py`", "", "| measure | value |", "|---|---|", *rows])
    print(out)
    if not args.no_write:
        write_section("scale", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
