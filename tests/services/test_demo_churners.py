"""Demo churners carry the signals of leaving; the planted label is not what the score reads."""

import sqlite3

from crm_desktop.domain.analytics.risk import roc_auc
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.demo import generate_demo
from crm_desktop.services.registry import Services


def test_planted_churners_drift_and_the_risk_score_finds_them(db, db_path):
    generate_demo(db, 1500, seed=11)
    raw = sqlite3.connect(db_path)
    churned = raw.execute("select count(*), sum(churn_type != ''), sum(churned_at is not null) from contacts "
                          "where stage = 'churned'").fetchone()
    assert churned[0] > 0 and churned[1] == churned[2] == churned[0]
    planted = [cid for (cid,) in raw.execute("select id from contacts where stage = 'customer' and at_risk")]
    assert planted
    # spend falls: each planted churner's last purchase is smaller than its first
    for cid in planted[:20]:
        amounts = [a for (a,) in raw.execute("select amount_cents from purchases where contact_id = ? "
                                              "order by purchased_at", (cid,))]
        assert amounts[-1] < amounts[0]
    scores = Services.build(ServiceContext(db)).churn.scores()
    customers = [cid for (cid,) in raw.execute("select id from contacts where stage = 'customer' "
                                                "and purchase_count > 0")]
    auc = roc_auc([scores[c] for c in customers], [c in set(planted) for c in customers])
    assert auc >= 0.8
