"""Retention of personal data (issue 15): old phones and addresses masked or purged everywhere, the
append-only history keeps its rows, and the database still refuses any other change to them."""

from __future__ import annotations

import datetime as dt
import gc
import sqlite3
import weakref

import pytest

from desktop_assistant.domain.checklist import OrderCheck
from desktop_assistant.domain.notes import validated_change
from desktop_assistant.domain.retention import effective_days, is_masking, mask_phones
from desktop_assistant.domain.screening import Profile
from desktop_assistant.paths import Paths
from desktop_assistant.storage.migrations import migrate
from desktop_assistant.storage.store import open_store
from tests.conftest import run_cli

NOW = dt.datetime(2026, 11, 11, 9, 30)
PHONE = "13812345678"


def test_masking_keeps_length_and_only_hides_digits() -> None:
    text = f"收件人电话 {PHONE}, 备用 138-1234-5678, 订单 3 件"
    masked = mask_phones(text)
    assert PHONE not in masked and "1234" not in masked
    assert len(masked) == len(text) and "订单 3 件" in masked
    assert is_masking(text, masked) and not is_masking(text, masked[:-1]) and not is_masking(text, "x" + masked[1:])


def test_retention_days_and_the_receiver_setting() -> None:
    assert effective_days(0, 180) == (0, 180)
    assert effective_days(30, 180) == (30, 30)
    assert effective_days(365, 180) == (365, 180)
    assert effective_days(0, 0) == (0, 0)


def seed(paths: Paths, now: dt.datetime = NOW):
    store = open_store(paths, now)
    store.settings.set("agent_id", "007")
    for at, order in ((now - dt.timedelta(days=40), "OLD1"), (now - dt.timedelta(days=2), "NEW1")):
        store.notes.append(validated_change(order, 1, f"改地址, 电话 {PHONE} 送赠品", f"买家 {PHONE} 要求", "007"), at)
        store.buyers.save_profile(Profile(nick=f"tb_{order}"), "", f"常用号 {PHONE}", "007", at)
        store.checks.save(
            OrderCheck(
                order,
                buyer=f"tb_{order}",
                address={"name": "张三", "phone": PHONE, "detail": "杭州市西湖区文三路 1 号"},
                values={"备注": f"联系 {PHONE}"},
            ),
            False,
            at,
        )
    return store


def test_purge_masks_old_personal_data_everywhere_and_keeps_the_history(paths: Paths) -> None:
    store = seed(paths)
    try:
        dry = store.purge_personal_data(NOW, dry_run=True, days=30)
        assert (dry.notes, dry.profiles, dry.checks) == (1, 1, 1)
        note_id = store.notes.history("OLD1")[0].id
        assert [str(example) for example in dry.examples] == [
            "核对单 OLD1",
            "买家档案 tb_OLD1",
            f"订单备注 OLD1（#{note_id}）",
        ]
        assert PHONE in store.notes.history("OLD1")[0].text  # a dry run changes nothing
        done = store.purge_personal_data(NOW, days=30)
        assert (done.notes, done.profiles, done.checks) == (1, 1, 1) and list(map(str, done.examples)) == list(
            map(str, dry.examples)
        )
        old = store.notes.history("OLD1")
        assert len(old) == 1 and PHONE not in old[0].text and PHONE not in old[0].reason
        assert "送赠品" in old[0].text  # the row and the promise stay
        assert PHONE in store.notes.history("NEW1")[0].text  # recent: untouched
        assert [n.current.order_id for n in store.notes.search(PHONE[:6])] == ["NEW1"]  # the index forgot it too
        from desktop_assistant.domain.notes import match_expression

        indexed = store.db.execute(
            "SELECT rowid FROM order_note_terms WHERE order_note_terms MATCH ?", [match_expression(PHONE)]
        ).fetchall()
        assert [row[0] for row in indexed] == [store.notes.history("NEW1")[0].id]
        store.db.execute("INSERT INTO order_note_terms (order_note_terms) VALUES ('integrity-check')")
        assert store.checks.get("OLD1").address == {} and PHONE not in str(store.checks.get("OLD1").values)
        assert store.checks.get("NEW1").address["phone"] == PHONE
        assert PHONE not in store.buyers.get("tb_OLD1").notes
        assert PHONE in store.buyers.get("tb_NEW1").notes
        again = store.purge_personal_data(NOW, days=30)
        assert again.total == 0
    finally:
        store.close()


