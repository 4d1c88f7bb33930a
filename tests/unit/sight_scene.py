"""The fake 接待中心's drawing, painted offscreen, as a Grabber for the sight reader's unit tests."""

from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage, QPainter

from desktop_assistant.domain.reading import Region
from tests.e2e.fake_workbench import HEIGHT, WIDTH, Workbench


def render(scene: Workbench) -> np.ndarray:
    img = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB888)
    painter = QPainter(img)
    scene.paint(painter)
    painter.end()
    rows = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes()).reshape(HEIGHT, img.bytesPerLine())
    return rows[:, : WIDTH * 3].reshape(HEIGHT, WIDTH, 3).copy()


class SceneGrabber:
    """Grabs regions of the scene as it is now; counts grabs, like a window on screen."""

    def __init__(self, scene: Workbench) -> None:
        self.scene = scene
        self.grabs = 0
        self.gone = False

    def grab(self, window: int, region: Region) -> np.ndarray | None:
        self.grabs += 1
        if self.gone:
            return None
        return render(self.scene)[region.y : region.y + region.h, region.x : region.x + region.w].copy()
