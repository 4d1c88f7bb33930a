"""English for the shopwords strings (merged into TRANSLATIONS)."""

SHOPWORDS_TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
