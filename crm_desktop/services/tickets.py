"""After-sales ticket use cases: open, edit, move through the workflow, trash, restore; SLA
clocks on every listed ticket, the service-quality report, satisfaction surveys and callbacks."""

from datetime import datetime

from crm_desktop.domain.drafts import TicketDraft
from crm_desktop.domain.enums import FollowupKind, TicketStatus
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.domain.permissions import Permission
from crm_desktop.domain.sla import DONE, SlaState
from crm_desktop.domain.surveys import SurveyAnswer, validate_survey
from crm_desktop.domain.text import clean_multiline
from crm_desktop.domain.tickets import check_transition, validate_ticket
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import (
    BoardColumn,
    ListQuery,
    SlaSummary,
    SurveyDTO,
    TicketDTO,
    TicketEventDTO,
)
from crm_desktop.services.events import ContactsChanged, FollowupsChanged, TicketChanged
from crm_desktop.services.mapping import ticket_dto
from crm_desktop.services.sla import UNHAPPY_TITLE, SlaEngine, callback_title
from crm_desktop.services.visibility import list_filters

BOARD_COLUMN_LIMIT = 100  # cards per board column; the column title gives the full count

_STAMPS = {
    TicketStatus.RESOLVED: "resolved_at",
    TicketStatus.CLOSED: "closed_at",
}


