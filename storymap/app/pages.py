"""The app's pages, each reading like a description of what is on screen."""

from __future__ import annotations

import math
import os
from dataclasses import replace

import streamlit as st

from storymap.app import session, views
from storymap.app.text import md_escape
from storymap.errors import StorymapError

__all__ = ["story_page", "new_story_page", "archive_page"]


def story_page() -> None:
    """The story map: controls on top, the map beside the narrative, the timeline below."""
    s = session.state()
    views.messages()
    archive = session.archive_dir() is not None
    if s is None:
        if archive:
            st.info("No story is open. Choose one on the “Archive” page.")
            _back_to_archive()
        else:
            st.info("No story is loaded. Make one from articles or open a story file under “New story”.")
        if st.session_state.get("load_error"):
            st.error(md_escape(st.session_state.load_error))
        return
    if st.session_state.get("presenting") and s.story.steps:
        views.presentation(s)
        views.keyboard()
        views.player(s)
        views.sync_url(session.state())
        return
    if archive:
        _back_to_archive()
    views.controls(s)
    views.sync_url(s)
    left, right = st.columns([3, 2], gap="medium")
    # The narrative is drawn first: it is what a reader waits for after a click.
    with right:
        # The editors are drawn only while their tab is open, to keep a step change quick.
        story_tab, edit_tab, places_tab = st.tabs(["Story", "Edit step", "Places"], key="panel",
                                                  on_change="rerun")
        with story_tab, st.container(key="narrative"):
            views.narrative_panel(s)
        if edit_tab.open:
            with edit_tab:
                views.step_editor(s)
        if places_tab.open:
            with places_tab:
                views.place_editor(s)
    with left:
        views.map_panel(s)  # a click on the map may move a place and rerun
    views.timeline_panel(s)
    views.keyboard()
    views.player(s)
    views.sync_url(session.state())


def _build(sources: list, title: str | None) -> None:
    """Build a story from articles with progress shown stage by stage; an error is shown inline
    and the story on screen stays."""
    from storymap.story.build import build_story

    with st.status("Building the story…", expanded=True) as status:
        bar = st.progress(0.0)

        def on_stage(name: str, fraction: float) -> None:
            bar.progress(min(max(float(fraction), 0.0), 1.0), text=name)

        try:
            story = build_story(sources, title=title or None, on_stage=on_stage)
        except StorymapError as e:
            status.update(label="Could not build a story", state="error")
            st.error(md_escape(str(e).splitlines()[0] if str(e) else type(e).__name__))
            return
        status.update(label=md_escape(f"Built “{story.title}” with {len(story.steps)} steps"), state="complete")
    session.replace_story(story, None)
    st.session_state.success = f"New story “{story.title}” with {len(story.steps)} steps."
    st.switch_page(st.session_state.pages["story"])


def new_story_page() -> None:
    """Make a story from pasted text or uploaded articles, or open a story file."""
    from storymap.ingest import article_from_text, parse_article
    from storymap.story import loads_story

    views.messages()
    st.header("New story", anchor=False)
    st.caption("The story on screen stays until a new one is ready.")
    paste, upload, open_file = st.tabs(["Paste text", "Upload articles", "Open a story file"])
    with paste:
        with st.form("paste_form"):
            title = st.text_input("Title (optional)")
            text = st.text_area("Article text", height=260, placeholder="Paste one news article here…")
            go = st.form_submit_button("Build the story")
        if go:
            if not text.strip():
                st.error("Paste the text of an article first.")
            else:
                _build([article_from_text(text, "pasted.txt")], title)
    with upload:
        with st.form("upload_form"):
            title = st.text_input("Title (optional)", key="upload_title")
            files = st.file_uploader("Articles (.txt, .md, .html)", type=["txt", "md", "markdown", "html", "htm"],
                                     accept_multiple_files=True)
            go = st.form_submit_button("Build the story")
        if go:
            if not files:
                st.error("Choose at least one article.")
            else:
                try:
                    # The browser's file name is only a label: its base name, never a path.
                    articles = [parse_article(f.getvalue(), _label(f.name)) for f in files]
                except StorymapError as e:
                    st.error(md_escape(str(e)))
                else:
                    _build(articles, title)
    with open_file:
        f = st.file_uploader("Story file (.json)", type=["json"], key="story_upload")
        if f is not None and st.button("Open this story"):
            try:
                story = loads_story(f.getvalue().decode("utf-8-sig"), name=_label(f.name))
            except UnicodeDecodeError:
                st.error(md_escape(f"{_label(f.name)}: not UTF-8 text"))
            except StorymapError as e:
                st.error(md_escape(str(e)))
            else:
                session.replace_story(story, None)
                st.session_state.success = f"Opened “{story.title}”."
                st.switch_page(st.session_state.pages["story"])


