"""The phrase controller with a recording inserter: rendering, hotkey actions, conflicts, use counts."""

from __future__ import annotations

import pytest

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.storage.phrase_import import LibraryImporter
from desktop_assistant.storage.phrase_store import PhraseStore
from desktop_assistant.ui.phrase_library import PhraseLibrary
from desktop_assistant.ui.phrases_controller import PhrasesController


class RecordingInserter:
    def __init__(self) -> None:
        self.requests: list[tuple[list[str], int | None, object]] = []
        self.into_last_window: list[bool] = []

    def __call__(self, texts, caret_from_end, tag, into_last_window) -> None:
        self.requests.append((texts, caret_from_end, tag))
        self.into_last_window.append(into_last_window)


@pytest.fixture
def controller(store, clock, qapp):
    repo = PhraseStore(store.db)
    for phrase in repo.all():
        repo.delete(phrase.id)
    store.settings.set_many({"agent_name": "小王", "shop_name": "云朵家居旗舰店"})
    library = PhraseLibrary(repo, clock)
    inserter = RecordingInserter()
    importer = LibraryImporter(store.db, repo, store.settings, clock.now)
    made = PhrasesController(
        library,
        store.settings,
        clock,
        inserter,
        importer,
        qapp.clipboard().text,
        conversation_context=lambda: {"buyer": "tb_云朵朵"},
    )
    made.inserter = inserter
    return made


def test_insert_renders_each_message_with_context(controller, qapp) -> None:
    qapp.clipboard().setText("浙江省杭州市西湖区")
    phrase = controller.library.save(
        Phrase(text="{问候} {买家}, 我是{店铺}的{客服}\n---\n地址: {剪贴板}, 对吗{光标}?", group="核对", code="hd")
    )
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
    assert controller.inserter.into_last_window[-1] is False  # a hotkey pastes where the focus is
    controller.tab.insert_requested.emit(phrase.id)
    controller.picker.chosen.emit(phrase.id)
    assert controller.inserter.into_last_window[-2:] == [True, True]  # the panel and picker: the IM window
    assert controller.handle_action("hotkey.picker") and controller.picker.isVisible()
    assert not controller.handle_action("hotkey.toggle_panel")


def test_hotkey_problems_name_the_owner(controller) -> None:
    taken = controller.library.save(Phrase(text="欢迎", title="欢迎语", hotkey="ctrl+alt+1"))
    assert "欢迎语" in controller.hotkey_problem("Alt+Ctrl+1", None)
    assert controller.hotkey_problem("ctrl+alt+1", taken.id) == ""  # its own hotkey
    assert "显示/隐藏面板" in controller.hotkey_problem("ctrl+alt+h", None)
    assert "输入法" in controller.hotkey_problem("ctrl+space", None)
    assert controller.hotkey_problem("ctrl+alt+9", None) == ""


def test_import_with_unknown_headers_goes_through_column_mapping(controller, qtbot, tmp_path) -> None:
    source = tmp_path / "其他工具导出.csv"
    source.write_bytes("话术分类,关键词,回复\n售前,zx,亲 在线的\n售后,thdz,退货地址请看这里\n".encode("gb18030"))
    dialog = controller.import_file(source)
    qtbot.addWidget(dialog)
    assert dialog.table.isVisibleTo(dialog) and not dialog.import_button.isEnabled()
    dialog.set_mapping(["group", "code", "text"])
    dialog.apply_mapping.click()
    assert "新增 2 条" in dialog.details.text()  # the dry run, before anything is written
    assert not [p for p in controller.library.all() if p.code == "zx"]
    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert controller.library.search("zx")[0].text == "亲 在线的"
    assert controller.library.search("thdz")[0].group == "售后"


def test_a_bad_file_names_the_line_and_imports_nothing(controller, qtbot, tmp_path) -> None:
    source = tmp_path / "bad.csv"
    source.write_text("text,code\n好的,ok\n,empty\n", encoding="utf-8")
    dialog = controller.import_file(source)
    qtbot.addWidget(dialog)
    assert "第 3 行" in dialog.error.text() and not dialog.import_button.isEnabled()
    assert not [p for p in controller.library.all() if p.code == "ok"]


