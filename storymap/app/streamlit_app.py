"""storymap's Streamlit app: the router. Run it with ``storymap app`` (see docs/app.md).

It sets up the page, loads the story once per session and hands over to a page; the pages are in
:mod:`storymap.app.pages`, the logic in :mod:`storymap.app.state` and friends.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from storymap.app import session, views

# No Material icons anywhere: Streamlit fetches those from fonts.gstatic.com.
st.set_page_config(page_title="storymap", layout="wide")
session.bootstrap()

# Pages are small scripts in screens/ (so AppTest can switch to them); they call into pages.py.
# By absolute path: `storymap app` runs this file from a main script in the cache folder.
SCREENS = Path(__file__).resolve().parent / "screens"
# With an archive (`storymap app --archive`), its page comes first and opens by default.
with_archive = session.archive_dir() is not None
story = st.Page(SCREENS / "story.py", title="Story map", default=not with_archive)
new = st.Page(SCREENS / "new_story.py", title="New story", url_path="new")
st.session_state.pages = {"story": story, "new": new}
pages = [story, new]
if with_archive:
    archive = st.Page(SCREENS / "archive.py", title="Archive", url_path="archive", default=True)
    st.session_state.pages["archive"] = archive
    pages.insert(0, archive)
page = st.navigation(pages, position="sidebar")
views.sidebar(session.state())
page.run()