def _label(name: str) -> str:
    base = os.path.basename((name or "").replace("\\", "/")).strip()
    return base or "upload"


# --------------------------------------------------------------------------------------------
# The archive (`storymap app --archive ARCHIVE_DIR`)

#: Stories per page of the archive list.
ARCHIVE_PAGE_SIZE = 20
ARCHIVE_MAP_HEIGHT = 520

#: The archive page's fields and their first values. Streamlit forgets a widget's value when a run
#: does not draw it (a visit to the story page), so they are also kept in ``arc_saved``.
ARCHIVE_FIELDS = {"arc_place": "", "arc_words": "", "arc_from": "", "arc_until": "", "arc_min": 2,
                  "arc_sort": "Most articles", "arc_page": 1}


def _back_to_archive() -> None:
    if st.button("Back to the archive", key="to_archive"):
        st.switch_page(st.session_state.pages["archive"])


def _restore_fields() -> None:
    saved = st.session_state.setdefault("arc_saved", {})
    for key, first in ARCHIVE_FIELDS.items():
        if key not in st.session_state:
            st.session_state[key] = saved.get(key, first)


def _keep_fields() -> None:
    saved = st.session_state.setdefault("arc_saved", {})
    for key in ARCHIVE_FIELDS:
        if key in st.session_state:
            saved[key] = st.session_state[key]


def _first_page() -> None:
    st.session_state.arc_page = 1


