"""The side panel: docked to a screen edge, always on top if wanted, hidden (not quit) on close."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMargins, QRect, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QIcon, QPalette, QScreen
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_assistant.domain.settings import SCHEMA, SettingsAccess, StateAccess
from desktop_assistant.ui.settings_dialog import SettingsDialog
from desktop_assistant.ui.start_page import StartPage
from desktop_assistant.ui.status_strip import StatusStrip
from desktop_assistant.ui.widgets import LazyTab

log = logging.getLogger(__name__)

GEOMETRY_KEY = "panel.geometry"
COMPACT_WIDTH_FACTOR = 0.8


def dock_rect(available: QRect, side: str, width: int) -> QRect:
    """The whole height of the screen's work area, `width` wide, against the left or right edge."""
    width = min(width, available.width())
    x = available.left() if side == "left" else available.right() - width + 1
    return QRect(x, available.top(), width, available.height())


def docked_client_rect(available: QRect, margins: QMargins, side: str, width: int) -> QRect:
    """The client rectangle for setGeometry whose frame (title bar and borders, `margins`) fills the
    work area's edge: setGeometry places the client area, the frame is drawn around it. All in Qt's
    device-independent pixels, which is what availableGeometry and frameMargins report at any scaling."""
    return dock_rect(available, side, width).marginsRemoved(margins)


