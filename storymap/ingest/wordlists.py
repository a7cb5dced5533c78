"""Read the word lists in ``data/``: one entry a line, ``#`` lines (source, licence, notes) skipped.

Each file names its source and licence in its ``# source:`` and ``# licence:`` header lines; the
regular expressions of the ingest modules are built from these lists at import.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA_DIR", "read_list", "alternation"]

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_list(name: str) -> list[str]:
    """The entries of ``data/<name>`` in file order: lines without their line break, blank lines
    and lines starting with ``#`` left out (an entry is kept exactly, spaces included)."""
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def alternation(name: str) -> str:
    """The entries of ``data/<name>`` as one regular-expression group: ``(?:a|b|c)``."""
    return "(?:" + "|".join(read_list(name)) + ")"
