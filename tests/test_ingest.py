"""Tests for storymap.ingest: decoding, refusal of binary/missing input, boilerplate and caption
filtering, metadata, Markdown and HTML offsets, and robustness on large or odd input."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storymap.ingest import html as ingest_html
from storymap.errors import BinaryFileError, InputFileError, StorymapError
from storymap.ingest import article_from_text, parse_article, read_article
from storymap.model import Article

BODY = "The militia withdrew from the embassy in Baghdad on Wednesday.\n"


def assert_offsets_exact(article: Article) -> None:
    """Segments are verbatim slices, or (Markdown with inline markup removed) every character's raw
    region ``text[offsets[i]:offsets[i+1]]`` is that character, possibly preceded by the removed
    markup it absorbs (``"* "`` for the space after ``*word*``)."""
    for seg in article.segments:
        if seg.offsets is None:
            assert article.text[seg.start : seg.start + len(seg.text)] == seg.text
        else:
            assert len(seg.offsets) == len(seg.text) + 1
            assert seg.offsets[0] == seg.start
            assert all(x < y for x, y in zip(seg.offsets, seg.offsets[1:]))
            for i, ch in enumerate(seg.text):
                region = article.text[seg.offsets[i] : seg.offsets[i + 1]]
                assert region[0] == ch or (region.endswith(ch) and not ch.isalnum()), (seg.text, i, region)


def assert_html_offsets(article: Article) -> None:
    """Every HTML segment character is its raw character or the ``&`` of the entity it decodes.

    A whitespace run of the source is collapsed to one space, which maps to a raw whitespace
    character (a literal space when the run has one).
    """
    for seg in article.segments:
        for i, ch in enumerate(seg.text):
            raw = article.text[seg.raw_offset(i)]
            assert raw == ch or raw == "&" or (ch == " " and raw.isspace()), (seg.text, i, ch, raw)
        assert seg.end > seg.start


def words_map_back(article: Article) -> None:
    for m in re.finditer(r"\w+", article.body):
        a, b = article.to_raw(m.start(), m.end())
        assert article.text[a:b] == m.group(), m.group()


# --- decoding -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param("Iraq’s militia left Baghdad.\n".encode("utf-8"), "Iraq’s militia left Baghdad.", id="utf-8"),
        pytest.param("Iraq’s militia left Baghdad.\n".encode("utf-8-sig"), "Iraq’s militia left Baghdad.", id="utf-8-sig"),
        pytest.param(
            "Crowds chanted “Death to America!” in Baghdad’s Green Zone.\n".encode("cp1252"),
            "Crowds chanted “Death to America!” in Baghdad’s Green Zone.",
            id="cp1252-curly-quotes",
        ),
        pytest.param("Le café près de Genève.\n".encode("latin-1"), "Le café près de Genève.", id="latin-1"),
        pytest.param(b"Caf\xe9 \x81 in Tunis.\n", "Café \x81 in Tunis.", id="latin-1-undefined-in-cp1252"),
        pytest.param("Iraq’s militia left.\n".encode("utf-16"), "Iraq’s militia left.", id="utf-16-bom"),
    ],
)
def test_ingest_decodes_encodings(tmp_path, data, expected):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    article = read_article(path)
    assert article.format == "txt"
    assert not article.text.startswith("\ufeff")
    assert [s.text for s in article.segments] == [expected]
    seg = article.segments[0]
    assert seg.start == 0 and seg.offsets is None
    assert article.text[seg.start : seg.start + len(seg.text)] == expected


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", id="pdf"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", id="zip"),
        pytest.param(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", id="gzip"),
        pytest.param(b"Some text\x00with a NUL byte", id="nul"),
        pytest.param(bytes(range(1, 9)) * 50 + b"abc", id="control-chars"),
    ],
)
def test_ingest_refuses_binary_file(tmp_path, data):
    path = tmp_path / "x.png"
    path.write_bytes(data)
    with pytest.raises(BinaryFileError) as info:
        read_article(path)
    message = str(info.value)
    assert message == f"{path}: binary file, expected text, Markdown or HTML"
    assert "\n" not in message
    assert isinstance(info.value, StorymapError) and isinstance(info.value, ValueError)


def test_ingest_missing_file_raises_input_error(tmp_path):
    path = tmp_path / "no" / "such.txt"
    with pytest.raises(InputFileError) as info:
        read_article(path)
    assert str(info.value) == f"{path}: file not found"
    assert isinstance(info.value, OSError)


def test_ingest_directory_raises_input_error(tmp_path):
    with pytest.raises(InputFileError) as info:
        read_article(tmp_path)
    assert str(info.value) == f"{tmp_path}: is a directory, expected a file"


def test_ingest_unreadable_file_raises_input_error(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(BODY)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    # The shared reader opens with os.open (non-blocking, after a stat): refuse that open.
    from storymap import limits

    monkeypatch.setattr(limits.os, "open", denied)
    with pytest.raises(InputFileError) as info:
        read_article(path)
    assert str(info.value) == f"{path}: permission denied"


# --- format selection -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", b"<p>Literal text</p>", "txt"),
        ("a.text", b"Hello", "txt"),
        ("a.md", b"# Hello", "md"),
        ("a.markdown", b"# Hello", "md"),
        ("a.html", b"Hello", "html"),
        ("a.HTM", b"<p>Hello</p>", "html"),
        ("a.dat", b"\xef\xbb\xbf  <!DOCTYPE html><html><body><p>Hi</p></body></html>", "html"),
        ("a.dat", b"<html><p>Hi</p></html>", "html"),
        ("a.dat", b"Intro\n<body><p>Hi</p></body>", "html"),
        ("a.dat", b"Just words, 3 < 4 and 5 > 2.", "txt"),
        ("<text>", b"Plain pasted text", "txt"),
    ],
)
def test_ingest_format_from_suffix_or_sniffing(name, data, expected):
    assert parse_article(data, name).format == expected


def test_ingest_rejects_unknown_format():
    with pytest.raises(ValueError):
        parse_article(b"text", "a.txt", format="pdf")


# --- plain text -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        "Skip to content",
        "Skip navigation",
        "Join our WhatsApp channel for breaking news!",
        "Join the discussion!",
        "Please leave your comments below and tell us what you think.",
        "Thanks for reading!",
        "Read more at Example.com",
        "Tags: Iraq, Iran Categories: World",
        "ADVERTISEMENT",
        "Subscribe to our daily newsletter",
        "Follow us on Twitter",
        "Share this article",
        "Facebook Twitter Email",
        "We use cookies to improve your experience on our site.",
        "We may earn a commission when you buy through links on this page.",
        "Watch the moment protesters reached the gate:",
        "© 2020 Example Media. All rights reserved.",
    ],
)
def test_ingest_drops_boilerplate_lines(chrome):
    article = article_from_text(f"Militia leaves embassy\n\n{chrome}\n\n{BODY}")
    texts = [s.text for s in article.segments]
    assert texts == ["Militia leaves embassy", BODY.strip()]
    assert chrome in article.text  # dropped from the body, never from the raw text


@pytest.mark.parametrize(
    "line",
    [
        "Protesters joined the crowd outside the embassy.",
        "Tags were found on the rockets fired at the base.",
        "Advertisements for the rally appeared across Baghdad.",
        "Follow-up strikes hit Kirkuk on Sunday.",
        "Share prices fell in Tehran after the attack.",
        "Subscribers in Basra lost power overnight.",
    ],
)
def test_ingest_keeps_article_lines_that_resemble_chrome(line):
    article = article_from_text(f"{BODY}\n{line}\n")
    assert line in [s.text for s in article.segments]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Cooking pots outside the embassy in Baghdad", "Cooking pots outside the embassy in Baghdad"),
        ("Cooking pots outside the embassy in Baghdad", "Cooking pots outside the  embassy in Baghdad   "),
        ("A militant said: ‘God willing we will stay.’", "A militant said: 'God willing we will stay.'"),
        ("“Death to America!” they chanted", '"Death to America!" they chanted'),
    ],
)
def test_ingest_drops_caption_repeated_on_next_line(first, second):
    article = article_from_text(f"{BODY}\n{first}\n\n{second}\n\nThe crowd dispersed later.\n")
    texts = [s.text for s in article.segments]
    assert texts == [BODY.strip(), first, "The crowd dispersed later."]
    assert_offsets_exact(article)


def test_ingest_keeps_repeats_that_are_not_adjacent():
    article = article_from_text("Caption A\n\nCaption B\n\nCaption A\n")
    assert [s.text for s in article.segments] == ["Caption A", "Caption B", "Caption A"]


@pytest.mark.parametrize(
    "meta",
    [
        " date 2020-01-02",
        " date 2020-01-02 advertisement",
        "Date: 2020-01-02",
        "Published: January 2, 2020",
        "Published on Thursday, Jan. 2, 2020 at 10:15 AM",
        "Posted: 2 January 2020",
        "January 2, 2020",
    ],
)
def test_ingest_reads_date_metadata(meta):
    article = article_from_text(f"{meta}\n\nMilitia leaves embassy\n\n{BODY}")
    assert article.date == "2020-01-02"
    assert [s.text for s in article.segments] == ["Militia leaves embassy", BODY.strip()]
    assert article.title == "Militia leaves embassy"


def test_ingest_date_line_deep_in_body_is_text():
    filler = "".join(f"Paragraph {i} about the siege.\n\n" for i in range(20))
    article = article_from_text(filler + "Date: 2020-01-02\n")
    assert article.date is None
    assert article.segments[-1].text == "Date: 2020-01-02"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Skip to main content\nMilitia leaves embassy\n\n" + BODY, "Militia leaves embassy"),
        (BODY + "\nMore text.\n", None),  # first line ends with a period: not a title
        ("x" * 250 + "\n" + BODY, None),  # too long
        ("", None),
    ],
)
def test_ingest_plain_text_title(text, title):
    assert article_from_text(text).title == title


def test_ingest_plain_segments_are_verbatim_lines_and_words_map_back():
    text = "  Militia leaves embassy  \r\n\r\n\tIraq’s militia left Baghdad and Basra.\u00a0\n\nA second  paragraph\n"
    article = article_from_text(text)
    assert [s.text for s in article.segments] == [
        "Militia leaves embassy",
        "Iraq’s militia left Baghdad and Basra.",
        "A second  paragraph",
    ]
    assert all(s.offsets is None for s in article.segments)
    assert_offsets_exact(article)
    words_map_back(article)


# --- Markdown -------------------------------------------------------------------------------------

MARKDOWN = """# Siege *ends* in Baghdad

