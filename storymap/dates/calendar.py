"""Calendar facts and arithmetic: the word tables in ``data/`` (read once at import) and date helpers.

The month table itself lives in the leaf module :mod:`storymap.calendar`, which ingest shares;
``MONTHS``, ``MONTH_PREFIXES`` and the ``MONTH_*_PATTERN`` expressions are re-exported from there.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from storymap.calendar import (  # noqa: F401 - re-exported: the one month table
    MONTH_ABBR_PATTERN,
    MONTH_FULL_PATTERN,
    MONTH_PATTERN,
    MONTH_PREFIXES,
    MONTHS,
    read_csv_table,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of ``data/<name>``: a CSV file whose leading ``#`` lines say where it came from."""
    return read_csv_table(DATA_DIR / name)


def _number(s: str) -> int | float:
    v = float(s)
    return int(v) if v.is_integer() else v


_WEEKDAY_ROWS = read_table("weekdays.csv")

WEEKDAYS: dict[str, int] = {r["name"]: int(r["number"]) for r in _WEEKDAY_ROWS}
WEEKDAY_PREFIXES: dict[str, int] = {name[:3].lower(): n for name, n in WEEKDAYS.items()}
NUMBERS: dict[str, int | float] = {r["word"]: _number(r["value"]) for r in read_table("numbers.csv")}
ORDINALS: dict[str, int] = {r["word"]: int(r["value"]) for r in read_table("ordinals.csv")}
#: unit -> (TIMEX3 duration letter, whether it is a time unit written after "T")
UNITS: dict[str, tuple[str, bool]] = {r["unit"]: (r["letter"], r["is_time"] == "1") for r in read_table("units.csv")}
SEASONS: dict[str, str] = {r["word"]: r["code"] for r in read_table("seasons.csv")}
PARTS_OF_DAY: dict[str, str] = {r["word"]: r["code"] for r in read_table("parts_of_day.csv")}
#: "christmas" -> (12, 25)
FIXED_HOLIDAYS: dict[str, tuple[int, int]] = {
    r["name"]: (int(r["month"]), int(r["day"])) for r in read_table("holidays_fixed.csv")
}
#: "thanksgiving" -> (month 11, weekday 3 = Thursday, n 4 = the fourth one); n -1 is the last.
FLOATING_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    r["name"]: (int(r["month"]), int(r["weekday"]), int(r["n"])) for r in read_table("holidays_floating.csv")
}

WEEKDAY_PATTERN = "(?:" + "|".join([r["name"] for r in _WEEKDAY_ROWS] + [r["abbreviation"] for r in _WEEKDAY_ROWS]) + ")"


# --------------------------------------------------------------------------- look-ups


def month_number(s: str) -> int:
    """``month_number("Sept.") == 9``."""
    return MONTH_PREFIXES[s[:3].lower()]


def weekday_number(s: str) -> int:
    """``weekday_number("Tues.") == 1`` (Monday is 0)."""
    return WEEKDAY_PREFIXES[s[:3].lower()]


def parse_number(s: str | None) -> float | None:
    """Number words or digits -> number; ``None`` for vague quantities ("several").

    >>> parse_number("twenty-one"), parse_number("1,500"), parse_number("several")
    (21, 1500, None)
    """
    if s is None:
        return None
    s = re.sub(r"\s+", " ", s.strip().lower())
    if s in NUMBERS:
        return NUMBERS[s]
    if re.fullmatch(r"[\d,]+(\.\d+)?", s):
        v = float(s.replace(",", ""))
        return int(v) if v.is_integer() else v
    parts = re.split(r"[- ]", s)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    if s.startswith("half"):
        return 0.5
    return None


def format_number(n: float) -> str:
    return str(int(n)) if float(n).is_integer() else str(n)


def unit_key(u: str) -> str:
    """The singular table key of a unit as written: "Centuries" -> "century", "weeks" -> "week"."""
    u = u.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


# A fractional count is written in the next finer unit: "half an hour" is PT30M, not PT0.5H.
_FINER = {"H": (60, "M", True), "D": (24, "H", True), "Y": (12, "M", False), "M": (30, "D", False),
          "W": (7, "D", False)}


def duration_value(n: float | None, unit: str) -> str:
    """``P2D``, ``PT3H``, ``P10Y`` (decades as years), ``PXW`` for vague counts (``n`` None)."""
    u = unit_key(unit)
    letter, is_time = UNITS[u]
    if u == "weekend":
        return "P" + ("X" if n is None else format_number(2 * n)) + "D"
    if u == "decade":
        return "P" + ("XDE" if n is None else format_number(10 * n) + "Y")
    if u == "century":
        return "P" + ("XCE" if n is None else format_number(100 * n) + "Y")
    if u == "quarter":
        return "P" + ("XQ" if n is None else format_number(3 * n) + "M")
    if n is not None and not float(n).is_integer():
        sub = _FINER.get(letter)
        if sub and (n * sub[0]).is_integer():
            return ("PT" if sub[2] else "P") + format_number(n * sub[0]) + sub[1]
    q = "X" if n is None else format_number(n)
    return ("PT" if is_time else "P") + q + letter


# --------------------------------------------------------------------------- arithmetic


def iso_week(d: dt.date) -> str:
    """``iso_week(dt.date(2019, 12, 30)) == "2020-W01"``."""
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    """``add_months(2019, 11, 3) == (2020, 2)``."""
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    """The date, or None when there is no such day (February 30)."""
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def month_end(y: int, m: int) -> dt.date:
    return dt.date(*add_months(y, m, 1), 1) - dt.timedelta(days=1)


def weekday_date(wd: int, dct: dt.date, direction: str) -> dt.date:
    """``direction``: past (on or before DCT), future (on or after), last (strictly before),
    next (strictly after)."""
    diff = (dct.weekday() - wd) % 7
    if direction == "past":
        return dct - dt.timedelta(days=diff)
    if direction == "last":
        return dct - dt.timedelta(days=diff or 7)
    ahead = (wd - dct.weekday()) % 7
    if direction == "next":
        return dct + dt.timedelta(days=ahead or 7)
    return dct + dt.timedelta(days=ahead)


def nth_weekday(y: int, mo: int, wd: int, n: int) -> dt.date:
    """The ``n``-th weekday ``wd`` of a month; ``n`` -1 is the last (Memorial Day)."""
    if n > 0:
        first = dt.date(y, mo, 1)
        return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = month_end(y, mo)
    return last - dt.timedelta(days=(last.weekday() - wd) % 7)
