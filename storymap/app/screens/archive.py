"""Page: the archive's stories (``storymap app --archive``): a map, filters and a list to open them."""

from storymap.app.pages import archive_page

archive_page()
