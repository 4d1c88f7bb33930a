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
from dataclasses import dataclass, field
from typing import Any

from desktop_assistant.domain.notes import index_terms
from desktop_assistant.domain.retention import effective_days, mask_phones
from desktop_assistant.storage.sqlite_lib import sqlite_utils
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
            _checks(db, report, since, cutoff, examples)
            _profiles(db, report, since, cutoff, examples)
            _notes(db, report, since, cutoff, examples)
            if not dry_run and cutoff > since:
                db.execute(
                    "INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", [DONE_KEY, json.dumps(cutoff)]
                )
    return report


def _checks(db: sqlite_utils.Database, report: PurgeReport, since: str, cutoff: str, examples: int) -> None:
    rows = db.execute(
        "SELECT order_id, address, item_values FROM order_checks WHERE updated_at >= ? AND updated_at < ?",
        [since, cutoff],
    ).fetchall()
    for order_id, address, values in rows:
        masked = _mask_values(values)
        if address == "{}" and masked == values:
            continue
        report.checks += 1
        if len(report.examples) < examples:
            report.examples.append(f"核对单 {order_id}")
        if not report.dry_run:
            db.execute("UPDATE order_checks SET address = '{}', item_values = ? WHERE order_id = ?", [masked, order_id])


def _profiles(db: sqlite_utils.Database, report: PurgeReport, since: str, cutoff: str, examples: int) -> None:
    rows = db.execute(
        "SELECT nick, notes FROM buyer_profiles WHERE updated_at >= ? AND updated_at < ?", [since, cutoff]
    ).fetchall()
    for nick, notes in rows:
        masked = mask_phones(notes)
        if masked == notes:
            continue
        report.profiles += 1
        if len(report.examples) < examples:
            report.examples.append(f"买家档案 {nick}")
        if not report.dry_run:
            db.execute("UPDATE buyer_profiles SET notes = ? WHERE nick = ?", [masked, nick])


def _notes(db: sqlite_utils.Database, report: PurgeReport, since: str, cutoff: str, examples: int) -> None:
    rows = db.execute(
        "SELECT id, order_id, text, reason FROM order_notes WHERE at >= ? AND at < ?", [since, cutoff]
    ).fetchall()
    for note_id, order_id, text, reason in rows:
        new_text, new_reason = mask_phones(text), mask_phones(reason)
        if (new_text, new_reason) == (text, reason):
            continue
        report.notes += 1
        if len(report.examples) < examples:
            report.examples.append(f"订单备注 {order_id} (#{note_id})")
        if report.dry_run:
            continue
        db.execute("UPDATE order_notes SET text = ?, reason = ? WHERE id = ?", [new_text, new_reason, note_id])
        # Contentless FTS5: the old terms are removed by naming them, then the masked ones indexed.
        old_terms, new_terms = index_terms(f"{text} {reason}"), index_terms(f"{new_text} {new_reason}")
        if old_terms:
            db.execute(
                "INSERT INTO order_note_terms (order_note_terms, rowid, terms) VALUES ('delete', ?, ?)",
                [note_id, old_terms],
            )
        if new_terms:
            db.execute("INSERT INTO order_note_terms (rowid, terms) VALUES (?, ?)", [note_id, new_terms])
