"""Read an article (plain text, Markdown, HTML or TimeML) into an :class:`~storymap.model.Article`.

Everything past the file read is pure: bytes or text in, an ``Article`` out. ``Article.text`` is
the decoded input exactly as read (for HTML the decoded source), and every
:class:`~storymap.model.Segment` maps back to it character by character, so a place found in
``Article.body`` can be traced to its raw offsets.

* Plain text: one segment per non-empty line, each a verbatim slice of the raw text, minus site
  chrome (navigation, share and subscribe prompts), date metadata lines and a line that repeats the
  previous one (a photo caption printed twice): :mod:`.lines`, :mod:`.pubdate`, :mod:`.article`.
* Markdown (:mod:`.markdown`): the same, with block markers (``#``, ``>``, list bullets) skipped by
  starting the segment after them; inline markup (emphasis, links, code spans, inline tags) is
  dropped through the segment's ``offsets`` tuple.
* HTML (:mod:`.html`): trafilatura decides what the article body is; each of its lines is then
  located in the visible text of the page (:mod:`.visible`, parsed with :mod:`html.parser`, keeping
  per-character raw offsets, an entity's characters mapping to its ``&``).
* TimeML (:mod:`.timeml`): the text inside ``<TEXT>`` without its tags, the ``<DCT>`` as date.

Bytes become text in :mod:`.decode`; word lists (boilerplate patterns, chrome classes, date keys,
metadata names) are files in ``data/``, each naming its source and licence.
"""

from __future__ import annotations

from .read import FORMATS, article_from_text, parse_article, read_article

__all__ = ["FORMATS", "read_article", "parse_article", "article_from_text"]
