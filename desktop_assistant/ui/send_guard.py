"""The outgoing-text guard before an insertion (docs/guard.md), on the GUI thread: contact and 好评返现 ask
the agent first, absolute words go out with a notice. Every insertion the app makes passes here."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_assistant.domain.guard import CATEGORY_LABELS, Finding, Guard, findings


class Decision(enum.Enum):
    SEND = "send"
    SEND_AFTER_ASKING = "asked"  # the agent confirmed in a dialog: the IM window lost the keyboard meanwhile
    CANCEL = "cancel"


def describe(found: Iterable[Finding]) -> str:
    """`站外联系: 微信、加我; 广告法极限词: 最低价` in the agent's language."""
    return "; ".join(
        f"{QCoreApplication.translate('Guard', CATEGORY_LABELS[f.category])}: {'、'.join(f.words)}" for f in found
    )


class SendGuard(QObject):
    def __init__(
        self,
        guard: Callable[[], Guard],
        parent_widget: Callable[[], QWidget | None] = lambda: None,
        notice: Callable[[str], None] = lambda text: None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._guard = guard
        self._parent_widget = parent_widget
        self._notice = notice
        self.ask: Callable[[str], bool] = self._ask_dialog  # replaced in tests

    def decide(self, texts: Iterable[str], allowed_phones: Iterable[str] = ()) -> Decision:
        guard = self._guard()
        phones = tuple(allowed_phones)
        found = findings(hit for text in texts for hit in guard.check(text, allowed_phones=phones))
        blocking = [f for f in found if f.blocking]
        if blocking:
            question = self.tr("这条消息含有平台会处罚的内容：\n{0}\n\n仍然发送吗?").format(describe(blocking))
            return Decision.SEND_AFTER_ASKING if self.ask(question) else Decision.CANCEL
        if found:
            self._notice(self.tr("提醒：消息含{0}").format(describe(found)))
        return Decision.SEND

    def _ask_dialog(self, question: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("发送前检查"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self._parent_widget(),
        )
        box.setObjectName("sendGuardQuestion")
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("仍然发送"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("不发送"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # a stray Enter does not send it
        return box.exec() == QMessageBox.StandardButton.Yes
