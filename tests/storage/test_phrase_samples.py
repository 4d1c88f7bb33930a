"""Imports respect the agent's library, not the samples (issue 16): an untouched default phrase gives way
to an imported one on every policy; what the agent edited or used keeps the chosen policy. Beeftext
keywords starting with punctuation import under a valid code. Guard hits are named per line."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_assistant.domain.phrase_io import Action, parse_beeftext, parse_csv
from desktop_assistant.domain.phrases import Phrase
from desktop_assistant.paths import Paths
from desktop_assistant.resources_access import load_guard
from desktop_assistant.storage.migrations import MIGRATION_NAMES, migrate
from desktop_assistant.storage.phrase_import import DEFAULTS_STATE_KEY, apply_import
from desktop_assistant.storage.store import Store, open_store

NOW = dt.datetime(2026, 11, 11, 9, 30)
LATER = NOW + dt.timedelta(hours=1)
HEADER = "分组,快捷编码,标题,短语内容,快捷键"


def by_code(store: Store, code: str) -> Phrase:
    return next(p for p in store.phrases.all() if p.code == code)


def csv_import(*rows: str):
    return parse_csv("\n".join([HEADER, *rows, ""]).encode("gbk"))


def apply(store: Store, parsed, policy: str = "skip", **kw):
    return apply_import(store.db, store.phrases, parsed, policy, LATER, **kw)


# --- knowing what is an untouched sample ----------------------------------------------------------
def test_first_run_defaults_are_samples(store: Store) -> None:
    assert store.phrases.all() and all(p.sample for p in store.phrases.all())


def test_editing_using_or_moving_a_sample_makes_it_the_agents(store: Store) -> None:
    phrases = store.phrases
    edited = phrases.update(replace_text(by_code(store, "zd"), "亲，在的~"), LATER)
    used = phrases.record_use(by_code(store, "sd").id, LATER)
    moved = by_code(store, "cm")
    phrases.move(moved.id, "售后", 0, LATER)
    assert not edited.sample and not used.sample and not phrases.get(moved.id).sample
    assert by_code(store, "hy").sample  # the others stay samples
    assert not phrases.add(Phrase(text="新的", code="new1"), LATER).sample


def replace_text(phrase: Phrase, text: str) -> Phrase:
    from dataclasses import replace

    return replace(phrase, text=text)


def test_migration_marks_the_untouched_defaults_of_an_existing_install(paths: Paths) -> None:
    store = open_store(paths, NOW)
    hy, zd, sd = by_code(store, "hy"), by_code(store, "zd"), by_code(store, "sd")
    store.phrases.update(replace_text(zd, "亲，在的~"), LATER)
    store.phrases.record_use(sd.id, LATER)
    store.phrases.add(Phrase(text="店里自己的", code="mine"), LATER)
    # Back to the schema before the sample column: drop it and forget the migration.
    last = "m007_phrase_samples"
    assert last in MIGRATION_NAMES
    store.db.execute("ALTER TABLE phrases DROP COLUMN sample")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [last])
    migrate(store.db, paths.db_path, paths.backup_dir, now=lambda: LATER)
    store.close()
    store = open_store(paths, LATER)
    try:
        samples = {p.code for p in store.phrases.all() if p.sample}
        assert hy.code in samples and "cm" in samples
        assert not {"zd", "sd", "mine"} & samples
    finally:
        store.close()


def test_migration_marks_nothing_when_the_defaults_were_never_installed(paths: Paths) -> None:
    store = open_store(paths, NOW)
    store.state.set(DEFAULTS_STATE_KEY, {"at": NOW.isoformat(timespec="seconds"), "installed": 0})
    store.db.execute("ALTER TABLE phrases DROP COLUMN sample")
    store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm007_phrase_samples'")
    migrate(store.db, paths.db_path, paths.backup_dir, now=lambda: LATER)
    assert not any(p.sample for p in store.phrases.all())
    store.close()


# --- imports ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("policy", ["skip", "replace", "keep-both"])
def test_an_untouched_sample_gives_way_on_every_policy(store: Store, policy: str) -> None:
    before = len(store.phrases.all())
    report = apply(store, csv_import("店铺话术,hy,我们的欢迎语,您好，欢迎来到本店！,"), policy)
    assert [item.action for item in report.items] == [Action.REPLACED]
    assert report.items[0].sample
    hy = by_code(store, "hy")
    assert (hy.group, hy.title, hy.text, hy.hotkey) == ("店铺话术", "我们的欢迎语", "您好，欢迎来到本店！", "")
    assert not hy.sample and len(store.phrases.all()) == before
    assert "示例" in str(report.items[0].message)


def test_a_sample_holding_the_hotkey_gives_way_too(store: Store) -> None:
    report = apply(store, csv_import("店铺话术,welcome,欢迎,您好~,ctrl+alt+1"))
    assert [item.action for item in report.items] == [Action.REPLACED]
    assert by_code(store, "welcome").hotkey == "ctrl+alt+1"
    assert not any(p.code == "hy" for p in store.phrases.all())  # the sample was replaced, not kept


def test_a_sample_that_only_holds_the_hotkey_gives_it_up(store: Store) -> None:
    # zd conflicts by code (replaced); hy holds the hotkey and is another sample: it loses the hotkey.
    apply(store, csv_import("店铺话术,zd,在的,在的亲~,ctrl+alt+1"))
    assert by_code(store, "zd").hotkey == "ctrl+alt+1"
    assert by_code(store, "hy").hotkey == ""


@pytest.mark.parametrize(
    "policy, action", [("skip", Action.SKIPPED), ("keep-both", Action.RENAMED), ("replace", Action.REPLACED)]
)
def test_a_sample_the_agent_touched_keeps_the_policy(store: Store, policy: str, action: Action) -> None:
    store.phrases.record_use(by_code(store, "hy").id, NOW)
    report = apply(store, csv_import("店铺话术,hy,欢迎,您好~,"), policy)
    assert [item.action for item in report.items] == [action]
    assert not report.items[0].sample


def test_a_hotkey_held_by_a_touched_phrase_still_fails(store: Store) -> None:
    from desktop_assistant.domain.phrase_io import PhraseImportError

    store.phrases.record_use(by_code(store, "hy").id, NOW)
    with pytest.raises(PhraseImportError):
        apply(store, csv_import("店铺话术,welcome,欢迎,您好~,ctrl+alt+1"))


def test_a_fresh_install_takes_the_shops_gbk_file(store: Store, tmp_path) -> None:
    from desktop_assistant.storage.phrase_import import import_file

    path = tmp_path / "shop.csv"
    path.write_bytes(
        "\n".join(
            [
                HEADER,
                "售前,hy,欢迎,欢迎光临小店~,ctrl+alt+1",
                "售前,zd,在的,在呢~,",
                "售后,tuihuo,退货,退货请在订单里申请,",
            ]
        ).encode("gbk")
    )
    report = import_file(store.db, store.phrases, store.settings, path, LATER)
    assert (report.replaced, report.added, report.skipped) == (2, 1, 0)
    assert by_code(store, "hy").text == "欢迎光临小店~" and by_code(store, "zd").text == "在呢~"


# --- Beeftext keywords -----------------------------------------------------------------------------
def test_beeftext_keywords_with_punctuation_import_under_a_valid_code() -> None:
    parsed = parse_beeftext("/thx,Thanks!\n#hi,Hello\n::bye,Bye\n谢谢,不客气\n#thx,Thanks again\nok,fine\n".encode())
    assert [d.phrase.code for d in parsed.drafts] == ["thx", "hi", "bye", "xx", "thx2", "ok"]
    assert [(m.line, m.keyword, m.code) for m in parsed.code_mappings] == [
        (1, "/thx", "thx"),
        (2, "#hi", "hi"),
        (3, "::bye", "bye"),
        (4, "谢谢", "xx"),
        (5, "#thx", "thx2"),
    ]


def test_the_report_says_how_each_keyword_was_mapped(store: Store) -> None:
    report = apply(store, parse_beeftext(b"/thx,Thanks!\n???,Hmm\n"))
    notes = [str(note) for note in report.notes()]
    assert any("/thx" in n and "thx" in n and "第 1 行" in n for n in notes)
    assert any("???" in n and "第 2 行" in n and "没有快捷编码" in n for n in notes)
    assert report.added == 2


# --- the guard on import ---------------------------------------------------------------------------
def test_an_import_keeps_the_phrases_and_names_each_hit_per_line(store: Store) -> None:
    parsed = csv_import("售前,wx9,加微信,有事加我微信 abc123,", "售前,ok9,好的,好的亲,", "售前,jx9,最低,全网最低价,")
    report = apply(store, parsed, guard=load_guard({}))
    assert report.added == 3
    notes = [str(note) for note in report.notes()]
    hits = [n for n in notes if "第" in n and ("站外联系" in n or "极限词" in n)]
    assert len(hits) == 2
    assert "第 2 行" in hits[0] and "微信" in hits[0] and "站外联系" in hits[0]
    assert "第 4 行" in hits[1] and "全网最低" in hits[1]
    assert report.guard_blocking == 1


def test_sniffing_takes_punctuated_keywords_for_beeftext_but_not_a_chinese_header() -> None:
    from desktop_assistant.domain.phrase_io import detect_format

    assert detect_format(b"/thx,Thanks!\n", "a.csv") == "beeftext"
    assert detect_format("::bye,Bye,再见\n".encode(), "a.csv") == "beeftext"
    assert detect_format("话术分类,关键词,回复\n售前,zx,在的\n".encode(), "a.csv") == "csv"


# --- existing installs get the new defaults, never over the agent's phrases ------------------------
def test_an_existing_install_gets_new_defaults_and_refreshed_samples(paths: Paths) -> None:
    from dataclasses import replace

    from desktop_assistant.storage.phrase_import import install_default_library

    store = open_store(paths, NOW)
    phrases = store.phrases
    # The library as the previous release left it: its state had no list of codes, the new scenarios
    # were not there, an untouched sample still said 下午4点, the agent deleted zp and used fh.
    store.state.set(DEFAULTS_STATE_KEY, {"at": NOW.isoformat(timespec="seconds"), "installed": 66})
    for code in ("qh", "yfx", "zp"):
        phrases.delete(by_code(store, code).id)
    old_xh = "亲，页面上能拍下的颜色和尺码都是有现货的哦~ 下午4点前付款当天发货，4点以后付款第二天发出。"
    store.db.execute("UPDATE phrases SET body = ? WHERE code = 'xh'", [old_xh])
    store.db.execute("UPDATE phrases SET body = '下午4点前付款当天发货' WHERE code = 'fh'")
    phrases.record_use(by_code(store, "fh").id, NOW)
    mine = phrases.add(Phrase(text="店里自己的缺货话术", code="mine", hotkey="ctrl+alt+9"), NOW)

    assert install_default_library(store.db, phrases, store.state, LATER)
    assert by_code(store, "qh").sample and by_code(store, "yfx").sample  # new scenarios arrive as samples
    assert not any(p.code == "zp" for p in phrases.all())  # deleted by the agent: stays deleted
    assert "{截单时间}" in by_code(store, "xh").text and by_code(store, "xh").sample
    assert by_code(store, "fh").text == "下午4点前付款当天发货"  # the agent's: never overwritten
    assert phrases.get(mine.id) == replace(mine)
    state = store.state.get(DEFAULTS_STATE_KEY)
    assert "qh" in state["codes"] and "zp" in state["codes"]

    # Nothing more to do on the next start; and a deleted new default stays deleted too.
    phrases.delete(by_code(store, "qh").id)
    assert not install_default_library(store.db, phrases, store.state, LATER)
    assert not any(p.code == "qh" for p in phrases.all())
    store.close()


def test_a_library_that_never_had_the_defaults_does_not_get_them_later(paths: Paths) -> None:
    from desktop_assistant.storage.phrase_import import install_default_library

    store = open_store(paths, NOW)
    store.db.execute("DELETE FROM phrases")
    store.phrases.add(Phrase(text="店里自己的", code="mine"), NOW)
    store.state.set(DEFAULTS_STATE_KEY, {"at": NOW.isoformat(timespec="seconds"), "installed": 0})
    install_default_library(store.db, store.phrases, store.state, LATER)
    assert [p.code for p in store.phrases.all()] == ["mine"]
    store.close()


def test_a_new_default_whose_code_the_agent_took_is_left_alone(paths: Paths) -> None:
    from desktop_assistant.storage.phrase_import import install_default_library

    store = open_store(paths, NOW)
    store.state.set(DEFAULTS_STATE_KEY, {"at": NOW.isoformat(timespec="seconds"), "installed": 66})
    store.phrases.delete(by_code(store, "lk").id)
    store.phrases.delete(by_code(store, "bc").id)
    store.phrases.add(Phrase(text="店里的补偿话术", code="bc"), NOW)  # the agent's own bc
    install_default_library(store.db, store.phrases, store.state, LATER)
    assert by_code(store, "bc").text == "店里的补偿话术"
    assert by_code(store, "lk").sample
    store.close()
