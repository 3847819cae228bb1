"""The dashboard figures of a period on a hand-made database, against the formulas."""

from datetime import UTC, date, datetime

import pytest

from crm_desktop.services.analytics import local_bounds, month_starts
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.registry import Services
from crm_desktop.storage.records import (
    ContactRecord,
    FollowupRecord,
    PurchaseRecord,
    SurveyRecord,
    TicketRecord,
)

NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


def at(y, m, d):
    return datetime(y, m, d, 4, tzinfo=UTC)


def add_contact(uow, name, *, created, stage="customer", became=None, churned=None, source="walk_in",
                tier="ordinary", purchases=(), contacted=None):
    c = ContactRecord(name=name, stage=stage, tier=tier, lead_source=source, created_at=created, updated_at=created,
                      became_customer_at=became, churned_at=churned, last_interaction_at=contacted,
                      total_spent_cents=sum(a for _, a in purchases), purchase_count=len(purchases),
                      last_purchase_at=max((w for w, _ in purchases), default=None))
    uow.session.add(c)
    uow.session.flush()
    for when, amount in purchases:
        uow.session.add(PurchaseRecord(contact_id=c.id, purchased_at=when, amount_cents=amount, created_at=when,
                                       updated_at=when))
    uow.session.flush()
    return c.id


@pytest.fixture
def world(db):
    with db.writing() as uow:
        ids = {
            "A": add_contact(uow, "A", created=at(2025, 6, 1), became=at(2025, 6, 1),
                             purchases=[(at(2025, 6, 1), 4000), (at(2026, 2, 10), 6000)]),
            "B": add_contact(uow, "B", created=at(2025, 7, 1), became=at(2025, 7, 1), churned=at(2026, 2, 15),
                             stage="churned", purchases=[(at(2025, 7, 1), 30000)]),
            "C": add_contact(uow, "C", created=at(2025, 8, 1), became=at(2025, 8, 1), churned=at(2025, 12, 1),
                             stage="churned", purchases=[(at(2025, 8, 1), 1000)]),
            "D": add_contact(uow, "D", created=at(2026, 2, 5), stage="lead", source="wechat"),
            "E": add_contact(uow, "E", created=at(2026, 2, 3), became=at(2026, 2, 13), source="referral", tier="key",
                             purchases=[(at(2026, 2, 13), 5000)]),
            "F": add_contact(uow, "F", created=at(2025, 9, 1), became=at(2025, 9, 1),
                             purchases=[(at(2025, 9, 1), 20000)]),
        }
    return Services.build(ServiceContext(db, clock=lambda: NOW)), ids


def test_period_rates_follow_their_definitions(world):
    services, _ = world
    s = services.analytics.summary(date(2026, 2, 1), date(2026, 2, 28))
    assert (s.customers_at_start, s.churned, s.kept) == (3, 1, 2)  # A, B, F at the start; B left
    assert s.retention_pct == 66.7 and s.churn_rate_pct == 33.3
    assert s.relative_churn_pct == 50.0  # B's 30,000 of the 60,000 A, B and F had spent
    assert (s.new_contacts, s.converted, s.conversion_pct, s.conversion_days) == (2, 1, 50.0, 10.0)
    assert s.new_leads_by_source == {"wechat": 1, "referral": 1}
    assert (s.purchases, s.revenue_cents, s.active_customers) == (2, 11000, 2)
    assert s.revenue_by_tier == {"ordinary": 61000, "key": 5000}
    assert s.rfm.customers == 5 and sum(s.rfm.segments.values()) == 5
    assert sum(map(sum, s.rfm.grid)) == 5
    # CLV = spend a year × 3 years × 30 %, spend a year = spent ÷ years since becoming a customer (≥ 30 days)
    firsts = {10000: at(2025, 6, 1), 30000: at(2025, 7, 1), 1000: at(2025, 8, 1), 5000: at(2026, 2, 13),
              20000: at(2025, 9, 1)}
    per_year = sum(spent * 365.25 / max((NOW - first).total_seconds() / 86400, 30) for spent, first in firsts.items())
    assert s.value.total_clv_cents == pytest.approx(per_year * 3 * 0.30, abs=1)
    assert s.value.average_clv_cents == pytest.approx(per_year * 3 * 0.30 / 5, abs=1)
    assert s.value.top_decile_share_pct == 45.5  # the best tenth (one of five): B with 30,000 of 66,000


