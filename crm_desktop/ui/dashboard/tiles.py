"""KPI tiles of the chosen period; each tile's tooltip states the formula behind its figure."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from crm_desktop.domain.enums import LeadSource
from crm_desktop.services.analytics_dto import AnalyticsSummary, RiskSummary, ServiceQuality
from crm_desktop.ui.common.formatting import money, number
from crm_desktop.ui.common.labels import source_label

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")

KEYS = ("new_leads", "conversion", "active", "revenue", "purchases", "retention", "churn", "relative_churn",
        "clv", "at_risk", "open_tickets", "sla", "csat", "nps", "followups")
PER_ROW = 8




def captions() -> dict[str, tuple[str, str]]:
    """Tile caption and help (the formula) per key."""
    return {
        "new_leads": (translate("KpiTiles", "New leads"), translate("KpiTiles", "Contacts first recorded in the period, by lead source.")),
        "conversion": (translate("KpiTiles", "Conversion"), translate("KpiTiles", "Conversion rate = contacts recorded in the period who became customers ÷ contacts recorded in the period; below it the median days from first record to customer.")),
        "active": (translate("KpiTiles", "Active customers"), translate("KpiTiles", "Customers whose last purchase falls in the period.")),
        "revenue": (translate("KpiTiles", "Revenue"), translate("KpiTiles", "Sum of the purchases made in the period.")),
        "purchases": (translate("KpiTiles", "Purchases"), translate("KpiTiles", "Number of purchases made in the period.")),
        "retention": (translate("KpiTiles", "Retention"), translate("KpiTiles", "Retention rate = customers kept ÷ customers at the period start (kept: not churned by the period end).")),
        "churn": (translate("KpiTiles", "Churn (absolute)"), translate("KpiTiles", "Absolute churn rate = customers churned in the period ÷ all customers at the period start.")),
        "relative_churn": (translate("KpiTiles", "Churn (relative)"), translate("KpiTiles", "Relative churn rate = Σ over the churned customers of their share of revenue = their revenue ÷ the revenue of all customers at the period start.")),
        "clv": (translate("KpiTiles", "Average CLV"), translate("KpiTiles", "Customer lifetime value = average order value × purchases a year × expected lifespan × margin (settings analytics.margin_pct and analytics.lifespan_years).")),
        "at_risk": (translate("KpiTiles", "At risk"), translate("KpiTiles", "Customers whose churn risk score reaches the threshold (setting analytics.risk_threshold). The score adds points for a purchase overdue against the customer's own interval, fewer orders and less spend than the half-year before, open complaints, low satisfaction and no contact.")),
        "open_tickets": (translate("KpiTiles", "Open tickets"), translate("KpiTiles", "Tickets new, in progress or waiting, now.")),
        "sla": (translate("KpiTiles", "SLA compliance"), translate("KpiTiles", "Tickets resolved in the period within their resolution target ÷ tickets resolved in the period.")),
        "csat": (translate("KpiTiles", "CSAT"), translate("KpiTiles", "Average satisfaction score (1–5) of the answers of the period.")),
        "nps": (translate("KpiTiles", "NPS"), translate("KpiTiles", "Net promoter score = (promoters 9–10 − detractors 0–6) ÷ answers × 100.")),
        "followups": (translate("KpiTiles", "Follow-ups done"), translate("KpiTiles", "Follow-ups due in the period that are done, of all due in it.")),
    }


class KpiTiles(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent, objectName="kpiTiles")
        self.tiles = {key: _Tile(key) for key in KEYS}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // PER_ROW, i % PER_ROW)
        self.retranslate()

    def retranslate(self) -> None:
        for key, (caption, help_text) in captions().items():
            self.tiles[key].caption.setText(caption)
            self.tiles[key].setToolTip(help_text)

    def show_summary(self, s: AnalyticsSummary) -> None:
        sources = ", ".join(f"{source_label(LeadSource(k))} {number(v)}" for k, v in
                            list(s.new_leads_by_source.items())[:3] if k in LeadSource._value2member_map_)
        done = s.followups.get("done", 0)
        due = sum(s.followups.values())
        self._set("new_leads", number(s.new_contacts), sources)
        self._set("conversion", _pct(s.conversion_pct),
                  translate("KpiTiles", "median {days} days").format(days=s.conversion_days) if s.conversion_days is not None else "")
        self._set("active", number(s.active_customers))
        self._set("revenue", money(s.revenue_cents))
        self._set("purchases", number(s.purchases))
        self._set("retention", _pct(s.retention_pct),
                  translate("KpiTiles", "{kept} of {start} kept").format(kept=number(s.kept), start=number(s.customers_at_start)))
        self._set("churn", _pct(s.churn_rate_pct), translate("KpiTiles", "{n} churned").format(n=number(s.churned)))
        self._set("relative_churn", _pct(s.relative_churn_pct), translate("KpiTiles", "of revenue"))
        self._set("clv", money(s.value.average_clv_cents),
                  translate("KpiTiles", "margin {m}%").format(m=f"{s.value.margin_pct:g}"))
        self._set("followups", f"{number(done)} / {number(due)}", translate("KpiTiles", "done / due"))

    def show_quality(self, q: ServiceQuality) -> None:
        self._set("open_tickets", number(q.open_tickets))
        self._set("sla", _pct(q.sla.compliance_pct))
        self._set("csat", "–" if q.sla.csat_avg is None else f"{q.sla.csat_avg:.2f}")
        self._set("nps", "–" if q.nps is None else f"{q.nps:.0f}")

    def show_risk(self, r: RiskSummary) -> None:
        self._set("at_risk", number(r.at_risk), translate("KpiTiles", "score ≥ {t}").format(t=r.threshold), alert=r.at_risk > 0)

    def _set(self, key: str, text: str, note: str = "", alert: bool = False) -> None:
        self.tiles[key].set(text, note, alert)


def _pct(v: float | None) -> str:
    return "–" if v is None else f"{v:.1f}%"


class _Tile(QFrame):
    def __init__(self, key: str):
        super().__init__(objectName=f"kpi_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(f"#kpi_{key} {{ background: white; border: 1px solid #d5dbdb; border-radius: 6px; }}")
        self.value = QLabel("…", objectName=f"kpiValue_{key}")
        self.caption = QLabel(objectName=f"kpiCaption_{key}")
        self.note = QLabel(objectName=f"kpiNote_{key}")
        self.caption.setStyleSheet("color: #566573;")
        self.note.setStyleSheet("color: #7f8c8d; font-size: 8pt;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        for w in (self.caption, self.value, self.note):
            layout.addWidget(w)
        self.set("…", "")

    def set(self, text: str, note: str, alert: bool = False) -> None:
        self.value.setText(text)
        self.note.setText(note)
        colour = "#c0392b" if alert else "#1f618d"
        self.value.setStyleSheet(f"font-size: 15pt; font-weight: 600; color: {colour};")
