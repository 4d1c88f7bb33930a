"""Phrase files (docs/cli.md): reading CSV / XLSX / Beeftext CSV / our JSON into drafts, and writing exports.

Pure Python on bytes: the caller reads and writes the files. Every problem is a PhraseImportError whose
one-line Chinese message names the line (CSV, XLSX) or item (JSON) and the reason; the template is
marked for lupdate so the UI shows it in the agent's language.

- CSV: header row, columns by name (English or Chinese, any order, case-insensitive); UTF-8 with or
  without BOM, else GB18030 (a superset of GBK). Beeftext CSV: `keyword,snippet[,name]`, no header.
- XLSX: the first worksheet, same columns as CSV.
- JSON: {"format": "desktop_assistant.phrases", "version": 1, "groups": [...], "phrases": [...]}.
- Exports neutralise spreadsheet formulas in CSV and XLSX: a cell starting with = + - @ tab or CR
  gets a leading apostrophe, which the importer takes off again, so files round-trip.
"""

from __future__ import annotations

import csv
import datetime as dt
import enum
import io
import json
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP, UserError
from desktop_assistant.domain.phrase_codes import (
    MSG_CODE_DROPPED,
    MSG_CODE_MAPPED,
    CodeMapping,
    looks_like_keyword,
    map_codes,
)
from desktop_assistant.domain.phrase_formats import EXPORT_FORMATS, IMPORT_FORMATS
from desktop_assistant.domain.phrases import Phrase, PhraseError, validated
from desktop_assistant.domain.tables import (
    MSG_EMPTY_FILE,
    TextFileError,
    csv_bytes,
    decode_text,
    neutralise,
    unneutralise,
    xlsx_bytes,
)

JSON_FORMAT = "desktop_assistant.phrases"
JSON_VERSION = 1
FIELDS = ("group", "code", "title", "text", "hotkey")
HEADERS_ZH = {"group": "分组", "code": "快捷编码", "title": "标题", "text": "短语内容", "hotkey": "快捷键"}
# Header names we recognise (compared after trimming, BOM removal, NFKC and case folding).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "group": ("group", "分组", "分组名称", "分类"),
    "code": ("code", "快捷编码", "编码", "快捷码"),
    "title": ("title", "标题", "名称"),
    "text": ("text", "短语内容", "内容", "短语", "快捷短语"),
    "hotkey": ("hotkey", "快捷键"),
}
MAX_USE_COUNT = 2**62  # fits SQLite's 64-bit integer with room to count on
_SHOWN_CHARS = 40

# A cell a spreadsheet would run as a formula; with our apostrophe in front, or a text that already
# starts with apostrophes before such a character (so the apostrophe we strip on import is always ours).

