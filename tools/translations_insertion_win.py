"""English for the insertion win strings (merged into TRANSLATIONS)."""

INSERTION_WIN_TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
