"""What the user typed, as plain values: validated and cleaned by the rules in this package."""

from dataclasses import dataclass
from datetime import datetime

from crm_desktop.domain.enums import (
    FollowupKind,
    FollowupStatus,
    Gender,
    InteractionKind,
    LeadSource,
    LifecycleStage,
    TicketCategory,
    TicketPriority,
    Tier,
)


@dataclass(frozen=True, slots=True)
class ContactDraft:
    """What the user typed into the contact dialog (validated by the service)."""

    name: str
    phone: str = ""
    phone2: str = ""
    email: str = ""
    email2: str = ""
    company: str = ""
    title: str = ""
    address: str = ""
    city: str = ""
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    lunar_birth_month: int | None = None
    lunar_birth_day: int | None = None
    lunar_birth_leap: bool = False
    gender: Gender = Gender.UNKNOWN
    stage: LifecycleStage = LifecycleStage.LEAD
    tier: Tier = Tier.ORDINARY
    lead_source: LeadSource = LeadSource.OTHER
    channel: str = ""
    owner_id: int | None = None
    tags: str = ""
    needs: str = ""
    notes: str = ""
    marketing_consent: bool = False
    do_not_contact: bool = False
    is_organisation: bool = False


@dataclass(frozen=True, slots=True)
class InteractionDraft:
    contact_id: int
    kind: InteractionKind
    occurred_at: datetime
    summary: str
    outcome: str = ""


@dataclass(frozen=True, slots=True)
class FollowupDraft:
    contact_id: int
    kind: FollowupKind
    due_at: datetime
    title: str = ""
    duration_minutes: int = 30
    all_day: bool = False
    reminder_minutes: int | None = None
    rrule: str = ""
    notes: str = ""
    owner_id: int | None = None
    status: FollowupStatus = FollowupStatus.PLANNED


@dataclass(frozen=True, slots=True)
class TicketDraft:
    contact_id: int
    category: TicketCategory
    subject: str
    priority: TicketPriority = TicketPriority.NORMAL
    description: str = ""
    assignee_id: int | None = None
    complaint_reason: str = ""  # a ComplaintReason value; required for complaints
    purchase_id: int | None = None  # the sale the ticket is about (a repaired product, a delivery)


@dataclass(frozen=True, slots=True)
class RewardDraft:
    name: str
    points_cost: int
    stock: int | None = None
    description: str = ""
    active: bool = True
