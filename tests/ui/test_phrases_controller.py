"""The phrase controller with a recording inserter: rendering, hotkey actions, conflicts, use counts."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.storage.phrase_store import PhraseStore
from desktop_assistant.ui.phrase_library import PhraseLibrary
from desktop_assistant.ui.phrases_controller import PhrasesController


class RecordingInserter:
    def __init__(self) -> None:
        self.requests: list[tuple[list[str], int | None, object]] = []

    def insert_texts(self, texts, caret_from_end, tag) -> None:
        self.requests.append((texts, caret_from_end, tag))


@pytest.fixture
def controller(store, clock, qapp):
    repo = PhraseStore(store.db)
    for phrase in repo.all():
        repo.delete(phrase.id)
    store.settings.set_many({"agent_name": "小王", "shop_name": "云朵家居旗舰店"})
    library = PhraseLibrary(repo, clock)
    inserter = RecordingInserter()
    made = PhrasesController(library, store.settings, clock, inserter,
                             conversation_context=lambda: {"buyer": "tb_云朵朵"})
    made.inserter = inserter
    return made


def test_insert_renders_each_message_with_context(controller, qapp) -> None:
    qapp.clipboard().setText("浙江省杭州市西湖区")
    phrase = controller.library.save(Phrase(
        text="{问候} {买家}, 我是{店铺}的{客服}\n---\n地址: {剪贴板}, 对吗{光标}?", group="核对", code="hd"))
    controller.insert(phrase.id)
    [(texts, caret, tag)] = controller.inserter.requests
    assert texts == ["早上好 tb_云朵朵, 我是云朵家居旗舰店的小王", "地址: 浙江省杭州市西湖区, 对吗?"]
    assert caret == 1 and tag == phrase.id


def test_inserted_records_the_use(controller) -> None:
    phrase = controller.library.save(Phrase(text="好的", code="hd"))
    used = []
    controller.inserted.connect(used.append)
    controller.on_inserted(phrase.id)
    assert controller.library.get(phrase.id).use_count == 1 and used == [phrase.id]


def test_phrase_hotkeys_and_picker_are_actions(controller, qtbot) -> None:
    phrase = controller.library.save(Phrase(text="欢迎", hotkey="ctrl+alt+1"))
    assert controller.hotkey_bindings() == {f"phrase:{phrase.id}": "ctrl+alt+1"}
    assert controller.handle_action(f"phrase:{phrase.id}")
    assert controller.inserter.requests[-1][0] == ["欢迎"]
    assert controller.handle_action("hotkey.picker") and controller.picker.isVisible()
    assert not controller.handle_action("hotkey.toggle_panel")


def test_hotkey_problems_name_the_owner(controller) -> None:
    taken = controller.library.save(Phrase(text="欢迎", title="欢迎语", hotkey="ctrl+alt+1"))
    assert "欢迎语" in controller.hotkey_problem("Alt+Ctrl+1", None)
    assert controller.hotkey_problem("ctrl+alt+1", taken.id) == ""  # its own hotkey
    assert "显示/隐藏面板" in controller.hotkey_problem("ctrl+alt+h", None)
    assert "输入法" in controller.hotkey_problem("ctrl+space", None)
    assert controller.hotkey_problem("ctrl+alt+9", None) == ""
