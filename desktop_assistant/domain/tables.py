"""Spreadsheet exports shared by every feature: CSV that Excel reads (UTF-8 BOM, CRLF) and XLSX,
both with formulas neutralised (DESIGN 5) so a cell like `=HYPERLINK(...)` is shown, never run."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

_FORMULA_START = re.compile(r"'*[=+\-@\t\r]")


def neutralise(cell: str) -> str:
    """What an export writes: a leading apostrophe stops spreadsheets running the cell as a formula."""
    return "'" + cell if _FORMULA_START.match(cell) else cell


def unneutralise(cell: str) -> str:
    """The inverse of neutralise, applied to CSV and XLSX cells on import."""
    return cell[1:] if cell.startswith("'") and _FORMULA_START.match(cell, 1) else cell


def _cells(row: Sequence[object]) -> list[str]:
    return [neutralise("" if value is None else str(value)) for value in row]


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 with BOM (Excel then reads Chinese right), CRLF between records, formulas neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(_cells(row) for row in rows)
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(
    title: str,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    widths: Sequence[int] = (),
    wrap_columns: Sequence[int] = (),
) -> bytes:
    """One sheet, bold frozen header; `wrap_columns` (0-based) wrap long text."""
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    book = openpyxl.Workbook()
    sheet = book.active
    assert isinstance(sheet, Worksheet)  # a new workbook's only sheet
    sheet.title = title
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in rows:
        # Control characters cannot be stored in xlsx at all; they have no business in our data either.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in _cells(row)])
        for column in wrap_columns:
            sheet.cell(row=sheet.max_row, column=column + 1).alignment = wrap
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
