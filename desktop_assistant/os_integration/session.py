"""Session lock/unlock, so the Windows keyboard hook can be recovered after Win+L (a watchdog).

Polls which desktop receives input: "Default" normally; the secure "Winlogon" desktop (or none we may
open) while locked or while a UAC prompt is up. No window or message loop of its own is needed, and
one call per second costs nothing. Connect `unlocked` to HotkeyService.recover.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)


def windows_session_locked(api: Any) -> bool:
    name = api.input_desktop_name()
    return name is None or name.lower() != "default"


class SessionWatcher(QObject):
    locked = Signal()
    unlocked = Signal()

    def __init__(self, is_locked: Callable[[], bool], interval_ms: int = 1000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._is_locked = is_locked
        self.is_locked = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def poll(self) -> None:
        try:
            now_locked = bool(self._is_locked())
        except Exception as exc:  # never let a failing check take the timer down
            log.debug("session lock check failed: %s", exc)
            return
        if now_locked == self.is_locked:
            return
        self.is_locked = now_locked
        log.info("session %s", "locked" if now_locked else "unlocked")
        (self.locked if now_locked else self.unlocked).emit()


def pick_session_watcher(platform: str = sys.platform, parent: QObject | None = None) -> SessionWatcher | None:
    """A watcher on Windows (where the hook needs recovering); None elsewhere (X grabs survive locking)."""
    if platform != "win32":
        return None
    from desktop_assistant.os_integration.win32 import Win32Api

    api = Win32Api()
    return SessionWatcher(lambda: windows_session_locked(api), parent=parent)
