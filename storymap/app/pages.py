"""The app's pages, each reading like a description of what is on screen."""

from __future__ import annotations

import os

import streamlit as st

from storymap.app import session, views
from storymap.app.text import md_escape
from storymap.errors import StorymapError

__all__ = ["story_page", "new_story_page"]


def story_page() -> None:
    """The story map: controls on top, the map beside the narrative, the timeline below."""
    s = session.state()
    views.messages()
    if s is None:
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
