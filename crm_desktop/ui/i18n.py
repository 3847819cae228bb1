"""Installs the translators for a language: the app's own .qm and Qt's (dialog buttons etc.)."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


class Translators:
    def __init__(self):
        self._installed: list[QTranslator] = []
        self.language: str | None = None  # none installed yet

    def install(self, language: str) -> bool:
        """Switch to `language`; returns False when its translation files are missing. The language
        already installed is kept as it is (no needless retranslation of every window)."""
        if language == self.language:
            return language == "en" or bool(self._installed)
        app = QCoreApplication.instance()
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.language = language
        QLocale.setDefault(QLocale(language if language != "en" else "en_US"))
        if language == "en":
            return True
        ok = self._load(f"crm_desktop_{language}", str(TRANSLATIONS))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        self._load(f"qtbase_{language}", qt_dir)
        return ok

    def _load(self, name: str, folder: str) -> bool:
        translator = QTranslator()
        if not translator.load(name, folder):
            return False
        QCoreApplication.instance().installTranslator(translator)
        self._installed.append(translator)
        return True
