"""Widgets that follow the language: a LanguageChange reaches retranslate(); one without it is refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from desktop_assistant.ui.widgets import Retranslated


def test_a_language_change_runs_retranslate(qtbot) -> None:
    class Label(Retranslated):
        calls = 0

        def retranslate(self) -> None:
            type(self).calls += 1

    widget = Label()
    qtbot.addWidget(widget)
    QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))
    assert Label.calls == 1


def test_a_widget_without_retranslate_is_refused_when_defined() -> None:
    with pytest.raises(TypeError, match="no retranslate"):

        class Forgotten(Retranslated):
            pass
