"""Page: the story map (controls, map, narrative, timeline, editors)."""

from storymap.app.pages import story_page

story_page()
