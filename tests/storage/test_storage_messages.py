"""What storage tells the agent is translatable to the last fragment: a newer database's reason, the
check and restore findings, the purge report. The command line keeps printing the Chinese."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop_assistant.paths import Paths
from desktop_assistant.storage import maintenance
from desktop_assistant.storage.errors import Fragment, NewerSchemaError
from desktop_assistant.storage.retention import MSG_EXAMPLE_NOTE, PurgeReport
from desktop_assistant.storage.store import open_store
from tests.conftest import record_future_migration

NOW = dt.datetime(2026, 11, 26, 10, 0)
CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "translations" / "en.qm"
CJK = re.compile(r"[\u3400-\u9fff\uff08\uff09\uff0c\uff1a]")  # Chinese, full-width ( ) , :


@pytest.fixture
def english(qapp):
    translator = QTranslator()
    assert translator.load(str(CATALOGUE))
    qapp.installTranslator(translator)
    yield lambda error: error.translated(QCoreApplication.translate)
    qapp.removeTranslator(translator)


def test_an_unknown_migration_is_named_in_english_too(paths: Paths, english) -> None:
    open_store(paths, NOW).close()
    record_future_migration(paths.db_path)
    with pytest.raises(NewerSchemaError) as raised:
        open_store(paths, NOW)
    assert "（迁移 m099_future）" in str(raised.value)
    shown = english(raised.value)
    assert "(migration m099_future)" in shown and not CJK.search(shown), shown
    report = maintenance.check_file(paths.db_path)
    assert report.problems == ["来自更新版本的数据库结构（迁移 m099_future）"]
    assert english(report.findings[0]) == "Database structure from a newer version (migration m099_future)"


def test_a_newer_user_version_is_named(paths: Paths, english) -> None:
    open_store(paths, NOW).close()
    conn = sqlite3.connect(paths.db_path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    error = maintenance.newer_schema(paths.db_path)
    assert error is not None and "user_version 99 >" in english(error) and not CJK.search(english(error))


def test_check_and_restore_findings(paths: Paths, tmp_path, english) -> None:
    missing = maintenance.check_file(tmp_path / "nope.sqlite3")
    assert missing.problems == [f"文件不存在：{tmp_path / 'nope.sqlite3'}"] and not missing.ok
    assert english(missing.findings[0]).startswith("File not found: ")
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    with pytest.raises(maintenance.BackupRejected) as raised:
        maintenance.restore(paths, empty, NOW)
    assert str(raised.value) == f"{empty} 不能用于恢复：文件是空的（0 字节）：{empty}"
    assert english(raised.value) == f"{empty} cannot be used to restore: The file is empty (0 bytes): {empty}"
    open_store(paths, NOW).close()
    with pytest.raises(maintenance.BackupRejected) as itself:
        maintenance.restore(paths, paths.db_path, NOW)
    assert english(itself.value) == "The database in use cannot be restored from itself"


@pytest.mark.parametrize("dry_run", [True, False])
def test_purge_report_lines_and_their_english(dry_run, english) -> None:
    report = PurgeReport(30, 0, dry_run, receivers=2, checks=1, profiles=0, notes=3, promises=4, questions=5)
    report.examples.append(Fragment(MSG_EXAMPLE_NOTE, order_id="A1", note_id=7))
    verb = "将" if dry_run else "已"
    assert report.lines() == [
        "保留期：个人信息 30 天，收货人 不限 天",
        f"{verb}删除收货人和地址 2 条",
        f"{verb}清除核对单里的地址和电话 1 单",
        f"{verb}遮盖买家档案备注里的电话和地址 0 个",
        f"{verb}遮盖订单备注里的电话和地址 3 条（历史保留，只遮盖）",
        f"{verb}遮盖承诺里的电话和地址 4 条",
        f"{verb}遮盖待答问题里的电话和地址 5 条",
        "  订单备注 A1（#7）",
    ]
    shown = [english(message) for message in report.messages()]
    assert shown[0] == "Retention: personal data 30 days, receivers unlimited days"
    assert shown[1] == ("Would delete 2 receivers and addresses" if dry_run else "Deleted 2 receivers and addresses")
    assert shown[-1] == "Order note A1 (#7)"
    assert not any(CJK.search(line) for line in shown), shown
    assert PurgeReport(0, 0, dry_run).lines() == [
        "没有设置保留期（retention.days 和 privacy.retention_days 都是 0），什么也不清除"
    ]
