"""The whole app as an agent runs it, on a real X server with a window manager: the greeting hotkey
pastes into another program's window exactly once with shop and agent names and gives the clipboard
back; the picker (hotkey, type a code, Enter) pastes into that window and focus returns there."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import run_cli
from tests.e2e.conftest import TargetWindow, panel_on_desktop, require, wait_for, welcome_texts, xclip, xdotool

pytestmark = pytest.mark.e2e
require("openbox", "xclip", modules=("tkinter",))


@pytest.fixture(scope="module")
def desktop(tmp_path_factory):
    """Xvfb + openbox + the panel (a real process) + a target text window in another process."""
    workdir = tmp_path_factory.mktemp("desktop")
    basedir = workdir / "data"
    assert run_cli("--basedir", str(basedir), "config", "set", "agent_name", "小王").returncode == 0
    assert run_cli("--basedir", str(basedir), "config", "set", "shop_name", "云朵家居旗舰店").returncode == 0
    with panel_on_desktop(workdir, basedir, ready="global hotkeys active") as display:
        target = TargetWindow(display, workdir)
        try:
            # The target takes focus when it starts: the active window is its client window (Tk reports
            # openbox's frame as its own id).
            wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() not in ("", "0"), timeout=10)
            target.client = int(xdotool(display, "getactivewindow").stdout)
            yield display, basedir, target
        finally:
            target.stop()


def focus(display: str, window: int) -> None:
    xdotool(display, "windowactivate", "--sync", str(window))
    wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() == str(window), timeout=10)


def test_greeting_hotkey_pastes_once_with_names_and_restores_the_clipboard(desktop) -> None:
    display, basedir, target = desktop
    target.clear()
    focus(display, target.client)
    xclip(display, "-selection", "clipboard", data="客户发来的地址: 浙江省杭州市".encode())
    expected = welcome_texts(dt.datetime.now())
    xdotool(display, "key", "ctrl+alt+1")
    wait_for(lambda: target.content() in expected, timeout=10)
    wait_for(
        lambda: xclip(display, "-selection", "clipboard", "-o").decode() == "客户发来的地址: 浙江省杭州市", timeout=10
    )
    assert target.content() in expected  # exactly once, nothing typed by the hotkey itself
    assert not [e for e in target.key_events() if e["key"] in ("1", "Return")]


def test_picker_code_and_enter_paste_into_the_window_the_agent_was_in(desktop) -> None:
    display, basedir, target = desktop
    target.clear()
    im_window = target.client
    focus(display, im_window)
    xdotool(display, "key", "ctrl+alt+p")
    wait_for(lambda: xdotool(display, "search", "--onlyvisible", "--name", "^短语选择器$").stdout.strip() != "")
    picker = int(xdotool(display, "search", "--onlyvisible", "--name", "^短语选择器$").stdout.split()[0])
    wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() == str(picker), timeout=10)
    xdotool(display, "type", "--delay", "30", "cf1")
    xdotool(display, "key", "Return")
    wait_for(lambda: "付款" in target.content(), timeout=10)
    assert target.content().startswith("亲，看到您拍下了宝贝还没有付款哦")
    wait_for(lambda: xdotool(display, "getactivewindow").stdout.strip() == str(im_window), timeout=10)
    assert "cf1" not in target.content()  # the code went to the picker, not the chat box
