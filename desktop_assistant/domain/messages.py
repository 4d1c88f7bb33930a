"""Errors an agent reads: a Chinese template marked for Qt's lupdate, filled with fields.

The domain cannot import Qt, so templates are marked with a local function that has the name lupdate
looks for; the UI translates `template` in `context` and formats it with the same fields.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    return text


class UserError(ValueError):
    """One line for the agent. `str()` gives the Chinese text; `translated()` any language."""

    context = "Messages"

    def __init__(self, template: str, **fields: Any) -> None:
        self.template = template
        self.fields = fields
        super().__init__(template.format(**fields))

    def translated(self, translate: Callable[[str, str], str]) -> str:
        fields = {
            name: value.translated(translate) if isinstance(value, UserError) else value
            for name, value in self.fields.items()
        }
        return translate(self.context, self.template).format(**fields)
