"""Helpers shared by the benchmark scripts: machine description and writing a section of docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
import re
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmarks.md"
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"


def machine() -> str:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(open("/proc/meminfo").readline().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores{mem}, {cpu}, Python {platform.python_version()}"


def write_section(name: str, body: str, doc: Path | None = None) -> None:
    """Replace (or append) the section between ``<!-- name:start -->`` and ``<!-- name:end -->`` of
    ``doc`` (docs/benchmarks.md)."""
    doc = Path(doc) if doc is not None else DOC
    doc.parent.mkdir(parents=True, exist_ok=True)
    text = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n\nFigures written by the scripts in `benchmarks/`; re-run them after changing a stage.\n"
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda m: block, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    from storymap.files import atomic_write

    atomic_write(doc, text.encode("utf-8"), backup=False)


def stamp() -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())


def load_average() -> str:
    """The 1, 5 and 15 minute load averages ("0.4 / 0.6 / 0.9"), or "unknown"."""
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def commit() -> str:
    """The measured code: git HEAD of this tree, and whether ``storymap/`` has uncommitted changes."""
    import subprocess

    try:
        out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "storymap"],
                               capture_output=True, text=True).stdout.strip()
        return out + (" + uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
