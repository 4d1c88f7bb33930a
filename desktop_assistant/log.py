"""Logging to a rotating file in the data directory; Qt's own messages are routed into it."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.paths import Paths

# Printed before any translator is installed, so in Chinese; marked so the catalogue has it.
MSG_NO_LOG = QT_TRANSLATE_NOOP("Application", "无法写日志 {path}：{reason}")

LOG_FILENAME = "desktop_assistant.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def log_file(paths: Paths) -> Path:
    return paths.log_dir / LOG_FILENAME


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files are owner-only (0600) whatever the umask: they name buyers and orders."""

    def _open(self):  # type: ignore[override]
        handle = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0), 0o600)
        if os.name == "posix":
            try:
                os.chmod(self.baseFilename, 0o600)  # a file made by an older version
            except OSError:
                pass  # not ours to change
        return os.fdopen(handle, "a", encoding=self.encoding, errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        # A full disk must not print a logging traceback over the one line the agent gets.
        pass


def setup_logging(paths: Paths, *, debug: bool = False) -> Path:
    """Root logger -> rotating file (1 MB x 5); with --debug also stderr. Returns the log file.

    A log folder that cannot be written (read-only profile) costs the log, never the start.
    """
    paths.ensure()
    target = log_file(paths)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_desktop_assistant", False):
            root.removeHandler(handler)
            handler.close()
    handlers: list[logging.Handler] = []
    try:
        file_handler = PrivateRotatingFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        file_handler.setFormatter(logging.Formatter(_FORMAT))
        handlers.append(file_handler)
    except OSError as exc:
        if debug:
            print("desktop-assistant: " + MSG_NO_LOG.format(path=target, reason=exc.strerror), file=sys.stderr)
    if not handlers:
        # No log file and no --debug: keep the warnings off stderr (logging's last resort prints them),
        # where the one line the agent gets must stand alone.
        handlers.append(logging.NullHandler())
    if debug:
        stream = logging.StreamHandler(sys.stderr)
        stream.setFormatter(logging.Formatter(_FORMAT))
        handlers.append(stream)
    for handler in handlers:
        handler._desktop_assistant = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    return target


def setup_cli_logging(paths: Paths, *, debug: bool = False) -> None:
    if paths.temporary and not debug:
        return  # nothing to keep for a throw-away directory
    setup_logging(paths, debug=debug)
