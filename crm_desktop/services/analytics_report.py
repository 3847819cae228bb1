"""Every analytics KPI as one plain dict (`crm-desktop stats --json`): key names say what they are
(retention_rate_pct, churn_rate_pct, relative_churn_pct, rfm_*, clv_*, risk_*, ...)."""

from dataclasses import asdict
from datetime import date, timedelta

from crm_desktop.domain.analytics.rfm import segment_by_key
from crm_desktop.services.analytics import AnalyticsService
from crm_desktop.services.churn import ChurnService
from crm_desktop.services.context import ServiceContext

DEFAULT_DAYS = 365
TOP_RISKS = 20


def analytics_report(ctx: ServiceContext, first: date | None = None, last: date | None = None) -> dict:
    last = last or ctx.now().astimezone().date()
    first = first or last - timedelta(days=DEFAULT_DAYS - 1)
    analytics = AnalyticsService(ctx)
    s, q = analytics.summary(first, last), analytics.quality(first, last)
    risk = ChurnService(ctx).risk(TOP_RISKS)
    return {
        "period": {"from": first.isoformat(), "to": last.isoformat()},
        "new_leads_by_source": s.new_leads_by_source, "new_contacts": s.new_contacts,
        "conversion_rate_pct": s.conversion_pct, "conversion_median_days": s.conversion_days,
        "active_customers": s.active_customers, "revenue_cents": s.revenue_cents, "purchases": s.purchases,
        "customers_at_period_start": s.customers_at_start, "customers_kept": s.kept, "customers_churned": s.churned,
        "retention_rate_pct": s.retention_pct, "churn_rate_pct": s.churn_rate_pct,
        "relative_churn_pct": s.relative_churn_pct,
        "revenue_by_tier_cents": s.revenue_by_tier, "revenue_by_source_cents": s.revenue_by_source,
        "rfm_customers": s.rfm.customers,
        "rfm_segments": {k: {"zh": segment_by_key(k).zh, "en": segment_by_key(k).en, "customers": n,
                             "revenue_cents": s.rfm.segment_revenue[k]} for k, n in s.rfm.segments.items()},
        "rfm_grid_recency_by_frequency": [list(row) for row in s.rfm.grid],
        "clv_average_cents": s.value.average_clv_cents, "clv_total_cents": s.value.total_clv_cents,
        "clv_margin_pct": s.value.margin_pct, "clv_lifespan_years": s.value.lifespan_years,
        "contribution_top_decile_pct": s.value.top_decile_share_pct,
        "forecast": {**asdict(s.forecast), "months": list(s.forecast.months),
                     "revenue_cents": list(s.forecast.revenue_cents)},
        "revenue_trend": {m.month: m.revenue_cents for m in s.trend},
        "followups_by_status": s.followups,
        "open_tickets": q.open_tickets, "sla_compliance_pct": q.sla.compliance_pct, "csat_avg": q.sla.csat_avg,
        "nps": q.nps,
        "risk_customers_scored": risk.customers, "risk_threshold": risk.threshold, "risk_at_risk": risk.at_risk,
        "risk_average_score": risk.average_score,
        "risk_top": [{"contact_id": r.contact_id, "name": r.name, "score": r.score,
                      "reasons": [asdict(x) for x in r.reasons], "clv_cents": r.clv_cents,
                      "winback_expected_cents": r.win_back.expected_cents,
                      "winback_without_cents": r.win_back.without_cents, "winback_cost_cents": r.win_back.cost_cents,
                      "winback_act": r.win_back.act} for r in risk.top],
        "winback_churned": [{"contact_id": r.contact_id, "name": r.name, "churn_type": r.churn_type,
                             "clv_cents": r.clv_cents, "winback_expected_cents": r.win_back.expected_cents,
                             "winback_cost_cents": r.win_back.cost_cents, "winback_act": r.win_back.act}
                            for r in risk.churned],
        "seconds": s.seconds,
    }