# --- messages (Chinese source, English in tools/update_translations.py) ---------------------------
MSG_AT = QT_TRANSLATE_NOOP("Messages", "{where}：{reason}")
MSG_LINE = QT_TRANSLATE_NOOP("Messages", "第 {line} 行")
MSG_ITEM = QT_TRANSLATE_NOOP("Messages", "第 {line} 条短语")
MSG_CSV_BROKEN = QT_TRANSLATE_NOOP("Messages", "CSV 格式错误：{reason}")
MSG_CSV_QUOTES = QT_TRANSLATE_NOOP("Messages", "CSV 格式错误：引号没有成对，含逗号或换行的单元格要用英文双引号括起来")
MSG_CSV_CELL_TOO_LONG = QT_TRANSLATE_NOOP("Messages", "CSV 格式错误：单元格太长")
MSG_NO_TEXT_COLUMN = QT_TRANSLATE_NOOP("Messages", "找不到短语内容列（表头应有 text 或 短语内容），表头是：{header}")
MSG_DUPLICATE_COLUMN = QT_TRANSLATE_NOOP("Messages", "表头重复：{name}")
MSG_COLUMN_COUNT = QT_TRANSLATE_NOOP("Messages", "应有 {expected} 列，这一行有 {actual} 列")
MSG_BEEFTEXT_COLUMNS = QT_TRANSLATE_NOOP(
    "Messages", "Beeftext 文件每行应为 关键词,内容[,名称]（2 或 3 列），这一行有 {actual} 列"
)
MSG_XLSX_BROKEN = QT_TRANSLATE_NOOP("Messages", "不是有效的 xlsx 文件")
MSG_XLS_UNSUPPORTED = QT_TRANSLATE_NOOP("Messages", "不支持旧版 .xls 文件：请在 Excel 里另存为 .xlsx 或 CSV")
MSG_XLSX_NO_SHEET = QT_TRANSLATE_NOOP("Messages", "xlsx 文件里没有工作表")
MSG_JSON_BROKEN = QT_TRANSLATE_NOOP("Messages", "JSON 格式错误（第 {line} 行）：{reason}")
MSG_JSON_ENCODING = QT_TRANSLATE_NOOP("Messages", "JSON 文件必须是 UTF-8 编码")
MSG_JSON_NOT_OURS = QT_TRANSLATE_NOOP("Messages", "不是客服助手导出的短语 JSON（format 应为 {format}）")
MSG_JSON_NEWER = QT_TRANSLATE_NOOP("Messages", "短语 JSON 版本 {version} 来自更新的客服助手，请先升级")
MSG_JSON_FIELD = QT_TRANSLATE_NOOP("Messages", "字段 {field} 应为{kind}")
MSG_KIND_TEXT = QT_TRANSLATE_NOOP("Messages", "文本")
MSG_KIND_TEXT_LIST = QT_TRANSLATE_NOOP("Messages", "文本列表")
MSG_KIND_LIST = QT_TRANSLATE_NOOP("Messages", "列表")
MSG_KIND_OBJECT = QT_TRANSLATE_NOOP("Messages", "对象")
MSG_KIND_COUNT = QT_TRANSLATE_NOOP("Messages", "非负整数")
MSG_KIND_TIME = QT_TRANSLATE_NOOP("Messages", "时间 (YYYY-MM-DDTHH:MM:SS) 或 null")
MSG_BAD_CHARS = QT_TRANSLATE_NOOP("Messages", "字段 {field} 含有无效字符")
MSG_UNKNOWN_FORMAT = QT_TRANSLATE_NOOP("Messages", "未知的文件格式：{format}")


class PhraseImportError(UserError):
    """A file that cannot be imported as a whole. `line` is the line, row or item at fault, if any."""

    def __init__(self, template: str, *, line: int | None = None, **fields: Any) -> None:
        if line is not None:
            fields.setdefault("line", line)
        super().__init__(template, **fields)
        self.line = line


class ImportText(UserError):
    """A translatable piece of text that is shown (a location, a report line), never raised."""

    def __init__(self, template: str, **fields: Any) -> None:
        # Formatted when shown, not when made: an import makes one per row (50,000), and shows ten.
        self.template = template
        self.fields = fields

    def __str__(self) -> str:
        return self.template.format(**self.fields)


def at_line(line: int) -> ImportText:
    return ImportText(MSG_LINE, line=line)


def at_item(index: int) -> ImportText:
    return ImportText(MSG_ITEM, line=index)


def _error_at(where: ImportText, reason: UserError) -> PhraseImportError:
    return PhraseImportError(MSG_AT, line=where.fields["line"], where=where, reason=reason)


def _shown(text: str) -> str:
    """A value from the file on one short line."""
    text = " ".join(text.split())
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "…"


# --- results ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Draft:
    """One phrase from the file, already validated (domain.phrases.validated), and where it came from."""

    phrase: Phrase
    line: int  # CSV: first physical line of the record; XLSX: row; JSON: 1-based index in "phrases"
    where: ImportText


