"""Writing export files so that a crash never leaves half a file behind."""

from __future__ import annotations

import os
from pathlib import Path

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

MSG_NO_FOLDER = QT_TRANSLATE_NOOP("Messages", "目录不存在：{path}")
MSG_CANNOT_WRITE = QT_TRANSLATE_NOOP("Messages", "无法写入文件 {path}：{reason}")


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, fsync, then rename over it. Raises OSError.

    Normal permissions (umask), unlike the database: an export is meant to be shared.
    """
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def check_folder(path: Path, error: type[UserError]) -> None:
    if not path.parent.is_dir():
        raise error(MSG_NO_FOLDER, path=str(path.parent))


def write_export(path: Path, data: bytes, error: type[UserError]) -> None:
    """An export file, written atomically; a missing folder or a failed write is `error` for the agent."""
    check_folder(path, error)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise error(MSG_CANNOT_WRITE, path=str(path), reason=exc.strerror or type(exc).__name__) from None
