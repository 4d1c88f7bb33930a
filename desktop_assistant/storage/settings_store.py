"""Settings and UI state as key/JSON rows; the schema and its validation live in the domain."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop_assistant.domain.settings import DEFAULTS, REPLACED_DEFAULTS, SettingError, spec_for, validate_change
from desktop_assistant.storage.errors import classify
from desktop_assistant.storage.sqlite_lib import sqlite_utils

log = logging.getLogger(__name__)


class SettingsStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def add_missing_defaults(self) -> None:
        """New keys after an upgrade get their default; values the agent set are left alone."""
        with self._db.atomic():
            self._db.conn.executemany(
                "INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)",
                [(key, json.dumps(value, ensure_ascii=False)) for key, value in DEFAULTS.items()],
            )
            self._db.conn.executemany(  # a default that shipped wrong, never edited: today's default
                "UPDATE settings SET value = ? WHERE key = ? AND value = ?",
                [
                    (json.dumps(DEFAULTS[key], ensure_ascii=False), key, json.dumps(old, ensure_ascii=False))
                    for key, olds in REPLACED_DEFAULTS.items()
                    for old in olds
                ],
            )

    def get(self, key: str) -> Any:
        spec = spec_for(key)
        row = self._db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        if row is None:
            return spec.default
        try:
            return spec.parse(json.loads(row[0]))
        except (ValueError, SettingError):
            log.warning("setting %s holds an invalid value %r; using the default", key, row[0])
            return spec.default

    def all(self) -> dict[str, Any]:
        return {key: self.get(key) for key in DEFAULTS}

    def set(self, key: str, raw: Any) -> Any:
        return self.set_many({key: raw})[key]

    def set_many(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        """Validate every change against the others first; then write them in one transaction."""
        merged = self.all()
        typed: dict[str, Any] = {}
        for key, raw in changes.items():
            merged[key] = typed[key] = spec_for(key).parse(raw)
        for key, value in typed.items():
            validate_change(key, value, merged)
        with self._db.atomic():
            self._db.conn.executemany(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                [(key, json.dumps(value, ensure_ascii=False)) for key, value in typed.items()],
            )
        return typed


class AppStateStore:
    """Things the app remembers that are not preferences: window geometry, last backup day."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def get(self, key: str, default: Any = None) -> Any:
        row = self._db.execute("SELECT value FROM app_state WHERE key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        try:
            with self._db.atomic():
                self._db.execute(
                    "INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)",
                    [key, json.dumps(value, ensure_ascii=False)],
                )
        except sqlite3.Error as exc:
            # Window geometry and the like are not the agent's data: a read-only database or a full
            # disk costs them, and must not turn quitting the panel into an error.
            if classify(exc, Path(".")) is None:
                raise
            log.warning("could not remember %s: %s", key, exc)
