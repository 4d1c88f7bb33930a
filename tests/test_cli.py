"""The command line in real processes: exit codes, one-line errors, silent smoke test."""

import json
import re
import sqlite3
import time

import pytest

from desktop_assistant import __version__
from tests.conftest import run_cli


def ok(result) -> str:
    """A successful command: exit 0, nothing on stderr; its stdout."""
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def assert_one_line_error(result) -> None:
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"desktop_assistant {__version__}"


def test_long_version_names_every_part() -> None:
    result = run_cli("--long-version")
    assert result.returncode == 0
    for start in ("desktop_assistant", "Python", "SQLite", "PySide6", "Hotkey backend"):
        assert any(line.startswith(start) for line in result.stdout.splitlines()), start


def test_smoke_test_is_silent_and_leaves_nothing_behind(tmp_path) -> None:
    started = time.monotonic()
    result = run_cli("--temp-basedir", "--smoke-test", env={"TMPDIR": str(tmp_path)})
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert time.monotonic() - started < 30  # generous: the real budget is measured in benchmarks/
    assert list(tmp_path.iterdir()) == []


def test_smoke_test_on_a_basedir_creates_the_database(tmp_path) -> None:
    result = run_cli("--basedir", str(tmp_path), "--smoke-test")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert (tmp_path / "desktop_assistant.sqlite3").exists()
    assert (tmp_path / "logs" / "desktop_assistant.log").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["frobnicate"],
        ["--no-such-flag"],
        ["config"],
        ["config", "get"],
        ["config", "get", "no.such.key"],
        ["config", "set", "panel.width", "wide"],
        ["config", "set", "panel.width", "5000"],
        ["config", "set", "language", "klingon"],
        ["config", "set", "hotkey.picker", "ctrl+space"],
        ["config", "set", "hotkey.picker", "ctrl+alt+h"],  # taken by hotkey.toggle_panel
        ["db"],
        ["db", "explode"],
        ["db", "restore"],
        ["--basedir", "/tmp", "--temp-basedir"],
    ],
)
def test_bad_usage_exits_2_with_one_line(tmp_path, args) -> None:
    result = run_cli(*args, "--basedir", str(tmp_path)) if "--basedir" not in args else run_cli(*args)
    assert_one_line_error(result)


def test_bad_value_changes_nothing(tmp_path) -> None:
    assert run_cli("--basedir", str(tmp_path), "config", "set", "panel.width", "400").returncode == 0
    db = tmp_path / "desktop_assistant.sqlite3"
    before = db.read_bytes()
    assert_one_line_error(run_cli("--basedir", str(tmp_path), "config", "set", "panel.width", "-1"))
    assert db.read_bytes() == before


def test_config_round_trip_with_options_before_or_after(tmp_path) -> None:
    base = str(tmp_path)
    assert run_cli("--basedir", base, "config", "set", "agent_name", "小王").returncode == 0
    result = run_cli("config", "get", "agent_name", "--basedir", base)
    assert (result.returncode, result.stdout.strip()) == (0, "小王")
    listed = json.loads(run_cli("config", "list", "--json", "--basedir", base).stdout)
    assert listed["agent_name"] == "小王" and listed["panel.width"] == 380


