"""The story for Knight Lab's tools: StoryMapJS slides and TimelineJS events, as JSON.

Text goes in as escaped HTML (both tools render their ``text`` fields as HTML); headlines are the
steps' :attr:`~storymap.story.Step.display_headline`. A slide sits at its step's site
(:attr:`~storymap.story.Step.site_place`); a step without a placed site borrows the nearest step's
location for its slide, without the line to it. The story's overview step (``kind="overview"``)
is StoryMapJS's overview slide and TimelineJS's title slide.
"""

from __future__ import annotations

import html
import math
from typing import Any

from storymap.render.geometry import located
from storymap.render.labels import date_label, story_lang
from storymap.story import Step, StepPlace, Story
from storymap.story.citations import Citation, citations, cite

__all__ = ["KIND_ZOOM", "DEFAULT_ZOOM", "to_storymapjs", "to_timelinejs"]

#: Zoom for one point of each place kind (StoryMapJS slides; the HTML page uses the same scale).
KIND_ZOOM = {"area": 3, "country": 4, "region": 6, "water": 6, "city": 8, "district": 11, "landmark": 12, "base": 12}
DEFAULT_ZOOM = 8


def _zoom_for(places: list[StepPlace]) -> int:
    """A zoom level that shows all of ``places``: by kind for one place, by extent for several."""
    zoom = min((KIND_ZOOM.get(p.kind or "", DEFAULT_ZOOM) for p in places), default=DEFAULT_ZOOM)
    if len(places) > 1:
        span = max(max(p.lat for p in places) - min(p.lat for p in places),
                   max(p.lon for p in places) - min(p.lon for p in places))
        if span > 0:
            zoom = min(zoom, max(2, int(math.log2(360 / span)) - 1))
    return zoom


def _focus_places(step: Step) -> list[StepPlace]:
    """Where the step's slide sits: its site when placed, else its placed places other than the
    merely mentioned ones (a movement without a site: its origin and destination)."""
    site = step.site_place
    if site is not None and located(site):
        return [site]
    return [p for p in step.places if located(p) and p.role != "mentioned"]


_ROLE_WORDS = {"origin": "from", "destination": "to", "mentioned": "mentioned"}


def _overview(story: Story) -> tuple[str, str, Step | None]:
    """The overview's headline and summary, and the overview step when the story has one."""
    first = story.steps[0] if story.steps else None
    if first is not None and first.is_overview:
        return first.display_headline, first.text, first
    return story.title, story.summary, None


def _cite_html(c: Citation) -> str:
    label = html.escape(c.label)
    return f'<a href="{html.escape(c.url, quote=True)}">{label}</a>' if c.url else label


def _media(step: Step) -> dict[str, str]:
    """The step's first picture as Knight Lab media (``url``, ``caption``, ``credit``; empty when none)."""
    m = step.media[0] if step.media else None
    return {"url": m.url, "caption": html.escape(m.caption), "credit": html.escape(m.credit)} if m else \
        {"url": "", "caption": "", "credit": ""}


def _step_html(step: Step, table: dict[str, Citation]) -> str:
    """The step's text, places and sources as escaped HTML for StoryMapJS / TimelineJS slides."""
    parts = []
    if step.text:
        parts.append(f"<p>{html.escape(step.text)}</p>")
    if step.places:
        names = ", ".join(
            html.escape(p.name) + (f" ({_ROLE_WORDS[p.role]})" if p.role in _ROLE_WORDS and not step.is_overview else "")
            for p in step.places
        )
        parts.append(f"<p><strong>Places:</strong> {names}</p>")
    quotes = [s for s in step.sources if s.quote]
    for s in quotes:
        parts.append(f"<blockquote>{html.escape(s.quote)}<br><small>{_cite_html(cite(s, table))}</small></blockquote>")
    if step.sources:
        n = step.corroboration
        cited = "; ".join(dict.fromkeys(_cite_html(cite(s, table)) for s in step.sources))
        parts.append(f"<p><small>Reported by {n} source{'s' if n != 1 else ''}: {cited}.</small></p>")
    return "".join(parts)


