"""English for the uia strings (merged into TRANSLATIONS)."""

UIA_TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
