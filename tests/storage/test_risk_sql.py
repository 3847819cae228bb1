"""The risk score computed in SQL equals the domain's risk_score on the same facts, for every
customer of a demo database (ties of Python's half-to-even rounding included)."""

from datetime import UTC, datetime

from crm_desktop.domain.analytics.risk import WEIGHTS, parts, risk_score
from crm_desktop.services.churn import _windows, facts_of
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.registry import Services

NOW = datetime(2026, 11, 30, 9, 15, tzinfo=UTC)


def _every_customer(db):
    """The totals, and every customer's (SQL score, facts row) by falling score."""
    with db.reading() as uow:
        scores = uow.analytics.risk_scores(NOW, *_windows(NOW))
        rows = uow.analytics.risk_rows(NOW, *_windows(NOW), [cid for cid, _ in scores])
    top = sorted(scores, key=lambda r: (-r[1], r[0]))
    totals = (len(top), sum(score for _, score in top), sum(1 for _, score in top if score >= 60))
    return totals, [(score, rows[cid]) for cid, score in top]


def sql_equals_domain(db) -> int:
    (count, total, reaching), scored = _every_customer(db)
    domain = [risk_score(facts_of(row)).score for _, row in scored]
    assert [score for score, _ in scored] == domain
    assert [(s, -r.id) for s, r in scored] == sorted(((s, -r.id) for s, r in scored), reverse=True)
    return len(scored)


def test_every_demo_customer_scores_the_same_in_sql_and_in_the_domain(db):
    generate_demo(db, 600, seed=11)
    assert sql_equals_domain(db) > 100
    _, scored = _every_customer(db)
    ties = [r for _, r in scored for k, (strength, _) in parts(facts_of(r)).items() if (WEIGHTS[k] * strength) % 1 == 0.5]
    assert ties  # half-way points occur (a spend halved: 7.5 points), so half-to-even rounding is exercised


def test_the_service_lists_the_highest_scores_with_their_reasons(db):
    generate_demo(db, 400, seed=12)
    services = Services.build(ServiceContext(db, clock=lambda: NOW))
    summary = services.churn.risk(20)
    (count, total, reaching), scored = _every_customer(db)
    assert summary.customers == count and summary.at_risk == reaching
    assert [(r.contact_id, r.score) for r in summary.top] == [(row.id, s) for s, row in scored[:20]]
    assert all(r.reasons for r in summary.top if r.score > 0)
    assert services.churn.scores() == {row.id: s for s, row in scored}


def test_churned_customers_who_spent_most_come_first_whichever_way_they_are_found(db, monkeypatch):
    from sqlalchemy import func, select

    from crm_desktop.storage.records import ContactRecord as C
    from crm_desktop.storage.repositories import analytics

    generate_demo(db, 400, seed=9)
    with db.writing() as uow:  # ties of spend (a third of the buyers), broken by id
        uow.session.execute(C.__table__.update().where(C.id % 3 == 0, C.total_spent_cents > 0)
                            .values(total_spent_cents=select(func.max(C.total_spent_cents)).scalar_subquery() + 1))
    with db.reading() as uow:
        every = uow.session.execute(select(C.id).where(
            C.deleted_at.is_(None), C.stage == "churned", C.purchase_count > 0)
            .order_by(C.total_spent_cents.desc(), C.id)).scalars().all()
        assert len(every) > 10
        for lookahead in (1, 3, 100):  # the top spenders hold enough of them, or not (all sorted then)
            monkeypatch.setattr(analytics, "CHURNED_LOOKAHEAD", lookahead)
            for limit in (1, 5, len(every), len(every) + 5):
                assert [r[0] for r in uow.analytics.churned_rows(limit)] == every[:limit], (lookahead, limit)
