"""RFM, CLV, contribution, period rates and the win-back decision against their formulas."""

import pytest

from crm_desktop.domain.analytics import rates, rfm, value, winback


def test_quintile_edges_and_scores_split_ten_values_in_pairs():
    edges = rfm.quintile_edges(list(range(1, 11)))
    assert edges == (3, 5, 7, 9)
    assert [rfm.score(v, edges) for v in range(1, 11)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    # recency: fewer days since the last purchase is better
    assert [rfm.score(v, edges, lower_is_better=True) for v in range(1, 11)] == [5, 5, 4, 4, 3, 3, 2, 2, 1, 1]


def test_no_values_give_no_edges_and_a_middle_score():
    assert rfm.quintile_edges([]) == ()
    assert rfm.score(42, ()) == 3


@pytest.mark.parametrize(("r", "f", "m", "key", "zh"), [
    (5, 5, 5, "important_value", "重要价值客户"),
    (1, 4, 4, "important_keep", "重要保持客户"),
    (4, 1, 5, "important_develop", "重要发展客户"),
    (2, 3, 4, "important_winback", "重要挽留客户"),
    (4, 4, 3, "general_value", "一般价值客户"),
    (3, 5, 1, "general_keep", "一般保持客户"),
    (5, 2, 2, "general_develop", "一般发展客户"),
    (1, 1, 1, "general_winback", "一般挽留客户"),
])
def test_the_eight_segments_follow_the_high_low_split(r, f, m, key, zh):
    seg = rfm.segment(r, f, m)
    assert (seg.key, seg.zh) == (key, zh)
    assert rfm.segment_by_key(key) is seg


def test_clv_is_aov_times_frequency_times_lifespan_times_margin():
    # 4 orders, ¥1,000 in all over exactly one year: AOV ¥250, 4 a year, 3 years, 30 % margin = ¥900
    facts = value.ValueFacts(total_cents=100_000, orders=4, first_at_days=value.DAYS_PER_YEAR,
                             lifespan_years=3, margin_pct=30)
    assert value.average_order_value(100_000, 4) == 25_000
    assert value.frequency_per_year(4, value.DAYS_PER_YEAR) == pytest.approx(4)
    assert value.clv_of(facts) == 90_000
    assert value.clv(25_000, 4, 3, 30) == 90_000


def test_clv_of_a_customer_without_orders_is_zero_and_short_histories_are_not_blown_up():
    assert value.clv_of(value.ValueFacts(0, 0, 10)) == 0
    assert value.frequency_per_year(2, 3) == pytest.approx(2 / (30 / value.DAYS_PER_YEAR))


def test_contribution_share_and_potential():
    assert value.contribution_share(2_500, 10_000) == 0.25
    assert value.contribution_share(5, 0) == 0.0
    assert value.potential_cents(90_000, 100_000, 30) == 60_000  # 90,000 − 30 % of 100,000
    assert value.potential_cents(10_000, 100_000, 30) == 0


def test_retention_and_absolute_churn():
    # 20 customers at the start, 3 churned in the period: 17 kept
    assert rates.retention_rate(20, 17) == 0.85
    assert rates.churn_rate(3, 20) == 0.15
    assert rates.retention_rate(0, 0) is None
    assert rates.pct(0.85) == 85.0


def test_relative_churn_weights_each_churned_customer_by_its_revenue_share():
    # total revenue 10,000; churned customers had 3,000 and 1,000: 0.3 + 0.1
    assert rates.relative_churn([3_000, 1_000], 10_000) == pytest.approx(0.4)
    assert rates.relative_churn([], 10_000) == 0
    assert rates.relative_churn([5], 0) is None


def test_conversion_rate_and_median_time():
    assert rates.conversion_rate(3, 12) == 0.25
    assert rates.conversion_days([10, 2, 30]) == 10
    assert rates.conversion_days([]) is None


def test_win_back_acts_when_expected_value_minus_value_without_action_exceeds_cost():
    # churned: V3 = 0, E(V) = CLV × p_win = 100,000 × 25 % = 25,000 > C3 5,000
    churned = winback.win_back(100_000, 100, churned=True, win_pct=25, cost_cents=5_000)
    assert (churned.expected_cents, churned.without_cents, churned.act) == (25_000, 0, True)
    # at risk 40: p_stay 0.6, V3 = 6,000; E(V) = 10,000 × (0.6 + 0.4 × 0.25) = 7,000; gain 1,000 < 5,000
    small = winback.win_back(10_000, 40, churned=False, win_pct=25, cost_cents=5_000)
    assert (small.expected_cents, small.without_cents, small.act) == (7_000, 6_000, False)
    assert small.gain_cents == -4_000


def test_tally_scores_every_customer_and_counts_segments_and_their_revenue():
    rows = [(day, orders, spent) for day, orders, spent in zip(range(1, 11), range(1, 11), range(100, 1100, 100),
                                                              strict=True)]
    result = rfm.tally(rows)
    assert result.customers == 10
    assert result.edges[1] == (3, 5, 7, 9)
    assert result.grid[4][4] == 2 and result.grid[0][0] == 2  # the diagonal, two a quintile
    assert result.segments["important_value"] == 4  # days 7–10: every score 4 or 5
    assert result.segments["general_winback"] == 6
    assert result.segment_revenue["important_value"] == 700 + 800 + 900 + 1000
    assert sum(result.segments.values()) == 10


def test_segment_ranges_select_exactly_the_segments_members():
    rows = [(1, 9, 10), (9, 1, 10), (9, 9, 1), (9, 9, 10), (5, 5, 5)] * 2
    result = rfm.tally(rows)
    ranges = rfm.segment_ranges("important_value", result.edges)

    def inside(row):
        return all((lo is None or v >= lo) and (hi is None or v < hi) for v, (lo, hi) in zip(row, ranges, strict=True))

    members = [row for row in rows if inside(row)]
    assert members == [(9, 9, 10), (9, 9, 10)]
    assert len(members) == result.segments["important_value"]
    assert rfm.tally([]).customers == 0


def test_churn_type_is_checked_and_the_reason_trimmed():
    from crm_desktop.domain.analytics.churn import ChurnType, validate_churn
    from crm_desktop.domain.errors import ValidationError

    assert validate_churn("competitor", "  cheaper next door ") == (ChurnType.COMPETITOR, "cheaper next door")
    with pytest.raises(ValidationError):
        validate_churn("bored", "")


@pytest.mark.parametrize(("value_score", "recency", "tier"), [
    (5, 1, "key"), (4, 1, "potential"), (3, 4, "potential"), (3, 3, "ordinary"), (2, 1, "cold"), (1, 5, "ordinary")])
def test_proposed_tier_follows_value_then_recency(value_score, recency, tier):
    from crm_desktop.domain.analytics.churn import proposed_tier

    assert proposed_tier(value_score, recency) == tier


def test_tally_cells_adds_sql_counted_cells_into_grid_and_segments():
    result = rfm.tally_cells([(5, 5, 5, 3, 900), (1, 1, 1, 2, 20), (5, 1, 4, 1, 300)], ((), (), ()))
    assert result.customers == 6
    assert result.grid[4][4] == 3 and result.grid[0][0] == 2 and result.grid[4][0] == 1
    assert result.segments["important_value"] == 3 and result.segments["important_develop"] == 1
    assert result.segment_revenue["general_winback"] == 20
