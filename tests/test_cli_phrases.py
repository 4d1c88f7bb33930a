"""`desktop-assistant phrases ...` in real processes: import / export / list / search, exit codes, one-line
errors, an unchanged database after bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store
from tests.conftest import run_cli
from tests.test_cli import assert_one_line_error, ok

KEYS = ["id", "group", "code", "title", "text", "hotkey", "use_count"]
HEADER = "分组,快捷编码,标题,短语内容,快捷键"


def cli(base: Path, *args: str):
    return run_cli("phrases", *args, "--basedir", str(base))


def listed(base: Path) -> list[dict]:
    return json.loads(ok(cli(base, "list", "--json")))


def db_bytes(base: Path) -> bytes:
    return (base / "desktop_assistant.sqlite3").read_bytes()


def empty_library(base: Path) -> None:
    """A database with no phrases and no groups (the defaults installed on first open, then cleared)."""
    store = open_store(Paths(base), dt.datetime(2026, 11, 11, 9, 0))
    with store.db.atomic():
        store.db.execute("DELETE FROM phrases")
        store.db.execute("DELETE FROM phrase_groups")
    store.close()


def test_list_json_on_first_run_shows_the_default_library(tmp_path) -> None:
    result = cli(tmp_path, "list", "--json")
    phrases = json.loads(ok(result))
    assert len(phrases) >= 60
    assert all(list(p) == KEYS for p in phrases)
    assert phrases[0]["group"] == "售前" and phrases[0]["hotkey"] == "ctrl+alt+1"
    assert "售前" in result.stdout  # UTF-8, Chinese unescaped
    text = ok(cli(tmp_path, "list")).splitlines()
    assert len(text) == len(phrases) and text[0].startswith(f"{phrases[0]['id']}\t售前\thy\t")


def test_search_ranks_best_first(tmp_path) -> None:
    found = json.loads(ok(cli(tmp_path, "search", "hy", "--json")))
    assert found[0]["code"] == "hy" and all(list(p) == KEYS for p in found)
    assert json.loads(ok(cli(tmp_path, "search", "顺丰", "--json")))[0]["code"] == "sf"
    assert json.loads(ok(cli(tmp_path, "search", "zzzzqqqq", "--json"))) == []
    assert ok(cli(tmp_path, "search", "cf")).splitlines()[0].split("\t")[2].startswith("cf")


def test_import_gb18030_csv_dry_run_then_for_real(tmp_path) -> None:
    base = tmp_path / "data"
    source = tmp_path / "千牛导出.csv"
    source.write_bytes(f"{HEADER}\r\n售前,hy,新欢迎,您好~,\r\n活动,hd1,双十一,双十一满300减40哦,\r\n".encode("gb18030"))
    before_count = len(listed(base))
    before = db_bytes(base)
    out = ok(cli(base, "import", str(source), "--dry-run"))
    # hy is an untouched sample: the shop's phrase replaces it whatever the policy (issue 16)
    assert out.splitlines()[0] == "试运行，未写入：新增 1 条，替换 1 条，跳过 0 条，改编码后新增 0 条"
    assert "第 2 行：替换示例短语「欢迎语」为「新欢迎」" in out and "第 3 行：新增「双十一」" in out
    assert db_bytes(base) == before
    out = ok(cli(base, "import", str(source), "--on-conflict", "replace"))
    assert out.splitlines()[0] == "新增 1 条，替换 1 条，跳过 0 条，改编码后新增 0 条"
    phrases = listed(base)
    assert len(phrases) == before_count + 1
    greeting = next(p for p in phrases if p["code"] == "hy")
    assert (greeting["title"], greeting["text"], greeting["hotkey"]) == ("新欢迎", "您好~", "")
    assert phrases[-1]["group"] == "活动" and phrases[-1]["code"] == "hd1"


def test_a_gbk_file_of_six_thousand_phrases_goes_in_whole_through_the_bulk_path(tmp_path) -> None:
    """More rows than storage/bulk.py's threshold: the plain indexes are rebuilt in the same transaction, and
    the file that results passes `db check` and finds any phrase by its pinyin."""
    base = tmp_path / "data"
    rows = [f"物流{n % 7},wl{n},重庆发货{n}号,亲，第{n}单从重庆发出～," for n in range(6000)]
    source = tmp_path / "大批.csv"
    source.write_bytes("\r\n".join([HEADER, *rows, ""]).encode("gbk"))
    out = ok(cli(base, "import", str(source)))
    assert out.splitlines()[0] == "新增 6000 条，替换 0 条，跳过 0 条，改编码后新增 0 条"
    assert ok(run_cli("db", "check", "--basedir", str(base)))
    found = json.loads(ok(cli(base, "search", "chongqingfahuo5999", "--json")))
    assert [p["code"] for p in found] == ["wl5999"]
    assert json.loads(ok(cli(base, "search", "cqfh4321", "--json")))[0]["code"] == "wl4321"


def touch(base: Path, code: str) -> None:
    """The agent used this default phrase: it is theirs now, and imports keep the chosen policy for it."""
    store = open_store(Paths(base), dt.datetime(2026, 11, 11, 9, 0))
    phrase = next(p for p in store.phrases.all() if p.code == code)
    store.phrases.record_use(phrase.id, dt.datetime(2026, 11, 11, 9, 0))
    store.close()


def test_keep_both_via_the_command_line(tmp_path) -> None:
    touch(tmp_path / "data", "hy")
    source = tmp_path / "more.csv"
    source.write_text("code,text,hotkey\nhy,另一个欢迎,ctrl+alt+1\n", encoding="utf-8-sig")
    out = ok(cli(tmp_path / "data", "import", str(source), "--on-conflict", "keep-both"))
    assert "改编码后新增 1 条" in out and "快捷键已被占用" in out
    added = [p for p in listed(tmp_path / "data") if p["code"] == "hy2"]
    assert added and added[0]["hotkey"] == ""


def test_beeftext_and_xlsx_imports(tmp_path) -> None:
    base = tmp_path / "data"
    beeftext = tmp_path / "beeftext.csv"
    beeftext.write_text("bt1,来自 Beeftext 的短语,Beeftext\n", encoding="utf-8")
    assert "新增 1 条" in ok(cli(base, "import", str(beeftext)))
    book = openpyxl.Workbook()
    book.active.append(["短语内容", "快捷编码"])
    book.active.append(["来自 Excel 的短语", "xl1"])
    book.save(tmp_path / "phrases.xlsx")
    assert "新增 1 条" in ok(cli(base, "import", str(tmp_path / "phrases.xlsx")))
    codes = {p["code"]: p for p in listed(base)}
    assert codes["bt1"]["title"] == "Beeftext" and codes["xl1"]["text"] == "来自 Excel 的短语"


@pytest.mark.parametrize(
    ("content", "args", "expected"),
    [
        (f"{HEADER}\n售前,ok1,,好的,\n售前,坏编码,,不好,\n".encode("gb18030"), [], "第 3 行：快捷编码"),
        (f"{HEADER}\n售前,ok1,,好的,\n\n售前,ok2,,,\n".encode(), [], "第 4 行：短语内容不能为空"),
        (f"{HEADER}\n售前,ok1,,好的,ctrl+alt+p\n".encode(), [], "第 2 行：快捷键 ctrl+alt+p 已用于本软件"),
        (f"{HEADER}\n售前,ok1,,好的,\n售前,ok2,好的\n".encode(), [], "第 3 行：应有 5 列"),
        ("分组,标题\n售前,欢迎\n".encode(), ["--format", "csv"], "第 1 行：找不到短语内容列"),
        (
            b'{"format": "desktop_assistant.phrases", "version": 1, "phrases": [{"text": "a"}, {"code": "b"}]}',
            ["--format", "json"],
            "第 2 条短语：短语内容不能为空",
        ),
        (b"\xff\xfe\x00\x00garbage", [], "无法识别文件编码"),
        (b"PK\x03\x04not really", ["--format", "xlsx"], "不是有效的 xlsx 文件"),
    ],
)
def test_bad_files_exit_2_with_one_line_naming_the_line_and_change_nothing(tmp_path, content, args, expected) -> None:
    base = tmp_path / "data"
    ok(cli(base, "list"))
    before = db_bytes(base)
    source = tmp_path / "bad.csv"
    source.write_bytes(content)
    result = cli(base, "import", str(source), *args)
    assert_one_line_error(result)
    assert expected in result.stderr, result.stderr
    assert db_bytes(base) == before


@pytest.mark.parametrize(
    "args",
    [
        ["phrases"],
        ["phrases", "import"],
        ["phrases", "import", "{missing}"],
        ["phrases", "import", "{file}", "--on-conflict", "overwrite"],
        ["phrases", "import", "{file}", "--format", "yaml"],
        ["phrases", "export"],
        ["phrases", "export", "{dir}/out.txt"],
        ["phrases", "export", "{dir}/no/such/dir/out.csv"],
        ["phrases", "search"],
        ["phrases", "frobnicate"],
    ],
)
def test_bad_usage_exits_2_with_one_line(tmp_path, args) -> None:
    good = tmp_path / "good.csv"
    good.write_text("短语内容\n你好\n", encoding="utf-8")
    args = [a.format(missing=tmp_path / "missing.csv", file=good, dir=tmp_path) for a in args]
    assert_one_line_error(run_cli(*args, "--basedir", str(tmp_path / "data")))


def test_a_bad_file_does_not_even_create_the_database(tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("短语内容,快捷编码\n好,不好\n", encoding="utf-8")
    assert_one_line_error(cli(tmp_path / "data", "import", str(bad)))
    assert not (tmp_path / "data" / "desktop_assistant.sqlite3").exists()


def test_export_formats_from_the_extension_or_the_option(tmp_path) -> None:
    base = tmp_path / "data"
    count = len(listed(base))
    for name, args in (("a.csv", []), ("a.xlsx", []), ("a.json", []), ("a.dat", ["--format", "json"])):
        out = ok(cli(base, "export", str(tmp_path / name), *args))
        assert out.strip() == f"已导出 {count} 条短语到 {tmp_path / name}"
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf" + HEADER.encode())
    sheet = openpyxl.load_workbook(io.BytesIO((tmp_path / "a.xlsx").read_bytes())).active
    assert sheet.max_row == count + 1
    assert json.loads((tmp_path / "a.dat").read_text(encoding="utf-8"))["version"] == 1


def test_formulas_are_neutralised_in_exports(tmp_path) -> None:
    base = tmp_path / "data"
    source = tmp_path / "evil.json"
    source.write_text(
        json.dumps(
            {
                "format": "desktop_assistant.phrases",
                "version": 1,
                "groups": ["=组"],
                "phrases": [{"group": "=组", "text": '=HYPERLINK("http://x")', "title": "@t", "code": "-x"}],
            }
        ),
        encoding="utf-8",
    )
    ok(cli(base, "import", str(source)))
    ok(cli(base, "export", str(tmp_path / "out.csv")))
    ok(cli(base, "export", str(tmp_path / "out.xlsx")))
    last = (tmp_path / "out.csv").read_text(encoding="utf-8-sig").strip().splitlines()[-1]
    assert last == '\'=组,\'-x,\'@t,"\'=HYPERLINK(""http://x"")",'
    sheet = openpyxl.load_workbook(tmp_path / "out.xlsx").active
    assert [c.value for c in sheet[sheet.max_row]][:4] == ["'=组", "'-x", "'@t", '\'=HYPERLINK("http://x")']


def test_json_export_then_import_into_an_empty_database_is_identical(tmp_path) -> None:
    source, target = tmp_path / "source", tmp_path / "target"
    extra = tmp_path / "extra.csv"
    extra.write_text(f'{HEADER}\n活动,hd1,双十一,"满300减40\n---\n{{光标}}",ctrl+alt+8\n', encoding="utf-8")
    ok(cli(source, "import", str(extra)))
    store = open_store(Paths(source), dt.datetime(2026, 11, 11, 9, 0))
    store.phrases.ensure_group("空分组")
    first = store.phrases.all()[0]
    store.phrases.record_use(first.id, dt.datetime(2026, 11, 11, 10, 0))
    store.close()
    exported = tmp_path / "library.json"
    ok(cli(source, "export", str(exported)))
    empty_library(target)
    out = ok(cli(target, "import", str(exported)))
    assert out.startswith(f"新增 {len(listed(source))} 条")
    assert cli(target, "list", "--json").stdout == cli(source, "list", "--json").stdout
    groups = []
    for base in (source, target):
        store = open_store(Paths(base), dt.datetime(2026, 11, 11, 9, 0))
        groups.append((store.phrases.groups(), [p.last_used for p in store.phrases.all()]))
        store.close()
    assert groups[0] == groups[1] and groups[0][0][-1] == "空分组"


def test_temp_basedir_leaves_nothing_behind(tmp_path) -> None:
    result = run_cli("phrases", "list", "--json", "--temp-basedir", env={"TMPDIR": str(tmp_path)})
    assert len(json.loads(ok(result))) >= 60
    assert list(tmp_path.iterdir()) == []
