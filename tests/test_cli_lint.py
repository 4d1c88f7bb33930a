"""`desktop-assistant phrases lint [--json]` in a real process (docs/guard.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.paths import Paths
from desktop_assistant.storage.store import open_store
from tests.conftest import run_cli


def lint(base: Path, *args: str):
    return run_cli("phrases", "lint", *args, "--basedir", str(base))


def add(base: Path, *phrases: Phrase) -> None:
    store = open_store(Paths(base), dt.datetime(2026, 11, 11, 9, 0))
    store.db.execute("DELETE FROM phrases")  # only these phrases: the defaults have their own test
    for phrase in phrases:
        store.phrases.add(phrase, dt.datetime(2026, 11, 11, 9, 0))
    store.close()


def test_the_default_library_is_clean(tmp_path) -> None:
    result = lint(tmp_path, "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    assert json.loads(result.stdout) == []
    assert lint(tmp_path).stdout.strip() == "没有发现问题"


def test_blocking_hits_exit_1_and_name_code_category_words(tmp_path) -> None:
    add(
        tmp_path,
        Phrase(text="亲，加我微信 abc，好评返现5元", code="wx1", title="违规"),
        Phrase(text="全网最低价，顶级面料", code="jx1"),
    )
    result = lint(tmp_path, "--json")
    assert result.returncode == 1, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["code"], r["category"], r["blocking"], r["words"]) for r in rows] == [
        ("wx1", "contact", True, ["加我", "微信"]),
        ("wx1", "cashback", True, ["好评返"]),
        ("jx1", "absolute", False, ["全网最低", "顶级"]),
    ]
    text = lint(tmp_path)
    assert text.returncode == 1
    assert text.stdout.splitlines()[0].startswith("wx1\t站外联系\t阻止\t加我、微信")
    assert "jx1\t广告法极限词\t提醒" in text.stdout


def test_warnings_alone_exit_0(tmp_path) -> None:
    add(tmp_path, Phrase(text="这是最低价了", code="jx2"))
    result = lint(tmp_path, "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)[0]["category"] == "absolute"


def test_a_category_switched_off_is_not_checked(tmp_path) -> None:
    add(tmp_path, Phrase(text="加我微信", code="wx2"))
    assert run_cli("config", "set", "guard.contact", "false", "--basedir", str(tmp_path)).returncode == 0
    assert lint(tmp_path).returncode == 0


def test_import_on_a_fresh_install_replaces_the_samples_and_names_guard_hits(tmp_path) -> None:
    shop = tmp_path / "shop.csv"
    shop.write_bytes(
        "分组,快捷编码,标题,短语内容,快捷键\n售前,hy,欢迎,欢迎光临小店~,ctrl+alt+1\n"
        "售前,wx8,加微信,有事加我微信 abc123,\n".encode("gbk")
    )
    base = tmp_path / "data"
    result = run_cli("phrases", "import", str(shop), "--basedir", str(base))
    assert result.returncode == 0, result.stderr
    assert "替换 1 条" in result.stdout and "新增 1 条" in result.stdout
    assert "替换示例短语「欢迎语」为「欢迎」" in result.stdout
    assert "第 3 行：「加微信」含站外联系：加我、微信（发送前要确认）" in result.stdout
    assert lint(base).returncode == 1  # imported all the same; the lint names it
