"""Tier cadence: how often each tier is contacted and visited (Settings.tier_cadence)."""

from PySide6.QtWidgets import QLabel, QSpinBox, QVBoxLayout

from crm_desktop.domain.cadence import MAX_INTERVAL, TIER_ORDER, TierCadence
from crm_desktop.ui.common.labels import tier_label
from crm_desktop.ui.settings import Settings
from crm_desktop.ui.settings_dialog.base import SettingsPage, two_column_grid


class CarePage(SettingsPage):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsCarePage")
        self._settings = settings
        self.contact = {t: QSpinBox(objectName=f"cadenceContact_{t.value}", minimum=1, maximum=MAX_INTERVAL)
                        for t in TIER_ORDER}
        self.visit = {t: QSpinBox(objectName=f"cadenceVisit_{t.value}", minimum=0, maximum=MAX_INTERVAL)
                      for t in TIER_ORDER}
        self._tier_labels = {t: QLabel() for t in TIER_ORDER}
        self._heads = [QLabel(), QLabel()]
        self.hint = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(two_column_grid(self._heads, self._tier_labels, self.contact, self.visit))
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.retranslate()

    def load(self) -> None:
        for tier, cadence in self._settings.tier_cadence.items():
            self.contact[tier].setValue(cadence.contact_days)
            self.visit[tier].setValue(cadence.visit_days or 0)

    def save(self) -> bool:
        self._settings.tier_cadence = {t: TierCadence(self.contact[t].value(), self.visit[t].value() or None)
                                       for t in TIER_ORDER}
        return True

    def retranslate(self) -> None:
        self._heads[0].setText(self.tr("Contact every"))
        self._heads[1].setText(self.tr("Visit every"))
        for tier, label in self._tier_labels.items():
            label.setText(tier_label(tier))
        for spin in (*self.contact.values(), *self.visit.values()):
            spin.setSuffix(self.tr(" days"))
        for spin in self.visit.values():
            spin.setSpecialValueText(self.tr("no visits"))
        self.hint.setText(self.tr("Calendar → Care… lists the customers due by these intervals, counted from "
                                  "their last contact or visit."))
