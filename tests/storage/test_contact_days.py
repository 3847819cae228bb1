"""Contacts a UTC day (contact_days), kept by triggers: after inserts, edits, trash, restores and
deletes, the dashboard's contact figures read from the kept rows equal one scan over the contacts,
for periods bounded by local midnights east and west of UTC and by instants inside a day, and a
rebuild from the contacts gives the same rows."""

import random
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import and_, case, delete, func, or_, select

from crm_desktop.services.demo import generate_demo
from crm_desktop.storage import contact_days
from crm_desktop.storage.records import ContactRecord as C
from crm_desktop.storage.repositories.base import count_where
from tests.storage.postgres import MARKS

BASE = datetime(2026, 3, 1, tzinfo=UTC)
ZONES = (timezone(timedelta(hours=8)), timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30)))
KEPT = ("select kind, day, tier, lead_source, n, customers, spent_cents, orders from contact_days "
        "where n <> 0 or customers <> 0 or spent_cents <> 0 or orders <> 0 order by 1, 2, 3, 4")
FIELDS = ("contacts", "customers", "at_start", "churned", "churned_revenue", "start_revenue", "active", "new",
          "converted", "spent", "orders")


def _scan(session, start, end) -> dict:
    """The figures as one pass over every live contact states them."""
    total = lambda condition, column: func.coalesce(func.sum(case((condition, column), else_=0)), 0)  # noqa: E731
    customer = and_(C.became_customer_at.is_not(None), C.became_customer_at < end)
    at_start = and_(C.became_customer_at < start, or_(C.churned_at.is_(None), C.churned_at >= start))
    gone = and_(at_start, C.churned_at.is_not(None), C.churned_at < end)
    new = and_(C.created_at >= start, C.created_at < end)
    stmt = select(
        C.tier, C.lead_source, func.count(), count_where(customer), count_where(at_start), count_where(gone),
        total(gone, C.total_spent_cents), total(at_start, C.total_spent_cents),
        count_where(and_(customer, C.last_purchase_at >= start, C.last_purchase_at < end)),
        count_where(new), count_where(and_(new, customer)),
        func.coalesce(func.sum(C.total_spent_cents), 0), func.coalesce(func.sum(C.purchase_count), 0),
    ).where(C.deleted_at.is_(None)).group_by(C.tier, C.lead_source)
    return {(tier, source): tuple(int(v) for v in values) for tier, source, *values in session.execute(stmt)}


def _kept(session, start, end) -> dict:
    return {(f.tier, f.lead_source): tuple(getattr(f, k) for k in FIELDS)
            for f in contact_days.figures(session, start, end)}


def _instant(rng: random.Random) -> datetime:
    """Mostly near the periods' edges, some at midnight, some with parts of a second."""
    t = BASE + timedelta(days=rng.randint(-40, 40), hours=rng.choice((0, 0, 4, 13, 18, 19, 23)))
    return t + timedelta(minutes=rng.choice((0, 0, 29, 30, 59)), microseconds=rng.choice((0, 0, 1, 500_000)))


def _maybe(rng, p):
    return _instant(rng) if rng.random() < p else None


def _fields(rng: random.Random) -> dict:
    """Random facts, including the odd ones: a customer before being recorded, a last purchase or a
    churn without ever being a customer."""
    became = _maybe(rng, 0.6)
    return {"tier": rng.choice(("key", "potential", "ordinary", "cold")), "lead_source": rng.choice(("web", "referral", "other")),
            "created_at": _instant(rng), "became_customer_at": became, "churned_at": _maybe(rng, 0.4),
            "last_purchase_at": _maybe(rng, 0.7), "total_spent_cents": rng.randint(0, 90_000),
            "purchase_count": rng.randint(0, 9), "deleted_at": _maybe(rng, 0.1)}


def _periods(rng: random.Random) -> list[tuple[datetime, datetime]]:
    out = []
    for zone in ZONES:
        for first, days in ((0, 31), (-20, 7), (-40, 1), (5, 60)):
            start = datetime.combine((BASE + timedelta(days=first)).date(), datetime.min.time(), zone)
            out.append((start, start + timedelta(days=days)))
    out += [(lo, lo + timedelta(hours=rng.randint(1, 900))) for lo in (_instant(rng) for _ in range(6))]
    return out


def _check(db, rng) -> None:
    with db.reading() as uow:
        for start, end in _periods(rng):
            assert _kept(uow.session, start, end) == _scan(uow.session, start, end), (start, end)
        by_tier = uow.contacts.count_by("tier")
        assert uow.contacts.count_by_tier() == by_tier != {}
        assert uow.contacts.count_by("tier", only=("key", "cold")) == {t: by_tier[t] for t in ("key", "cold") if t in by_tier}
    with db.engine.connect() as conn:  # the rebuild rolled back
        kept = conn.exec_driver_sql(KEPT).fetchall()
        contact_days.rebuild(conn)
        assert conn.exec_driver_sql(KEPT).fetchall() == kept
        conn.rollback()


def _exercise(db, seed: int) -> None:
    rng = random.Random(seed)
    with db.writing() as uow:
        uow.session.add_all(C(name=f"客户{i}", **_fields(rng)) for i in range(150))
    _check(db, rng)
    with db.writing() as uow:  # edits of every watched column, trash and restore among them
        for record in uow.session.scalars(select(C)):
            if rng.random() < 0.5:
                for key, value in rng.sample(sorted(_fields(rng).items()), rng.randint(1, 4)):
                    setattr(record, key, value)
            elif rng.random() < 0.2:
                record.name += "（改）"  # a column the days do not watch
    _check(db, rng)
    with db.writing() as uow:  # rows deleted outright, live and trashed
        ids = list(uow.session.scalars(select(C.id)))
        uow.session.execute(delete(C).where(C.id.in_(rng.sample(ids, 40))))
        uow.session.add_all(C(name=f"新客{i}", **_fields(rng)) for i in range(30))
    _check(db, rng)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=MARKS)])
def store(request):
    return request.getfixturevalue("pg" if request.param == "postgres" else "db")


def test_figures_from_the_kept_days_equal_a_scan_of_the_contacts(store):
    for seed in range(3):
        with store.writing() as uow:
            uow.session.execute(delete(C))
        _exercise(store, seed)


def test_demo_data_written_in_bulk_is_counted(db):
    generate_demo(db, 300, seed=4)
    with db.reading() as uow:
        assert sum(f.customers for f in contact_days.figures(uow.session, BASE, BASE)) > 50
    _check(db, random.Random(4))
