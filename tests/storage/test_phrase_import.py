"""Applying phrase files to the library: conflict policies, all or nothing, dry run, exports, and the default
library installed once on first run (no Qt)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from desktop_assistant.domain.phrase_io import (
    Action,
    ConflictPolicy,
    ParsedImport,
    PhraseImportError,
    parse_csv,
    parse_json,
    parse_phrases,
)
from desktop_assistant.domain.phrases import Phrase, messages_needing_split, validated
from desktop_assistant.domain.rendering import placeholders_in
from desktop_assistant.domain.settings import DEFAULTS
from desktop_assistant.paths import Paths
from desktop_assistant.storage import phrase_import
from desktop_assistant.storage.phrase_import import (
    DEFAULTS_STATE_KEY,
    apply_import,
    default_library_path,
    export_to_file,
    import_file,
)
from desktop_assistant.storage.store import Store, open_store

NOW = dt.datetime(2026, 11, 11, 9, 30)
LATER = NOW + dt.timedelta(hours=1)
HEADER = "分组,快捷编码,标题,短语内容,快捷键"


def clear_library(store: Store) -> None:
    """An empty library and no groups, as if the defaults had never been installed."""
    with store.db.atomic():
        store.db.execute("DELETE FROM phrases")
        store.db.execute("DELETE FROM phrase_groups")


@pytest.fixture
def store(store: Store) -> Store:
    clear_library(store)
    return store


@pytest.fixture
def library(store: Store) -> Store:
    """Three phrases: one with a hotkey and a use count, one without a code."""
    p = store.phrases
    hy = p.add(Phrase(text="亲，欢迎光临~", group="售前", title="欢迎", code="hy", hotkey="ctrl+alt+1"), NOW)
    p.record_use(hy.id, NOW)
    p.record_use(hy.id, NOW)
    p.add(Phrase(text="已发货，请留意物流~", group="物流", code="fh"), NOW)
    p.add(Phrase(text="亲，在的", group="售前"), NOW)
    return store


def csv_import(*rows: str, header: str = HEADER) -> ParsedImport:
    return parse_csv("\n".join([header, *rows, ""]).encode("utf-8"))


def apply(store: Store, parsed: ParsedImport, policy: str = "skip", dry_run: bool = False, reserved=None):
    return apply_import(store.db, store.phrases, parsed, policy, LATER, dry_run=dry_run, reserved_hotkeys=reserved)


def snapshot(store: Store) -> list[tuple]:
    return [(p.id, p.group, p.code, p.title, p.text, p.hotkey, p.use_count) for p in store.phrases.all()]


def file_bytes(store: Store) -> bytes:
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return store.paths.db_path.read_bytes()


def by_code(store: Store, code: str) -> Phrase:
    return next(p for p in store.phrases.all() if p.code == code)


# --- adding --------------------------------------------------------------------------------------
def test_new_phrases_are_added_in_file_order_with_new_groups_last(library: Store) -> None:
    report = apply(library, csv_import("售后,az,安抚,亲别着急,", "售前,zd,在的,在的亲,", "差评,cp,,抱歉,ctrl+alt+5"))
    assert (report.added, report.replaced, report.skipped, report.renamed) == (3, 0, 0, 0)
    assert report.groups_added == ("售后", "差评")
    assert library.phrases.groups() == ["售前", "物流", "售后", "差评"]
    assert [p.code for p in library.phrases.all()] == ["hy", "", "zd", "fh", "az", "cp"]
    assert by_code(library, "cp").hotkey == "ctrl+alt+5"
    assert [item.line for item in report.items] == [2, 3, 4]
    assert str(report.summary) == "新增 3 条，替换 0 条，跳过 0 条，改编码后新增 0 条"


def test_progress_moves_while_a_bulk_run_of_new_rows_is_written_and_ends_at_the_total(library: Store) -> None:
    from desktop_assistant.storage.phrase_store import PROGRESS_ROWS

    rows = [f"售后,b{n},,第{n}条," for n in range(2 * PROGRESS_ROWS + 10)]
    seen: list[tuple[int, int]] = []
    apply_import(
        library.db, library.phrases, csv_import(*rows), "skip", LATER, progress=lambda d, t: seen.append((d, t))
    )
    total = len(rows)
    assert seen == [(0, total), (0, total), (PROGRESS_ROWS, total), (2 * PROGRESS_ROWS, total), (total, total)]


def test_added_phrases_are_searchable_by_pinyin(library: Store) -> None:
    apply(library, csv_import("售后,,退换货流程,亲，退换货请在订单里申请,"))
    assert library.phrases.get(library.phrases.search_ids("thh")[0]).title == "退换货流程"


# --- conflicts -----------------------------------------------------------------------------------
def test_skip_leaves_the_existing_phrase(library: Store) -> None:
    before = snapshot(library)
    report = apply(library, csv_import("售后,HY,新欢迎,新的欢迎语,ctrl+alt+9", "售前,,,亲，在的,"))
    assert snapshot(library) == before
    assert (report.skipped, report.added) == (2, 0)
    first, second = report.items
    assert first.existing is not None and first.existing.code == "hy" and not first.unchanged
    assert second.unchanged  # the same phrase, group and text: nothing to do
    assert str(first.message) == "第 2 行：跳过，已有「欢迎」"


def test_replace_overwrites_group_title_text_hotkey_but_keeps_id_code_and_use(library: Store) -> None:
    old = by_code(library, "hy")
    report = apply(library, csv_import("欢迎语,hy,新欢迎,{问候}，亲！,ctrl+alt+9"), "replace")
    new = by_code(library, "hy")
    assert (new.id, new.use_count, new.code) == (old.id, 2, "hy")
    assert (new.group, new.title, new.text, new.hotkey) == ("欢迎语", "新欢迎", "{问候}，亲！", "ctrl+alt+9")
    assert report.replaced == 1 and report.items[0].existing == old
    assert library.phrases.count() == 3


def test_replace_keeps_fields_the_file_has_no_column_for(library: Store) -> None:
    apply(library, csv_import("hy,新的欢迎语", header="code,text"), "replace")
    new = by_code(library, "hy")
    assert (new.group, new.title, new.text, new.hotkey) == ("售前", "欢迎", "新的欢迎语", "ctrl+alt+1")


def test_replace_with_identical_content_changes_nothing(library: Store) -> None:
    before = file_bytes(library)
    report = apply(library, csv_import("售前,hy,欢迎,亲，欢迎光临~,ctrl+alt+1"), "replace")
    assert report.skipped == 1 and report.items[0].unchanged and not report.changes
    assert file_bytes(library) == before


def test_a_phrase_without_code_conflicts_by_group_and_text(library: Store) -> None:
    parsed = csv_import("售前,,在的,亲，在的,", "物流,,,亲，在的,")  # the second is in another group
    report = apply(library, parsed, "replace")
    assert [item.action for item in report.items] == [Action.REPLACED, Action.ADDED]
    assert [p.title for p in library.phrases.all() if p.text == "亲，在的"] == ["在的", ""]


def test_keep_both_renames_codes_and_drops_taken_hotkeys(library: Store) -> None:
    parsed = csv_import("售前,hy,欢迎2,又一个欢迎,ctrl+alt+1", "售前,hy,欢迎3,第三个欢迎,", "售前,,,亲，在的,")
    report = apply(library, parsed, "keep-both")
    assert [(i.action, i.phrase.code, i.original_code, i.hotkey_dropped) for i in report.items] == [
        (Action.RENAMED, "hy2", "hy", "ctrl+alt+1"),
        (Action.RENAMED, "hy3", "hy", ""),
        (Action.ADDED, "", "", ""),
    ]
    assert by_code(library, "hy2").hotkey == "" and by_code(library, "hy").hotkey == "ctrl+alt+1"
    assert [p.text for p in library.phrases.all()].count("亲，在的") == 2
    assert report.hotkeys_dropped == 1
    assert (
        str(report.items[0].message)
        == "第 2 行：快捷编码 hy 已有，改为 hy2 新增「欢迎2」（快捷键 ctrl+alt+1 已被占用，未设置）"
    )


def test_keep_both_codes_stay_within_twenty_characters(store: Store) -> None:
    code = "a" * 20
    report = apply(store, csv_import(*[f"售前,{code},,第{n}个," for n in range(12)]), "keep-both")
    assert [item.phrase.code for item in report.items][:3] == [code, "a" * 19 + "2", "a" * 19 + "3"]
    assert report.items[-1].phrase.code == "a" * 18 + "12"
    assert all(len(p.code) <= 20 for p in store.phrases.all())


@pytest.mark.parametrize("policy", ["skip", "replace"])
def test_a_hotkey_taken_by_another_phrase_fails_the_import(library: Store, policy: str) -> None:
    before = file_bytes(library)
    parsed = csv_import("售后,az,安抚,别着急,", "售后,th,退换,退换货流程,Ctrl+Alt+1")
    with pytest.raises(PhraseImportError) as info:
        apply(library, parsed, policy)
    assert str(info.value) == "第 3 行：快捷键 ctrl+alt+1 已被短语「欢迎」使用"
    assert info.value.line == 3
    assert file_bytes(library) == before


def test_replace_onto_a_hotkey_of_another_phrase_fails(library: Store) -> None:
    library.phrases.update(replace_text(by_code(library, "fh"), hotkey="ctrl+alt+2"), NOW)
    with pytest.raises(PhraseImportError, match="第 2 行：快捷键 ctrl\\+alt\\+2 已被短语"):
        apply(library, csv_import("售前,hy,欢迎,亲，欢迎光临~,ctrl+alt+2"), "replace")


def test_a_hotkey_freed_earlier_in_the_file_can_be_taken_later(library: Store) -> None:
    parsed = csv_import("售前,hy,欢迎,亲，欢迎光临~,ctrl+alt+7", "物流,fh,,已发货，请留意物流~,ctrl+alt+1")
    apply(library, parsed, "replace")
    assert (by_code(library, "hy").hotkey, by_code(library, "fh").hotkey) == ("ctrl+alt+7", "ctrl+alt+1")


def test_the_apps_own_hotkeys_are_taken_too(library: Store) -> None:
    reserved = phrase_import.app_hotkeys(library.settings)
    assert reserved[DEFAULTS["hotkey.picker"]] == "hotkey.picker"
    parsed = csv_import(f"售后,az,安抚,别着急,{DEFAULTS['hotkey.picker']}")
    with pytest.raises(PhraseImportError, match="已用于本软件的「hotkey.picker」"):
        apply(library, parsed, "skip", reserved=reserved)
    report = apply(library, parsed, "keep-both", reserved=reserved)
    assert report.items[0].hotkey_dropped == DEFAULTS["hotkey.picker"] and by_code(library, "az").hotkey == ""


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        ("skip", [("zd", "第一个")]),
        ("replace", [("zd", "第二个")]),
        ("keep-both", [("zd", "第一个"), ("zd2", "第二个")]),
    ],
)
def test_duplicates_inside_the_file_follow_the_same_rules(store: Store, policy: str, expected) -> None:
    report = apply(store, csv_import("售前,zd,,第一个,", "售前,ZD,,第二个,"), policy)
    assert [(p.code, p.text) for p in store.phrases.all()] == expected
    assert len(report.items) == 2


def test_duplicate_hotkeys_inside_the_file(store: Store) -> None:
    parsed = csv_import("售前,a,,一,ctrl+alt+1", "售前,b,,二,ctrl+alt+1")
    with pytest.raises(PhraseImportError, match="第 3 行：快捷键 ctrl\\+alt\\+1 已被短语「一」使用"):
        apply(store, parsed, "replace")
    assert store.phrases.count() == 0
    apply(store, parsed, "keep-both")
    assert [(p.code, p.hotkey) for p in store.phrases.all()] == [("a", "ctrl+alt+1"), ("b", "")]


# --- all or nothing and dry run ------------------------------------------------------------------
def test_a_failure_while_writing_leaves_the_file_byte_identical(library: Store, monkeypatch) -> None:
    before = file_bytes(library)
    real_insert = library.phrases.insert_many
    calls = []

    def failing_insert(phrases, now, progress=None):  # new phrases go in bulk: 29 rows written, then the disk is full
        calls.extend(phrases)
        real_insert(calls[:29], now)
        raise OSError("disk full")

    monkeypatch.setattr(library.phrases, "insert_many", failing_insert)
    with pytest.raises(OSError):
        apply(library, csv_import(*[f"新分组,c{n},,第 {n} 条," for n in range(50)]), "skip")
    assert len(calls) == 50
    assert file_bytes(library) == before
    assert "新分组" not in library.phrases.groups()


def test_a_store_refusal_is_reported_at_its_line(library: Store, monkeypatch) -> None:
    from desktop_assistant.domain.phrases import PhraseError

    def refuse(phrase, now):
        raise PhraseError("快捷编码 {code} 已被短语「{other}」使用", code=phrase.code, other="x")

    before = file_bytes(library)
    monkeypatch.setattr(library.phrases, "add", refuse)
    monkeypatch.setattr(
        library.phrases, "insert_many", lambda phrases, now, progress=None: refuse(list(phrases)[0], now)
    )
    with pytest.raises(PhraseImportError, match="^第 2 行：数据库拒绝写入"):
        apply(library, csv_import("售后,az,安抚,别着急,"))
    assert file_bytes(library) == before


@pytest.mark.parametrize("policy", ["skip", "replace", "keep-both"])
def test_dry_run_reports_exactly_what_the_real_run_does_and_writes_nothing(library: Store, policy: str) -> None:
    parsed = csv_import("售前,hy,新欢迎,新的欢迎语,", "新组,xx,,全新的,", "售前,,,亲，在的,", "新组,xx,,又一个,")
    before = file_bytes(library)
    dry = apply(library, parsed, policy, dry_run=True)
    assert file_bytes(library) == before
    assert dry.dry_run and str(dry.summary).startswith("试运行，未写入：")
    real = apply(library, parsed, policy)
    assert not real.dry_run
    assert [(i.action, i.line, i.phrase.code, i.phrase.text) for i in dry.items] == [
        (i.action, i.line, i.phrase.code, i.phrase.text) for i in real.items
    ]
    assert (dry.added, dry.replaced, dry.skipped, dry.renamed, dry.groups_added) == (
        real.added,
        real.replaced,
        real.skipped,
        real.renamed,
        real.groups_added,
    )
    assert dry.groups_added == ("新组",)


def test_dry_run_of_a_failing_import_fails_the_same_way(library: Store) -> None:
    parsed = csv_import("售后,az,安抚,别着急,ctrl+alt+1")
    with pytest.raises(PhraseImportError, match="第 2 行"):
        apply(library, parsed, dry_run=True)


# --- files ---------------------------------------------------------------------------------------
def test_import_file_reads_every_format(library: Store, tmp_path: Path) -> None:
    gbk = tmp_path / "千牛短语.csv"
    gbk.write_bytes(f"{HEADER}\n售后,az,安抚,亲别着急,\n".encode("gbk"))
    report = import_file(library.db, library.phrases, library.settings, gbk, LATER)
    assert report.added == 1 and report.encoding == "gb18030" and report.format == "csv"
    beeftext = tmp_path / "beeftext.csv"
    beeftext.write_text("th,退换货请在订单里申请,退换\n", encoding="utf-8")
    report = import_file(library.db, library.phrases, None, beeftext, LATER, policy=ConflictPolicy.REPLACE)
    assert report.format == "beeftext" and by_code(library, "th").title == "退换"


def test_missing_file_is_an_import_error(library: Store, tmp_path: Path) -> None:
    with pytest.raises(PhraseImportError, match="找不到文件"):
        import_file(library.db, library.phrases, None, tmp_path / "nope.csv", LATER)


@pytest.mark.parametrize("suffix", ["json", "csv", "xlsx"])
def test_export_then_import_into_an_empty_library_round_trips(
    library: Store, paths: Paths, tmp_path: Path, suffix: str
) -> None:
    library.phrases.move_group("物流", 0)
    library.phrases.ensure_group("空分组")
    library.phrases.add(Phrase(text='=HYPERLINK("x")\n---\n第二条', group="售前", code="-f", title="@提醒"), NOW)
    target = tmp_path / f"library.{suffix}"
    assert export_to_file(library.phrases, target) == 4
    other = open_store(Paths(tmp_path / "other"), NOW)
    try:
        clear_library(other)
        report = import_file(other.db, other.phrases, other.settings, target, LATER)
        assert report.added == 4
        if suffix == "json":  # everything, use counts and empty groups included (ids are the database's own)
            assert [row[1:] for row in snapshot(other)] == [row[1:] for row in snapshot(library)]
            assert other.phrases.groups() == library.phrases.groups() == ["物流", "售前", "空分组"]
            assert [p.last_used for p in other.phrases.all()] == [p.last_used for p in library.phrases.all()]
        else:
            fields = [(p.group, p.code, p.title, p.text, p.hotkey) for p in other.phrases.all()]
            assert fields == [(p.group, p.code, p.title, p.text, p.hotkey) for p in library.phrases.all()]
    finally:
        other.close()


def test_export_refuses_an_unknown_extension_and_a_missing_folder(library: Store, tmp_path: Path) -> None:
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    with pytest.raises(PhraseImportError, match="导出格式"):
        export_to_file(library.phrases, tmp_path / "library.txt")
    with pytest.raises(PhraseImportError, match="目录不存在"):
        export_to_file(library.phrases, tmp_path / "no" / "library.csv")
    assert export_to_file(library.phrases, tmp_path / "library.txt", "json") == 3
    assert json.loads((tmp_path / "library.txt").read_text(encoding="utf-8"))["format"] == "desktop_assistant.phrases"
    assert [p.name for p in tmp_path.iterdir()] == ["library.txt"]  # no temporary file left


# --- the default library -------------------------------------------------------------------------
def replace_text(phrase: Phrase, **changes) -> Phrase:
    from dataclasses import replace

    return replace(phrase, **changes)


def test_first_run_installs_the_default_library_once(paths: Paths) -> None:
    store = open_store(paths, NOW)
    try:
        phrases = store.phrases.all()
        assert len(phrases) >= 60
        assert store.phrases.groups() == [
            "售前",
            "缺货/预售",
            "催付",
            "核对地址",
            "物流/快递",
            "售后",
            "差评处理",
            "下班/离开",
            "结束语",
        ]
        assert store.state.get(DEFAULTS_STATE_KEY)["installed"] == len(phrases)
    finally:
        store.close()


def test_default_phrases_edited_or_deleted_stay_that_way(paths: Paths) -> None:
    store = open_store(paths, NOW)
    greeting = by_code(store, "hy")
    store.phrases.update(replace_text(greeting, text="您好，我是小王~"), NOW)
    count = store.phrases.count()
    store.close()
    store = open_store(paths, LATER)
    assert by_code(store, "hy").text == "您好，我是小王~" and store.phrases.count() == count
    for phrase in store.phrases.all():
        store.phrases.delete(phrase.id)
    store.close()
    store = open_store(paths, LATER)
    try:
        assert store.phrases.count() == 0
    finally:
        store.close()


def test_an_existing_library_without_the_mark_is_left_alone(paths: Paths) -> None:
    store = open_store(paths, NOW)
    clear_library(store)
    store.phrases.add(Phrase(text="我自己的短语", code="wd"), NOW)
    with store.db.atomic():
        store.db.execute("DELETE FROM app_state WHERE key = ?", [DEFAULTS_STATE_KEY])
    store.close()
    store = open_store(paths, NOW)
    try:
        assert [p.code for p in store.phrases.all()] == ["wd"]
        assert store.state.get(DEFAULTS_STATE_KEY)["installed"] == 0
    finally:
        store.close()


def test_a_broken_default_library_does_not_stop_the_app(paths: Paths, tmp_path: Path, monkeypatch) -> None:
    broken = tmp_path / "default.json"
    broken.write_text('{"format": "desktop_assistant.phrases", "version": 1, "phrases": [{"text": ""}]}')
    monkeypatch.setattr(phrase_import, "default_library_path", lambda: broken)
    store = open_store(paths, NOW)
    try:
        assert store.phrases.count() == 0 and store.phrases.groups() == []
        assert store.state.get(DEFAULTS_STATE_KEY) is None  # the next start tries again
    finally:
        store.close()
    monkeypatch.undo()
    store = open_store(paths, NOW)
    try:
        assert store.phrases.count() >= 60
    finally:
        store.close()


def default_library() -> ParsedImport:
    return parse_json(default_library_path().read_bytes())


def test_default_library_is_valid_and_well_formed() -> None:
    parsed = parse_phrases(default_library_path().read_bytes(), "auto", "default.json")
    phrases = [draft.phrase for draft in parsed.drafts]
    assert len(phrases) >= 60
    codes = [p.code for p in phrases]
    assert all(codes) and len(set(codes)) == len(codes)
    assert all(len(c) <= 5 and c == c.lower() for c in codes)
    for phrase in phrases:
        assert validated(phrase) == phrase
        assert phrase.title, phrase.code
        assert all(span.known for span in placeholders_in(phrase.text)), phrase.code
        assert not messages_needing_split(phrase.text), phrase.code
        assert phrase.use_count == 0 and phrase.last_used is None
    hotkeys = [p.hotkey for p in phrases if p.hotkey]
    assert 1 <= len(hotkeys) <= 9 and len(set(hotkeys)) == len(hotkeys)
    assert all(h.startswith("ctrl+alt+") and h[-1].isdigit() for h in hotkeys)
    assert not set(hotkeys) & {value for key, value in DEFAULTS.items() if key.startswith("hotkey.")}
    assert any(len(p.messages) > 1 for p in phrases)  # some answers go out as several messages


def test_default_library_covers_an_agents_day() -> None:
    phrases = [draft.phrase for draft in default_library().drafts]
    groups = {p.group: [q for q in phrases if q.group == p.group] for p in phrases}
    assert list(groups) == [
        "售前",
        "缺货/预售",
        "催付",
        "核对地址",
        "物流/快递",
        "售后",
        "差评处理",
        "下班/离开",
        "结束语",
    ]
    greeting = next(p for p in phrases if p.hotkey == "ctrl+alt+1")
    assert all(name in greeting.text for name in ("{问候}", "{店铺}", "{客服}"))

    def somewhere(group: str, *words: str) -> None:
        texts = " ".join(p.title + p.text for p in groups[group])
        for word in words:
            assert word in texts, (group, word)

    somewhere("售前", "尺码", "材质", "现货", "发票", "便宜", "满", "优惠券")
    assert len(groups["催付"]) >= 3
    somewhere("催付", "发货", "库存")
    somewhere("核对地址", "地址", "电话", "修改")
    somewhere("物流/快递", "发货", "延迟", "顺丰", "补", "偏远", "物流")
    somewhere("售后", "抱歉", "退换货", "七天无理由", "照片", "退款")
    somewhere("差评处理", "抱歉", "修改一下评价")
    somewhere("结束语", "五星好评", "收藏", "再见")
    for phrase in phrases:  # never buy reviews: that breaks platform rules
        if "返现" in phrase.text or "红包" in phrase.text:
            assert "不能" in phrase.text, phrase.code
    placeholders = {span.name for p in phrases for span in placeholders_in(p.text)}
    assert {"问候", "店铺", "客服", "买家", "订单号", "日期", "时间", "光标"} <= placeholders
