"""The dashboard's aggregates on a real PostgreSQL server: sales_days kept by its trigger function
through sales, voids and edits, the migration's rebuild, and the risk score in SQL equal to the
domain's (the same statements as on SQLite, PostgreSQL spellings)."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from crm_desktop.services.context import ServiceContext
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.dto import ContactDraft
from crm_desktop.services.loyalty_dto import SaleDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage import sales_days
from tests.storage.postgres import MARKS
from tests.storage.test_risk_sql import sql_equals_domain

pytestmark = MARKS

NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
RAW = ("select (purchased_at at time zone 'UTC')::date, count(*), sum(amount_cents) from purchases "
       "where deleted_at is null group by 1 order by 1")
KEPT = "select day, purchases, revenue_cents from sales_days where purchases <> 0 order by day"


def _agree(db) -> list:
    with db.engine.connect() as conn:
        kept, raw = conn.execute(text(KEPT)).all(), conn.execute(text(RAW)).all()
    assert [tuple(r) for r in kept] == [tuple(r) for r in raw]
    return kept


def test_sales_and_voids_keep_the_days(pg):
    shop = Services.build(ServiceContext(pg, clock=lambda: NOW))
    cid = shop.contacts.create(ContactDraft(name="张三")).id
    first = shop.purchases.record_sale(SaleDraft(cid, 10_000, purchased_at=NOW - timedelta(days=3), description="茶"))
    shop.purchases.record_sale(SaleDraft(cid, 2_500, purchased_at=NOW - timedelta(days=3, hours=2), description="茶"))
    shop.purchases.void(first.purchase.id, "输错了")
    assert len(_agree(pg)) == 1


def test_demo_data_is_counted_and_a_rebuild_agrees(pg):
    generate_demo(pg, 150, seed=4)
    kept = _agree(pg)
    with pg.engine.begin() as conn:
        sales_days.rebuild(conn)
    assert _agree(pg) == kept
    with pg.reading() as uow:
        lo = NOW - timedelta(days=200, hours=5)
        assert uow.analytics.sales_between([lo, NOW]) == [uow.analytics._raw_sales(lo, NOW)]


def test_risk_scores_in_sql_equal_the_domain_on_postgres(pg):
    generate_demo(pg, 300, seed=11)
    assert sql_equals_domain(pg) > 50


def test_conversion_times_on_postgres_equal_the_instants_subtracted(pg):
    from tests.storage.test_sales_days import (
        test_conversion_times_are_exact_for_instants_to_the_millisecond as exact,
    )
    from tests.storage.test_sales_days import (
        test_conversion_times_computed_in_sql_equal_the_instants_subtracted as same,
    )

    same(pg)
    exact(pg)


def test_middle_conversion_times_on_postgres_give_the_median(pg):
    from tests.storage.test_sales_days import (
        test_the_middle_conversion_times_give_the_median_of_all as middle,
    )

    middle(pg)


def test_stored_risk_scores_follow_edits_on_postgres(pg):
    from tests.services.test_risk_store import follows_every_kind_of_edit

    follows_every_kind_of_edit(pg)


def test_churned_customers_on_postgres_come_in_spend_order(pg, monkeypatch):
    from tests.storage.test_risk_sql import (
        test_churned_customers_who_spent_most_come_first_whichever_way_they_are_found as same,
    )

    same(pg, monkeypatch)


def test_rfm_cells_on_postgres_hold_every_buyer_once_with_their_spend(pg):
    """Each cell's count is its segment's member list (read by ranges, another statement), every
    buyer is in one cell, and the spend and spend-a-year sums equal the rows'."""
    generate_demo(pg, 200, seed=5)
    shop = Services.build(ServiceContext(pg, clock=lambda: NOW))
    s = shop.analytics.summary(NOW.date() - timedelta(days=365), NOW.date())
    with pg.engine.connect() as conn:
        rows = conn.execute(text(
            "select total_spent_cents, coalesce(became_customer_at, created_at) from contacts "
            "where deleted_at is null and total_spent_cents > 0")).all()
    assert s.rfm.customers == len(rows) == sum(map(sum, s.rfm.grid)) > 50
    for key, count in s.rfm.segments.items():
        assert len(shop.churn.segment_members(key, s.rfm.edges, limit=len(rows))) == count
    assert sum(s.rfm.segment_revenue.values()) == sum(spent for spent, _ in rows)
    per_year = sum(spent * 365.25 / max((NOW - first).total_seconds() / 86400, 30) for spent, first in rows)
    settings = (s.value.lifespan_years, s.value.margin_pct / 100)
    assert s.value.total_clv_cents == pytest.approx(per_year * settings[0] * settings[1], abs=1)


def test_the_dashboards_four_parts_run_on_postgres(pg):
    """What the dashboard tab asks for when it opens, on PostgreSQL (whose sums of bigints are
    numeric: the figures must still be plain numbers)."""
    generate_demo(pg, 150, seed=6)
    shop = Services.build(ServiceContext(pg, clock=lambda: NOW))
    first, last = NOW.date() - timedelta(days=365), NOW.date()
    s = shop.analytics.summary(first, last)
    assert isinstance(s.revenue_cents, int) and isinstance(s.forecast.pipeline_cents, int)
    assert sum(m.revenue_cents for m in s.trend) >= s.revenue_cents > 0
    q = shop.analytics.quality(first, last)
    with pg.engine.connect() as conn:
        open_tickets = conn.execute(text("select count(*) from tickets where deleted_at is null "
                                         "and status in ('new', 'in_progress', 'waiting')")).scalar_one()
    assert q.open_tickets == open_tickets
    risk = shop.churn.risk(20)
    assert len(risk.top) <= 20 and risk.customers > 0
    assert shop.dashboard.summary() is not None
