"""A small progress bar on stderr, drawn only when stderr is a terminal."""

from __future__ import annotations

import sys
import time
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")

__all__ = ["progress", "bar"]

WIDTH = 30


def bar(label: str = "", stream=None, unit: str = "") -> Callable[[int, int], None] | None:
    """A ``draw(done, total)`` that redraws ``label [#####.....] 3/10 [unit] 1.2s`` on ``stream``
    (stderr), or ``None`` when the stream is not a terminal. ``unit`` also shows the rate per second."""
    stream = stream or sys.stderr
    if not getattr(stream, "isatty", lambda: False)():
        return None
    start = time.monotonic()

    def draw(done: int, total: int) -> None:
        frac = done / total if total else 0.0
        elapsed = time.monotonic() - start
        marks = "#" * int(frac * WIDTH) + "." * (WIDTH - int(frac * WIDTH))
        rate = f" {unit} {done / max(elapsed, 1e-6):5.1f}/s" if unit else ""
        stream.write(f"\r{label} [{marks}] {done}/{total or '?'}{rate} {elapsed:5.1f}s")
        stream.flush()

    return draw


def progress(items: Iterable[T], total: int | None = None, label: str = "", stream=None) -> Iterator[T]:
    """Yield ``items``, drawing ``label [#####.....] 3/10`` on ``stream`` (stderr) when it is a TTY."""
    stream = stream or sys.stderr
    draw = bar(label, stream)
    if draw is None:
        yield from items
        return
    if total is None:
        try:
            total = len(items)  # type: ignore[arg-type]
        except TypeError:
            total = 0
    draw(0, total)
    n = 0
    try:
        for item in items:
            yield item
            n += 1
            draw(n, total)
    finally:
        stream.write("\n")
        stream.flush()
