"""Rules for planned follow-ups and logged interactions."""

from dataclasses import replace

from dateutil.rrule import rrulestr

from crm_desktop.domain.drafts import FollowupDraft, InteractionDraft
from crm_desktop.domain.enums import FollowupKind, FollowupStatus, InteractionKind
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import clean_line, clean_multiline

MAX_DURATION = 24 * 60 * 14


def validate_followup(draft: FollowupDraft) -> FollowupDraft:
    errors = {}
    if not draft.contact_id:
        errors["contact"] = "Choose the customer."
    if draft.due_at.tzinfo is None:
        errors["due_at"] = "The time has no time zone."
    if not 0 < draft.duration_minutes <= MAX_DURATION:
        errors["duration"] = "The duration must be between 1 minute and 14 days."
    if draft.reminder_minutes is not None and draft.reminder_minutes < 0:
        errors["reminder"] = "The reminder cannot come after the follow-up."
    rule = draft.rrule.strip()
    if rule and not _valid_rrule(rule, draft):
        errors["rrule"] = "The repetition rule is not valid."
    if errors:
        raise ValidationError(errors)
    return replace(
        draft,
        kind=FollowupKind(draft.kind),
        status=FollowupStatus(draft.status),
        title=clean_line(draft.title)[:200],
        notes=clean_multiline(draft.notes),
        rrule=rule,
    )


def _valid_rrule(rule: str, draft: FollowupDraft) -> bool:
    try:
        rrulestr(rule, dtstart=draft.due_at)
    except (ValueError, TypeError):
        return False
    return True


def validate_interaction(draft: InteractionDraft) -> InteractionDraft:
    summary = clean_multiline(draft.summary)
    if not summary:
        raise ValidationError.single("summary", "Write what happened.")
    if draft.occurred_at.tzinfo is None:
        raise ValidationError.single("occurred_at", "The time has no time zone.")
    return replace(draft, kind=InteractionKind(draft.kind), summary=summary, outcome=clean_multiline(draft.outcome))