class TicketService:
    def __init__(self, ctx: ServiceContext, sla: SlaEngine | None = None):
        self._ctx = ctx
        self.sla = sla or SlaEngine()

    def count(self, query: ListQuery) -> int:
        with self._ctx.db.reading() as uow:
            return uow.tickets.count(query.text, query.trashed, self._filters(uow, query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[TicketDTO]:
        """A page of the list, each row with its SLA clocks (one events query for the page)."""
        with self._ctx.db.reading() as uow:
            rows = uow.tickets.page(query.text, query.trashed, self._filters(uow, query),
                                    query.sort or "opened", query.descending, offset, limit)
            return self._with_clocks(uow, rows)

    def board(self, query: ListQuery, per_column: int = BOARD_COLUMN_LIMIT) -> list[BoardColumn]:
        """One column per status, in workflow order: how many tickets it holds under the query's
        filters, and the newest `per_column` of them with their clocks (all in one read)."""
        columns = []
        with self._ctx.db.reading() as uow:
            for status in TicketStatus:
                filters = {**self._filters(uow, query), "statuses": (status.value,)}
                total = uow.tickets.count(query.text, False, filters)
                rows = uow.tickets.page(query.text, False, filters, "opened", True, 0, per_column) if total else []
                columns.append(BoardColumn(status, total, tuple(self._with_clocks(uow, rows))))
        return columns

    def get(self, ticket_id: int) -> TicketDTO:
        with self._ctx.db.reading() as uow:
            return self._with_clocks(uow, [uow.tickets.one(ticket_id)])[0]

    def _with_clocks(self, uow, rows) -> list[TicketDTO]:
        clocks = self.sla.clocks_for_records(uow, [r[0] for r in rows], self._ctx.now())
        return [ticket_dto(r, clocks.get(r[0].id)) for r in rows]

    def _filters(self, uow, query: ListQuery) -> dict:
        """The query's filters for the repository; "sla" (at_risk / breached: open tickets whose
        headline clock is in that state) becomes the list of those tickets' ids."""
        filters = list_filters(self._ctx, query.filters)
        state = filters.pop("sla", None)
        if state:
            filters["ids"] = self._ids_in_state(uow, state)
        return filters

    def sla_ticket_ids(self, state: SlaState) -> tuple[int, ...]:
        """The open tickets whose headline clock is at risk or breached right now. Reads and
        computes every open ticket's clocks: the list runs this in a worker and then filters by
        the ids it returns ("ids"), so the GUI never waits for it. The "sla" filter does the same
        inside each count and page, for callers that do not mind the wait (scripts, tests)."""
        with self._ctx.db.reading() as uow:
            return self._ids_in_state(uow, state)

    def _ids_in_state(self, uow, state) -> tuple[int, ...]:
        at_risk, breached = self.sla.open_states(uow, self._ctx.now())
        return at_risk if SlaState(state) == SlaState.AT_RISK else breached

    def sla_summary(self, period_start: datetime | None = None, period_end: datetime | None = None) -> SlaSummary:
        """Compliance and medians of the tickets resolved in [start, end), the open tickets at risk
        or breached now, and CSAT / NPS of the surveys answered in the period (None: unbounded)."""
        with self._ctx.db.reading() as uow:
            return self.sla.summary(uow, self._ctx.now(), period_start, period_end)

    def events(self, ticket_id: int) -> list[TicketEventDTO]:
        with self._ctx.db.reading() as uow:
            return [
                TicketEventDTO(r[0].occurred_at, r.user or "", r[0].from_status, r[0].to_status, r[0].comment)
                for r in uow.tickets.events(ticket_id)
            ]

    def create(self, draft: TicketDraft) -> TicketDTO:
        self._ctx.require(Permission.MANAGE_TICKETS)
        draft = validate_ticket(draft)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            _check_parties(uow, draft)
            record = uow.tickets.add(**_values(draft), status=TicketStatus.NEW.value, opened_at=now,
                                     created_at=now, updated_at=now)
            uow.tickets.add_event(ticket_id=record.id, user_id=self._ctx.user_id, occurred_at=now,
                                  to_status=TicketStatus.NEW.value, comment=draft.description[:500],
                                  created_at=now, updated_at=now)
            self.sla.bank(uow, [record.id])
            dto = self._with_clocks(uow, [uow.tickets.one(record.id)])[0]
        self._publish(dto)
        return dto

    def update(self, ticket_id: int, draft: TicketDraft) -> TicketDTO:
        self._ctx.require(Permission.MANAGE_TICKETS)
        draft = validate_ticket(draft)
        with self._ctx.db.writing() as uow:
            _check_parties(uow, draft)
            record = uow.tickets.get(ticket_id)
            for key, value in _values(draft).items():
                setattr(record, key, value)
            record.updated_at = self._ctx.now()
            self.sla.bank(uow, [ticket_id])
            dto = self._with_clocks(uow, [uow.tickets.one(ticket_id)])[0]
        self._publish(dto)
        return dto

    def change_status(self, ticket_id: int, target: TicketStatus, comment: str = "") -> TicketDTO:
        """Move a ticket along the workflow; refused with RuleError when the step is not allowed."""
        self._ctx.require(Permission.MANAGE_TICKETS)
        target = TicketStatus(target)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            record = uow.tickets.get(ticket_id)
            current = TicketStatus(record.status)
            check_transition(current, target)
            _stamp(record, current, target, now)
            uow.tickets.add_event(ticket_id=ticket_id, user_id=self._ctx.user_id, occurred_at=now,
                                  from_status=current.value, to_status=target.value,
                                  comment=clean_multiline(comment), created_at=now, updated_at=now)
            callback = self._plan_resolve_callback(uow, record, now) if target == TicketStatus.RESOLVED else None
            self.sla.bank(uow, [ticket_id])
            dto = self._with_clocks(uow, [uow.tickets.one(ticket_id)])[0]
        self._publish(dto)
        if callback is not None:
            self._ctx.bus.publish(FollowupsChanged(frozenset({callback})))
        return dto

    def _plan_resolve_callback(self, uow, record, now) -> int:
        """A resolved ticket gets a callback: did the fix hold, is the customer satisfied?"""
        owner = record.assignee_id or uow.contacts.get(record.contact_id).owner_id or self._ctx.user_id
        return self.sla.plan_callback(uow, contact_id=record.contact_id, owner_id=owner, ticket_id=record.id,
                                      title=callback_title(record.id), kind=FollowupKind.CALLBACK, now=now).id

    def record_survey(self, ticket_id: int, csat: int | None, nps: int | None, channel, comment: str = "") -> SurveyDTO:
        """Store a satisfaction answer for a resolved or closed ticket. A low score (CSAT ≤ 2 or
        NPS ≤ 6) plans a call for the contact's owner and flags the contact as at risk."""
        self._ctx.require(Permission.MANAGE_TICKETS)
        answer = validate_survey(SurveyAnswer(csat, nps, channel, comment))
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            ticket = uow.tickets.get(ticket_id)
            if TicketStatus(ticket.status) not in DONE:
                raise RuleError("A survey follows a resolved or closed ticket.")
            record = uow.tickets.add_survey(
                contact_id=ticket.contact_id, ticket_id=ticket.id, channel=answer.channel.value, csat=answer.csat,
                nps=answer.nps, comment=answer.comment, answered_at=now, created_at=now, updated_at=now)
            followup = self._flag_unhappy(uow, ticket, now) if answer.unhappy else None
            dto = SurveyDTO(record.id, ticket.id, ticket.contact_id, answer.csat, answer.nps,
                            answer.channel.value, answer.comment, now)
        self._ctx.bus.publish(ContactsChanged(frozenset({dto.contact_id})))
        if followup is not None:
            self._ctx.bus.publish(FollowupsChanged(frozenset({followup})))
        return dto

    def _flag_unhappy(self, uow, ticket, now) -> int:
        contact = uow.contacts.get(ticket.contact_id)
        contact.at_risk, contact.updated_at = True, now
        owner = contact.owner_id or ticket.assignee_id or self._ctx.user_id
        return self.sla.plan_callback(uow, contact_id=contact.id, owner_id=owner, ticket_id=ticket.id,
                                      title=UNHAPPY_TITLE, kind=FollowupKind.CALL, now=now).id

    def trash(self, ids) -> list[int]:
        return self._set_deleted(ids, True)

    def restore(self, ids) -> list[int]:
        return self._set_deleted(ids, False)

    def _set_deleted(self, ids, trashing: bool) -> list[int]:
        self._ctx.require(Permission.MANAGE_TICKETS)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            changed = uow.tickets.set_deleted(ids, now if trashing else None, now)
        for ticket_id in changed:
            self._ctx.bus.publish(TicketChanged(ticket_id))
        return changed

    def _publish(self, dto: TicketDTO) -> None:
        self._ctx.bus.publish(TicketChanged(dto.id))
        self._ctx.bus.publish(ContactsChanged(frozenset({dto.draft.contact_id})))


def _stamp(record, current: TicketStatus, target: TicketStatus, now) -> None:
    record.status = target.value
    record.updated_at = now
    if record.first_response_at is None and target != TicketStatus.NEW:
        record.first_response_at = now
    if target in _STAMPS:
        setattr(record, _STAMPS[target], now)
    if target == TicketStatus.IN_PROGRESS and current in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
        record.resolved_at = record.closed_at = None


def _values(d: TicketDraft) -> dict:
    return dict(contact_id=d.contact_id, category=d.category.value, subject=d.subject,
                priority=d.priority.value, description=d.description, assignee_id=d.assignee_id,
                complaint_reason=d.complaint_reason, purchase_id=d.purchase_id)


def _check_parties(uow, draft: TicketDraft) -> None:
    """The customer exists, and a linked sale is one of theirs."""
    uow.contacts.get(draft.contact_id)
    if draft.purchase_id is not None and uow.purchases.get(draft.purchase_id).contact_id != draft.contact_id:
        raise ValidationError.single("purchase", "The linked purchase belongs to another customer.")
