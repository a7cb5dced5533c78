"""The timeline: every dated step on a time axis (a small Vega-Lite chart), the current one
highlighted, steps hidden by the filters greyed out. A click selects a step (``idx``)."""

from __future__ import annotations

from typing import Any, Iterable

from storymap.story import Story, date_bounds

__all__ = ["SELECTION", "timeline_rows", "timeline_chart"]

#: Name of the chart's click selection; its value lists ``{"idx": <step index>}``.
SELECTION = "pick"


def timeline_rows(story: Story, current: int, visible: tuple[int, ...],
                  indices: Iterable[int] | None = None) -> list[dict[str, Any]]:
    """One row per dated step (of ``indices``, default all): index, title, first and last day,
    and its status (``current``, ``shown`` or ``hidden``). Titles are data, shown by Vega's
    tooltip as text (vega-tooltip escapes HTML), never parsed as Markdown."""
    rows = []
    vis = set(visible) if indices is None else set(visible).intersection(indices)
    for i in (range(len(story.steps)) if indices is None else indices):
        s = story.steps[i]
        if s.date is None or s.is_overview:  # the overview's range is the storyline, not a happening
            continue
        first, _ = date_bounds(s.date)
        _, last = date_bounds(s.date_end or s.date)
        status = "current" if i == current else ("shown" if i in vis else "hidden")
        rows.append({"idx": i, "n": i + 1, "title": s.display_headline, "start": first.isoformat(),
                     "end": last.isoformat(), "label": s.date if not s.date_end else f"{s.date} – {s.date_end}",
                     "status": status})
    return rows


def timeline_chart(rows: list[dict[str, Any]]):
    """The Altair chart for :func:`timeline_rows` (a click on a step selects it)."""
    import altair as alt

    pick = alt.selection_point(name=SELECTION, fields=["idx"], on="click", clear=False, empty=False)
    import pandas as pd

    base = alt.Chart(pd.DataFrame(rows))
    colour = alt.Color("status:N", legend=None,
                       scale=alt.Scale(domain=["current", "shown", "hidden"],
                                       range=["#c2410c", "#1d4ed8", "#d1d5db"]))
    tooltip = [alt.Tooltip("n:Q", title="step"), alt.Tooltip("title:N"), alt.Tooltip("label:N", title="date")]
    spans = base.mark_rule(strokeWidth=4, opacity=0.6).encode(
        x=alt.X("start:T", title=None, scale=alt.Scale(padding=14),
                axis=alt.Axis(format="%b %Y", labelOverlap=True, grid=False, tickCount="month")),
        x2="end:T", color=colour, tooltip=tooltip)
    dots = base.mark_circle(cursor="pointer").encode(
        x="start:T",
        size=alt.condition("datum.status == 'current'", alt.value(260), alt.value(110)),
        color=colour, tooltip=tooltip,
        opacity=alt.value(0.95),
    ).add_params(pick)
    return (spans + dots).properties(height=70).configure_view(strokeWidth=0).configure_axisY(disable=True)
