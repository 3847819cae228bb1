"""Sales a UTC day (sales_days), kept by triggers: after sales, voids, edits, deletes, merges,
erasure and bulk demo data they equal the sums over the purchases, and the dashboard's period
figures read from them equal the raw sums for ranges that start and end inside a day."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from crm_desktop.services.context import ServiceContext
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.dto import ContactDraft
from crm_desktop.services.loyalty_dto import SaleDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage import sales_days
from crm_desktop.storage.records import PurchaseRecord

NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)
RAW = ("select substr(purchased_at, 1, 10), count(*), sum(amount_cents) from purchases where deleted_at is null "
       "group by 1 order by 1")
KEPT = "select day, purchases, revenue_cents from sales_days where purchases <> 0 or revenue_cents <> 0 order by day"


@pytest.fixture
def shop(db, clock):
    return Services.build(ServiceContext(db, clock=clock))


def _days(db_path) -> tuple[list, list]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute(KEPT).fetchall(), conn.execute(RAW).fetchall()


def _agree(db_path) -> list:
    kept, raw = _days(db_path)
    assert kept == raw
    return kept


def _sale(shop, cid, cents, when):
    return shop.purchases.record_sale(SaleDraft(cid, cents, purchased_at=when, description="茶叶"))


def test_sales_voids_edits_and_deletes_keep_the_days_equal_to_the_purchases(shop, db, db_path):
    a = shop.contacts.create(ContactDraft(name="张三")).id
    b = shop.contacts.create(ContactDraft(name="李四")).id
    s1 = _sale(shop, a, 10_000, NOW - timedelta(days=3, hours=1))
    _sale(shop, a, 2_550, NOW - timedelta(days=3))
    s3 = _sale(shop, b, 7_000, NOW - timedelta(days=1))
    assert _agree(db_path) == [("2026-02-27", 2, 12_550), ("2026-03-01", 1, 7_000)]
    shop.purchases.void(s1.purchase.id, "输错了")
    assert _agree(db_path) == [("2026-02-27", 1, 2_550), ("2026-03-01", 1, 7_000)]
    sid = s3.purchase.id
    with db.writing() as uow:  # an edit of the time and the amount moves the sale between days
        record = uow.session.get(PurchaseRecord, sid)
        record.purchased_at, record.amount_cents = NOW - timedelta(days=10), 8_000
    assert _agree(db_path) == [("2026-02-20", 1, 8_000), ("2026-02-27", 1, 2_550)]
    with db.writing() as uow:  # restoring a voided sale, and a sale written by hand
        uow.session.get(PurchaseRecord, s1.purchase.id).deleted_at = None
        uow.session.add(PurchaseRecord(contact_id=b, purchased_at=NOW, amount_cents=99))
    assert _agree(db_path) == [("2026-02-20", 1, 8_000), ("2026-02-27", 2, 12_550), ("2026-03-02", 1, 99)]
    with db.writing() as uow:  # a row deleted outright
        uow.session.delete(uow.session.query(PurchaseRecord).filter_by(amount_cents=99).one())
    assert _agree(db_path) == [("2026-02-20", 1, 8_000), ("2026-02-27", 2, 12_550)]


def test_merge_and_erasure_leave_the_days_as_the_purchases_say(shop, db, db_path, tmp_path):
    a = shop.contacts.create(ContactDraft(name="王五", phone="13800138000")).id
    b = shop.contacts.create(ContactDraft(name="王五", phone="13800138001")).id
    _sale(shop, a, 1_000, NOW - timedelta(days=2))
    _sale(shop, b, 3_000, NOW - timedelta(days=2))
    shop.duplicates.merge(a, [b])
    assert _agree(db_path) == [("2026-02-28", 2, 4_000)]
    shop.privacy.erase(shop.contacts.get(a).uuid)
    assert _agree(db_path) == [("2026-02-28", 2, 4_000)]
    _sale(shop, a, 500, NOW - timedelta(hours=1))
    assert _agree(db_path) == [("2026-02-28", 2, 4_000), ("2026-03-02", 1, 500)]


def test_demo_data_bulk_inserted_is_counted_and_a_rebuild_gives_the_same(db, db_path):
    generate_demo(db, 300, seed=3)
    kept = _agree(db_path)
    assert sum(n for _, n, _ in kept) > 300
    with db.engine.begin() as conn:
        sales_days.rebuild(conn)
    assert _agree(db_path) == kept


def test_period_figures_read_from_the_days_equal_the_raw_sums(db, db_path):
    generate_demo(db, 300, seed=5)
    with sqlite3.connect(db_path) as conn:
        times = [datetime.fromisoformat(t).replace(tzinfo=UTC) for (t,) in conn.execute(
            "select purchased_at from purchases order by random() limit 12")]
    with db.reading() as uow:
        for lo in times:
            for span in (timedelta(hours=5), timedelta(days=1, minutes=7), timedelta(days=40, hours=3)):
                for hi in (lo + span, lo + span + timedelta(microseconds=1)):
                    days = uow.analytics.sales_between([lo, hi])
                    assert days == [uow.analytics._raw_sales(lo, hi)], (lo, hi)


def test_conversion_times_computed_in_sql_equal_the_instants_subtracted(db):
    from sqlalchemy import select

    from crm_desktop.storage.records import ContactRecord as C

    generate_demo(db, 300, seed=6)
    lo, hi = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    with db.reading() as uow:
        millis = uow.analytics.conversions(lo, hi)
        pairs = uow.session.execute(select(C.created_at, C.became_customer_at).where(
            C.deleted_at.is_(None), C.became_customer_at >= lo, C.became_customer_at < hi)).all()
    exact = sorted((b - a) / timedelta(milliseconds=1) for a, b in pairs)
    assert len(millis) == len(pairs) > 50 and all(isinstance(m, int) for m in millis)
    assert any(e % 1 for e in exact)  # instants with parts of a millisecond are compared too
    # each instant is rounded to its nearest millisecond: the difference is within one of the exact one
    assert all(abs(m - e) <= 1 for m, e in zip(sorted(millis), exact, strict=True))


def test_conversion_times_are_exact_for_instants_to_the_millisecond(db):
    from crm_desktop.storage.records import ContactRecord as C

    created = datetime(1990, 3, 1, 23, 59, 59, 999000, tzinfo=UTC)  # before any demo contact
    spans = [timedelta(days=10), timedelta(days=2, hours=3, milliseconds=1), timedelta(milliseconds=500),
             timedelta(days=400, seconds=1, milliseconds=999)]
    with db.writing() as uow:
        for i, span in enumerate(spans):
            uow.session.add(C(name=f"c{i}", stage="customer", created_at=created, updated_at=created,
                              became_customer_at=created + span))
    with db.reading() as uow:
        millis = uow.analytics.conversions(created, created + timedelta(days=500))
    assert sorted(millis) == sorted(span // timedelta(milliseconds=1) for span in spans)


def test_the_middle_conversion_times_give_the_median_of_all(db):
    from statistics import median

    generate_demo(db, 300, seed=6)
    lo, hi = datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    with db.reading() as uow:
        everyone = uow.analytics.conversions(lo, hi)
        assert len(everyone) > 50
        assert median(uow.analytics.conversion_middle(lo, hi)) == median(everyone)
        assert uow.analytics.conversion_middle(hi, hi + timedelta(days=1)) == []
        ordered = sorted(uow.session.execute(select_became(lo, hi)).scalars())
        for cut in (ordered[len(ordered) // 2], ordered[len(ordered) // 2 + 1]):  # an odd and an even count
            part = uow.analytics.conversions(lo, cut)
            assert len(uow.analytics.conversion_middle(lo, cut)) == 2 - len(part) % 2
            assert median(uow.analytics.conversion_middle(lo, cut)) == median(part)


def select_became(lo, hi):
    from sqlalchemy import select

    from crm_desktop.storage.records import ContactRecord as C

    return select(C.became_customer_at).where(C.deleted_at.is_(None), C.became_customer_at >= lo,
                                               C.became_customer_at < hi)
