"""`desktop-assistant selftest --json` as a real process on Xvfb with openbox: its own target window,
the X11 grab backend, XTEST presses, the real pipeline and clipboard. It must pass here, and a broken
set-up must fail the step that names it (exit 1)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.e2e.conftest import desktop_env, require, start_openbox, start_xvfb, wait_for

pytestmark = pytest.mark.e2e

require("openbox", modules=("Xlib",))

STEPS = ["target", "hotkey", "press", "text", "no_leak", "clipboard", "picker_focus", "focus_back"]


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Xvfb + openbox; yields the environment for programs on it (PYTHONPATH: this checkout)."""
    server, display = start_xvfb()
    env = {**desktop_env(display, tmp_path / "home"), "PYTHONPATH": str(REPO), "LANG": "C.UTF-8"}
    env.pop("QT_QPA_PLATFORM", None)  # the real xcb platform, as on a desktop
    openbox = start_openbox(env)
    try:
        from desktop_assistant.os_integration.foreground import X11Foreground
        from desktop_assistant.os_integration.x11 import X11Connection

        connection = X11Connection(display)
        try:
            wait_for(X11Foreground(connection)._ewmh_active_supported, timeout=15)
        finally:
            connection.close()
        yield env
    finally:
        openbox.terminate()
        openbox.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)


def selftest(env: dict[str, str], *args: str) -> tuple[int, dict]:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_assistant", "--temp-basedir", "selftest", "--json", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )
    assert result.stderr == "", result.stderr
    report = json.loads(result.stdout)
    assert [step["name"] for step in report["steps"]] == STEPS
    return result.returncode, report


def by_name(report: dict) -> dict[str, dict]:
    return {step["name"]: step for step in report["steps"]}


def target_gone(report: dict) -> bool:
    pid = int(by_name(report)["target"]["detail"].split()[-1])
    return not Path(f"/proc/{pid}").exists()


def test_selftest_passes_on_a_real_desktop(desktop) -> None:
    code, report = selftest(desktop)
    failed = [(step["name"], step["detail"]) for step in report["steps"] if not step["ok"]]
    assert (code, failed) == (0, [])
    assert report["ok"] is True and report["backend"] == "x11" and report["platform"] == "linux"
    assert target_gone(report)


def test_a_hotkey_another_client_holds_fails_the_step_that_names_it(desktop) -> None:
    from Xlib import XK, X
    from Xlib import display as xdisplay

    other = xdisplay.Display(desktop["DISPLAY"])  # another program holding ctrl+alt+shift+k
    try:
        keycode = other.keysym_to_keycode(XK.string_to_keysym("k"))
        other.screen().root.grab_key(
            keycode, X.ControlMask | X.Mod1Mask | X.ShiftMask, True, X.GrabModeAsync, X.GrabModeAsync
        )
        other.sync()
        code, report = selftest(desktop)
    finally:
        other.close()
    steps = by_name(report)
    assert code == 1 and report["ok"] is False
    assert not steps["hotkey"]["ok"] and "ctrl+alt+shift+k" in steps["hotkey"]["detail"]
    for name in ("press", "text", "no_leak", "clipboard"):  # nothing to press: not run, and not passed
        assert steps[name]["ok"] is False and steps[name]["skipped"] is True
    assert steps["picker_focus"]["ok"] and steps["focus_back"]["ok"]  # the other test hotkey still works
    assert target_gone(report)


def test_a_backend_that_cannot_swallow_the_hotkey_fails_no_leak(desktop) -> None:
    """pynput only listens (no grab): the final key reaches the target window, and selftest says so."""
    code, report = selftest(desktop, "--backend", "pynput")
    steps = by_name(report)
    assert code == 1
    assert not steps["no_leak"]["ok"] and "'k'" in steps["no_leak"]["detail"]
    assert steps["text"]["ok"] and steps["clipboard"]["ok"]


def test_no_display_is_a_failed_check_not_a_crash(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "desktop_assistant", "--temp-basedir", "selftest"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=90,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "自检失败" in result.stdout
