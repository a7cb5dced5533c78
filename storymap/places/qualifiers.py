"""The "Town, State" rule: a country or first-level region right after a name says where the name is.

Three stages read it, each for its own purpose, all from here:

* recognition keeps a name too small for the gazetteer when a region follows it
  (:func:`qualifier_after`: "Smallville, Conn.");
* resolution favours the readings of a name that lie inside the region after it
  (:func:`qualifier_pairs`, :func:`qualifies`: "Springfield, Illinois", "Springfield in Illinois");
* events do not count the qualifying region as a second site (:func:`qualifies_previous`).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..model import Mention, Place
from .gazetteer import NameMatch

__all__ = ["qualifier_after", "is_qualifier_gap", "can_qualify", "qualifies", "qualifier_pairs",
           "qualifies_previous"]

# ", " then one to three capitalised words ("Conn.", "New South Wales") up to punctuation or a space.
_AFTER = re.compile(r",\s+((?:[A-Z][\w.'’]*\.?\s?){1,3}?)(?=[\s,;:.!?)]|$)")
# Between two mentions: "X, Y" or "X in Y".
_GAP = re.compile(r"^\s*,\s*$|^\s+in\s+$")
# Between two mentions as events read them: "X, Y" only.
_COMMA = re.compile(r",\s*")


def qualifier_after(text: str, end: int) -> str | None:
    """The capitalised words after ", " at ``end`` (a possible qualifier), else ``None``.

    >>> qualifier_after("Smallville, Conn. said", 10)
    'Conn.'
    """
    m = _AFTER.match(text, end)
    return m.group(1) if m else None


def is_qualifier_gap(gap: str) -> bool:
    """Is ``gap`` the text between a name and its qualifier ("," or " in ")?"""
    return bool(_GAP.match(gap))


def can_qualify(place: Place) -> bool:
    """A country or a first-level region: the places that qualify a name."""
    return place.kind == "country" or place.feature_code == "ADM1"


def qualifies(p: Place, quals: Sequence[Place]) -> bool:
    """Does ``p`` lie inside one of the qualifying places ``quals`` (and is not one of them)?"""
    for q in quals:
        if q.id == p.id:
            continue
        if q.kind == "country" and p.country == q.country:
            return True
        if q.feature_code == "ADM1" and p.country == q.country and p.admin1 and p.admin1 == q.admin1:
            return True
    return False


def qualifier_pairs(text: str, mentions: Sequence[Mention], cands: Sequence[Sequence[NameMatch]]
                    ) -> dict[int, list[Place]]:
    """For "X, Y" / "X in Y" where Y's candidates include a country or first-level region: mention
    index of X -> those places of Y."""
    out: dict[int, list[Place]] = {}
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a.end:b.start] if text else ""
        if b.start < a.end or not is_qualifier_gap(gap):
            continue
        quals = [x.place for x in cands[i + 1] if can_qualify(x.place)]
        if quals:
            out[i] = quals
    return out


def qualifies_previous(text: str, prev_end: int, start: int, place: Place) -> bool:
    """Is the place mentioned at ``start`` a region qualifying the name that ends at ``prev_end``
    ("Fort Bragg, North Carolina")? Events read only a comma and a region or an independent country."""
    return prev_end >= 0 and bool(_COMMA.fullmatch(text[prev_end:start])) and place.feature_code in ("ADM1", "PCLI")
