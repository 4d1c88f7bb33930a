"""Docking by the frame (issue 13, defect 8): the title bar must be on the screen.

`setGeometry` places the client area; Windows and X11 draw the title bar above it, so docking the client
rectangle to the work area's top put the title bar above the screen. These tests compute the rectangles
from a screen's work area and frame margins in Qt's device-independent pixels, as Qt reports them at
100, 125 and 150 % scaling, on a primary and a second monitor."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMargins, QRect

from desktop_assistant.ui.panel import docked_client_rect

# Work areas (availableGeometry) and frame margins in device-independent pixels, as Qt gives them for a
# 1920x1080 monitor with a 40/48/60 px taskbar at 100/125/150 %, and Windows 10/11 frames (8 px resize
# border, 31 px caption at 100 %) scaled the same way; a second monitor left of and one right of the primary.
CASES = [
    pytest.param(QRect(0, 0, 1920, 1040), QMargins(8, 31, 8, 8), id="100%"),
    pytest.param(QRect(0, 0, 1536, 826), QMargins(6, 25, 6, 6), id="125%"),
    pytest.param(QRect(0, 0, 1280, 680), QMargins(5, 21, 5, 5), id="150%"),
    pytest.param(QRect(1920, 0, 1280, 984), QMargins(8, 31, 8, 8), id="second-right"),
    pytest.param(QRect(-1536, -200, 1536, 826), QMargins(6, 25, 6, 6), id="second-left-125%"),
    pytest.param(QRect(0, 40, 1920, 1040), QMargins(8, 31, 8, 8), id="taskbar-on-top"),
]


@pytest.mark.parametrize("available, margins", CASES)
@pytest.mark.parametrize("side", ["left", "right"])
def test_the_whole_frame_fills_the_work_area_edge(available: QRect, margins: QMargins, side: str) -> None:
    client = docked_client_rect(available, margins, side, 380)
    frame = client.marginsAdded(margins)
    assert frame.top() == available.top()  # the title bar starts at the work area's top, not above it
    assert frame.bottom() == available.bottom()
    assert frame.width() == 380  # the setting is the width the agent sees, frame included
    if side == "left":
        assert frame.left() == available.left()
    else:
        assert frame.right() == available.right()


def test_a_narrow_screen_gets_the_whole_width_and_no_frame_is_the_old_rectangle() -> None:
    narrow = QRect(0, 0, 300, 600)
    frame = docked_client_rect(narrow, QMargins(8, 31, 8, 8), "right", 380).marginsAdded(QMargins(8, 31, 8, 8))
    assert frame == narrow
    assert docked_client_rect(QRect(0, 0, 1920, 1040), QMargins(), "right", 380) == QRect(1540, 0, 380, 1040)
