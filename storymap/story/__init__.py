"""The story: dated, placed steps built from articles, and the versioned JSON file that holds them.

* :mod:`~storymap.story.schema` - the dataclasses (:class:`Story`, :class:`Step`, ...) and date helpers;
* :mod:`~storymap.story.validate` and :mod:`~storymap.story.jsonio` - JSON data and files, validated;
* :mod:`~storymap.story.events` - events of one article (a dated, placed sentence);
* :mod:`~storymap.story.merge` - one step per happening, across reports;
* :mod:`~storymap.story.build` - articles to a story (:func:`build_story`, :func:`seed_story`).

Importing this package is light (no spaCy, no gazetteer): the app imports it for the schema alone,
so :func:`build_story` and :func:`seed_story` are imported on first use.
"""

from __future__ import annotations

from typing import Any

from storymap.story.jsonio import (
    backup_path,
    dumps_story,
    load_story,
    loads_story,
    save_story,
    story_from_dict,
    story_to_dict,
)
from storymap.story.schema import (
    PLACE_ROLES,
    STEP_PLACE_KINDS,
    STORY_FORMAT_VERSION,
    Media,
    PlaceIndexEntry,
    Source,
    Step,
    StepPlace,
    Story,
    build_place_index,
    date_bounds,
    date_label,
    date_sort_key,
    is_valid_date,
    order_steps,
)

__all__ = [
    "STORY_FORMAT_VERSION",
    "PLACE_ROLES",
    "STEP_PLACE_KINDS",
    "Story",
    "Step",
    "StepPlace",
    "Source",
    "Media",
    "PlaceIndexEntry",
    "story_to_dict",
    "story_from_dict",
    "dumps_story",
    "loads_story",
    "load_story",
    "save_story",
    "backup_path",
    "build_place_index",
    "order_steps",
    "date_bounds",
    "date_sort_key",
    "date_label",
    "is_valid_date",
    "build_story",
    "seed_story",
]

_LAZY = {"build_story", "seed_story"}


def __getattr__(name: str) -> Any:
    # build pulls in the dates rules and, on use, the geoparser and spaCy: loaded only when asked for.
    if name in _LAZY:
        from storymap.story import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
