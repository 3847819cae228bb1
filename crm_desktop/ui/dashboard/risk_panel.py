"""Customers at risk of leaving, each with its main reasons and the win-back decision
E(V) − V3 > C3; marking one churned, and a win-back campaign of follow-ups with an offer."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.analytics.churn import ChurnType
from crm_desktop.domain.analytics.risk import Reason
from crm_desktop.services.analytics_dto import ChurnedRow, RiskRow, RiskSummary
from crm_desktop.ui.common.formatting import local_date, local_datetime, money, number
from crm_desktop.ui.common.table_fill import fill_rows
from crm_desktop.ui.dashboard.churn_dialogs import churn_type_label

AT_RISK, CHURNED = "at_risk", "churned"

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def reason_text(r: Reason) -> str:
    """A reason in words: only its own sentence is looked up (the list shows 200 customers' reasons)."""
    v = r.value
    texts = {
        "overdue": lambda: translate("RiskPanel", "{v}× the usual gap since the last purchase"),
        "fewer_orders": lambda: translate("RiskPanel", "orders −{v}% on the half-year before"),
        "less_spend": lambda: translate("RiskPanel", "spend −{v}%"),
        "complaints": lambda: translate("RiskPanel", "{v} open complaint(s)"),
        "low_csat": lambda: (translate("RiskPanel", "low satisfaction (CSAT {v})") if v
                             else translate("RiskPanel", "low average satisfaction")),
        "no_contact": lambda: (translate("RiskPanel", "no contact for {v} days") if v >= 0
                               else translate("RiskPanel", "never contacted")),
    }
    return texts[r.key]().format(v=f"{v:g}")


def _value_cells():
    """A row's last five cells, the same in both lists: CLV, the win-back decision's E(V), V3, C3, act?"""
    yes, no = translate("RiskPanel", "Yes"), translate("RiskPanel", "No")
    return lambda r: (money(r.clv_cents), money(r.win_back.expected_cents), money(r.win_back.without_cents),
                      money(r.win_back.cost_cents), yes if r.win_back.act else no)


def _churn_type(value: str) -> str:
    return churn_type_label(ChurnType(value)) if value in ChurnType._value2member_map_ else ""


class RiskPanel(QWidget):
    COLUMNS = 8

    def __init__(self, parent=None):
        super().__init__(parent, objectName="riskPanel")
        self.summary: RiskSummary | None = None
        self.headline = QLabel(objectName="riskHeadline")
        self.view = QComboBox(objectName="riskView")  # customers at risk, or those who already left
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
        buttons.addWidget(self.view)
        buttons.addWidget(self.headline, 1)
        buttons.addWidget(self.churned_button)
        buttons.addWidget(self.campaign_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.view.currentIndexChanged.connect(self._on_view_currentIndexChanged)
        self.retranslate()

    @property
    def showing_churned(self) -> bool:
        return self.view.currentData() == CHURNED

    def shown_rows(self) -> tuple:
        if self.summary is None:
            return ()
        return self.summary.churned if self.showing_churned else self.summary.top

    def retranslate(self) -> None:
        current = self.view.currentData() or AT_RISK
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(translate("RiskPanel", "At risk"), AT_RISK)
        self.view.addItem(translate("RiskPanel", "Churned"), CHURNED)
        self.view.setCurrentIndex(self.view.findData(current))
        self.view.blockSignals(False)
        self._headers()
        self.table.setToolTip(translate("RiskPanel", "Win back when E(V) − V3 > C3: E(V) = CLV × (p_stay + (1 − p_stay) × p_win), V3 = CLV × p_stay, p_stay = 1 − risk ÷ 100 (0 for a churned customer); p_win and C3 are settings (analytics.winback_win_pct, analytics.winback_cost_cents)."))
        self.churned_button.setText(translate("RiskPanel", "Mark churned…"))
        self.campaign_button.setText(translate("RiskPanel", "Win-back campaign…"))
        if self.summary is not None:
            self.show_summary(self.summary)

    def _headers(self) -> None:
        header = self.table.horizontalHeader()
        for column in range(self.COLUMNS):  # the reasons stretch: column 2 at risk, column 1 churned
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1 if self.showing_churned else 2, QHeaderView.ResizeMode.Stretch)
        if self.showing_churned:
            self.table.setColumnCount(8)
            self.table.setHorizontalHeaderLabels([
                translate("RiskPanel", "Customer"), translate("RiskPanel", "Why they left"),
                translate("RiskPanel", "Churned on"), translate("RiskPanel", "CLV"),
                translate("RiskPanel", "E(V) if won back"), translate("RiskPanel", "V3 without action"),
                translate("RiskPanel", "C3 cost"), translate("RiskPanel", "Act?")])
            return
        self.table.setColumnCount(self.COLUMNS)
        self.table.setHorizontalHeaderLabels([
            translate("RiskPanel", "Customer"), translate("RiskPanel", "Risk"), translate("RiskPanel", "Main reasons"), translate("RiskPanel", "CLV"), translate("RiskPanel", "E(V) if won back"),
            translate("RiskPanel", "V3 without action"), translate("RiskPanel", "C3 cost"), translate("RiskPanel", "Act?")])

    def show_summary(self, s: RiskSummary) -> None:
        self.summary = s
        self.churned_button.setEnabled(not self.showing_churned)
        if self.showing_churned:
            self._show_churned(s.churned)
            return
        self.headline.setText(translate(
            "RiskPanel", "{n} of {all} customers at risk (score ≥ {t}); average score {avg}; scored {time}").format(
            n=number(s.at_risk), all=number(s.customers), t=s.threshold,
            avg="–" if s.average_score is None else f"{s.average_score:.0f}", time=local_datetime(s.computed_at)))
        value = _value_cells()
        fill_rows(self.table, [(r.name, str(r.score), "; ".join(reason_text(x) for x in r.reasons), *value(r))
                               for r in s.top])

    def _show_churned(self, rows: tuple[ChurnedRow, ...]) -> None:
        acting = sum(1 for r in rows if r.win_back.act)
        self.headline.setText(translate("RiskPanel", "The {n} most valuable churned customers; winning back pays for {act}").format(
            n=number(len(rows)), act=number(acting)))
        value = _value_cells()
        fill_rows(self.table, [(r.name, _churn_type(r.churn_type), local_date(r.churned_at), *value(r)) for r in rows])

    def _on_view_currentIndexChanged(self, _index: int) -> None:
        self._headers()
        if self.summary is not None:
            self.show_summary(self.summary)

    def selected(self) -> list[RiskRow | ChurnedRow]:
        rows = self.shown_rows()
        return [rows[i.row()] for i in self.table.selectionModel().selectedRows() if i.row() < len(rows)]
