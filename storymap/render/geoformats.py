"""The story as open geodata: GeoJSON (RFC 7946), KML (OGC KML 2.2) and CSV (RFC 4180).

One point per placed step place, one line per movement (origin to destination in one step);
names that have no coordinates are left out of GeoJSON and KML and keep empty cells in CSV.

>>> from storymap.story import Story, Step, StepPlace
>>> s = Story("Demo", (Step("s1", "2019-05", "Ships seen", "", (StepPlace("Port Alba", 25.1, 56.3, "city"),), ()),))
>>> to_geojson(s)["features"][0]["geometry"]
{'type': 'Point', 'coordinates': [56.3, 25.1]}
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from typing import Any

from storymap.render.geometry import located, movements
from storymap.story import Step, Story
from storymap.story.citations import Citation, citations, cite

__all__ = ["to_geojson", "to_kml", "to_csv", "KML_NS", "CSV_COLUMNS"]


def to_geojson(story: Story) -> dict[str, Any]:
    """The story as an RFC 7946 FeatureCollection.

    One Point per placed step place (coordinates ``[lon, lat]``) with properties ``step_id``,
    ``step_index`` (1-based, as in ``#step-N``), ``date``, ``date_end``, ``date_precision``,
    ``title``, ``headline``, ``step_kind``, ``place``, ``kind``, ``role``, ``sources`` (the
    articles' citations: outlet, title, date); one LineString per
    movement (origin → destination in one step) with ``step_id``, ``step_index``, ``date``,
    ``title``, ``headline``, ``step_kind``, ``origin``, ``destination``. Unplaced names are left
    out, and so is the overview step (its places are the other steps'), though it keeps its index.
    """
    features: list[dict[str, Any]] = []
    table = citations(story)
    for i, step in enumerate(story.steps, 1):
        if step.is_overview:
            continue
        about = {"headline": step.display_headline, "step_kind": str(step.kind), "date_precision": step.precision,
                 "sources": list(dict.fromkeys(cite(s, table).label for s in step.sources))}
        for p in step.places:
            if not located(p):
                continue
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {
                    "step_id": step.id, "step_index": i, "date": step.date, "date_end": step.date_end,
                    "title": step.title, "place": p.name, "kind": p.kind, "role": p.role,
                    "place_id": p.place_id, **about,
                },
            })
        for o, d in movements(step):
            features.append({
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": [[o.lon, o.lat], [d.lon, d.lat]]},
                "properties": {
                    "step_id": step.id, "step_index": i, "date": step.date, "date_end": step.date_end,
                    "title": step.title, "origin": o.name, "destination": d.name, "kind": "movement",
                    **about,
                },
            })
    return {"type": "FeatureCollection", "features": features}


KML_NS = "http://www.opengis.net/kml/2.2"
# Characters XML 1.0 cannot carry at all (escaping does not help): drop them from KML text.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _x(text: str | None) -> str:
    return _XML_INVALID.sub("", text or "")


def _kml_time(parent: ET.Element, step: Step) -> None:
    if not step.date:
        return
    if step.date_end and step.date_end != step.date:
        span = ET.SubElement(parent, f"{{{KML_NS}}}TimeSpan")
        ET.SubElement(span, f"{{{KML_NS}}}begin").text = step.date
        ET.SubElement(span, f"{{{KML_NS}}}end").text = step.date_end
    else:
        ET.SubElement(ET.SubElement(parent, f"{{{KML_NS}}}TimeStamp"), f"{{{KML_NS}}}when").text = step.date


def _kml_description(step: Step, table: Mapping[str, Citation]) -> str:
    lines = [step.text] if step.text else []
    for s in step.sources:
        c = cite(s, table)
        where = f"{c.label} <{c.url}>" if c.url else c.label
        lines.append(f"“{s.quote}” ({where})" if s.quote else where)
    return "\n".join(lines)


def to_kml(story: Story) -> str:
    """The story as OGC KML 2.2: a "Steps" folder with one Placemark per placed step place (name
    ``"N. headline — place"``, the step text and sources as description, ``ExtendedData`` with
    ``step_id``, ``kind``, ``role``, ``headline``, ``step_kind`` and ``date_precision``, ``<TimeStamp><when>`` with the
    step's date — KML allows ``YYYY`` and ``YYYY-MM`` — or ``<TimeSpan>`` for a range) and a
    "Movements" folder with one LineString Placemark per origin → destination pair. The overview
    step is the document's name and description, not a placemark (its index stays taken).

    Text is escaped by the XML writer; characters XML cannot hold (control characters) are dropped.
    """
    ET.register_namespace("", KML_NS)
    k = lambda tag: f"{{{KML_NS}}}{tag}"  # noqa: E731
    kml = ET.Element(k("kml"))
    table = citations(story)
    doc = ET.SubElement(kml, k("Document"))
    ET.SubElement(doc, k("name")).text = _x(story.title)
    if story.summary:
        ET.SubElement(doc, k("description")).text = _x(story.summary)
    steps_folder = ET.SubElement(doc, k("Folder"))
    ET.SubElement(steps_folder, k("name")).text = "Steps"
    moves_folder = ET.Element(k("Folder"))
    ET.SubElement(moves_folder, k("name")).text = "Movements"
    for i, step in enumerate(story.steps, 1):
        if step.is_overview:
            continue
        for p in step.places:
            if not located(p):
                continue
            pm = ET.SubElement(steps_folder, k("Placemark"), {"id": f"step-{i}-{len(steps_folder)}"})
            ET.SubElement(pm, k("name")).text = _x(f"{i}. {step.display_headline} — {p.name}")
            ET.SubElement(pm, k("description")).text = _x(_kml_description(step, table))
            _kml_time(pm, step)
            ext = ET.SubElement(pm, k("ExtendedData"))
            for key, value in (("step_id", step.id), ("kind", p.kind or ""), ("role", p.role),
                               ("headline", step.display_headline), ("step_kind", str(step.kind)),
                               ("date_precision", step.precision or "")):
                d = ET.SubElement(ext, k("Data"), {"name": key})
                ET.SubElement(d, k("value")).text = _x(value)
            point = ET.SubElement(pm, k("Point"))
            ET.SubElement(point, k("coordinates")).text = f"{p.lon!r},{p.lat!r}"
        for o, d in movements(step):
            pm = ET.SubElement(moves_folder, k("Placemark"))
            ET.SubElement(pm, k("name")).text = _x(f"{i}. {o.name} → {d.name}")
            ET.SubElement(pm, k("description")).text = _x(step.display_headline)
            _kml_time(pm, step)
            line = ET.SubElement(pm, k("LineString"))
            ET.SubElement(line, k("tessellate")).text = "1"
            ET.SubElement(line, k("coordinates")).text = f"{o.lon!r},{o.lat!r} {d.lon!r},{d.lat!r}"
    if len(moves_folder) > 1:
        doc.append(moves_folder)
    ET.indent(kml, space="  ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(kml, encoding="unicode") + "\n"


#: A cell starting with one of these is a formula to a spreadsheet (``=HYPERLINK(...)``, ``@SUM(...)``,
#: ``+cmd|...``); a tab or CR can hide the sign behind leading white space.
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: str) -> str:
    """A text cell that a spreadsheet shows as text: formula-like cells get a leading ``'`` (OWASP's
    rule for CSV injection). Only text from the story passes here; numbers are written as numbers."""
    return "'" + value if value.startswith(_CSV_FORMULA_START) else value


CSV_COLUMNS = ("step_id", "index", "date", "date_end", "title", "place", "lat", "lon", "kind", "role", "sources",
               "headline", "step_kind", "date_precision")


def to_csv(story: Story) -> str:
    """The story as CSV (RFC 4180, header row, ``\\r\\n`` line ends), one row per step place.

    Columns: ``step_id, index`` (1-based), ``date, date_end, title, place, lat, lon, kind, role,
    sources`` (each article's citation, outlet: “title”, date, joined by ``"; "``), ``headline, step_kind, date_precision``. A
    step without places gets one row with the place columns empty, so every step appears; the
    overview step is left out (its places are the other steps'), its index stays taken. Text cells that a spreadsheet would run as a
    formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or CR) are prefixed with ``'``.
    """
    buf = io.StringIO()
    w = csv.writer(buf)
    table = citations(story)
    w.writerow(CSV_COLUMNS)
    for i, step in enumerate(story.steps, 1):
        if step.is_overview:
            continue
        sources = _csv_text("; ".join(dict.fromkeys(cite(s, table).label for s in step.sources)))
        about = [_csv_text(step.display_headline), str(step.kind), step.precision or ""]
        head = [_csv_text(step.id), i, step.date or "", step.date_end or "", _csv_text(step.title)]
        places = step.places or (None,)
        for p in places:
            if p is None:
                w.writerow(head + ["", "", "", "", "", sources] + about)
            else:
                w.writerow(head + [_csv_text(p.name), "" if p.lat is None else repr(p.lat), "" if p.lon is None else repr(p.lon),
                                   p.kind or "", p.role, sources] + about)
    return buf.getvalue()
