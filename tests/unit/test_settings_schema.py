import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_assistant.domain.settings import DEFAULTS, SCHEMA, SettingError, spec_for, validate_change


def test_every_default_passes_its_own_schema() -> None:
    for spec in SCHEMA:
        assert spec.parse(spec.default) == spec.default


def test_design_config_keys_exist() -> None:
    for key in (
        "agent_name",
        "agent_id",
        "shop_name",
        "hotkey.picker",
        "hotkey.toggle_panel",
        "hotkey.buyer_wrote",
        "hotkey.replied",
        "language",
        "theme",
        "panel.side",
        "panel.width",
        "panel.always_on_top",
    ):
        assert key in DEFAULTS


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("panel.width", "400", 400),
        ("panel.always_on_top", "off", False),
        ("panel.always_on_top", "是", True),
        ("language", "en", "en"),
        ("agent_name", "  小王  ", "小王"),
        ("agent_id", "kf-1024", "kf-1024"),
        ("hotkey.picker", "Alt+Ctrl+J", "ctrl+alt+j"),
        ("hotkey.picker", "", ""),
    ],
)
def test_parses_text_from_the_command_line(key: str, raw: str, expected: object) -> None:
    assert spec_for(key).parse(raw) == expected


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("panel.width", "wide"),
        ("panel.width", "99999"),
        ("panel.width", True),
        ("panel.always_on_top", "maybe"),
        ("language", "fr"),
        ("agent_id", "工号 1"),
        ("agent_name", "x" * 33),
        ("shop_name", "a\nb"),
        ("hotkey.replied", "ctrl+space"),
    ],
)
def test_refuses_bad_values_with_one_line(key: str, raw: object) -> None:
    with pytest.raises(SettingError) as caught:
        spec_for(key).parse(raw)
    assert "\n" not in str(caught.value)


def test_unknown_key_is_refused() -> None:
    with pytest.raises(SettingError, match="未知"):
        spec_for("no.such.key")


def test_two_actions_cannot_share_a_hotkey() -> None:
    current = dict(DEFAULTS)
    with pytest.raises(SettingError, match="hotkey.toggle_panel"):
        validate_change("hotkey.picker", current["hotkey.toggle_panel"], current)
    assert validate_change("hotkey.picker", "", current) == ""  # several actions may have none


@given(key=st.sampled_from(sorted(DEFAULTS)), raw=st.one_of(st.text(max_size=40), st.integers(), st.booleans()))
def test_parse_never_fails_with_anything_but_a_setting_error(key: str, raw: object) -> None:
    try:
        spec_for(key).parse(raw)
    except SettingError as exc:
        assert str(exc) and "\n" not in str(exc)


def test_messages_keep_the_chinese_text_and_translate_nested_reasons() -> None:
    with pytest.raises(SettingError) as caught:
        spec_for("hotkey.picker").parse("ctrl+space")
    assert str(caught.value) == "hotkey.picker: ctrl+space 被中文输入法占用，请换一个"
    english = {
        "{key}: {reason}": "{key}: {reason}",
        "{combo} 被中文输入法占用，请换一个": "{combo} belongs to the input method",
    }
    assert (
        caught.value.translated(lambda ctx, text: english[text])
        == "hotkey.picker: ctrl+space belongs to the input method"
    )


def test_offending_values_are_shown_on_one_short_line() -> None:
    with pytest.raises(SettingError) as caught:
        spec_for("panel.width").parse("12\n34" + "x" * 100)
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 100
