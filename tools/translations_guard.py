"""English for the guard strings (merged into TRANSLATIONS)."""

GUARD_TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
