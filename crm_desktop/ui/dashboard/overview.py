"""Today at a glance: key counts, contacts by stage and tier, tickets by status, today's and overdue
follow-ups. Texts keep the DashboardTab translation context they always had."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import LifecycleStage, TicketStatus, Tier
from crm_desktop.domain.tickets import OPEN_STATUSES
from crm_desktop.services.dto import DashboardSummary
from crm_desktop.ui.common.formatting import local_datetime, number
from crm_desktop.ui.common.labels import (
    followup_kind_label,
    stage_label,
    ticket_status_label,
    tier_label,
)
from crm_desktop.ui.common.table_fill import fill_rows
from crm_desktop.ui.dashboard.charts import BarChart

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

CARDS = ("contacts", "customers", "leads", "open_tickets", "today", "overdue")




class Overview(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent, objectName="dashboardOverview")
        self.summary: DashboardSummary | None = None
        self.cards = {key: _Card(key) for key in CARDS}
        self.stage_chart, self.tier_chart = BarChart("stageChart"), BarChart("tierChart")
        self.ticket_chart = BarChart("ticketChart")
        self.today, self.overdue = _list_table("todayList"), _list_table("overdueList")
        self.today_title, self.overdue_title = QLabel(), QLabel()
        cards = QHBoxLayout()
        for card in self.cards.values():
            cards.addWidget(card)
        charts = QHBoxLayout()
        for chart in (self.stage_chart, self.tier_chart, self.ticket_chart):
            charts.addWidget(chart)
        lists = QGridLayout()
        lists.addWidget(self.today_title, 0, 0)
        lists.addWidget(self.overdue_title, 0, 1)
        lists.addWidget(self.today, 1, 0)
        lists.addWidget(self.overdue, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(cards)
        layout.addLayout(charts, 3)
        layout.addLayout(lists, 2)
        for title in (self.today_title, self.overdue_title):
            title.setStyleSheet("font-weight: 600;")

    def retranslate(self) -> None:
        captions = {"contacts": translate("DashboardTab", "Contacts"), "customers": translate("DashboardTab", "Customers"), "leads": translate("DashboardTab", "Leads"),
                    "open_tickets": translate("DashboardTab", "Open tickets"), "today": translate("DashboardTab", "Follow-ups today"),
                    "overdue": translate("DashboardTab", "Overdue follow-ups")}
        for key, card in self.cards.items():
            card.caption.setText(captions[key])
        self.stage_chart.set_title(translate("DashboardTab", "Contacts by stage"))
        self.tier_chart.set_title(translate("DashboardTab", "Contacts by tier"))
        self.ticket_chart.set_title(translate("DashboardTab", "Tickets by status"))
        self.today_title.setText(translate("DashboardTab", "Today's follow-ups"))
        self.overdue_title.setText(translate("DashboardTab", "Overdue follow-ups"))
        headers = [translate("DashboardTab", "Time"), translate("DashboardTab", "Customer"), translate("DashboardTab", "Type"), translate("DashboardTab", "Title")]
        self.today.setHorizontalHeaderLabels(headers)
        self.overdue.setHorizontalHeaderLabels(headers)
        if self.summary is not None:
            self.show_summary(self.summary)

    def show_summary(self, s: DashboardSummary) -> None:
        self.summary = s
        open_tickets = sum(n for status, n in s.open_tickets_by_status.items() if status in OPEN_STATUSES)
        values = {"contacts": s.contacts_total, "customers": s.by_stage.get("customer", 0),
                  "leads": s.by_stage.get("lead", 0), "open_tickets": open_tickets,
                  "today": len(s.followups_today), "overdue": s.followups_overdue}
        for key, card in self.cards.items():
            card.set_value(values[key], alert=key == "overdue" and values[key] > 0)
        self.stage_chart.set_bars([(stage_label(x), s.by_stage.get(x.value, 0)) for x in LifecycleStage])
        self.tier_chart.set_bars([(tier_label(x), s.by_tier.get(x.value, 0)) for x in Tier])
        self.ticket_chart.set_bars([(ticket_status_label(x), s.open_tickets_by_status.get(x.value, 0))
                                    for x in TicketStatus])
        _fill(self.today, s.followups_today)
        _fill(self.overdue, s.overdue)


class _Card(QFrame):
    def __init__(self, key: str):
        super().__init__(objectName=f"card_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#card_{key} {{ background: white; border: 1px solid #d5dbdb; border-radius: 6px; }}")
        self.value = QLabel("–", objectName=f"cardValue_{key}")
        self.caption = QLabel(objectName=f"cardCaption_{key}")
        self.caption.setStyleSheet("color: #566573;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set_value(self, n: int, alert: bool = False) -> None:
        self.value.setText(number(n))
        colour = "#c0392b" if alert else "#1f618d"
        self.value.setStyleSheet(f"font-size: 22pt; font-weight: 600; color: {colour};")


def _list_table(name: str) -> QTableWidget:
    table = QTableWidget(0, 4, objectName=name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def _fill(table: QTableWidget, followups) -> None:
    fill_rows(table, [(local_datetime(f.due_at), f.contact_name, followup_kind_label(f.draft.kind), f.draft.title)
                      for f in followups])
