"""Everything a build writes besides the theme's pages: listings, search, feeds, cards, calendars, releases."""
