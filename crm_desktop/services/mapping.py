"""Joined query rows -> DTOs, shared by the services that show follow-ups and tickets."""

from crm_desktop.domain.drafts import FollowupDraft, TicketDraft
from crm_desktop.domain.enums import (
    FollowupKind,
    FollowupStatus,
    TicketCategory,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.domain.sla import SlaClock
from crm_desktop.domain.tickets import ticket_number
from crm_desktop.services.dto import FollowupDTO, TicketDTO


def followup_dto(row) -> FollowupDTO:
    """`row` is (FollowupRecord, contact_name, owner)."""
    return followup_dto_of(row[0], row.contact_name, row.owner)


def followup_dto_of(r, contact_name: str, owner: str | None) -> FollowupDTO:
    """`r` holds a follow-up's columns as attributes: its record, or a plain row of them."""
    draft = FollowupDraft(
        contact_id=r.contact_id, kind=FollowupKind(r.kind), due_at=r.due_at, title=r.title,
        duration_minutes=r.duration_minutes, all_day=r.all_day, reminder_minutes=r.reminder_minutes,
        rrule=r.rrule, notes=r.notes, owner_id=r.owner_id, status=FollowupStatus(r.status),
    )
    return FollowupDTO(r.id, r.uuid, draft, contact_name, owner or "", r.outcome, r.completed_at, r.deleted_at)


def ticket_dto(row, sla: SlaClock | None = None) -> TicketDTO:
    """`row` is (TicketRecord, contact_name, assignee); `sla` its clocks when computed."""
    r = row[0]
    draft = TicketDraft(
        contact_id=r.contact_id, category=TicketCategory(r.category), subject=r.subject,
        priority=TicketPriority(r.priority), description=r.description, assignee_id=r.assignee_id,
        complaint_reason=r.complaint_reason, purchase_id=r.purchase_id,
    )
    return TicketDTO(
        id=r.id, uuid=r.uuid, number=ticket_number(r.id), draft=draft, status=TicketStatus(r.status),
        contact_name=row.contact_name, assignee=row.assignee or "", opened_at=r.opened_at,
        first_response_at=r.first_response_at, resolved_at=r.resolved_at, closed_at=r.closed_at,
        deleted_at=r.deleted_at, sla=sla,
    )
