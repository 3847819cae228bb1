"""The churn risk score of domain/analytics/risk.py, in SQL: every customer is scored in one pass
in the database and only the listed ones come back to Python (which scores them again with the
domain function for their reasons; tests/storage/test_risk_sql.py holds the two equal).

The same arithmetic in the same order on IEEE doubles, integer divisions made real, Python's
round() (half to even) spelled out, so the score is exactly the domain's.
"""

from types import SimpleNamespace

from sqlalchemy import Float, Integer, and_, case, cast, func, literal, select

from crm_desktop.domain.analytics.risk import DEFAULT_INTERVAL_DAYS, WEIGHTS
from crm_desktop.storage.repositories.base import greatest, least


class RiskSql:
    def __init__(self, dialect: str):
        self.dialect = dialect
        self.sqlite = dialect == "sqlite"

    def _max(self, *a):
        return greatest(self.dialect, *a)

    def _min(self, *a):
        return least(self.dialect, *a)

    def clamp(self, x):
        return self._max(literal(0.0, Float), self._min(literal(1.0, Float), x))

    def _floor(self, v):  # v >= 0 here: truncation is the floor
        return cast(v, Integer) if self.sqlite else cast(func.floor(v), Integer)

    def half_even(self, v):
        """Python's round(v) for v >= 0."""
        f = self._floor(v)
        return f + case((v - f > 0.5, 1), (and_(v - f == 0.5, f % 2 == 1), 1), else_=0)

    def strengths(self, c) -> dict:
        """Each part's strength 0–1 from the facts columns (c.orders, c.sf, c.sl, c.sc, c.n_recent, …)."""
        interval = case((c.orders < 2, literal(DEFAULT_INTERVAL_DAYS, Float)),
                        else_=self._max((c.sf - c.sl) / (c.orders - 1), literal(7.0, Float)))
        overdue = c.sl / interval

        def drop(recent, before):
            return case((before > 0, self.clamp(1 - recent * 1.0 / before)), else_=literal(0.0, Float))

        csat = case((c.min_csat <= 2, literal(1.0, Float)),
                    (c.avg_csat.is_not(None), self.clamp((3.5 - c.avg_csat) / 1.5)), else_=literal(0.0, Float))
        contact = case((c.sc.is_(None), literal(0.5, Float)), else_=self.clamp((c.sc - 60) / 240.0))
        return {"overdue": self.clamp((overdue - 1) / 2.0), "fewer_orders": drop(c.n_recent, c.n_before),
                "less_spend": drop(c.s_recent, c.s_before), "complaints": self.clamp(c.complaints / 2.0),
                "low_csat": csat, "no_contact": contact}

    def score(self, s) -> object:
        """min(100, Σ round(weight × strength)) over the strength columns of s."""
        total = sum((self.half_even(WEIGHTS[k] * getattr(s, f"part_{k}")) for k in WEIGHTS), literal(0, Integer))
        return self._min(literal(100, Integer), total)


def scored(facts, dialect: str):
    """The facts CTE (raw days since the first purchase, the last one and the last contact, orders
    and spend of the two half-years, open complaints, CSAT) to each customer's six strengths, then
    the score: materialized steps, so the days are not computed again for every use, each carrying
    only what the next one reads (id and numbers: half a million rows of names copied twice cost
    more than the scoring)."""
    sql = RiskSql(dialect)
    f = facts.c
    zero = literal(0.0, Float)
    c = SimpleNamespace(
        orders=f.orders, sf=sql._max(zero, func.coalesce(f.since_first, zero)),
        sl=sql._max(zero, func.coalesce(f.since_last, zero)),
        sc=case((f.since_contact.is_(None), None), else_=sql._max(zero, f.since_contact)),
        n_recent=f.n_recent, n_before=f.n_before, s_recent=f.s_recent, s_before=f.s_before,
        complaints=f.complaints, min_csat=f.min_csat, avg_csat=f.avg_csat)
    parts = select(f.id, *(v.label(f"part_{k}") for k, v in sql.strengths(c).items())).cte(
        "risk_parts").prefix_with("MATERIALIZED")
    return select(parts.c.id, sql.score(parts.c).label("score")).cte("risk_scored").prefix_with("MATERIALIZED")
