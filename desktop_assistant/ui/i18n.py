"""Qt's translation system: Chinese source strings, English from resources/translations/en.qm."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_assistant.resources_access import resource_path

log = logging.getLogger(__name__)

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


class LanguageSwitcher:
    """Keeps the installed translators; switching sends LanguageChange to every widget."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self.language = "zh_CN"

    def uninstall(self) -> None:
        for translator in self._translators:
            self._app.removeTranslator(translator)
        self._translators = []

    def apply(self, language: str) -> bool:
        """Install `language`; False (and Chinese stays) when its file cannot be loaded."""
        self.uninstall()
        ok = True
        if language == "en":
            ours = QTranslator(self._app)
            path = resource_path("translations", "en.qm")
            if ours.load(str(path)):
                self._translators.append(ours)
            else:
                log.error("cannot load translation %s", path)
                ok = False
        qt_language = "zh_CN" if language == "zh_CN" or not ok else "en"
        QLocale.setDefault(QLocale(qt_language))
        # Qt's own strings (OK/Cancel, context menus) in the same language.
        qt_own = QTranslator(self._app)
        if qt_own.load(f"qtbase_{qt_language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._translators.append(qt_own)
        for translator in self._translators:
            self._app.installTranslator(translator)
        self.language = language if ok else "zh_CN"
        return ok
