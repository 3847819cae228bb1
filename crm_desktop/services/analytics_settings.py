"""The analytics parameters kept with the data (keys analytics.*): the margin and lifespan lifetime
value multiplies by, the risk threshold of the at-risk count, the win-back parameters p_win and C3,
and the stage probabilities that weight open leads in the forecast. Read by services/analytics.py
(read_settings) and services/churn.py; edited in Settings → Analytics.

Checked here, not only by the spin boxes of the page: a value stored out of range would silently
fall back to its default when read, so it is refused with the field it belongs to instead.
"""

from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.analytics import read_settings
from crm_desktop.services.analytics_dto import AnalyticsSettings
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.data_settings import DataSettingsService

LIMITS = {  # field: (lowest, highest) accepted
    "margin_pct": (0.0, 100.0), "lifespan_years": (0.1, 50.0), "risk_threshold": (1, 100),
    "winback_win_pct": (0.0, 100.0), "winback_cost_cents": (0, 100_000_000),
}
OUT_OF_RANGE = "The value is out of range (see the limits in the help text)."


def validate(s: AnalyticsSettings) -> None:
    errors = {}
    for name, (low, high) in LIMITS.items():
        value = getattr(s, name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
            errors[name] = OUT_OF_RANGE
    lead, prospect = s.stage_probability.get("lead"), s.stage_probability.get("prospect")
    for stage, p in (("lead", lead), ("prospect", prospect)):
        if not isinstance(p, int | float) or not 0 <= p <= 1:
            errors[f"{stage}_probability"] = "Enter a probability between 0 and 100 %."
    if not errors and prospect < lead:
        errors["prospect_probability"] = "A prospect is further on than a lead: its probability cannot be lower."
    if errors:
        raise ValidationError(errors)


class AnalyticsSettingsService:
    def __init__(self, ctx: ServiceContext, data_settings: DataSettingsService):
        self._ctx = ctx
        self._data = data_settings

    def get(self) -> AnalyticsSettings:
        with self._ctx.db.reading() as uow:
            return read_settings(uow)

    def put(self, s: AnalyticsSettings) -> None:
        """Validate, then store every parameter in one transaction (MANAGE_SETTINGS needed)."""
        validate(s)
        self._data.put_many({
            "analytics.margin_pct": s.margin_pct, "analytics.lifespan_years": s.lifespan_years,
            "analytics.risk_threshold": int(s.risk_threshold), "analytics.winback_win_pct": s.winback_win_pct,
            "analytics.winback_cost_cents": int(s.winback_cost_cents),
            "analytics.stage_probability": {"lead": s.stage_probability["lead"],
                                            "prospect": s.stage_probability["prospect"]}})
