"""English translation: en.ts/en.qm are complete and current, and the app can switch to English and back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from desktop_assistant.resources_access import resource_path
from desktop_assistant.ui.i18n import LanguageSwitcher

REPO = Path(__file__).resolve().parents[2]
TOOL = REPO / "tools" / "update_translations.py"


def test_translations_are_complete_and_compiled() -> None:
    proc = subprocess.run(
        [sys.executable, str(TOOL), "--check"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert proc.returncode == 0, (
        "translations out of date; run `python tools/update_translations.py`\n" + proc.stdout + proc.stderr
    )


@pytest.fixture
def restore_locale():
    saved = QLocale()
    yield
    QLocale.setDefault(saved)


@pytest.mark.parametrize(
    ("context", "source", "english"),
    [
        ("PanelWindow", "客服助手", "CS Assistant"),
        ("PanelWindow", "置顶", "Pin"),
        ("PanelWindow", "工号 {0}", "Agent ID {0}"),
        ("Tray", "退出", "Quit"),
    ],
)
def test_en_qm_translates(qapp, context: str, source: str, english: str) -> None:
    translator = QTranslator()
    assert translator.load(str(resource_path("translations", "en.qm")))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate(context, source) == english
    finally:
        qapp.removeTranslator(translator)
    assert QCoreApplication.translate(context, source) == source


def test_language_switcher_english_and_back(qapp, restore_locale) -> None:
    switcher = LanguageSwitcher(qapp)
    try:
        assert switcher.apply("en")
        assert switcher.language == "en"
        title = QCoreApplication.translate("PanelWindow", "客服助手")
        assert title != "客服助手" and title.isascii()
        assert switcher.apply("zh_CN")
        assert switcher.language == "zh_CN"
        assert QCoreApplication.translate("PanelWindow", "客服助手") == "客服助手"
    finally:
        switcher.uninstall()  # leave the shared qapp without translators
