"""Fakes of the Windows behaviour the insertion pipeline must survive, keeping real state.

`FakeClipboard` is QClipboard as Qt's Windows plugin behaves under contention (another program holds
the clipboard open): a read gives no formats, a set fails and Qt deletes the QMimeData it was given
(qwindowsclipboard.cpp: releaseIData), `ownsClipboard` stays with the real owner, and
CountClipboardFormats (which does not open the clipboard) still counts the owner's formats.
`FakeUser32` is the foreground window as user32 decides it: SetForegroundWindow only succeeds under the
conditions Microsoft documents, and UIPI drops injected keys aimed at a more elevated window."""

from __future__ import annotations

from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard

CLIPBOARD = QClipboard.Mode.Clipboard


class FakeClipboard:
    """The subset of QClipboard the pipeline uses, plus the two counters Windows offers without opening
    the clipboard (`format_count`, `sequence`). `busy` counts the coming operations that find the
    clipboard held open by someone else (each Qt call already retried internally and gave up);
    `set_fails` the coming sets that fail although reads work.

    As Qt does, setting new data first deletes the data we set before (releaseIData), even when the new
    set then fails; the system clipboard then still holds that dead data object: formats are listed,
    nothing can be read (`dead`)."""

    def __init__(self) -> None:
        self.content: QMimeData | None = None
        self.ours = False  # set through setMimeData by us, i.e. OleIsCurrentClipboard
        self.dead = False
        self.busy = 0
        self.set_fails = 0
        self.failed_sets = 0
        self.clears = 0
        self.changes = 0  # GetClipboardSequenceNumber

    def _blocked(self) -> bool:
        if self.busy > 0:
            self.busy -= 1
            return True
        return False

    def _changed(self, content: QMimeData | None, ours: bool) -> None:
        self.content, self.ours, self.dead = content, ours, False
        self.changes += 1

    # --- what the agent or another program does ------------------------------------------
    def copy_by_agent(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        self._changed(mime, False)

    # --- QClipboard ---------------------------------------------------------------------
    def mimeData(self, mode: QClipboard.Mode = CLIPBOARD) -> QMimeData | None:  # noqa: N802 - Qt name
        if self.ours:  # the owner's own data, no OpenClipboard needed
            return self.content
        if self._blocked() or self.dead:
            return QMimeData()  # Qt's retrieval data with no formats: looks exactly like an empty clipboard
        return self.content if self.content is not None else QMimeData()

    def setMimeData(self, mime: QMimeData, mode: QClipboard.Mode = CLIPBOARD) -> None:  # noqa: N802
        if self.ours and self.content is not None and self.content is not mime:
            shiboken6.delete(self.content)  # Qt releases the data it held before
            self.content, self.ours, self.dead = None, False, True
        failing = self.set_fails > 0
        self.set_fails = max(0, self.set_fails - 1)
        if self._blocked() or failing:
            self.failed_sets += 1
            shiboken6.delete(mime)  # Qt deletes the data it could not place
            return
        self._changed(mime, True)

    def clear(self, mode: QClipboard.Mode = CLIPBOARD) -> None:
        if self._blocked():
            return
        self.clears += 1
        self._changed(None, False)

    def text(self, mode: QClipboard.Mode = CLIPBOARD) -> str:
        mime = self.mimeData(mode)
        return mime.text() if mime is not None else ""

    def ownsClipboard(self) -> bool:  # noqa: N802
        return self.ours

    def ownsSelection(self) -> bool:  # noqa: N802
        return False

    def supportsSelection(self) -> bool:  # noqa: N802
        return False

    # --- the probe: works while another program holds the clipboard open -------------------------
    def format_count(self) -> int | None:
        if self.dead:
            return 1
        return len(self.content.formats()) if self.content is not None else 0

    def sequence(self) -> int | None:
        return self.changes

    def current_text(self) -> str:
        """What a paste would insert now (the test's view, never busy)."""
        return self.content.text() if self.content is not None and not self.dead else ""


# --- user32: the foreground window, input and UIPI ----------------------------------------------------
VK_CONTROL, VK_LCONTROL, VK_RCONTROL, VK_V, VK_RETURN, VK_LEFT = 0x11, 0xA2, 0xA3, 0x56, 0x0D, 0x25
KEYEVENTF_KEYUP, KEYEVENTF_UNICODE = 0x0002, 0x0004


@dataclass
class FakeProcess:
    image: str
    high_integrity: bool = False  # runs elevated (UIPI blocks input from a medium-integrity process)
    token_readable: bool = True  # False: OpenProcessToken is refused (e.g. another admin account's process)


@dataclass
class FakeWindow:
    thread: int
    pid: int
    title: str
    target: object | None = None  # a FakeTarget that receives the keys delivered to this window
    window_class: str = ""


@dataclass
class FakeUser32:
    """The Win32Api methods the foreground, focus and key-sending code call, for our process `own_pid`.

    SetForegroundWindow succeeds only as Microsoft documents it (SetForegroundWindow, remarks): no
    LockSetForegroundWindow by the foreground process, no menu active, and one of: we are the foreground
    process, we received the last input event, there is no foreground window, the foreground lock
    time-out has expired, or the foreground process let us (AllowSetForegroundWindow). One more way, not
    in that list but what Qt's AlwaysActivateWindow relies on: our input attached to the foreground thread.
    Otherwise the taskbar button flashes. SendInput into a higher-integrity foreground window is dropped
    and still reports every event inserted (SendInput, return value: UIPI is not reported)."""

    own_pid: int = 100
    own_thread: int = 11
    windows: dict[int, FakeWindow] = field(default_factory=dict)
    processes: dict[int, FakeProcess] = field(default_factory=dict)
    foreground: int = 0
    last_input_pid: int = 0
    lock_timeout_expired: bool = False
    locked_by_foreground: bool = False
    menu_active: bool = False
    allowed_pids: set[int] = field(default_factory=set)
    allow_any: bool = False
    self_high_integrity: bool = False
    attached: set[tuple[int, int]] = field(default_factory=set)
    calls: list[tuple] = field(default_factory=list)
    flashed: list[int] = field(default_factory=list)
    dropped: list[list] = field(default_factory=list)
    _held: set[int] = field(default_factory=set)

    # --- what the agent does -------------------------------------------------------------
    def user_input_to_foreground(self) -> None:
        """A key press or click the foreground window receives (also ends AllowSetForegroundWindow's grant)."""
        self.last_input_pid = self.windows[self.foreground].pid if self.foreground else 0
        self.allowed_pids.clear()
        self.allow_any = False

    def hotkey_through_low_level_hook(self) -> None:
        """The hook ate the press: the foreground process keeps the last input, we get nothing."""

    def registered_hotkey(self) -> None:
        """WM_HOTKEY: the press is delivered to us, with the foreground right (Raymond Chen, 2009)."""
        self.last_input_pid = self.own_pid
        self.allowed_pids.clear()
        self.allow_any = False

    # --- Win32Api: windows ---------------------------------------------------------------
    def foreground_window(self) -> int:
        return self.foreground

    def window_thread_process(self, hwnd: int) -> tuple[int, int]:
        window = self.windows.get(hwnd)
        return (window.thread, window.pid) if window else (0, 0)

    def window_title(self, hwnd: int) -> str:
        return self.windows[hwnd].title

    def is_window(self, hwnd: int) -> bool:
        return hwnd in self.windows

    def window_class(self, hwnd: int) -> str:
        window = self.windows.get(hwnd)
        return window.window_class if window else ""  # GetClassNameW fails (0) for a vanished window

    def top_level_windows(self) -> list[int]:
        return list(self.windows)

    def is_iconic(self, hwnd: int) -> bool:
        return False

    def show_window(self, hwnd: int, command: int) -> None:
        self.calls.append(("show", hwnd, command))

    def _may_set_foreground(self) -> bool:
        if self.locked_by_foreground or self.menu_active:
            return False
        foreground_pid = self.windows[self.foreground].pid if self.foreground in self.windows else 0
        foreground_thread = self.windows[self.foreground].thread if self.foreground in self.windows else 0
        return (
            not self.foreground
            or foreground_pid == self.own_pid
            or self.last_input_pid == self.own_pid
            or self.lock_timeout_expired
            or self.allow_any
            or self.own_pid in self.allowed_pids
            or (self.own_thread, foreground_thread) in self.attached
        )

    def set_foreground_window(self, hwnd: int) -> bool:
        allowed = hwnd in self.windows and self._may_set_foreground()
        self.calls.append(("set_foreground", hwnd, allowed))
        if allowed:
            self.foreground = hwnd
        else:
            self.flashed.append(hwnd)
        return allowed

    def allow_set_foreground_window(self, pid: int) -> bool:
        """Only a process that may set the foreground itself can pass the right on (ASFW_ANY: everyone)."""
        allowed = self._may_set_foreground()
        self.calls.append(("allow", pid, allowed))
        if allowed:
            if pid == 0xFFFFFFFF:  # ASFW_ANY
                self.allow_any = True
            else:
                self.allowed_pids.add(pid)
        return allowed

    def bring_window_to_top(self, hwnd: int) -> None:
        self.calls.append(("top", hwnd))

    def attach_thread_input(self, thread: int, to_thread: int, attach: bool) -> bool:
        self.calls.append(("attach", thread, to_thread, attach))
        if not thread or not to_thread or thread == to_thread:
            return False
        if attach:
            self.attached.add((thread, to_thread))
        else:
            self.attached.discard((thread, to_thread))
        return True

    def current_thread_id(self) -> int:
        return self.own_thread

    # --- Win32Api: processes -------------------------------------------------------------
    def process_image_name(self, pid: int) -> str:
        # PROCESS_QUERY_LIMITED_INFORMATION is granted for elevated processes too; the token is not.
        process = self.processes.get(pid)
        return process.image if process else ""

    def process_elevated(self, pid: int) -> bool | None:
        process = self.processes.get(pid)
        if process is None or not process.token_readable:
            return None
        return process.high_integrity

    def current_process_elevated(self) -> bool:
        return self.self_high_integrity

    # --- Win32Api: keyboard --------------------------------------------------------------
    def send_input(self, events) -> int:
        window = self.windows.get(self.foreground)
        process = self.processes.get(window.pid) if window else None
        if process is not None and process.high_integrity and not self.self_high_integrity:
            self.dropped.append(list(events))  # UIPI: nothing arrives, and nothing says so
            return len(events)
        for event in events:
            self._deliver(window, event)
        return len(events)

    def _deliver(self, window: FakeWindow | None, event) -> None:
        target = window.target if window else None
        up = bool(event.flags & KEYEVENTF_KEYUP)
        if event.flags & KEYEVENTF_UNICODE:
            if not up and target is not None:
                target.insert(chr(event.scan))  # BMP only: enough for these tests
            return
        if up:
            self._held.discard(event.vk)
            return
        self._held.add(event.vk)
        if target is None:
            return
        ctrl = bool(self._held & {VK_CONTROL, VK_LCONTROL, VK_RCONTROL})
        if event.vk == VK_V and ctrl:
            target.paste()
        elif event.vk == VK_RETURN:
            target.enter()
        elif event.vk == VK_LEFT:
            target.left()

    def async_key_down(self, vk: int) -> bool:
        return False  # the agent's hands are off the keyboard in these tests

    def scan_code(self, vk: int) -> int:
        return {VK_CONTROL: 0x1D, VK_V: 0x2F, VK_RETURN: 0x1C, VK_LEFT: 0x4B}.get(vk, 0)
