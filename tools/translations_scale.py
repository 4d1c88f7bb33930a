"""English for the big-shop (scale) strings (merged into TRANSLATIONS)."""

SCALE_TRANSLATIONS: dict[str | tuple[str, str], str] = {}
