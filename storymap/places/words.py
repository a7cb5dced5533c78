"""The place stage's word lists: the files in ``data/``, read once at import.

Each file is one entry a line, lower case; leading ``#`` lines say where it came from and its licence.
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = [
    "DATA_DIR",
    "read_words",
    "whole_word_pattern",
    "ORG_WORDS",
    "TITLES",
    "CONNECTORS",
    "NOT_ALONE",
    "DIRECTIONS",
    "INSTITUTION_WORDS",
    "NAME_HEADS",
    "DISEASE_AFTER",
    "ADMIN_SUFFIXES",
    "DIRECTION_PREFIXES",
]

DATA_DIR = Path(__file__).resolve().parent / "data"


def read_words(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` in file order (comment lines and blank lines skipped).

    A file without its ``# source:`` and ``# licence:`` header is refused with a one-line error.
    """
    path = DATA_DIR / f"{name}.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#")]
    for field in ("source", "licence"):
        if not any(line.startswith(f"# {field}:") for line in header):
            raise ValueError(f"{path}: expected a '# {field}:' line in its header")
    return tuple(s for line in lines if (s := line.strip()) and not s.startswith("#"))


def whole_word_pattern(words: tuple[str, ...]) -> str:
    """An alternation of ``words`` as literals (longest first), for use between word boundaries."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


#: A span holding one of these words is a group's name ("... Institute"), not a place's.
ORG_WORDS = re.compile(rf"\b(?:{whole_word_pattern(read_words('org_words'))})\b", re.I)
#: Titles that make the next capitalised word a person's name.
TITLES = frozenset(read_words("titles"))
#: Lower-case words that may join the capitalised words of one name.
CONNECTORS = frozenset(read_words("connectors"))
#: Capitalised words that are small towns' names somewhere but almost always something else.
NOT_ALONE = frozenset(read_words("not_alone"))
#: Directions too vague to map when they stand alone ("the South").
DIRECTIONS = frozenset(read_words("directions"))
#: Words that follow a town's name in its institutions' names ("... Police").
INSTITUTION_WORDS = frozenset(read_words("institution_words"))
#: Capitalised words that end a longer name a place's name begins ("... Cathedral", "... Spectator").
NAME_HEADS = frozenset(read_words("name_heads"))
#: A disease word right after a place's name ("the Riverton virus"): the name is the disease's.
DISEASE_AFTER = re.compile(rf"[ \t-]+(?:{whole_word_pattern(read_words('disease_words'))})\b", re.I)
#: A division word at the end of a name ("Anbar province"), for a second look-up without it.
ADMIN_SUFFIXES = re.compile(rf"\s+(?:{whole_word_pattern(read_words('admin_suffixes'))})$", re.I)
#: A direction word at the start of a name ("Northeast Georgia"), for a second look-up without it.
DIRECTION_PREFIXES = re.compile(rf"^(?:{whole_word_pattern(read_words('direction_prefixes'))})\s+", re.I)
