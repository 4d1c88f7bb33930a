"""Phrases tab, editor and picker through qtbot, on a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QTextCursor

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.domain.rendering import RenderContext
from desktop_assistant.storage.phrase_store import PhraseStore
from desktop_assistant.ui.phrase_editor import PhraseEditor
from desktop_assistant.ui.phrase_library import PhraseLibrary
from desktop_assistant.ui.phrases_tab import PhrasesTab
from desktop_assistant.ui.picker import PickerPopup, placed_near

CONTEXT = RenderContext(now=dt.datetime(2026, 11, 11, 9, 0), agent="小王", shop="云朵家居旗舰店")


@pytest.fixture
def library(store, clock) -> PhraseLibrary:
    repo = PhraseStore(store.db)
    for phrase in repo.all():
        repo.delete(phrase.id)
    now = clock.now()
    repo.add(Phrase(text="{问候}, 欢迎光临{店铺}, 我是{客服}", group="售前", title="欢迎语", code="hy"), now)
    repo.add(Phrase(text="亲, 还没付款哦, 16:00 前付款今天发", group="催付", title="催付提醒", code="cf1"), now)
    repo.add(Phrase(text="第二次催付", group="催付", title="再次催付", code="cf2"), now)
    repo.add(Phrase(text="核对一下收货地址", group="核对地址", title="核对地址", code="hd"), now)
    return PhraseLibrary(repo, clock)


def no_hotkey_problem(combo: str, phrase_id) -> str:
    return ""


def test_tab_lists_groups_and_searches_by_initials(qtbot, library) -> None:
    tab = PhrasesTab(library)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 4 and not tab.model.canFetchMore(QModelIndex())
    assert [tab.group_box.itemText(i) for i in range(tab.group_box.count())][1:4] == ["售前", "缺货/预售", "催付"]
    qtbot.keyClicks(tab.search_box, "cf")
    assert [library.get(pid).code for pid in tab.phrase_ids()][:2] == ["cf1", "cf2"]
    tab.search_box.setText("hyy")  # 欢迎语 by its initials
    assert [library.get(pid).title for pid in tab.phrase_ids()] == ["欢迎语"]


def test_click_inserts_and_double_click_edits_without_inserting(qtbot, library) -> None:
    tab = PhrasesTab(library)
    qtbot.addWidget(tab)
    tab.show()
    inserted, edited = [], []
    tab.insert_requested.connect(inserted.append)
    tab.edit_requested.connect(edited.append)
    rect = tab.list.visualRect(tab.model.index(0))
    qtbot.mouseClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: inserted == [tab.phrase_ids()[0]])
    qtbot.mouseDClick(tab.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: len(edited) == 1)
    qtbot.wait(tab._click_timer.interval() + 50)
    assert len(inserted) == 1  # the double click did not paste


def test_drag_reorder_within_a_group_is_stored(qtbot, library) -> None:
    tab = PhrasesTab(library)
    qtbot.addWidget(tab)
    tab.group_box.setCurrentIndex(tab.group_box.findData("催付"))
    first, second = tab.phrase_ids()
    assert tab.list.dragDropMode() == tab.list.DragDropMode.InternalMove
    tab.list.model().moveRow(tab.list.model().index(0, 0).parent(), 1, tab.list.model().index(0, 0).parent(), 0)
    assert [p.id for p in library.all() if p.group == "催付"] == [second, first]
    tab.search_box.setText("cf")
    assert tab.list.dragDropMode() == tab.list.DragDropMode.NoDragDrop  # no reordering search results


def test_a_long_list_is_read_a_page_at_a_time_as_it_scrolls(qtbot, library, clock) -> None:
    from desktop_assistant.ui.phrase_list_model import PAGE

    repo = library._repo
    for n in range(PAGE * 2 + 5):
        repo.add(Phrase(text=f"第{n}条", group="批量", code=f"p{n}", use_count=n), clock.now())
    tab = PhrasesTab(library)
    qtbot.addWidget(tab)
    tab.group_box.setCurrentIndex(tab.group_box.findData("批量"))
    assert tab.model.rowCount() == PAGE and tab.model.canFetchMore(QModelIndex())
    tab.resize(300, 400)
    tab.show()
    tab.list.scrollToBottom()  # the view asks for the next page as its end comes into sight
    qtbot.waitUntil(lambda: tab.model.rowCount() > PAGE)
    while tab.model.canFetchMore(QModelIndex()):
        tab.model.fetchMore(QModelIndex())
    assert tab.model.rowCount() == PAGE * 2 + 5
    assert [library.get(pid).code for pid in tab.phrase_ids()] == [f"p{n}" for n in range(PAGE * 2 + 5)]
    assert tab.model.data(tab.model.index(3), Qt.ItemDataRole.ToolTipRole) == "第3条\n\n已使用 3 次"
    library.record_use(tab.phrase_ids()[-1])  # a use reloads the list: the rows read so far stay
    assert tab.model.rowCount() == PAGE * 2 + 5


def test_editor_marks_unknown_placeholders_previews_and_saves(qtbot, library) -> None:
    editor = PhraseEditor(library, None, lambda: CONTEXT, no_hotkey_problem)
    qtbot.addWidget(editor)
    editor.group.setCurrentText("结束语")
    editor.title.setText("感谢")
    editor.code.setText("XG")
    editor.body.setPlainText("感谢光临{店铺}, {买家名}\n---\n记得给五星好评哦")
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    editor.findChild(type(editor.split_button), "insert:客服").click()
    assert "未知的占位符" in editor.hints.text() and "{买家名}" in editor.hints.text()
    assert editor.preview.text().startswith("[1] 感谢光临云朵家居旗舰店, {买家名}")
    assert editor.preview.text().endswith("[2] 记得给五星好评哦小王")
    editor.buttons.button(editor.buttons.StandardButton.Save).click()
    saved = [p for p in library.all() if p.title == "感谢"]
    assert saved and saved[0].code == "xg" and saved[0].group == "结束语"
    assert library.search("xg")[0].title == "感谢"


def test_editor_hints_to_split_long_messages(qtbot, library) -> None:
    editor = PhraseEditor(library, None, lambda: CONTEXT, no_hotkey_problem)
    qtbot.addWidget(editor)
    editor.body.setPlainText("很长的说明。" * 30)
    assert "建议用 --- 分成几条" in editor.hints.text()


def test_editor_refuses_a_taken_code_and_a_conflicting_hotkey(qtbot, library) -> None:
    editor = PhraseEditor(
        library,
        None,
        lambda: CONTEXT,
        lambda combo, pid: "已被 hotkey.toggle_panel 使用" if combo == "ctrl+alt+h" else "",
    )
    qtbot.addWidget(editor)
    editor.body.setPlainText("你好")
    editor.code.setText("hy")
    editor.save()
    assert editor.isVisible() is False and "hy" in editor.error.text()
    editor.code.setText("nh")
    editor.hotkey.set_value("ctrl+alt+h")
    assert "hotkey.toggle_panel" in editor.hotkey_note.text()
    editor.save()
    assert "hotkey.toggle_panel" in editor.error.text()
    assert not [p for p in library.all() if p.text == "你好"]


def test_picker_keys_select_and_digits_pick_like_an_ime(qtbot, library) -> None:
    picker = PickerPopup(library)
    qtbot.addWidget(picker)
    chosen = []
    picker.chosen.connect(chosen.append)
    picker.popup_at(QPoint(100, 100))
    qtbot.keyClicks(picker.search, "cf")
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert [library.get(pid).code for pid in chosen] == ["cf2"]
    picker.popup_at(QPoint(100, 100))
    qtbot.keyClicks(picker.search, "cf1")  # the 1 continues the code cf1, it does not pick
    assert picker.search.text() == "cf1" and picker.isVisible()
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert library.get(chosen[-1]).code == "cf1"
    picker.popup_at(QPoint(100, 100))
    qtbot.keyClicks(picker.search, "h")
    qtbot.keyClicks(picker.search, "2")  # no code h2: the second candidate
    assert library.get(chosen[-1]).id == picker.library.search("h")[1].id
    picker.popup_at(QPoint(100, 100))
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert not picker.isVisible() and len(chosen) == 3


def test_picker_stays_on_screen() -> None:
    screen = QRect(0, 0, 1920, 1080)
    assert placed_near(QPoint(100, 100), (360, 380), screen) == QPoint(112, 116)
    corner = placed_near(QPoint(1900, 1070), (360, 380), screen)
    assert corner.x() + 360 <= 1920 and corner.y() + 380 <= 1080


def test_editor_shows_use_count_and_last_use(qtbot, library) -> None:
    phrase = library.all()[0]
    library.record_use(phrase.id)
    editor = PhraseEditor(library, library.get(phrase.id), lambda: CONTEXT, no_hotkey_problem)
    qtbot.addWidget(editor)
    assert editor.usage.text().startswith("已使用 1 次 · 最近一次 11-11 09:00")


# --- the outgoing-text guard in the editor (docs/guard.md) ---------------------------------------------
def guarded_editor(qtbot, library, phrase=None) -> PhraseEditor:
    from desktop_assistant.resources_access import load_guard

    guard = load_guard({})
    editor = PhraseEditor(library, phrase, lambda: CONTEXT, no_hotkey_problem, guard=lambda: guard)
    qtbot.addWidget(editor)
    return editor


def background_at(editor: PhraseEditor, position: int):
    block = editor.body.document().findBlock(position)
    for span in block.layout().formats():
        if span.start <= position - block.position() < span.start + span.length:
            return span.format.background().color().name()
    return None


def test_the_editor_marks_guard_hits_inline(qtbot, library) -> None:
    editor = guarded_editor(qtbot, library)
    editor.body.setPlainText("亲，加我微信哦\n这是{店铺}全网最低价")
    text = editor.body.toPlainText()
    assert background_at(editor, text.index("微信")) == "#ffcdd2"  # blocking: red
    assert background_at(editor, text.index("全网最低")) == "#ffe0b2"  # warning: orange
    assert background_at(editor, text.index("亲")) != "#ffcdd2"
    hints = editor.hints.text()
    assert "站外联系: 加我、微信（发送时要确认）" in hints and "广告法极限词: 全网最低（提醒）" in hints


def test_saving_a_contact_phrase_asks_and_a_no_keeps_it_unsaved(qtbot, library) -> None:
    editor = guarded_editor(qtbot, library)
    questions: list[str] = []
    editor.confirm = lambda question: questions.append(question) or False
    editor.body.setPlainText("好评返现5元")
    editor.code.setText("fx1")
    editor.save()
    assert len(questions) == 1 and "好评返现" in questions[0]
    assert not [p for p in library.all() if p.code == "fx1"] and editor.result() != editor.DialogCode.Accepted
    editor.confirm = lambda question: True
    editor.save()
    assert [p for p in library.all() if p.code == "fx1"]


def test_absolute_words_save_without_a_question(qtbot, library) -> None:
    editor = guarded_editor(qtbot, library)
    editor.confirm = lambda question: pytest.fail("asked for a warning")
    editor.body.setPlainText("顶级面料")
    editor.code.setText("dj1")
    editor.save()
    assert [p for p in library.all() if p.code == "dj1"]


def test_search_results_are_read_a_page_at_a_time_within_the_chosen_group(qtbot, library, clock) -> None:
    from desktop_assistant.ui.phrase_list_model import PAGE

    repo = library._repo
    for n in range(PAGE + 20):
        repo.add(Phrase(text=f"第{n}条 退换", group="批量" if n % 2 else "售后", code=f"p{n}"), clock.now())
    library.reload()
    tab = PhrasesTab(library)
    qtbot.addWidget(tab)
    tab.search_box.setText("退换")
    assert tab.model.rowCount() == PAGE and tab.model.canFetchMore(QModelIndex())
    tab.model.fetchMore(QModelIndex())
    assert tab.phrase_ids() == library.search_ids("退换", limit=200)
    tab.group_box.setCurrentIndex(tab.group_box.findData("批量"))
    assert tab.phrase_ids() == [p.id for p in library.search("退换", limit=200) if p.group == "批量"]
    assert tab.phrase_ids() and not tab.model.canFetchMore(QModelIndex())
