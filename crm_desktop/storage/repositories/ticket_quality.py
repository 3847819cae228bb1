"""The queries behind SLA clocks and satisfaction figures: ticket facts, status events, surveys.

Each read is one statement however many tickets it covers (the events of a page of tickets, the
banked clocks of every open ticket), so a list or a report never issues one query per ticket.
"""

from datetime import datetime

from sqlalchemy import case, func, or_, select

from crm_desktop.domain.surveys import DETRACTOR_NPS, PROMOTER_NPS
from crm_desktop.storage.records import SurveyRecord, TicketEventRecord, TicketRecord
from crm_desktop.storage.repositories.base import count_where, in_chunks
from crm_desktop.storage.repositories.sla_sql import AT_RISK, SlaSql

T, E, S = TicketRecord, TicketEventRecord, SurveyRecord
_FACTS = (T.id, T.priority, T.status, T.opened_at, T.first_response_at, T.resolved_at)
_EVENT = (E.ticket_id, E.occurred_at, E.to_status)


def _conditions(statuses=None, resolved_between: tuple[datetime | None, datetime | None] | None = None,
                unbanked: tuple[str, datetime] | None = None):
    """Live tickets, of these statuses, resolved in [start, end); `unbanked` (basis, now): only
    those whose banked clocks cannot stand for their clocks at `now` (see `_banked`)."""
    conditions = [T.deleted_at.is_(None)]
    if unbanked is not None:
        basis, now = unbanked
        conditions.append(or_(T.sla_basis.is_(None), T.sla_basis != basis, T.sla_last_change.is_(None),
                              T.sla_last_change > now, T.first_response_at > now))
    if statuses is not None:
        conditions.append(T.status.in_(list(statuses)))
    if resolved_between is not None:
        start, end = resolved_between
        conditions.append(T.resolved_at.is_not(None))
        if start is not None:
            conditions.append(T.resolved_at >= start)
        if end is not None:
            conditions.append(T.resolved_at < end)
    return conditions


def _holds(basis: str, now: datetime) -> list:
    """A bank kept under `basis` with nothing after `now` stands for the clocks at `now`."""
    return [T.sla_basis == basis, T.sla_last_change <= now, or_(T.first_response_at.is_(None), T.first_response_at <= now)]


