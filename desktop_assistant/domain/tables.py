"""Spreadsheets shared by every feature: exports as CSV that Excel reads (UTF-8 BOM, CRLF) and XLSX,
both with formulas neutralised (docs/cli.md) so a cell like `=HYPERLINK(...)` is shown, never run; and
the decoding of imported text files (UTF-8 or GB18030)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError

MSG_EMPTY_FILE = QT_TRANSLATE_NOOP("Messages", "文件是空的")
MSG_ENCODING = QT_TRANSLATE_NOOP("Messages", "无法识别文件编码：请另存为 UTF-8 或 GB18030/GBK 编码的 CSV")

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


# --- reading ---------------------------------------------------------------------------------------
class TextFileError(UserError):
    """A file that is not text we read: empty, UTF-16 or an unknown encoding. Nothing is imported."""


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 (BOM or not) first, then GB18030; anything else is an error."""
    if not data.strip():
        raise TextFileError(MSG_EMPTY_FILE)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: Excel's "Unicode text"
        raise TextFileError(MSG_ENCODING)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8-sig":
            encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        if "\x00" in text and encoding == "gb18030":
            break  # UTF-16 and binary files decode as GB18030 full of NULs
        return text, encoding
    raise TextFileError(MSG_ENCODING)
