"""Every export of a story at once: :func:`write_exports` renders each requested format and writes it.

The formats themselves are pure functions elsewhere in :mod:`storymap.render`; this module only
checks the story, dispatches, and puts files on disk (each atomically, see
:mod:`storymap.render.output`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from storymap.errors import OutputError
from storymap.render.geoformats import to_csv, to_geojson, to_kml
from storymap.render.geometry import HasGeometry, step_geometries
from storymap.render.html import embed_snippet, to_html
from storymap.render.knightlab import to_storymapjs, to_timelinejs
from storymap.render.output import json_text, utf8, write_output
from storymap.render.pictures import write_handout, write_pngs
from storymap.story import Story, story_from_dict, story_to_dict

__all__ = ["write_exports"]

PathArg = str | os.PathLike[str] | None


def _embed_job(html: PathArg, embed: str | os.PathLike[str], title: str) -> tuple[Path, bytes]:
    """The snippet for the ``html`` page, its ``src`` relative to the snippet's own folder."""
    if html is None:
        raise OutputError(f"{embed}: an embed snippet needs the html export too")
    target = Path(html)
    try:
        src = os.path.relpath(target.resolve(), Path(embed).resolve().parent)
    except ValueError:  # another drive on Windows: the name only, never an absolute path
        src = target.name
    return Path(embed), utf8(embed_snippet(Path(src), title=title or "Story map") + "\n", embed)


def _pictures(story: Story, html_text: str, png_dir: PathArg, pdf: PathArg) -> list[Path]:
    """PNGs and the PDF handout, shot from a temporary copy of the page as a plain page (not the
    ``present`` one: the pictures choose their own view)."""
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="storymap-") as tmp:
        page = write_output(Path(tmp) / "story.html", utf8(html_text, "story.html"))
        if png_dir is not None:
            written += write_pngs(page, png_dir, len(story.steps))
        if pdf is not None:
            written.append(write_handout(page, pdf, story))
    return written


def write_exports(
    story: Story,
    *,
    html: PathArg = None,
    present: bool = False,
    tiles: bool = False,
    geometries: Mapping[str, dict] | None = None,
    layout: str = "steps",
    gazetteer: HasGeometry | None = None,
    embed: PathArg = None,
    storymapjs: PathArg = None,
    timelinejs: PathArg = None,
    geojson: PathArg = None,
    kml: PathArg = None,
    csv: PathArg = None,
    png_dir: PathArg = None,
    pdf: PathArg = None,
) -> list[Path]:
    """Write every requested export and return the paths written, in argument order.

    Each file is rendered first and then written atomically (a temporary file in the same
    directory, renamed over the target), so a failure leaves no partial file; it raises
    :class:`OutputError` naming the path. The page's areas are ``geometries`` when given, else
    looked up in ``gazetteer`` (see :func:`step_geometries`); with neither, points only.
    ``embed`` writes the :func:`embed_snippet` for the ``html`` file (its path relative to the
    snippet's folder). ``png_dir`` (an existing or creatable directory) gets ``step-01.png``...
    (slides) and ``map-01.png``... (maps) from :func:`write_pngs`; ``pdf`` the handout of
    :func:`write_handout`, one page per step.

    >>> write_exports(story, html="gulf.html", geojson="gulf.geojson")  # doctest: +SKIP
    [PosixPath('gulf.html'), PosixPath('gulf.geojson')]
    """
    # Only a valid story is exported: numbers finite and in range, text valid Unicode (a story built
    # in Python skips the file-boundary checks). Raises StoryFormatError naming the field.
    story_from_dict(story_to_dict(story))
    jobs: list[tuple[Path, bytes]] = []
    html_text = ""
    if html is not None or png_dir is not None or pdf is not None:
        if geometries is None:
            geometries = step_geometries(story, gazetteer)
        html_text = to_html(story, present=present, tiles=tiles, geometries=geometries, layout=layout)
    if html is not None:
        jobs.append((Path(html), utf8(html_text, html)))
    shots_text = to_html(story, geometries=geometries) if (png_dir or pdf) and (present or layout != "steps") else html_text
    if embed is not None:
        jobs.append(_embed_job(html, embed, story.title))
    for path, render in (
        (storymapjs, lambda: json_text(to_storymapjs(story))),
        (timelinejs, lambda: json_text(to_timelinejs(story))),
        (geojson, lambda: json_text(to_geojson(story))),
        (kml, lambda: to_kml(story)),
        (csv, lambda: to_csv(story)),
    ):
        if path is not None:
            jobs.append((Path(path), utf8(render(), path)))
    written = [write_output(p, data) for p, data in jobs]
    if png_dir is not None or pdf is not None:
        written += _pictures(story, shots_text, png_dir, pdf)
    return written
