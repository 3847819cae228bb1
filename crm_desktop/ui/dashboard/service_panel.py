"""The dashboard's service page: open tickets by status, how fast tickets were answered and
resolved in the period (medians, SLA compliance), and satisfaction month by month."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import TicketStatus
from crm_desktop.domain.tickets import OPEN_STATUSES
from crm_desktop.services.analytics_dto import ServiceQuality
from crm_desktop.ui.common.labels import ticket_status_label


def hours_text(hours: float | None) -> str:
    return "–" if hours is None else f"{hours:.1f}"


class ServicePanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent, objectName="dashboardService")
        self.summary = QLabel(objectName="serviceSummary", wordWrap=True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.months = QTableWidget(0, 4, objectName="serviceMonths")
        self.months.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.months.verticalHeader().hide()
        self.months.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.months, 1)
        self._quality: ServiceQuality | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.months.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Answers"), self.tr("CSAT (1–5)"),
                                               self.tr("NPS")])
        self._show()

    def show_quality(self, quality: ServiceQuality) -> None:
        self._quality = quality
        self._show()

    def _show(self) -> None:
        q = self._quality
        if q is None:
            self.summary.setText(self.tr("Computing…"))
            return
        s = q.sla
        open_parts = [f"{ticket_status_label(st)} {s.open_by_status.get(st.value, 0)}"
                      for st in TicketStatus if st in OPEN_STATUSES]
        lines = [
            self.tr("Open tickets: {parts}").format(parts=" · ".join(open_parts)),
            self.tr("Resolved in the period: {n}, within target {pct}").format(
                n=s.resolved, pct="–" if s.compliance_pct is None else f"{s.compliance_pct:.1f}%"),
            self.tr("Median first response: {first} working hours · median resolution: {res} working hours").format(
                first=hours_text(s.median_first_response_hours), res=hours_text(s.median_resolution_hours)),
            self.tr("Open now: {risk} at risk, {breached} breached").format(
                risk=s.at_risk_open, breached=s.breached_open),
        ]
        self.summary.setText("\n".join(lines))
        self.months.setRowCount(len(s.by_month))
        for row, m in enumerate(reversed(s.by_month)):  # newest month first
            values = (m.month, str(m.answers), "–" if m.csat_avg is None else f"{m.csat_avg:.2f}",
                      "–" if m.nps is None else f"{m.nps:.0f}")
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.months.setItem(row, col, item)
