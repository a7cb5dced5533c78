"""The timeline: every dated step on a time axis (a small Vega-Lite chart), the current one
highlighted, steps hidden by the filters greyed out, background steps in a lane of their own. It
opens on the main storyline's period (the shown event steps, so a date filter rescales it), zooms
with the mouse wheel and pans with a drag along the time axis; a click selects a step (``idx``)."""

from __future__ import annotations

from typing import Any, Iterable

from storymap.story import Story, date_bounds

__all__ = ["SELECTION", "LANES", "timeline_rows", "timeline_domain", "timeline_chart"]

#: The chart's two lanes, top to bottom.
LANES = ("Storyline", "Background")

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
                     "status": status, "lane": LANES[1] if s.is_background or "background" in s.tags else LANES[0]})
    # Steps of the same lane on the same first day stand one above the other, so each can be clicked.
    slots: dict[tuple[str, str], int] = {}
    for r in rows:
        key = (r["lane"], r["start"])
        r["slot"] = slots.get(key, 0)
        slots[key] = r["slot"] + 1
    return rows


def timeline_domain(rows: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The period the timeline opens on: the first and last day of the storyline steps that are
    shown (the current one counts), padded by a tenth on each side (at least a day); without
    such steps, of every shown step; ``None`` when nothing is shown. Background years back do
    not squeeze the storyline's week into one dot, and a date filter narrows the view with it.

    >>> timeline_domain([{"start": "2020-01-01", "end": "2020-01-03", "lane": "Storyline", "status": "shown"},
    ...                  {"start": "2012-09-11", "end": "2012-09-11", "lane": "Background", "status": "shown"}])
    ('2019-12-31', '2020-01-04')
    """
    import datetime as dt

    shown = [r for r in rows if r["status"] != "hidden"]
    main = [r for r in shown if r.get("lane") == LANES[0]] or shown
    if not main:
        return None
    lo = dt.date.fromisoformat(min(r["start"] for r in main))
    hi = dt.date.fromisoformat(max(r["end"] for r in main))
    # The current step outside that period (a background step years back): the same width of
    # time around it instead, so the reader always sees where they are.
    cur = next((r for r in rows if r["status"] == "current"), None)
    if cur and (cur["end"] < lo.isoformat() or cur["start"] > hi.isoformat()):
        width = hi - lo
        c0, c1 = dt.date.fromisoformat(cur["start"]), dt.date.fromisoformat(cur["end"])
        mid = c0 + (c1 - c0) / 2
        lo, hi = max(dt.date.min + width / 2, mid) - width / 2, min(dt.date.max - width / 2, mid) + width / 2
    pad = dt.timedelta(days=max(1, (hi - lo).days // 10))

    def shift(d: dt.date, delta: dt.timedelta) -> dt.date:  # the calendar ends at year 1 and 9999
        try:
            return d + delta
        except OverflowError:
            return dt.date.max if delta > dt.timedelta(0) else dt.date.min

    return shift(lo, -pad).isoformat(), shift(hi, pad).isoformat()


def timeline_chart(rows: list[dict[str, Any]]):
    """The Altair chart for :func:`timeline_rows`: two lanes, opened on :func:`timeline_domain`,
    zoom and pan along time (a scale-bound interval), a click on a step selects it."""
    import datetime as dt

    import altair as alt
    import pandas as pd

    pick = alt.selection_point(name=SELECTION, fields=["idx"], on="click", clear=False, empty=False)
    zoom = alt.selection_interval(name="zoom", bind="scales", encodings=["x"])
    base = alt.Chart(pd.DataFrame(rows))
    colour = alt.Color("status:N", legend=None,
                       scale=alt.Scale(domain=["current", "shown", "hidden"],
                                       range=["#c2410c", "#1d4ed8", "#d1d5db"]))
    tooltip = [alt.Tooltip("n:Q", title="step"), alt.Tooltip("title:N"), alt.Tooltip("label:N", title="date")]
    domain = timeline_domain(rows)
    lanes = [lane for lane in LANES if any(r["lane"] == lane for r in rows)]
    y = alt.Y("lane:N", title=None, sort=lanes, scale=alt.Scale(domain=lanes, type="band", paddingInner=0.15),
              axis=alt.Axis(labelFontSize=11, ticks=False, domain=False, labelPadding=6))
    x_scale = alt.Scale(domain=list(domain)) if domain else alt.Scale(padding=14)
    stacked = max((r["slot"] for r in rows), default=0) + 1
    days = (dt.date.fromisoformat(domain[1]) - dt.date.fromisoformat(domain[0])).days if domain else 3650
    fmt = "%d %b" if days <= 90 else "%b %Y" if days <= 3 * 366 else "%Y"
    offset = alt.YOffset("slot:O", scale=alt.Scale(domain=list(range(stacked)), paddingOuter=0.4))
    spans = base.mark_rule(strokeWidth=4, opacity=0.6).encode(
        yOffset=offset,
        x=alt.X("start:T", title=None, scale=x_scale,
                axis=alt.Axis(labelOverlap=True, grid=False, format=fmt,
                              **({"tickCount": "day"} if days <= 14 else {}))),
        x2="end:T", y=y, color=colour, tooltip=tooltip).add_params(zoom)
    dots = base.mark_circle(cursor="pointer").encode(
        x="start:T", y=y, yOffset=offset,
        size=alt.condition("datum.status == 'current'", alt.value(260), alt.value(110)),
        color=colour, tooltip=tooltip,
        opacity=alt.value(0.95),
    ).add_params(pick)
    lane_px = max(44, 22 * min(stacked, 6))
    return (spans + dots).properties(height=lane_px * len(lanes) + 30).configure_view(strokeWidth=0)
