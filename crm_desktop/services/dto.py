"""Frozen data passed between services and the UI. No ORM object ever leaves a service.

Drafts (what the user typed) live in `domain.drafts` and are re-exported here.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from crm_desktop.domain.drafts import (
    ContactDraft,
    FollowupDraft,
    InteractionDraft,
    RewardDraft,
    TicketDraft,
)
from crm_desktop.domain.enums import (
    FollowupStatus,
    InteractionKind,
    LedgerKind,
    LifecycleStage,
    TicketStatus,
    Tier,
)
from crm_desktop.domain.sla import SlaClock


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What a list shows: search text, filters, SQL sort, live rows or the trash."""

    text: str = ""
    sort: str = ""
    descending: bool = False
    trashed: bool = False
    filters: tuple[tuple[str, object], ...] = ()

    def filter(self, key: str, default=None):
        return dict(self.filters).get(key, default)


@dataclass(frozen=True, slots=True)
class UserDTO:
    id: int
    username: str
    display_name: str
    role: str


# --- contacts -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactDTO:
    id: int
    uuid: str
    draft: ContactDraft
    phone_e164: str | None
    phone_invalid: bool
    email_invalid: bool
    points_balance: int
    total_spent_cents: int
    member_level: str
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None

    @property
    def name(self) -> str:
        return self.draft.name


@dataclass(frozen=True, slots=True)
class ContactRow:
    id: int
    name: str
    phone: str
    phone_invalid: bool
    email: str
    company: str
    stage: LifecycleStage
    tier: Tier
    owner: str
    last_interaction_at: datetime | None
    total_spent_cents: int
    points_balance: int


@dataclass(frozen=True, slots=True)
class InteractionDTO:
    id: int
    contact_id: int
    kind: InteractionKind
    occurred_at: datetime
    summary: str
    outcome: str
    user: str


@dataclass(frozen=True, slots=True)
class DuplicateContact:
    """One contact as the duplicate lists show it."""

    id: int
    name: str
    phone: str
    email: str
    company: str


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    contact: DuplicateContact
    score: int  # 0-100, see domain.duplicates
    reasons: tuple[str, ...]  # "phone", "email", "name", "pinyin", "company"


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    contacts: tuple[DuplicateContact, ...]
    score: int  # every contact is at least this alike to another one of the group
    reasons: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeResult:
    change_set_id: int
    survivor_id: int
    merged_ids: tuple[int, ...]
    moved: dict[str, int]  # table -> rows given to the survivor
    points_moved: int


@dataclass(frozen=True, slots=True)
class ChangeSetDTO:
    id: int
    kind: str
    label: str
    created_at: datetime
    undone_at: datetime | None


# --- follow-ups -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowupDTO:
    id: int
    uuid: str
    draft: FollowupDraft
    contact_name: str
    owner: str
    outcome: str
    completed_at: datetime | None
    deleted_at: datetime | None
    # an occurrence of a repeating follow-up shown on the calendar: draft.due_at is the
    # occurrence, series_start the series' own first due time (None: not an occurrence)
    series_start: datetime | None = None

    @property
    def due_at(self) -> datetime:
        return self.draft.due_at

    @property
    def repeats(self) -> bool:
        return bool(self.draft.rrule)

    @property
    def status(self) -> FollowupStatus:
        return self.draft.status


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One calendar day: how many follow-ups, and the first few of them by time."""

    day: date
    count: int
    first: tuple[FollowupDTO, ...]
    overdue: int = 0


# --- tickets --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TicketDTO:
    id: int
    uuid: str
    number: str
    draft: TicketDraft
    status: TicketStatus
    contact_name: str
    assignee: str
    opened_at: datetime
    first_response_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    deleted_at: datetime | None
    sla: SlaClock | None = None  # filled for the rows a list shows and for a single ticket


@dataclass(frozen=True, slots=True)
class BoardColumn:
    """One status column of the ticket board: how many tickets it holds and the newest of them."""

    status: TicketStatus
    total: int
    tickets: tuple[TicketDTO, ...]


@dataclass(frozen=True, slots=True)
class TicketEventDTO:
    occurred_at: datetime
    user: str
    from_status: str
    to_status: str
    comment: str


@dataclass(frozen=True, slots=True)
class SurveyDTO:
    id: int
    ticket_id: int | None
    contact_id: int
    csat: int | None
    nps: int | None
    channel: str
    comment: str
    answered_at: datetime


@dataclass(frozen=True, slots=True)
class MonthScores:
    month: str  # "2026-03", local time of the working calendar
    answers: int
    csat_avg: float | None
    nps: float | None  # percent, -100..100


@dataclass(frozen=True, slots=True)
class SlaSummary:
    """Service quality over a period: of the tickets resolved in it, and of those open now."""

    resolved: int
    resolved_within_target: int
    compliance_pct: float | None
    median_first_response_hours: float | None
    median_resolution_hours: float | None
    open_by_status: dict[str, int]
    at_risk_open: int  # open tickets whose headline clock is at risk now
    breached_open: int  # and breached (their ids: TicketService.sla_ticket_ids)
    csat_avg: float | None
    by_month: tuple[MonthScores, ...]
    computed_at: datetime
    nps: float | None = None  # of the surveys answered in the period, percent


# --- loyalty --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberRow:
    contact_id: int
    name: str
    phone: str
    level: str
    balance: int
    total_spent_cents: int
    last_activity_at: datetime | None
    expiring_soon: int = 0  # points that expire within 30 days unless spent first


@dataclass(frozen=True, slots=True)
class LedgerEntryDTO:
    id: int
    occurred_at: datetime
    kind: LedgerKind
    points: int
    balance_after: int
    reason: str
    operator: str


@dataclass(frozen=True, slots=True)
class RewardDTO:
    id: int
    draft: RewardDraft
    deleted_at: datetime | None


# --- contact detail and dashboard ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ContactDetail:
    contact: ContactDTO
    company: str
    owner: str
    timeline: tuple[InteractionDTO, ...]
    upcoming: tuple[FollowupDTO, ...]
    open_tickets: tuple[TicketDTO, ...]


@dataclass(frozen=True, slots=True)
class DashboardSummary:
    by_stage: dict[str, int]
    by_tier: dict[str, int]
    followups_today: tuple[FollowupDTO, ...]
    followups_overdue: int
    overdue: tuple[FollowupDTO, ...]
    open_tickets_by_status: dict[str, int]
    contacts_total: int
    computed_at: datetime
    birthdays_this_week: tuple[tuple[str, date], ...] = field(default_factory=tuple)


__all__ = [
    "ChangeSetDTO",
    "ContactDraft",
    "ContactDTO",
    "ContactDetail",
    "ContactRow",
    "DashboardSummary",
    "DuplicateContact",
    "DuplicateGroup",
    "DuplicateMatch",
    "FollowupDraft",
    "FollowupDTO",
    "InteractionDraft",
    "InteractionDTO",
    "LedgerEntryDTO",
    "BoardColumn",
    "ListQuery",
    "MemberRow",
    "MergeResult",
    "RewardDraft",
    "RewardDTO",
    "TicketDraft",
    "TicketDTO",
    "TicketEventDTO",
    "UserDTO",
]
