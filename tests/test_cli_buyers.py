"""`screen` and `blacklist` in real processes: JSON Lines in and out, bad lines named and skipped with
exit 2, the database's lists and notes taken into account, all-or-nothing blacklist imports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import openpyxl
import pytest

from desktop_assistant.domain.notes import validated_change
from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store
from tests.conftest import run_cli
from tests.test_cli import assert_one_line_error, ok


def cli(base: Path, *args: str, stdin: str | None = None):
    return run_cli(*args, "--basedir", str(base), stdin=stdin)


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return tmp_path / "data"


def screened(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_json_lines_in_one_object_per_profile_out(base):
    two_weeks = (dt.date.today() - dt.timedelta(days=14)).isoformat()
    lines = [
        {"nick": "小明", "registered_on": two_weeks, "positive_rate": 70, "receiver_name": "周杰伦"},
        {
            "nick": "老客户",
            "credit": "3钻",
            "positive_rate": 99.5,
            "registered_on": "2015-03-01",
            "address": "浙江省杭州市西湖区文三路100号",
        },
        {
            "nick": "a8s7d6f5g4",
            "registered_on": "2026-01-01",
            "as_of": "2026-01-20",
            "refund_count": 5,
            "orders_count": 10,
        },
    ]
    out = ok(cli(base, "screen", "-", "--json", stdin="\n".join(json.dumps(x, ensure_ascii=False) for x in lines)))
    results = screened(out)
    assert "\\u" not in out
    assert [list(r)[:4] for r in results] == [["nick", "score", "level", "reasons"]] * 3
    first = results[0]
    assert (first["score"], first["level"]) == (95, "high")
    assert [r["code"] for r in first["reasons"]] == ["positive_rate_low", "account_new", "receiver_celebrity"]
    assert all(set(r) == {"code", "weight", "detail"} and r["detail"] for r in first["reasons"])
    assert (results[1]["score"], results[1]["level"], results[1]["reasons"]) == (0, "low", [])
    assert [r["code"] for r in results[2]["reasons"]] == ["account_new", "refund_rate_high", "nickname_machine"]


def test_a_bad_line_is_named_skipped_and_the_exit_is_2(base, tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"nick": "a"}\n{"nick": "b", "positive_rate": "高"}\nnot json\n\n{"nick": "c"}\n', "utf-8")
    result = cli(base, "screen", str(source), "--json")
    assert result.returncode == 2
    assert [r["nick"] for r in screened(result.stdout)] == ["a", "c"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and errors[0].startswith("第 2 行") and errors[1].startswith("第 3 行")
    assert "Traceback" not in result.stderr


def test_csv_input_and_the_plain_table(base, tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes("买家,好评率,账龄\n小明,70,10\n小红,99,400\n".encode("gb18030"))
    out = ok(cli(base, "screen", str(source)))
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows[0][:3] == ["小明", "65", "high"] and "account_new+30" in rows[0][3]
    assert rows[1] == ["小红", "0", "low", "-"]


def test_lists_and_flagged_notes_come_from_the_database(base):
    now = dt.datetime.now()
    store = open_store(Paths(base), now)
    try:
        store.buyers.set_list("坏人", "black", "恶意差评", "A01", now)
        store.buyers.set_list("好人", "white", "老客户", "A01", now)
        store.notes.append(validated_change("T1", 1, "威胁差评", "", "A01", "纠纷买家"), now)
    finally:
        store.close()
    lines = "\n".join(
        json.dumps({"nick": n, "positive_rate": 50}, ensure_ascii=False) for n in ("坏人", "好人", "纠纷买家")
    )
    results = {r["nick"]: r for r in screened(ok(cli(base, "screen", "-", "--json", stdin=lines)))}
    assert results["坏人"]["level"] == "high" and results["坏人"]["reasons"][0]["code"] == "blacklisted"
    assert results["好人"]["level"] == "low" and results["好人"]["score"] == 35
    assert [r["code"] for r in results["纠纷买家"]["reasons"]] == ["positive_rate_low", "shop_history"]


def test_impossible_data_is_reported_not_scored(base):
    line = json.dumps({"nick": "x", "registered_on": "2030-01-01", "as_of": "2026-01-01", "positive_rate": 130})
    (result,) = screened(ok(cli(base, "screen", "-", "--json", stdin=line)))
    assert result["score"] == 0 and len(result["problems"]) == 2


def test_a_missing_input_file_is_one_line_exit_2(base, tmp_path):
    assert_one_line_error(cli(base, "screen", str(tmp_path / "nope.jsonl")))


def test_blacklist_import_merges_and_exports_round_trip(base, tmp_path):
    ok(cli(base, "config", "set", "agent_id", "A01"))
    source = tmp_path / "black.csv"
    source.write_text(
        "买家,原因,登记人,登记时间\n坏人甲,职业差评,B02,2026-11-01 09:00:00\n坏人乙,=cmd|' /C calc'!A0,,\n", "utf-8-sig"
    )
    assert "将加入黑名单 2 人" in ok(cli(base, "blacklist", "import", str(source), "--dry-run"))
    assert "已加入黑名单 2 人, 已在名单中 0 人" in ok(cli(base, "blacklist", "import", str(source)))
    assert "已加入黑名单 0 人, 已在名单中 2 人" in ok(cli(base, "blacklist", "import", str(source)))
    out_csv, out_xlsx = tmp_path / "out.csv", tmp_path / "out.xlsx"
    ok(cli(base, "blacklist", "export", str(out_csv)))
    ok(cli(base, "blacklist", "export", str(out_xlsx)))
    rows = list(csv.reader(io.StringIO(out_csv.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == ["买家", "原因", "登记人", "登记时间"]
    assert rows[1] == ["坏人甲", "职业差评", "B02", "2026-11-01 09:00:00"]
    assert rows[2][0] == "坏人乙" and rows[2][1] == "'=cmd|' /C calc'!A0" and rows[2][2] == "A01"
    sheet = openpyxl.load_workbook(out_xlsx).active
    assert [c.value for c in sheet[2]][:2] == ["坏人甲", "职业差评"]
    # the export reads back in: nothing new
    assert "已加入黑名单 0 人" in ok(cli(base, "blacklist", "import", str(out_xlsx)))


@pytest.mark.parametrize(
    "content, words",
    [
        ("原因\nx\n", "第 1 行"),
        ("买家,登记时间\n甲,2026-11-01\n乙,昨天\n", "第 3 行"),
        ("买家\n", "没有买家"),
        ("", ""),
    ],
)
def test_a_bad_blacklist_file_changes_nothing(base, tmp_path, content, words):
    ok(cli(base, "config", "set", "agent_id", "A01"))
    db = base / "desktop_assistant.sqlite3"
    before = db.read_bytes()
    source = tmp_path / "bad.csv"
    source.write_text(content, "utf-8")
    result = cli(base, "blacklist", "import", str(source))
    assert_one_line_error(result)
    assert words in result.stderr
    assert db.read_bytes() == before


def test_a_whitelisted_buyer_in_the_file_refuses_the_whole_import(base, tmp_path):
    now = dt.datetime.now()
    store = open_store(Paths(base), now)
    store.buyers.set_list("老客户", "white", "", "A01", now)
    store.close()
    source = tmp_path / "black.csv"
    source.write_text("nick\n新坏人\n老客户\n", "utf-8")
    result = cli(base, "blacklist", "import", str(source))
    assert_one_line_error(result)
    assert "第 3 行" in result.stderr and "白名单" in result.stderr
    store = open_store(Paths(base), now)
    try:
        assert store.buyers.listing("新坏人") is None
    finally:
        store.close()
