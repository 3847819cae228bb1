"""The dashboard: for a chosen period the KPI tiles, revenue trend and forecast, bars by source and
tier, RFM segments and the customers at risk; and today's overview (counts, follow-ups). Every
figure is computed in a worker so the window never waits for it."""

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import LeadSource, Tier
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.formatting import local_datetime
from crm_desktop.ui.common.labels import source_label, tier_label
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.record_tab import RecordTab
from crm_desktop.ui.common.refresher import Refresher
from crm_desktop.ui.dashboard.actions import DashboardActions
from crm_desktop.ui.dashboard.charts import BarChart
from crm_desktop.ui.dashboard.overview import Overview
from crm_desktop.ui.dashboard.periods import KEYS as PERIODS
from crm_desktop.ui.dashboard.periods import period_days
from crm_desktop.ui.dashboard.plots import TrendChart
from crm_desktop.ui.dashboard.rfm_panel import RfmPanel
from crm_desktop.ui.dashboard.risk_panel import RiskPanel
from crm_desktop.ui.dashboard.service_panel import ServicePanel
from crm_desktop.ui.dashboard.tiles import KpiTiles

DEFAULT_PERIOD = "last_12_months"  # retention and churn mean most over a year


class DashboardTab(DashboardActions, RecordTab):
    def __init__(self, services: Services, notifier: Notifier, parent=None):
        super().__init__(notifier, parent)
        self.setObjectName("dashboardTab")
        self._services = services
        self._period: tuple[date, date] = (date.today(), date.today())  # set before each read
        self.summary = self.analytics = self.quality = self.risk = None
        self.period = QComboBox(objectName="dashboardPeriod")
        self.period_label = QLabel()
        self.updating = QLabel(objectName="dashboardUpdating")
        self.overview = Overview()
        self.tiles = KpiTiles()
        self.trend = TrendChart("trendChart")
        self.source_chart, self.revenue_tier_chart = BarChart("sourceChart"), BarChart("revenueTierChart")
        self.rfm = RfmPanel(self.open_segment)
        self.risk_panel = RiskPanel()
        self.service = ServicePanel()
        self.pages = QTabWidget(objectName="dashboardPages")
        self.retier_button = QPushButton(objectName="dashboardRetier")
        self.pdf_button = QPushButton(objectName="dashboardPdf")
        self.retier_button.clicked.connect(self.open_retier)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self._loaders = {
            "overview": Refresher(lambda: _overview(services), self),
            # the period is read from its combo box here, on the GUI thread, never inside a worker
            "figures": Refresher(lambda: services.analytics.summary(*self._period), self),
            "quality": Refresher(lambda: services.analytics.quality(*self._period), self),
            "risk": Refresher(lambda: services.churn.risk(200), self),
        }
        for key, loader in self._loaders.items():
            loader.succeeded.connect(getattr(self, f"_on_{key}"))
            loader.failed.connect(self.notifier.error)
            loader.busyChanged.connect(self._show_busy)
        self.risk_panel.churned_button.clicked.connect(self.ask_mark_churned)
        self.risk_panel.campaign_button.clicked.connect(self.ask_win_back)
        self.period.currentIndexChanged.connect(lambda _i: self._refresh_period())
        self._build()
        self.retranslate()

    # the overview's widgets under the names the rest of the app and its tests know
    cards = property(lambda self: self.overview.cards)
    stage_chart = property(lambda self: self.overview.stage_chart)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.period_label)
        top.addWidget(self.period)
        top.addStretch(1)
        top.addWidget(self.updating)
        top.addWidget(self.retier_button)
        top.addWidget(self.pdf_button)
        trends = QWidget()
        row = QHBoxLayout(trends)
        row.addWidget(self.trend, 3)
        row.addWidget(self.source_chart, 3)
        row.addWidget(self.revenue_tier_chart, 2)
        for page in (trends, self.rfm, self.risk_panel, self.service, self.overview):
            self.pages.addTab(page, "")
        content = QWidget(objectName="dashboardContent")
        inner = QVBoxLayout(content)
        inner.addLayout(top)
        inner.addWidget(self.tiles)
        inner.addWidget(self.pages, 1)
        scroll = QScrollArea(objectName="dashboardScroll")  # a small window scrolls instead of growing
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def retranslate(self) -> None:
        self.period_label.setText(self.tr("Period:"))
        names = {"last_30_days": self.tr("Last 30 days"), "this_month": self.tr("This month"),
                 "last_month": self.tr("Last month"), "this_quarter": self.tr("This quarter"),
                 "this_year": self.tr("This year"), "last_12_months": self.tr("Last 12 months")}
        current = self.period.currentIndex()
        self.period.blockSignals(True)
        self.period.clear()
        for key in PERIODS:
            self.period.addItem(names[key], key)
        self.period.setCurrentIndex(current if current >= 0 else PERIODS.index(DEFAULT_PERIOD))
        self.period.blockSignals(False)
        for i, title in enumerate((self.tr("Revenue and sources"), self.tr("RFM segments"), self.tr("At risk"),
                                   self.tr("Service"), self.tr("Today"))):
            self.pages.setTabText(i, title)
        self.trend.set_title(self.tr("Revenue a month (¥), forecast dashed"))
        self.source_chart.set_title(self.tr("New leads by source"))
        self.revenue_tier_chart.set_title(self.tr("Spend by tier (¥ thousand)"))
        self.updating.setText(self.tr("Updating…"))
        self.retier_button.setText(self.tr("Re-tier by value…"))
        self.pdf_button.setText(self.tr("Export PDF…"))
        self.overview.retranslate()
        self.tiles.retranslate()
        self.rfm.retranslate()
        self.risk_panel.retranslate()
        self.service.retranslate()
        if self.analytics is not None:
            self._on_figures(self.analytics)

    def status_text(self) -> str:
        if self.summary is None:
            return ""
        return self.tr("Updated {time}").format(time=local_datetime(self.summary.computed_at))

    def period_range(self) -> tuple[date, date]:
        return period_days(self.period.currentData() or PERIODS[0], date.today())

    # --- computing in workers ------------------------------------------------------------------------
    def load(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self._period = self.period_range()
        for loader in self._loaders.values():
            loader.refresh()

    def _refresh_period(self) -> None:
        self._period = self.period_range()
        self._loaders["figures"].refresh()
        self._loaders["quality"].refresh()

    def shutdown(self) -> None:
        for loader in self._loaders.values():
            loader.shutdown()

    def busy(self) -> bool:
        return any(loader.busy for loader in self._loaders.values())

    def _show_busy(self) -> None:
        self.updating.setVisible(self.busy())

    def _on_overview(self, summary) -> None:
        self.summary = summary
        self.overview.show_summary(summary)
        self.statusChanged.emit()

    def _on_figures(self, s) -> None:
        self.analytics = s
        self.tiles.show_summary(s)
        done = [m for m in s.trend if m.month not in s.forecast.months]  # the running month is forecast
        self.trend.set_series([m.month for m in done], [m.revenue_cents for m in done],
                              list(s.forecast.months), list(s.forecast.revenue_cents))
        self.trend.setToolTip(self.tr("Forecast: {method}; back-test error MAE ¥{mae}, MAPE {mape}%. Open leads "
                                      "weighted by stage probability: ¥{pipeline}.").format(
            method=s.forecast.method, mae=f"{(s.forecast.mae_cents or 0) / 100:,.0f}",
            mape=s.forecast.mape_pct if s.forecast.mape_pct is not None else "–",
            pipeline=f"{s.forecast.pipeline_cents / 100:,.0f}"))
        self.source_chart.set_bars([(source_label(x), s.new_leads_by_source.get(x.value, 0)) for x in LeadSource])
        self.revenue_tier_chart.set_bars([(tier_label(x), round(s.revenue_by_tier.get(x.value, 0) / 100_000))
                                          for x in Tier])
        self.rfm.show_summary(s.rfm)

    def _on_quality(self, q) -> None:
        self.quality = q
        self.tiles.show_quality(q)
        self.service.show_quality(q)

    def _on_risk(self, r) -> None:
        self.risk = r
        self.tiles.show_risk(r)
        self.risk_panel.show_summary(r)


def _overview(services):
    import pyqtgraph  # noqa: F401 - loaded here, off the GUI thread, before the charts need it

    return services.dashboard.summary()
