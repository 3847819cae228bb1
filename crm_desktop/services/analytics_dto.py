"""What the analytics service returns: frozen, plain values the dashboard, the CLI and tests read."""

from dataclasses import dataclass, field
from datetime import datetime

from crm_desktop.domain.analytics.risk import Reason
from crm_desktop.domain.analytics.winback import WinBack
from crm_desktop.services.dto import SlaSummary


@dataclass(frozen=True, slots=True)
class AnalyticsSettings:
    """Data-wide settings (keys analytics.*) with their defaults."""

    margin_pct: float = 30.0
    lifespan_years: float = 3.0
    risk_threshold: int = 60
    winback_win_pct: float = 25.0
    winback_cost_cents: int = 5000
    stage_probability: dict[str, float] = field(default_factory=lambda: {"lead": 0.1, "prospect": 0.3})


@dataclass(frozen=True, slots=True)
class MonthSales:
    month: str  # YYYY-MM, local
    purchases: int
    revenue_cents: int


@dataclass(frozen=True, slots=True)
class ForecastDTO:
    method: str
    months: tuple[str, ...]
    revenue_cents: tuple[int, ...]
    mae_cents: int | None
    mape_pct: float | None
    pipeline_cents: int  # open leads and prospects × stage probability × average first order


@dataclass(frozen=True, slots=True)
class RfmSummary:
    customers: int
    edges: tuple[tuple, tuple, tuple]  # quintile cut points of last purchase, orders, spend
    grid: tuple[tuple[int, ...], ...]  # [recency score − 1][frequency score − 1] → customers
    segments: dict[str, int]  # segment key → customers
    segment_revenue: dict[str, int]


@dataclass(frozen=True, slots=True)
class ValueSummary:
    margin_pct: float
    lifespan_years: float
    average_clv_cents: int
    total_clv_cents: int
    top_decile_share_pct: float | None  # contribution of the best 10 % of customers to revenue


@dataclass(frozen=True, slots=True)
class AnalyticsSummary:
    start: datetime
    end: datetime
    new_leads_by_source: dict[str, int]
    new_contacts: int
    converted: int
    conversion_pct: float | None
    conversion_days: float | None
    active_customers: int
    purchases: int
    revenue_cents: int
    customers_at_start: int
    kept: int
    churned: int
    retention_pct: float | None
    churn_rate_pct: float | None
    relative_churn_pct: float | None
    customers_by_tier: dict[str, int]
    revenue_by_tier: dict[str, int]
    revenue_by_source: dict[str, int]
    trend: tuple[MonthSales, ...]
    forecast: ForecastDTO
    rfm: RfmSummary
    value: ValueSummary
    followups: dict[str, int]  # status → follow-ups due in the period
    computed_at: datetime
    seconds: float


@dataclass(frozen=True, slots=True)
class ServiceQuality:
    sla: SlaSummary
    nps: float | None
    open_tickets: int


@dataclass(frozen=True, slots=True)
class RiskRow:
    contact_id: int
    name: str
    tier: str
    score: int
    reasons: tuple[Reason, ...]
    spent_cents: int
    clv_cents: int
    win_back: WinBack


@dataclass(frozen=True, slots=True)
class ChurnedRow:
    """A customer marked churned, with the value a win-back would bring back: V3 is nothing (p_stay 0)."""

    contact_id: int
    name: str
    tier: str
    churn_type: str
    churned_at: datetime | None
    spent_cents: int
    clv_cents: int
    win_back: WinBack


@dataclass(frozen=True, slots=True)
class RiskSummary:
    customers: int
    threshold: int
    at_risk: int  # customers scoring at or above the threshold
    average_score: float | None
    top: tuple[RiskRow, ...]  # the highest scores first
    computed_at: datetime
    seconds: float
    churned: tuple[ChurnedRow, ...] = ()  # churned customers who bought, the most valuable first


@dataclass(frozen=True, slots=True)
class SegmentMember:
    contact_id: int
    name: str
    phone: str
    tier: str
    last_purchase_at: datetime | None
    orders: int
    spent_cents: int