def test_trend_months_and_the_margin_setting(world):
    services, _ = world
    services.data_settings.put("analytics.margin_pct", 50)
    s = services.analytics.summary(date(2026, 2, 1), date(2026, 2, 28))
    assert len(s.trend) == 24 and s.trend[-1].month == "2026-02"
    feb = s.trend[-1]
    assert (feb.purchases, feb.revenue_cents) == (2, 11000)
    assert sum(m.revenue_cents for m in s.trend) == 66000  # every purchase falls in the last 24 months
    assert s.value.margin_pct == 50.0
    assert s.forecast.months == ("2026-03", "2026-04", "2026-05")


def test_month_helpers():
    assert month_starts(date(2026, 1, 15), 2) == [date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)]
    start, end = local_bounds(date(2026, 2, 1), date(2026, 2, 28))
    assert (end - start).days == 28


def test_risk_list_puts_the_lapsed_unhappy_customer_first_with_reasons(world, db):
    services, ids = world
    with db.writing() as uow:
        lapsed = add_contact(uow, "G", created=at(2024, 1, 1), became=at(2024, 1, 1), contacted=at(2025, 3, 1),
                             purchases=[(at(2024, 1, 1), 9000), (at(2024, 3, 1), 9000), (at(2024, 5, 1), 8000),
                                        (at(2025, 4, 1), 2000)])
        uow.session.add(TicketRecord(contact_id=lapsed, category="complaint", status="new", subject="送货延误",
                                     opened_at=at(2025, 4, 2), created_at=NOW, updated_at=NOW))
        uow.session.add(SurveyRecord(contact_id=lapsed, channel="online", csat=1, answered_at=at(2025, 4, 3),
                                     created_at=NOW, updated_at=NOW))
    summary = services.churn.risk(limit=10)
    assert summary.customers == 4  # A, E, F and G: churned and leads are not scored
    top = summary.top[0]
    assert top.contact_id == lapsed and top.score >= summary.threshold
    # 335 days since the last order against a usual 152: 2.2× → 24; nothing in the last half-year
    # against one order before → 15 + 15; one open complaint 6, CSAT 1 → 10, no contact for a year 8
    assert top.score == 24 + 15 + 15 + 6 + 10 + 8
    assert [r.key for r in top.reasons] == ["overdue", "fewer_orders", "less_spend"]
    assert top.win_back.expected_cents >= top.win_back.without_cents
    assert services.churn.scores()[lapsed] == top.score


def test_mark_churned_records_type_and_reason_and_bad_type_changes_nothing(world, db):
    from crm_desktop.domain.errors import ValidationError

    services, ids = world
    with pytest.raises(ValidationError):
        services.churn.mark_churned(ids["A"], "bored", "")
    services.churn.mark_churned(ids["A"], "competitor", " 隔壁更便宜 ")
    with db.reading() as uow:
        a = uow.contacts.get(ids["A"])
        assert (a.stage, a.churn_type, a.churn_reason, a.churned_at) == ("churned", "competitor", "隔壁更便宜", NOW)


def test_segment_members_and_follow_ups_for_them(world, db):
    services, ids = world
    s = services.analytics.summary(date(2026, 2, 1), date(2026, 2, 28))
    listed = {}
    for key, count in s.rfm.segments.items():
        members = services.churn.segment_members(key, s.rfm.edges)
        assert len(members) == count
        listed.update({m.contact_id: key for m in members})
    assert len(listed) == 5
    planned = services.churn.plan_followups(list(listed), "回访", "九折券 / 10 % off")
    assert planned == 5
    with db.reading() as uow:
        rows = uow.session.query(FollowupRecord).all()
    assert sorted(r.contact_id for r in rows) == sorted(listed)
    assert {(r.status, r.notes) for r in rows} == {("planned", "九折券 / 10 % off")}


