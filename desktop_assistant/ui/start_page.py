"""概览: who is on shift, first-run guidance, the hotkeys to remember, where the data lives."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_assistant.domain.settings import SCHEMA, TR_CONTEXT
from desktop_assistant.ui.widgets import Retranslated


class StartPage(Retranslated):
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: Mapping[str, Any] = {}
        self._active_hotkeys: tuple[str, ...] = ()
        self._data_dir = ""
        self._last_backup = ""
        self.greeting = QLabel(self)
        self.greeting.setObjectName("panelTitle")
        self.greeting.setWordWrap(True)
        self.onboarding = QLabel(self)
        self.onboarding.setObjectName("onboarding")
        self.onboarding.setWordWrap(True)
        self.open_settings = QPushButton(self)
        self.open_settings.clicked.connect(self.settings_requested)
        self.hotkey_title = QLabel(self)
        self.hotkey_form = QFormLayout()
        self.data_label = QLabel(self)
        self.data_label.setWordWrap(True)
        self.data_label.setObjectName("agentLine")
        layout = QVBoxLayout(self)
        layout.addWidget(self.greeting)
        layout.addWidget(self.onboarding)
        layout.addWidget(self.open_settings)
        layout.addSpacing(8)
        layout.addWidget(self.hotkey_title)
        layout.addLayout(self.hotkey_form)
        layout.addStretch(1)
        layout.addWidget(self.data_label)

    def show_values(self, values: Mapping[str, Any]) -> None:
        self._values = dict(values)
        self.retranslate()

    def show_hotkeys(self, keys: tuple[str, ...]) -> None:
        """Only the hotkeys that do something yet: a list of dead combos would mislead."""
        self._active_hotkeys = keys
        self.retranslate()

    def show_data_info(self, data_dir: str, last_backup: str) -> None:
        self._data_dir, self._last_backup = data_dir, last_backup
        self.retranslate()

    @property
    def needs_setup(self) -> bool:
        return not (self._values.get("agent_name") and self._values.get("agent_id"))

    def retranslate(self) -> None:
        values = self._values
        name = values.get("agent_name") or self.tr("客服")
        shop = values.get("shop_name") or ""
        self.greeting.setText(self.tr("{0}，你好").format(name) + (f" · {shop}" if shop else ""))
        self.onboarding.setText(self.tr("第一次使用：请先在设置里填写客服昵称和工号，备注和统计都会用到。"))
        self.onboarding.setVisible(self.needs_setup)
        self.open_settings.setText(self.tr("打开设置"))
        self.hotkey_title.setText(self.tr("全局快捷键"))
        while self.hotkey_form.rowCount():
            self.hotkey_form.removeRow(0)
        self.hotkey_title.setVisible(bool(self._active_hotkeys))
        for spec in SCHEMA:
            if spec.key in self._active_hotkeys:
                combo = values.get(spec.key) or self.tr("未设置")
                self.hotkey_form.addRow(QCoreApplication.translate(TR_CONTEXT, spec.label), QLabel(combo.title()))
        self.data_label.setText(
            self.tr("数据目录：{0}").format(self._data_dir)
            + "\n"
            + self.tr("最近备份：{0}").format(self._last_backup or self.tr("尚无"))
        )
