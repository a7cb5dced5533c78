"""Sources are cited by outlet, title and date, and no export carries a path of the author's disk."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storymap.ingest import parse_article
from storymap.render import to_csv, to_geojson, to_html, to_kml, to_storymapjs, to_timelinejs
from storymap.story import Source, Step, StepPlace, Story, load_story, story_to_dict
from storymap.story.citations import Citation, article_name, citations, cite, public_story, public_url, unique_names

ROOT = Path(__file__).resolve().parent.parent
SECRET = "/home/reporter/leads-under-embargo"
WINDOWS = "C:\\Users\\reporter\\leads-under-embargo"


def _story(folder: str = SECRET, sep: str = "/") -> Story:
    a, b = f"{folder}{sep}flood.txt", f"{folder}{sep}web{sep}bridge.html"
    steps = (
        Step("s1", "2021-05-03", "River floods Dover", "The river rose.",
             (StepPlace("Dover", 51.13, 1.31, "city"),),
             (Source(a, 0, 15, "The river rose."), Source(b, 4, 30, "")), corroboration=2),
        Step("s2", "2021-05-04", "Bridge shut", "The bridge shut.",
             (StepPlace("Calais", 50.95, 1.86, "city", role="origin"), StepPlace("Dover", 51.13, 1.31, "city", role="destination")),
             (Source(b, 40, 60, "The bridge shut."),)),
    )
    meta = {"articles": [
        {"file": a, "title": "Flood reaches Dover", "outlet": None, "date": "2021-05-03", "date_source": "article"},
        {"file": b, "title": "Bridge shut after flood", "outlet": "The Channel Gazette",
         "url": "https://gazette.example/bridge", "byline": "A. Writer", "date": "2021-05-04"},
    ], "dct": "2021-05-04", "workdir": folder}
    return Story("Flood", steps, summary="A flood.", metadata=meta)


EXPORTS = {
    "html": lambda s: to_html(s, geometries={}),
    "present": lambda s: to_html(s, present=True, geometries={}),
    "storymapjs": lambda s: json.dumps(to_storymapjs(s), ensure_ascii=False),
    "timelinejs": lambda s: json.dumps(to_timelinejs(s), ensure_ascii=False),
    "geojson": lambda s: json.dumps(to_geojson(s), ensure_ascii=False),
    "kml": to_kml,
    "csv": to_csv,
}


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
@pytest.mark.parametrize("folder, sep", [(SECRET, "/"), (WINDOWS, "\\")])
def test_citations_no_export_carries_a_directory(fmt, folder, sep):
    out = EXPORTS[fmt](_story(folder, sep))
    escaped = json.dumps(folder)[1:-1]  # a backslash path as JSON writes it
    assert "leads-under-embargo" not in out and folder not in out and escaped not in out


@pytest.mark.parametrize("fmt", ["html", "storymapjs", "timelinejs", "kml", "csv", "geojson"])
def test_citations_exports_name_the_outlet(fmt):
    out = EXPORTS[fmt](_story())
    assert "The Channel Gazette" in out
    assert "Flood reaches Dover" in out  # an article without outlet is cited by its title


def test_citations_html_links_only_http_urls():
    story = _story()
    arts = [dict(a) for a in story.metadata["articles"]]
    arts[1]["url"] = "javascript:alert(1)"
    page = to_html(Story(story.title, story.steps, metadata={"articles": arts}), geometries={})
    assert "javascript:alert" not in page


def test_citations_public_story_keeps_only_public_fields():
    pub = public_story(_story())
    assert set(pub.metadata) <= {"articles", "generator", "created", "language", "lang"}
    assert [a["file"] for a in pub.metadata["articles"]] == ["flood.txt", "bridge.html"]
    assert all(set(a) <= {"file", "title", "date", "outlet", "url", "byline"} for a in pub.metadata["articles"])
    assert {src.file for s in pub.steps for src in s.sources} == {"flood.txt", "bridge.html"}


@pytest.mark.parametrize("citation, label", [
    (Citation("a.txt", "The Gazette", "Flood closes bridge", "2019-05-12"), "The Gazette: “Flood closes bridge”, 12 May 2019"),
    (Citation("a.txt", "The Gazette"), "The Gazette"),
    (Citation("a.txt", None, "Flood closes bridge"), "“Flood closes bridge”"),
    (Citation("a.txt", None, None, "2019-05"), "a.txt, May 2019"),
    (Citation("a.txt"), "a.txt"),
])
def test_citations_label(citation, label):
    assert citation.label == label


@pytest.mark.parametrize("value, ok", [
    ("https://gazette.example/a?b=1", True), ("http://x.example", True), (" https://x.example ", True),
    ("javascript:alert(1)", False), ("file:///etc/passwd", False), ("https://x.example/a b", False),
    ('https://x.example/"onmouseover=', False), ("/local/path.html", False), (None, False), (3, False),
])
def test_citations_public_url(value, ok):
    assert (public_url(value) is not None) == ok


@given(st.lists(st.text(st.sampled_from("ab/\\.:C "), min_size=1, max_size=12), max_size=8))
def test_citations_unique_names_have_no_directory_and_never_collide(paths):
    names = unique_names(paths)
    assert set(names) == set(paths)
    assert len(set(names.values())) == len(names)
    assert all(n and "/" not in n and "\\" not in n for n in names.values())


def test_citations_old_story_with_paths_is_cited_by_base_name():
    story = Story("T", (Step("s", "2020", "x", "", (), (Source("/srv/x/a.txt", 0, 1),)),))
    assert cite(story.steps[0].sources[0], citations(story)).label == "a.txt"
    assert article_name("C:\\news\\b.html") == "b.html"


# --- ingest: what the input says about who published it ----------------------------------------

PAGE = """<html><head><title>Flood closes bridge | Gazette</title>
<meta property="og:site_name" content="The Channel Gazette">
<link rel="canonical" href="https://gazette.example/2021/bridge">
<meta name="author" content="https://gazette.example/staff/a">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
 "author":[{"@type":"Person","name":"Ann Writer"},{"name":"Bo Reporter"}],"publisher":{"name":"Gazette Media"}}]}</script>
