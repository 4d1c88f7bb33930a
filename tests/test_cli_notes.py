"""`notes` and `promises` in real processes: the history of docs/cli.md, exports, and refusals that
write nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from desktop_assistant.domain.promises import validated_promise
from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store
from tests.conftest import run_cli
from tests.test_cli import assert_one_line_error, ok

KEYS = ["order_id", "flag", "text", "reason", "agent_id", "at"]


def cli(base: Path, *args: str):
    return run_cli(*args, "--basedir", str(base))


@pytest.fixture
def base(tmp_path: Path) -> Path:
    ok(cli(tmp_path / "data", "config", "set", "agent_id", "A01"))
    return tmp_path / "data"


def history(base: Path, order: str) -> list[dict]:
    return json.loads(ok(cli(base, "notes", "history", order, "--json")))


def db_bytes(base: Path) -> bytes:
    return (base / "desktop_assistant.sqlite3").read_bytes()


def test_three_versions_with_who_and_when(base):
    ok(cli(base, "notes", "add", "T1001", "--flag", "1", "--text", "赠袜子, 顺丰", "--buyer", "云朵朵"))
    ok(cli(base, "config", "set", "agent_id", "B07"))
    ok(cli(base, "notes", "add", "T1001", "--flag", "1", "--text", "赠袜子, 顺丰, 周五前发", "--reason", "买家催"))
    out = ok(cli(base, "notes", "add", "T1001", "--flag", "红", "--text", "赠袜子, 韵达", "--reason", "顺丰不到"))
    assert "第 3 版" in out
    rows = history(base, "T1001")
    assert [list(row) for row in rows] == [KEYS] * 3
    assert [(r["flag"], r["text"], r["reason"], r["agent_id"]) for r in rows] == [
        (1, "赠袜子, 顺丰", "", "A01"),
        (1, "赠袜子, 顺丰, 周五前发", "买家催", "B07"),
        (1, "赠袜子, 韵达", "顺丰不到", "B07"),
    ]
    stamps = [dt.datetime.fromisoformat(r["at"]) for r in rows]
    assert stamps == sorted(stamps) and abs(stamps[-1] - dt.datetime.now()) < dt.timedelta(minutes=1)
    assert history(base, "NOPE") == []


def test_output_is_utf8_json_with_chinese_unescaped(base):
    ok(cli(base, "notes", "add", "T1", "--flag", "2", "--text", "可疑"))
    raw = ok(cli(base, "notes", "history", "T1", "--json"))
    assert "可疑" in raw and "\\u" not in raw


@pytest.mark.parametrize(
    "args, words",
    [
        (["--flag", "6", "--text", "x"], "0-5"),
        (["--flag", "-1", "--text", "x"], "0-5"),
        (["--flag", "pink", "--text", "x"], "0-5"),
        (["--flag", "1", "--text", "字" * 334], "1000"),
        (["--flag", "1", "--text", "改了", "--buyer", "买" * 65], "买家"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(base, args, words):
    ok(cli(base, "notes", "add", "T1", "--flag", "1", "--text", "赠品"))
    before = db_bytes(base)
    result = cli(base, "notes", "add", "T1", *args, "--reason", "r")
    assert_one_line_error(result)
    assert words in result.stderr
    assert db_bytes(base) == before
    assert [r["text"] for r in history(base, "T1")] == ["赠品"]


def test_changing_a_note_needs_a_reason_and_an_agent_id(tmp_path, base):
    ok(cli(base, "notes", "add", "T1", "--flag", "1", "--text", "赠品"))
    result = cli(base, "notes", "add", "T1", "--flag", "2", "--text", "赠品")
    assert_one_line_error(result)
    assert "变动事由" in result.stderr
    no_agent = cli(tmp_path / "other", "notes", "add", "T1", "--flag", "1", "--text", "x")
    assert_one_line_error(no_agent)
    assert "工号" in no_agent.stderr
    assert history(tmp_path / "other", "T1") == []


def test_a_bad_order_id_is_refused_before_the_database_is_opened(tmp_path):
    result = cli(tmp_path / "fresh", "notes", "add", "T 1", "--flag", "1", "--text", "x")
    assert_one_line_error(result)
    assert "订单号" in result.stderr
    assert not (tmp_path / "fresh" / "desktop_assistant.sqlite3").exists()


def test_export_writes_every_version_with_formulas_neutralised(tmp_path, base):
    ok(cli(base, "notes", "add", "T1", "--flag", "1", "--text", '=HYPERLINK("http://x")', "--buyer", "@熊"))
    ok(cli(base, "notes", "add", "T1", "--flag", "3", "--text", "退换中", "--reason", "+改"))
    ok(cli(base, "notes", "add", "A9", "--flag", "0", "--text", "普通"))
    out_csv, out_xlsx = tmp_path / "notes.csv", tmp_path / "notes.xlsx"
    assert f"已导出 3 条备注记录到 {out_csv}" in ok(cli(base, "notes", "export", str(out_csv)))
    ok(cli(base, "notes", "export", str(out_xlsx)))
    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["订单号", "买家", "旗帜", "颜色", "备注", "变动事由", "工号", "时间"]
    assert [r[0] for r in rows[1:]] == ["A9", "T1", "T1"]
    assert rows[2][1] == "'@熊" and rows[2][4] == '\'=HYPERLINK("http://x")' and rows[3][5] == "'+改"
    assert rows[3][2:4] == ["3", "绿"]
    sheet = openpyxl.load_workbook(out_xlsx).active
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[2][4] == '\'=HYPERLINK("http://x")' and cells[3][4] == "退换中"
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_export_to_an_unknown_format_is_refused(tmp_path, base):
    result = cli(base, "notes", "export", str(tmp_path / "notes.txt"))
    assert_one_line_error(result)
    assert not (tmp_path / "notes.txt").exists()


def test_promises_list_most_urgent_first_and_overdue_only(base):
    now = dt.datetime.now().replace(second=0, microsecond=0)
    store = open_store(Paths(base), now)
    try:
        later = store.promises.add(
            validated_promise("周五前发货", now + dt.timedelta(hours=3), "T1", "云", now), "A01", now
        )
        soon = store.promises.add(validated_promise("送袜子", now + dt.timedelta(minutes=3), "T2", "", now), "A01", now)
        late = store.promises.add(validated_promise("回电话", now + dt.timedelta(minutes=1), "", "熊", now), "A01", now)
        done = store.promises.add(validated_promise("已办", now + dt.timedelta(hours=1), "", "", now), "A01", now)
        store.promises.mark_done(done.id, "A01", now)
        # Made overdue by writing the due time directly: the CLI reads the real clock.
        store.db.execute("UPDATE promises SET due = ? WHERE id = ?", [str(now - dt.timedelta(minutes=20)), late.id])
        store.db.conn.commit()
    finally:
        store.close()
    listed = json.loads(ok(cli(base, "promises", "list", "--json")))
    assert [(p["id"], p["status"]) for p in listed] == [(late.id, "overdue"), (soon.id, "due_soon"), (later.id, "open")]
    assert set(listed[0]) == {"id", "text", "due", "order_id", "buyer", "status", "agent_id", "created_at"}
    overdue = json.loads(ok(cli(base, "promises", "list", "--overdue", "--json")))
    assert [p["text"] for p in overdue] == ["回电话"]
    assert "已超时" in ok(cli(base, "promises", "list"))
