"""Time expressions: find them in news text and normalise them to TimeML TIMEX3 values.

``find_timexes(text, dct)`` gives the :class:`Timex` spans of ``text`` normalised against the
document creation time ``dct``; ``article_date(text, meta_date)`` finds that date.

Modules, one job each: :mod:`.calendar` (word tables in ``data/`` and date arithmetic),
:mod:`.rules` (the named rule table), :mod:`.normalise` (the result type, context and error
handling) with the normalisers in :mod:`.absolute`, :mod:`.relative` and :mod:`.durations`,
:mod:`.find` (candidates, overlaps, left-to-right normalisation) and :mod:`.document` (the DCT).
"""

from __future__ import annotations

from .document import article_date
from .find import Timex, find_timexes

__all__ = ["Timex", "article_date", "find_timexes"]
