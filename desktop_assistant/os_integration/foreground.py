"""The window that has focus, the process behind it, and giving focus back to it.

X11: EWMH `_NET_ACTIVE_WINDOW` when a window manager provides it, else XGetInputFocus walked up to the
top-level window; the PID from `_NET_WM_PID` or the X-Resource extension; the process name from
/proc; the title from `_NET_WM_NAME`/`WM_NAME`. Windows: GetForegroundWindow and friends, with the
token's elevation. `ForegroundTracker` remembers the last active window that is not ours, so a click in
the panel inserts into the IM window the agent was just in.
"""

from __future__ import annotations

import logging
import os
import sys
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop_assistant.os_integration.platform_errors import PlatformUnavailable
from desktop_assistant.os_integration.win32 import SW_RESTORE
from desktop_assistant.os_integration.x11 import X11Connection

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WindowRef:
    """A top-level window. `elevated`: runs as administrator (Windows); None when it cannot be told.
    `window_class`: X11 WM_CLASS class part, Windows GetClassNameW ("" when unknown)."""

    id: int
    pid: int = 0
    process: str = ""
    title: str = ""
    elevated: bool | None = False
    window_class: str = ""

    def same_window(self, other: WindowRef | None) -> bool:
        return other is not None and other.id == self.id


class Foreground(ABC):
    @abstractmethod
    def active(self) -> WindowRef | None:
        """The focused top-level window, or None when there is none (or it cannot be known)."""

    @abstractmethod
    def exists(self, ref: WindowRef) -> bool: ...

    @abstractmethod
    def activate(self, ref: WindowRef) -> bool:
        """Ask for focus to go to `ref`; True when the request was made (the caller polls active())."""

    def self_elevated(self) -> bool:
        return False

    def take_focus(self, window_id: int) -> bool:
        """Give the keyboard to one of our own top-level windows (the picker, the panel) when the OS
        would otherwise refuse; True once it has it. The base: nothing beyond Qt's activateWindow."""
        return False

    def windows(self) -> list[WindowRef]:
        """The top-level windows a person could switch to (`reader probe`); empty where not known."""
        return []


class FocusHandover:
    """What the picker and the panel are given: take the keyboard for one of our windows, and give it
    back to the chat window the agent was in (the tracker's last window of another program)."""

    def __init__(self, foreground: Foreground, tracker: ForegroundTracker | None = None) -> None:
        self._foreground = foreground
        self._tracker = tracker

    def take(self, window_id: int) -> bool:
        try:
            return self._foreground.take_focus(window_id)
        except PlatformUnavailable as exc:
            log.info("could not take the keyboard: %s", exc)
            return False

    def give_back(self) -> bool:
        target = self._tracker.last_external if self._tracker is not None else None
        try:
            return target is not None and self._foreground.exists(target) and self._foreground.activate(target)
        except PlatformUnavailable as exc:
            log.info("could not give the keyboard back: %s", exc)
            return False


class NoForeground(Foreground):
    """Platforms without an implementation (macOS for now): insert into whatever has focus."""

    def active(self) -> WindowRef | None:
        return None

    def exists(self, ref: WindowRef) -> bool:
        return True

    def activate(self, ref: WindowRef) -> bool:
        return False


# --- X11 ---------------------------------------------------------------------------------------
def process_name(pid: int, proc: Path = Path("/proc")) -> str:
    """The executable's name: /proc/PID/comm, or the exe/argv[0] name where comm is cut at 15 chars."""
    if pid <= 0:
        return ""
    try:
        comm = (proc / str(pid) / "comm").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    if len(comm) < 15:
        return comm
    for candidate in (
        lambda: os.readlink(proc / str(pid) / "exe"),
        lambda: (proc / str(pid) / "cmdline").read_bytes().split(b"\0")[0].decode("utf-8", "replace"),
    ):
        try:
            name = os.path.basename(candidate())
        except OSError:
            continue
        if name.startswith(comm):
            return name
    return comm


def _resource_id(value: Any) -> int:
    """python-xlib gives a window field as a Window object, but X.NONE (the root's parent) as the int 0."""
    if value is None:
        return 0
    return int(value) if isinstance(value, int) else int(value.id)


def _wm_class(window: Any) -> str:
    """The class part of WM_CLASS ("instance\0class\0"); the instance when there is no class part."""
    from Xlib import X, Xatom

    prop = window.get_full_property(Xatom.WM_CLASS, X.AnyPropertyType)
    if prop is None or not prop.value:
        return ""
    raw = prop.value
    text = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
    parts = [part for part in text.split("\0") if part]
    return parts[-1] if parts else ""


