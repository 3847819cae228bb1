"""Typed settings over QSettings, with defaults. Tests point QSettings at a temporary folder.

Read before the main window paints: the care rules (holidays, lunar dates) load only when the tier
cadence is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLocale, QSettings

if TYPE_CHECKING:
    from crm_desktop.domain.cadence import TierCadence
    from crm_desktop.domain.enums import Tier

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
    def data_folder(self) -> str:
        """The folder of the database opened without --db (chosen at first run or in the settings);
        "" means the default user data folder."""
        return str(self._s.value("data/folder", "") or "")

    @data_folder.setter
    def data_folder(self, value: str) -> None:
        self._s.setValue("data/folder", value)

    @property
    def window_geometry(self) -> QByteArray | None:
        value = self._s.value("ui/geometry")
        return value if isinstance(value, QByteArray) else None

    @window_geometry.setter
    def window_geometry(self, value: QByteArray) -> None:
        self._s.setValue("ui/geometry", value)

    @property
    def tier_cadence(self) -> dict[Tier, TierCadence]:
        """Contact and visit intervals per tier (days; no visit interval: not visited)."""
        from crm_desktop.domain.cadence import TIER_ORDER

        return {tier: self._cadence_of(tier) for tier in TIER_ORDER}

    @tier_cadence.setter
    def tier_cadence(self, value: dict[Tier, TierCadence]) -> None:
        for tier, cadence in value.items():
            self._s.setValue(f"care/{tier.value}_contact_days", cadence.contact_days)
            self._s.setValue(f"care/{tier.value}_visit_days", cadence.visit_days or 0)

    def _cadence_of(self, tier: Tier) -> TierCadence:
        from crm_desktop.domain.cadence import DEFAULT_CADENCE, TierCadence, clamp_interval

        default = DEFAULT_CADENCE[tier]
        contact = self._s.value(f"care/{tier.value}_contact_days", default.contact_days)
        visit = self._s.value(f"care/{tier.value}_visit_days", default.visit_days or 0)
        return TierCadence(clamp_interval(_int(contact, default.contact_days), False),
                           clamp_interval(_int(visit, 0), True))

    @property
    def greeting_template(self) -> str:
        return str(self._s.value("care/greeting_template", "") or "")

    @greeting_template.setter
    def greeting_template(self, value: str) -> None:
        self._s.setValue("care/greeting_template", value)

    @property
    def automatic_backups(self) -> bool:
        """A verified backup into the rotation when the window closes (on by default)."""
        value = self._s.value("backup/automatic", True)
        return value if isinstance(value, bool) else str(value).lower() not in ("false", "0", "no")

    @automatic_backups.setter
    def automatic_backups(self, value: bool) -> None:
        self._s.setValue("backup/automatic", bool(value))

    @property
    def backup_folder(self) -> str:
        """Where the rotation lives; "" means `backups/` beside the database."""
        return str(self._s.value("backup/folder", "") or "")

    @backup_folder.setter
    def backup_folder(self, value: str) -> None:
        self._s.setValue("backup/folder", value)

    def sync(self) -> None:
        self._s.sync()


def _int(value, default: int) -> int:
    """A stored number (INI files hand back text), or the default when it is not one."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
