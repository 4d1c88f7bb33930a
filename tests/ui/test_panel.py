"""The panel and the settings dialog through qtbot."""

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox

from desktop_assistant.ui.panel import PanelWindow, dock_rect
from desktop_assistant.ui.settings_dialog import SettingsDialog, hotkey_from_qt, hotkey_to_qt


def make_panel(qtbot, store) -> PanelWindow:
    panel = PanelWindow(store.settings, store.state, icon=QIcon())
    qtbot.addWidget(panel)
    return panel


def test_dock_rect_hugs_the_chosen_edge() -> None:
    work_area = QRect(0, 0, 1920, 1040)
    assert dock_rect(work_area, "right", 380) == QRect(1540, 0, 380, 1040)
    assert dock_rect(work_area, "left", 380) == QRect(0, 0, 380, 1040)
    assert dock_rect(QRect(1920, 0, 1280, 1024), "right", 380).right() == 1920 + 1280 - 1
    assert dock_rect(QRect(0, 0, 300, 600), "right", 380).width() == 300


def test_opens_docked_on_the_right_in_chinese(qtbot, store) -> None:
    panel = make_panel(qtbot, store)
    panel.restore_or_dock()
    panel.show()
    qtbot.waitExposed(panel)
    available = panel.screen().availableGeometry()
    assert panel.windowTitle() == "客服助手"
    assert panel.frameGeometry().right() == available.right()  # the frame, not the client area, is docked
    assert panel.frameGeometry().width() == 380
    assert panel.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert panel.start_page.onboarding.isVisibleTo(panel)  # no agent name yet: asks for set-up


def test_pin_and_compact_buttons_change_and_persist_settings(qtbot, store) -> None:
    panel = make_panel(qtbot, store)
    panel.restore_or_dock()
    panel.show()
    panel.pin_button.click()
    assert not panel.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert store.settings.get("panel.always_on_top") is False
    assert panel.isVisible()  # changing window flags must not leave the panel hidden
    panel.compact_button.click()
    assert store.settings.get("panel.compact") is True
    assert panel.width() < 380 and not panel.agent_label.isVisible()


def test_close_hides_instead_of_quitting(qtbot, store) -> None:
    panel = make_panel(qtbot, store)
    panel.show()
    assert panel.close() is False
    assert not panel.isVisible()
    assert store.state.get("panel.geometry")  # remembered on the way out
    panel.toggle_visible()
    assert panel.isVisible()
    panel.prepare_quit()
    assert panel.close() is True


def test_geometry_is_remembered_across_panels(qtbot, store) -> None:
    first = make_panel(qtbot, store)
    first.show()
    first.setGeometry(QRect(100, 50, 400, 500))
    first.remember_geometry()
    second = make_panel(qtbot, store)
    second.restore_or_dock()
    assert second.geometry() == QRect(100, 50, 400, 500)


def test_changing_side_in_settings_docks_left(qtbot, store) -> None:
    panel = make_panel(qtbot, store)
    panel.restore_or_dock()
    panel.show()
    dialog = SettingsDialog(store.settings, panel)
    qtbot.addWidget(dialog)
    dialog.saved.connect(panel.apply_settings)
    side: QComboBox = dialog.editors["panel.side"]
    side.setCurrentIndex(side.findData("left"))
    dialog.editors["agent_name"].setText("小王")
    dialog.editors["agent_id"].setText("1024")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert store.settings.get("panel.side") == "left"
    assert store.settings.get("agent_name") == "小王"
    assert panel.frameGeometry().left() == panel.screen().availableGeometry().left()
    assert "小王" in panel.agent_label.text()
    assert not panel.start_page.onboarding.isVisibleTo(panel)


def test_settings_dialog_covers_the_schema_and_types(qtbot, store) -> None:
    dialog = SettingsDialog(store.settings)
    qtbot.addWidget(dialog)
    assert isinstance(dialog.editors["agent_id"], QLineEdit)
    assert isinstance(dialog.editors["panel.width"], QSpinBox)
    assert isinstance(dialog.editors["panel.always_on_top"], QCheckBox)
    assert dialog.editors["hotkey.picker"].value() == "ctrl+alt+p"
    assert dialog.changes() == {}


def test_invalid_input_keeps_the_dialog_open_and_saves_nothing(qtbot, store) -> None:
    dialog = SettingsDialog(store.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.editors["agent_id"].setText("工号 1")  # spaces and Chinese are not a 工号
    dialog.editors["shop_name"].setText("新店")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible()
    assert "agent_id" in dialog.error_label.text()
    assert store.settings.get("shop_name") == ""


def test_hotkey_editor_round_trips_through_qt() -> None:
    for combo in ("ctrl+alt+p", "ctrl+shift+f5", "alt+win+x", "ctrl+alt+page_up"):
        from desktop_assistant.domain.hotkeys import normalise_hotkey

        assert normalise_hotkey(hotkey_from_qt(hotkey_to_qt(combo))) == combo


def test_settings_dialog_offers_only_hotkeys_that_do_something(qtbot, store) -> None:
    panel = make_panel(qtbot, store)
    panel.set_available_hotkeys(("hotkey.toggle_panel",))
    panel.open_settings()
    dialog = panel.findChild(SettingsDialog)
    qtbot.addWidget(dialog)
    assert "hotkey.toggle_panel" in dialog.editors
    assert "hotkey.picker" not in dialog.editors and "hotkey.replied" not in dialog.editors
    assert [
        panel.start_page.hotkey_form.itemAt(i, panel.start_page.hotkey_form.ItemRole.LabelRole).widget().text()
        for i in range(panel.start_page.hotkey_form.rowCount())
    ] == ["显示/隐藏面板"]
