"""How fast the app feels: cold start and the time from a click on "Next step" to the new step.

    .venv/bin/python benchmarks/bench_app.py                       # the fixture story (10 steps)
    .venv/bin/python benchmarks/bench_app.py --seed                # the seed story (needs storymap.story.build)
    .venv/bin/python benchmarks/bench_app.py story.json --clicks 20
    .venv/bin/python benchmarks/bench_app.py --seed --baseline ec43b43   # beside an earlier commit

Drives Debian's Chromium through Playwright against ``streamlit run`` on a free port, and writes
its section of ``docs/benchmarks.md`` (or ``--out``) with the date and the machine.

* cold start: from starting the server process to the first map feature drawn in the page (the
  browser is already running; the page is opened as soon as the server answers);
* step change: from the click on "Next step" to the new step's title in the narrative panel, and
  to the new step's layer on the map (streamlit-folium swapping its feature group); median and
  worst over ``--clicks`` clicks (at the last step the page goes back to step 1, not timed).

``--baseline REF`` first runs that commit's own copy of this script (from a temporary ``git
worktree``, sharing the built gazetteer) on the same story, then this one, and writes both columns.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymap.app.launch import running_app  # noqa: E402
from storymap.render import CHROMIUM_ARGS  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "app_story.json"
TITLE = ".st-key-narrative h3"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'



SETTLED = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && Array.from("
           "document.querySelectorAll('button')).filter(b => b.innerText.trim() === 'Next step').length === 1")

def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _chromium_version(path: str) -> str:
    try:
        return subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "chromium"


def _map_frame(page):
    for f in page.frames:
        if "streamlit_folium" in f.url:
            return f
    return None


def _layer_signature(page) -> str:
    f = _map_frame(page)
    if f is None:
        return ""
    try:
        return f.evaluate("() => String((window.__GLOBAL_DATA__ || {}).last_feature_group || '').length + ':' + "
                          "String((window.__GLOBAL_DATA__ || {}).last_feature_group || '').slice(-200)")
    except Exception:
        return ""


def measure(targets: list[str], clicks: int, chromium: str) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        t0 = time.perf_counter()
        with running_app(targets, autosave_dir=Path(tmp) / "autosave", timeout=600) as url:
            t_ready = time.perf_counter()
            page.goto(url)
            page.frame_locator(MAP_FRAME).locator(".leaflet-interactive").first.wait_for(state="attached", timeout=600_000)
            t_map = time.perf_counter()
            page.locator(TITLE).wait_for(timeout=60_000)
            page.wait_for_timeout(1500)
            text_times, map_times = [], []
            while len(text_times) < clicks:
                # Click once Streamlit's run is over and the button stands alone (during a rerun the
                # old and the new button can both be on the page).
                page.wait_for_function(SETTLED, timeout=60_000)
                nxt = page.get_by_role("button", name="Next step", exact=True)
                if nxt.is_disabled():
                    page.goto(url + "?step=1")
                    page.locator(TITLE).wait_for(timeout=60_000)
                    page.wait_for_timeout(1500)
                    continue
                old_title = page.locator(TITLE).first.inner_text()
                old_layer = _layer_signature(page)
                t = time.perf_counter()
                nxt.click()
                page.wait_for_function(
                    "([sel, old]) => { const h = document.querySelector(sel); return h && h.innerText !== old; }",
                    arg=[TITLE, old_title], timeout=30_000)
                text_times.append(time.perf_counter() - t)
                deadline = time.perf_counter() + 10
                while _layer_signature(page) == old_layer and time.perf_counter() < deadline:
                    time.sleep(0.005)
                map_times.append(time.perf_counter() - t)
                page.wait_for_timeout(300)
        browser.close()
    return {
        "server_ready_s": t_ready - t0,
        "cold_start_s": t_map - t0,
        "text_median_s": statistics.median(text_times),
        "text_max_s": max(text_times),
        "map_median_s": statistics.median(map_times),
        "map_max_s": max(map_times),
        "clicks": len(text_times),
    }


def baseline_rows(ref: str, args) -> tuple[str, dict[str, str]]:
    """Run commit ``ref``'s bench_app.py in a temporary worktree; its short hash and its table."""
    import os

    wt = Path(tempfile.mkdtemp(prefix="storymap-baseline-"))
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(wt), ref], check=True, capture_output=True)
    try:
        gaz = ROOT / "geodata" / "gazetteer.sqlite"
        if gaz.is_file():
            (wt / "geodata" / "gazetteer.sqlite").symlink_to(gaz)
        out = wt / "bench.md"
        cmd = [sys.executable, str(wt / "benchmarks" / "bench_app.py"), "--clicks", str(args.clicks), "--out", str(out)]
        cmd += ["--seed"] if args.seed else [str(Path(t).resolve()) for t in (args.targets or [str(FIXTURE)])]
        subprocess.run(cmd, check=True, cwd=str(wt), env=dict(os.environ, PYTHONPATH=str(wt)), capture_output=True)
        rows = {}
        for line in out.read_text(encoding="utf-8").splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 2 and cells[0] not in ("measure", "---"):
                rows[cells[0]] = cells[1]
        short = subprocess.run(["git", "-C", str(wt), "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
        return short, rows
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(wt)], capture_output=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("targets", nargs="*", help="story .json or articles (default: the test fixture story)")
    ap.add_argument("--seed", action="store_true", help="run on the seed story (no targets)")
    ap.add_argument("--clicks", type=int, default=10)
    ap.add_argument("--out", type=Path, default=None, help="write here instead of the app section of docs/benchmarks.md")
    ap.add_argument("--baseline", metavar="REF", help="also run this commit's bench_app.py first, in the same session")
    args = ap.parse_args(argv)
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("bench_app: chromium is not installed (apt-get install -y chromium)", file=sys.stderr)
        return 2
    targets = [] if args.seed else (args.targets or [str(FIXTURE)])
    base = baseline_rows(args.baseline, args) if args.baseline else None
    r = measure(targets, args.clicks, chromium)
    label = "the seed story" if args.seed else ", ".join(Path(t).name for t in targets)
    import streamlit

    lines = [
        "## App",
        "",
        f"Measured {dt.date.today().isoformat()} on {_cpu()} ({platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, streamlit {streamlit.__version__}, {_chromium_version(chromium)}), "
        f"with `benchmarks/bench_app.py` on {label}.",
        "",
        ("| measure | this commit |" + f" before ({base[0]}) |" if base else "| measure | time |"),
        "|---|---|" + ("---|" if base else ""),
    ]
    ours = [
        ("cold start: server process started → first map feature drawn", f"{r['cold_start_s']:.2f} s"),
        ("(of which: server answering `/_stcore/health`)", f"{r['server_ready_s']:.2f} s"),
        (f"click on “Next step” → new step title shown (median of {r['clicks']})", f"{r['text_median_s'] * 1000:.0f} ms"),
        (f"… slowest of the {r['clicks']}", f"{r['text_max_s'] * 1000:.0f} ms"),
        ("click on “Next step” → the step's layer swapped on the map (median)", f"{r['map_median_s'] * 1000:.0f} ms"),
        ("… slowest", f"{r['map_max_s'] * 1000:.0f} ms"),
    ]
    for name, value in ours:
        lines.append(f"| {name} | {value} |" + (f" {base[1].get(name, '–')} |" if base else ""))
    lines += [
        "",
        "The map then flies to the step's places (0.8 s animation); that is not counted. Headless "
        "Chromium, the browser already running; the server and the browser share the machine.",
        "",
    ]
    if base:
        lines[-1:-1] = [f"Both columns from one session: {base[0]}'s own bench_app.py first, then this commit's. "
                        "A cold start includes building the seed story when that commit's cache key for it differs "
                        "from the cached one, so compare the step times.", ""]
    if args.out:
        args.out.write_text("\n".join(lines), encoding="utf-8")
    else:
        sys.path.insert(0, str(ROOT))
        from benchmarks.common import write_section

        write_section("app", "\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
