"""Privacy rules (PIPL / GDPR): what a consent is for and how it was given, and how long an
inactive customer's identity is kept."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from crm_desktop.domain.errors import ValidationError

# What a consent covers. "marketing" is mirrored on the contact's marketing-consent flag.
PURPOSES = ("marketing", "sms", "wechat", "email", "phone_calls", "data_processing", "third_party", "photos")
MARKETING = "marketing"
# How it was recorded.
METHODS = ("in_person", "paper_form", "phone", "online_form", "wechat", "email", "other")
RETENTION_KEY = "privacy.retention_years"  # data setting: inactive customers are anonymised after N years
MAX_NOTE = 300


@dataclass(frozen=True)
class ConsentDraft:
    contact_id: int
    purpose: str
    granted: bool
    method: str
    recorded_at: datetime
    note: str = ""


def validate_consent(draft: ConsentDraft) -> ConsentDraft:
    errors = {}
    if draft.purpose not in PURPOSES:
        errors["purpose"] = "Choose what the consent is for."
    if draft.method not in METHODS:
        errors["method"] = "Choose how the consent was given."
    if len(draft.note) > MAX_NOTE:
        errors["note"] = "Keep the note under 300 characters."
    if errors:
        raise ValidationError(errors)
    return ConsentDraft(draft.contact_id, draft.purpose, draft.granted, draft.method, draft.recorded_at,
                        draft.note.strip())


def retention_cutoff(now: datetime, years: int) -> datetime:
    """Inactive since before this instant = inactive for `years` years (a year of 365.25 days)."""
    if years <= 0:
        raise ValidationError.single("years", "The retention period is a whole number of years, at least 1.")
    return now - timedelta(days=365.25 * years)


def retention_years(value) -> int | None:
    """The stored setting as a number of years; None when unset or unreadable (nothing expires)."""
    try:
        years = int(value)
    except (TypeError, ValueError):
        return None
    return years if years > 0 else None


# --- erasure: what of a person goes, and what stays -------------------------------------------
ERASED_NAME = "***"  # no letters: an erased person is found by no search
# The contact's identity columns and the values they get (sales totals, points, stage and tier stay).
ERASED_IDENTITY = dict(
    name=ERASED_NAME, name_pinyin="", name_initials="", phone_raw="", phone_e164=None, phone_invalid=False,
    phone2_raw="", phone2_e164=None, email="", email_invalid=False, email2="", company_id=None, title="",
    address="", city="", birth_year=None, birth_month=None, birth_day=None, lunar_birth_month=None,
    lunar_birth_day=None, lunar_birth_leap=False, gender="unknown", channel="", tags="", needs="", notes="",
    marketing_consent=False, do_not_contact=True, churn_reason="", search_text="",
)
# Free text about the person in their other records, by table.
ERASED_TEXT = {
    "interactions": {"summary": "", "outcome": ""},
    "followups": {"title": "", "notes": "", "outcome": ""},
    "tickets": {"subject": ERASED_NAME, "description": ""},
    "ticket_events": {"comment": ""},
    "surveys": {"comment": ""},
    "consents": {"note": ""},
}
# Audit values kept in entries about an erased person: what was done, never who it was done to.
KEEP_IN_AUDIT = frozenset({
    "stage", "tier", "status", "kind", "points", "balance_after", "amount_cents", "total_spent_cents",
    "purchase_count", "points_balance", "deleted_at", "priority", "category", "granted", "purpose", "method",
    "csat", "nps", "from_status", "to_status", "payment_method", "member_level", "lead_source", "columns",
    "due_at", "occurred_at", "purchased_at", "opened_at", "resolved_at", "closed_at", "first_response_at",
    "answered_at", "recorded_at", "expires_at", "contact_id", "ticket_id", "purchase_id", "reward_id",
    "operator_id", "user_id", "owner_id", "assignee_id", "staff_id", "erased"})
