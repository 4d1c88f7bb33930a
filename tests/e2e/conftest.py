"""A real X server (Xvfb) started by the tests; skipped with a reason only where none can start, and never
under CI: with the environment variable CI set, anything an e2e test needs that is missing fails the run
(a green run must not hide skipped e2e tests)."""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

# What each need is called in tools/install-test-deps.sh (apt) or pyproject.toml (pip).
PACKAGES = {
    "Xvfb": "apt: xvfb",
    "xdotool": "apt: xdotool",
    "xclip": "apt: xclip",
    "openbox": "apt: openbox",
    "xprop": "apt: x11-utils",
    "tkinter": "apt: python3-tk",
    "Xlib": "pip: python-xlib",
    "rapidocr": "pip: .[sight]",
}


def cannot_run(reason: str, *, module: bool = False) -> None:
    """Skip (the module, when called at its top), or fail when CI is set."""
    if os.environ.get("CI"):
        pytest.fail(f"CI is set and an e2e test cannot run: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=module)


def missing_needs(programs: tuple[str, ...], modules: tuple[str, ...]) -> list[str]:
    missing = [program for program in programs if shutil.which(program) is None]
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    return missing


def require(*programs: str, modules: tuple[str, ...] = ()) -> None:
    """At the top of an e2e module: the programs and Python modules its tests need (Xvfb and xdotool are
    always checked by start_xvfb; start_openbox asks xprop whether openbox is up)."""
    if "openbox" in programs:
        programs = (*programs, "xprop")
    missing = missing_needs(programs, modules)
    if missing:
        cannot_run(f"{', '.join(f'{name} ({PACKAGES.get(name, name)})' for name in missing)} missing", module=True)


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """Xvfb on the first free display number; skips the test when it cannot run here (fails under CI)."""
    missing = missing_needs(("Xvfb", "xdotool"), ())
    if missing:
        cannot_run(f"no X server for e2e tests: {', '.join(missing)} not installed (apt: xvfb xdotool)")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as announced:
        number = announced.readline().strip()
    if not number:
        server.kill()
        cannot_run("Xvfb did not start")
    return server, f":{number}"


def desktop_env(display: str, home: Path) -> dict[str, str]:
    """The environment of programs on `display` with a private HOME (openbox writes its state there)."""
    home.mkdir(parents=True, exist_ok=True)
    return {
        **os.environ,
        "DISPLAY": display,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }


def start_openbox(env: dict[str, str]) -> subprocess.Popen:
    """A window manager with EWMH (_NET_ACTIVE_WINDOW), as agents' desktops have; returns once it manages the
    screen (it has set _NET_SUPPORTING_WM_CHECK on the root window)."""
    openbox = subprocess.Popen(
        ["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )

    def managing() -> bool:
        assert openbox.poll() is None, f"openbox exited with {openbox.returncode}"
        prop = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=env, capture_output=True, text=True, timeout=20
        )
        return "window id" in prop.stdout

    wait_for(managing, timeout=20)
    return openbox


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    server, display = start_xvfb()
    yield display
    server.terminate()
    server.wait(timeout=10)


def xdotool(display: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=20
    )


def wait_for(predicate, timeout: float = 20.0, interval: float = 0.05) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(interval)


# The greeting by hour, written out from docs/phrase-formats.md rather than taken from the app's greeting().
GREETING_BY_HOUR = ["晚上好"] * 5 + ["早上好"] * 6 + ["中午好"] * 2 + ["下午好"] * 5 + ["晚上好"] * 6
WELCOME = "{}，亲！欢迎光临云朵家居旗舰店，我是客服小王，很高兴为您服务~ 请问有什么可以帮您的呢？"


def welcome_texts(before: dt.datetime) -> set[str]:
    """The default 欢迎语 (Ctrl+Alt+1) as pasted for 小王 of 云朵家居旗舰店 at any time from `before` to a
    minute later (the paste may land in the next hour)."""
    return {WELCOME.format(GREETING_BY_HOUR[at.hour]) for at in (before, before + dt.timedelta(minutes=1))}


def log_text(basedir: Path) -> str:
    log = basedir / "logs" / "desktop_assistant.log"
    return log.read_text(encoding="utf-8") if log.exists() else ""


# --- insertion e2e: a target window in another process, the driver, the agent's clipboard -------------
E2E_DIR = Path(__file__).resolve().parent


class LineProcess:
    """A child process that writes JSON lines (or "ready …" lines) on stdout, read on a thread."""

    def __init__(self, args: list[str], display: str, **popen) -> None:
        import json
        import queue
        import sys
        import threading

        self._json = json
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "LANG": "C.UTF-8"}
        self.process = subprocess.Popen(
            [sys.executable, *args],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            **popen,
        )
        self.lines: queue.Queue = queue.Queue()
        self.seen: list = []
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            line = line.strip()
            if line.startswith("{"):
                self.lines.put(self._json.loads(line))
            elif line:
                self.lines.put({"event": line.split(" ", 1)[0], "line": line})

    def expect(self, event: str, timeout: float = 20.0, **fields) -> dict:
        """The next line with this event (and fields); earlier lines are kept in `seen`."""
        import queue

        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.process.poll() is not None and self.lines.empty():
                stderr = self.process.stderr.read() if self.process.poll() is not None else ""
                raise AssertionError(f"no {event!r} {fields} from {self.process.args}; seen {self.seen[-5:]} {stderr}")
            try:
                record = self.lines.get(timeout=min(remaining, 0.1))
            except queue.Empty:
                continue
            self.seen.append(record)
            if record.get("event") == event and all(record.get(k) == v for k, v in fields.items()):
                return record

    def send(self, command: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()

    def stop(self, command: str = "quit", timeout: float = 10.0) -> int:
        if self.process.poll() is None:
            try:
                self.send(command)
                self.process.stdin.close()
            except (BrokenPipeError, OSError):
                pass
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        return self.process.returncode


class TargetWindow:
    """tests/e2e/target_app.py: a Tk text box in its own process that reports its exact content."""

    def __init__(self, display: str, workdir: Path, title: str = "") -> None:
        self.content_file = workdir / "target-content.txt"
        self.events_file = workdir / "target-events.jsonl"
        self.events_file.write_text("")
        extra = ["--title", title] if title else []
        self.proc = LineProcess(
            [str(E2E_DIR / "target_app.py"), str(self.content_file), str(self.events_file), *extra], display
        )
        self.window = int(self.proc.expect("ready")["line"].split()[1])

    def content(self) -> str:
        try:
            return self.content_file.read_text(encoding="utf-8")
        except FileNotFoundError:
            return ""

    def key_events(self) -> list[dict]:
        import json

        return [
            record
            for record in map(json.loads, self.events_file.read_text(encoding="utf-8").splitlines())
            if "key" in record
        ]

    def clear(self) -> None:
        self.proc.send("clear")
        self.proc.expect("cleared")
        self.events_file.write_text("")

    def stop(self) -> None:
        self.proc.process.terminate()
        try:
            self.proc.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.process.kill()


def xclip(display: str, *args: str, data: bytes | None = None) -> bytes:
    """xclip on the display; with data, it owns the clipboard from its own (forked) process."""
    env = {**os.environ, "DISPLAY": display}
    if data is not None:  # the forked owner keeps its stdout open: do not wait for it
        subprocess.run(
            ["xclip", *args],
            input=data,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=20,
            check=True,
        )
        return b""
    return subprocess.run(["xclip", *args], env=env, capture_output=True, timeout=20).stdout


@contextlib.contextmanager
def panel_on_desktop(workdir: Path, basedir: Path, ready: str = "panel shown") -> Iterator[str]:
    """Xvfb + openbox + the panel as a real process on `basedir`; yields the display. On the way out the
    panel gets SIGTERM and must exit 0 (windows the test opened should be closed first)."""
    server, display = start_xvfb()
    env = {**desktop_env(display, workdir / "home"), "QT_QPA_PLATFORM": "xcb"}
    openbox = start_openbox(env)
    panel = subprocess.Popen(
        [sys.executable, "-m", "desktop_assistant", "--basedir", str(basedir)],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        wait_for(lambda: ready in log_text(basedir) or panel.poll() is not None)
        assert panel.poll() is None, panel.communicate()
        yield display
    finally:
        panel.send_signal(signal.SIGTERM)
        code = panel.wait(timeout=20)
        openbox.terminate()
        openbox.wait(timeout=10)
        server.terminate()
        server.wait(timeout=10)
    assert code == 0
