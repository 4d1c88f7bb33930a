"""English for the data strings (merged into TRANSLATIONS)."""

DATA_TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
