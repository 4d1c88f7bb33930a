"""Phrase files (docs/cli.md): CSV in every encoding, XLSX, Beeftext, our JSON; errors at line N; exports that
neutralise formulas; fuzzing. Pure domain: no database, no Qt."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import string
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from desktop_assistant.domain import phrase_io
from desktop_assistant.domain.messages import UserError
from desktop_assistant.domain.phrase_io import (
    JSON_FORMAT,
    PhraseImportError,
    detect_format,
    export_csv,
    export_json,
    export_xlsx,
    neutralise,
    parse_beeftext,
    parse_csv,
    parse_json,
    parse_phrases,
    parse_xlsx,
    unneutralise,
)
from desktop_assistant.domain.phrases import CODE_PATTERN, Phrase, PhraseError, validated

ZH_HEADER = "分组,快捷编码,标题,短语内容,快捷键"
ROWS = [
    ("售前", "hy", "欢迎", "{问候}，亲！欢迎光临{店铺}", "ctrl+alt+1"),
    ("售前", "cm", "尺码", "亲，麻烦告诉我身高体重~", ""),
    ("物流/快递", "sf", "", "指定顺丰需要补差价哦\n---\n补差价链接: {光标}", ""),
]


def csv_text(header: str, rows, newline: str = "\r\n") -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(header.split(","))
    writer.writerows(rows)
    return out.getvalue()


def write(tmp_path: Path, name: str, data: bytes) -> bytes:
    """Real files on disk, read back as an importer reads them."""
    path = tmp_path / name
    path.write_bytes(data)
    return path.read_bytes()


def fields(parsed) -> list[tuple[str, str, str, str, str]]:
    return [(d.phrase.group, d.phrase.code, d.phrase.title, d.phrase.text, d.phrase.hotkey) for d in parsed.drafts]


def error_of(call, *args) -> PhraseImportError:
    with pytest.raises(PhraseImportError) as info:
        call(*args)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return info.value


# --- CSV: encodings and headers ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("encoding", "reported"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030")],
)
def test_csv_in_every_encoding_with_chinese_headers(tmp_path, encoding, reported) -> None:
    data = write(tmp_path, "phrases.csv", csv_text(ZH_HEADER, ROWS).encode(encoding))
    parsed = parse_phrases(data, "auto", "phrases.csv")
    assert parsed.format == "csv" and parsed.encoding == reported
    assert fields(parsed) == [(g, c, t, x, h) for g, c, t, x, h in ROWS]
    assert [d.line for d in parsed.drafts] == [2, 3, 4]
    assert parsed.groups == ("售前", "物流/快递")


def test_gb18030_characters_outside_gbk(tmp_path) -> None:
    rows = [("售前", "", "", "𠮷野家的亲，欢迎~ €", "")]  # 𠮷 needs GB18030's four-byte form
    data = write(tmp_path, "p.csv", csv_text(ZH_HEADER, rows).encode("gb18030"))
    assert fields(parse_csv(data))[0][3] == "𠮷野家的亲，欢迎~ €"


def test_english_headers_any_case_any_order_bom_and_spaces(tmp_path) -> None:
    text = "\ufeff Text ,CODE,  Group\n你好,nh,售前\n"
    parsed = parse_csv(write(tmp_path, "p.csv", text.encode("utf-8")))
    assert fields(parsed) == [("售前", "nh", "", "你好", "")]
    assert parsed.fields == frozenset({"text", "code", "group"})


def test_only_text_is_required_and_defaults_apply(tmp_path) -> None:
    parsed = parse_csv(write(tmp_path, "p.csv", "短语内容\n亲，在的\n".encode("gb18030")))
    phrase = parsed.drafts[0].phrase
    assert (phrase.group, phrase.code, phrase.title, phrase.text) == ("默认", "", "", "亲，在的")


def test_codes_and_hotkeys_are_normalised(tmp_path) -> None:
    data = "code,text,hotkey\n HY ,你好,Alt+Ctrl+1\n".encode()
    assert fields(parse_csv(data)) == [("默认", "hy", "", "你好", "ctrl+alt+1")]


def test_unknown_extra_columns_are_reported_and_ignored() -> None:
    parsed = parse_csv("分组,短语内容,备注\n售前,你好,内部用\n".encode())
    assert parsed.ignored_columns == ("备注",)
    assert fields(parsed) == [("售前", "", "", "你好", "")]


def test_no_text_column_names_line_1_and_the_header() -> None:
    error = error_of(parse_csv, "分组,标题,备注\n售前,欢迎,x\n".encode())
    assert error.line == 1
    assert str(error).startswith("第 1 行：找不到短语内容列") and "分组,标题,备注" in str(error)


def test_duplicate_column_is_refused() -> None:
    error = error_of(parse_csv, "text,短语内容\na,b\n".encode())
    assert "第 1 行" in str(error) and "表头重复" in str(error)


def test_not_utf8_nor_gb18030_is_a_clear_error(tmp_path) -> None:
    data = write(tmp_path, "p.csv", "短语内容\n你好\n".encode("utf-16"))
    assert "编码" in str(error_of(parse_csv, data))
    assert "编码" in str(error_of(parse_csv, b"text\n\x80\xff\xfe\n"))


def test_empty_file_is_an_error() -> None:
    assert str(error_of(parse_csv, b"")) == "文件是空的"
    assert str(error_of(parse_csv, b"\r\n\r\n")) == "文件是空的"


def test_header_only_file_imports_nothing() -> None:
    parsed = parse_csv(ZH_HEADER.encode())
    assert parsed.drafts == () and parsed.groups == ()


# --- CSV: bad rows fail the whole file at line N -------------------------------------------------
def test_blank_lines_are_skipped_but_counted() -> None:
    data = "短语内容,快捷编码\n\n你好,nh\n,\n再见,zj\n".encode()
    parsed = parse_csv(data)
    assert [(d.line, d.phrase.code) for d in parsed.drafts] == [(3, "nh"), (5, "zj")]


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (",hy,欢迎,,", "短语内容不能为空"),
        ("售前,hy,欢迎,   ,", "短语内容不能为空"),
        ("售前,欢迎,欢迎,你好,", "快捷编码只能用小写字母"),
        ("售前,hy,欢迎,你好,ctrl+space", "快捷键：ctrl+space 被中文输入法占用"),
        ("售前,hy,欢迎,你好,ctrl+alt+shift+win+q+w", "快捷键"),
        ("售前,hy,欢迎,你好", "应有 5 列，这一行有 4 列"),
        ("售前,hy,欢迎,你好,,多出来", "应有 5 列，这一行有 6 列"),
        ('售前,hy,欢迎,"你好', "CSV 格式错误"),
    ],
)
def test_bad_row_fails_naming_the_line_and_reason(row, reason) -> None:
    data = f"{ZH_HEADER}\n售前,zd,在的,在的亲,\n\n{row}\n售后,az,安抚,别着急,\n".encode()
    error = error_of(parse_csv, data)
    assert error.line == 4, str(error)
    assert str(error).startswith("第 4 行：") and reason in str(error), str(error)


def test_line_numbers_count_multi_line_cells() -> None:
    rows = [("售前", "a", "", "第一行\n第二行\n第三行", ""), ("售前", "b", "", "", "")]
    error = error_of(parse_csv, csv_text(ZH_HEADER, rows, newline="\n").encode())
    assert error.line == 5  # header 1, the first record 2-4, the bad one starts on 5
    assert parse_csv(csv_text(ZH_HEADER, rows[:1]).encode()).drafts[0].phrase.text == "第一行\n第二行\n第三行"


def test_trailing_separators_are_tolerated() -> None:
    assert len(parse_csv("短语内容,快捷编码\n你好,nh,,\n".encode()).drafts) == 1


def test_errors_are_translatable_templates() -> None:
    error = error_of(parse_csv, f"{ZH_HEADER}\n售前,欢迎,,你好,\n".encode())
    assert isinstance(error, UserError) and error.template == phrase_io.MSG_AT

    def to_english(context: str, text: str) -> str:
        assert context == "Messages"
        return {phrase_io.MSG_AT: "{where}: {reason}", phrase_io.MSG_LINE: "line {line}"}.get(text, "<" + text + ">")

    english = error.translated(to_english)
    assert english.startswith("line 2: <快捷编码只能用小写字母")


# --- Beeftext -------------------------------------------------------------------------------------
def test_beeftext_keyword_snippet_name(tmp_path) -> None:
    text = 'hy,"亲，欢迎光临~",欢迎\nzj,再见啦\r\n"dz","地址：\n{光标}",地址\n'
    data = write(tmp_path, "beeftext.csv", text.encode("utf-8"))
    parsed = parse_phrases(data, "auto", "beeftext.csv")
    assert parsed.format == "beeftext"
    assert fields(parsed) == [
        ("默认", "hy", "欢迎", "亲，欢迎光临~", ""),
        ("默认", "zj", "", "再见啦", ""),
        ("默认", "dz", "地址", "地址：\n{光标}", ""),
    ]
    assert [d.line for d in parsed.drafts] == [1, 2, 3]
    assert parsed.fields == frozenset({"code", "text", "title"})


def test_beeftext_bad_rows() -> None:
    error = error_of(parse_beeftext, "hy,你好\nzj\n".encode())
    assert error.line == 2 and "2 或 3 列" in str(error)
    error = error_of(parse_beeftext, "hy,你好\n#zj,\n".encode())  # a keyword is mapped (#zj -> zj), a text is needed
    assert error.line == 2 and "短语内容" in str(error)


def test_sniffing_ours_versus_beeftext() -> None:
    assert detect_format("hy,你好,欢迎\n".encode(), "a.csv") == "beeftext"
    assert detect_format("hy,你好\n".encode(), "a.csv") == "beeftext"
    assert detect_format("text,code\n你好,hy\n".encode(), "a.csv") == "csv"
    assert detect_format("\n分组,短语内容\n".encode("gbk"), "a.csv") == "csv"
    assert detect_format(b"a,b,c,d\n", "a.csv") == "csv"  # then fails: no text column


def test_format_by_extension_then_content() -> None:
    assert detect_format(b"whatever", "x.XLSX") == "xlsx"
    assert detect_format(b"whatever", "x.json") == "json"
    assert detect_format(b'  {"format": 1}', "phrases.dat") == "json"
    assert detect_format(b"PK\x03\x04rest", "phrases") == "xlsx"
    assert detect_format("短语内容\n你好\n".encode(), "phrases.txt") == "csv"
    assert "xls" in str(error_of(detect_format, b"\xd0\xcf\x11\xe0", "old.xls"))
    assert "未知的文件格式" in str(error_of(parse_phrases, b"x", "yaml"))


# --- XLSX -----------------------------------------------------------------------------------------
def xlsx_bytes(rows) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_xlsx_with_chinese_headers_numbers_and_blank_rows(tmp_path) -> None:
    rows = [ZH_HEADER.split(","), ("售前", 1, "欢迎", "亲，你好", None), (), ("售后", "az", None, "别着急\n马上处理")]
    data = write(tmp_path, "phrases.xlsx", xlsx_bytes(rows))
    parsed = parse_phrases(data, "auto", "phrases.xlsx")
    assert parsed.format == "xlsx"
    assert fields(parsed) == [("售前", "1", "欢迎", "亲，你好", ""), ("售后", "az", "", "别着急\n马上处理", "")]
    assert [d.line for d in parsed.drafts] == [2, 4]


def test_xlsx_bad_row_names_the_row(tmp_path) -> None:
    rows = [("text", "code"), ("你好", "nh"), (None, None), ("再见", "ZJ!")]
    error = error_of(parse_xlsx, write(tmp_path, "p.xlsx", xlsx_bytes(rows)))
    assert error.line == 4 and str(error).startswith("第 4 行：快捷编码")


def test_xlsx_cells_beyond_the_header_fail() -> None:
    error = error_of(parse_xlsx, xlsx_bytes([("text",), ("你好", "多余")]))
    assert error.line == 2 and "应有 1 列" in str(error)


@pytest.mark.parametrize("data", [b"PK\x03\x04garbage", b"not a zip at all", xlsx_bytes([("x",)])[:200]])
def test_broken_xlsx_is_a_clear_error(data) -> None:
    assert str(error_of(parse_xlsx, data)) in ("不是有效的 xlsx 文件",)


# --- JSON -----------------------------------------------------------------------------------------
LIBRARY = [
    Phrase(
        text="{问候}，亲！",
        group="售前",
        title="欢迎",
        code="hy",
        hotkey="ctrl+alt+1",
        use_count=12,
        last_used=dt.datetime(2026, 11, 11, 9, 30, 5),
    ),
    Phrase(text="已发货", group="物流/快递", code="fh"),
    Phrase(text="=1+1 不是公式", group="售前", title="@提醒"),
]


def test_json_round_trips_with_group_order_and_empty_groups() -> None:
    data = export_json(LIBRARY, ["物流/快递", "空分组", "售前"])
    document = json.loads(data)
    assert document["format"] == JSON_FORMAT and document["version"] == 1
    assert document["groups"] == ["物流/快递", "空分组", "售前"]
    assert document["phrases"][0] == {
        "group": "售前",
        "code": "hy",
        "title": "欢迎",
        "text": "{问候}，亲！",
        "hotkey": "ctrl+alt+1",
        "use_count": 12,
        "last_used": "2026-11-11T09:30:05",
    }
    assert "=1+1" in document["phrases"][2]["text"] and document["phrases"][2]["title"] == "@提醒"  # not neutralised
    assert "问候" in data.decode("utf-8")  # Chinese unescaped
    parsed = parse_json(data)
    assert [d.phrase for d in parsed.drafts] == [validated(p) for p in LIBRARY]
    assert parsed.groups == ("物流/快递", "空分组", "售前") and parsed.declared_groups == parsed.groups
    assert [d.line for d in parsed.drafts] == [1, 2, 3]


def document(*phrases, **top) -> bytes:
    return json.dumps({"format": JSON_FORMAT, "version": 1, "groups": [], "phrases": list(phrases), **top}).encode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b'{"format": "desktop_assistant.phrases",\n "version": 1,\n "phrases": [}', "JSON 格式错误（第 3 行）"),
        (b"[]", "不是客服助手导出的短语 JSON"),
        (b'{"format": "beeftext"}', "不是客服助手导出的短语 JSON"),
        (document(version=2), "短语 JSON 版本 2 来自更新的客服助手"),
        (document(version="1"), "字段 version 应为非负整数"),
        (document(groups="售前"), "字段 groups 应为文本列表"),
        (document(phrases={}), "字段 phrases 应为列表"),
        (document({"text": "a"}, "b"), "第 2 条短语：字段 phrases 应为对象"),
        (document({"text": "a"}, {"text": 5}), "第 2 条短语：字段 text 应为文本"),
        (document({"text": "a"}, {"group": "x"}), "第 2 条短语：短语内容不能为空"),
        (document({"text": "a", "use_count": -1}), "第 1 条短语：字段 use_count 应为非负整数"),
        (document({"text": "a", "use_count": True}), "第 1 条短语：字段 use_count"),
        (document({"text": "a", "last_used": "yesterday"}), "第 1 条短语：字段 last_used 应为时间"),
        (document({"text": "a", "code": "好"}), "第 1 条短语：快捷编码只能用小写字母"),
        (
            b'{"format": "desktop_assistant.phrases", "version": 1, "phrases": [{"text": "\\ud800"}]}',
            "第 1 条短语：字段 text 含有无效字符",
        ),
        ("\ufeff".encode() + document({"text": "a"}).replace(b'"a"', b'"\xff"'), "JSON 文件必须是 UTF-8 编码"),
        (b"[" * 100000, "JSON 格式错误"),
    ],
    ids=lambda value: value[:40].decode("utf-8", "replace") if isinstance(value, bytes) else None,
)
def test_bad_json_is_refused_with_a_reason(data, expected) -> None:
    error = error_of(parse_json, data)
    assert str(error).startswith(expected), str(error)


def test_json_with_bom_and_missing_optional_fields() -> None:
    data = "\ufeff".encode() + document({"text": "亲，在的"}, {"text": "b", "group": None, "last_used": None})
    parsed = parse_json(data)
    assert [(d.phrase.group, d.phrase.text, d.phrase.use_count) for d in parsed.drafts] == [
        ("默认", "亲，在的", 0),
        ("默认", "b", 0),
    ]


# --- exports: formulas neutralised ---------------------------------------------------------------
DANGEROUS = ['=HYPERLINK("http://x","点我")', "+86 138", "-5元", "@SUM(1)", "\t=1", "'=already"]


def test_neutralise_round_trips() -> None:
    for cell in [*DANGEROUS, "'plain", "''", "plain", "", "'", "'-"]:
        assert unneutralise(neutralise(cell)) == cell
    assert neutralise("=1") == "'=1" and neutralise("'=1") == "''=1" and neutralise("'a") == "'a"


def test_csv_export_is_utf8_with_bom_and_neutralised(tmp_path) -> None:
    phrases = [Phrase(text=text, title=text.strip()[:10], group="售前") for text in DANGEROUS]
    data = write(tmp_path, "out.csv", export_csv(phrases))
    assert data.startswith(b"\xef\xbb\xbf" + ZH_HEADER.encode() + b"\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    texts = [row[3] for row in rows[1:]]
    assert all(text.startswith("'") for text in texts)
    assert texts[0] == '\'=HYPERLINK("http://x","点我")'
    assert [d.phrase.text for d in parse_csv(data).drafts] == DANGEROUS


def test_csv_export_with_english_header() -> None:
    assert export_csv([], english_header=True) == "\ufeffgroup,code,title,text,hotkey\r\n".encode()


def test_xlsx_export_is_neutralised_and_reads_back(tmp_path) -> None:
    phrases = [Phrase(text=text, group="=组") for text in DANGEROUS] + [Phrase(text="多行\n文本", code="-x")]
    data = write(tmp_path, "out.xlsx", export_xlsx(phrases))
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert [c.value for c in sheet[1]] == ZH_HEADER.split(",")
    for row in sheet.iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)  # nothing a spreadsheet would run
    assert sheet["D2"].value == '\'=HYPERLINK("http://x","点我")' and sheet["A2"].value == "'=组"
    assert sheet["B8"].value == "'-x"
    assert [d.phrase for d in parse_xlsx(data).drafts] == [validated(p) for p in phrases]


# --- fuzzing --------------------------------------------------------------------------------------
fuzz = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(st.binary(max_size=2000))
def test_fuzz_bytes_into_every_parser(data) -> None:
    for call in (
        parse_csv,
        parse_beeftext,
        parse_json,
        lambda d: parse_phrases(d, "auto", "f.csv"),
        lambda d: parse_phrases(d, "auto", "f"),
    ):
        try:
            call(data)
        except PhraseImportError:
            pass


csv_alphabet = st.sampled_from(
    [
        *",\"'\r\n\t =+-@",
        "\ufeff",
        "\x00",
        *"分组短语内容快捷编码",
        *string.ascii_letters,
        "text",
        "code",
        "短语内容",
        "快捷键",
        "ctrl+alt+1",
    ]
)


@fuzz
@given(st.lists(csv_alphabet, max_size=200).map("".join), st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_fuzz_csv_like_text(text, encoding) -> None:
    for call in (parse_csv, parse_beeftext, lambda d: parse_phrases(d, "auto", "x.csv")):
        try:
            parsed = call(text.encode(encoding))
        except PhraseImportError:
            continue
        for draft in parsed.drafts:
            assert validated(draft.phrase) == draft.phrase


@fuzz
@given(st.text(max_size=500))
def test_fuzz_any_text_into_csv_and_json(text) -> None:
    for call in (parse_csv, parse_json):
        try:
            call(text.encode("utf-8"))
        except PhraseImportError:
            pass


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
phrase_items = st.fixed_dictionaries(
    {},
    optional={
        name: json_values | st.text(max_size=30)
        for name in ("group", "code", "title", "text", "hotkey", "use_count", "last_used")
    },
)


@fuzz
@given(
    st.fixed_dictionaries(
        {"format": st.just(JSON_FORMAT) | json_values},
        optional={
            "version": st.just(1) | json_values,
            "groups": json_values | st.lists(st.text(max_size=40)),
            "phrases": json_values | st.lists(phrase_items | json_values, max_size=5),
        },
    )
)
def test_fuzz_json_structures(document) -> None:
    try:
        parsed = parse_json(json.dumps(document).encode())
    except PhraseImportError:
        return
    for draft in parsed.drafts:
        assert validated(draft.phrase) == draft.phrase


hotkeys = st.sampled_from(["", "ctrl+alt+1", "Ctrl+Shift+F5", "alt+x", "f9", "ctrl+alt+-", "win+="])
phrases_strategy = st.builds(
    Phrase,
    text=st.text(min_size=1, max_size=200),
    group=st.text(max_size=30),
    title=st.text(max_size=60),
    code=st.just("") | st.from_regex(CODE_PATTERN, fullmatch=True),
    hotkey=hotkeys,
    use_count=st.integers(0, 10**12),
    last_used=st.none()
    | st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1)).map(lambda d: d.replace(microsecond=0)),
)


def valid(phrases: list[Phrase]) -> list[Phrase]:
    try:
        return [validated(p) for p in phrases]
    except PhraseError:
        assume(False)
        raise


@fuzz
@given(
    st.lists(phrases_strategy, max_size=8), st.lists(st.text(max_size=30).filter(lambda g: "\0" not in g), max_size=3)
)  # NUL: refused (issue 15)
def test_any_phrase_set_round_trips_through_json(phrases, extra_groups) -> None:
    phrases = valid(phrases)
    groups = [validated(Phrase(text="x", group=g)).group for g in extra_groups]
    parsed = parse_phrases(export_json(phrases, groups), "auto", "library.json")
    assert [d.phrase for d in parsed.drafts] == phrases
    assert list(parsed.groups) == list(dict.fromkeys([*groups, *(p.group for p in phrases)]))


@fuzz
@given(st.lists(phrases_strategy, max_size=8))
def test_any_phrase_set_round_trips_through_csv(phrases) -> None:
    phrases = valid(phrases)
    parsed = parse_phrases(export_csv(phrases), "auto", "library.csv")
    assert parsed.format == "csv"
    assert [(d.phrase.group, d.phrase.code, d.phrase.title, d.phrase.text, d.phrase.hotkey) for d in parsed.drafts] == [
        (p.group, p.code, p.title, p.text, p.hotkey) for p in phrases
    ]


def test_unknown_headers_can_be_mapped_by_the_agent() -> None:
    from desktop_assistant.domain.phrase_io import PhraseImportError, parse_mapped, parse_phrases, table_rows

    data = "话术分类,关键词,回复\n售前,hy,亲 在的\n售后,th,退货地址\n".encode("gb18030")
    with pytest.raises(PhraseImportError, match="找不到短语内容列"):
        parse_phrases(data, "csv")
    assert table_rows(data, "csv")[0] == (1, ["话术分类", "关键词", "回复"])
    parsed = parse_mapped(data, "csv", ["group", "code", "text"], first_row_is_header=True)
    assert [(d.phrase.group, d.phrase.code, d.phrase.text, d.line) for d in parsed.drafts] == [
        ("售前", "hy", "亲 在的", 2),
        ("售后", "th", "退货地址", 3),
    ]
    ignored = parse_mapped(data, "csv", [None, None, "text"], first_row_is_header=False)
    assert [d.phrase.text for d in ignored.drafts] == ["回复", "亲 在的", "退货地址"]
    assert ignored.fields == frozenset({"text"})
