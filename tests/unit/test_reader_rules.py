"""docs/reading.md's rules for every reader of the IM client, checked on the reader modules themselves (the ones
here and those added later): never click, type or focus anything in the client, store no image. The
import-linter contract in pyproject.toml keeps key sending, pasting and the clipboard out of their reach;
this test catches the direct OS calls that would do the same."""

from __future__ import annotations

import re
from pathlib import Path

import desktop_assistant.os_integration.readers as readers_package

# Calls that click, type, focus or write an image, in the APIs a reader could reach (Win32, UIA, X11, Qt).
FORBIDDEN = re.compile(
    r"\b(SetForegroundWindow|SetFocus|SetActiveWindow|BringWindowToTop|SendInput|keybd_event|mouse_event|"
    r"SetCursorPos|set_input_focus|warp_pointer|fake_input|xtest|activateWindow|"
    r"Invoke|Click|click|SetValue|set_value|Select|DoDefaultAction|imwrite|imsave)\s*\(|"
    r"\.activate\s*\(|\.save\s*\(|\.tofile\s*\("
)


def reader_sources() -> list[Path]:
    return sorted(Path(readers_package.__file__).parent.glob("*.py"))


def test_no_reader_clicks_types_focuses_or_saves_an_image() -> None:
    sources = reader_sources()
    assert {p.name for p in sources} >= {"base.py", "hub.py", "manual.py"}
    found = [
        f"{p.name}:{n}: {line.strip()}"
        for p in sources
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line.split("#", 1)[0])
    ]
    assert found == []


def test_the_check_can_fail() -> None:
    for line in (
        "api.SetForegroundWindow(hwnd)",
        "element.Click()",
        "window.activate(ref)",
        "image.save(path)",
        "pattern.SetValue('x')",
        "display.set_input_focus(w, 0, 0)",
        "cv2.imwrite(p, img)",
    ):
        assert FORBIDDEN.search(line), line
    for line in ("element.CurrentName", "reader.read(window, client, now)", "screen.grabWindow(wid, x, y, w, h)"):
        assert not FORBIDDEN.search(line), line
