"""One panel per data directory: a second launch hands over to the first through QLocalServer."""

from __future__ import annotations

import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from desktop_assistant.os_integration.platform_errors import PlatformUnavailable

log = logging.getLogger(__name__)

SHOW = "show"
QUIT_FOR_RESTORE = "quit-for-restore"  # `db restore --close-panel`: let go of the database file


def hand_over_foreground(platform: str = sys.platform, api: Any = None) -> bool:
    """Windows: a second launch was started by the agent, so it may set the foreground window; it lets the
    running panel do so (AllowSetForegroundWindow(ASFW_ANY): any process, until the agent's next input),
    or the panel's window would only flash in the taskbar."""
    if platform != "win32":
        return False
    from desktop_assistant.os_integration.win32 import ASFW_ANY

    try:
        if api is None:
            from desktop_assistant.os_integration.win32 import Win32Api

            api = Win32Api()
        return api.allow_set_foreground_window(ASFW_ANY)
    except PlatformUnavailable as exc:
        log.info("could not hand the foreground over: %s", exc)
        return False


class SingleInstance(QObject):
    """`claim()` returns True for the first process; later ones send SHOW to it instead."""

    message_received = Signal(str)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._key = key
        self._server: QLocalServer | None = None

    def notify_running(self, message: str = SHOW, timeout_ms: int = 1000) -> bool:
        """Deliver `message` to a running instance; False when none answers."""
        socket = QLocalSocket()
        socket.connectToServer(self._key)
        if not socket.waitForConnected(timeout_ms):
            return False
        hand_over_foreground()
        socket.write((message + "\n").encode("utf-8"))
        socket.flush()
        # Wait for the first instance to read and close: a lost message would look like a dead launch.
        delivered = socket.waitForBytesWritten(timeout_ms)
        if socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            socket.waitForDisconnected(timeout_ms)
        return delivered or socket.bytesToWrite() == 0

    def is_running(self, timeout_ms: int = 500) -> bool:
        """Whether a panel listens on this key; it is told nothing."""
        socket = QLocalSocket()
        socket.connectToServer(self._key)
        running = socket.waitForConnected(timeout_ms)
        socket.abort()
        return running

    def claim(self) -> bool:
        if self.notify_running():
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self._key):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                log.warning("single-instance server failed: %s", server.errorString())
                return True  # better a second panel than none
            # Either another launch won the race, or a crashed one left its socket file behind.
            if self.notify_running():
                return False
            QLocalServer.removeServer(self._key)
            if not server.listen(self._key):
                log.warning("single-instance server failed: %s", server.errorString())
                return True
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def close(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        while socket.canReadLine():
            message = bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
            if message:
                self.message_received.emit(message)
        socket.disconnectFromServer()