def archive_page() -> None:
    """The archive's stories: filters on top, a map of them beside the list; "Open this story"
    builds one and shows it on the story page."""
    from storymap.app.archive import SORTS, ArchiveFilters, check_filters, filter_entries, sort_entries
    from storymap.app.state import EditError

    views.messages()
    st.header("Archive", anchor=False)
    root = session.archive_dir()
    if root is None:
        st.info("No archive is open: start the app with `storymap app --archive ARCHIVE_DIR`.")
        return
    try:
        with st.spinner("Reading the archive’s stories…"):
            items = session.archive_entries()
    except StorymapError as e:
        st.error(md_escape(str(e)))
        return
    _restore_fields()
    c = st.columns([2, 2, 1.2, 1.2, 1, 1.4], vertical_alignment="bottom")
    c[0].text_input("Place", key="arc_place", on_change=_first_page, placeholder="e.g. Basra",
                    help="Stories with a place whose name contains this")
    c[1].text_input("Words", key="arc_words", on_change=_first_page, placeholder="e.g. flood",
                    help="Stories whose title or words contain every one of these")
    c[2].text_input("From", key="arc_from", on_change=_first_page, placeholder="YYYY-MM-DD",
                    help="Stories whose dates reach this date or later (YYYY, YYYY-MM or YYYY-MM-DD)")
    c[3].text_input("Until", key="arc_until", on_change=_first_page, placeholder="YYYY-MM-DD",
                    help="Stories whose dates start by this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    c[4].number_input("Min. articles", min_value=1, step=1, key="arc_min", on_change=_first_page)
    c[5].selectbox("Order", SORTS, key="arc_sort", on_change=_first_page)
    get = st.session_state
    wanted = ArchiveFilters(get.arc_place, get.arc_words, get.arc_from, get.arc_until, int(get.arc_min))
    try:
        wanted = check_filters(wanted)
    except EditError as e:  # the dates are left out until fixed; the other filters still apply
        st.error(md_escape(str(e)))
        wanted = replace(wanted, date_from=None, date_to=None)
    shown = sort_entries(filter_entries(items, wanted), get.arc_sort)
    _keep_fields()
    st.caption(md_escape(f"{len(shown)} of {len(items)} stories in the archive {root.name}"))
    left, right = st.columns([3, 2], gap="medium")
    with right:
        _archive_list(shown)
    with left:
        _archive_map(shown)


def _archive_map(shown: list) -> None:
    """One marker per story listed (sized by its article count); a hover names it."""
    from streamlit_folium import st_folium

    from storymap.app.mapview import ARCHIVE_MAX_MARKERS, archive_layer

    m = views.page_base_map()
    # Nothing is sent back on a pan or a click: the map never reruns the page.
    st_folium(m, key="archive_map", height=ARCHIVE_MAP_HEIGHT, use_container_width=True,
              feature_group_to_add=archive_layer(shown), returned_objects=[])
    placed = sum(1 for e in shown if e.placed)
    drawn = min(placed, ARCHIVE_MAX_MARKERS)
    note = f"{drawn} stor{'y' if drawn == 1 else 'ies'} on the map"
    if placed > ARCHIVE_MAX_MARKERS:
        note += f" (the {ARCHIVE_MAX_MARKERS} largest of {placed})"
    if placed < len(shown):
        note += f"; {len(shown) - placed} without a place"
    st.caption(note + ". Hover over a circle for its story; the larger, the more articles.")


def _archive_list(shown: list) -> None:
    """A page of the stories: title, dates, article count, main places and words, and "Open this story"."""
    from storymap.app.archive import date_label

    if not shown:
        st.info("No story matches these filters.")
        return
    pages = max(1, math.ceil(len(shown) / ARCHIVE_PAGE_SIZE))
    if not 1 <= int(st.session_state.get("arc_page", 1)) <= pages:
        st.session_state.arc_page = 1
    if pages > 1:
        st.number_input("Page", min_value=1, max_value=pages, step=1, key="arc_page")
        st.caption(f"of {pages} pages of {ARCHIVE_PAGE_SIZE} stories")
        _keep_fields()
    page = int(st.session_state.get("arc_page", 1)) if pages > 1 else 1
    start = (page - 1) * ARCHIVE_PAGE_SIZE
    for e in shown[start:start + ARCHIVE_PAGE_SIZE]:
        with st.container(border=True, key=f"arc_story_{e.index}"):
            # Titles, places and words come from the archive's articles: shown as text, never Markdown.
            st.markdown(f"**{md_escape(e.title)}**")
            n = e.n_articles
            facts = [date_label(e), f"{n} article" + ("" if n == 1 else "s"),
                     ", ".join(e.places[:3]) if e.places else "no place"]
            st.caption(md_escape(" · ".join(facts)))
            if e.words:
                st.caption(md_escape("Words: " + ", ".join(e.words[:8])))
            if st.button("Open this story", key=f"arc_open_{e.index}", help="Build this story and show it on the story map"):
                _open_archive_story(e)


def _open_archive_story(e) -> None:
    """Build archive story ``e`` with its progress shown, then show it on the story page like a
    story file (saved only into the stories folder, by "Save as"); an error is shown inline."""
    from storymap.app.archive import UNTITLED

    n = e.n_articles
    with st.status(md_escape(f"Opening “{e.title}”…"), expanded=True) as status:
        bar = st.progress(0.1, text=md_escape(f"Reading {n} article" + ("" if n == 1 else "s")
                                              + " and their events from the archive"))
        try:
            story = session.archive_story(e.story_id, None if e.title == UNTITLED else e.title)
        except StorymapError as err:
            status.update(label="Could not open the story", state="error")
            st.error(md_escape(str(err).splitlines()[0] if str(err) else type(err).__name__))
            return
        bar.progress(1.0, text=md_escape(f"Built {len(story.steps)} steps"))
        status.update(label=md_escape(f"Opened “{story.title}” with {len(story.steps)} steps"), state="complete")
    session.replace_story(story, None, restore=True)  # edits made on it before, not saved, come back
    st.session_state.success = (f"Opened “{story.title}” from the archive: {len(story.steps)} steps from "
                                f"{n} article" + ("" if n == 1 else "s") + ".")
    st.switch_page(st.session_state.pages["story"])