class TicketQualityQueries:
    """Mixed into TicketRepository (which provides `session`)."""

    session: object

    def events_of(self, ticket_ids) -> list:
        """(ticket_id, occurred_at, to_status) of the given tickets, in time order per ticket."""
        rows = []
        for chunk in in_chunks(sorted(set(ticket_ids))):
            stmt = select(*_EVENT).where(E.ticket_id.in_(chunk))
            rows.extend(self.session.execute(stmt.order_by(E.ticket_id, E.occurred_at, E.id)).all())
        return rows

    def sla_facts(self, statuses=None, resolved_between=None, unbanked=None) -> list:
        """(id, priority, status, opened_at, first_response_at, resolved_at) of live tickets."""
        stmt = select(*_FACTS).where(*_conditions(statuses, resolved_between, unbanked)).order_by(T.id)
        return self.session.execute(stmt).all()

    def sla_events(self, statuses=None, resolved_between=None, unbanked=None) -> list:
        """The events of the tickets `sla_facts` returns for the same arguments, in one query."""
        stmt = (select(*_EVENT).join(T, T.id == E.ticket_id)
                .where(*_conditions(statuses, resolved_between, unbanked))
                .order_by(E.ticket_id, E.occurred_at, E.id))
        return self.session.execute(stmt).all()

    def sla_banked_open(self, basis: str, now: datetime, now_pos: int, policy, statuses) -> list:
        """(id, SEVERITY of at risk or breached) of the open tickets whose bank holds at `now`, classified
        in SQL by their headline clock (sla_sql.py); the complement of `unbanked`."""
        inner = self._banked_open_severity(basis, now, now_pos, policy, statuses)
        stmt = select(inner.c.id, inner.c.severity).where(inner.c.severity >= AT_RISK).order_by(inner.c.id)
        return self.session.connection().execute(stmt).all()  # plain rows: no ORM step for each

    def sla_banked_open_counts(self, basis: str, now: datetime, now_pos: int, policy, statuses) -> dict[int, int]:
        """SEVERITY -> how many of the open tickets `sla_banked_open` reads have that headline
        state, counted in SQL (a report needs the numbers, not a hundred thousand ids)."""
        inner = self._banked_open_severity(basis, now, now_pos, policy, statuses)
        stmt = select(inner.c.severity, func.count()).group_by(inner.c.severity)
        return {int(severity): n for severity, n in self.session.connection().execute(stmt)}

    def _banked_open_severity(self, basis: str, now: datetime, now_pos: int, policy, statuses):
        """(id, severity) of the open tickets whose bank holds at `now`, as a subquery."""
        severity = SlaSql(self.session.get_bind().dialect.name).headline_severity(now_pos, policy)
        return select(T.id, severity.label("severity")).where(*_conditions(statuses), *_holds(basis, now)).subquery()

    def sla_banked_resolved(self, basis: str, now: datetime, now_pos: int, policy, resolved_between) -> list:
        """(first-response minutes, resolution minutes, 1 if within target else 0) at `now_pos` of
        the tickets resolved in the period whose bank holds at `now` (sla_sql.py)."""
        readings = self._banked_resolved(basis, now, now_pos, policy, resolved_between)
        return self.session.connection().execute(select(readings)).all()

    def sla_banked_resolved_counts(self, basis: str, now: datetime, now_pos: int, policy, resolved_between) -> tuple[int, int]:
        """(tickets, tickets within target) of those `sla_banked_resolved` reads, counted in SQL."""
        readings = self._banked_resolved(basis, now, now_pos, policy, resolved_between)
        n, met = self.session.connection().execute(select(func.count(), func.sum(readings.c.met))).one()
        return n, int(met or 0)

    def sla_banked_resolved_sorted(self, basis: str, now: datetime, now_pos: int, policy, resolved_between,
                                   reading: str, offset: int, limit: int) -> list[int]:
        """The `reading` ("first" or "resolution" minutes) of those `sla_banked_resolved` reads, in
        order from the `offset`-th (0-based), at most `limit`: sorted in SQL, a few read."""
        readings = self._banked_resolved(basis, now, now_pos, policy, resolved_between)
        column = readings.c[reading]
        stmt = select(column).order_by(column).offset(offset).limit(limit)
        return list(self.session.connection().execute(stmt).scalars())

    def _banked_resolved(self, basis: str, now: datetime, now_pos: int, policy, resolved_between):
        first, resolution, met = SlaSql(self.session.get_bind().dialect.name).resolved_readings(now_pos, policy)
        return select(first.label("first"), resolution.label("resolution"), met.label("met")).where(
            *_conditions(None, resolved_between), *_holds(basis, now)).subquery()

    def bank_sla(self, calendar, ticket_ids) -> int:
        """Bank the clocks of these tickets (storage/ticket_clocks.py), after their last change."""
        from crm_desktop.storage import ticket_clocks

        self.session.flush()
        return ticket_clocks.refresh(self.session, calendar, ticket_ids)

    def add_survey(self, **values) -> SurveyRecord:
        record = S(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def survey_span(self) -> tuple[datetime | None, datetime | None]:
        """When the first and the last live survey were answered."""
        stmt = select(func.min(S.answered_at), func.max(S.answered_at)).where(S.deleted_at.is_(None))
        return tuple(self.session.execute(stmt).one())

    def survey_buckets(self, bounds) -> dict[int, tuple[int, int, int, int, int, int]]:
        """Per range i of bounds[i] .. bounds[i + 1] with answers: (answers, CSAT answers, Σ CSAT,
        NPS answers, promoters, detractors), counted in SQL in one pass over the period."""
        bucket = case(*((S.answered_at < b, i) for i, b in enumerate(bounds[1:])), else_=None).label("bucket")
        stmt = select(bucket, func.count(), func.count(S.csat), func.coalesce(func.sum(S.csat), 0), func.count(S.nps),
                      count_where(S.nps >= PROMOTER_NPS), count_where(S.nps <= DETRACTOR_NPS)).where(
            S.deleted_at.is_(None), S.answered_at >= bounds[0], S.answered_at < bounds[-1]).group_by(bucket)
        return {row[0]: tuple(int(v) for v in row[1:]) for row in self.session.execute(stmt) if row[0] is not None}
