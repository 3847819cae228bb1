"""The care dialog's first page: customers overdue for contact by their tier's cadence, the
cadence editor, and planning follow-ups for the selected customers."""

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.cadence import MAX_INTERVAL, TIER_ORDER, TierCadence
from crm_desktop.domain.enums import Tier
from crm_desktop.services.care import CareService
from crm_desktop.ui.calendar.care_models import DueModel
from crm_desktop.ui.common.labels import tier_label
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.settings import Settings


def guarded(notifier: Notifier, action: Callable, *args):
    """One service call; failures reach the user through the notifier. Returns None on failure."""
    try:
        return action(*args)
    except Exception as exc:  # noqa: BLE001 - every failure reaches the user through one path
        notifier.error(exc)
        return None


def table_view(model, name: str) -> QTableView:
    table = QTableView(objectName=name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def selected_rows(table: QTableView) -> list[int]:
    return sorted({i.row() for i in table.selectionModel().selectedRows()})


class DuePage(QWidget):
    def __init__(self, care: CareService, settings: Settings, notifier: Notifier, parent=None):
        super().__init__(parent)
        self._care, self._settings, self._notifier = care, settings, notifier
        self.model = DueModel(self._fetch, self)
        self.table = table_view(self.model, "dueTable")
        self.cadence_box = QGroupBox(objectName="cadenceBox")
        self.contact_spins: dict[Tier, QSpinBox] = {}
        self.visit_spins: dict[Tier, QSpinBox] = {}
        self.tier_labels: dict[Tier, QLabel] = {}
        self.contact_header, self.visit_header = QLabel(), QLabel()
        self.apply_button = QPushButton(objectName="applyCadence")
        self.plan_button = QPushButton(objectName="planDueButton")
        self.status = QLabel(objectName="dueStatus", wordWrap=True)
        self._build()
        self.show_cadence(settings.tier_cadence)
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        grid = QGridLayout(self.cadence_box)
        grid.addWidget(self.contact_header, 0, 1)
        grid.addWidget(self.visit_header, 0, 2)
        for row, tier in enumerate(TIER_ORDER, start=1):
            self.tier_labels[tier] = QLabel()
            self.contact_spins[tier] = QSpinBox(objectName=f"contactDays_{tier.value}", minimum=1,
                                                maximum=MAX_INTERVAL)
            self.visit_spins[tier] = QSpinBox(objectName=f"visitDays_{tier.value}", minimum=0, maximum=MAX_INTERVAL)
            grid.addWidget(self.tier_labels[tier], row, 0)
            grid.addWidget(self.contact_spins[tier], row, 1)
            grid.addWidget(self.visit_spins[tier], row, 2)
        grid.addWidget(self.apply_button, len(TIER_ORDER) + 1, 1, 1, 2)
        grid.setColumnStretch(3, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.plan_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.cadence_box)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

    def _connect_signals(self) -> None:
        self.apply_button.clicked.connect(self._on_apply_button_clicked)
        self.plan_button.clicked.connect(self._on_plan_button_clicked)

    def retranslate(self) -> None:
        self.cadence_box.setTitle(self.tr("Contact intervals by tier"))
        self.contact_header.setText(self.tr("Contact every (days)"))
        self.visit_header.setText(self.tr("Visit every (days)"))
        for tier in TIER_ORDER:
            self.tier_labels[tier].setText(tier_label(tier))
            self.contact_spins[tier].setSuffix(self.tr(" days"))
            self.visit_spins[tier].setSuffix(self.tr(" days"))
            self.visit_spins[tier].setSpecialValueText(self.tr("No visits"))
        self.apply_button.setText(self.tr("Save intervals and refresh"))
        self.plan_button.setText(self.tr("Plan follow-ups for the selected"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.model.columns) - 1)

    # --- reading and writing ------------------------------------------------------------------------
    def load(self) -> None:
        guarded(self._notifier, self.model.reload)
        self.table.resizeColumnsToContents()

    def cadence(self) -> dict[Tier, TierCadence]:
        """The intervals as the spin boxes show them (0 visit days: no visits)."""
        return {t: TierCadence(self.contact_spins[t].value(), self.visit_spins[t].value() or None)
                for t in TIER_ORDER}

    def show_cadence(self, cadence: dict[Tier, TierCadence]) -> None:
        for tier, value in cadence.items():
            self.contact_spins[tier].setValue(value.contact_days)
            self.visit_spins[tier].setValue(value.visit_days or 0)

    def selected_ids(self) -> list[int]:
        ids = [self.model.id_at(r) for r in selected_rows(self.table)]
        return [i for i in ids if i is not None]

    def _fetch(self, offset: int, limit: int):
        return self._care.due_for_contact(self._care.today(), self.cadence(), limit, offset)

    # --- slots ----------------------------------------------------------------------------------------
    def _on_apply_button_clicked(self) -> None:
        self._settings.tier_cadence = self.cadence()
        self.load()

    def _on_plan_button_clicked(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.status.setText(self.tr("Select the customers to plan follow-ups for."))
            return
        created = guarded(self._notifier, self._care.plan_followups, ids, self.cadence(), None, 8,
                          self.tr("Regular contact"))
        if created is not None:
            self.status.setText(self.tr("%n follow-up(s) planned.", "", len(created)))
            self.load()
