"""Aggregate queries behind the dashboard and the churn warning: everything sums in SQL.

The contact figures per tier and lead source read the per-day rows storage/contact_days.py keeps
(a few thousand rows, not a million contacts); period revenue reads the covering
index ix_purchases_time (time, amount, trash mark, customer) one range per month; RFM quintile cut
points are read by offset from the indexes of last purchase, orders and spend, and every customer's
cell is counted in SQL; the risk list scores every customer in SQL (risk_sql.py) into the stored
scores of storage/risk_store.py, read by index.
"""

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Float,
    Integer,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    select,
)
from sqlalchemy.orm import Session

from crm_desktop.domain.enums import FollowupStatus
from crm_desktop.domain.middle import middle_of_union
from crm_desktop.storage import contact_days, risk_store, sales_days
from crm_desktop.storage.records import (
    ContactRecord,
    FollowupRecord,
    PurchaseRecord,
    SurveyRecord,
    TicketRecord,
)
from crm_desktop.storage.repositories import risk_sql
from crm_desktop.storage.repositories.base import count_where, greatest, in_chunks

C, P, F, T, S = ContactRecord, PurchaseRecord, FollowupRecord, TicketRecord, SurveyRecord
OPEN_TICKET = ("new", "in_progress", "waiting")
STREAM_ROWS = 5000
CHURNED_LOOKAHEAD = 20  # churned_rows: the top spenders looked through first, per customer listed


def _score(column, cuts):
    """How many cut points the value reaches, 0–4 (the score − 1), in SQL; 2 without cut points.
    The cut points rise, so that is the highest one reached: tested from the top, in one CASE
    (fewer comparisons a row than adding up one test per cut point)."""
    if not cuts:
        return literal_column("2")
    return case(*((column >= cut, len(cuts) - i) for i, cut in enumerate(reversed(cuts))), else_=0)


def _id_range(ids) -> list:
    lo, hi = ids
    return [c for c in (C.id >= lo if lo is not None else None, C.id < hi if hi is not None else None)
            if c is not None]


def _total(condition, column):
    return func.coalesce(func.sum(case((condition, column), else_=0)), 0)


