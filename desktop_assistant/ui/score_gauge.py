"""A half-circle gauge for the risk score: the colour bands of the levels and a needle, so the risk is
seen at a glance before any reason is read."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

LEVEL_COLOURS = {"low": QColor("#43a047"), "medium": QColor("#fb8c00"), "high": QColor("#e53935")}


class ScoreGauge(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score: int | None = None
        self.level = "low"
        self.medium, self.high = 30, 60
        self.setMinimumSize(160, 120)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(200, 130)

    def set_thresholds(self, medium: int, high: int) -> None:
        self.medium, self.high = medium, high
        self.update()

    def set_score(self, score: int | None, level: str = "low") -> None:
        self.score, self.level = score, level
        self.update()

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        text_height = QFontMetrics(font).height()
        side = min(self.width() - 20, (self.height() - 8 - text_height) * 2)
        band = max(10.0, side / 10)
        rect = QRectF((self.width() - side) / 2 + band / 2, band / 2 + 4, side - band, side - band)
        # 0 at the left (180°), 100 at the right (0°); Qt angles are in 1/16 degree, counter-clockwise.
        for start, end, level in (
            (0, self.medium, "low"),
            (self.medium, self.high, "medium"),
            (self.high, 100, "high"),
        ):
            colour = QColor(LEVEL_COLOURS[level])
            if self.score is None:
                colour.setAlpha(60)
            painter.setPen(QPen(colour, band, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            painter.drawArc(rect, int((180 - end * 1.8) * 16), int((end - start) * 1.8 * 16))
        centre = rect.center()
        if self.score is not None:
            angle = math.radians(180 - self.score * 1.8)
            radius = rect.width() / 2 - band
            tip = QPointF(centre.x() + radius * math.cos(angle), centre.y() - radius * math.sin(angle))
            painter.setPen(
                QPen(self.palette().color(self.foregroundRole()), 3, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
            )
            painter.drawLine(centre, tip)
        painter.setFont(font)
        painter.setPen(
            LEVEL_COLOURS.get(self.level, QColor("#757575"))
            if self.score is not None
            else self.palette().color(self.foregroundRole())
        )
        text_rect = QRectF(rect.left(), centre.y() + 2, rect.width(), text_height)  # under the needle's pivot
        painter.drawText(
            text_rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            "—" if self.score is None else str(self.score),
        )
        painter.end()