class PanelWindow(QMainWindow):
    settings_changed = Signal(dict)
    quit_requested = Signal()

    def __init__(
        self, settings: SettingsAccess, state: StateAccess, icon: QIcon, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        self.setWindowIcon(icon)
        self._settings = settings
        self._state = state
        self._values: dict[str, Any] = settings.all()
        self.hide_on_close = True
        self._quitting = False
        self._hotkey_keys: tuple[str, ...] = ()
        self.focus_handover: Any = None  # ui.picker.FocusHandover: takes the keyboard where Windows refuses
        self._frame_estimate = QMargins()  # the last frame seen; before the first show, a guess
        self._dock_check = False  # docked with a guessed frame: correct it once the real frame is known
        self._docked_with = QMargins()
        self._calibrate: Callable[[], None] | None = None  # the sight reader's calibration, when wired
        header = self._build_header()
        self._build_body()
        self._lay_out(header)
        self._apply_values(self._values, first=True)
        self.retranslate()

    def _build_header(self) -> QHBoxLayout:
        """Title, agent line, and the pin, compact and settings buttons."""
        self.title_label = QLabel(self)
        self.title_label.setObjectName("panelTitle")
        self.agent_label = QLabel(self)
        self.agent_label.setObjectName("agentLine")
        for label in (self.title_label, self.agent_label):
            # Long names or English text must not push the panel wider than its setting.
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.pin_button = self._header_button(checkable=True)
        self.pin_button.toggled.connect(self._pin_toggled)
        self.compact_button = self._header_button(checkable=True)
        self.compact_button.toggled.connect(self._compact_toggled)
        self.settings_button = self._header_button()
        self.settings_button.clicked.connect(self.open_settings)

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        for button in (self.pin_button, self.compact_button, self.settings_button):
            header.addWidget(button)
        return header

    def _build_body(self) -> None:
        """The tabs (概览; each feature adds its own before it), the status strip, the read-only banner."""
        self.start_page = StartPage(self)
        self.start_page.settings_requested.connect(self.open_settings)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.start_page, "")
        self.tabs.currentChanged.connect(self._build_if_lazy)
        self.status_strip = StatusStrip(self)
        # Read-only mode (file or folder not writable): always in sight, not a notice that fades.
        self.read_only_banner = QLabel(self)
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 4px;")
        self.read_only_banner.hide()
        self._read_only_reason = ""

    def _lay_out(self, header: QHBoxLayout) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(header)
        layout.addWidget(self.agent_label)
        layout.addWidget(self.read_only_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status_strip)
        self.setCentralWidget(central)

    def _header_button(self, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName("headerButton")
        button.setCheckable(checkable)
        button.setAutoRaise(True)
        return button

    # --- placement -------------------------------------------------------------------------
    def _target_width(self) -> int:
        width = int(self._values["panel.width"])
        return max(280, int(width * COMPACT_WIDTH_FACTOR)) if self._values["panel.compact"] else width

    def _dock_screen(self) -> QScreen:
        """The screen the panel is on, or the primary one when it is off every screen."""
        screen = QGuiApplication.screenAt(self.frameGeometry().center()) if self.isVisible() else self.screen()
        return screen or QGuiApplication.primaryScreen()

    def _frame_margins(self) -> QMargins:
        if self.isVisible():  # the real frame: what the window system drew around the client area
            frame, client = self.frameGeometry(), self.geometry()
            margins = QMargins(
                client.left() - frame.left(),
                client.top() - frame.top(),
                frame.right() - client.right(),
                frame.bottom() - client.bottom(),
            )
            if not margins.isNull():
                self._frame_estimate = margins
                return margins
        handle = self.windowHandle()
        if handle is not None and not handle.frameMargins().isNull():
            return handle.frameMargins()
        return self._frame_estimate

    def dock(self) -> None:
        margins = self._frame_margins()
        available = self._dock_screen().availableGeometry()
        self.setGeometry(docked_client_rect(available, margins, self._values["panel.side"], self._target_width()))
        # Before the first show the frame is a guess (X11 window managers add theirs later): check it then.
        self._dock_check = not self.isVisible() or margins.isNull()
        self._docked_with = margins

    def _check_dock(self) -> None:
        if not (self._dock_check and self.isVisible()):
            return
        margins = self._frame_margins()
        if margins.isNull():  # not framed yet: an X11 window manager frames the window after mapping it
            return
        self._dock_check = False
        if margins != self._docked_with:
            self.dock()

    def restore_or_dock(self) -> None:
        saved = self._state.get(GEOMETRY_KEY)
        if saved and self.restoreGeometry(QByteArray.fromBase64(saved.encode("ascii"))):
            if any(s.availableGeometry().intersects(self.frameGeometry()) for s in QGuiApplication.screens()):
                return
        self.dock()

    def remember_geometry(self) -> None:
        self._state.set(GEOMETRY_KEY, bytes(self.saveGeometry().toBase64()).decode("ascii"))

    # --- settings ----------------------------------------------------------------------------
    def apply_settings(self, values: Mapping[str, Any]) -> None:
        self._apply_values(values, first=False)

    def _apply_values(self, values: Mapping[str, Any], first: bool) -> None:
        previous = self._values
        self._values = dict(values)
        self.pin_button.blockSignals(True)
        self.pin_button.setChecked(bool(values["panel.always_on_top"]))
        self.pin_button.blockSignals(False)
        self.compact_button.blockSignals(True)
        self.compact_button.setChecked(bool(values["panel.compact"]))
        self.compact_button.blockSignals(False)
        if first or previous["panel.always_on_top"] != values["panel.always_on_top"]:
            self._set_on_top(bool(values["panel.always_on_top"]))
        self.start_page.show_values(values)
        self._show_compact(bool(values["panel.compact"]))
        placement = ("panel.side", "panel.width", "panel.compact")
        if not first and any(previous[k] != values[k] for k in placement):
            self.dock()
        self.retranslate()

    def _set_on_top(self, on_top: bool) -> None:
        visible = self.isVisible()
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, on_top)
        if visible:  # changing flags hides the window; bring it back without stealing focus
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
            self.show()
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, False)

    def _show_compact(self, compact: bool) -> None:
        self.agent_label.setVisible(not compact)
        margins = 2 if compact else 6
        self.centralWidget().layout().setContentsMargins(margins, margins, margins, 0)

    def _save_changes(self, changes: Mapping[str, Any]) -> None:
        self._settings.set_many(changes)
        values = self._settings.all()
        self._apply_values(values, first=False)
        self.settings_changed.emit(values)

    def _pin_toggled(self, checked: bool) -> None:
        self._save_changes({"panel.always_on_top": checked})

    def _compact_toggled(self, checked: bool) -> None:
        self._save_changes({"panel.compact": checked})

    def add_feature_tab(self, widget: QWidget) -> None:
        """A feature's tab goes before 概览; the widget names itself through `tab_title()`."""
        self.tabs.insertTab(self.tabs.indexOf(self.start_page), widget, widget.tab_title())
        self.tabs.setCurrentIndex(0)

    def add_lazy_tab(self, title: Callable[[], str], build: Callable[[], QWidget]) -> None:
        """A feature's tab built the first time it is opened (or by build_lazy_tabs): until then the tab bar
        holds only its name, and neither its widgets nor its controller cost memory at idle."""
        self.add_feature_tab(LazyTab(title, build, self.tabs))

    def build_lazy_tabs(self) -> None:
        """Every tab still waiting to be opened, built now (the smoke test: a frozen build must carry them)."""
        for index in range(self.tabs.count()):
            placeholder = self.tabs.widget(index)
            if isinstance(placeholder, LazyTab):
                self._build_lazy(placeholder)

    def _build_if_lazy(self, index: int) -> None:
        placeholder = self.tabs.widget(index)
        if isinstance(placeholder, LazyTab):
            self._build_lazy(placeholder)

    def _build_lazy(self, placeholder: LazyTab) -> None:
        """The real tab takes the placeholder's place (and, if it was the open tab, is opened)."""
        widget = placeholder.build()
        was_current = self.tabs.currentWidget() is placeholder
        blocker = QSignalBlocker(self.tabs)  # the swap moves the current index: no other tab is built for it
        self.tabs.insertTab(self.tabs.indexOf(placeholder), widget, widget.tab_title())
        if was_current:
            self.tabs.setCurrentWidget(widget)
        self.tabs.removeTab(self.tabs.indexOf(placeholder))
        blocker.unblock()
        placeholder.deleteLater()

    def update_tab_title(self, widget: QWidget, urgent: bool) -> None:
        """A feature's title changed (a count); urgent ones are drawn in red so they are seen at a glance."""
        index = self.tabs.indexOf(widget)
        self.tabs.setTabText(index, widget.tab_title())
        self.tabs.tabBar().setTabTextColor(
            index, QColor("#c62828") if urgent else self.palette().color(QPalette.ColorRole.WindowText)
        )

    def set_available_hotkeys(self, keys: tuple[str, ...]) -> None:
        """The hotkey settings that have an action in this build; the others are not offered."""
        self._hotkey_keys = keys
        self.start_page.show_hotkeys(keys)

    def set_calibrator(self, calibrate: Callable[[], None]) -> None:
        """Offer 校准识别区域 in the settings dialog."""
        self._calibrate = calibrate

    def open_settings(self) -> None:
        unavailable = frozenset(s.key for s in SCHEMA if s.kind == "hotkey" and s.key not in self._hotkey_keys)
        dialog = SettingsDialog(self._settings, self, hidden_keys=unavailable, calibrate=self._calibrate)
        dialog.saved.connect(self._on_dialog_saved)
        dialog.open()

    def _on_dialog_saved(self, values: dict) -> None:
        self._apply_values(values, first=False)
        self.settings_changed.emit(values)

    # --- visibility --------------------------------------------------------------------------
    def bring_forward(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()  # from the tray or a second launch Windows may refuse: then take it
        if self.focus_handover is not None:
            self.focus_handover.take(int(self.winId()))

    def toggle_visible(self) -> None:
        if self.isVisible() and not self.isMinimized():
            self.remember_geometry()
            self.hide()
        else:
            self.bring_forward()

    def prepare_quit(self) -> None:
        self._quitting = True
        self.remember_geometry()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._quitting:
            event.accept()
            return
        # Closing never quits: agents close windows by reflex. Quit is in the tray menu.
        event.ignore()
        self.remember_geometry()
        if self.hide_on_close:
            self.hide()
        else:  # no tray to bring it back from: keep it in the taskbar
            self.showMinimized()

    # --- text --------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("客服助手"))
        self.title_label.setText(self.tr("客服助手"))
        parts = [self._values.get("agent_name") or self.tr("未设置昵称")]
        if self._values.get("agent_id"):
            parts.append(self.tr("工号 {0}").format(self._values["agent_id"]))
        if self._values.get("shop_name"):
            parts.append(self._values["shop_name"])
        self.agent_label.setText(" · ".join(parts))
        self.pin_button.setText(self.tr("置顶"))
        self.pin_button.setToolTip(self.tr("窗口保持在最前（不抢输入焦点）"))
        self.compact_button.setText(self.tr("紧凑"))
        self.compact_button.setToolTip(self.tr("紧凑模式：更窄，隐藏次要信息"))
        self.settings_button.setText(self.tr("设置"))
        if self._read_only_reason:
            self.read_only_banner.setText(self.tr("只读模式：可以查看，不能保存改动。") + " " + self._read_only_reason)
            self.read_only_banner.setToolTip(self._read_only_reason)
        self.tabs.setTabText(self.tabs.indexOf(self.start_page), self.tr("概览"))
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            if hasattr(widget, "tab_title"):
                self.tabs.setTabText(index, widget.tab_title())

    def show_read_only_banner(self, reason: str) -> None:
        """The database could not be opened for writing: say so above the tabs for as long as it lasts."""
        self._read_only_reason = reason
        self.read_only_banner.show()
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._check_dock()

    def moveEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().moveEvent(event)
        self._check_dock()  # the window manager framed the window (X11: after the show)
