"""Memory of long input: peak RSS of ``storymap places`` (and optionally ``dates``/``build``) on one
5 MB line without breaks and on 1 MB with line breaks.

The model sees long lines in pieces of at most ``storymap.limits.CHUNK_CHARS`` characters. Before,
a 5 MB line went to spaCy whole and took about 7 GB (about 3 GB per MB of a line without breaks; the
figure recorded by the probe, not re-run here). ``--old-mb`` measures that previous behaviour (no
pieces) on a small line only, so the growth can be compared without exhausting the machine.

Peak PSS and RSS are sampled from /proc over the command's whole process tree (parent plus spaCy
workers; PSS divides the pages they share, RSS counts them in each process),
and ``ru_maxrss`` of the largest single process is given beside it. Prints the figures; writes nothing.

    python benchmarks/bench_limits.py [--single-mb 5] [--lines-mb 1] [--old-mb 0.2] [--commands places,dates]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import machine, stamp  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OLD_FIGURE = "about 7 GB for a 5 MB line (then a crash), recorded before the change"

# Invented report sentences: places, dates and people enough to keep every stage busy.
SENTENCES = [
    "Troops moved from Kuwait to Baghdad on Monday, officials in Washington said.",
    "Protesters gathered outside the embassy in the Green Zone on Tuesday night.",
    "A convoy left Erbil for Mosul early on Wednesday, according to a spokesman.",
    "The governor of Anbar said on Thursday that roads near Ramadi were closed.",
    "Aid workers reached Fallujah on Friday after two days of talks in Amman.",
    "Minister Sara Haddad flew to Tehran on Saturday to meet her counterpart.",
]


def article(n_bytes: int, line_breaks: bool) -> str:
    parts, size, i = [], 0, 0
    while size < n_bytes:
        s = SENTENCES[i % len(SENTENCES)]
        parts.append(s)
        size += len(s) + 1
        i += 1
        if line_breaks and i % 5 == 0:
            parts.append("\n")
    text = " ".join(parts)
    return text.replace(" \n ", "\n") if line_breaks else text


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    parent_of = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                parent_of[int(entry)] = int(Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                pass
    out, frontier = [pid], [pid]
    while frontier:
        frontier = [p for p, pp in parent_of.items() if pp in frontier]
        out.extend(frontier)
    return out


def _proc_kib(path: str, key: str) -> int:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _rss(pid: int) -> int:
    return _proc_kib(f"/proc/{pid}/status", "VmRSS:")


def _pss(pid: int) -> int:
    """Proportional set size: pages shared by the parent and its forked workers (the model) are
    divided among them, so the sum over the tree is the memory the command really holds."""
    return _proc_kib(f"/proc/{pid}/smaps_rollup", "Pss:")


def measure(argv: list[str]) -> dict:
    """Run ``argv``; its wall time, the sampled peak RSS of its process tree, and ru_maxrss."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak, pss_peak = [0], [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            tree = _tree(proc.pid)
            peak[0] = max(peak[0], sum(_rss(p) for p in tree))
            pss_peak[0] = max(pss_peak[0], sum(_pss(p) for p in tree))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    done.set()
    sampler.join()
    max_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024  # KiB on Linux
    return {"seconds": time.monotonic() - start, "tree_peak": peak[0], "tree_pss_peak": pss_peak[0],
            "rc": proc.returncode,
            "max_rss": max_rss if max_rss > before * 1024 else None, "stderr": err.decode(errors="replace")[-300:]}


def storymap_argv(command: str, path: Path, out: Path, old: bool) -> list[str]:
    args = {"places": ["places", str(path), "--format", "jsonl"], "dates": ["dates", str(path), "--format", "jsonl"],
            "build": ["build", str(path), "-o", str(out)]}[command]
    if not old:
        return [sys.executable, "-m", "storymap.cli", *args]
    # The previous behaviour: the model is given each line whole.
    code = ("import sys, storymap.places.recognise as r; r.CHUNK_CHARS = 10**12\n"
            "from storymap.cli import main; sys.exit(main(sys.argv[1:]))")
    return [sys.executable, "-c", code, *args]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--single-mb", type=float, default=5.0, help="size of the one-line article")
    ap.add_argument("--lines-mb", type=float, default=1.0, help="size of the article with line breaks")
    ap.add_argument("--old-mb", type=float, default=0.2,
                    help="size of a one-line article run the old way (whole line to the model); 0 to skip")
    ap.add_argument("--commands", default="places", help="comma-separated: places, dates, build")
    args = ap.parse_args(argv)
    cases = [(f"{args.single_mb:g} MB, one line", args.single_mb, False, False),
             (f"{args.lines_mb:g} MB, line breaks", args.lines_mb, True, False)]
    if args.old_mb > 0:
        cases.append((f"{args.old_mb:g} MB, one line, previous (whole line to spaCy)", args.old_mb, False, True))
    print(f"# bench_limits {stamp()} on {machine()}")
    print(f"previous figure: {OLD_FIGURE}")
    with tempfile.TemporaryDirectory() as tmp:
        for command in args.commands.split(","):
            for label, mb, breaks, old in cases:
                if old and command != "places":
                    continue
                path = Path(tmp) / f"article-{mb:g}-{'lines' if breaks else 'one'}.txt"
                if not path.exists():
                    path.write_text(article(int(mb * 1_000_000), breaks), encoding="utf-8")
                r = measure(storymap_argv(command, path, Path(tmp) / "story.json", old))
                rss = f", largest process {r['max_rss'] / 2**30:.2f} GiB" if r["max_rss"] else ""
                status = "ok" if r["rc"] == 0 else f"exit {r['rc']}: {r['stderr'].strip().splitlines()[-1:]}"
                print(f"{command:6s} {label:45s} peak PSS (tree) {r['tree_pss_peak'] / 2**30:.2f} GiB, "
                      f"peak RSS (tree) {r['tree_peak'] / 2**30:.2f} GiB{rss}, "
                      f"{r['seconds']:.1f} s, {status}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
