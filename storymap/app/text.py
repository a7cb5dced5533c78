"""Escaping article and story text for each place the app shows it.

Article text and story files are untrusted: a sentence may hold Markdown (an image the browser
would fetch, a ``javascript:`` link), HTML, or ``${...}`` that a JavaScript template literal would
run. Each sink gets its own escape:

* :func:`md_escape` for everything Streamlit renders as Markdown (``st.markdown``, ``st.subheader``,
  ``st.caption``, messages, expander and widget labels): every Markdown-significant ASCII
  punctuation character is backslash-escaped, which also breaks GFM's bare-URL autolinks
  (``http\\://``, ``www\\.``) and Streamlit's ``:directive[...]``/emoji/LaTeX syntax;
* :func:`html_text` for text that becomes HTML (map tooltips);
* :func:`js_string` for text that becomes a JavaScript value inside a ``<script>``: a JSON string
  literal with ``<``, ``>``, U+2028/U+2029 escaped, so neither ``</script>`` nor ``${``
  nor a backtick means anything in it.

>>> md_escape("see ![x](http://a.example/i.png)")
'see \\\\!\\\\[x\\\\]\\\\(http\\\\:\\\\/\\\\/a\\\\.example\\\\/i\\\\.png\\\\)'
>>> js_string("`${1}`</script>")
'"`${1}`\\\\u003c/script\\\\u003e"'
"""

from __future__ import annotations

import html
import json
import re

__all__ = ["md_escape", "html_text", "js_string", "md_unescape"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:^=&\"'@%/])")


#: Starts of bare URLs that Streamlit's Markdown turns into links even with ``:`` and ``.``
#: escaped; a word joiner (U+2060, invisible) after the first letter breaks them.
_AUTOLINK = re.compile(r"(?i)\b([hf])(?=t?tps?\\?:)|\b(w)(?=ww\\?\.)|\b(m)(?=ailto\\?:)")
WJ = "\u2060"


def md_escape(text: str) -> str:
    """``text`` as Markdown that shows exactly ``text``: Markdown punctuation backslash-escaped,
    bare-URL starts broken with an invisible word joiner, runs of blank lines kept as one
    paragraph break, carriage returns dropped."""
    out = _SPECIAL.sub(r"\\\1", str(text))
    out = _AUTOLINK.sub(lambda m: m.group(0) + WJ, out)
    return re.sub(r"\n{2,}", "\n\n", out).replace("\r", "")


def md_unescape(text: str) -> str:
    """The visible text of :func:`md_escape`'s output (for tests and round trips)."""
    return re.sub(r"\\(.)", r"\1", text.replace(WJ, ""), flags=re.S)


def html_text(text: str) -> str:
    """``text`` as HTML text content (quotes escaped too, so it is safe in an attribute)."""
    return html.escape(str(text), quote=True)


def js_string(value: str) -> str:
    """``value`` as a JavaScript string literal safe to paste inside an HTML ``<script>``."""
    out = json.dumps(str(value), ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        out = out.replace(ch, esc)
    return out
