"""Where the data lives: the user data directory, `--basedir DIR`, or a throw-away `--temp-basedir`."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop_assistant import APP_NAME

DB_FILENAME = "desktop_assistant.sqlite3"


@dataclass(frozen=True)
class Paths:
    data_dir: Path
    temporary: bool = False

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def quarantine_dir(self) -> Path:
        """Damaged database files are moved here, never deleted."""
        return self.data_dir / "corrupt"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def instance_key(self) -> str:
        """One running panel per data directory and user: the name of the local socket."""
        import hashlib  # here: storage imports it first, without OpenSSL (storage/sqlite_lib.py)

        digest = hashlib.sha256(str(self.data_dir.resolve()).encode("utf-8")).hexdigest()[:16]
        user = os.environ.get("USERNAME") or os.environ.get("USER") or "user"
        return f"{APP_NAME}-{user}-{digest}"

    def ensure(self) -> bool:
        """Create the folders owner-only (0700). A folder that exists keeps the mode its owner gave it,
        and one that cannot be made (read-only or immutable parent) is left to whoever needs it: the
        store opens read-only or names the cause. False when a folder could not be made."""
        complete = True
        for directory in (self.data_dir, self.backup_dir, self.log_dir):
            if directory.is_dir():
                continue
            try:
                directory.mkdir(mode=0o700, parents=True, exist_ok=True)
                if os.name == "posix":
                    os.chmod(directory, 0o700)  # mkdir's mode passes through the umask
            except OSError:
                complete = False
        return complete

    def cleanup(self) -> None:
        if self.temporary:
            shutil.rmtree(self.data_dir, ignore_errors=True)


def resolve_paths(basedir: str | None = None, temp_basedir: bool = False) -> Paths:
    if temp_basedir:
        return Paths(Path(tempfile.mkdtemp(prefix=f"{APP_NAME}-")), temporary=True)
    if basedir:
        return Paths(Path(basedir).expanduser().absolute())
    return Paths(Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)))
