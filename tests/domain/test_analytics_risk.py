"""The churn risk score and its reasons, the ROC AUC, and the forecast with its back-test."""

import pytest

from crm_desktop.domain.analytics import forecast as fc
from crm_desktop.domain.analytics.risk import RiskFacts, risk_score, roc_auc, usual_interval


def steady(**changes) -> RiskFacts:
    """Buys every 30 days for a year, last bought 20 days ago, happy, called last week."""
    base = dict(orders=13, days_since_first=380, days_since_last=20, orders_recent=6, orders_before=6,
                spend_recent=60_000, spend_before=60_000, open_complaints=0, min_csat=5, avg_csat=5.0,
                days_since_contact=7)
    return RiskFacts(**{**base, **changes})


def test_usual_interval_is_the_customers_own_average_gap():
    assert usual_interval(13, 380, 20) == 30
    assert usual_interval(1, 100, 100) == 90  # one order: the default


def test_a_steady_happy_customer_scores_zero_without_reasons():
    assert risk_score(steady()).score == 0
    assert risk_score(steady()).reasons == ()


def test_overdue_against_the_own_interval_scores_in_proportion():
    # last bought 80 days ago, usual gap (440 − 80) ÷ 12 = 30: 2.67× → (2.67 − 1) ÷ 2 × 40 = 33 points
    result = risk_score(steady(days_since_first=440, days_since_last=80))
    assert result.score == 33
    assert result.reasons[0].key == "overdue"
    assert result.reasons[0].value == pytest.approx(2.7)


def test_each_signal_adds_its_weight_and_the_main_reasons_come_first():
    result = risk_score(steady(orders_recent=2, spend_recent=15_000, open_complaints=2, min_csat=1, avg_csat=2.0,
                               days_since_contact=300))
    # fewer orders 1 − 2/6 = 67 % of 15 → 10; less spend 75 % of 15 → 11; complaints 12; CSAT 10; contact 8
    assert result.score == 10 + 11 + 12 + 10 + 8
    assert [r.key for r in result.reasons] == ["complaints", "less_spend", "fewer_orders"]


def test_every_signal_at_once_nears_the_top_and_unknown_contact_counts_half():
    worst = steady(days_since_last=370, orders_recent=0, spend_recent=0, open_complaints=5, min_csat=1,
                   days_since_contact=None)
    assert risk_score(worst).score == 40 + 15 + 15 + 12 + 10 + 4


def test_roc_auc_counts_ranked_pairs_and_ties_half():
    assert roc_auc([0.1, 0.2, 0.8, 0.9], [False, False, True, True]) == 1.0
    assert roc_auc([0.9, 0.8, 0.2, 0.1], [False, False, True, True]) == 0.0
    assert roc_auc([0.5, 0.5], [False, True]) == 0.5
    # positives 0.7 and 0.3, negatives 0.5 and 0.1: pairs won 2 + 1 of 4
    assert roc_auc([0.7, 0.3, 0.5, 0.1], [True, True, False, False]) == 0.75
    assert roc_auc([1, 2], [True, True]) is None


def test_seasonal_naive_repeats_last_years_months_and_moving_average_the_recent_mean():
    history = list(range(1, 13)) + [10, 20, 30]
    assert fc.seasonal_naive(history, 3) == [4, 5, 6]
    assert fc.moving_average(history, 2) == [20, 20]
    assert fc.seasonal_naive([1, 2], 3) == []


def test_errors_are_mae_and_mape():
    assert fc.errors([100, 200], [110, 150]) == (30, 17.5)  # (10 + 50) ÷ 2; (10 % + 25 %) ÷ 2
    assert fc.errors([0, 100], [10, 100]) == (5, 0.0)  # MAPE skips months without sales


def test_backtest_and_choice_of_the_method_with_the_lower_error():
    seasonal = [100, 10] * 12  # a strong 2-month rhythm repeats exactly every 12 months too
    result = fc.forecast(seasonal, horizon=2)
    assert result.method == "seasonal_naive"
    assert result.values == (100, 10)
    assert result.mae_cents == 0
    flat = [50] * 6
    assert fc.forecast(flat, 2) == fc.Forecast("moving_average", (50, 50), 0, 0.0)
    assert fc.forecast([], 2).values == ()


def test_pipeline_weights_open_leads_by_stage_probability():
    # 10 leads × 0.1 + 5 prospects × 0.3 = 2.5 expected orders × ¥400
    assert fc.pipeline_cents({"lead": 10, "prospect": 5, "customer": 99}, 40_000) == 100_000

