"""Property tests: the parsers take any input and either give a well-formed value or a documented error.

Nothing here expects particular answers; each test states what must hold for every input (offsets
point into the text, spans are sorted, errors are storymap's own and fit on one line). Run deeper with
``STORYMAP_FUZZ_EXAMPLES=5000 pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import builtins
import copy
import datetime as dt
import io
import json
import os
import re
import time

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from storymap.dates import find_timexes
from storymap.errors import BinaryFileError, InputFileError, StoryFormatError
from storymap.ingest import article_from_text, parse_article
from storymap.model import Article
from storymap.places.recognise import Recogniser
from storymap.story import (
    STORY_FORMAT_VERSION,
    Source,
    Step,
    StepPlace,
    Story,
    build_place_index,
    dumps_story,
    loads_story,
    story_from_dict,
    story_to_dict,
)

#: 50 examples keep the default run fast; STORYMAP_FUZZ_EXAMPLES=5000 fuzzes deeper.
EXAMPLES = int(os.environ.get("STORYMAP_FUZZ_EXAMPLES", "50"))
FAST = settings(max_examples=EXAMPLES, deadline=None)

PATHS = ["upload", "article.txt", "article.md", "article.html"]


# ---------------------------------------------------------------------------------------------
# Checks shared by the ingest tests


def check_article(art: Article, path: str) -> None:
    """An Article whose every segment maps back into the raw text."""
    assert isinstance(art, Article)
    assert art.path == path
    n = len(art.text)
    pos = 0
    for seg in art.segments:
        if seg.offsets is None:
            assert art.text[seg.start:seg.start + len(seg.text)] == seg.text
        else:
            assert len(seg.offsets) == len(seg.text) + 1
            assert all(0 <= o <= n for o in seg.offsets)
        rs, re_ = art.to_raw(pos, pos + len(seg.text))
        assert 0 <= rs <= re_ <= n, (rs, re_, n)
        pos += len(seg.text) + len(Article.SEPARATOR)
    assert len(art.body) == max(pos - len(Article.SEPARATOR), 0)


def parse_or_refuse(data: bytes, path: str) -> Article | None:
    """parse_article, allowing only the documented refusals (with one-line messages naming the file)."""
    try:
        art = parse_article(data, path)
    except (BinaryFileError, InputFileError) as e:
        msg = str(e)
        assert msg.startswith(f"{path}: ") and len(msg.splitlines()) == 1, msg
        return None
    check_article(art, path)
    return art


# ---------------------------------------------------------------------------------------------
# Ingest

CONTROL = [chr(c) for c in range(0, 32)] + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u00a0"]
BIDI = ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u200e", "\u200f", "\u2066", "\u2067", "\u2069"]
RTL_WORDS = ["بغداد", "العراق", "مرحبا", "ירושלים", "שלום", "תל אביב", "١٢٣", "2019"]
LATIN_WORDS = ["Baghdad", "Iraq", "troops", "said", "on", "Tuesday", "<p>", "</p>", "&amp;", "**", "# ", "> ", "- "]


@FAST
@given(data=st.binary(max_size=3000), path=st.sampled_from(PATHS))
def test_fuzz_ingest_random_bytes(data, path):
    parse_or_refuse(data, path)


@st.composite
def encoded_text(draw):
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    text = draw(st.text(st.characters(codec=encoding if encoding != "utf-8-sig" else "utf-8"), max_size=400))
    return encoding, text


@FAST
@given(enc_text=encoded_text(), path=st.sampled_from(PATHS))
def test_fuzz_ingest_encoded_unicode(enc_text, path):
    encoding, text = enc_text
    # UTF-16 LE of a text that starts with NUL begins FF FE 00 00, the UTF-32 LE byte-order mark:
    # those bytes are read as UTF-32, as every BOM-sniffing decoder does.
    assume(not (encoding == "utf-16" and text.startswith("\x00")))
    data = text.encode(encoding)
    art = parse_or_refuse(data, path)
    if art is not None and encoding in ("utf-8", "utf-8-sig", "utf-16") and not path.endswith(".html"):
        assert art.text == text  # decoded exactly, the BOM dropped


@FAST
@given(parts=st.lists(st.one_of(st.sampled_from(CONTROL + BIDI + RTL_WORDS + LATIN_WORDS), st.text(max_size=5)),
                      max_size=60),
       path=st.sampled_from(PATHS))
def test_fuzz_ingest_control_and_right_to_left_text(parts, path):
    text = "".join(parts)
    parse_or_refuse(text.encode("utf-8"), path)
    art = article_from_text(text, path)
    check_article(art, path)
    assert art.text == text


TAGS = ["p", "div", "span", "b", "i", "a", "br", "h1", "h2", "li", "ul", "table", "tr", "td", "script", "style",
        "article", "main", "nav", "footer", "header", "figure", "figcaption", "blockquote", "pre", "noscript", "svg",
        "iframe", "template", "title", "head", "body", "html"]


@st.composite
def html_soup(draw):
    pieces = draw(st.lists(st.one_of(
        st.builds(lambda t, attr: f"<{t}{attr}>", st.sampled_from(TAGS),
                  st.sampled_from(["", ' class="x"', " id='main'", ' href="javascript:alert(1)"', " data-x=\"<p>\"",
                                   " =", ' style="display:none"'])),
        st.builds(lambda t: f"</{t}>", st.sampled_from(TAGS)),
        st.sampled_from(["<!--", "-->", "<!DOCTYPE html>", "<![CDATA[", "]]>", "&amp;", "&#x627;", "&nbsp;",
                         "&#0;", "&#xD800;", "&bogus;", "<", ">", "\n", " "]),
        st.sampled_from(RTL_WORDS + LATIN_WORDS),
        st.text(max_size=10),
    ), max_size=80))
    return "".join(pieces)


@FAST
@given(page=html_soup(), wrap=st.booleans())
def test_fuzz_ingest_html_with_random_tags(page, wrap):
    if wrap:
        page = f"<html><head><title>T</title></head><body>{page}</body></html>"
    for path in ("page.html", "upload"):
        parse_or_refuse(page.encode("utf-8"), path)


@pytest.mark.parametrize("path", PATHS)
def test_fuzz_ingest_empty_input(path):
    art = parse_or_refuse(b"", path)
    assert art is not None and art.text == "" and art.segments == ()


@pytest.mark.parametrize("path", PATHS)
def test_fuzz_ingest_one_100kb_token(path):
    token = "Baghdad" * (100_000 // 7)
    art = parse_or_refuse(token.encode(), path)
    assert art is not None and art.text == token


@pytest.mark.parametrize("page, path", [
    ("<div>" * 5000, "upload"),
    ("<div>" * 5000, "deep.html"),
    ("<html><body>" + "<div>" * 5000 + "<p>Troops reached Baghdad.</p>" + "</div>" * 5000 + "</body></html>",
     "deep.html"),
    ("<p>" * 5000 + "Baghdad", "deep.html"),
    ("<b><i>" * 2500 + "Baghdad" + "</i></b>" * 2500, "deep.html"),
    ("> " * 5000 + "Baghdad", "deep.md"),
    ("*" * 5000 + "Baghdad" + "*" * 5000, "deep.md"),
    ("[" * 5000 + "Baghdad" + "](x)" * 5000, "deep.md"),
])
def test_fuzz_ingest_deeply_nested_markup(page, path):
    t0 = time.perf_counter()
    parse_or_refuse(page.encode(), path)
    assert time.perf_counter() - t0 < 60  # a guard against quadratic time, not a speed figure


def test_fuzz_ingest_10mb_article_is_fast():
    line = b"Troops arrived in Baghdad on Tuesday, officials said, and more were expected.\n"
    data = line * (10_000_000 // len(line) + 1)
    t0 = time.perf_counter()
    art = parse_or_refuse(data, "big.txt")
    elapsed = time.perf_counter() - t0
    assert art is not None and len(art.text) == len(data)
    assert elapsed < 60, f"10 MB article took {elapsed:.1f} s"  # a guard against quadratic time


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "..\\..\\Windows\\win.ini",
                                  "uploads/../../../root/.ssh/id_rsa.html", "name\x00with-nul.txt", "~/.bashrc"])
def test_fuzz_ingest_upload_file_name_is_only_a_label(path, monkeypatch, tmp_path):
    parse_article(b"<p>warm up</p>", "warm.html")  # let trafilatura load its settings first

    def refuse(*args, **kwargs):
        raise AssertionError(f"parse_article touched the file system: {args!r}")

    monkeypatch.chdir(tmp_path)
    for target, name in ((builtins, "open"), (io, "open"), (os, "open"), (os, "stat"), (os, "listdir")):
        monkeypatch.setattr(target, name, refuse)
    art = parse_article(b"text about Baghdad", path=path)
    monkeypatch.undo()
    assert art.path == path
    assert art.text == "text about Baghdad"
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------------------------------------
# Dates

DATE_TOKENS = [
    "January", "Jan.", "May", "March", "Sept.", "3", "31", "2019", "1999", "'98", "12/31/2019", "2019-12-31",
    "2019-02-30", "last", "next", "this", "Tuesday", "weekend", "week", "month", "year", "ago", "two", "a",
    "dozen", "years", "days", "earlier", "later", "the", "1990s", "nineties", "spring", "winter", "Q3",
    "fourth quarter", "first half", "fiscal", "every", "daily", "each Monday", "at", "10:30", "p.m.", "noon",
    "yesterday", "tomorrow", "tonight", "morning", "since", "until", "21st", "century", "Christmas", "Ramadan",
    "now", "recently", "of", "in", "on", "-", "–", ",", ".", " ", "  ", "\n", "(", ")", "'", '"',
]


@FAST
@given(
    text=st.one_of(
        st.text(max_size=300),
        st.lists(st.sampled_from(DATE_TOKENS), max_size=60).map(" ".join),
        st.lists(st.one_of(st.sampled_from(DATE_TOKENS), st.text(max_size=3)), max_size=60).map("".join),
    ),
    dct=st.one_of(st.none(), st.dates(), st.datetimes()),
)
def test_fuzz_dates_spans_are_sorted_and_inside_the_text(text, dct):
    timexes = find_timexes(text, dct)
    prev_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start:t.end] == t.text
        assert t.start >= prev_end  # sorted and not overlapping
        prev_end = t.end
        assert t.type in {"DATE", "TIME", "DURATION", "SET"}
        assert isinstance(t.value, str) and t.value


RELATIVE = [
    "tomorrow", "yesterday", "next year", "last year", "next week", "last week", "next month", "last month",
    "the next century", "a century ago", "100 years ago", "5000 years ago", "two decades ago", "next weekend",
    "last weekend", "next Tuesday", "last Tuesday", "Tuesday", "a year earlier", "a year later", "in 9999 years",
    "the fourth quarter", "next quarter", "last quarter", "the first half", "next spring", "last winter",
    "December 31", "January 1", "Christmas", "Easter", "Ramadan", "Thanksgiving", "the day after tomorrow",
    "in two days", "in 10000 days", "three weeks from now", "10 years from now", "9999 years ago", "the 9990s",
    "the 21st century", "tonight", "this morning", "the next day", "the following year", "next fiscal year",
]


@pytest.mark.parametrize("dct", [dt.date.min, dt.date(1, 1, 7), dt.date(2000, 2, 29), dt.date(9999, 12, 25),
                                 dt.date.max])
def test_fuzz_dates_relative_expressions_at_the_ends_of_the_calendar(dct):
    for phrase in RELATIVE:
        text = f"It happened {phrase}."
        for t in find_timexes(text, dct):
            assert text[t.start:t.end] == t.text


# ---------------------------------------------------------------------------------------------
# Recogniser

PLACE_TOKENS = [
    "Baghdad", "Iraq", "Iraqi", "Iran", "Iranian", "Fort Bragg", "North Carolina", "Al Qa'im", "Al-Qaim", "Qaim",
    "Anbar", "Green Zone", "green zone", "the International Zone", "Strait of Hormuz", "hormuz strait", "U.S.",
    "US", "America", "American", "Georgia", "Tbilisi", "Atlanta", "Salem", "Paul Salem", "Mr. Salem", "California",
    "troops", "said", "in", "near", "the", "from", "to", "and", "Tuesday", "'s", ",", ".", ";", ":", "!", "?", "(",
    ")", "\"", "'", "—", "-", "/", "&", "\n", "\n\n", " ", "  ", "\t", "BAGHDAD", "baghdad", "BAGHDAD, Iraq —",
]
MARKUP = {"txt": lambda s: s, "md": lambda s: f"# Report\n\n**{s}** [link](http://x) _x_",
          "html": lambda s: f"<html><body><p>{s.replace('&', '&amp;')}</p><p>&nbsp;{s}</p></body></html>"}


@pytest.fixture(scope="module")
def recogniser(mem_gaz, nlp):
    return Recogniser(mem_gaz, nlp)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(st.sampled_from(PLACE_TOKENS), st.text(max_size=4)), max_size=50),
       fmt=st.sampled_from(["txt", "md", "html"]))
def test_fuzz_recognise_mentions_point_into_raw_text(recogniser, parts, fmt):
    words = " ".join(parts)
    if fmt == "txt":
        art = article_from_text(words, "a.txt")
    else:
        art = parse_or_refuse(MARKUP[fmt](words).encode("utf-8"), f"a.{fmt}")
        if art is None:  # NUL or control characters: refused as binary
            return
    for mentions in recogniser.recognise_all(art):
        for m in mentions:
            assert 0 <= m.start < m.end <= len(art.text)
            assert art.text[m.start:m.end] == m.text
            assert m.text.strip() and m.file == art.path


# ---------------------------------------------------------------------------------------------
# Story loader

# A one-line message that says where: a field path, a line and column, or the top level.
_WHERE = re.compile(
    r"^<story>: (?:"
    r"(?:title|steps|summary|places|metadata|version)(?:\[\d+\])?(?:[.\[][^:]*)?: "  # steps[0].places[1].lat: ...
    r"|invalid JSON at line \d+, column \d+: "
    r"|invalid JSON: (?:duplicate field|NaN|Infinity|-Infinity|nested)"
    r"|is empty"
    r"|expected a JSON object at the top level"
    r"|format version \d+ is newer"
    r"|(?:unknown|missing required) field"
    r"|field names must be strings"
    r"|story data is nested too deeply)"
)


def check_story_outcome(load) -> Story | None:
    try:
        story = load()
    except StoryFormatError as e:
        msg = str(e)
        assert len(msg.splitlines()) == 1, f"multi-line message: {msg!r}"
        assert _WHERE.match(msg), f"message does not say where: {msg!r}"
        return None
    assert isinstance(story, Story)
    return story


# Field names without line breaks: a line break in a field name is the known bug in
# test_fuzz_story_field_name_with_line_break_gives_one_line_message (xfail), kept out of the fuzzing.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
field_names = st.text(st.characters(exclude_characters=LINE_BREAKS), max_size=10)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(field_names, children, max_size=5),
    max_leaves=30,
)
story_keys = st.sampled_from(["title", "steps", "summary", "places", "metadata", "version", "x-note", "id", "date",
                              "lat", "lon", "name", "sources", "start", "end", "file", "kind", "role"])
story_shaped = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats() | st.text(max_size=12)
    | st.sampled_from(["2019-05", "2019-13-01", "city", "site", "IR", "gn:1"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(story_keys, children, max_size=6),
    max_leaves=40,
)


@FAST
@given(text=st.one_of(
    st.text(max_size=200),
    json_values.map(lambda v: json.dumps(v)),
    story_shaped.map(lambda v: json.dumps(v)),
    st.builds(lambda t, s: json.dumps({"title": t, "steps": s}), st.text(max_size=10), story_shaped),
))
def test_fuzz_story_random_json(text):
    check_story_outcome(lambda: loads_story(text))


def valid_story_dict() -> dict:
    baghdad = StepPlace("Baghdad", 33.34, 44.40, "city", geonameid=98182, country="IQ", place_id="gn:98182",
                        alternatives=({"name": "Baghdad Governorate", "lat": 33.3, "lon": 44.3, "score": 0.1},))
    hormuz = StepPlace("Strait of Hormuz", 26.57, 56.25, "water", role="destination", place_id="cur:strait-of-hormuz")
    steps = (
        Step("s1", "2019-12-31", "Embassy stormed", "Protesters stormed the embassy.", (baghdad,),
             (Source("a.txt", 10, 60, "Protesters stormed the embassy."),), actors=("protesters",)),
        Step("s2", "2019-06", "Drone shot down", "A drone was shot down.", (hormuz, baghdad),
             (Source("b.html", 5, 40),), date_end="2019-07", corroboration=2, tags=("background",)),
        Step("s3", None, "Background", "Tensions since 1979.", (), ()),
    )
    story = Story("Gulf tensions", steps, "Summer 2019.", build_place_index(steps), {"generator": "storymap"})
    return story_to_dict(story)


def _paths(node, prefix=()):
    """Every (container path, key) in a JSON tree."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for k, v in items:
        yield prefix, k
        yield from _paths(v, (*prefix, k))


