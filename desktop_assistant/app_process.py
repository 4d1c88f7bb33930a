"""Process-level set-up for app.run(): Qt's messages into the log, uncaught exceptions logged (and shown
when someone is there), Ctrl+C and SIGTERM quitting cleanly. Tests build Application without these."""

from __future__ import annotations

import logging
import signal
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from desktop_assistant import APP_NAME
from desktop_assistant.storage.database import storage_error
from desktop_assistant.storage.errors import StorageError
from desktop_assistant.ui import dialogs

if TYPE_CHECKING:
    from desktop_assistant.app import Application

log = logging.getLogger("desktop_assistant.app")  # the same logger name as before the split

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def route_qt_messages() -> None:
    qt_log = logging.getLogger("qt")

    def handler(msg_type: QtMsgType, context: object, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(msg_type, logging.WARNING), message)

    qInstallMessageHandler(handler)


def install_exception_hooks(log_path: Path, show_dialog: bool, app: Application | None = None) -> None:
    def on_exception(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        failure = storage_error(value, app.paths.db_path) if app is not None else value
        if isinstance(failure, StorageError) and app is not None and app.store is not None:
            log.warning("write refused: %s", failure)  # read-only, disk full, busy: not a bug
            app.storage_failed(failure)
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        log.critical("uncaught exception:\n%s", details)
        if show_dialog and QApplication.instance() is not None:
            dialogs.show_error(None, f"{kind.__name__}: {value}", details, str(log_path))
        else:
            line = QCoreApplication.translate("Application", "内部错误 {kind}：{value}（日志：{log}）")
            print(f"{APP_NAME}: " + line.format(kind=kind.__name__, value=value, log=log_path), file=sys.stderr)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        # A hook thread must never take the app down silently; log it, the GUI carries on.
        log.critical(
            "uncaught exception in thread %s", args.thread, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
        )

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception


def quit_on_signals(app: Application) -> None:
    """Ctrl+C or a session logout (SIGTERM) quits cleanly: geometry saved, hooks released."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: app.quit())
    # Python runs signal handlers only between bytecodes: wake the interpreter now and then.
    wakeup = QTimer(app)  # parented: lives as long as the app
    wakeup.timeout.connect(lambda: None)
    wakeup.start(250)


def refuse_recovery(reason: str, *_: object, **__: object) -> dialogs.Recovery:
    line = QCoreApplication.translate("Application", "{reason}（没有询问，不做恢复）")
    print(f"{APP_NAME}: " + line.format(reason=reason), file=sys.stderr)
    return dialogs.Recovery.QUIT
