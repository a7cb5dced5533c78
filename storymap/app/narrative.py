"""Text for the narrative panel, as Streamlit Markdown with everything from the articles escaped.

Article text never reaches HTML: it is shown through ``st.markdown`` without
``unsafe_allow_html``, and every Markdown special character in it is backslash-escaped first, so an
article cannot add links, images (which would make the browser fetch them), LaTeX or emoji codes.
Place names are marked with Streamlit's ``:color-background[...]`` directive.

>>> md_escape("*a* [b](c) $x$")
'\\\\*a\\\\* \\\\[b\\\\]\\\\(c\\\\) \\\\$x\\\\$'
>>> mark_places("Fire in Basra.", ["Basra"])
'Fire in :orange-background[Basra]\\\\.'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Iterable

from storymap.app.text import md_escape
from storymap.story import Source, Step
from storymap.story.citations import Citation, cite

__all__ = ["md_escape", "mark_places", "source_label", "format_date", "step_caption"]


def mark_places(text: str, names: Iterable[str]) -> str:
    """``text`` escaped, with each occurrence of a place name highlighted (longest names first)."""
    names = sorted({n for n in names if n and n.strip()}, key=len, reverse=True)
    if not names:
        return md_escape(text)
    pattern = re.compile("|".join(r"(?<!\w)" + re.escape(n) + r"(?!\w)" for n in names))
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(md_escape(text[pos:m.start()]))
        out.append(f":orange-background[{md_escape(m.group())}]")
        pos = m.end()
    out.append(md_escape(text[pos:]))
    return "".join(out)


def source_label(src: Source, table: Mapping[str, Citation] | None = None) -> str:
    """An article as readers cite it: outlet, title and date from the story's article list
    (``table``, see :func:`storymap.story.citations.citations`), else its base name."""
    return cite(src, table or {}).label


def format_date(step: Step) -> str:
    """``"2019-05-12"``, ``"2019-06 – 2019-07"`` or ``"undated"``."""
    if step.date is None:
        return "undated"
    return f"{step.date} – {step.date_end}" if step.date_end else step.date


def step_caption(k: int, n: int, step: Step) -> str:
    """``"Step 3 of 9 · 2019-06-13"`` for the current step's position among the visible ones;
    ``"Overview · Step 1 of 9 · ..."`` for the overview, ``"... · background"`` for background."""
    where = f"Step {k + 1} of {n}" if k >= 0 else "Step (hidden by the filters)"
    if step.is_overview:
        where = f"Overview · {where}"
    kind = " · background" if step.is_background else ""
    return f"{where} · {format_date(step)}{kind}"