</head><body><article><h1>Flood closes bridge</h1>
<p>The river rose on Monday and the council closed the bridge in Dover after the flood.</p>
<p>Crews worked all night to clear the road before the morning traffic.</p></article></body></html>"""


@pytest.mark.parametrize("page, outlet, url, byline", [
    (PAGE, "The Channel Gazette", "https://gazette.example/2021/bridge", "Ann Writer, Bo Reporter"),
    (PAGE.replace('<meta property="og:site_name" content="The Channel Gazette">', ""), "Gazette Media",
     "https://gazette.example/2021/bridge", "Ann Writer, Bo Reporter"),
    (PAGE.replace('href="https://gazette.example/2021/bridge"', 'href="javascript:alert(1)"'), "The Channel Gazette",
     None, "Ann Writer, Bo Reporter"),
    ("<html><head><meta name='twitter:site' content='@gazette'><meta property='og:url' content='https://g.example/x'>"
     "<meta name='author' content='C. Writer'></head><body><p>The river rose on Monday in Dover and the bridge closed "
     "after the flood.</p></body></html>", "gazette", "https://g.example/x", "C. Writer"),
])
def test_citations_html_metadata_names_the_source(page, outlet, url, byline):
    a = parse_article(page.encode(), "page.html")
    assert (a.outlet, a.url, a.byline) == (outlet, url, byline)


@pytest.mark.parametrize("front, outlet, url, byline", [
    ("source: The Channel Gazette\nurl: https://gazette.example/a\nauthor: Ann Writer\n",
     "The Channel Gazette", "https://gazette.example/a", "Ann Writer"),
    ("publisher: 'Gazette'\ncanonical_url: javascript:alert(1)\n", "Gazette", None, None),
    ("", None, None, None),
])
def test_citations_markdown_front_matter_names_the_source(front, outlet, url, byline):
    md = f"---\ntitle: Flood\n{front}---\n\nThe river rose on Monday and the bridge in Dover closed.\n"
    a = parse_article(md.encode(), "a.md")
    assert (a.title, a.outlet, a.url, a.byline) == ("Flood", outlet, url, byline)


# --- build: the story file itself names articles, not paths -------------------------------------

ARTICLE = "On Jan. 3, 2020, a drone strike near Baghdad airport killed a general, officials said."


def _build(tmp_path, *extra):
    sub = tmp_path / "private" / "leads"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE.replace("Jan. 3", "Jan. 2"))
    out = tmp_path / "story.json"
    r = subprocess.run([sys.executable, "-m", "storymap.cli", "build", "private/leads/a.txt", str(tmp_path / "a.txt"),
                        "-o", str(out), "--date", "2020-01-04", *extra], capture_output=True, text=True, cwd=tmp_path,
                       timeout=300)
    return r, out


@pytest.mark.parametrize("extra, outlets", [
    ((), [None, None]),
    (("--source", "Wire Service"), ["Wire Service", "Wire Service"]),
    (("--source", "Wire Service", "--source", "private/leads/a.txt=Evening Post"), ["Evening Post", "Wire Service"]),
])
def test_citations_build_names_articles_and_outlets(tmp_path, real_gaz, extra, outlets):
    r, out = _build(tmp_path, *extra)
    assert r.returncode == 0, r.stderr
    text = out.read_text()
    assert str(tmp_path) not in text and "private" not in text
    story = load_story(out)
    arts = story.metadata["articles"]
    assert [a["file"] for a in arts] == ["a.txt", "a-2.txt"]
    assert {src.file for s in story.steps for src in s.sources} <= {"a.txt", "a-2.txt"}
    assert [a["outlet"] for a in arts] == outlets


def test_citations_build_source_for_an_unknown_file_is_a_one_line_error(tmp_path, real_gaz):
    r, out = _build(tmp_path, "--source", "elsewhere/b.txt=Evening Post")
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert "elsewhere/b.txt" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not out.exists()
