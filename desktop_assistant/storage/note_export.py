"""`notes export`: every version of every note to CSV or XLSX, formulas neutralised."""

from __future__ import annotations

from pathlib import Path

from desktop_assistant.domain.notes import EXPORT_HEADER, NoteError, export_format, export_row
from desktop_assistant.domain.tables import csv_bytes, xlsx_bytes
from desktop_assistant.storage.files import write_export
from desktop_assistant.storage.note_store import NoteStore


def export_notes(notes: NoteStore, path: Path, fmt: str | None = None) -> int:
    """Write the whole history to `path`; return how many versions were written."""
    fmt = export_format(path.name, fmt)
    rows = [export_row(version) for version in notes.export_rows()]
    if fmt == "csv":
        data = csv_bytes(EXPORT_HEADER, rows)
    else:
        data = xlsx_bytes("备注", EXPORT_HEADER, rows, widths=(22, 14, 6, 6, 60, 24, 10, 20), wrap_columns=(4,))
    write_export(path, data, NoteError)
    return len(rows)