def test_export_into_a_missing_folder_is_one_line_and_replaces_files_atomically(controller, tmp_path) -> None:
    from desktop_assistant.domain.phrase_io import PhraseImportError

    controller.library.save(Phrase(text="亲, 在的", group="售前", code="zd"))
    with pytest.raises(PhraseImportError, match="目录不存在"):
        controller.export_to(tmp_path / "no" / "phrases.csv")
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "phrases.csv"
    target.write_text("the agent's old export", "utf-8")
    assert controller.export_to(target) == 1
    assert "亲, 在的" in target.read_bytes().decode("utf-8-sig")
    assert [f.name for f in folder.iterdir()] == ["phrases.csv"]  # no temporary file left behind


def test_export_round_trips_through_import(controller, tmp_path) -> None:
    controller.library.save(Phrase(text="=SUM(A1)", group="售前", code="sum"))
    controller.library.save(Phrase(text="亲, 在的", group="售前", code="zd", hotkey="ctrl+alt+5"))
    path = tmp_path / "phrases.xlsx"
    assert controller.export_to(path) == 2
    import openpyxl

    cells = [c.value for row in openpyxl.load_workbook(path).active.iter_rows() for c in row]
    assert "'=SUM(A1)" in cells  # a formula never runs when the agent opens the export


def test_the_import_shows_a_busy_cursor_while_it_reads_and_then_gives_it_back(
    controller, qtbot, tmp_path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from desktop_assistant.ui import import_dialog

    cursors = []
    real_parse = import_dialog.parse_phrases

    def parse(*args, **kwargs):
        cursor = QGuiApplication.overrideCursor()
        cursors.append(cursor.shape() if cursor is not None else None)
        return real_parse(*args, **kwargs)

    monkeypatch.setattr(import_dialog, "parse_phrases", parse)
    source = tmp_path / "ok.csv"
    source.write_text("分组,快捷编码,短语内容\n售前,zd,在的亲\n", encoding="utf-8")
    qtbot.addWidget(controller.import_file(source))
    assert cursors and set(cursors) == {Qt.CursorShape.WaitCursor}
    assert QGuiApplication.overrideCursor() is None
    dialog = controller.import_file(source)
    qtbot.addWidget(dialog)
    real_apply = dialog._importer.apply

    def apply(*args, **kwargs):
        cursors.append(QGuiApplication.overrideCursor().shape())
        return real_apply(*args, **kwargs)

    monkeypatch.setattr(dialog._importer, "apply", apply)
    cursors.clear()
    dialog.policy.setCurrentIndex((dialog.policy.currentIndex() + 1) % dialog.policy.count())  # a new dry run
    assert cursors == [Qt.CursorShape.WaitCursor] and QGuiApplication.overrideCursor() is None
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    qtbot.addWidget(controller.import_file(bad))  # a file that fails to parse gives the cursor back too
    assert QGuiApplication.overrideCursor() is None


def test_a_big_file_goes_in_through_the_dialog_with_its_progress_moving(
    controller, qtbot, tmp_path, monkeypatch
) -> None:
    """Past storage/bulk.py's threshold: the dialog's progress callback runs the event loop while SQLite writes."""
    from desktop_assistant.storage import bulk
    from desktop_assistant.ui import import_dialog

    monkeypatch.setattr(bulk, "BULK_ROWS", 500)
    values: list[int] = []
    real_set_value = import_dialog.QProgressDialog.setValue
    monkeypatch.setattr(
        import_dialog.QProgressDialog, "setValue", lambda self, v: (values.append(v), real_set_value(self, v))[1]
    )
    source = tmp_path / "big.csv"
    rows = [f"物流,k{n},重庆{n},亲，第{n}单已发出～" for n in range(2500)]
    source.write_text("\n".join(["分组,快捷编码,标题,短语内容", *rows]), encoding="utf-8")
    dialog = controller.import_file(source)
    qtbot.addWidget(dialog)
    dialog.import_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert values == [0, 0, 1000, 2000, 2500]
    assert controller.library.search("chongqing2499")[0].code == "k2499"
