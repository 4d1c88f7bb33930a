"""English for the sight strings (merged into TRANSLATIONS)."""

SIGHT_TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