@dataclass(frozen=True)
class ParsedImport:
    format: str  # csv | xlsx | beeftext | json
    drafts: tuple[Draft, ...]
    # Group names in the order the file gives them (JSON "groups" first, then any others as they appear).
    groups: tuple[str, ...]
    # Groups the file lists explicitly (JSON): created even if no phrase of theirs is imported.
    declared_groups: tuple[str, ...] = ()
    # Which phrase fields the file provides: a replace leaves the others of the existing phrase alone.
    fields: frozenset[str] = frozenset(FIELDS)
    encoding: str = ""  # CSV only: utf-8, utf-8-sig or gb18030
    ignored_columns: tuple[str, ...] = ()
    # Beeftext keywords that are not valid codes (/thx, #hi): the code each was imported under.
    code_mappings: tuple[CodeMapping, ...] = ()


# --- format detection ------------------------------------------------------------------------------
def format_for_name(filename: str) -> str | None:
    """`xlsx`, `json` or `csv` from the file extension; None when the extension says nothing."""
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return {"xlsx": "xlsx", "xlsm": "xlsx", "json": "json", "csv": "csv", "txt": "csv"}.get(suffix)


def detect_format(data: bytes, filename: str = "") -> str:
    """The import format for `--format auto`: by extension, then by content; a .csv is ours or Beeftext."""
    if filename.lower().endswith(".xls"):
        raise PhraseImportError(MSG_XLS_UNSUPPORTED)
    by_name = format_for_name(filename)
    if by_name in ("xlsx", "json"):
        return by_name
    if by_name is None:
        if data.startswith(b"PK\x03\x04"):
            return "xlsx"
        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
            return "json"
    text, _ = _decode(data)
    for _, row in _csv_records(text):
        if not any(cell.strip() for cell in row):
            continue
        if _recognised(row):
            return "csv"
        return "beeftext" if 2 <= len(row) <= 3 and looks_like_keyword(row[0]) else "csv"
    return "csv"


def parse_phrases(data: bytes, fmt: str = "auto", filename: str = "") -> ParsedImport:
    """Parse a whole file; raise PhraseImportError naming the first bad line and why."""
    if fmt == "auto":
        fmt = detect_format(data, filename)
    parsers = {"csv": parse_csv, "beeftext": parse_beeftext, "json": parse_json, "xlsx": parse_xlsx}
    if fmt not in parsers:
        raise PhraseImportError(MSG_UNKNOWN_FORMAT, format=_shown(fmt))
    return parsers[fmt](data)


# --- CSV -------------------------------------------------------------------------------------------
def _decode(data: bytes) -> tuple[str, str]:
    """decode_text, its error as the importer's (the UI and CLI catch PhraseImportError)."""
    try:
        return decode_text(data)
    except TextFileError as exc:
        raise PhraseImportError(exc.template, **exc.fields) from None


def _csv_records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, cells) for each CSV record; quoted cells may span lines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    end = 0
    try:
        for row in reader:
            yield end + 1, row
            end = reader.line_num
    except csv.Error as exc:
        message = str(exc)
        if "unexpected end of data" in message or "expected after" in message:
            reason = ImportText(MSG_CSV_QUOTES)
        elif "field limit" in message:
            reason = ImportText(MSG_CSV_CELL_TOO_LONG)
        else:
            reason = ImportText(MSG_CSV_BROKEN, reason=_shown(message))
        raise _error_at(at_line(end + 1), reason) from None


def _header_key(cell: str) -> str:
    return unicodedata.normalize("NFKC", cell.replace("\ufeff", "")).strip().casefold()


_ALIAS_TO_FIELD = {alias.casefold(): name for name, aliases in HEADER_ALIASES.items() for alias in aliases}


def _recognised(row: Sequence[str]) -> bool:
    return any(_header_key(cell) in _ALIAS_TO_FIELD for cell in row)


