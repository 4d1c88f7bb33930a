"""Blacklist files (docs/cli.md): CSV or XLSX in, merged all-or-nothing; CSV or XLSX out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from desktop_assistant.domain.buyers import (
    BLACKLIST_HEADER,
    BlacklistRow,
    BuyerError,
    blacklist_rows,
    parse_blacklist,
)
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.domain.notes import export_format
from desktop_assistant.domain.phrase_io import detect_format, table_rows
from desktop_assistant.domain.tables import csv_bytes, xlsx_bytes
from desktop_assistant.storage.buyer_store import BuyerStore
from desktop_assistant.storage.files import check_folder, write_export

MSG_CANNOT_READ = QT_TRANSLATE_NOOP("Messages", "无法读取 {path}：{reason}")


def read_blacklist_file(path: Path) -> list[BlacklistRow]:
    """Parsed rows; a UserError (BuyerError or PhraseImportError) names the line of the first problem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BuyerError(MSG_CANNOT_READ, path=str(path), reason=exc.strerror or type(exc).__name__) from None
    fmt = "xlsx" if detect_format(data, path.name) == "xlsx" else "csv"
    return parse_blacklist(table_rows(data, fmt))


def check_export_path(path: Path) -> str:
    """The export format (.csv or .xlsx) of a writable path, or a UserError."""
    fmt = export_format(path.name)
    check_folder(path, BuyerError)
    return fmt


class BlacklistFiles:
    """What the 买家 tab and the CLI do with blacklist files."""

    def __init__(self, buyers: BuyerStore, agent_id: Callable[[], str], now: Callable[[], dt.datetime]) -> None:
        self._buyers = buyers
        self._agent_id = agent_id
        self._now = now

    def import_file(self, path: Path, dry_run: bool = False) -> tuple[int, int]:
        """(added, already listed); nothing is written when any row is bad or a buyer is whitelisted."""
        rows = read_blacklist_file(path)
        return self._buyers.import_blacklist(rows, self._agent_id(), self._now(), dry_run=dry_run)

    def export_file(self, path: Path) -> int:
        fmt = check_export_path(path)
        rows = blacklist_rows(self._buyers.list_entries("black"))
        data = (
            csv_bytes(BLACKLIST_HEADER, rows)
            if fmt == "csv"
            else xlsx_bytes("黑名单", BLACKLIST_HEADER, rows, widths=(24, 40, 12, 20))
        )
        write_export(path, data, BuyerError)
        return len(rows)
