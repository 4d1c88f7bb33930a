"""How the sight reader takes a region's pixels. On the GUI thread only: QScreen.grabWindow gives a QPixmap,
which Qt allows nowhere else; the arrays then go to the reader's worker."""

from __future__ import annotations

from typing import Protocol

import numpy as np

from desktop_assistant.domain.reading import Region


class Grabber(Protocol):
    def grab(self, window: int, region: Region) -> np.ndarray | None:
        """The region's pixels (RGB, H x W x 3) from the window's client area; None when it cannot."""


class QtGrabber:
    """QScreen.grabWindow(window id, x, y, w, h): relative to the window, so it follows moves; the same
    call takes an X11 window id or a Windows HWND. Only the region's pixels are copied."""

    def grab(self, window: int, region: Region) -> np.ndarray | None:
        from PySide6.QtGui import QGuiApplication, QImage

        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return None
        pixmap = screen.grabWindow(window, region.x, region.y, region.w, region.h)
        if pixmap.isNull() or pixmap.width() < region.w or pixmap.height() < region.h:
            return None  # gone, minimised, or smaller than the calibrated region
        img = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
        w, h, stride = img.width(), img.height(), img.bytesPerLine()
        rows = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).reshape(h, stride)
        return rows[:, : w * 3].reshape(h, w, 3).copy()