class AnalyticsRepository:
    def __init__(self, session: Session):
        self.session = session

    def contact_figures(self, start: datetime, end: datetime) -> list:
        """Per (tier, lead source): contacts, customers ever, customers at the period start, kept to
        its end, churned in it and their revenue, all customers' revenue, active, new, new converted,
        and everyone's spend and orders to date (storage/contact_days.py)."""
        return contact_days.figures(self.session, start, end)

    def conversions(self, start: datetime, end: datetime) -> list[int]:
        """Milliseconds from being recorded to becoming a customer, of each contact who became a
        customer in the period."""
        return list(self.session.connection().execute(self._conversions(start, end)).scalars())

    def conversion_middle(self, start: datetime, end: datetime) -> list[int]:
        """The middle one (an odd count) or two (an even count) of the period's `conversions` in
        order: their median is the median of all. Counted, then sorted and read by offset in SQL,
        so a year's quarter of a million conversions at 1M contacts stay in the database."""
        stmt = self._conversions(start, end)
        count = self.session.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        ordered = stmt.order_by(stmt.selected_columns[0])

        def read(offset: int, limit: int) -> list[int]:
            return list(self.session.connection().execute(ordered.offset(offset).limit(limit)).scalars())

        return middle_of_union(count, read, ())

    def _conversions(self, start: datetime, end: datetime):
        """The milliseconds of `conversions`, computed in SQL (ix_contacts_became_customer covers
        it). On SQLite the difference of the two julianday() values, which SQLite keeps as whole
        milliseconds (each instant's microseconds rounded to the nearest one): exact for instants
        stored to the millisecond, and under half the cost of reading the microseconds too (the
        figure shown is a median in days to one decimal)."""
        b, a = C.became_customer_at, C.created_at
        if self.session.get_bind().dialect.name == "sqlite":  # stored as 'YYYY-MM-DD HH:MM:SS.ffffff' UTC
            millis = cast(func.round((func.julianday(b) - func.julianday(a)) * 86_400_000), Integer)
        else:
            millis = cast(func.round(func.extract("epoch", b - a) * 1000), BigInteger)
        return select(millis.label("ms")).where(C.deleted_at.is_(None), b >= start, b < end)

    def sales_between(self, bounds: Sequence[datetime]) -> list[tuple[int, int]]:
        """(purchases, revenue in cents) of each range bounds[i] .. bounds[i + 1] (storage/sales_days.py)."""
        return sales_days.sales_between(self.session, bounds)

    def _raw_sales(self, lo: datetime, hi: datetime) -> tuple[int, int]:
        return sales_days.raw_sales(self.session, lo, hi)

    def followups_by_status(self, start: datetime, end: datetime) -> dict[str, int]:
        """Follow-ups due in the period by status (the statuses the domain knows, the only ones the
        app writes): one range of ix_followups_status_due each, counted in the index, instead of
        sorting a year of follow-ups by status (1M follow-ups due: about 60 ms instead of 250)."""
        counts = [select(func.count()).where(F.status == status.value, F.due_at >= start, F.due_at < end,
                                             F.deleted_at.is_(None)).scalar_subquery() for status in FollowupStatus]
        row = self.session.execute(select(*counts)).one()
        return {status.value: n for status, n in zip(FollowupStatus, row, strict=True) if n}

    # --- RFM and value: the customers who spent ---------------------------------------------------
    def _bought(self):
        # the live-contacts spend index answers "spent > 0" ranges and orders by spend alone
        return and_(C.deleted_at.is_(None), C.total_spent_cents > 0)

    def bought_count(self) -> int:
        return self.session.execute(select(func.count()).where(self._bought())).scalar_one()

    def values_at(self, field: str, positions: Sequence[int]) -> list:
        """The value at each 0-based position of the buying customers ordered by `field`
        (last_purchase_at, purchase_count or total_spent_cents), read by offset from its own index."""
        column = getattr(C, field)
        bought = column.is_not(None) if field == "last_purchase_at" else column > 0
        base = select(column).where(bought, C.deleted_at.is_(None)).order_by(column)
        return [self.session.execute(base.offset(p).limit(1)).scalar() for p in positions]

    def top_spend(self, count: int) -> int:
        top = select(C.total_spent_cents).where(self._bought()).order_by(C.total_spent_cents.desc()).limit(count)
        return self.session.execute(select(func.coalesce(func.sum(top.subquery().c[0]), 0))).scalar_one()

    def rfm_cells(self, edges: tuple, now: datetime) -> list:
        """(r, f, m, customers, spend, Σ spend a year) per RFM cell: scores from the cut points in
        SQL in one pass over the narrow analytics index; the last column feeds lifetime value.
        Each customer's cell, spend and spend a year are computed first and only those three
        numbers grouped: SQLite sorts what it groups, and sorting the raw columns instead (two
        timestamps among them) costs a sixth more at a million contacts. "LIMIT -1" keeps SQLite
        from merging the two steps back into one."""
        er, ef, em = edges
        key = (_score(C.last_purchase_at, er) * 25 + _score(C.purchase_count, ef) * 5
               + _score(C.total_spent_cents, em)).label("cell")
        days = self._days_since(func.coalesce(C.became_customer_at, C.created_at), now)
        per_year = (C.total_spent_cents * 365.25 / self._greatest(days, 30.0)).label("per_year")
        scored = select(key, C.total_spent_cents.label("spent"), per_year).where(*self._narrow_bought())
        if self.session.get_bind().dialect.name == "sqlite":
            scored = scored.limit(-1)
        scored = scored.subquery()
        stmt = select(scored.c.cell, func.count(), func.sum(scored.c.spent), func.sum(scored.c.per_year)).group_by(
            scored.c.cell)
        out = []
        for cell, n, spent, py in self.session.execute(stmt):
            r, rest = divmod(int(cell), 25)
            f, m = divmod(rest, 5)
            out.append((r + 1, f + 1, m + 1, n, int(spent), float(py)))
        return out

    def _narrow_bought(self):
        # "+ 0" keeps SQLite off the spend index, so it scans the narrow analytics index it covers
        return C.deleted_at.is_(None), (C.total_spent_cents + 0) > 0

    def rfm_members(self, ranges: tuple, offset: int, limit: int) -> list:
        """Contacts whose (last purchase, orders, spend) fall in the given [lo, hi) ranges (None: open)."""
        stmt = select(C.id, C.name, C.phone_raw, C.tier, C.last_purchase_at, C.purchase_count,
                      C.total_spent_cents).where(self._bought())
        for column, (lo, hi) in zip((C.last_purchase_at, C.purchase_count, C.total_spent_cents), ranges, strict=True):
            if lo is not None:
                stmt = stmt.where(column >= lo)
            if hi is not None:
                stmt = stmt.where(column < hi)
        stmt = stmt.order_by(C.total_spent_cents.desc(), C.id).offset(offset).limit(limit)
        return self.session.execute(stmt).all()

    def _days_since(self, column, now: datetime):
        if self.session.get_bind().dialect.name == "sqlite":
            text = now.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
            return func.julianday(text) - func.julianday(column)
        return func.extract("epoch", literal(now) - column) / 86400.0

    def _greatest(self, a, b):
        return greatest(self.session.get_bind().dialect.name, a, b)

    # --- churn risk --------------------------------------------------------------------------------
    def customer_id_cuts(self, parts: int, min_run: int) -> list[int]:
        """Ids that split the live customers into at most `parts` runs of about equal size and at
        least `min_run` customers each (read by offset from their stage index, index only), so the
        risk list can be scored a run per thread; [] when one run is enough."""
        base = select(C.id).where(C.deleted_at.is_(None), C.stage == "customer").order_by(C.id)
        total = self.session.execute(select(func.count()).select_from(base.subquery())).scalar_one()
        parts = max(1, min(parts, total // max(1, min_run)))
        cuts = [self.session.execute(base.offset(total * k // parts).limit(1)).scalar() for k in range(1, parts)]
        return sorted({c for c in cuts if c is not None})

    def _risk_facts(self, now: datetime, recent_from: datetime, before_from: datetime, *where, details=False):
        """Every live customer who bought (and meets `where`): id, orders, days since becoming a
        customer, since the last purchase and since the last contact (computed in SQL), orders and
        spend of [before_from, recent_from) and [recent_from, now), open complaints, lowest and
        average CSAT; with `details`, name, tier and spend too. The customers are read in id order
        from their stage index with their year of sales joined and grouped as they come (no sort,
        no temporary index of half a million groups); complaints and CSAT are looked up per
        customer by index."""
        recent = P.purchased_at >= recent_from
        sales = and_(P.contact_id == C.id, P.purchased_at >= before_from, P.deleted_at.is_(None))
        complaints = select(func.count()).where(
            T.contact_id == C.id, T.deleted_at.is_(None), T.category == "complaint",
            T.status.in_(OPEN_TICKET)).scalar_subquery()
        rated = (S.contact_id == C.id, S.deleted_at.is_(None), S.csat.is_not(None))
        since = lambda column: self._days_since(column, now)  # noqa: E731
        named = (C.name, C.tier, C.total_spent_cents.label("spent")) if details else ()
        return (
            select(C.id, *named, C.purchase_count.label("orders"),
                   since(func.coalesce(C.became_customer_at, C.created_at)).label("since_first"),
                   since(C.last_purchase_at).label("since_last"), since(C.last_interaction_at).label("since_contact"),
                   count_where(recent).label("n_recent"), _total(recent, P.amount_cents).label("s_recent"),
                   count_where(~recent).label("n_before"), _total(~recent, P.amount_cents).label("s_before"),
                   complaints.label("complaints"),
                   select(func.min(S.csat)).where(*rated).scalar_subquery().label("min_csat"),
                   cast(select(func.avg(S.csat)).where(*rated).scalar_subquery(), Float).label("avg_csat"))
            .select_from(C).outerjoin(P, sales)
            .where(C.deleted_at.is_(None), C.stage == "customer", C.purchase_count > 0, *where)
            .group_by(C.id))

    def _risk_scored(self, now: datetime, recent_from: datetime, before_from: datetime, *where):
        """(id, score) of the customers meeting `where`, a materialized CTE."""
        facts = self._risk_facts(now, recent_from, before_from, *where)
        return risk_sql.scored(facts.cte("risk_facts").prefix_with("MATERIALIZED"),
                               self.session.get_bind().dialect.name)

    def risk_scores(self, now: datetime, recent_from: datetime, before_from: datetime,
                    ids=(None, None)) -> list[tuple[int, int]]:
        """(id, score) of every live customer who bought, of those with lo <= id < hi when `ids` =
        (lo, hi) says so (None: open)."""
        s = self._risk_scored(now, recent_from, before_from, *_id_range(ids))
        return [(cid, score) for cid, score in self.session.execute(select(s.c.id, s.c.score))]

    def risk_scores_of(self, now: datetime, recent_from: datetime, before_from: datetime,
                       ids: Sequence[int]) -> dict[int, int]:
        """The scores of those of the customers `ids` who are live customers who bought."""
        out: dict[int, int] = {}
        for chunk in in_chunks(ids):
            s = self._risk_scored(now, recent_from, before_from, C.id.in_(chunk))
            out.update(self.session.execute(select(s.c.id, s.c.score)).all())
        return out

    def risk_rows(self, now: datetime, recent_from: datetime, before_from: datetime, ids: Sequence[int]) -> dict:
        """The facts, name, tier and spend of the customers `ids` (the listed ones), by id."""
        return {r.id: r for chunk in in_chunks(ids) for r in self.session.execute(
            self._risk_facts(now, recent_from, before_from, C.id.in_(chunk), details=True))}

    @property
    def stored_risk(self) -> risk_store.StoredRisk:
        return risk_store.StoredRisk(self.session)

    def churned_rows(self, limit: int):
        """(id, name, tier, churn type, churned at, orders, spent, customer since) of live churned
        customers who bought, those who spent most first. Looked for first among the live
        contacts who spent most (CHURNED_LOOKAHEAD times `limit` of them, walked down the spend
        index): when that many are there, they are the first in the same order among all; else
        every churned customer is sorted (a tenth of a million at 1M contacts: 0.22 s, against
        0.01 s for the walk)."""
        stmt = select(C.id, C.name, C.tier, C.churn_type, C.churned_at, C.purchase_count, C.total_spent_cents,
                      func.coalesce(C.became_customer_at, C.created_at)).where(
            C.deleted_at.is_(None), C.stage == "churned", C.purchase_count > 0)
        order = (C.total_spent_cents.desc(), C.id)
        top = select(C.id).where(C.deleted_at.is_(None)).order_by(*order).limit(limit * CHURNED_LOOKAHEAD)
        rows = self.session.execute(stmt.where(C.id.in_(top.scalar_subquery())).order_by(*order).limit(limit)).all()
        if len(rows) == limit:
            return rows
        return self.session.execute(stmt.order_by(*order).limit(limit)).all()

    def value_rows(self) -> Iterator:
        """(id, name, tier, orders, spent, first, last) of every live customer who bought (re-tiering)."""
        stmt = select(C.id, C.name, C.tier, C.purchase_count.label("orders"), C.total_spent_cents.label("spent"),
                      func.coalesce(C.became_customer_at, C.created_at).label("first"),
                      C.last_purchase_at.label("last")).where(
            C.deleted_at.is_(None), C.stage == "customer", C.purchase_count > 0)
        yield from self.session.execute(stmt.execution_options(yield_per=STREAM_ROWS))
