"""The Streamlit app of storymap: an interactive, animated story map a person can correct.

``storymap app [STORY.json | ARTICLE...]`` starts it (:func:`storymap.app.launch.run_app`); the
script is ``streamlit_app.py``. Logic lives in plain modules that tests use without Streamlit:
:mod:`~storymap.app.state` (navigation, edits, undo), :mod:`~storymap.app.mapview` (the folium
map), :mod:`~storymap.app.narrative`, :mod:`~storymap.app.timeline`, :mod:`~storymap.app.autosave`.
"""
