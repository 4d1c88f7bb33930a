import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_assistant.domain.hotkeys import HotkeyError, normalise_hotkey, parse_hotkey


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ctrl+alt+1", "ctrl+alt+1"),
        ("Alt+Ctrl+P", "ctrl+alt+p"),
        ("control + shift + F5", "ctrl+shift+f5"),
        ("Meta+Alt+x", "alt+win+x"),
        ("ctrl+alt+PgUp", "ctrl+alt+page_up"),
        ("ctrl+alt+Return", "ctrl+alt+enter"),
        ("f9", "f9"),
        ("ctrl++", "ctrl++"),
    ],
)
def test_normalises_spellings(text: str, expected: str) -> None:
    assert normalise_hotkey(text) == expected


@pytest.mark.parametrize("text", ["ctrl+space", "Shift+Space", "ctrl+.", "ctrl+shift", "alt+shift", "Shift+Alt"])
def test_refuses_combos_chinese_imes_own(text: str) -> None:
    with pytest.raises(HotkeyError, match="输入法"):
        parse_hotkey(text)


@pytest.mark.parametrize(
    "text",
    ["", "ctrl+", "ctrl+alt", "hyper+x", "ctrl+ctrl+x", "ctrl+alt+nosuchkey", "a", "shift+a", "ctrl+alt+1+2"],
)
def test_refuses_unusable_combos(text: str) -> None:
    with pytest.raises(HotkeyError):
        parse_hotkey(text)


@given(st.text(max_size=30))
def test_any_text_is_a_hotkey_or_a_clear_error(text: str) -> None:
    try:
        normalised = normalise_hotkey(text)
    except HotkeyError as exc:
        assert str(exc) and "\n" not in str(exc)
    else:
        assert normalise_hotkey(normalised) == normalised  # idempotent: one stored spelling
