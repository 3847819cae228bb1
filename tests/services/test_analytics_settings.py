"""The analytics parameters: validated before they are stored, read back by the analytics."""

from dataclasses import replace

import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.analytics_dto import AnalyticsSettings


def test_stored_parameters_are_what_the_analytics_read(services):
    s = AnalyticsSettings(12.5, 4.0, 55, 10.0, 999, {"lead": 0.2, "prospect": 0.4})
    services.analytics_settings.put(s)
    assert services.analytics_settings.get() == s
    assert services.data_settings.get("analytics.winback_cost_cents") == 999


@pytest.mark.parametrize(("change", "field"), [
    ({"margin_pct": 101.0}, "margin_pct"), ({"lifespan_years": 0.0}, "lifespan_years"),
    ({"risk_threshold": 0}, "risk_threshold"), ({"winback_win_pct": -1.0}, "winback_win_pct"),
    ({"winback_cost_cents": -5}, "winback_cost_cents"),
    ({"stage_probability": {"lead": 1.5, "prospect": 0.3}}, "lead_probability"),
    ({"stage_probability": {"lead": 0.5, "prospect": 0.3}}, "prospect_probability"),
])
def test_out_of_range_values_are_refused_with_their_field_and_nothing_is_stored(services, change, field):
    s = replace(AnalyticsSettings(), **change)
    with pytest.raises(ValidationError) as info:
        services.analytics_settings.put(s)
    assert field in info.value.errors
    assert services.data_settings.get("analytics.margin_pct") is None
