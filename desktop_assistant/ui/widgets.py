"""Small pieces every feature tab uses."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

ERROR_STYLE = "color: #c62828;"
DONE_STYLE = "color: #2e7d32;"


class MessageLabel(QLabel):
    """The line under a form that says what happened: green when done, red when something is wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def say(self, text: str, error: bool = False) -> None:
        self.setText(text)
        self.setStyleSheet(ERROR_STYLE if error else DONE_STYLE)


class MessageLine:
    """For a tab with a MessageLabel as `message`: what its controller says, named for what it means."""

    message: MessageLabel

    def show_message(self, text: str) -> None:
        self.message.say(text)

    def show_error(self, text: str) -> None:
        self.message.say(text, error=True)

    def clear_message(self) -> None:
        self.message.say("")


class Retranslated(QWidget):
    """A widget whose texts follow the language: its retranslate() runs on every LanguageChange. A subclass
    without one is refused when it is defined, not when the agent first switches the language."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not callable(getattr(cls, "retranslate", None)):
            raise TypeError(f"{cls.__name__} follows the language but has no retranslate()")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]  # every subclass has one (__init_subclass__)
        super().changeEvent(event)


def fill_with_scrolling(page: QWidget, content: QWidget) -> None:
    """`content` in a scroll area that fills `page`: a tab taller than the panel scrolls as a whole."""
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setWidget(content)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)


class LazyTab(QWidget):
    """Holds a feature's place in the tab bar until the agent first opens it (PanelWindow.add_lazy_tab): it
    only names the tab; `build` makes the real widget then."""

    def __init__(self, title: Callable[[], str], build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.build = build

    def tab_title(self) -> str:
        return self._title()
