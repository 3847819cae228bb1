"""Typed settings over QSettings, with defaults. Tests point QSettings at a temporary folder."""

from PySide6.QtCore import QByteArray, QLocale, QSettings

SUPPORTED_LANGUAGES = ("zh_CN", "en")


def system_language() -> str:
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


class Settings:
    VERSION = 1

    def __init__(self, qsettings: QSettings | None = None):
        self._s = qsettings or QSettings()
        if int(self._s.value("settings_version", 0)) < self.VERSION:
            self._s.setValue("settings_version", self.VERSION)

    @property
    def language(self) -> str:
        value = str(self._s.value("ui/language", "") or "")
        return value if value in SUPPORTED_LANGUAGES else system_language()

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("ui/language", value if value in SUPPORTED_LANGUAGES else "")

    @property
    def last_database(self) -> str:
        return str(self._s.value("db/last", "") or "")

    @last_database.setter
    def last_database(self, value: str) -> None:
        self._s.setValue("db/last", value)

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("ui/geometry", value)

    def sync(self) -> None:
        self._s.sync()