def _get(d, path):
    for k in path:
        d = d[k]
    return d


junk = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=12), st.just([]),
                 st.just({}), st.just([None]), st.just({"x": 1}),
                 st.sampled_from(["2019-02-30", "2019-13", "20190101", "yesterday", "", "0000-01-01", "9999-12-31",
                                  "2019-1-1", " 2019-01-01", "2019-01-01T00:00", "−1"]))


@st.composite
def mutated_story(draw):
    d = valid_story_dict()
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(d))
        parent, key = draw(st.sampled_from(paths))
        container = _get(d, parent)
        op = draw(st.sampled_from(["drop", "set", "date", "add"]))
        if op == "drop":
            del container[key]
        elif op == "set":
            container[key] = draw(junk)
        elif op == "date" and isinstance(container, dict) and any(k in container for k in ("date", "date_end")):
            container["date" if "date" in container else "date_end"] = draw(junk)
        elif op == "add" and isinstance(container, dict):
            name = draw(st.one_of(st.sampled_from(["extra", "x-extra", "Title", "", "date end", "steps "]), field_names))
            container[name] = draw(junk)
    if draw(st.booleans()):
        d["version"] = draw(st.sampled_from([STORY_FORMAT_VERSION + 1, 99, 0, -1, "1", 1.0, None, True]))
    return d


