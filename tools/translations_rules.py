"""English for the user-visible texts of issue 18's "one place per rule" (merged into TRANSLATIONS)."""

RULES_TRANSLATIONS: dict[str | tuple[str, str], str] = {}