_Published: January 2, 2020_

> **Protesters** left the [U.S. Embassy](https://example.com/embassy "Embassy") in _Baghdad_.

- Marines arrived from **Kuwait**.
2. Tanks in `Basra` and a snake_case_name.

Share this article

```
print("code in Tehran")
```
***
"""


def test_ingest_markdown_title_date_and_markers(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    article = read_article(path)
    assert article.format == "md"
    assert article.title == "Siege ends in Baghdad"
    assert article.date == "2020-01-02"
    assert [s.text for s in article.segments] == [
        "Siege ends in Baghdad",
        "Protesters left the U.S. Embassy in Baghdad.",
        "Marines arrived from Kuwait.",
        "Tanks in Basra and a snake_case_name.",
    ]
    assert "Tehran" not in article.body
    assert_offsets_exact(article)
    words_map_back(article)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## Heading two ##", "Heading two"),
        ("> > Nested quote", "Nested quote"),
        ("* Bulleted item", "Bulleted item"),
        ("10) Numbered item", "Numbered item"),
        ("- [x] Task item", "Task item"),
        ("**Whole line bold**", "Whole line bold"),
    ],
)
def test_ingest_markdown_block_markers_keep_verbatim_slices(line, expected):
    article = parse_article(f"{line}\n".encode(), "a.md")
    (seg,) = article.segments
    assert seg.text == expected
    assert seg.offsets is None
    assert article.text[seg.start : seg.start + len(seg.text)] == expected


@pytest.mark.parametrize(
    ("line", "expected", "word_spans"),
    [
        ("Troops left **Baghdad**.", "Troops left Baghdad.", {"Baghdad": "Baghdad"}),
        ("In *Basra* and _Kirkuk_, calm", "In Basra and Kirkuk, calm", {"Basra": "Basra", "Kirkuk": "Kirkuk"}),
        ("See [the embassy](https://x.org/a_b \"t\") in Iraq", "See the embassy in Iraq", {"embassy": "embassy"}),
        ("Rockets hit `Erbil` and <b>Mosul</b> today", "Rockets hit Erbil and Mosul today", {"Mosul": "Mosul"}),
        ("Escaped \\*stars\\* in ~~Doha~~ Qatar[^1]", "Escaped *stars* in Doha Qatar", {"Doha": "Doha"}),
        ("Photo: ![Smoke over Tehran](a.png)", "Photo: Smoke over Tehran", {"Tehran": "Tehran"}),
        ("**abc**.", "abc.", {"abc": "abc"}),
    ],
)
def test_ingest_markdown_inline_markup_removed_through_offsets(line, expected, word_spans):
    article = article_from_text(line + "\n", "notes.md")
    (seg,) = article.segments
    assert seg.text == expected
    assert_offsets_exact(article)
    for word, raw in word_spans.items():
        start = article.body.index(word)
        a, b = article.to_raw(start, start + len(word))
        assert article.text[a:b] == raw


def test_ingest_markdown_front_matter():
    text = "---\ntitle: 'Embassy siege'\ndate: 2020-01-02T08:00:00Z\n---\n\nBody in Baghdad.\n"
    article = parse_article(text.encode(), "a.md")
    assert (article.title, article.date) == ("Embassy siege", "2020-01-02")
    assert [s.text for s in article.segments] == ["Body in Baghdad."]


# --- HTML -----------------------------------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head>
<title>Militia leaves embassy | Example News</title>
<meta property="og:title" content="Militia leaves Baghdad embassy">
<meta property="article:published_time" content="2020-01-02T10:00:00+03:00">
<script>var nav = "<p>Script text about Damascus</p>";</script>
<style>p { color: red; }</style>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news from Cairo</a></li></ul></nav>
<header><p>Example News: the site header about Riyadh</p></header>
<article>
  <h1>Militia leaves Baghdad embassy</h1>
  <p>Iraq&#8217;s military said the crowds &amp; militias withdrew from the U.S. Embassy in Baghdad on
     Wednesday, after two days of protests outside the compound.</p>
  <p>The statement followed a call from the Popular Mobilization Forces to withdraw from the compound,
     officials&nbsp;said, and <b>Marines</b> sent from Kuwait stayed on the roof.</p>
  <p>Some 100 U.S. Marines arrived at the embassy late Tuesday to bolster security as President Trump
     responded to the protest &#x2014; vowing it &quot;will not be a Benghazi&quot;.</p>
</article>
<footer><p>Copyright 2020 Example News. Offices in Amman.</p></footer>
<noscript><p>Enable JavaScript in Beirut</p></noscript>
</body></html>
"""


@pytest.mark.parametrize("use_trafilatura", [True, False], ids=["trafilatura", "fallback"])
def test_ingest_html_body_maps_to_raw_offsets(tmp_path, monkeypatch, use_trafilatura):
    if not use_trafilatura:
        monkeypatch.setattr(ingest_html, "_trafilatura_lines", lambda source: [])
    path = tmp_path / "page.html"
    path.write_bytes(HTML.encode("utf-8"))
    article = read_article(path)
    assert article.format == "html"
    assert article.text == HTML
    assert article.title == "Militia leaves Baghdad embassy"
    assert article.date == "2020-01-02"
    body = article.body
    assert "Iraq’s military said the crowds & militias withdrew" in body
    assert "officials said, and Marines sent from Kuwait" in body
    assert "protest — vowing it \"will not be a Benghazi\"." in body
    for absent in ("Damascus", "Cairo", "Riyadh", "Amman", "Beirut", "color: red", "<"):
        assert absent not in body
    assert_html_offsets(article)
    # entities map to their "&", the raw span of a decoded word covers its source
    seg = next(s for s in article.segments if s.text.startswith("Iraq"))
    assert HTML[seg.raw_offset(4) : seg.raw_offset(5)] == "&#8217;"
    start = body.index("crowds & militias")
    a, b = article.to_raw(start, start + len("crowds & militias"))
    assert HTML[a:b] == "crowds &amp; militias"
    start = body.index("Baghdad on Wednesday")
    a, b = article.to_raw(start, start + len("Baghdad on Wednesday"))
    assert re.fullmatch(r"Baghdad on\s+Wednesday", HTML[a:b])


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<meta name="date" content="2020-01-02">', "2020-01-02"),
        ('<meta name="pubdate" content="20200102">', "2020-01-02"),
        ('<meta name="DC.date" content="January 2, 2020">', "2020-01-02"),
        ('<meta property="og:published_time" content="2020-01-02T00:00:00Z">', "2020-01-02"),
        ('<script type="application/ld+json">{"datePublished": "2020-01-02T09:00:00Z"}</script>', "2020-01-02"),
        ("", None),
    ],
)
def test_ingest_html_date_from_meta(head, expected):
    page = f"<html><head>{head}</head><body><p>{BODY}</p><time datetime='2019-12-31'>x</time></body></html>"
    article = parse_article(page.encode(), "a.html")
    assert article.date == (expected or "2019-12-31")


