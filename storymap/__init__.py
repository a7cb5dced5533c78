"""storymap: turn news articles into an interactive, animated story map, offline.

The public API is imported on first use, so ``import storymap`` loads no model, gazetteer or parser.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

__all__ = ["build_story", "read_article", "Geoparser", "load_story", "save_story", "__version__"]

#: Each public name and the module that defines it.
_PUBLIC = {
    "build_story": "storymap.story",
    "load_story": "storymap.story",
    "save_story": "storymap.story",
    "read_article": "storymap.ingest",
    "Geoparser": "storymap.places",
}


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
