"""What the agent sees: a window's pixels as they are on the X screen, read by OCR, and where a text is, to
click it with xdotool. For the e2e tests that check the real panel rather than its log or stdin."""

from __future__ import annotations

import functools
import re

import numpy as np

from desktop_assistant.os_integration.readers.ocr import Ocr, TextLine
from desktop_assistant.os_integration.readers.sight_image import Box
from tests.e2e.conftest import xdotool

BAND = 400  # OCR bands of the window, overlapping: small text stays at its size (the OCR scales to 960 px)


@functools.cache
def ocr() -> Ocr:
    return Ocr(threads=1)


def window_box(display: str, window: str) -> Box:
    """The window's rectangle on the screen (xdotool: "Position: X,Y" and "Geometry: WxH")."""
    out = xdotool(display, "getwindowgeometry", window).stdout
    x, y = map(int, re.search(r"Position: (\d+),(\d+)", out).groups())
    w, h = map(int, re.search(r"Geometry: (\d+)x(\d+)", out).groups())
    return Box(x, y, x + w, y + h)


def grab(display: str, box: Box) -> np.ndarray:
    """RGB pixels of the screen in `box`: what is shown there, whichever window draws it."""
    from Xlib import X
    from Xlib import display as xdisplay

    connection = xdisplay.Display(display)
    try:
        screen = connection.screen()
        assert 0 <= box.x0 and 0 <= box.y0 and box.x1 <= screen.width_in_pixels and box.y1 <= screen.height_in_pixels, (
            f"{box} is not all on the {screen.width_in_pixels}x{screen.height_in_pixels} screen"
        )
        raw = screen.root.get_image(box.x0, box.y0, box.w, box.h, X.ZPixmap, 0xFFFFFFFF)
    finally:
        connection.close()
    return np.frombuffer(raw.data, np.uint8).reshape(box.h, box.w, 4)[:, :, 2::-1].copy()  # BGRX -> RGB


def screen_lines(display: str, box: Box) -> list[TextLine]:
    """The text lines shown in `box`, in screen coordinates."""
    img = grab(display, box)
    lines: list[TextLine] = []
    for top in range(0, box.h, BAND - 80):
        for line in ocr().lines(img[top : top + BAND]):
            at = Box(box.x0 + line.box.x0, box.y0 + top + line.box.y0, box.x0 + line.box.x1, box.y0 + top + line.box.y1)
            lines.append(TextLine(at, line.text, line.score))
        if top + BAND >= box.h:
            break
    return lines


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)
