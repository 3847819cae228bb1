"""After-sales ticket use cases: open, edit, move through the workflow, trash, restore."""

from crm_desktop.domain.drafts import TicketDraft
from crm_desktop.domain.enums import TicketStatus
from crm_desktop.domain.text import clean_multiline
from crm_desktop.domain.tickets import check_transition, validate_ticket
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ListQuery, TicketDTO, TicketEventDTO
from crm_desktop.services.events import ContactsChanged, TicketChanged
from crm_desktop.services.mapping import ticket_dto

_STAMPS = {
    TicketStatus.RESOLVED: "resolved_at",
    TicketStatus.CLOSED: "closed_at",
}


class TicketService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def count(self, query: ListQuery) -> int:
        with self._ctx.db.reading() as uow:
            return uow.tickets.count(query.text, query.trashed, dict(query.filters))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[TicketDTO]:
        with self._ctx.db.reading() as uow:
            rows = uow.tickets.page(query.text, query.trashed, dict(query.filters), query.sort or "opened",
                                    query.descending, offset, limit)
            return [ticket_dto(r) for r in rows]

    def get(self, ticket_id: int) -> TicketDTO:
        with self._ctx.db.reading() as uow:
            return ticket_dto(uow.tickets.one(ticket_id))

    def events(self, ticket_id: int) -> list[TicketEventDTO]:
        with self._ctx.db.reading() as uow:
            return [
                TicketEventDTO(r[0].occurred_at, r.user or "", r[0].from_status, r[0].to_status, r[0].comment)
                for r in uow.tickets.events(ticket_id)
            ]

    def create(self, draft: TicketDraft) -> TicketDTO:
        draft = validate_ticket(draft)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            uow.contacts.get(draft.contact_id)
            record = uow.tickets.add(**_values(draft), status=TicketStatus.NEW.value, opened_at=now,
                                     created_at=now, updated_at=now)
            uow.tickets.add_event(ticket_id=record.id, user_id=self._ctx.user_id, occurred_at=now,
                                  to_status=TicketStatus.NEW.value, comment=draft.description[:500],
                                  created_at=now, updated_at=now)
            dto = ticket_dto(uow.tickets.one(record.id))
        self._publish(dto)
        return dto

    def update(self, ticket_id: int, draft: TicketDraft) -> TicketDTO:
        draft = validate_ticket(draft)
        with self._ctx.db.writing() as uow:
            uow.contacts.get(draft.contact_id)
            record = uow.tickets.get(ticket_id)
            for key, value in _values(draft).items():
                setattr(record, key, value)
            record.updated_at = self._ctx.now()
            uow.flush()
            dto = ticket_dto(uow.tickets.one(ticket_id))
        self._publish(dto)
        return dto

    def change_status(self, ticket_id: int, target: TicketStatus, comment: str = "") -> TicketDTO:
        """Move a ticket along the workflow; refused with RuleError when the step is not allowed."""
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
            uow.flush()
            dto = ticket_dto(uow.tickets.one(ticket_id))
        self._publish(dto)
        return dto

    def trash(self, ids) -> list[int]:
        return self._set_deleted(ids, True)

    def restore(self, ids) -> list[int]:
        return self._set_deleted(ids, False)

    def _set_deleted(self, ids, trashing: bool) -> list[int]:
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
                priority=d.priority.value, description=d.description, assignee_id=d.assignee_id)
