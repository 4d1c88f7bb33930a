"""Checklist templates (defaults installed when missing, the agent's edits kept) and each order's check."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from desktop_assistant.domain.checklist import (
    DEFAULT_TEMPLATES,
    OrderCheck,
    Template,
    parse_template,
    template_items_text,
)
from desktop_assistant.storage.sqlite_lib import sqlite_utils
from desktop_assistant.storage.times import stamp


class ChecklistStore:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self._db = db

    def templates(self) -> list[Template]:
        rows = self._db.execute(
            "SELECT name, items, message FROM checklist_templates ORDER BY position, name"
        ).fetchall()
        stored = {name: parse_template(name, items, message) for name, items, message in rows}
        builtin = [
            stored.pop(name) if name in stored else parse_template(name, items, message)
            for name, (items, message) in DEFAULT_TEMPLATES.items()
        ]
        return builtin + list(stored.values())  # the built-in ones first, edited or not

    def save_template(self, template: Template) -> None:
        position = list(DEFAULT_TEMPLATES).index(template.name) if template.name in DEFAULT_TEMPLATES else 100
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO checklist_templates (name, items, message, position) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET items = excluded.items, message = excluded.message",
                [template.name, template_items_text(template), template.message, position],
            )

    def get(self, order_id: str) -> OrderCheck | None:
        row = self._db.execute(
            "SELECT order_id, template, buyer, cod, address, ticks, item_values, updated_at FROM order_checks "
            "WHERE order_id = ?",
            [order_id],
        ).fetchone()
        return self._check(row) if row else None

    def save(self, check: OrderCheck, complete: bool, at: dt.datetime) -> None:
        with self._db.atomic():
            self._db.execute(
                "INSERT INTO order_checks (order_id, template, buyer, cod, address, ticks, item_values, complete, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET "
                "template = excluded.template, buyer = excluded.buyer, cod = excluded.cod, address = excluded.address, "
                "ticks = excluded.ticks, item_values = excluded.item_values, complete = excluded.complete, "
                "updated_at = excluded.updated_at",
                [
                    check.order_id,
                    check.template,
                    check.buyer,
                    int(check.cod),
                    json.dumps(check.address, ensure_ascii=False),
                    json.dumps(check.ticks, ensure_ascii=False),
                    json.dumps(check.values, ensure_ascii=False),
                    int(complete),
                    stamp(at),
                ],
            )

    def incomplete(self) -> list[OrderCheck]:
        rows = self._db.execute(
            "SELECT order_id, template, buyer, cod, address, ticks, item_values, updated_at FROM order_checks "
            "WHERE complete = 0 ORDER BY updated_at DESC LIMIT 200"
        )
        return [self._check(row) for row in rows]

    @staticmethod
    def _check(row: tuple[Any, ...]) -> OrderCheck:
        order_id, template, buyer, cod, address, ticks, values, updated_at = row
        return OrderCheck(
            order_id,
            template,
            buyer,
            bool(cod),
            json.loads(address),
            json.loads(ticks),
            json.loads(values),
            dt.datetime.fromisoformat(updated_at),
        )
