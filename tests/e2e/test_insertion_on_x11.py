"""Insertion end to end on a real X server (Xvfb, no window manager: the XGetInputFocus path).

A Tk text box in its own process is the IM window; tests/e2e/insertion_driver.py runs the real
pipeline, the real XGrabKey hotkeys and the real clipboard; xdotool presses the hotkeys and xclip
plays the agent's clipboard from outside. What the target holds is read back exactly.
"""

from __future__ import annotations

import struct
import time
import warnings
import zlib
from pathlib import Path

import pytest

from tests.e2e.conftest import E2E_DIR, LineProcess, TargetWindow, require, wait_for, xclip, xdotool

pytestmark = pytest.mark.e2e

require("xclip", modules=("tkinter",))

CONTEXT = {"agent": "小王", "shop": "云朵家居", "now": "2026-11-11T09:30:00"}
GREETING_BODY = "亲, {问候}! 欢迎光临{店铺}, 我是客服{客服}。\n请问有什么可以帮您?"
GREETING = "亲, 早上好! 欢迎光临云朵家居, 我是客服小王。\n请问有什么可以帮您?"
TRACKING_BODY = "好的, 亲稍等, 我帮您查询一下物流。\n---\n您的快递单号是: {光标}, 请查收~"
BURST = {n: f"【{n}】亲，在的～\n马上为您处理。" for n in range(3, 8)}
PHRASES = {
    "greet": {"hotkey": "ctrl+alt+1", "text": GREETING_BODY},
    "track": {"hotkey": "ctrl+alt+2", "text": TRACKING_BODY},
    **{f"b{n}": {"hotkey": f"ctrl+alt+{n}", "text": text} for n, text in BURST.items()},
}
AGENT_TEXT = "买家地址: 浙江省杭州市西湖区文三路 100 号\n电话 138****5678"
# Keys that must never reach the target: the hotkeys' own keys, and Enter (messages are pasted, not sent).
FORBIDDEN_KEYS = {"1", "2", "3", "4", "5", "6", "7", "8", "exclam", "at", "numbersign", "Return", "KP_Enter"}


