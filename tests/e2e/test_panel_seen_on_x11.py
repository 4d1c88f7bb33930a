"""The real panel as the agent sees and uses it, on Xvfb + openbox: a phrase row clicked with the mouse
(xdotool click on the row OCR finds on the screen) is pasted into the chat window the agent was in, and a
blacklisted buyer's chat window brings the warning onto the panel's status strip (read off the screen)."""

from __future__ import annotations

import os
import re
import subprocess

import pytest

from desktop_assistant.os_integration.readers.sight_image import Box
from tests.conftest import run_cli
from tests.e2e.conftest import TargetWindow, panel_on_desktop, require, wait_for, xdotool

pytestmark = pytest.mark.e2e
require("openbox", modules=("tkinter", "Xlib", "rapidocr"))

from tests.e2e.screen import screen_lines, squeeze, window_box  # noqa: E402 - needs the OCR checked above

CM_TEXT = "亲，麻烦告诉我一下您的身高、体重和平时穿的尺码，我帮您推荐合适的码数哦~"  # default library, code cm


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    """The panel (a real process) on a desktop with a blacklist of one buyer."""
    workdir = tmp_path_factory.mktemp("seen")
    basedir = workdir / "data"
    blacklist = workdir / "black.csv"
    blacklist.write_text("买家,原因\n小明同学,恶意差评要挟\n", "utf-8")
    assert run_cli("--basedir", str(basedir), "blacklist", "import", str(blacklist)).returncode == 0
    with panel_on_desktop(workdir, basedir, ready="global hotkeys active") as display:
        wait_for(lambda: xdotool(display, "search", "--onlyvisible", "--name", "^客服助手$").stdout.strip() != "")
        panel = xdotool(display, "search", "--onlyvisible", "--name", "^客服助手$").stdout.split()[0]
        yield display, workdir, panel


@pytest.fixture
def on_screen(desk):
    """The panel moved and sized by hand to lie wholly on the screen, as an agent would drag it: docked
    under openbox it reaches off the bottom (the test below)."""
    display, workdir, panel = desk
    left, right, top, bottom = frame_extents(display, panel)
    xdotool(display, "windowsize", "--sync", panel, str(380 - left - right), str(1080 - top - bottom))
    xdotool(display, "windowmove", "--sync", panel, "1540", "0")
    wait_for(lambda: window_box(display, panel).y1 <= 1080 and window_box(display, panel).x1 <= 1920, timeout=10)
    return display, workdir, panel


def frame_extents(display: str, window: str) -> tuple[int, int, int, int]:
    """left, right, top, bottom: what the window manager drew around the client (_NET_FRAME_EXTENTS)."""
    out = subprocess.run(
        ["xprop", "-id", window, "_NET_FRAME_EXTENTS"],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
        timeout=20,
    ).stdout
    left, right, top, bottom = map(int, re.findall(r"\d+", out.partition("=")[2]))
    return left, right, top, bottom


@pytest.mark.xfail(
    strict=True,
    reason="product bug: under openbox the docked panel's client sits at the requested frame position, so its "
    "bottom 20 px (the status strip) are off the screen; Qt hears of no move to correct it",
)
def test_the_docked_panel_and_its_frame_fill_the_right_edge_of_the_screen(desk) -> None:
    """openbox frames the panel and keeps the frame on the screen by moving it, which Qt reports as no move:
    the panel must still dock its frame to the edge, or its status strip hangs off the bottom."""
    display, _workdir, window = desk
    left, right, top, bottom = frame_extents(display, window)
    assert top > 0  # a title bar: openbox frames it
    wait_for(lambda: window_box(display, window) == Box(1540 + left, top, 1920 - right, 1080 - bottom), timeout=5)


def activate(display: str, window: int) -> None:
    xdotool(display, "windowactivate", "--sync", str(window))
    wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() == str(window), timeout=10)


def test_a_phrase_row_clicked_with_the_mouse_is_pasted_into_the_chat_window(on_screen) -> None:
    display, workdir, window = on_screen
    panel = window_box(display, window)
    (workdir / "chat").mkdir()
    chat = TargetWindow(display, workdir / "chat", title="与 小熊 交谈中")
    try:
        wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() not in ("", "0"), timeout=10)
        client = int(xdotool(display, "getactivewindow").stdout)
        activate(display, client)
        rows = [line for line in screen_lines(display, panel) if "尺码推荐" in squeeze(line.text)]
        assert rows, [line.text for line in screen_lines(display, panel)]
        row = rows[0].box
        assert CM_TEXT not in chat.content()
        xdotool(display, "mousemove", "--sync", str((row.x0 + row.x1) // 2), str((row.y0 + row.y1) // 2))
        xdotool(display, "click", "1")
        wait_for(lambda: chat.content() == CM_TEXT, timeout=10)
        wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() == str(client), timeout=10)
    finally:
        chat.stop()


def test_a_blacklisted_buyers_chat_window_shows_the_warning_on_the_panel(on_screen) -> None:
    display, workdir, window = on_screen
    panel = window_box(display, window)
    strip = Box(panel.x0, panel.y1 - 60, panel.x1, panel.y1)  # the status strip along the bottom

    def strip_text() -> str:
        return squeeze("".join(line.text for line in screen_lines(display, strip)))

    (workdir / "first").mkdir()
    (workdir / "second").mkdir()
    first = TargetWindow(display, workdir / "first", title="与 小熊 交谈中")
    second = None
    try:
        assert "黑名单" not in strip_text()
        second = TargetWindow(display, workdir / "second", title="与 小明同学 交谈中")
        wait_for(lambda: "黑名单买家" in strip_text(), timeout=15, interval=0.2)
        assert "小明同学" in strip_text()
    finally:
        first.stop()
        if second is not None:
            second.stop()
