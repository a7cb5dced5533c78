"""The ingest word lists as data: each file names its source and licence, each boilerplate pattern
drops its own invented example, the metadata keys give the date and title, the month table is the
project's one, and ingest stays below the stages that use it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from storymap import calendar
from storymap.ingest import article_from_text, parse_article
from storymap.ingest.wordlists import DATA_DIR, read_list

BODY = "The ferry left the harbour at Portwell on Monday."

# One invented line per pattern of data/boilerplate.txt, in file order.
BOILERPLATE_EXAMPLES = [
    "Skip to main content",
    "Skip navigation links",
    "Back to top",
    "Join us on WhatsApp",
    "Please share your thoughts in the box below",
    "Thanks for reading!",
    "12 comments",
    "Read more at the Example Gazette",
    "Continue reading \u00bb",
    "Also read: a second story",
    "Don't forget to bookmark our site",
    "Tags: weather, floods",
    "Advertisement",
    "Story continues below",
    "Watch the mayor's speech:",
    "This site uses cookies to improve your visit",
    "Sign up for our free newsletter",
    "Subscribe now",
    "Get our morning newsletter every day",
    "Follow us for more",
    "Follow the Example Times on Instagram",
    "Share this story with a friend",
    "Share | Tweet | Email",
    "Click here to print",
    "We may earn a commission from links on this page",
    "Copyright 2021 Example Media",
    "Example Media. All rights reserved.",
    "This story was originally published by Example Weekly.",
    "Reprinted with permission from Example Press.",
]


@pytest.mark.parametrize("path", sorted(DATA_DIR.glob("*.txt")), ids=lambda p: p.name)
def test_ingest_data_file_names_its_source_and_licence(path):
    head = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any(line.startswith("# source:") for line in head)
    assert any(line.startswith("# licence:") for line in head)
    assert read_list(path.name), "a word list with no entries"


def test_ingest_word_list_skips_comments_and_blank_lines():
    entries = read_list("social_sites.txt")
    assert "google news" in entries
    assert not [e for e in entries if e.startswith("#") or not e.strip()]


def test_ingest_every_boilerplate_pattern_has_an_example():
    assert len(read_list("boilerplate.txt")) == len(BOILERPLATE_EXAMPLES)


@pytest.mark.parametrize("index", range(len(BOILERPLATE_EXAMPLES)), ids=lambda i: BOILERPLATE_EXAMPLES[i][:30])
def test_ingest_boilerplate_pattern_drops_its_example(index):
    from storymap.ingest.lines import _boilerplate_pattern

    example = BOILERPLATE_EXAMPLES[index]
    pattern = _boilerplate_pattern(read_list("boilerplate.txt")[index])
    assert re.match(pattern, example, re.IGNORECASE), (pattern, example)
    article = article_from_text(f"{BODY}\n{example}\n")
    assert article.body == BODY


@pytest.mark.parametrize("key", read_list("html_date_meta.txt"))
def test_ingest_each_date_meta_key_gives_the_date(key):
    page = f'<html><head><meta name="{key}" content="2021-03-04T08:00:00Z"></head><body><p>{BODY}</p></body></html>'
    assert parse_article(page.encode(), "page.html").date == "2021-03-04"


@pytest.mark.parametrize("key", read_list("html_title_meta.txt"))
def test_ingest_each_title_meta_key_gives_the_title(key):
    page = (f'<html><head><meta property="{key}" content="Ferry leaves Portwell"><title>Other | Site</title></head>'
            f"<body><p>{BODY}</p></body></html>")
    assert parse_article(page.encode(), "page.html").title == "Ferry leaves Portwell"


@pytest.mark.parametrize("line, date", [
    ("Dated 2020-01-02", "2020-01-02"),
    ("Published at January 2, 2020", "2020-01-02"),
    ("First published on 2 Jan 2020", "2020-01-02"),
    ("Posted on Jan. 2, 2020", "2020-01-02"),
    ("Publication date: 2020/01/02", "2020-01-02"),
    ("Pub date - 2nd of January 2020", "2020-01-02"),
    ("Last updated at Sept. 9, 2011", "2011-09-09"),
    ("Modified on December 31, 1999", "1999-12-31"),
])
def test_ingest_each_date_key_makes_a_metadata_line(line, date):
    article = article_from_text(f"{line}\n{BODY}\n")
    assert article.body == BODY
    assert article.date == date


def test_ingest_publication_date_wins_over_update_date():
    article = article_from_text(f"Updated: March 5, 2020\nPublished: March 4, 2020\n{BODY}\n")
    assert article.date == "2020-03-04"


@pytest.mark.parametrize("spelling", calendar.MONTH_SPELLINGS)
def test_ingest_reads_every_month_spelling_of_the_one_table(spelling):
    month = calendar.MONTH_PREFIXES[spelling[:3].lower()]
    for written in (spelling, spelling + ".", spelling.upper()):
        article = article_from_text(f"Published: {written} 7, 2019\n{BODY}\n")
        assert article.date == f"2019-{month:02d}-07", written


@pytest.mark.parametrize("written, iso", [
    ("Sept. 9, 2011", "2011-09-09"), ("Sep 9, 2011", "2011-09-09"), ("9 September 2011", "2011-09-09"),
    ("Jun. 1, 2018", "2018-06-01"), ("the 1st of June 2018", None), ("May 3, 2018", "2018-05-03"),
])
def test_ingest_date_line_spellings_news_uses(written, iso):
    article = article_from_text(f"Posted: {written}\n{BODY}\n")
    assert article.date == iso


def test_ingest_and_dates_share_one_month_table():
    from storymap.dates import calendar as dates_calendar

    assert dates_calendar.MONTHS is calendar.MONTHS
    assert dates_calendar.MONTH_PATTERN == calendar.MONTH_PATTERN
    assert not list((dates_calendar.DATA_DIR).glob("months.csv"))


def test_month_table_file_names_its_source_and_licence():
    first = (calendar.DATA_DIR / "months.csv").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and "storymap" in first and "MIT" in first
    assert calendar.MONTHS["September"] == 9 and len(calendar.MONTHS) == 12


@pytest.mark.parametrize("module, allowed", [
    ("storymap.calendar", {"storymap", "storymap.calendar"}),
    ("storymap.ingest", None),
])
def test_ingest_imports_nothing_above_it(module, allowed):
    code = f"import sys, {module}; print(' '.join(sorted(m for m in sys.modules if m.startswith('storymap'))))"
    loaded = set(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split())
    if allowed is not None:
        assert loaded == allowed
    higher = ("storymap.places", "storymap.dates", "storymap.story", "storymap.render", "storymap.app")
    assert not [m for m in loaded if m.startswith(higher)], loaded
