"""The docked panel's frame, title bar included, stays inside the work area (issue 13, defect 8).
Offscreen Qt draws a 2 px frame, so the client-area docking this replaces fails here too."""

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QIcon

from desktop_assistant.ui.panel import PanelWindow


def make_panel(qtbot, store) -> PanelWindow:
    panel = PanelWindow(store.settings, store.state, icon=QIcon())
    qtbot.addWidget(panel)
    return panel


def inside(frame: QRect, available: QRect) -> bool:
    return available.contains(frame.topLeft()) and available.contains(frame.bottomRight())


def test_docked_frame_is_inside_the_work_area_before_and_after_show(qtbot, store) -> None:
    panel = make_panel(qtbot, store)
    panel.restore_or_dock()  # before show: the frame is estimated
    panel.show()
    qtbot.waitExposed(panel)
    available = panel.screen().availableGeometry()
    frame = panel.frameGeometry()
    assert frame.top() == available.top()  # the title bar is on the screen
    assert inside(frame, available)
    assert frame.right() == available.right() and frame.width() == 380


def test_redocking_a_shown_panel_uses_the_real_frame(qtbot, store) -> None:
    panel = make_panel(qtbot, store)
    panel.show()
    qtbot.waitExposed(panel)
    panel.dock()
    available = panel.screen().availableGeometry()
    assert inside(panel.frameGeometry(), available)
    assert panel.frameGeometry().top() == available.top()


def test_an_off_screen_panel_docks_on_the_primary_screen(qtbot, store) -> None:
    panel = make_panel(qtbot, store)
    panel.show()
    qtbot.waitExposed(panel)
    panel.move(-5000, -5000)
    panel.dock()
    available = QGuiApplication.primaryScreen().availableGeometry()
    assert inside(panel.frameGeometry(), available)


def test_a_frame_added_after_the_show_is_docked_again(qtbot, store, monkeypatch) -> None:
    """X11 window managers frame a window after mapping it: the first show may see no frame yet."""
    from PySide6.QtCore import QMargins

    from desktop_assistant.ui.panel import docked_client_rect

    panel = make_panel(qtbot, store)
    frames = [QMargins()]
    monkeypatch.setattr(panel, "_frame_margins", lambda: frames[-1])
    panel.restore_or_dock()
    panel.show()
    qtbot.waitExposed(panel)
    available = panel.screen().availableGeometry()
    assert panel.geometry() == docked_client_rect(available, QMargins(), "right", 380)
    frames.append(QMargins(4, 24, 4, 4))  # the window manager's frame arrives
    panel._check_dock()  # what the move event it causes does
    assert panel.geometry() == docked_client_rect(available, QMargins(4, 24, 4, 4), "right", 380)
    frames.append(QMargins(4, 24, 4, 5))
    panel._check_dock()  # checked once: later moves are the agent's
    assert panel.geometry() == docked_client_rect(available, QMargins(4, 24, 4, 4), "right", 380)