class X11Foreground(Foreground):
    def __init__(self, connection: X11Connection, proc: Path = Path("/proc")) -> None:
        self._x = connection
        self._proc = proc

    # The window manager is asked each time: it may start or stop while the panel runs.
    def _ewmh_active_supported(self) -> bool:
        from Xlib import X

        root = self._x.root
        check = root.get_full_property(self._x.atom("_NET_SUPPORTING_WM_CHECK"), X.AnyPropertyType)
        if not check or not check.value:
            return False
        supported = root.get_full_property(self._x.atom("_NET_SUPPORTED"), X.AnyPropertyType)
        return bool(supported) and self._x.atom("_NET_ACTIVE_WINDOW") in supported.value

    def active(self) -> WindowRef | None:
        from Xlib import X, error

        display = self._x.display
        try:
            if self._ewmh_active_supported():
                prop = self._x.root.get_full_property(self._x.atom("_NET_ACTIVE_WINDOW"), X.AnyPropertyType)
                if prop is not None and len(prop.value) and prop.value[0]:
                    return self.describe(int(prop.value[0]))
                return None
            focus = display.get_input_focus().focus
            if isinstance(focus, int) or focus is None:  # None (0) or PointerRoot (1)
                return None
            top = self._toplevel(focus.id)
            return self.describe(top) if top else None
        except error.XError as exc:  # a window vanished between two requests
            log.debug("active window query failed: %s", exc)
            return None

    def _toplevel(self, window_id: int) -> int:
        """The child of the root that contains `window_id`, then the client window inside any frame."""
        from Xlib import error

        display = self._x.display
        root_id = self._x.root.id
        current = window_id
        try:
            while True:
                parent = display.create_resource_object("window", current).query_tree().parent
                parent_id = _resource_id(parent)
                if parent_id in (0, root_id):
                    break
                current = parent_id
        except error.XError:
            return 0
        if current == root_id:
            return 0
        return self._client_of(current) or current

    def _client_of(self, window_id: int, depth: int = 0) -> int:
        """A reparenting window manager without EWMH: the client is the descendant carrying WM_STATE."""
        from Xlib import X, error

        wm_state = self._x.atom("WM_STATE")
        window = self._x.display.create_resource_object("window", window_id)
        try:
            if window.get_full_property(wm_state, X.AnyPropertyType) is not None:
                return window_id
            if depth >= 3:
                return 0
            for child in window.query_tree().children:
                found = self._client_of(child.id, depth + 1)
                if found:
                    return found
        except error.XError:
            return 0
        return 0

    def describe(self, window_id: int) -> WindowRef | None:
        from Xlib import X, error

        window = self._x.display.create_resource_object("window", window_id)
        try:
            title = ""
            name = window.get_full_property(self._x.atom("_NET_WM_NAME"), self._x.atom("UTF8_STRING"))
            if name is not None and name.value:
                raw = name.value
                title = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
            else:
                wm_name = window.get_full_property(X.XA_WM_NAME, X.AnyPropertyType)
                if wm_name is not None and wm_name.value:
                    raw = wm_name.value
                    title = raw.decode("latin-1") if isinstance(raw, bytes) else str(raw)
            pid = self._pid(window)
            window_class = _wm_class(window)
        except error.XError:
            return None
        return WindowRef(window_id, pid, process_name(pid, self._proc), title, False, window_class)

    def _pid(self, window: Any) -> int:
        from Xlib import X

        prop = window.get_full_property(self._x.atom("_NET_WM_PID"), X.AnyPropertyType)
        if prop is not None and len(prop.value):
            return int(prop.value[0])
        display = self._x.display
        if not display.has_extension("X-Resource"):
            return 0
        from Xlib.ext import res

        try:
            reply = display.res_query_client_ids([{"client": window.id, "mask": res.LocalClientPIDMask}])
        except Exception:  # an old server without XRes 1.2
            return 0
        for client in reply.ids:
            if client.spec.mask == res.LocalClientPIDMask and client.value:
                return int(client.value[0])
        return 0

    def windows(self) -> list[WindowRef]:
        """EWMH `_NET_CLIENT_LIST`, else the root's children (their clients inside any frame); windows
        that vanish meanwhile are left out."""
        from Xlib import X, error

        root = self._x.root
        try:
            clients = root.get_full_property(self._x.atom("_NET_CLIENT_LIST"), X.AnyPropertyType)
            if clients is not None and len(clients.value):
                ids = [int(wid) for wid in clients.value]
            else:
                ids = []
                for child in root.query_tree().children:
                    try:
                        if child.get_attributes().map_state == X.IsViewable:
                            ids.append(self._client_of(child.id) or child.id)
                    except error.XError:
                        continue
        except error.XError:
            return []
        return [ref for ref in map(self.describe, ids) if ref is not None]

    def exists(self, ref: WindowRef) -> bool:
        from Xlib import error

        try:
            self._x.display.create_resource_object("window", ref.id).get_attributes()
            return True
        except error.XError:
            return False

    def activate(self, ref: WindowRef) -> bool:
        from Xlib import X, error, protocol

        display = self._x.display
        window = display.create_resource_object("window", ref.id)
        try:
            if self._ewmh_active_supported():
                # Source indication 2 ("pager"): the agent asked for it, window managers comply.
                event = protocol.event.ClientMessage(
                    window=window,
                    client_type=self._x.atom("_NET_ACTIVE_WINDOW"),
                    data=(32, [2, X.CurrentTime, 0, 0, 0]),
                )
                self._x.root.send_event(event, event_mask=X.SubstructureRedirectMask | X.SubstructureNotifyMask)
            else:
                window.configure(stack_mode=X.Above)
                window.set_input_focus(X.RevertToParent, X.CurrentTime)
            display.sync()
            return True
        except error.XError as exc:
            log.info("could not focus window %#x: %s", ref.id, exc)
            return False

    def take_focus(self, window_id: int) -> bool:
        """Ask the window manager as a pager would (source 2): it complies where Qt's own request
        (source 1, an application) may be held back by focus-stealing prevention."""
        return self.activate(WindowRef(window_id))