@FAST
@given(d=mutated_story())
def test_fuzz_story_mutations_of_a_valid_story(d):
    check_story_outcome(lambda: story_from_dict(copy.deepcopy(d), name="<story>"))
    check_story_outcome(lambda: loads_story(json.dumps(d)))


def test_fuzz_story_valid_dict_loads():
    assert check_story_outcome(lambda: loads_story(json.dumps(valid_story_dict()))) is not None


@pytest.mark.parametrize("version", [STORY_FORMAT_VERSION + 1, 10**30])
def test_fuzz_story_newer_version_is_refused_in_one_line(version):
    d = valid_story_dict() | {"version": version}
    with pytest.raises(StoryFormatError, match="newer than this storymap supports"):
        loads_story(json.dumps(d))


@pytest.mark.parametrize("text", [
    "[" * 100_000,
    '{"title": "t", "steps": [], "metadata": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"title": "t", "title": "u", "steps": []}',
    '{"title": NaN, "steps": []}',
    "\ufeff{}",
    "\x00",
])
def test_fuzz_story_odd_texts(text):
    check_story_outcome(lambda: loads_story(text))


@pytest.mark.parametrize("text", [
    '{"title": "t", "steps": [], "a\\nb": 1}',                      # unknown top-level field
    '{"title": "t", "steps": [{"id": "s1", "date": null, "title": "", "text": "", "places": [], '
    '"sources": [], "x\\u2028y": 0}]}',                              # unknown field in a step
    '{"a\\rb": 1, "a\\rb": 2}',                                     # duplicate field
    '{"title": "t", "steps": [], "metadata": {"a\\nb": ' + "[" * 102 + "]" * 102 + "}}",  # path in metadata
])
def test_fuzz_story_field_name_with_line_break_gives_one_line_message(text):
    check_story_outcome(lambda: loads_story(text))


