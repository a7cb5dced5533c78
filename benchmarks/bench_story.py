"""Step accuracy of the seed story, and the time to build it.

The issue's acceptance list names eleven (date, places) pairs the seed story must contain; this script
builds the story from seeds/*.txt and reports how many of them a step matches, beside build time.

    python benchmarks/bench_story.py [--no-write]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import ROOT, machine, stamp, write_section  # noqa: E402

EXPECTED = [  # (date, places that one step must have, what it is)
    ("2019-12-27", {"Kirkuk"}, "rocket attack kills a US contractor"),
    ("2019-12-29", {"Al Qā’im"}, "US airstrikes"),
    ("2019-12-31", {"Green Zone"}, "the embassy stormed"),
    ("2019-12-31", {"Fort Bragg", "Kuwait"}, "the deployment"),
    ("2019-12-31", {"Kuwait", "Baghdad"}, "the Marines"),
    ("2020-01-01", {"Baghdad"}, "the withdrawal"),
    ("2020-01-01", {"Tehran"}, "Khamenei's condemnation, the Swiss envoy"),
    ("2012-09-11", {"Benghazi"}, "Benghazi"),
    ("2019-05", {"Gulf of Oman"}, "tankers"),
    ("2019-06", {"Strait of Hormuz"}, "the drone"),
    ("2019-09", {"Saudi Arabia"}, "the oil facilities"),
]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)
    from storymap.places import Geoparser
    from storymap.story import build_story

    seeds = sorted(str(p) for p in (ROOT / "seeds").glob("*.txt"))
    t = time.perf_counter()
    gp = Geoparser.default()
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    story = build_story(seeds, geoparser=gp)
    build_s = time.perf_counter() - t
    rows, hits = [], 0
    for date, places, what in EXPECTED:
        ok = any(s.date == date and places <= {p.name for p in s.places} for s in story.steps)
        hits += ok
        rows.append(f"| {date} | {', '.join(sorted(places))} | {what} | {'yes' if ok else 'no'} |")
    late = [s for s in story.steps if (s.date_end or s.date or "") > "2020-01-02"]
    lines = [f"## Seed story ({stamp()})", "", f"Machine: {machine()}", "",
             "Command: `python benchmarks/bench_story.py`", "",
             f"Step accuracy: **{hits}/{len(EXPECTED)}** expected (date, place) steps found; "
             f"{len(story.steps)} steps in all; {len(late)} dated after 2020-01-02.", "",
             f"Build time: {build_s:.1f} s for {len(seeds)} articles, after {load_s:.1f} s loading the model and gazetteer.",
             "", "| date | places | event | found |", "|---|---|---|---|", *rows]
    out = "\n".join(lines)
    print(out)
    if not args.no_write:
        write_section("story", out)
    return 0 if hits == len(EXPECTED) else 1


if __name__ == "__main__":
    raise SystemExit(main())
