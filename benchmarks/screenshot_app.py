"""Save a screenshot of the app on a story: ``docs/screenshot.png`` by default.

    .venv/bin/python benchmarks/screenshot_app.py                       # the test fixture story
    .venv/bin/python benchmarks/screenshot_app.py --seed                # the seed story (storymap.story.build)
    .venv/bin/python benchmarks/screenshot_app.py story.json --step 6 --out docs/screenshot.png
    .venv/bin/python benchmarks/screenshot_app.py seeds/*.txt           # a story built from articles

Starts ``streamlit run`` on a free port (with a throw-away autosave folder, so earlier edits do
not show), opens the step in headless Chromium, waits for the map to finish flying and saves a PNG.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from storymap.app.launch import running_app  # noqa: E402
from storymap.render import CHROMIUM_ARGS  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "app_story.json"


def screenshot(targets: list[str], out: Path, *, step: int = 6, width: int = 1440, height: int = 900,
               timeout_s: float = 600) -> Path:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("screenshot_app: chromium is not installed (apt-get install -y chromium)")
    with tempfile.TemporaryDirectory() as tmp, running_app(targets, autosave_dir=Path(tmp), timeout=timeout_s) as url, \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        page.goto(f"{url}?step={step}")
        page.locator(".st-key-narrative h3").wait_for(timeout=timeout_s * 1000)
        page.frame_locator('iframe[title="streamlit_folium.st_folium"]').locator(
            ".leaflet-interactive").first.wait_for(state="attached", timeout=timeout_s * 1000)
        page.wait_for_timeout(2500)  # the basemap fetch and the fit to the step's places
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("targets", nargs="*", help="story .json or articles (default: the test fixture story)")
    ap.add_argument("--seed", action="store_true", help="the seed story (no targets)")
    ap.add_argument("--step", type=int, default=6, help="step to show (1-based, default 6)")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    ap.add_argument("--width", type=int, default=1440)
    ap.add_argument("--height", type=int, default=900)
    args = ap.parse_args(argv)
    targets = [] if args.seed else (args.targets or [str(FIXTURE)])
    print(screenshot(targets, args.out, step=args.step, width=args.width, height=args.height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
