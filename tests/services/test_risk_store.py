"""The stored churn risk scores (storage/risk_store.py): after sales, voids, complaints, surveys,
contacts made, churn, trash and new customers, the list read from the store equals scoring every
customer again as of the same instant; a new day scores everyone anew; a database open read-only
scores without writing. `follows_every_kind_of_edit` runs on PostgreSQL too."""

import sqlite3
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from crm_desktop.domain.drafts import InteractionDraft, TicketDraft
from crm_desktop.domain.enums import ComplaintReason, InteractionKind, TicketCategory
from crm_desktop.services.churn import SCORED_AT, _windows
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.loyalty_dto import SaleDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.storage.derived_records import RiskScoreRecord as R
from tests.conftest import FakeClock

START = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
EVERYONE = 10**6


def _scored_again(db, as_of: datetime) -> list[tuple[int, int]]:
    with db.reading() as uow:
        scores = uow.analytics.risk_scores(as_of, *_windows(as_of))
    return sorted(scores, key=lambda r: (-r[1], r[0]))


def _listed(summary) -> list[tuple[int, int]]:
    return [(r.contact_id, r.score) for r in summary.top]


def _stored(db) -> dict[int, int | None]:
    with db.reading() as uow:
        return dict(uow.session.execute(select(R.contact_id, R.score)).all())


def _customers(db, n: int) -> list[int]:
    with db.reading() as uow:
        return [cid for cid, _ in uow.analytics.risk_scores(START, *_windows(START))][:n]


def follows_every_kind_of_edit(db) -> None:
    generate_demo(db, 300, seed=21)
    clock = FakeClock(START)
    shop = Services.build(ServiceContext(db, clock=clock))
    assert shop.churn.score_today() == START
    first = shop.churn.risk(EVERYONE)
    assert first.computed_at == START and _listed(first) == _scored_again(db, START)
    assert first.customers == len(first.top) > 50
    a, b, c, d, e = _customers(db, 5)
    clock.advance(hours=3)  # later the same day: only what changed is scored again, as of START
    sale = shop.purchases.record_sale(SaleDraft(a, 90_000, purchased_at=clock.now, description="茶"))
    shop.purchases.void(sale.purchase.id, "输错了")
    shop.purchases.record_sale(SaleDraft(b, 1_000, purchased_at=clock.now - timedelta(days=1), description="茶"))
    shop.tickets.create(TicketDraft(c, TicketCategory.COMPLAINT, "漏水", complaint_reason=ComplaintReason.PRICE))
    shop.contacts.log_interaction(InteractionDraft(d, InteractionKind.CALL, clock.now, "回访"))
    shop.churn.mark_churned(e, "price", "嫌贵")
    assert {a, b, c, d, e} <= {cid for cid, score in _stored(db).items() if score is None}
    again = shop.churn.risk(EVERYONE)
    assert again.computed_at == START
    assert _listed(again) == _scored_again(db, START) != _listed(first)
    assert e not in dict(_listed(again)) and again.customers == first.customers - 1
    assert (again.at_risk, again.average_score) == (
        sum(1 for _, s in _listed(again) if s >= again.threshold),
        round(sum(s for _, s in _listed(again)) / again.customers, 1))
    assert None not in _stored(db).values()


def test_the_stored_list_follows_every_kind_of_edit(db):
    follows_every_kind_of_edit(db)


def test_trash_a_survey_and_a_new_customer_written_by_hand_move_the_stored_list(db, db_path):
    generate_demo(db, 300, seed=22)
    shop = Services.build(ServiceContext(db, clock=lambda: START))
    shop.churn.score_today()
    a, = _customers(db, 1)
    with sqlite3.connect(db_path) as conn:  # writers other than the services: the triggers see them too
        conn.execute("update contacts set deleted_at = '2026-11-30 10:00:00.000000' where id = ?", (a,))
        b = conn.execute("select s.contact_id from surveys s join contacts c on c.id = s.contact_id where "
                         "c.stage = 'customer' and c.purchase_count > 0 and s.csat > 2 limit 1").fetchone()[0]
        conn.execute("update surveys set csat = 1 where contact_id = ?", (b,))
        c = conn.execute("select p.contact_id from purchases p join contacts c on c.id = p.contact_id where "
                         "c.stage = 'customer' and c.deleted_at is null and p.deleted_at is null and "
                         "p.purchased_at < '2026-05-01' and p.purchased_at > '2025-12-15' limit 1").fetchone()[0]
        conn.execute("update purchases set amount_cents = amount_cents * 50 where contact_id = ? and "
                     "purchased_at < '2026-05-01' and purchased_at > '2025-12-15'", (c,))  # the contact row unchanged
        new = conn.execute("update contacts set stage = 'customer', purchase_count = 1, total_spent_cents = 500, "
                           "last_purchase_at = '2026-10-01 10:00:00.000000' where id = (select min(id) from contacts "
                           "where stage = 'lead' and deleted_at is null) returning id").fetchone()[0]
    assert {a, b, c, new} <= {cid for cid, score in _stored(db).items() if score is None}
    after = shop.churn.risk(EVERYONE)
    listed = dict(_listed(after))
    assert a not in listed and new in listed and b in listed and c in listed
    assert _listed(after) == _scored_again(db, START)
    with sqlite3.connect(db_path) as conn:  # a purge removes the stored row
        conn.execute("pragma foreign_keys = off")
        conn.execute("delete from contacts where id = ?", (new,))
        assert conn.execute("select count(*) from risk_scores where contact_id = ?", (new,)).fetchone() == (0,)


def test_a_new_day_scores_everyone_anew(db):
    generate_demo(db, 200, seed=23)
    clock = FakeClock(START)
    shop = Services.build(ServiceContext(db, clock=clock))
    shop.churn.score_today()
    clock.advance(days=40)  # nothing written, yet days since the last purchase grew
    later = shop.churn.risk(EVERYONE)  # before the day's scoring: everyone scored now
    assert later.computed_at == clock.now
    assert _listed(later) == _scored_again(db, clock.now) != _scored_again(db, START)
    with db.reading() as uow:
        assert uow.app_settings.get(SCORED_AT) == START.isoformat()
    assert shop.churn.score_today() == clock.now
    assert _listed(shop.churn.risk(EVERYONE)) == _listed(later)
    with db.reading() as uow:
        assert uow.app_settings.get(SCORED_AT) == clock.now.isoformat()


def test_a_database_open_read_only_scores_without_writing(db, db_path):
    generate_demo(db, 200, seed=24)
    db.dispose()
    ro = Database(db_path, read_only=True)
    try:
        summary = Services.build(ServiceContext(ro, clock=lambda: START)).churn.risk(EVERYONE)
        assert summary.customers > 20 and _listed(summary) == _scored_again(ro, START)
    finally:
        ro.dispose()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from risk_scores where score is not null").fetchone() == (0,)


def test_the_list_reads_the_day_s_scoring(db):
    generate_demo(db, 200, seed=25)
    clock = FakeClock(START)
    shop = Services.build(ServiceContext(db, clock=clock))
    assert shop.churn.risk(3).computed_at == START  # no scoring stored yet: scored now
    clock.advance(hours=1)
    assert shop.churn.risk(3).computed_at == clock.now
    assert shop.churn.score_today() == clock.now
    scored_at = clock.now
    clock.advance(hours=5)
    assert shop.churn.score_today() == scored_at
    assert shop.churn.risk(3).computed_at == scored_at
