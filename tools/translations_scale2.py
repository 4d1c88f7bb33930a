"""English for the strings of issue 17's second round (the search in SQLite, lazy imports); merged into
TRANSLATIONS. This round added no UI text."""

SCALE2_TRANSLATIONS: dict[str | tuple[str, str], str] = {}
