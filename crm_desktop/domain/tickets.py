"""The after-sales ticket workflow: which status may follow which."""

from crm_desktop.domain.drafts import TicketDraft
from crm_desktop.domain.enums import ComplaintReason, TicketCategory, TicketPriority
from crm_desktop.domain.enums import TicketStatus as S
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.domain.text import clean_line, clean_multiline

TRANSITIONS: dict[S, frozenset[S]] = {
    S.NEW: frozenset({S.IN_PROGRESS, S.WAITING, S.RESOLVED, S.CLOSED}),
    S.IN_PROGRESS: frozenset({S.WAITING, S.RESOLVED}),
    S.WAITING: frozenset({S.IN_PROGRESS, S.RESOLVED}),
    S.RESOLVED: frozenset({S.CLOSED, S.IN_PROGRESS}),  # back to work = reopen
    S.CLOSED: frozenset({S.IN_PROGRESS}),  # reopen
}
OPEN_STATUSES = frozenset({S.NEW, S.IN_PROGRESS, S.WAITING})


def allowed_next(status: S) -> frozenset[S]:
    return TRANSITIONS[status]


def check_transition(current: S, target: S) -> None:
    if target not in TRANSITIONS[current]:
        raise RuleError("A ticket cannot go from {current} to {target}.", current=current.value, target=target.value)


def is_reopen(current: S, target: S) -> bool:
    return current in (S.RESOLVED, S.CLOSED) and target == S.IN_PROGRESS


def ticket_number(ticket_id: int) -> str:
    return f"T{ticket_id:06d}"


def validate_ticket(draft: TicketDraft) -> TicketDraft:
    subject = clean_line(draft.subject)
    if not subject:
        raise ValidationError.single("subject", "A subject is required.")
    if not draft.contact_id:
        raise ValidationError.single("contact", "Choose the customer.")
    category = TicketCategory(draft.category)
    return TicketDraft(
        contact_id=draft.contact_id,
        category=category,
        subject=subject[:200],
        priority=TicketPriority(draft.priority),
        description=clean_multiline(draft.description),
        assignee_id=draft.assignee_id,
        complaint_reason=_complaint_reason(category, draft.complaint_reason),
        purchase_id=draft.purchase_id or None,
    )


def _complaint_reason(category: TicketCategory, reason: str) -> str:
    """A complaint needs its reason code (what the complaint analysis counts); others carry none."""
    if category != TicketCategory.COMPLAINT:
        return ""
    if reason not in set(ComplaintReason):
        raise ValidationError.single("complaint_reason", "Choose the reason for the complaint.")
    return ComplaintReason(reason).value
