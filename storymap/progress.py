"""A small progress bar on stderr, drawn only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

__all__ = ["progress"]


def progress(items: Iterable[T], total: int | None = None, label: str = "", stream=None) -> Iterator[T]:
    """Yield ``items``, drawing ``label [#####.....] 3/10`` on ``stream`` (stderr) when it is a TTY."""
    stream = stream or sys.stderr
    if not getattr(stream, "isatty", lambda: False)():
        yield from items
        return
    if total is None:
        try:
            total = len(items)  # type: ignore[arg-type]
        except TypeError:
            total = 0
    start = time.monotonic()
    width = 30

    def draw(done: int) -> None:
        frac = done / total if total else 0.0
        bar = "#" * int(frac * width) + "." * (width - int(frac * width))
        elapsed = time.monotonic() - start
        stream.write(f"\r{label} [{bar}] {done}/{total or '?'} {elapsed:5.1f}s")
        stream.flush()

    draw(0)
    n = 0
    try:
        for item in items:
            yield item
            n += 1
            draw(n)
    finally:
        stream.write("\n")
        stream.flush()
