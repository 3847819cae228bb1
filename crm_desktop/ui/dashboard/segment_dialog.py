"""The customers of one RFM segment: listed, exported to XLSX, or given a follow-up each."""

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
)

from crm_desktop.domain.enums import Tier
from crm_desktop.services.analytics_dto import SegmentMember
from crm_desktop.ui.common.formatting import local_date, money, number
from crm_desktop.ui.common.labels import tier_label
from crm_desktop.ui.common.table_fill import fill_rows
from crm_desktop.ui.common.worker import Worker

LIMIT = 500


class SegmentDialog(QDialog):
    def __init__(self, churn, notifier, key: str, title: str, edges, parent=None):
        super().__init__(parent, objectName="segmentDialog")
        self._churn, self.notifier, self._key, self._edges = churn, notifier, key, edges
        self.members: list[SegmentMember] = []
        self.setWindowTitle(title)
        self.resize(760, 520)
        self.table = QTableWidget(0, 6, objectName="segmentMembers")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setHorizontalHeaderLabels([self.tr("Customer"), self.tr("Phone"), self.tr("Tier"),
                                              self.tr("Last purchase"), self.tr("Orders"), self.tr("Spend")])
        self.count = QLabel(self.tr("Loading…"))
        self.title_edit = QLineEdit(self.tr("Segment follow-up"), objectName="segmentFollowupTitle")
        self.export_button = QPushButton(self.tr("Export to XLSX…"), objectName="segmentExport")
        self.plan_button = QPushButton(self.tr("Plan a follow-up for each"), objectName="segmentPlan")
        self.export_button.clicked.connect(self._ask_export)
        self.plan_button.clicked.connect(self.plan_followups)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Follow-up title:")))
        actions.addWidget(self.title_edit, 1)
        actions.addWidget(self.plan_button)
        actions.addWidget(self.export_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(close)
        self._worker = Worker(lambda _r: churn.segment_members(key, edges, 0, LIMIT), self)
        self._worker.succeeded.connect(self._show)
        self._worker.failed.connect(notifier.error)
        self._worker.start()

    def _show(self, members: list[SegmentMember]) -> None:
        self.members = members
        self.count.setText(self.tr("%n customer(s), by spend", "", len(members))
                           + (self.tr(" (the first %1)").replace("%1", number(LIMIT)) if len(members) >= LIMIT else ""))
        fill_rows(self.table, self.rows())

    def rows(self) -> list[list[str]]:
        return [[m.name, m.phone, tier_label(Tier(m.tier)) if m.tier in Tier._value2member_map_ else m.tier,
                 local_date(m.last_purchase_at), number(m.orders), money(m.spent_cents)] for m in self.members]

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to XLSX"), "segment.xlsx", "Excel (*.xlsx)")
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        from crm_desktop.interchange.table_xlsx import write_table_xlsx

        headers = [self.table.horizontalHeaderItem(c).text() for c in range(self.table.columnCount())]
        try:
            n = write_table_xlsx(path, headers, self.rows())
        except OSError as exc:
            self.notifier.error(exc)
            return
        self.notifier.info(self.tr("%n customer(s) exported.", "", n))

    def plan_followups(self) -> None:
        try:
            n = self._churn.plan_followups([m.contact_id for m in self.members], self.title_edit.text(), "")
        except Exception as exc:  # noqa: BLE001 - shown through the notifier
            self.notifier.error(exc)
            return
        self.notifier.info(self.tr("%n follow-up(s) planned over the next week.", "", n))

    def done(self, result: int) -> None:
        self._worker.wait()
        super().done(result)