def png(width: int = 7, height: int = 5) -> bytes:
    """A small real PNG (RGB gradient), made without Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(c for x in range(width) for c in (x * 30, y * 40, 200)) for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def start_driver(display: str, workdir: Path, phrases: dict, name: str = "driver", **settings) -> LineProcess:
    import json

    config = workdir / f"{name}.json"
    config.write_text(
        json.dumps(
            {"phrases": phrases, "context": CONTEXT, "settings": {"paste.restore_delay_ms": 100, **settings}},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    return LineProcess([str(E2E_DIR / "insertion_driver.py"), str(config)], display)


@pytest.fixture(scope="module")
def rig(x_display: str, tmp_path_factory):
    workdir = tmp_path_factory.mktemp("insertion")
    target = TargetWindow(x_display, workdir)
    driver = start_driver(x_display, workdir, PHRASES)
    ready = driver.expect("ready")
    assert ready["state"] == "active" and ready["backend"] == "x11", ready
    if ready["pyside_refcount_bug"]:
        warnings.warn(
            "this PySide6 drops references on every emit/void call (6.12.0 on Python 3.11); "
            "the driver compensates, the app would abort after a few thousand calls",
            stacklevel=1,
        )
    yield x_display, target, driver, workdir
    code = driver.stop()
    target.stop()
    assert code == 0, driver.process.stderr.read()


def press(display: str, combo: str) -> None:
    assert xdotool(display, "key", combo).returncode == 0


def toplevel_of(display: str, window_id: int | None = None) -> int:
    """The child of the root containing `window_id` (default: the window with the input focus)."""
    from Xlib import display as xdisplay

    connection = xdisplay.Display(display)
    try:
        window = (
            connection.get_input_focus().focus
            if window_id is None
            else connection.create_resource_object("window", window_id)
        )
        root = connection.screen().root.id
        while True:
            parent = window.query_tree().parent
            if parent is None or parent.id in (0, root):
                return window.id
            window = parent
    finally:
        connection.close()


def toplevel_of_focus(display: str) -> int:
    return toplevel_of(display)


def forbidden_keys_seen(target: TargetWindow) -> list[str]:
    return [event["key"] for event in target.key_events() if event["key"] in FORBIDDEN_KEYS]


def test_a_hotkey_puts_the_exact_text_in_the_target_and_the_clipboard_comes_back(rig) -> None:
    display, target, driver, _ = rig
    target.clear()
    xclip(display, "-selection", "clipboard", "-i", data=AGENT_TEXT.encode())
    press(display, "ctrl+alt+1")
    driver.expect("inserted", tag="greet")
    driver.expect("idle")
    time.sleep(0.3)  # anything late (a second paste, a stray key) would land by now
    assert target.content() == GREETING
    assert forbidden_keys_seen(target) == []  # no "1" from the hotkey, no Enter
    assert xclip(display, "-o", "-selection", "clipboard").decode() == AGENT_TEXT


def test_messages_are_pasted_as_one_text_and_the_caret_lands_at_the_placeholder(rig) -> None:
    display, target, driver, _ = rig
    target.clear()
    press(display, "ctrl+alt+2")
    driver.expect("inserted", tag="track")
    driver.expect("idle")
    assert xdotool(display, "type", "SFexpress").returncode == 0  # typed where the caret is
    wait_for(lambda: "SFexpress" in target.content(), timeout=5)
    assert target.content() == "好的, 亲稍等, 我帮您查询一下物流。\n您的快递单号是: SFexpress, 请查收~"
    assert forbidden_keys_seen(target) == []


def test_an_image_on_the_clipboard_comes_back_byte_for_byte(rig) -> None:
    display, target, driver, workdir = rig
    target.clear()
    image = png()
    xclip(display, "-selection", "clipboard", "-t", "image/png", "-i", data=image)
    wait_for(lambda: b"image/png" in xclip(display, "-o", "-selection", "clipboard", "-t", "TARGETS"), timeout=5)
    press(display, "ctrl+alt+1")
    driver.expect("inserted", tag="greet")
    driver.expect("idle")
    assert target.content() == GREETING
    assert b"image/png" in xclip(display, "-o", "-selection", "clipboard", "-t", "TARGETS")
    assert xclip(display, "-o", "-selection", "clipboard", "-t", "image/png") == image


def test_a_click_in_the_panel_inserts_into_the_im_window_and_focus_returns(rig) -> None:
    display, target, driver, _ = rig
    target.clear()
    driver.send("panel")
    panel = driver.expect("panel")["window"]
    assert xdotool(display, "windowfocus", "--sync", str(panel)).returncode == 0
    time.sleep(0.4)  # the tracker polls every 250 ms: it has seen the panel take focus
    driver.send("insert greet")
    driver.expect("inserted", tag="greet")
    driver.expect("idle")
    assert target.content() == GREETING
    assert toplevel_of_focus(display) == toplevel_of(display, target.window)


def test_a_combo_another_program_holds_is_reported_and_the_others_work(rig) -> None:
    display, target, driver, workdir = rig
    target.clear()
    # The first driver holds ctrl+alt+1: a second program asking for it gets BadAccess from the server.
    second = start_driver(
        display,
        workdir,
        {
            "taken": {"hotkey": "ctrl+alt+1", "text": "不应出现"},
            "free": {"hotkey": "ctrl+alt+8", "text": "第二个程序的短语"},
        },
        name="second",
    )
    try:
        ready = second.expect("ready")
        assert ready["state"] == "partial"
        assert ready["failures"] == {"ctrl+alt+1": "已被其他程序占用"}
        press(display, "ctrl+alt+8")
        second.expect("inserted", tag="free")
        second.expect("idle")
        assert target.content() == "第二个程序的短语"
    finally:
        code = second.stop()
    assert code == 0, second.process.stderr.read()


@pytest.mark.parametrize(
    ("rule", "body", "expected_keys"),
    [
        ("title:/目标窗口/ = type", "单行文字 typed 测试～", {"v"}.isdisjoint),  # typed: no paste chord at all
        (
            "title:/目标窗口/ = shift+insert",
            "两行\n用 Shift+Insert 粘贴",
            lambda keys: "Insert" in keys and "v" not in keys,
        ),
    ],
    ids=["type", "shift+insert"],
)
def test_per_application_paste_methods(rig, rule: str, body: str, expected_keys) -> None:
    display, target, _, workdir = rig
    target.clear()
    xclip(display, "-selection", "clipboard", "-i", data=AGENT_TEXT.encode())
    driver = start_driver(display, workdir, {"p": {"text": body}}, name="rules", **{"paste.rules": rule})
    try:
        driver.expect("ready")
        driver.send("insert p")  # no hotkey: the target is the focused window
        driver.expect("inserted", tag="p")
        driver.expect("idle")
        assert target.content() == body
        assert expected_keys({event["key"] for event in target.key_events()})
        assert xclip(display, "-o", "-selection", "clipboard").decode() == AGENT_TEXT
    finally:
        code = driver.stop()
    assert code == 0, driver.process.stderr.read()


def test_fifty_presses_120_ms_apart_give_fifty_exact_insertions_in_order(rig) -> None:
    display, target, driver, _ = rig
    target.clear()
    xclip(display, "-selection", "clipboard", "-i", data=AGENT_TEXT.encode())
    order = [3, 5, 4, 7, 6] * 10
    expected = "".join(BURST[n] for n in order)
    started = time.monotonic()
    for index, n in enumerate(order):
        delay = started + index * 0.12 - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        press(display, f"ctrl+alt+{n}")
    wait_for(lambda: target.content() == expected or len(target.content()) > len(expected), timeout=30)
    for _ in order:
        driver.expect("inserted")
    driver.expect("idle")
    time.sleep(0.3)
    assert target.content() == expected
    assert [r["tag"] for r in driver.seen if r.get("event") == "inserted"][-50:] == [f"b{n}" for n in order]
    assert forbidden_keys_seen(target) == []
    assert xclip(display, "-o", "-selection", "clipboard").decode() == AGENT_TEXT