def test_db_check_backup_restore(tmp_path) -> None:
    base = str(tmp_path / "data")
    run_cli("--basedir", base, "config", "set", "agent_id", "1024")
    check = run_cli("--basedir", base, "db", "check", "--json")
    assert check.returncode == 0 and json.loads(check.stdout)["ok"] is True
    backup = tmp_path / "copy.sqlite3"
    assert run_cli("--basedir", base, "db", "backup", str(backup)).returncode == 0
    assert_one_line_error(run_cli("--basedir", base, "db", "backup", str(backup)))  # never overwrites
    run_cli("--basedir", base, "config", "set", "agent_id", "2048")
    restored = run_cli("--basedir", base, "db", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert run_cli("--basedir", base, "config", "get", "agent_id").stdout.strip() == "1024"


def test_db_check_exits_1_on_a_damaged_file(tmp_path) -> None:
    run_cli("--basedir", str(tmp_path), "config", "set", "agent_id", "1024")
    db = tmp_path / "desktop_assistant.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db.write_bytes(b"\x00" * 100 + db.read_bytes()[100:])
    result = run_cli("--basedir", str(tmp_path), "db", "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout


def test_restore_from_garbage_exits_2_and_keeps_the_database(tmp_path) -> None:
    run_cli("--basedir", str(tmp_path), "config", "set", "agent_id", "1024")
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_text("hello")
    db = tmp_path / "desktop_assistant.sqlite3"
    before = db.read_bytes()
    assert_one_line_error(run_cli("--basedir", str(tmp_path), "db", "restore", str(garbage)))
    assert db.read_bytes() == before


def test_address_parse_json(tmp_path) -> None:
    result = run_cli(
        "address",
        "parse",
        "张三，13812345678-1234，浙江省 杭州市 西湖区 北山街道 文三路100号，310000",
        "--json",
        "--basedir",
        str(tmp_path),
    )
    parsed = json.loads(ok(result))
    assert list(parsed) == [
        "name",
        "phone",
        "phone_ext",
        "province",
        "city",
        "district",
        "street",
        "detail",
        "postcode",
        "warnings",
    ]
    assert (parsed["name"], parsed["phone_ext"], parsed["district"], parsed["street"], parsed["warnings"]) == (
        "张三",
        "1234",
        "西湖区",
        "北山街道",
        [],
    )


def test_address_parse_reads_stdin_and_survives_noise(tmp_path) -> None:
    parsed = json.loads(
        ok(run_cli("address", "parse", "-", "--json", "--basedir", str(tmp_path), stdin="噪声abc123，" * 10_000))
    )
    assert "address_incomplete" in parsed["warnings"]
    assert_one_line_error(run_cli("address", "parse", "   ", "--basedir", str(tmp_path)))


def test_address_parse_names_warnings_in_chinese(tmp_path) -> None:
    text = ok(
        run_cli("address", "parse", "张**，186****5678，浙江省杭州市西湖区文三路100号", "--basedir", str(tmp_path))
    )
    assert "收货人: 张**" in text and "手机: 186****5678" in text and "打码" in text and "masked" not in text
    text = ok(run_cli("address", "parse", "浙江省杭州市西湖区文三路 张三", "--basedir", str(tmp_path)))
    assert "没有找到手机号" in text and "门牌号" in text
    assert not re.search(r"[a-z]+_[a-z]+", text)  # no raw codes such as phone_missing
    parsed = json.loads(
        ok(run_cli("address", "parse", "浙江省杭州市西湖区文三路 张三", "--json", "--basedir", str(tmp_path)))
    )
    assert parsed["warnings"] == ["phone_missing", "address_vague"]  # JSON keeps the codes


def test_address_parse_uses_the_shops_lists(tmp_path) -> None:
    assert run_cli("config", "set", "lists.remote_areas", "浙江省", "--basedir", str(tmp_path)).returncode == 0
    parsed = json.loads(
        ok(
            run_cli(
                "address",
                "parse",
                "张三 13812345678 浙江省杭州市西湖区文三路100号",
                "--json",
                "--basedir",
                str(tmp_path),
            )
        )
    )
    assert parsed["warnings"] == ["remote_area"]


KPI_LOG = (
    "时间,买家,发送方,客服,内容\n"
    "2026-11-11 09:00:40,云朵,客服,小王,您好\n"
    "2026-11-11 09:00:00,云朵,买家,,在吗\n"
    "2026-11-11 09:00:10,云朵,自动回复,,您好，稍等\n"
    "2026-11-11 23:30:00,小熊,买家,,还在吗\n"
)


def test_kpi_json_on_a_gb18030_log(tmp_path) -> None:
    log = tmp_path / "chat.csv"
    log.write_bytes(KPI_LOG.encode("gb18030"))
    result = json.loads(ok(run_cli("kpi", str(log), "--json", "--basedir", str(tmp_path / "d"))))
    assert (result["rounds"], result["answered"], result["avg_response_s"], result["within_60s_rate"]) == (
        1,
        1,
        40.0,
        1.0,
    )
    assert result["answer_question_ratio"] == 1.0 and set(result["agents"]) == {"小王"}
    everything = json.loads(ok(run_cli("kpi", str(log), "--all-hours", "--json", "--basedir", str(tmp_path / "d"))))
    assert (everything["rounds"], everything["avg_response_s"]) == (2, 320.0)


def test_kpi_malformed_row_is_exit_2_naming_the_line(tmp_path) -> None:
    log = tmp_path / "chat.csv"
    log.write_text(KPI_LOG + "昨天,小熊,买家,,?\n", "utf-8")
    result = run_cli("kpi", str(log), "--basedir", str(tmp_path / "d"))
    assert_one_line_error(result)
    assert "第 6 行" in result.stderr
    assert_one_line_error(run_cli("kpi", str(log), "--hours", "9点-5点", "--basedir", str(tmp_path / "d")))


@pytest.mark.parametrize("command", ["kpi", "screen"])
def test_a_file_that_is_not_text_is_one_line_exit_2(tmp_path, command) -> None:
    """domain.tables.decode_text refuses UTF-16 and empty files; both commands say so in one line."""
    utf16, empty = tmp_path / "utf16.csv", tmp_path / "empty.csv"
    utf16.write_bytes("买家,时间\n".encode("utf-16"))
    empty.write_bytes(b" \n")
    for path, words in ((utf16, "无法识别文件编码"), (empty, "文件是空的")):
        result = run_cli(command, str(path), "--basedir", str(tmp_path / "d"))
        assert_one_line_error(result)
        assert words in result.stderr


def test_config_set_refuses_a_bad_title_rule_and_keeps_the_rules(tmp_path) -> None:
    base = str(tmp_path)
    before = run_cli("--basedir", base, "config", "get", "conversation.title_rules").stdout
    assert "千牛 | aliworkbench*" in before
    bad = run_cli("--basedir", base, "config", "set", "conversation.title_rules", "千牛 | * | (?P<nick>.+")
    assert_one_line_error(bad)
    assert "第 1 行：标题正则有误" in bad.stderr
    assert run_cli("--basedir", base, "config", "get", "conversation.title_rules").stdout == before
    rule = "京东 | dd*.exe | ^(?P<nick>.+?) - 咚咚$"
    ok(run_cli("--basedir", base, "config", "set", "conversation.title_rules", rule))
    assert run_cli("--basedir", base, "config", "get", "conversation.title_rules").stdout.strip() == rule
