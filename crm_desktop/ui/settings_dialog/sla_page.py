"""SLA targets per ticket priority, in working hours, kept with the data (`sla.targets`): every
instance on the database counts its ticket clocks against the same promises."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QLabel, QPushButton, QVBoxLayout

from crm_desktop.domain.enums import TicketPriority
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.permissions import Permission
from crm_desktop.domain.sla import DEFAULT_TARGETS, SlaTarget
from crm_desktop.domain.sla_targets import SLA_TARGETS_KEY, targets_from_setting, targets_to_setting
from crm_desktop.services.data_settings import DataSettingsService
from crm_desktop.ui.common.labels import priority_label
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.settings_dialog.base import SettingsPage, error_label, two_column_grid

PRIORITIES = (TicketPriority.URGENT, TicketPriority.HIGH, TicketPriority.NORMAL, TicketPriority.LOW)


def _hours_spin(name: str) -> QDoubleSpinBox:
    return QDoubleSpinBox(objectName=name, decimals=1, minimum=0.1, maximum=1440, singleStep=0.5)


class SlaPage(SettingsPage):
    permission = Permission.MANAGE_SETTINGS  # a data setting: the dialog disables the page without it

    def __init__(self, data_settings: DataSettingsService, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsSlaPage")
        self._data = data_settings
        self.first = {p: _hours_spin(f"slaFirst_{p.value}") for p in PRIORITIES}
        self.resolve = {p: _hours_spin(f"slaResolve_{p.value}") for p in PRIORITIES}
        self._labels = {p: QLabel() for p in PRIORITIES}
        self._heads = [QLabel(), QLabel()]
        self.defaults = QPushButton(objectName="slaDefaults")
        self.hint = QLabel(wordWrap=True)
        self.error = error_label("slaError")
        layout = QVBoxLayout(self)
        layout.addLayout(two_column_grid(self._heads, self._labels, self.first, self.resolve))
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.defaults, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.defaults.clicked.connect(lambda: self.show_targets(DEFAULT_TARGETS))
        self.retranslate()

    def load(self) -> None:
        self.show_targets(targets_from_setting(self._data.get(SLA_TARGETS_KEY)))

    def show_targets(self, targets) -> None:
        for priority in PRIORITIES:
            self.first[priority].setValue(targets[priority].first_response_minutes / 60)
            self.resolve[priority].setValue(targets[priority].resolution_minutes / 60)
        self.error.hide()

    def targets(self) -> dict[TicketPriority, SlaTarget]:
        return {p: SlaTarget(round(self.first[p].value() * 60), round(self.resolve[p].value() * 60))
                for p in PRIORITIES}

    def save(self) -> bool:
        try:
            self._data.put(SLA_TARGETS_KEY, targets_to_setting(self.targets()))
        except CrmError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self.error.hide()
        return True

    def retranslate(self) -> None:
        self._heads[0].setText(self.tr("First response within"))
        self._heads[1].setText(self.tr("Resolved within"))
        for priority, label in self._labels.items():
            label.setText(priority_label(priority))
        for spin in (*self.first.values(), *self.resolve.values()):
            spin.setSuffix(self.tr(" working hours"))
        self.defaults.setText(self.tr("Restore the defaults"))
        self.hint.setText(self.tr("Counted in working hours (09:00–18:00 on working days, public holidays "
                                  "excepted), paused while a ticket waits for the customer. Shared by "
                                  "everyone working on this database."))
