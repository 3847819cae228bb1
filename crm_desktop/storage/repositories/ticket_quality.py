"""The queries behind SLA clocks and satisfaction figures: ticket facts, status events, surveys.

Each read is one statement however many tickets it covers (the events of a page of tickets, or of
every open ticket), so a list or a report never issues one query per ticket.
"""

from datetime import datetime

from sqlalchemy import select

from crm_desktop.storage.records import SurveyRecord, TicketEventRecord, TicketRecord

T, E, S = TicketRecord, TicketEventRecord, SurveyRecord
_FACTS = (T.id, T.priority, T.status, T.opened_at, T.first_response_at, T.resolved_at)
_EVENT = (E.ticket_id, E.occurred_at, E.to_status)
_CHUNK = 900  # ids per IN list: far below any database's limit on bound parameters


def _conditions(statuses=None, resolved_between: tuple[datetime | None, datetime | None] | None = None):
    conditions = [T.deleted_at.is_(None)]
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


class TicketQualityQueries:
    """Mixed into TicketRepository (which provides `session`)."""

    session: object

    def events_of(self, ticket_ids) -> list:
        """(ticket_id, occurred_at, to_status) of the given tickets, in time order per ticket."""
        ids, rows = sorted(set(ticket_ids)), []
        for start in range(0, len(ids), _CHUNK):
            stmt = select(*_EVENT).where(E.ticket_id.in_(ids[start:start + _CHUNK]))
            rows.extend(self.session.execute(stmt.order_by(E.ticket_id, E.occurred_at, E.id)).all())
        return rows

    def sla_facts(self, statuses=None, resolved_between=None) -> list:
        """(id, priority, status, opened_at, first_response_at, resolved_at) of live tickets."""
        stmt = select(*_FACTS).where(*_conditions(statuses, resolved_between)).order_by(T.id)
        return self.session.execute(stmt).all()

    def sla_events(self, statuses=None, resolved_between=None) -> list:
        """The events of the tickets `sla_facts` returns for the same arguments, in one query."""
        stmt = (select(*_EVENT).join(T, T.id == E.ticket_id)
                .where(*_conditions(statuses, resolved_between))
                .order_by(E.ticket_id, E.occurred_at, E.id))
        return self.session.execute(stmt).all()

    def add_survey(self, **values) -> SurveyRecord:
        record = S(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def survey_scores(self, start: datetime | None = None, end: datetime | None = None) -> list:
        """(answered_at, csat, nps) of live surveys answered in [start, end)."""
        stmt = select(S.answered_at, S.csat, S.nps).where(S.deleted_at.is_(None))
        if start is not None:
            stmt = stmt.where(S.answered_at >= start)
        if end is not None:
            stmt = stmt.where(S.answered_at < end)
        return self.session.execute(stmt.order_by(S.answered_at)).all()
