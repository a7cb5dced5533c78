"""Page: a new story from pasted text, uploaded articles or a story file."""

from storymap.app.pages import new_story_page

new_story_page()
