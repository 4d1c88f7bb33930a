"""Storage failures on the real command line (issue 15): the real cause in one line, its own exit code,
and every acknowledged note still there (or restored) afterwards. Real processes, real faults."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from desktop_assistant.paths import Paths
from tests.conftest import REPO, run_cli
from tests.faults import fill

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes, mounts and pipes")


def one_line(result: subprocess.CompletedProcess, code: int, *words: str) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def with_notes(base: Path, count: int) -> list[str]:
    assert run_cli("--basedir", str(base), "config", "set", "agent_id", "007").returncode == 0
    orders = []
    for n in range(count):
        order = f"A{n:04d}"
        result = run_cli("--basedir", str(base), "notes", "add", order, "--flag", "1", "--text", f"第{n}条")
        assert result.returncode == 0, result.stderr
        orders.append(order)
    return orders


def history(base: Path, order: str) -> subprocess.CompletedProcess:
    return run_cli("--basedir", str(base), "notes", "history", order, "--json")


@posix_only
def test_full_disk_exits_4_and_after_freeing_space_every_note_is_there(small_fs: Path) -> None:
    base = small_fs / "data"
    orders = with_notes(base, 3)
    filler = fill(small_fs)
    result = run_cli("--basedir", str(base), "notes", "add", "B1", "--flag", "1", "--text", "满了")
    one_line(result, 4, "磁盘已满")
    assert not (base / "corrupt").exists()  # a full disk is not damage: nothing moved aside
    filler.unlink()
    for order in orders:
        assert order in history(base, order).stdout
    assert run_cli("--basedir", str(base), "db", "check").returncode == 0


@posix_only
def test_backup_to_a_full_disk_exits_4_and_leaves_no_partial(small_fs: Path, tmp_path: Path) -> None:
    base = tmp_path / "data"
    with_notes(base, 1)
    fill(small_fs)
    one_line(run_cli("--basedir", str(base), "db", "backup", str(small_fs / "copy.sqlite3")), 4, "磁盘已满")
    assert not list(small_fs.glob("copy*"))


@posix_only
def test_read_only_folder_reads_work_and_writes_exit_5(tmp_path: Path, read_only_view) -> None:
    base = tmp_path / "data"
    orders = with_notes(base, 2)
    view = read_only_view(base)
    result = history(view, orders[0])
    assert result.returncode == 0 and orders[0] in result.stdout, result.stderr
    one_line(result, 0, "只读模式")  # the read worked, and the caller is told it cannot write here
    one_line(run_cli("--basedir", str(view), "notes", "add", "B1", "--flag", "1", "--text", "x"), 5, "只读")
    assert run_cli("--basedir", str(view), "--smoke-test").returncode == 0


@posix_only
def test_read_only_profile_on_a_full_disk_exits_5_not_4(small_fs: Path, read_only_view) -> None:
    base = small_fs / "data"
    orders = with_notes(base, 2)
    fill(small_fs)
    view = read_only_view(base)
    result = history(view, orders[0])
    assert orders[0] in result.stdout
    one_line(result, 0, "只读模式")
    one_line(run_cli("--basedir", str(view), "notes", "add", "B1", "--flag", "1", "--text", "x"), 5, "只读")


@posix_only
def test_immutable_database_and_folder_open_read_only(tmp_path: Path, immutable) -> None:
    base = tmp_path / "data"
    orders = with_notes(base, 1)
    os.chmod(base, 0o750)
    immutable(base / "desktop_assistant.sqlite3")
    immutable(base)
    assert orders[0] in history(base, orders[0]).stdout
    one_line(run_cli("--basedir", str(base), "config", "set", "agent_id", "008"), 5, "只读")
    assert stat.S_IMODE(base.stat().st_mode) == 0o750  # ensure() left the user's mode alone


def test_zero_byte_file_is_restored_from_the_backup_with_a_message(tmp_path: Path) -> None:
    base = tmp_path / "data"
    orders = with_notes(base, 2)
    assert (
        run_cli("--basedir", str(base), "db", "backup", str(base / "backups" / "daily-20261111.sqlite3")).returncode
        == 0
    )
    for leftover in base.glob("desktop_assistant.sqlite3-*"):
        leftover.unlink()
    (base / "desktop_assistant.sqlite3").write_bytes(b"")
    result = history(base, orders[1])
    assert result.returncode == 0, result.stderr
    assert "0 字节" in result.stderr and "daily-20261111.sqlite3" in result.stderr
    assert orders[1] in result.stdout


def test_zero_byte_file_without_a_good_backup_is_refused_not_recreated(tmp_path: Path) -> None:
    base = tmp_path / "data"
    with_notes(base, 1)
    (base / "backups").mkdir(exist_ok=True)
    (base / "backups" / "daily-20261111.sqlite3").write_bytes(b"not a database")
    for leftover in base.glob("desktop_assistant.sqlite3-*"):
        leftover.unlink()
    (base / "desktop_assistant.sqlite3").write_bytes(b"")
    one_line(run_cli("--basedir", str(base), "config", "get", "agent_id"), 9, "0 字节")
    assert (base / "desktop_assistant.sqlite3").stat().st_size == 0


def _make_newer(base: Path) -> None:
    with_notes(base, 1)
    conn = sqlite3.connect(base / "desktop_assistant.sqlite3")
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("start", [["--smoke-test"], [], ["config", "get", "agent_id"]])
def test_newer_schema_exits_7_with_one_line_and_no_box(tmp_path: Path, start: list[str]) -> None:
    """No modal box waits for anybody (a hang fails by the subprocess timeout) and no socket is left."""
    base = tmp_path / "data"
    _make_newer(base)
    result = run_cli("--basedir", str(base), *start, timeout=60)
    one_line(result, 7, "更新的版本")
    key = Paths(base).instance_key
    assert not (Path(tempfile.gettempdir()) / key).exists()


def test_not_our_database_exits_8_and_is_left_alone(tmp_path: Path) -> None:
    base = tmp_path / "data"
    base.mkdir()
    conn = sqlite3.connect(base / "desktop_assistant.sqlite3")
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    before = (base / "desktop_assistant.sqlite3").read_bytes()
    one_line(run_cli("--basedir", str(base), "config", "get", "agent_id"), 8, "不是客服助手的数据库")
    assert (base / "desktop_assistant.sqlite3").read_bytes() == before


def test_damaged_file_exits_3(tmp_path: Path) -> None:
    base = tmp_path / "data"
    with_notes(base, 1)
    db = base / "desktop_assistant.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db.write_bytes(b"\x00" * 100 + db.read_bytes()[100:])
    one_line(run_cli("--basedir", str(base), "config", "get", "agent_id"), 3, "已损坏")


@posix_only
def test_logs_backups_and_corrupt_folder_are_owner_only(tmp_path: Path) -> None:
    base = tmp_path / "data"
    env = {**os.environ}
    with_notes(base, 1)
    log = base / "logs" / "desktop_assistant.log"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    copy = base / "backups" / "copy.sqlite3"
    assert run_cli("--basedir", str(base), "db", "backup", str(copy), env=env).returncode == 0
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    db = base / "desktop_assistant.sqlite3"
    db.write_bytes(b"\x00" * 4096)  # damaged: restore moves it aside into corrupt/
    assert run_cli("--basedir", str(base), "db", "restore", str(copy)).returncode == 0
    assert stat.S_IMODE((base / "corrupt").stat().st_mode) == 0o700
    for moved in (base / "corrupt").iterdir():
        assert stat.S_IMODE(moved.stat().st_mode) & 0o077 == 0


@posix_only
def test_import_into_a_closed_pipe_exits_0_after_writing(tmp_path: Path) -> None:
    base = tmp_path / "data"
    source = tmp_path / "phrases.csv"
    source.write_text("code,text\n" + "".join(f"c{n},短语{n}\n" for n in range(30)), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    command = f"{sys.executable} -m desktop_assistant --basedir {base} phrases import {source} | true"
    result = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, text=True, env=env, timeout=60, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    listed = run_cli("--basedir", str(base), "phrases", "search", "短语29", "--json")
    assert "短语29" in listed.stdout


def test_screen_with_a_5000_digit_number_names_the_line_and_goes_on(tmp_path: Path) -> None:
    text = '{"nick": "a", "credit": ' + "1" * 5000 + '}\n{"nick": "b", "credit": 5}\n'
    result = run_cli("--basedir", str(tmp_path / "data"), "screen", "-", "--json", stdin=text)
    assert result.returncode == 2
    assert "第 1 行" in result.stderr and "Traceback" not in result.stderr and len(result.stderr) < 300
    assert '"nick": "b"' in result.stdout


def test_phrase_import_with_a_nul_byte_is_refused_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "phrases.csv"
    source.write_text("code,text\nok,独一无二的短语甲\nbad,前\0后\n", encoding="utf-8")
    result = run_cli("--basedir", str(tmp_path / "data"), "phrases", "import", str(source))
    line = one_line(result, 2, "NUL")
    assert "第 3 行" in line  # names the line
    assert (
        "独一无二的短语甲" not in run_cli("--basedir", str(tmp_path / "data"), "phrases", "list").stdout
    )  # all or nothing


def _panel(base: Path) -> subprocess.Popen:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "desktop_assistant", "--basedir", str(base)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def _wait_for_panel(base: Path, panel: subprocess.Popen) -> None:
    import time

    log = base / "logs" / "desktop_assistant.log"
    for _ in range(600):
        if log.exists() and "panel shown" in log.read_text(encoding="utf-8"):
            return
        assert panel.poll() is None, panel.stderr.read().decode()
        time.sleep(0.1)
    raise AssertionError("the panel did not come up")


def test_restore_while_the_panel_runs_is_refused_or_asks_it_to_quit(tmp_path: Path) -> None:
    base = tmp_path / "data"
    orders = with_notes(base, 1)
    copy = tmp_path / "copy.sqlite3"
    assert run_cli("--basedir", str(base), "db", "backup", str(copy)).returncode == 0
    run_cli("--basedir", str(base), "notes", "add", "LATER", "--flag", "1", "--text", "备份之后")
    panel = _panel(base)
    try:
        _wait_for_panel(base, panel)
        before = (base / "desktop_assistant.sqlite3").read_bytes()
        one_line(run_cli("--basedir", str(base), "db", "restore", str(copy)), 6, "面板正在使用")
        assert (base / "desktop_assistant.sqlite3").read_bytes() == before
        result = run_cli("--basedir", str(base), "db", "restore", str(copy), "--close-panel")
        assert result.returncode == 0, result.stderr
        assert panel.wait(timeout=30) == 0  # the panel quit cleanly before the file was replaced
    finally:
        if panel.poll() is None:
            panel.kill()
            panel.wait()
    assert orders[0] in history(base, orders[0]).stdout
    assert "LATER" not in history(base, "LATER").stdout  # the backup's state; the newer file was kept:
    kept = list((base / "backups").glob("pre-restore-*.sqlite3"))
    with sqlite3.connect(kept[0]) as conn:
        assert conn.execute("SELECT count(*) FROM order_notes WHERE order_id = 'LATER'").fetchone()[0] == 1


def test_emptied_file_is_restored_before_a_command_that_reads_stdin(tmp_path: Path) -> None:
    base = tmp_path / "data"
    with_notes(base, 1)
    assert (
        run_cli("--basedir", str(base), "db", "backup", str(base / "backups" / "daily-20261111.sqlite3")).returncode
        == 0
    )
    for leftover in base.glob("desktop_assistant.sqlite3-*"):
        leftover.unlink()
    (base / "desktop_assistant.sqlite3").write_bytes(b"")
    result = run_cli("--basedir", str(base), "screen", "-", "--json", stdin='{"nick": "tb_a"}\n')
    assert result.returncode == 0, result.stderr
    assert "0 字节" in result.stderr and '"nick": "tb_a"' in result.stdout


READ_COMMANDS = [
    ("config", "get", "agent_id"),
    ("config", "list"),
    ("db", "check"),
    ("db", "purge", "--dry-run", "--days", "30"),
    ("phrases", "list"),
    ("phrases", "search", "A"),
    ("notes", "history", "A0000"),
    ("promises", "list"),
    ("conversations", "export", "-"),
]


@posix_only
def test_read_commands_on_a_read_only_file_print_their_output_and_a_one_line_notice(
    tmp_path: Path, read_only_file
) -> None:
    base = tmp_path / "data"
    orders = with_notes(base, 2)
    for kind in ("phrases", "notes", "blacklist"):
        assert run_cli("--basedir", str(base), kind, "export", str(tmp_path / f"{kind}-before.csv")).returncode == 0
    writable = {command: run_cli("--basedir", str(base), *command) for command in READ_COMMANDS}
    for command, result in writable.items():
        assert result.returncode == 0 and result.stderr == "", (command, result.stderr)
    read_only_file(base / "desktop_assistant.sqlite3")
    for command in READ_COMMANDS:
        result = run_cli("--basedir", str(base), *command)
        one_line(result, 0, "只读模式")
        if command[:2] != ("db", "check"):  # check names the file it checked: the same either way
            assert result.stdout == writable[command].stdout, command
    for kind in ("phrases", "notes", "blacklist"):
        one_line(run_cli("--basedir", str(base), kind, "export", str(tmp_path / f"{kind}-after.csv")), 0, "只读模式")
        assert (tmp_path / f"{kind}-after.csv").read_bytes() == (tmp_path / f"{kind}-before.csv").read_bytes()
    assert orders[0] in history(base, orders[0]).stdout
    # A write still fails with its one line (exit 5), not the notice on top of it.
    one_line(run_cli("--basedir", str(base), "notes", "add", "B1", "--flag", "1", "--text", "x"), 5, "只读")