def to_storymapjs(story: Story) -> dict[str, Any]:
    """The story as Knight Lab StoryMapJS JSON: ``{"storymap": {"slides": [...]}}``.

    The first slide is the overview (``"type": "overview"``: the overview step's headline, summary
    and dates, or the story's title and summary when it has no overview step); then one slide per
    other step with ``location`` ``{lat, lon, zoom, line: true}`` (the step's site, zoom by its
    kind; without a placed site, the mean of its other placed points that are not merely
    mentioned, zoom by kind or extent), ``text`` ``{headline, text}`` as escaped HTML, and the
    display ``date``. A step with no such point shows the previous slide's location (the next
    one's for leading steps) with ``line: false``; when no step is placed at all, slides have no
    location.
    """
    headline, summary, overview = _overview(story)
    table = citations(story)
    slides: list[dict[str, Any]] = [{
        "type": "overview",
        "date": date_label(overview.date, overview.date_end) if overview else "",
        "text": {"headline": html.escape(headline), "text": f"<p>{html.escape(summary)}</p>" if summary else ""},
        "media": {"url": "", "caption": "", "credit": ""},
    }]
    steps = [s for s in story.steps if not s.is_overview]
    own: list[dict[str, Any] | None] = []
    for step in steps:
        pts = _focus_places(step)
        if pts:
            own.append({
                "lat": round(sum(p.lat for p in pts) / len(pts), 6),
                "lon": round(sum(p.lon for p in pts) / len(pts), 6),
                "zoom": _zoom_for(pts),
                "line": True,
            })
        else:
            own.append(None)
    for i, step in enumerate(steps):
        location = own[i]
        if location is None:
            before = next((own[j] for j in range(i - 1, -1, -1) if own[j]), None)
            after = next((own[j] for j in range(i + 1, len(own)) if own[j]), None)
            borrowed = before or after
            location = {**borrowed, "line": False} if borrowed else None
        slide: dict[str, Any] = {
            "date": date_label(step.date, step.date_end),
            "text": {"headline": html.escape(step.display_headline), "text": _step_html(step, table)},
            "media": _media(step),
        }
        if location is not None:
            slide["location"] = dict(location)
        slides.append(slide)
    return {
        "storymap": {
            "language": story_lang(story),
            "map_type": "osm:standard",
            "map_as_image": False,
            "slides": slides,
        }
    }


def _tl_date(value: str) -> dict[str, int]:
    parts = [int(x) for x in value.split("-")]
    return dict(zip(("year", "month", "day"), parts))


def to_timelinejs(story: Story) -> dict[str, Any]:
    """The story as TimelineJS JSON: ``{"title": {...}, "events": [...]}``.

    Each dated step is one event with ``start_date`` (``year``, and ``month``/``day`` as far as the
    date goes), ``end_date`` for ranges, ``text`` ``{headline, text}`` as escaped HTML, the step id as
    ``unique_id`` and the readable date as ``display_date``. Undated steps are left out, because
    TimelineJS requires a start date. Background steps are in the group ``"Background"``. The
    ``title`` slide is the overview (its headline and summary; the story's title and summary when
    it has no overview step).
    """
    headline, summary, _ = _overview(story)
    table = citations(story)
    events = []
    for step in story.steps:
        if not step.date or step.is_overview:
            continue
        event: dict[str, Any] = {
            "start_date": _tl_date(step.date),
            "text": {"headline": html.escape(step.display_headline), "text": _step_html(step, table)},
            "unique_id": step.id,
            "display_date": date_label(step.date, step.date_end),
        }
        if step.media:
            event["media"] = _media(step)
        if step.date_end:
            event["end_date"] = _tl_date(step.date_end)
        if step.is_background or "background" in step.tags:
            event["group"] = "Background"
        events.append(event)
    return {
        "title": {"text": {"headline": html.escape(headline),
                           "text": f"<p>{html.escape(summary)}</p>" if summary else ""}},
        "events": events,
    }
