"""The dashboard's aggregates on a real PostgreSQL server: sales_days kept by its trigger function
through sales, voids and edits, the migration's rebuild, and the risk score in SQL equal to the
domain's (the same statements as on SQLite, PostgreSQL spellings)."""

from datetime import UTC, datetime, timedelta

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