def test_history_still_refuses_every_change_but_masking(paths: Paths) -> None:
    store = seed(paths)
    try:
        note_id = store.notes.history("OLD1")[0].id
        for sql, values in (
            ("UPDATE order_notes SET text = 'rewritten' WHERE id = ?", [note_id]),
            ("UPDATE order_notes SET flag = 5 WHERE id = ?", [note_id]),
            ("UPDATE order_notes SET at = '2020-01-01 00:00:00' WHERE id = ?", [note_id]),
            ("DELETE FROM order_notes WHERE id = ?", [note_id]),
        ):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                with store.db.atomic():
                    store.db.execute(sql, values)
    finally:
        store.close()
    # Outside the app (no masking function registered) even a masking update fails.
    conn = sqlite3.connect(paths.db_path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("UPDATE order_notes SET text = replace(text, '1', '*')")
    conn.close()


def test_migration_to_masking_keeps_a_copy_and_the_notes(paths: Paths, tmp_path) -> None:
    from desktop_assistant.storage import migrations as m

    paths.ensure()
    from desktop_assistant.storage.database import connect

    db = connect(paths.db_path)
    m.migrations.apply(db, stop_before="m008_retention_masking")
    db.execute(
        "INSERT INTO order_notes (order_id, flag, text, reason, agent_id, buyer, at) "
        "VALUES ('M1', 1, 'x', '', '007', '', '2026-01-01 00:00:00')"
    )
    db.conn.commit()
    copy = migrate(db, paths.db_path, paths.backup_dir, now=lambda: NOW)
    db.close()
    assert copy is not None and copy.name.startswith("pre-migrate-v7-")  # taken before m008
    store = open_store(paths, NOW)
    assert store.notes.history("M1")[0].text == "x"
    store.close()


def test_db_purge_dry_run_shows_what_would_go(tmp_path) -> None:
    base = tmp_path / "data"
    seed(Paths(base), dt.datetime.now()).close()  # the command measures from today
    dry = run_cli("--basedir", str(base), "db", "purge", "--dry-run", "--days", "30")
    assert dry.returncode == 0, dry.stderr
    assert "将遮盖订单备注里的电话和地址 1 条" in dry.stdout and "OLD1" in dry.stdout
    assert PHONE in run_cli("--basedir", str(base), "notes", "history", "OLD1").stdout
    done = run_cli("--basedir", str(base), "db", "purge", "--days", "30")
    assert done.returncode == 0 and "已遮盖订单备注里的电话和地址 1 条" in done.stdout
    assert PHONE not in run_cli("--basedir", str(base), "notes", "history", "OLD1").stdout
    off = run_cli("--basedir", str(base), "db", "purge", "--dry-run")
    assert off.returncode == 0 and "什么也不清除" not in off.stdout  # privacy.retention_days (180) still set
    assert "收货人 180 天" in off.stdout


ADDRESS = "杭州市西湖区文三路1号华星大厦3楼"


def test_addresses_in_note_texts_every_version_promises_and_questions_are_masked(paths: Paths) -> None:
    from desktop_assistant.domain.promises import NewPromise

    store = open_store(paths, NOW)
    old, recent = NOW - dt.timedelta(days=40), NOW - dt.timedelta(days=2)
    try:
        store.notes.append(validated_change("ADDR", 1, f"改地址到{ADDRESS}，周五前发", "", "007"), old)
        store.notes.append(validated_change("ADDR", 2, f"已改{ADDRESS}", f"买家说{ADDRESS}", "007"), old)
        store.notes.append(validated_change("PLAIN", 1, "杭州发货，3号到，杭州市3号发货", "", "007"), old)
        store.notes.append(validated_change("NEW", 1, f"改地址到{ADDRESS}", "", "007"), recent)
        store.buyers.save_profile(Profile(nick="tb_a"), "", f"常寄 {ADDRESS}", "007", old)
        old_promise = store.promises.add(NewPromise(f"补发到{ADDRESS}", NOW, "ADDR", "tb_a"), "007", old)
        new_promise = store.promises.add(NewPromise(f"补发到{ADDRESS}", NOW, "NEW", "tb_a"), "007", recent)
        old_question = store.conversations.add_question("tb_a", f"能寄到{ADDRESS}吗 {PHONE}", NOW, "007", old)
        store.conversations.answer_question(old_question.id, f"可以，{ADDRESS}", old)
        new_question = store.conversations.add_question("tb_a", f"能寄到{ADDRESS}吗", NOW, "007", recent)

        done = store.purge_personal_data(NOW, days=30)
        assert (done.notes, done.profiles, done.promises, done.questions) == (2, 1, 1, 1)
        versions = store.notes.history("ADDR")
        assert len(versions) == 2  # the history keeps both versions, each masked
        for version in versions:
            assert "文三路" not in version.text and "文三路" not in version.reason
        assert versions[0].text.startswith("改地址到") and versions[0].text.endswith("，周五前发")
        assert store.notes.history("PLAIN")[0].text == "杭州发货，3号到，杭州市3号发货"  # not an address
        assert ADDRESS in store.notes.history("NEW")[0].text
        assert [n.current.order_id for n in store.notes.search("文三路")] == ["NEW"]  # the index forgot it
        assert ADDRESS not in store.buyers.get("tb_a").notes
        assert store.promises.get(old_promise.id).text.startswith("补发到*")
        assert ADDRESS in store.promises.get(new_promise.id).text
        question = store.conversations.question(old_question.id)
        assert ADDRESS not in question.text and PHONE not in question.text and ADDRESS not in question.answer
        assert ADDRESS in store.conversations.question(new_question.id).text
        assert store.purge_personal_data(NOW, days=30).total == 0
    finally:
        store.close()


def test_rows_passed_under_the_phone_only_rules_are_gone_over_again(paths: Paths) -> None:
    """A database purged by the release that masked phones only: its old notes get their addresses masked."""
    import json

    store = open_store(paths, NOW)
    try:
        store.notes.append(validated_change("ADDR", 1, f"改地址到{ADDRESS}", "", "007"), NOW - dt.timedelta(days=40))
        cutoff = "2026-10-12 09:30:00"  # what the older release recorded after its run
        store.db.execute(
            "INSERT INTO app_state (key, value) VALUES ('retention.masked_before', ?)", [json.dumps(cutoff)]
        )
        store.db.conn.commit()
        assert store.purge_personal_data(NOW, days=30).notes == 1
        assert "文三路" not in store.notes.history("ADDR")[0].text
    finally:
        store.close()


def test_a_purge_reads_the_division_table_only_to_mask_and_does_not_keep_it(paths: Paths, monkeypatch) -> None:
    """The table is ~40 MB of Python objects: the daily purge at start used to load it into the parser's cache
    and the idle panel kept it (docs/benchmarks.md, "Where the megabytes go")."""
    from desktop_assistant import resources_access

    reads: list[weakref.ref] = []

    def read():  # each copy read, watched: it must be gone once the purge is done
        table = real()
        reads.append(weakref.ref(table))
        return table

    real = resources_access.read_division_index
    monkeypatch.setattr(resources_access, "read_division_index", read)
    resources_access.division_index.cache_clear()
    store = seed(paths)
    try:
        assert store.purge_personal_data(NOW, days=60).total == 0  # nothing that old: not read
        assert not reads
        assert store.purge_personal_data(NOW, days=30).total == 3
        assert len(reads) == 1  # once for every row of the run
        gc.collect()
        assert resources_access.division_index.cache_info().currsize == 0 and reads[0]() is None  # and not kept
        store.notes.append(validated_change("OLD2", 1, f"电话 {PHONE}", "", "007"), NOW - dt.timedelta(days=25))
        held = resources_access.division_index()  # the address parser has read it: the purge uses that one
        assert len(reads) == 2
        assert store.purge_personal_data(NOW + dt.timedelta(days=10), days=30).notes == 1  # the next run: OLD2
        assert len(reads) == 2 and resources_access.division_index() is held
    finally:
        resources_access.division_index.cache_clear()
        store.close()
