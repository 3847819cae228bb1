"""A big file's risk list is scored in runs of customer ids in parallel: the merged list and its
counts equal scoring everyone in one run."""

from crm_desktop.services import churn
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.registry import Services


def _risk(services, monkeypatch, runs: int, min_run: int, limit: int):
    monkeypatch.setattr(churn, "RISK_RUNS", runs)
    monkeypatch.setattr(churn, "RISK_MIN_RUN", min_run)
    return services.churn.risk(limit)


def test_runs_in_parallel_merge_into_the_list_of_one_run(db, monkeypatch):
    generate_demo(db, 600, seed=5)
    services = Services.build(ServiceContext(db))
    with db.reading() as uow:
        assert len(uow.analytics.customer_id_cuts(3, 1)) == 2
        assert uow.analytics.customer_id_cuts(3, 10**6) == []  # too few customers: one run
    for limit in (15, 10**6):
        one = _risk(services, monkeypatch, 1, 1, limit)
        three = _risk(services, monkeypatch, 3, 1, limit)
        assert one.top and len(one.top) == min(limit, one.customers)
        assert [(r.contact_id, r.score, r.reasons) for r in three.top] == [
            (r.contact_id, r.score, r.reasons) for r in one.top]
        assert (three.customers, three.at_risk, three.average_score) == (one.customers, one.at_risk,
                                                                        one.average_score)
