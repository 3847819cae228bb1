"""Customers at risk of leaving, each with its main reasons and the win-back decision
E(V) − V3 > C3; marking one churned, and a win-back campaign of follow-ups with an offer."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.analytics.risk import Reason
from crm_desktop.services.analytics_dto import RiskRow, RiskSummary
from crm_desktop.ui.common.formatting import money, number

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")




def reason_text(r: Reason) -> str:
    v = r.value
    texts = {
        "overdue": translate("RiskPanel", "{v}× the usual gap since the last purchase"),
        "fewer_orders": translate("RiskPanel", "orders −{v}% on the half-year before"),
        "less_spend": translate("RiskPanel", "spend −{v}%"),
        "complaints": translate("RiskPanel", "{v} open complaint(s)"),
        "low_csat": translate("RiskPanel", "low satisfaction (CSAT {v})") if v else translate("RiskPanel", "low average satisfaction"),
        "no_contact": translate("RiskPanel", "no contact for {v} days") if v >= 0 else translate("RiskPanel", "never contacted"),
    }
    return texts[r.key].format(v=f"{v:g}")


class RiskPanel(QWidget):
    COLUMNS = 8

    def __init__(self, parent=None):
        super().__init__(parent, objectName="riskPanel")
        self.summary: RiskSummary | None = None
        self.headline = QLabel(objectName="riskHeadline")
        self.table = QTableWidget(0, self.COLUMNS, objectName="riskList")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.churned_button = QPushButton(objectName="riskMarkChurned")
        self.campaign_button = QPushButton(objectName="riskWinBack")
        buttons = QHBoxLayout()
        buttons.addWidget(self.headline, 1)
        buttons.addWidget(self.churned_button)
        buttons.addWidget(self.campaign_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.retranslate()

    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([
            translate("RiskPanel", "Customer"), translate("RiskPanel", "Risk"), translate("RiskPanel", "Main reasons"), translate("RiskPanel", "CLV"), translate("RiskPanel", "E(V) if won back"),
            translate("RiskPanel", "V3 without action"), translate("RiskPanel", "C3 cost"), translate("RiskPanel", "Act?")])
        self.table.setToolTip(translate("RiskPanel", "Win back when E(V) − V3 > C3: E(V) = CLV × (p_stay + (1 − p_stay) × p_win), V3 = CLV × p_stay, p_stay = 1 − risk ÷ 100; p_win and C3 are settings (analytics.winback_win_pct, analytics.winback_cost_cents)."))
        self.churned_button.setText(translate("RiskPanel", "Mark churned…"))
        self.campaign_button.setText(translate("RiskPanel", "Win-back campaign…"))
        if self.summary is not None:
            self.show_summary(self.summary)

    def show_summary(self, s: RiskSummary) -> None:
        self.summary = s
        self.headline.setText(translate("RiskPanel", "{n} of {all} customers at risk (score ≥ {t}); average score {avg}").format(
            n=number(s.at_risk), all=number(s.customers), t=s.threshold,
            avg="–" if s.average_score is None else f"{s.average_score:.0f}"))
        self.table.setRowCount(len(s.top))
        for row, r in enumerate(s.top):
            cells = (r.name, str(r.score), "; ".join(reason_text(x) for x in r.reasons), money(r.clv_cents),
                     money(r.win_back.expected_cents), money(r.win_back.without_cents), money(r.win_back.cost_cents),
                     translate("RiskPanel", "Yes") if r.win_back.act else translate("RiskPanel", "No"))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def selected(self) -> list[RiskRow]:
        if self.summary is None:
            return []
        return [self.summary.top[i.row()] for i in self.table.selectionModel().selectedRows()]
