"""Who says so: a story's sources as outlets and titles, never as paths on someone's disk.

A :class:`~storymap.story.Source` names its article by ``file``. In a story built by this version
that is the article's *name* (its file's base name, unique within the story); older stories and
hand-made ones may hold a full path. The story's ``metadata["articles"]`` lists each article with
what its input said about it: ``outlet`` (``og:site_name``, the front matter's ``source``, or the
CLI's ``--source``), ``title``, ``date``, ``url`` (the canonical link) and ``byline``.

* :func:`article_name` - a path's base name, the only part of it any export shows;
* :func:`citations` - one :class:`Citation` per article the story cites;
* :func:`cite` - the citation for one source;
* :func:`public_story` - the story as an export may carry it: sources named by article, the
  metadata cut to the public fields of each article (no directory, no local path anywhere).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from storymap.story.schema import Source, Story, date_label, is_valid_date
from storymap.urls import http_url

__all__ = ["Citation", "article_name", "unique_names", "citations", "cite", "public_story", "public_url"]


#: Article fields an export may show (``date_source``, ``places`` and anything else stay home).
PUBLIC_ARTICLE_FIELDS = ("file", "title", "date", "outlet", "url", "byline")
#: Story metadata an export may carry.
PUBLIC_METADATA = ("generator", "created", "language", "lang")


def article_name(path: str) -> str:
    """The base name of a path written with ``/`` or ``\\`` (``C:\\news\\a.txt`` -> ``a.txt``).

    >>> article_name("/home/reporter/leads/gulf.html"), article_name("gulf.html")
    ('gulf.html', 'gulf.html')
    """
    text = str(path).replace("\\", "/").rstrip("/")
    name = text.rsplit("/", 1)[-1]
    return re.sub(r"^[A-Za-z]:", "", name) or "article"


def unique_names(paths: Iterable[str]) -> dict[str, str]:
    """Each distinct path's article name; a second ``a.txt`` (from another folder) is ``a-2.txt``.

    >>> unique_names(["x/a.txt", "y/a.txt", "b.txt"])
    {'x/a.txt': 'a.txt', 'y/a.txt': 'a-2.txt', 'b.txt': 'b.txt'}
    """
    out: dict[str, str] = {}
    taken: set[str] = set()
    for path in paths:
        if path in out:
            continue
        name = base = article_name(path)
        stem, dot, ext = base.rpartition(".")
        if not dot or not stem:
            stem, dot, ext = base, "", ""
        k = 2
        while name in taken:
            name = f"{stem}-{k}{dot}{ext}"
            k += 1
        taken.add(name)
        out[path] = name
    return out


def public_url(value: Any) -> str | None:
    """``value`` when it is one http(s) URL (:func:`storymap.urls.http_url`), else ``None``: a
    ``javascript:`` or ``file:`` link from an article never becomes a link in an export."""
    return http_url(value)


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


@dataclass(frozen=True)
class Citation:
    """An article as a reader sees it cited."""

    name: str  # the article's name (base name of its file)
    outlet: str | None = None
    title: str | None = None
    date: str | None = None  # ISO date
    url: str | None = None  # an http(s) URL
    byline: str | None = None

    @property
    def label(self) -> str:
        """``Outlet: “Title”, 12 May 2019``; without outlet or title, the article's name.

        >>> Citation("a.txt", "The Gazette", "Flood closes bridge", "2019-05-12").label
        'The Gazette: “Flood closes bridge”, 12 May 2019'
        >>> Citation("a.txt").label
        'a.txt'
        """
        head = self.outlet or ""
        if self.title:
            head = f"{head}: “{self.title}”" if head else f"“{self.title}”"
        if not head:
            head = self.name
        if self.date and is_valid_date(self.date):
            head += f", {date_label(self.date)}"
        return head

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.name, "outlet": self.outlet, "title": self.title, "date": self.date,
                "url": self.url, "byline": self.byline, "label": self.label}


def _articles(story: Story) -> list[Mapping[str, Any]]:
    meta = story.metadata if isinstance(story.metadata, Mapping) else {}
    arts = meta.get("articles")
    return [a for a in arts if isinstance(a, Mapping)] if isinstance(arts, list) else []


def citations(story: Story) -> dict[str, Citation]:
    """Article name -> :class:`Citation`, for every article of the metadata and every source file.

    Keys are article names (base names), so a story whose sources still hold full paths is cited
    the same way as one built by this version.
    """
    out: dict[str, Citation] = {}
    for a in _articles(story):
        if not isinstance(a.get("file"), str) or not a["file"]:
            continue
        name = article_name(a["file"])
        date = a.get("date") if isinstance(a.get("date"), str) and is_valid_date(a.get("date")) else None
        out.setdefault(name, Citation(name, _text(a.get("outlet")), _text(a.get("title")), date,
                                      public_url(a.get("url")), _text(a.get("byline"))))
    for step in story.steps:
        for src in step.sources:
            name = article_name(src.file)
            out.setdefault(name, Citation(name))
    return out


def cite(src: Source | str, table: Mapping[str, Citation]) -> Citation:
    """The citation of a source (or of an article's ``file``) in ``table`` (from
    :func:`citations`), else one by the article's name."""
    name = article_name(src if isinstance(src, str) else src.file)
    return table.get(name) or Citation(name)


def public_story(story: Story) -> Story:
    """The story with every source named by its article and the metadata cut to what an export
    may show: ``articles`` (the public fields of :data:`PUBLIC_ARTICLE_FIELDS`, named by article)
    and :data:`PUBLIC_METADATA`. The app's own story file keeps everything."""
    steps = tuple(
        dataclasses.replace(s, sources=tuple(dataclasses.replace(src, file=article_name(src.file)) for src in s.sources))
        for s in story.steps
    )
    meta = story.metadata if isinstance(story.metadata, Mapping) else {}
    public: dict[str, Any] = {k: meta[k] for k in PUBLIC_METADATA if isinstance(meta.get(k), str)}
    articles = [{k: v for k, v in c.to_dict().items() if k in PUBLIC_ARTICLE_FIELDS} for c in citations(story).values()]
    if articles:
        public["articles"] = articles
    return dataclasses.replace(story, steps=steps, metadata=public)