def test_ingest_html_title_falls_back_to_title_then_h1():
    page = "<html><head><title>Militia leaves Baghdad embassy | Example</title></head><body><p>x</p></body></html>"
    assert parse_article(page.encode(), "a.html").title == "Militia leaves Baghdad embassy"
    page = "<html><body><h1>Siege &amp; retreat</h1><p>Body text.</p></body></html>"
    assert parse_article(page.encode(), "a.html").title == "Siege & retreat"


def test_ingest_html_fallback_skips_chrome_by_role_and_class(monkeypatch):
    monkeypatch.setattr(ingest_html, "_trafilatura_lines", lambda source: [])
    page = (
        "<body><div role='navigation'><p>Menu Cairo</p></div>"
        "<main><h2>Siege ends</h2><p>Militias left Baghdad.</p><ul><li>Marines stayed</li></ul>"
        "<div class='comment-list'><p>Reader from Amman</p></div>"
        "<div id='sidebar'><p>Popular: Riyadh</p></div><div>Loose div text in Oman</div></main></body>"
    )
    article = parse_article(page.encode(), "a.html")
    assert [s.text for s in article.segments] == ["Siege ends", "Militias left Baghdad.", "Marines stayed"]
    assert_html_offsets(article)


def test_ingest_html_unknown_entities_and_invisible_chars():
    page = "<p>AT&T staff in Baghdad&shy;&#8203; left &copy2020 &bogus; today.</p>"
    article = parse_article(page.encode(), "a.html")
    assert article.body == "AT&T staff in Baghdad left ©2020 &bogus; today."
    assert_html_offsets(article)