# --- Windows -----------------------------------------------------------------------------------
class WindowsForeground(Foreground):
    """GetForegroundWindow, the owning process and its token; SetForegroundWindow to give focus back."""

    def __init__(self, api: Any) -> None:
        self._api = api
        self._self_elevated: bool | None = None

    def active(self) -> WindowRef | None:
        hwnd = self._api.foreground_window()
        return self.describe(hwnd) if hwnd else None

    def describe(self, hwnd: int) -> WindowRef:
        _thread, pid = self._api.window_thread_process(hwnd)
        path = self._api.process_image_name(pid) if pid else ""
        name = path.replace("/", "\\").rsplit("\\", 1)[-1]
        return WindowRef(
            hwnd,
            pid,
            name,
            self._api.window_title(hwnd),
            self._api.process_elevated(pid) if pid else None,
            self._api.window_class(hwnd),
        )

    def exists(self, ref: WindowRef) -> bool:
        return self._api.is_window(ref.id)

    def windows(self) -> list[WindowRef]:
        return [self.describe(hwnd) for hwnd in self._api.top_level_windows()]

    def self_elevated(self) -> bool:
        if self._self_elevated is None:
            self._self_elevated = self._api.current_process_elevated()
        return self._self_elevated

    def activate(self, ref: WindowRef) -> bool:
        """SetForegroundWindow, which Windows grants to the foreground process and to the process that
        received the last input event (a WM_HOTKEY, a click in our window). Without that right our input
        is attached to the foreground thread for the call; only then, since attaching resets both
        threads' key state (GetKeyState), which the chat window may be relying on."""
        api = self._api
        hwnd = ref.id
        if api.is_iconic(hwnd):
            api.show_window(hwnd, SW_RESTORE)
        if api.set_foreground_window(hwnd) and api.foreground_window() == hwnd:
            return True
        ours = api.current_thread_id()
        current = api.foreground_window()
        foreground_thread = api.window_thread_process(current)[0] if current else 0
        target_thread = api.window_thread_process(hwnd)[0]
        attached = [
            thread
            for thread in dict.fromkeys((foreground_thread, target_thread))
            if thread and thread != ours and api.attach_thread_input(ours, thread, True)
        ]
        try:
            api.bring_window_to_top(hwnd)
            done = api.set_foreground_window(hwnd)
        finally:
            for thread in attached:
                api.attach_thread_input(ours, thread, False)
        return done

    def take_focus(self, window_id: int) -> bool:
        """Our own window (int(widget.winId())) to the foreground, checked with GetForegroundWindow:
        QWidget.activateWindow alone only flashes the taskbar button when a low-level hook ate the
        hotkey press or the tray was clicked (we did not get the last input event)."""
        if self._api.foreground_window() == window_id:
            return True
        self.activate(WindowRef(window_id))
        return self._api.foreground_window() == window_id


def pick_foreground(platform: str = sys.platform, connection: X11Connection | None = None) -> Foreground:
    if platform == "win32":
        from desktop_assistant.os_integration.win32 import Win32Api

        return WindowsForeground(Win32Api())
    if platform.startswith("linux") and (connection is not None or os.environ.get("DISPLAY")):
        return X11Foreground(connection or X11Connection())
    return NoForeground()


class ForegroundTracker(QObject):
    """Polls the active window (cheap: a few X round trips or Win32 calls) and remembers the last
    one that belongs to another process. `changed(WindowRef | None)` when the active window changes."""

    changed = Signal(object)

    def __init__(
        self, foreground: Foreground, own_pid: int | None = None, interval_ms: int = 250, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._foreground = foreground
        self._own_pid = os.getpid() if own_pid is None else own_pid
        self.active: WindowRef | None = None
        self.last_external: WindowRef | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh)

    def start(self) -> None:
        self._timer.start()
        self.refresh()

    def stop(self) -> None:
        self._timer.stop()

    def is_own(self, ref: WindowRef | None) -> bool:
        return ref is not None and ref.pid == self._own_pid

    def refresh(self) -> WindowRef | None:
        try:
            current = self._foreground.active()
        except PlatformUnavailable as exc:
            log.info("foreground tracking stopped: %s", exc)
            self._timer.stop()
            return None
        if current is not None and not self.is_own(current):
            self.last_external = current
        if current != self.active:
            self.active = current
            self.changed.emit(current)
        return current
