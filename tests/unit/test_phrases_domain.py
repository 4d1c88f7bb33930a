import pytest

from desktop_assistant.domain.phrases import Phrase, PhraseError, messages_needing_split, split_messages, validated


def test_split_messages_on_separator_lines() -> None:
    body = "亲, 在的\n---\n这款有现货\n今天 16:00 前拍下当天发\n  ---  \n\n---\n"
    assert split_messages(body) == ["亲, 在的", "这款有现货\n今天 16:00 前拍下当天发"]
    assert split_messages("a---b") == ["a---b"]  # only a line of its own separates


def test_long_messages_get_a_split_hint() -> None:
    assert messages_needing_split("短\n---\n" + "长" * 151) == [1]
    assert messages_needing_split("\n".join("行" for _ in range(7))) == [0]
    assert messages_needing_split("刚好" * 75) == []


def test_validated_normalises_code_hotkey_and_whitespace() -> None:
    phrase = validated(
        Phrase(text="亲\r\n在的", group="  售前  ", title=" 欢迎  语 ", code=" HY ", hotkey="Alt+Ctrl+1")
    )
    assert (phrase.text, phrase.group, phrase.title, phrase.code, phrase.hotkey) == (
        "亲\n在的",
        "售前",
        "欢迎 语",
        "hy",
        "ctrl+alt+1",
    )
    assert validated(Phrase(text="x", group=" ")).group == "默认"


@pytest.mark.parametrize(
    "phrase",
    [
        Phrase(text="  "),
        Phrase(text="x" * 5001),
        Phrase(text="x", code="欢迎"),
        Phrase(text="x", code="a b"),
        Phrase(text="x", hotkey="ctrl+space"),
        Phrase(text="x", title="t" * 61),
    ],
)
def test_refuses_phrases_that_cannot_be_saved(phrase: Phrase) -> None:
    with pytest.raises(PhraseError):
        validated(phrase)


def test_display_title_falls_back_to_the_first_line() -> None:
    assert Phrase(text="亲, 欢迎光临本店\n第二行").display_title == "亲, 欢迎光临本店"
    assert Phrase(text="x", title="欢迎").display_title == "欢迎"
