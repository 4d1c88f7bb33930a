"""Retention: personal data older than the setting is purged or masked (issue 15, DESIGN 6).

- buyer_receivers (name + address): rows not seen since the cut-off are deleted;
- order_checks: the parsed address is emptied, phones in the item values masked;
- buyer_profiles: phones in the free-text notes masked;
- order_notes (append-only): the row stays, phones in text and reason masked in place (the trigger of
  migration m008 lets only that through), and the text index follows.
Work is incremental: rows older than the previous run's cut-off were done then (app_state keeps it).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from desktop_assistant.domain.notes import index_terms
from desktop_assistant.domain.retention import effective_days, mask_phones
from desktop_assistant.storage.times import stamp

DONE_KEY = "retention.masked_before"  # app_state: the cut-off of the last run that wrote


@dataclass
class PurgeReport:
    days: int
    receiver_days: int
    dry_run: bool
    receivers: int = 0
    checks: int = 0
    profiles: int = 0
    notes: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.receivers + self.checks + self.profiles + self.notes

    def lines(self) -> list[str]:
        verb = "将" if self.dry_run else "已"
        if not self.days and not self.receiver_days:
            return ["没有设置保留期 (retention.days 和 privacy.retention_days 都是 0), 什么也不清除"]
        out = [
            f"保留期: 个人信息 {self.days or '不限'} 天, 收货人 {self.receiver_days or '不限'} 天",
            f"{verb}删除收货人和地址 {self.receivers} 条",
            f"{verb}清除核对单里的地址和电话 {self.checks} 单",
            f"{verb}遮盖买家档案备注里的电话 {self.profiles} 个",
            f"{verb}遮盖订单备注里的电话 {self.notes} 条 (历史保留, 只遮盖)",
        ]
        return out + [f"  {example}" for example in self.examples]


def _mask_values(raw: str) -> str:
    try:
        values = json.loads(raw)
    except ValueError:
        return mask_phones(raw)

    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return mask_phones(value)
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
    dry_run: bool = False,
    examples: int = 5,
) -> PurgeReport:
    """Purge or mask what is older than the setting; with `dry_run` only count (and show a few)."""
    days, receiver_days = effective_days(days, receiver_days)
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
            row = db.execute("SELECT value FROM app_state WHERE key = ?", [DONE_KEY]).fetchone()
            since = json.loads(row[0]) if row else ""
            for target in _TARGETS:
                _mask_rows(db, report, target, since, cutoff, examples)
            if not dry_run and cutoff > since:
                db.execute(
                    "INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", [DONE_KEY, json.dumps(cutoff)]
                )
    return report


@dataclass(frozen=True)
class _Target:
    """One table whose old rows are masked in place: which columns, how, and what the report calls it."""

    counter: str  # the PurgeReport field it counts into
    table: str
    key: str  # the row's identity in the UPDATE
    at: str  # the time column compared with the cut-off
    label: Callable[[dict], str]  # the example line for a row
    masks: dict[str, Callable[[str], str]]  # column -> its masked value
    extra: tuple[str, ...] = ()  # columns read only for the label
    after: Callable[[sqlite_utils.Database, dict, dict], None] | None = None  # (db, old row, new values)


def _reindex_note(db: sqlite_utils.Database, old: dict, new: dict) -> None:
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


_TARGETS = (
    _Target(
        "checks",
        "order_checks",
        "order_id",
        "updated_at",
        lambda row: f"核对单 {row['order_id']}",
        {"address": lambda _: "{}", "item_values": _mask_values},
    ),
    _Target(
        "profiles",
        "buyer_profiles",
        "nick",
        "updated_at",
        lambda row: f"买家档案 {row['nick']}",
        {"notes": mask_phones},
    ),
    _Target(
        "notes",
        "order_notes",
        "id",
        "at",
        lambda row: f"订单备注 {row['order_id']} (#{row['id']})",
        {"text": mask_phones, "reason": mask_phones},
        extra=("order_id",),
        after=_reindex_note,
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
