"""English for the hotkeys win strings (merged into TRANSLATIONS)."""

HOTKEYS_WIN_TRANSLATIONS: dict[str | tuple[str, str], str] = {
}
