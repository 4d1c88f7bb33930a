"""English for the selftest strings (merged into TRANSLATIONS)."""

SELFTEST_TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
