"""The one month table: month names, numbers and abbreviations, read once from ``data/months.csv``.

A leaf module (it imports nothing of storymap), so the lowest stage, :mod:`storymap.ingest`, and
:mod:`storymap.dates` share it: ``MONTHS["September"] == 9``, ``MONTH_PREFIXES["sep"] == 9``,
and ``MONTH_PATTERN`` matches "September", "Sept." or "Sep".
"""

from __future__ import annotations

import csv
from pathlib import Path

__all__ = [
    "DATA_DIR",
    "read_csv_table",
    "MONTH_ROWS",
    "MONTHS",
    "MONTH_PREFIXES",
    "MONTH_SPELLINGS",
    "MONTH_FULL_PATTERN",
    "MONTH_ABBR_PATTERN",
    "MONTH_PATTERN",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_csv_table(path: str | Path) -> list[dict[str, str]]:
    """The rows of a CSV file whose leading ``#`` lines say where it came from and its licence."""
    with Path(path).open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines))


MONTH_ROWS: list[dict[str, str]] = read_csv_table(DATA_DIR / "months.csv")

#: "January" -> 1 ... "December" -> 12.
MONTHS: dict[str, int] = {r["name"]: int(r["number"]) for r in MONTH_ROWS}
#: The first three letters, lower case ("sep" -> 9): what every spelling of a month starts with.
MONTH_PREFIXES: dict[str, int] = {name[:3].lower(): n for name, n in MONTHS.items()}
#: Every spelling of a month, without a dot: full names first, then abbreviations ("Sept", "Sep").
MONTH_SPELLINGS: tuple[str, ...] = tuple(MONTHS) + tuple(a for r in MONTH_ROWS for a in r["abbreviations"].split())

MONTH_FULL_PATTERN = "(?:" + "|".join(MONTHS) + ")"
MONTH_ABBR_PATTERN = "(?:" + "|".join(a for r in MONTH_ROWS for a in r["abbreviations"].split()) + r")\.?"
#: A month name or its abbreviation: "December", "Dec.", "Sept".
MONTH_PATTERN = rf"(?:{MONTH_FULL_PATTERN}|{MONTH_ABBR_PATTERN})"
