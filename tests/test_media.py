"""Pictures from the articles: kept with their captions (never as steps), embedded when they are
files beside the article, referenced by URL only when asked, shown by every export that can."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import pytest

from storymap.ingest import parse_article, read_article
from storymap.model import Picture
from storymap.render import to_html, to_storymapjs, to_timelinejs
from storymap.story import Media, Source, Step, StepPlace, Story, load_story
from storymap.story.media import MAX_PICTURE_BYTES, attach_media, picture_media

ROOT = Path(__file__).resolve().parent.parent
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")

PAGE = """<html><head><meta property="og:image" content="https://gazette.example/lead.jpg"></head><body><article>
<h1>Flood closes bridge in Dover</h1>
<p>The river rose on Monday, 3 May 2021, and the council closed the bridge in Dover after the water reached the road.</p>
<figure><img src="{src}" alt="The bridge"><figcaption>Water over the bridge in Dover on Monday. (Photo: A. Writer / Gazette)</figcaption></figure>
<p>On Tuesday crews in Calais worked all night to clear the harbour road, officials said.</p>
</article></body></html>"""


@pytest.mark.parametrize("src", ["pics/bridge.png", "https://gazette.example/bridge.png"])
def test_media_html_pictures_keep_caption_and_credit_and_captions_are_no_text(src):
    a = parse_article(PAGE.format(src=src).encode(), "page.html")
    assert [(p.src, p.caption, p.credit) for p in a.pictures] == [
        (src, "Water over the bridge in Dover on Monday", "A. Writer / Gazette"),
        ("https://gazette.example/lead.jpg", "", "")]
    assert not any("Water over the bridge" in s.text for s in a.segments)  # a caption is never a step
    assert a.pictures[0].offset > 0 and a.pictures[1].offset == 0


def _folder(tmp_path):
    art = tmp_path / "news" / "page.html"
    (art.parent / "pics").mkdir(parents=True)
    (art.parent / "pics" / "bridge.png").write_bytes(PNG)
    (tmp_path / "secret.png").write_bytes(PNG)
    (art.parent / "pics" / "notes.png").write_text("not a picture")
    (art.parent / "pics" / "big.png").write_bytes(PNG + b"0" * MAX_PICTURE_BYTES)
    art.write_text("x")
    return art


@pytest.mark.parametrize("src, remote, kind", [
    ("pics/bridge.png", False, "embedded"),
    ("pics/bridge.png?v=2", False, "embedded"),
    ("https://gazette.example/b.png", False, None),  # the web only when asked
    ("https://gazette.example/b.png", True, "url"),
    ("../secret.png", False, None),  # outside the article's folder
    ("/etc/passwd", False, None),
    ("file:///etc/passwd", False, None),
    ("javascript:alert(1)", True, None),
    ("pics/notes.png", False, None),  # not a picture
    ("pics/big.png", False, None),  # too large to embed
    ("pics/missing.png", False, None),
])
def test_media_picture_policy(tmp_path, src, remote, kind):
    art = _folder(tmp_path)
    m = picture_media(Picture(src, "cap", "cred"), str(art), remote=remote)
    if kind is None:
        assert m is None
    elif kind == "embedded":
        assert m.url.startswith("data:image/png;base64,") and base64.b64decode(m.url.split(",", 1)[1]) == PNG
    else:
        assert m.url == src


def test_media_goes_to_the_step_reported_next_to_it():
    P = StepPlace("Dover", 51.1, 1.3, "city")
    steps = [Step("a", "2021-05-03", "A", "", (P,), (Source("a.html", 100, 150),)),
             Step("b", "2021-05-04", "B", "", (P,), (Source("a.html", 400, 450),))]
    from storymap.model import Article

    art = Article("a.html", "x", (), pictures=(Picture("https://g.example/1.jpg", offset=380),
                                               Picture("https://g.example/lead.jpg", offset=0)))
    out = attach_media(steps, [art], {"a.html": "a.html"}, remote=True)
    assert [m.url for m in out[0].media] == ["https://g.example/lead.jpg"]
    assert [m.url for m in out[1].media] == ["https://g.example/1.jpg"]


def _story(url):
    P = StepPlace("Dover", 51.1, 1.3, "city")
    return Story("Flood", (Step("a", "2021-05-03", "River floods Dover", "Water rose.", (P,), (),
                                media=(Media(url, "Water <b>over</b> the bridge", "A. Writer"),)),))


def test_media_exports_carry_the_picture_escaped():
    url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    smj = to_storymapjs(_story(url))["storymap"]["slides"][1]["media"]
    assert smj == {"url": url, "caption": "Water &lt;b&gt;over&lt;/b&gt; the bridge", "credit": "A. Writer"}
    assert to_timelinejs(_story(url))["events"][0]["media"]["url"] == url
    assert url in to_html(_story(url), geometries={})


def test_media_build_embeds_a_picture_beside_the_article(tmp_path, real_gaz):
    art = tmp_path / "news" / "page.html"
    (art.parent / "pics").mkdir(parents=True)
    (art.parent / "pics" / "bridge.png").write_bytes(PNG)
    art.write_text(PAGE.format(src="pics/bridge.png"), encoding="utf-8")
    out = tmp_path / "story.json"
    r = subprocess.run([sys.executable, "-m", "storymap.cli", "build", str(art), "-o", str(out)],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    story = load_story(out)
    media = [m for s in story.steps for m in s.media]
    assert len(media) == 1 and media[0].url.startswith("data:image/png;base64,")  # og:image is on the web: left out
    assert media[0].caption == "Water over the bridge in Dover on Monday"
    assert not any("Water over the bridge" in s.title for s in story.steps)
    assert str(tmp_path) not in out.read_text(encoding="utf-8")
