"""The escape helpers of storymap.app.text, and the map layer built from hostile article text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storymap.app.text import html_text, js_string, md_escape, md_unescape

HOSTILE = [
    "${window.pwned=1}",
    "`; window.pwned=1; `",
    "</script><script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=1">',
    "![x](http://127.0.0.1:9/img.png)",
    "[link](javascript:window.pwned=1)",
    "see http://example.org/a and www.example.org",
    ":red-background[boo] :material/home: $x^2$",
]


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_md_escape_shows_the_same_text(text):
    text = text.replace("\u2060", "")  # the word joiner is what the escape adds (invisible)
    expected = re.sub(r"\n{2,}", "\n\n", text).replace("\r", "")
    assert md_unescape(md_escape(text)) == expected


@given(st.text(alphabet=st.sampled_from(list("ab:/.w[]()!<>`$\\{}h tp@")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_md_escape_leaves_no_markdown_punctuation_bare(text):
    out = md_escape(text)
    # Every ASCII punctuation character is preceded by an odd run of backslashes (escaped).
    for m in re.finditer(r"(\\*)([!-/:-@\[-`{-~])", out):
        if m.group(2) != "\\":
            assert len(m.group(1)) % 2 == 1, (text, out)


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_breaks_links_images_and_autolinks(text):
    out = md_escape(text)
    assert "](" not in out and "http://" not in out and "www." not in out and ":red-" not in out


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_js_string_is_a_plain_string_literal(text):
    import json

    lit = js_string(html_text(text))
    assert lit.startswith('"') and lit.endswith('"')
    assert "<" not in lit and ">" not in lit and "\u2028" not in lit
    assert json.loads(lit) == html_text(text)  # the browser sees this exact string, run as nothing


@pytest.mark.parametrize("text", HOSTILE)
def test_map_layer_carries_article_text_only_as_escaped_strings(text):
    from storymap.app.mapview import base_map, step_layer
    from storymap.story import Step, StepPlace, Story

    places = (StepPlace(text, 10.0, 20.0, "city", "origin"), StepPlace(text + "2", 12.0, 25.0, "city", "destination"))
    story = Story("t", (Step("a", "2019", text, text, places, ()), Step("b", "2020", text, text, places, ())))
    m = base_map(basemap_url=None)
    step_layer(story, 1, (0, 1)).add_to(m)
    page = m.get_root().render()
    scripts = "".join(re.findall(r"<script>(.*?)</script>", page, flags=re.S))
    assert "window.pwned" not in page.replace(js_string(html_text(text))[1:-1], "")
    assert "${" not in scripts.replace(js_string(html_text(text))[1:-1], "").replace(
        js_string(html_text(text + "2"))[1:-1], "")
    assert not re.search(r"bindTooltip\(\s*`", page)  # no template literal holds article text
    assert 'http-equiv="Content-Security-Policy"' in page
