"""The dashboard's figures for a period, read in two transactions at once: lead sources and
conversion, active customers, revenue, retention and churn, RFM, lifetime value, forecast,
tickets, follow-ups.

Everything is summed in SQL (storage/repositories/analytics.py); Python only tallies RFM scores
over three plain columns of the customers who bought and applies the domain formulas.
"""

import time as clock
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta

from crm_desktop.domain.analytics import forecast as fc
from crm_desktop.domain.analytics import rates, rfm, value
from crm_desktop.services.analytics_dto import (
    AnalyticsSettings,
    AnalyticsSummary,
    ForecastDTO,
    MonthSales,
    RfmSummary,
    ServiceQuality,
    ValueSummary,
)
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.sla import SlaEngine

TREND_MONTHS = 24
FORECAST_MONTHS = 3


def local_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[first day 00:00, day after the last 00:00) in the computer's time zone, as aware instants."""
    return (datetime.combine(first, time()).astimezone(),
            datetime.combine(last + timedelta(days=1), time()).astimezone())


def month_starts(last_month: date, count: int) -> list[date]:
    """The first days of `count` months ending with `last_month`'s, and of the month after."""
    y, m = last_month.year, last_month.month
    out = []
    for back in range(count - 1, -2, -1):
        k = y * 12 + (m - 1) - back
        out.append(date(k // 12, k % 12 + 1, 1))
    return out


def read_settings(uow) -> AnalyticsSettings:
    d = AnalyticsSettings()
    get = uow.app_settings.get

    def number(key, default):
        v = get(f"analytics.{key}", default)
        return v if isinstance(v, int | float) and not isinstance(v, bool) and v >= 0 else default

    probability = get("analytics.stage_probability", d.stage_probability)
    return AnalyticsSettings(
        margin_pct=number("margin_pct", d.margin_pct), lifespan_years=number("lifespan_years", d.lifespan_years),
        risk_threshold=int(number("risk_threshold", d.risk_threshold)),
        winback_win_pct=number("winback_win_pct", d.winback_win_pct),
        winback_cost_cents=int(number("winback_cost_cents", d.winback_cost_cents)),
        stage_probability=probability if isinstance(probability, dict) else d.stage_probability)


class AnalyticsService:
    def __init__(self, ctx: ServiceContext, sla: SlaEngine | None = None):
        self._ctx = ctx
        self._sla = sla or SlaEngine()

    def summary(self, first: date, last: date) -> AnalyticsSummary:
        """The period's figures. The RFM tally, half a second at a million contacts, is read in
        another thread meanwhile, in its own transaction (a sale written in between can be counted
        in one read and not in the other)."""
        started, now = clock.perf_counter(), self._ctx.now()
        start, end = local_bounds(first, last)
        with ThreadPoolExecutor(1) as pool:
            rfm_read = pool.submit(self._read, lambda uow: _rfm(uow, now))
            with self._ctx.db.reading() as uow:
                settings = read_settings(uow)
                groups = uow.analytics.contact_figures(start, end)
                (purchases, revenue), = uow.analytics.sales_between([start, end])
                trend = self._trend(uow, last)
                forecast = self._forecast(uow, trend, settings, now)
                followups = uow.analytics.followups_by_status(start, end)
                middle = uow.analytics.conversion_middle(start, end)
            tally, per_year, top_share = rfm_read.result()
        tot = {k: sum(getattr(g, k) for g in groups) for k in (
            "contacts", "customers", "at_start", "churned", "churned_revenue", "start_revenue", "active", "new",
            "converted")}
        return AnalyticsSummary(
            start=start, end=end, new_leads_by_source=_by(groups, "lead_source", "new"),
            new_contacts=tot["new"], converted=tot["converted"],
            conversion_pct=rates.pct(rates.conversion_rate(tot["converted"], tot["new"])),
            conversion_days=_round(rates.conversion_days(
                [ms / 86_400_000 for ms in middle])),  # the median of the middle ones is that of all
            active_customers=tot["active"], purchases=purchases, revenue_cents=revenue,
            customers_at_start=tot["at_start"], kept=tot["at_start"] - tot["churned"], churned=tot["churned"],
            retention_pct=rates.pct(rates.retention_rate(tot["at_start"], tot["at_start"] - tot["churned"])),
            churn_rate_pct=rates.pct(rates.churn_rate(tot["churned"], tot["at_start"])),
            relative_churn_pct=rates.pct(rates.relative_churn([tot["churned_revenue"]], tot["start_revenue"])),
            customers_by_tier=_by(groups, "tier", "customers"),
            revenue_by_tier=_by(groups, "tier", "spent"), revenue_by_source=_by(groups, "lead_source", "spent"),
            trend=trend, forecast=forecast,
            rfm=RfmSummary(tally.customers, tally.edges, tally.grid, tally.segments, tally.segment_revenue),
            value=_value(tally.customers, per_year, top_share, settings),
            followups=followups, computed_at=now, seconds=round(clock.perf_counter() - started, 3))

    def _read(self, fn):
        with self._ctx.db.reading() as uow:
            return fn(uow)

    def quality(self, first: date, last: date) -> ServiceQuality:
        """SLA compliance, open tickets, CSAT and NPS of the period (services/sla.py): apart from
        summary(), so a dashboard shows its other figures without waiting for these."""
        start, end = local_bounds(first, last)
        now = self._ctx.now()
        with self._ctx.db.reading() as uow:
            sla = self._sla.summary(uow, now, start, end)
        return ServiceQuality(sla, sla.nps, sum(sla.open_by_status.values()))

    def _trend(self, uow, last: date) -> tuple[MonthSales, ...]:
        starts = month_starts(last, TREND_MONTHS)
        bounds = [datetime.combine(d, time()).astimezone() for d in starts]
        sales = uow.analytics.sales_between(bounds)
        return tuple(MonthSales(d.strftime("%Y-%m"), n, cents) for d, (n, cents) in zip(starts, sales, strict=False))

    def _forecast(self, uow, trend, settings: AnalyticsSettings, now: datetime) -> ForecastDTO:
        """The next months from the complete months of the trend (a running month would read low)."""
        running = now.astimezone().strftime("%Y-%m")
        history = [m for m in trend if m.month < running]
        result = fc.forecast([m.revenue_cents for m in history], FORECAST_MONTHS)
        after = date.fromisoformat((history[-1].month if history else running) + "-01")
        months = tuple(d.strftime("%Y-%m") for d in month_starts(after, 1)[1:] + _later(after, FORECAST_MONTHS - 1))
        open_by_stage = uow.contacts.count_by("stage", only=("lead", "prospect"))
        average_order = sum(m.revenue_cents for m in trend) / max(1, sum(m.purchases for m in trend))
        return ForecastDTO(result.method, months, result.values, result.mae_cents, result.mape_pct,
                           fc.pipeline_cents(open_by_stage, average_order, settings.stage_probability))


def _later(month: date, count: int) -> list[date]:
    """The first days of the months two, three, … after `month`."""
    return [date((month.year * 12 + month.month - 1 + k) // 12, (month.month - 1 + k) % 12 + 1, 1)
            for k in range(2, 2 + count)]


def _rfm(uow, now: datetime):
    """Quintile cut points read by offset from the indexes of last purchase, orders and spend, then
    every customer scored and counted per cell in SQL; Σ spend per year feeds lifetime value."""
    customers = uow.analytics.bought_count()
    positions = [(customers * k) // 5 for k in range(1, 5)] if customers else []
    edges = tuple(tuple(uow.analytics.values_at(f, positions))
                  for f in ("last_purchase_at", "purchase_count", "total_spent_cents"))
    cells = uow.analytics.rfm_cells(edges, now) if customers else []
    tally = rfm.tally_cells([c[:5] for c in cells], edges)
    spent = sum(c[4] for c in cells)
    top = uow.analytics.top_spend(max(1, customers // 10)) if customers else 0
    return tally, sum(c[5] for c in cells), rates.pct(value.contribution_share(top, spent)) if spent else None


def _value(customers: int, per_year: float, top_share, settings: AnalyticsSettings) -> ValueSummary:
    """CLV = AOV × orders a year × lifespan × margin = spend a year × lifespan × margin per customer;
    Σ over customers of spend ÷ years since the first purchase (at least 30 days) comes from SQL."""
    total = round(per_year * settings.lifespan_years * settings.margin_pct / 100)
    return ValueSummary(settings.margin_pct, settings.lifespan_years, round(total / customers) if customers else 0,
                        total, top_share)


def _by(groups, key: str, field: str) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for g in groups:
        out[getattr(g, key)] += getattr(g, field)
    return {k: v for k, v in sorted(out.items(), key=lambda kv: -kv[1]) if v}


def _round(v: float | None) -> float | None:
    return None if v is None else round(v, 1)