def test_fuzz_dates_accept_datetime_dct():
    at_night = dt.datetime(2020, 1, 2, 23, 59)
    assert find_timexes("on Tuesday", at_night) == find_timexes("on Tuesday", dt.date(2020, 1, 2))


# Raw JSON tokens that Python's json module turns into trouble: huge ints (OverflowError in float(),
# ValueError past 4,300 digits), NaN/Infinity, lone-surrogate escapes. Anywhere in a story they must
# give StoryFormatError, and whatever loads must dump back as UTF-8.
_NASTY_TOKENS = st.sampled_from(["9" * 400, "-" + "9" * 5000, "1e999", "NaN", "-Infinity", "2e-400",
                                 '"\\ud800"', '"a\\udfffb"', '"\\ud83d\\ude00"', "9007199254740992", "0"])
def _good_story_dict() -> dict:
    from tests.test_story import good_dict  # imported at call time, outside any @given run

    return good_dict()


_good_story_dict()  # import test_story now: importing it inside a @given run nests its @given
_STORY_SLOTS = ['"lat": 26.57', '"lon": 56.25', '"start": 10', '"end": 60', '"corroboration": 1',
                '"title": "Tankers attacked"', '"name": "Strait of Hormuz"', '"score": 0.2', f'"version": {STORY_FORMAT_VERSION}']


@FAST
@given(slot=st.sampled_from(_STORY_SLOTS), token=_NASTY_TOKENS)
def test_fuzz_story_nasty_json_tokens_never_escape_as_other_errors(slot, token):
    text = json.dumps(_good_story_dict())
    assert slot in text
    text = text.replace(slot, f"{slot.split(':')[0]}: {token}", 1)
    try:
        s = loads_story(text, name="f.json")
    except StoryFormatError as e:
        assert "\n" not in str(e)
        str(e).encode("utf-8")
    else:
        dumps_story(s).encode("utf-8")
