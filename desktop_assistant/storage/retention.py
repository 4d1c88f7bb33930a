"""Retention: personal data older than the setting is purged or masked (docs/data-safety.md).

- buyer_receivers (name + address): rows not seen since the cut-off are deleted;
- order_checks: the parsed address is emptied, phones in the item values masked;
- buyer_profiles: phones and addresses in the free-text notes masked;
- order_notes (append-only, every version): the row stays, phones and addresses in text and reason
  masked in place (the trigger of migration m008 lets only that through), and the text index follows;
- promises and pending_questions: phones and addresses in their texts (and the answer) masked.
Addresses in free text are found by domain.address_spans (the division table's rule).
Work is incremental: rows older than the previous run's cut-off were done then (app_state keeps it),
unless the rules changed since (RULES_KEY): then the next run goes over every old row once more.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop_assistant.domain.divisions import DivisionIndex
from desktop_assistant.domain.messages import QT_TRANSLATE_NOOP
from desktop_assistant.domain.notes import index_terms
from desktop_assistant.domain.retention import effective_days, mask_personal
from desktop_assistant.storage.errors import Fragment
from desktop_assistant.storage.sqlite_lib import sqlite_utils
from desktop_assistant.storage.times import stamp

DONE_KEY = "retention.masked_before"  # app_state: the cut-off of the last run that wrote
RULES_KEY = "retention.rules"  # app_state: the RULES that cut-off was reached with
# 1: phones; 2: addresses in free text, promises and pending questions. A newer number redoes old rows.
RULES = 2

MSG_NO_RETENTION = QT_TRANSLATE_NOOP(
    "Storage", "没有设置保留期（retention.days 和 privacy.retention_days 都是 0），什么也不清除"
)
MSG_PERIODS = QT_TRANSLATE_NOOP("Storage", "保留期：个人信息 {days} 天，收货人 {receiver_days} 天")
MSG_UNLIMITED = QT_TRANSLATE_NOOP("Storage", "不限")
# Whole sentences for a dry run and for a run, in the order receivers, checks, profiles, notes, promises,
# questions.
_WOULD = (
    QT_TRANSLATE_NOOP("Storage", "将删除收货人和地址 {count} 条"),
    QT_TRANSLATE_NOOP("Storage", "将清除核对单里的地址和电话 {count} 单"),
    QT_TRANSLATE_NOOP("Storage", "将遮盖买家档案备注里的电话和地址 {count} 个"),
    QT_TRANSLATE_NOOP("Storage", "将遮盖订单备注里的电话和地址 {count} 条（历史保留，只遮盖）"),
    QT_TRANSLATE_NOOP("Storage", "将遮盖承诺里的电话和地址 {count} 条"),
    QT_TRANSLATE_NOOP("Storage", "将遮盖待答问题里的电话和地址 {count} 条"),
)
_DID = (
    QT_TRANSLATE_NOOP("Storage", "已删除收货人和地址 {count} 条"),
    QT_TRANSLATE_NOOP("Storage", "已清除核对单里的地址和电话 {count} 单"),
    QT_TRANSLATE_NOOP("Storage", "已遮盖买家档案备注里的电话和地址 {count} 个"),
    QT_TRANSLATE_NOOP("Storage", "已遮盖订单备注里的电话和地址 {count} 条（历史保留，只遮盖）"),
    QT_TRANSLATE_NOOP("Storage", "已遮盖承诺里的电话和地址 {count} 条"),
    QT_TRANSLATE_NOOP("Storage", "已遮盖待答问题里的电话和地址 {count} 条"),
)
MSG_EXAMPLE_CHECK = QT_TRANSLATE_NOOP("Storage", "核对单 {order_id}")
MSG_EXAMPLE_PROFILE = QT_TRANSLATE_NOOP("Storage", "买家档案 {nick}")
MSG_EXAMPLE_NOTE = QT_TRANSLATE_NOOP("Storage", "订单备注 {order_id}（#{note_id}）")
MSG_EXAMPLE_PROMISE = QT_TRANSLATE_NOOP("Storage", "承诺 #{id}")
MSG_EXAMPLE_QUESTION = QT_TRANSLATE_NOOP("Storage", "待答问题 #{id}")


@dataclass
class PurgeReport:
    days: int
    receiver_days: int
    dry_run: bool
    receivers: int = 0
    checks: int = 0
    profiles: int = 0
    notes: int = 0
    promises: int = 0
    questions: int = 0
    examples: list[Fragment] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.receivers + self.checks + self.profiles + self.notes + self.promises + self.questions

    def messages(self) -> list[Fragment]:
        """The report, translatable line by line (context "Storage"); the examples follow the counts."""
        if not self.days and not self.receiver_days:
            return [Fragment(MSG_NO_RETENTION)]
        counts = (self.receivers, self.checks, self.profiles, self.notes, self.promises, self.questions)
        return [
            Fragment(
                MSG_PERIODS,
                days=self.days or Fragment(MSG_UNLIMITED),
                receiver_days=self.receiver_days or Fragment(MSG_UNLIMITED),
            ),
            *(
                Fragment(template, count=count)
                for template, count in zip(_WOULD if self.dry_run else _DID, counts, strict=True)
            ),
            *self.examples,
        ]

    def lines(self) -> list[str]:
        """The Chinese lines the command line prints; examples indented."""
        messages = [str(message) for message in self.messages()]
        counted = len(messages) - len(self.examples)
        return messages[:counted] + [f"  {example}" for example in messages[counted:]]

    def summary(self) -> str:
        """The counts in one line, for the log."""
        return "; ".join(self.lines()[1 : len(self.lines()) - len(self.examples)])


def _state(db: sqlite_utils.Database, key: str, default: Any) -> Any:
    row = db.execute("SELECT value FROM app_state WHERE key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


def _mask_values(raw: str, mask: Callable[[str], str]) -> str:
    try:
        values = json.loads(raw)
    except ValueError:
        return mask(raw)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return mask(value)
        if isinstance(value, dict):
            return {key: walk(item) for key, item in value.items()}
        if isinstance(value, list):
            return [walk(item) for item in value]
        return value

    return json.dumps(walk(values), ensure_ascii=False)


def purge(
    db: sqlite_utils.Database,
    now: dt.datetime,
    days: int,
    receiver_days: int,
    *,
    divisions: Callable[[], DivisionIndex],
    dry_run: bool = False,
    examples: int = 5,
) -> PurgeReport:
    """Purge or mask what is older than the setting; with `dry_run` only count (and show a few).
    `divisions`: reads the division table addresses in free text are found with; called once, at the first
    row to mask (a daily run with nothing old to mask never reads it)."""
    days, receiver_days = effective_days(days, receiver_days)
    table: list[DivisionIndex] = []

    def mask(text: str) -> str:
        if not table:
            table.append(divisions())
        return mask_personal(text, table[0])

    report = PurgeReport(days, receiver_days, dry_run)
    with db.atomic():
        if receiver_days:
            cutoff = stamp(now - dt.timedelta(days=receiver_days))
            report.receivers = db.execute(
                "SELECT count(*) FROM buyer_receivers WHERE last_seen < ?", [cutoff]
            ).fetchone()[0]
            if not dry_run:
                db.execute("DELETE FROM buyer_receivers WHERE last_seen < ?", [cutoff])
        if days:
            cutoff = stamp(now - dt.timedelta(days=days))
            since = _state(db, DONE_KEY, "") if _state(db, RULES_KEY, 1) >= RULES else ""
            for target in _targets(mask):
                _mask_rows(db, report, target, since, cutoff, examples)
            if not dry_run and cutoff > since:
                for key, value in ((DONE_KEY, cutoff), (RULES_KEY, RULES)):
                    db.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", [key, json.dumps(value)])
    return report


Row = dict[str, Any]  # a row read by column name


@dataclass(frozen=True)
class _Target:
    """One table whose old rows are masked in place: which columns, how, and what the report calls it."""

    counter: str  # the PurgeReport field it counts into
    table: str
    key: str  # the row's identity in the UPDATE
    at: str  # the time column compared with the cut-off
    label: Callable[[Row], Fragment]  # the example line for a row
    masks: dict[str, Callable[[str], str]]  # column -> its masked value
    extra: tuple[str, ...] = ()  # columns read only for the label
    after: Callable[[sqlite_utils.Database, Row, Row], None] | None = None  # (db, old row, new values)


def _reindex_note(db: sqlite_utils.Database, old: Row, new: Row) -> None:
    # Contentless FTS5: the old terms are removed by naming them, then the masked ones indexed.
    old_terms = index_terms(f"{old['text']} {old['reason']}")
    new_terms = index_terms(f"{new['text']} {new['reason']}")
    if old_terms:
        db.execute(
            "INSERT INTO order_note_terms (order_note_terms, rowid, terms) VALUES ('delete', ?, ?)",
            [old["id"], old_terms],
        )
    if new_terms:
        db.execute("INSERT INTO order_note_terms (rowid, terms) VALUES (?, ?)", [old["id"], new_terms])


def _targets(mask: Callable[[str], str]) -> tuple[_Target, ...]:
    """Every table with personal data in free text; `mask` hides phones and addresses in a text."""
    return (
        _Target(
            "checks",
            "order_checks",
            "order_id",
            "updated_at",
            lambda row: Fragment(MSG_EXAMPLE_CHECK, order_id=row["order_id"]),
            {"address": lambda _: "{}", "item_values": lambda raw: _mask_values(raw, mask)},
        ),
        _Target(
            "profiles",
            "buyer_profiles",
            "nick",
            "updated_at",
            lambda row: Fragment(MSG_EXAMPLE_PROFILE, nick=row["nick"]),
            {"notes": mask},
        ),
        _Target(
            "notes",
            "order_notes",
            "id",
            "at",
            lambda row: Fragment(MSG_EXAMPLE_NOTE, order_id=row["order_id"], note_id=row["id"]),
            {"text": mask, "reason": mask},
            extra=("order_id",),
            after=_reindex_note,
        ),
        _Target(
            "promises",
            "promises",
            "id",
            "created_at",
            lambda row: Fragment(MSG_EXAMPLE_PROMISE, id=row["id"]),
            {"text": mask},
        ),
        _Target(
            "questions",
            "pending_questions",
            "id",
            "asked_at",
            lambda row: Fragment(MSG_EXAMPLE_QUESTION, id=row["id"]),
            {"text": mask, "answer": mask},
        ),
    )


def _mask_rows(
    db: sqlite_utils.Database, report: PurgeReport, target: _Target, since: str, cutoff: str, examples: int
) -> None:
    """Mask the rows of `target` written in [since, cutoff); count them (and only count on a dry run)."""
    columns = [target.key, *target.extra, *target.masks]
    rows = db.execute(
        f"SELECT {', '.join(columns)} FROM {target.table} WHERE {target.at} >= ? AND {target.at} < ?",
        [since, cutoff],
    ).fetchall()
    for values in rows:
        row = dict(zip(columns, values, strict=True))
        new = {column: mask(row[column]) for column, mask in target.masks.items()}
        if all(new[column] == row[column] for column in new):
            continue
        setattr(report, target.counter, getattr(report, target.counter) + 1)
        if len(report.examples) < examples:
            report.examples.append(target.label(row))
        if report.dry_run:
            continue
        assignments = ", ".join(f"{column} = ?" for column in new)
        db.execute(f"UPDATE {target.table} SET {assignments} WHERE {target.key} = ?", [*new.values(), row[target.key]])
        if target.after is not None:
            target.after(db, row, new)