def _columns(header: Sequence[str], where: ImportText) -> tuple[dict[str, int], tuple[str, ...]]:
    columns: dict[str, int] = {}
    ignored: list[str] = []
    for index, cell in enumerate(header):
        key = _header_key(cell)
        name = _ALIAS_TO_FIELD.get(key)
        if name is None:
            if key:
                ignored.append(_shown(cell.replace("\ufeff", "")))
            continue
        if name in columns:
            raise _error_at(where, ImportText(MSG_DUPLICATE_COLUMN, name=_shown(cell.replace("\ufeff", ""))))
        columns[name] = index
    if "text" not in columns:
        shown = _shown(",".join(cell.replace("\ufeff", "") for cell in header))
        raise _error_at(where, ImportText(MSG_NO_TEXT_COLUMN, header=shown))
    return columns, tuple(ignored)


def _draft(values: dict[str, str], line: int, where: ImportText, **extra: Any) -> Draft:
    phrase = Phrase(
        text=values.get("text", ""),
        group=values.get("group", ""),
        title=values.get("title", ""),
        code=values.get("code", ""),
        hotkey=values.get("hotkey", ""),
        **extra,
    )
    try:
        return Draft(validated(phrase), line, where)
    except PhraseError as exc:
        raise _error_at(where, exc) from None


def _groups_of(drafts: Iterable[Draft], first: Iterable[str] = ()) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*first, *(d.phrase.group for d in drafts)]))


def _table(rows: Iterable[tuple[int, list[str]]], fmt: str, *, pad_short_rows: bool) -> ParsedImport:
    """Header row, then data rows: CSV and XLSX alike."""
    columns: dict[str, int] | None = None
    ignored: tuple[str, ...] = ()
    width = 0
    drafts: list[Draft] = []
    for line, row in rows:
        if not "".join(row).strip():
            continue  # blank lines and rows of empty cells
        where = at_line(line)
        if columns is None:
            columns, ignored = _columns(row, where)
            # A spreadsheet pads every row to the widest one: only header cells with a name count there.
            width = max(i for i, cell in enumerate(row) if cell.strip()) + 1 if pad_short_rows else len(row)
            continue
        if len(row) > width and not any(cell.strip() for cell in row[width:]):
            row = row[:width]  # trailing separators
        if len(row) < width and pad_short_rows:
            row = row + [""] * (width - len(row))
        if len(row) != width:
            raise _error_at(where, ImportText(MSG_COLUMN_COUNT, expected=width, actual=len(row)))
        values = {name: row[index] for name, index in columns.items()}
        if "'" in "".join(values.values()):  # only then can a cell carry an export's formula guard
            values = {name: unneutralise(value) for name, value in values.items()}
        drafts.append(_draft(values, line, where))
    if columns is None:
        raise PhraseImportError(MSG_EMPTY_FILE)
    return ParsedImport(fmt, tuple(drafts), _groups_of(drafts), fields=frozenset(columns), ignored_columns=ignored)


def parse_csv(data: bytes) -> ParsedImport:
    text, encoding = _decode(data)
    return replace(_table(_csv_records(text), "csv", pad_short_rows=False), encoding=encoding)


def parse_beeftext(data: bytes) -> ParsedImport:
    """Beeftext's CSV: keyword, snippet and an optional name; no header."""
    text, encoding = _decode(data)
    rows: list[tuple[int, list[str]]] = []
    for line, row in _csv_records(text):
        if not any(cell.strip() for cell in row):
            continue
        if not 2 <= len(row) <= 3:
            raise _error_at(at_line(line), ImportText(MSG_BEEFTEXT_COLUMNS, actual=len(row)))
        rows.append((line, row))
    # Beeftext allows any keyword (/thx, #hi, ::bye); ours are codes: map, and say so in the report.
    codes, mappings = map_codes((line, row[0]) for line, row in rows)
    drafts: list[Draft] = []
    for line, row in rows:
        values = {"code": codes.get(line, row[0]), "text": row[1], "title": row[2] if len(row) == 3 else ""}
        drafts.append(_draft(values, line, at_line(line)))
    has_names = any(len(row) == 3 for _, row in rows)
    fields = {"code", "text", "title"} if has_names else {"code", "text"}
    return ParsedImport(
        "beeftext",
        tuple(drafts),
        _groups_of(drafts),
        fields=frozenset(fields),
        encoding=encoding,
        code_mappings=tuple(mappings),
    )