# --- robustness -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("token.txt", b"x" * 100_000),
        ("token.md", b"x" * 100_000),
        ("token.html", b"<p>" + b"x" * 100_000 + b"</p>"),
        ("stars.md", b"** " * 30_000),
        ("links.md", b'[a](b "' * 20_000),
        ("deep.html", b"<html><body>" + b"<div>" * 20_000 + b"<p>Deep text in Baghdad.</p>" + b"</div>" * 20_000),
        ("unclosed.html", b"<body>" + b"<p><span>Text in Basra " * 5_000),
        ("entities.html", b"<p>" + b"&amp;" * 50_000 + b"</p>"),
    ],
)
def test_ingest_pathological_input_is_fast(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    t0 = time.perf_counter()
    article = read_article(path)
    assert time.perf_counter() - t0 < 20.0  # a guard against quadratic time, not a speed figure
    if article.format == "html":
        assert_html_offsets(article)
    else:
        assert_offsets_exact(article)


def test_ingest_large_text_is_linear():
    text = "".join(f"Paragraph {i} about the siege of the embassy in Baghdad.\n\n" for i in range(40_000))
    t0 = time.perf_counter()
    article = article_from_text(text)
    assert time.perf_counter() - t0 < 20.0  # a guard against quadratic time, not a speed figure
    assert len(article.segments) == 40_000


@settings(max_examples=150, deadline=None)
@given(st.text())
def test_ingest_any_text_gives_verbatim_segments(text):
    article = article_from_text(text)
    assert article.text == text
    for seg in article.segments:
        assert seg.offsets is None
        assert seg.text
        assert text[seg.start : seg.start + len(seg.text)] == seg.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab _*`[]()!<>#-\\~\n\"'")) | st.characters(codec="utf-8"), max_size=80))
def test_ingest_any_markdown_maps_back(text):
    article = article_from_text(text, "a.md")
    assert article.format == "md"
    assert_offsets_exact(article)


TIMEML = (
    '<?xml version="1.0" ?>\n<TimeML>\n<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
    'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>\n<TEXT>\nProfits rose '
    '<TIMEX3 tid="t1" type="DATE" value="1997-Q4">last quarter</TIMEX3> at AT&amp;T.\n\n'
    'Shares fell <TIMEX3 tid="t2" type="DATE" value="1998-01-07">yesterday</TIMEX3>.\n</TEXT>\n</TimeML>\n'
)


def test_ingest_timeml_text_without_tags_and_dct(tmp_path):
    from storymap.ingest import read_article

    f = tmp_path / "doc.tml"
    f.write_text(TIMEML, encoding="utf-8")
    art = read_article(f)
    assert art.date == "1998-01-08"
    assert art.body == "Profits rose last quarter at AT&T.\n\nShares fell yesterday."
    for word in ("last quarter", "AT&T", "yesterday"):
        i = art.body.index(word)
        s, e = art.to_raw(i, i + len(word))
        raw = art.text[s:e]
        assert "<" not in raw and raw.replace("&amp;", "&") == word
