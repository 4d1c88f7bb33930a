"""Logging to a rotating file in the data directory; Qt's own messages are routed into it."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from desktop_assistant.paths import Paths

LOG_FILENAME = "desktop_assistant.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def log_file(paths: Paths) -> Path:
    return paths.log_dir / LOG_FILENAME


def setup_logging(paths: Paths, *, debug: bool = False) -> Path:
    """Root logger -> rotating file (1 MB x 5); with --debug also stderr. Returns the log file."""
    paths.ensure()
    target = log_file(paths)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_desktop_assistant", False):
            root.removeHandler(handler)
            handler.close()
    file_handler = logging.handlers.RotatingFileHandler(target, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    file_handler.setFormatter(logging.Formatter(_FORMAT))
    handlers: list[logging.Handler] = [file_handler]
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
