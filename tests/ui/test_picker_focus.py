"""The picker and the panel ask for the keyboard through what they are given (issue 13, defect 3):
activateWindow alone only flashes the taskbar on Windows when a hook ate the hotkey or the tray was
clicked. Esc gives the keyboard back to the chat window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_assistant.os_integration.foreground import WindowRef

IM_WINDOW = WindowRef(id=7, pid=4242, process="AliWorkbench.exe", title="tb_云朵朵 - 接待中心")

OURS = WindowRef(0x900, 1, "desktop-assistant.exe", "客服助手")


def test_the_picker_hotkey_takes_the_keyboard_for_the_picker_window(qtbot, desk_app, backend) -> None:
    app, foreground, tracker = desk_app(IM_WINDOW, OURS, active=IM_WINDOW.id)
    assert backend.press("ctrl+alt+p")
    qtbot.waitUntil(app.phrases.picker.isVisible)
    assert foreground.focus_taken == [int(app.phrases.picker.winId())]


def test_escape_gives_the_keyboard_back_to_the_chat_window(qtbot, desk_app, backend) -> None:
    app, foreground, tracker = desk_app(IM_WINDOW, OURS, active=IM_WINDOW.id)
    assert backend.press("ctrl+alt+p")
    qtbot.waitUntil(app.phrases.picker.isVisible)
    foreground.active_id = OURS.id  # the picker has the keyboard
    tracker.refresh()
    qtbot.keyClick(app.phrases.picker.search, Qt.Key.Key_Escape)
    assert not app.phrases.picker.isVisible()
    assert foreground.activations[-1] == IM_WINDOW.id and foreground.active_id == IM_WINDOW.id


def test_bringing_the_panel_forward_takes_the_keyboard(qtbot, desk_app) -> None:
    app, foreground, _tracker = desk_app(IM_WINDOW, active=IM_WINDOW.id)
    app.panel.hide()
    app.panel.bring_forward()  # the tray icon or a second launch
    assert foreground.focus_taken[-1] == int(app.panel.winId())