def test_quality_reuses_the_sla_summary_and_adds_nps(world, db):
    services, ids = world
    with db.writing() as uow:
        uow.session.add(TicketRecord(contact_id=ids["A"], category="repair", status="new", subject="异响",
                                     opened_at=at(2026, 2, 20), created_at=NOW, updated_at=NOW))
        for nps in (10, 9, 3):  # 2 promoters, 1 detractor of 3: (2 − 1) ÷ 3
            uow.session.add(SurveyRecord(contact_id=ids["A"], channel="online", csat=4, nps=nps,
                                         answered_at=at(2026, 2, 21), created_at=NOW, updated_at=NOW))
    q = services.analytics.quality(date(2026, 2, 1), date(2026, 2, 28))
    assert q.open_tickets == 1 and q.sla.open_by_status == {"new": 1}
    assert q.nps == pytest.approx(33.3, abs=0.1)
    assert q.sla.csat_avg == 4.0


def test_retier_proposals_are_shown_before_they_are_applied(world, db):
    services, ids = world
    proposals = services.churn.retier_proposals()
    with db.reading() as uow:
        assert uow.contacts.get(ids["E"]).tier == "key"  # nothing changed by proposing
    assert proposals and all(now != proposed for _, _, now, proposed in proposals)
    assert {cid for cid, *_ in proposals} <= {ids["A"], ids["E"], ids["F"]}  # customers only
    services.churn.apply_tiers([(cid, proposed) for cid, _, _, proposed in proposals])
    with db.reading() as uow:
        assert all(uow.contacts.get(cid).tier == proposed for cid, _, _, proposed in proposals)
    assert services.churn.retier_proposals() == []


def test_win_back_campaign_plans_calls_only_where_the_decision_says_act(world, db):
    services, _ = world
    services.data_settings.put("analytics.winback_cost_cents", 1)  # almost free: every listed customer pays
    risk = services.churn.risk(10)
    acting = [r.contact_id for r in risk.top if r.win_back.act]
    assert services.churn.win_back_campaign(risk, "九折", "挽回") == len(acting)
    with db.reading() as uow:
        rows = uow.session.query(FollowupRecord).filter(FollowupRecord.title == "挽回").all()
    assert sorted(r.contact_id for r in rows) == sorted(acting)
    services.data_settings.put("analytics.winback_cost_cents", 10**9)  # nobody is worth it
    assert not any(r.win_back.act for r in services.churn.risk(10).top)


def test_churned_customers_get_the_win_back_decision_with_nothing_kept_without_action(world, db):
    from crm_desktop.domain.analytics import value, winback
    from crm_desktop.services.analytics import read_settings

    services, ids = world
    services.data_settings.put("analytics.winback_cost_cents", 500)
    risk = services.churn.risk(10)
    assert [r.contact_id for r in risk.churned] == [ids["B"], ids["C"]]  # the most worth winning back first
    b = risk.churned[0]
    with db.reading() as uow:
        s = read_settings(uow)
    days = (at(2026, 2, 15) - at(2025, 7, 1)).total_seconds() / 86400  # B bought until they left
    clv = value.clv_of(value.ValueFacts(30000, 1, days, s.lifespan_years, s.margin_pct))
    assert b.clv_cents == clv and b.win_back.without_cents == 0
    assert b.win_back == winback.win_back(clv, 100, churned=True, win_pct=s.winback_win_pct, cost_cents=500)
    assert b.win_back.expected_cents == round(clv * s.winback_win_pct / 100)
    acting = [r.contact_id for r in risk.churned if r.win_back.act]
    assert services.churn.win_back_campaign(risk, "回来有礼", "挽回老客", churned=True) == len(acting) > 0
    with db.reading() as uow:
        planned = uow.session.query(FollowupRecord).filter(FollowupRecord.title == "挽回老客").all()
    assert sorted(r.contact_id for r in planned) == sorted(acting)