# --- XLSX ------------------------------------------------------------------------------------------
def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a code typed as a number: 1.0 -> "1"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    return str(value)


def _xlsx_rows(data: bytes) -> list[tuple[int, list[str]]]:
    import zipfile

    import openpyxl

    if not data.strip():
        raise PhraseImportError(MSG_EMPTY_FILE)
    # openpyxl raises whatever the damaged part causes, on opening and on reading rows
    damaged = (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        TypeError,
        OSError,
        EOFError,
        IndexError,
        AttributeError,
        SyntaxError,
    )
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except damaged as exc:
        raise PhraseImportError(MSG_XLSX_BROKEN) from exc
    try:
        if not book.worksheets:
            raise PhraseImportError(MSG_XLSX_NO_SHEET)
        sheet = book.worksheets[0]
        return [
            (number, [_cell_text(v) for v in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    except PhraseImportError:
        raise
    except damaged as exc:
        raise PhraseImportError(MSG_XLSX_BROKEN) from exc
    finally:
        book.close()


def parse_xlsx(data: bytes) -> ParsedImport:
    return _table(_xlsx_rows(data), "xlsx", pad_short_rows=True)


# --- unknown headers: the agent maps the columns ---------------------------------------------------
def table_rows(data: bytes, fmt: str) -> list[tuple[int, list[str]]]:
    """The raw (line, cells) of a CSV or XLSX file, blank rows left out: for the column-mapping step."""
    if fmt == "xlsx":
        rows = _xlsx_rows(data)
    else:
        rows = list(_csv_records(_decode(data)[0]))
    return [(line, row) for line, row in rows if any(cell.strip() for cell in row)]


def parse_mapped(data: bytes, fmt: str, mapping: Sequence[str | None], *, first_row_is_header: bool) -> ParsedImport:
    """Parse a CSV/XLSX whose columns the agent assigned: mapping[i] is a field of FIELDS or None (ignore)."""
    rows = table_rows(data, fmt)
    if first_row_is_header and rows:
        rows = rows[1:]
    header = [name or "" for name in mapping]
    if fmt != "xlsx":  # the agent's mapping covers the widest row; CSV rows must still agree
        width = len(header)
        rows = [(line, row + [""] * (width - len(row)) if len(row) < width else row) for line, row in rows]
    parsed = _table([(0, header), *rows], fmt, pad_short_rows=fmt == "xlsx")
    if fmt != "xlsx":
        parsed = replace(parsed, encoding=_decode(data)[1])
    return parsed


# --- JSON ------------------------------------------------------------------------------------------
def _field_error(where: ImportText | None, name: str, kind: str) -> PhraseImportError:
    reason = ImportText(MSG_JSON_FIELD, field=name, kind=ImportText(kind))
    return _error_at(where, reason) if where else PhraseImportError(MSG_JSON_FIELD, field=name, kind=ImportText(kind))


def _text_field(item: dict[str, Any], name: str, where: ImportText) -> str:
    value = item.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise _field_error(where, name, MSG_KIND_TEXT)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape
        raise _error_at(where, ImportText(MSG_BAD_CHARS, field=name)) from None
    return value


def parse_json(data: bytes) -> ParsedImport:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PhraseImportError(MSG_JSON_ENCODING) from None
    if not text.strip():
        raise PhraseImportError(MSG_EMPTY_FILE)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PhraseImportError(MSG_JSON_BROKEN, line=exc.lineno, reason=exc.msg) from None
    except (ValueError, RecursionError) as exc:  # numbers too long, nesting too deep
        raise PhraseImportError(MSG_JSON_BROKEN, line=1, reason=_shown(str(exc) or type(exc).__name__)) from None
    if not isinstance(document, dict) or document.get("format") != JSON_FORMAT:
        raise PhraseImportError(MSG_JSON_NOT_OURS, format=JSON_FORMAT)
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _field_error(None, "version", MSG_KIND_COUNT)
    if version > JSON_VERSION:
        raise PhraseImportError(MSG_JSON_NEWER, version=version)
    raw_groups = document.get("groups", [])
    if not isinstance(raw_groups, list) or not all(isinstance(g, str) for g in raw_groups):
        raise _field_error(None, "groups", MSG_KIND_TEXT_LIST)
    groups: list[str] = []
    for index, name in enumerate(raw_groups, start=1):
        try:
            name.encode("utf-8")
            groups.append(validated(Phrase(text="-", group=name)).group)
        except UnicodeEncodeError:
            raise PhraseImportError(MSG_BAD_CHARS, field=f"groups[{index}]") from None
        except PhraseError as exc:
            raise PhraseImportError(MSG_AT, where=f"groups[{index}]", reason=exc) from None
    items = document.get("phrases", [])
    if not isinstance(items, list):
        raise _field_error(None, "phrases", MSG_KIND_LIST)
    drafts = [_json_draft(item, index) for index, item in enumerate(items, start=1)]
    return ParsedImport("json", tuple(drafts), _groups_of(drafts, groups), declared_groups=tuple(dict.fromkeys(groups)))


def _json_draft(item: Any, index: int) -> Draft:
    where = at_item(index)
    if not isinstance(item, dict):
        raise _error_at(where, ImportText(MSG_JSON_FIELD, field="phrases", kind=ImportText(MSG_KIND_OBJECT)))
    values = {name: _text_field(item, name, where) for name in FIELDS}
    use_count = item.get("use_count", 0)
    if use_count is None:
        use_count = 0
    if not isinstance(use_count, int) or isinstance(use_count, bool) or not 0 <= use_count <= MAX_USE_COUNT:
        raise _field_error(where, "use_count", MSG_KIND_COUNT)
    last_used = item.get("last_used")
    when: dt.datetime | None = None
    if last_used is not None:
        if not isinstance(last_used, str):
            raise _field_error(where, "last_used", MSG_KIND_TIME)
        try:
            when = dt.datetime.fromisoformat(last_used).replace(microsecond=0)
        except ValueError:
            raise _field_error(where, "last_used", MSG_KIND_TIME) from None
    return _draft(values, index, where, use_count=use_count, last_used=when)


# --- exports ---------------------------------------------------------------------------------------
def _header(english: bool) -> list[str]:
    return list(FIELDS) if english else [HEADERS_ZH[name] for name in FIELDS]


def _row(phrase: Phrase) -> list[str]:
    return [getattr(phrase, name) for name in FIELDS]


def export_csv(phrases: Iterable[Phrase], *, english_header: bool = False) -> bytes:
    return csv_bytes(_header(english_header), (_row(phrase) for phrase in phrases))


def export_xlsx(phrases: Iterable[Phrase], *, english_header: bool = False) -> bytes:
    return xlsx_bytes(
        "短语" if not english_header else "phrases",
        _header(english_header),
        (_row(phrase) for phrase in phrases),
        widths=(12, 12, 20, 60, 14),
        wrap_columns=(FIELDS.index("text"),),
    )


def phrase_to_json(phrase: Phrase) -> dict[str, Any]:
    return {
        "group": phrase.group,
        "code": phrase.code,
        "title": phrase.title,
        "text": phrase.text,
        "hotkey": phrase.hotkey,
        "use_count": phrase.use_count,
        "last_used": phrase.last_used.isoformat(timespec="seconds") if phrase.last_used else None,
    }


def export_json(phrases: Iterable[Phrase], groups: Sequence[str]) -> bytes:
    """Our own format: everything needed to rebuild the library, group order included."""
    phrases = list(phrases)
    names = list(dict.fromkeys([*groups, *(p.group for p in phrases)]))
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "groups": names,
        "phrases": [phrase_to_json(p) for p in phrases],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def export_phrases(phrases: Iterable[Phrase], groups: Sequence[str], fmt: str) -> bytes:
    if fmt == "csv":
        return export_csv(phrases)
    if fmt == "xlsx":
        return export_xlsx(phrases)
    if fmt == "json":
        return export_json(phrases, groups)
    raise PhraseImportError(MSG_UNKNOWN_FORMAT, format=_shown(fmt))


# --- applying an import: the policy and the report (storage.phrase_import computes it) -------------
class ConflictPolicy(str, enum.Enum):
    SKIP = "skip"
    REPLACE = "replace"
    KEEP_BOTH = "keep-both"


class Action(str, enum.Enum):
    ADDED = "added"
    REPLACED = "replaced"
    SKIPPED = "skipped"
    RENAMED = "renamed"  # keep-both: added with a new code


MSG_SUMMARY = QT_TRANSLATE_NOOP(
    "Messages", "新增 {added} 条，替换 {replaced} 条，跳过 {skipped} 条，改编码后新增 {renamed} 条"
)
MSG_SUMMARY_DRY = QT_TRANSLATE_NOOP("Messages", "试运行，未写入：{summary}")
MSG_HOTKEYS_DROPPED = QT_TRANSLATE_NOOP("Messages", "{count} 条短语的快捷键已被占用，导入时未设置快捷键")
MSG_GROUPS_ADDED = QT_TRANSLATE_NOOP("Messages", "新建分组：{groups}")
MSG_IGNORED_COLUMNS = QT_TRANSLATE_NOOP("Messages", "忽略未知列：{columns}")
MSG_ITEM_ADDED = QT_TRANSLATE_NOOP("Messages", "{where}：新增「{name}」")
MSG_ITEM_REPLACED = QT_TRANSLATE_NOOP("Messages", "{where}：替换「{name}」")
MSG_ITEM_SAMPLE = QT_TRANSLATE_NOOP("Messages", "{where}：替换示例短语「{old}」为「{name}」")
MSG_ITEM_SKIPPED = QT_TRANSLATE_NOOP("Messages", "{where}：跳过，已有「{name}」")
MSG_ITEM_SAME = QT_TRANSLATE_NOOP("Messages", "{where}：跳过，与「{name}」相同")
MSG_ITEM_RENAMED = QT_TRANSLATE_NOOP("Messages", "{where}：快捷编码 {old} 已有，改为 {new} 新增「{name}」")
MSG_ITEM_HOTKEY_DROPPED = QT_TRANSLATE_NOOP("Messages", "{item}（快捷键 {hotkey} 已被占用，未设置）")


def display_name(phrase: Phrase) -> str:
    """The phrase in a report line: its title, or the start of its text."""
    name = " ".join((phrase.title or phrase.text).split())
    return name if len(name) <= 20 else name[:20] + "…"


@dataclass(frozen=True)
class ImportItem:
    action: Action
    line: int
    where: ImportText
    phrase: Phrase  # as it is (or would be) stored; for a skip, the incoming phrase
    existing: Phrase | None = None  # the phrase it conflicted with
    original_code: str = ""  # renamed: the code in the file
    hotkey_dropped: str = ""  # keep-both: the hotkey in the file that was taken
    unchanged: bool = False  # replace, but the existing phrase already reads the same
    sample: bool = False  # replaced an untouched default phrase (whatever the policy)

    @property
    def message(self) -> ImportText:
        name = display_name(self.phrase)
        if self.action is Action.ADDED:
            text = ImportText(MSG_ITEM_ADDED, where=self.where, name=name)
        elif self.action is Action.REPLACED and self.sample and self.existing is not None:
            text = ImportText(MSG_ITEM_SAMPLE, where=self.where, old=display_name(self.existing), name=name)
        elif self.action is Action.REPLACED:
            text = ImportText(MSG_ITEM_REPLACED, where=self.where, name=name)
        elif self.action is Action.RENAMED:
            text = ImportText(
                MSG_ITEM_RENAMED, where=self.where, old=self.original_code, new=self.phrase.code, name=name
            )
        else:
            other = display_name(self.existing) if self.existing else name
            text = ImportText(MSG_ITEM_SAME if self.unchanged else MSG_ITEM_SKIPPED, where=self.where, name=other)
        if self.hotkey_dropped:
            text = ImportText(MSG_ITEM_HOTKEY_DROPPED, item=text, hotkey=self.hotkey_dropped)
        return text


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or with dry_run what it would do. Shared by the CLI and the UI."""

    policy: ConflictPolicy
    dry_run: bool
    items: tuple[ImportItem, ...] = ()
    groups_added: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    format: str = ""
    encoding: str = ""
    code_mappings: tuple[CodeMapping, ...] = ()
    guard_notes: tuple[UserError, ...] = ()  # outgoing-text guard hits, one line per phrase and category
    guard_blocking: int = 0  # phrases with a blocking hit (站外联系, 好评返现)

    def count(self, action: Action) -> int:
        return sum(1 for item in self.items if item.action is action)

    @property
    def added(self) -> int:
        return self.count(Action.ADDED)

    @property
    def replaced(self) -> int:
        return self.count(Action.REPLACED)

    @property
    def skipped(self) -> int:
        return self.count(Action.SKIPPED)

    @property
    def renamed(self) -> int:
        return self.count(Action.RENAMED)

    @property
    def hotkeys_dropped(self) -> int:
        return sum(1 for item in self.items if item.hotkey_dropped)

    @property
    def changes(self) -> bool:
        return bool(self.added or self.replaced or self.renamed or self.groups_added)

    @property
    def summary(self) -> ImportText:
        text = ImportText(
            MSG_SUMMARY, added=self.added, replaced=self.replaced, skipped=self.skipped, renamed=self.renamed
        )
        return ImportText(MSG_SUMMARY_DRY, summary=text) if self.dry_run else text

    def notes(self) -> list[UserError]:
        """Lines worth a glance besides the summary: dropped hotkeys, new groups, ignored columns."""
        notes: list[UserError] = []
        if self.hotkeys_dropped:
            notes.append(ImportText(MSG_HOTKEYS_DROPPED, count=self.hotkeys_dropped))
        if self.groups_added:
            notes.append(ImportText(MSG_GROUPS_ADDED, groups=", ".join(self.groups_added)))
        if self.ignored_columns:
            notes.append(ImportText(MSG_IGNORED_COLUMNS, columns=", ".join(self.ignored_columns)))
        for mapping in self.code_mappings:
            template = MSG_CODE_MAPPED if mapping.code else MSG_CODE_DROPPED
            notes.append(ImportText(template, line=mapping.line, keyword=mapping.keyword, code=mapping.code))
        notes.extend(self.guard_notes)
        return notes

    def first(self, count: int = 10) -> list[ImportItem]:
        return list(self.items[:count])


__all__ = [
    "Action",
    "ConflictPolicy",
    "Draft",
    "EXPORT_FORMATS",
    "IMPORT_FORMATS",
    "ImportItem",
    "ImportReport",
    "ImportText",
    "JSON_FORMAT",
    "JSON_VERSION",
    "ParsedImport",
    "PhraseImportError",
    "at_item",
    "at_line",
    "PhraseImporter",
    "detect_format",
    "parse_mapped",
    "table_rows",
    "display_name",
    "export_csv",
    "export_json",
    "export_phrases",
    "export_xlsx",
    "format_for_name",
    "neutralise",
    "parse_beeftext",
    "parse_csv",
    "parse_json",
    "parse_phrases",
    "parse_xlsx",
    "phrase_to_json",
    "unneutralise",
]


class PhraseImporter(Protocol):
    """Applies a parsed file to the library (storage implements it; the UI calls it)."""

    def apply(
        self,
        parsed: ParsedImport,
        policy: ConflictPolicy | str,
        *,
        dry_run: bool = False,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport: ...

    def export(self, path: Path) -> int:
        """The whole library written to `path` (format by extension); raises PhraseImportError."""
