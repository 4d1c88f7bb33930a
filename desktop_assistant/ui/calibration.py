"""Calibrating the sight reader (docs/reading.md): a one-time overlay exactly over the client window.

The overlay shows a picture of the client's client area taken just before it opened (a window on top
of the client would otherwise be what a capture sees) and lets the agent drag the three regions on it:
conversation list, chat header, message area. After every change it shows what is read from them (the
buyer's nick, the unread badges, who spoke last), so a bad region is seen at once. 保存 stores them
under the client's name in `reader.regions`, relative to the client area, so moving the window later
changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_assistant.domain.reading import REGION_NAMES, Region, RegionError, Regions, format_regions, parse_regions
from desktop_assistant.domain.settings import SettingError, SettingsAccess
from desktop_assistant.os_integration.foreground import WindowRef

# What the agent reads beside each region, and its colour on the overlay.
COLOURS = {"list": "#fa8c16", "header": "#52c41a", "messages": "#1677ff"}
MIN_SIZE = 8
Analyser = Callable[[QImage, Regions], "object"]  # -> SightSnapshot (nick, badges, last_speaker)


def image_array(img: QImage) -> np.ndarray:
    """An RGB numpy copy of a QImage."""
    img = img.convertToFormat(QImage.Format.Format_RGB888)
    w, h, stride = img.width(), img.height(), img.bytesPerLine()
    return (
        np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes())
        .reshape(h, stride)[:, : w * 3]
        .reshape(h, w, 3)
        .copy()
    )


def ocr_analyser(ocr_factory: Callable[[], object]) -> Analyser:
    """Reads the regions of a picture the way the sight reader does; the OCR loads on first use."""
    from desktop_assistant.os_integration.readers.sight import snapshot

    engine: list[object] = []

    def analyse(picture: QImage, regions: Regions):
        if not engine:
            engine.append(ocr_factory())
        pixels = image_array(picture)
        crops = [pixels[r.y : r.y + r.h, r.x : r.x + r.w] for r in (regions.list, regions.header, regions.messages)]
        return snapshot(engine[0], *crops)

    return analyse


class CalibrationOverlay(QWidget):
    """Frameless, on top, at `area` (the client area in screen pixels) showing `picture` of it."""

    saved = Signal(str)  # the client whose regions were stored

    def __init__(
        self,
        settings: SettingsAccess,
        client: str,
        area: QRect,
        picture: QImage,
        analyse: Analyser | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            parent, Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint | Qt.WindowType.Tool
        )
        self.setObjectName("calibrationOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._settings = settings
        self.client = client
        self._picture = picture
        self._analyse = analyse
        self.setGeometry(area)
        self.regions: dict[str, QRect] = {}
        try:
            current = parse_regions(str(settings.get("reader.regions") or "")).get(client)
        except RegionError:
            current = None
        if current is not None:
            self.regions = {name: QRect(*getattr(current, name).as_list()) for name in REGION_NAMES}
        self.current = "list"
        self._drag_start: QPoint | None = None
        self._move_from: tuple[QPoint, QRect] | None = None
        self._build_bar()
        self._analysis = QTimer(self, singleShot=True, interval=150)
        self._analysis.timeout.connect(self.refresh_reading)
        self._changed()

    def _build_bar(self) -> None:
        self.bar = QFrame(self)
        self.bar.setObjectName("calibrationBar")
        self.bar.setStyleSheet(
            "#calibrationBar { background: rgba(255,255,255,235); border: 1px solid #888; border-radius: 6px; }"
        )
        names = {"list": self.tr("会话列表"), "header": self.tr("聊天标题"), "messages": self.tr("消息区域")}
        self.choice = QButtonGroup(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("拖动框出："), self.bar))
        for name in REGION_NAMES:
            button = QPushButton(names[name], self.bar)
            button.setObjectName(f"region:{name}")
            button.setCheckable(True)
            button.setChecked(name == self.current)
            button.setStyleSheet(f"QPushButton:checked {{ border: 2px solid {COLOURS[name]}; font-weight: bold; }}")
            button.clicked.connect(lambda _checked=False, n=name: self.choose(n))
            self.choice.addButton(button)
            row.addWidget(button)
        self.save_button = QPushButton(self.tr("保存"), self.bar)
        self.save_button.setObjectName("saveRegions")
        self.save_button.clicked.connect(self.save)
        cancel = QPushButton(self.tr("取消"), self.bar)
        cancel.clicked.connect(self.close)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(cancel)
        self.reading = QLabel(self.bar)
        self.reading.setObjectName("calibrationReading")
        self.reading.setWordWrap(True)
        self.error = QLabel(self.bar)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        column = QVBoxLayout(self.bar)
        column.addLayout(row)
        column.addWidget(self.reading)
        column.addWidget(self.error)
        self.bar.setFixedWidth(min(560, max(320, self.width() - 40)))
        self._place_bar()

    def _place_bar(self) -> None:
        """Bottom centre, grown to its text (the reading has up to three lines)."""
        self.bar.adjustSize()
        self.bar.move((self.width() - self.bar.width()) // 2, max(0, self.height() - self.bar.height() - 16))

    def choose(self, name: str) -> None:
        self.current = name
        for button in self.choice.buttons():
            button.setChecked(button.objectName() == f"region:{name}")

    # --- dragging --------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position().toPoint()
        rect = self.regions.get(self.current)
        if rect is not None and rect.contains(pos):  # drag the box itself
            self._move_from = (pos, QRect(rect))
        else:  # draw a new one
            self._drag_start = pos

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if not event.buttons() & Qt.MouseButton.LeftButton:
            return
        pos = self._clamp(event.position().toPoint())
        if self._move_from is not None:
            origin, rect = self._move_from
            moved = rect.translated(pos - origin)
            moved.moveTo(
                max(0, min(moved.x(), self.width() - moved.width())),
                max(0, min(moved.y(), self.height() - moved.height())),
            )
            self.regions[self.current] = moved
            self.update()
        elif self._drag_start is not None:
            self.regions[self.current] = QRect(self._drag_start, pos).normalized()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_start is not None or self._move_from is not None:
            rect = self.regions.get(self.current)
            if rect is not None and (rect.width() < MIN_SIZE or rect.height() < MIN_SIZE):
                del self.regions[self.current]  # a click, not a drag
            self._drag_start = self._move_from = None
            self._changed()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def _clamp(self, pos: QPoint) -> QPoint:
        return QPoint(max(0, min(pos.x(), self.width() - 1)), max(0, min(pos.y(), self.height() - 1)))

    # --- reading and saving ----------------------------------------------------------------------
    def value(self) -> Regions | None:
        if set(self.regions) != set(REGION_NAMES):
            return None
        return Regions(**{name: Region(r.x(), r.y(), r.width(), r.height()) for name, r in self.regions.items()})

    def _changed(self) -> None:
        self.save_button.setEnabled(self.value() is not None)
        self.update()
        self._analysis.start()

    def refresh_reading(self) -> None:
        self._show_reading()
        self._place_bar()

    def _show_reading(self) -> None:
        regions = self.value()
        if regions is None:
            self.reading.setText(self.tr("请框出三个区域：左侧会话列表、顶部买家昵称、消息区域。"))
            return
        if self._analyse is None:
            self.reading.setText("")
            return
        shot = self._analyse(self._picture, regions)
        speaker = {"buyer": self.tr("买家"), "agent": self.tr("客服")}.get(shot.last_speaker, self.tr("无"))
        badges = "  ".join(f"{nick}({count})" for nick, count in shot.badges) or self.tr("无")
        self.reading.setText(
            self.tr("读到买家：{nick}\n未读：{badges}\n最后发言：{speaker}").format(
                nick=shot.nick or self.tr("（未读出）"), badges=badges, speaker=speaker
            )
        )

    def save(self) -> None:
        regions = self.value()
        if regions is None:
            return
        try:
            stored = parse_regions(str(self._settings.get("reader.regions") or ""))
        except RegionError:
            stored = {}
        stored[self.client] = regions
        try:
            self._settings.set_many({"reader.regions": format_regions(stored)})
        except SettingError as exc:
            self.error.setText(exc.translated(QCoreApplication.translate))
            self.error.show()
            self._place_bar()
            return
        self.saved.emit(self.client)
        self.close()

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        p.drawImage(0, 0, self._picture)
        p.fillRect(self.rect(), QColor(0, 0, 0, 70))
        for name, rect in self.regions.items():
            colour = QColor(COLOURS[name])
            p.drawImage(rect, self._picture, rect)  # the chosen parts undimmed
            p.setPen(QPen(colour, 3 if name == self.current else 2))
            p.drawRect(rect.adjusted(0, 0, -1, -1))
        p.end()


def start_calibration(
    settings: SettingsAccess, window: WindowRef | None, client: str, parent: QWidget | None = None
) -> CalibrationOverlay | str:
    """The overlay over `window` (a chat window of `client`), shown; or why not (one Chinese line)."""
    from PySide6.QtGui import QGuiApplication

    from desktop_assistant.os_integration.readers.ocr import Ocr
    from desktop_assistant.os_integration.readers.window_area import client_area

    if window is None or not client:
        return QCoreApplication.translate("CalibrationOverlay", "请先点一下聊天窗口（千牛接待中心），再校准。")
    area = client_area(window.id)
    screen = QGuiApplication.primaryScreen()
    picture = screen.grabWindow(window.id).toImage() if screen is not None and area is not None else QImage()
    if area is None or picture.isNull():
        return QCoreApplication.translate("CalibrationOverlay", "找不到聊天窗口，它可能已关闭或最小化。")
    overlay = CalibrationOverlay(settings, client, QRect(*area), picture, ocr_analyser(Ocr), parent)
    overlay.show()
    overlay.raise_()
    overlay.activateWindow()
    return overlay
