"""Element trees recorded as JSON: the test data of the UIA reader (tests/data/uia) and what support
saves from a client build to compare with the rules (docs/uia.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_assistant.os_integration.readers.uia_tree import UiElement


@dataclass
class RecordedElement:
    """An element of a tree recorded as JSON (tests, and support comparing a client build)."""

    name: str = ""
    class_name: str = ""
    automation_id: str = ""
    control_type: str = ""
    value: str = ""
    rect: tuple[int, int, int, int] | None = None
    kids: list[RecordedElement] = field(default_factory=list)

    def children(self) -> Sequence[RecordedElement]:
        return self.kids

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordedElement:
        rect = data.get("rect")
        return cls(
            name=data.get("name", ""),
            class_name=data.get("class_name", ""),
            automation_id=data.get("automation_id", ""),
            control_type=data.get("control_type", ""),
            value=data.get("value", ""),
            rect=tuple(rect) if rect else None,
            kids=[cls.from_json(child) for child in data.get("children", [])],
        )


def load_recorded_tree(path: Path) -> RecordedElement:
    """A recorded tree file: `{"about": "...", "window": {element}}`."""
    return RecordedElement.from_json(json.loads(path.read_text(encoding="utf-8"))["window"])


def record_tree(root: UiElement, max_depth: int = 60, max_nodes: int = 20_000) -> dict[str, Any]:
    """The tree as JSON in the recorded form (the opposite of RecordedElement.from_json), so support
    can save what a client build exposes and compare it with the rules (docs/uia.md)."""
    left = [max_nodes]

    def one(element: UiElement, depth: int) -> dict[str, Any]:
        left[0] -= 1
        data: dict[str, Any] = {"control_type": element.control_type}
        for key in ("name", "class_name", "automation_id", "value"):
            if getattr(element, key):
                data[key] = getattr(element, key)
        if element.rect is not None:
            data["rect"] = list(element.rect)
        if depth < max_depth and left[0] > 0:
            kids = [one(child, depth + 1) for child in element.children() if left[0] > 0]
            if kids:
                data["children"] = kids
        return data

    return one(root, 0)
