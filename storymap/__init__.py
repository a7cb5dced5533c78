"""storymap: turn news articles into an interactive, animated story map, offline."""

__version__ = "0.1.0"
