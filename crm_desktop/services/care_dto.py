"""Frozen data of customer care: the due list, care occasions and greeting batches."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from crm_desktop.domain.enums import FollowupKind, Tier


@dataclass(frozen=True, slots=True)
class DueContactDTO:
    """A customer whose tier's contact interval has passed."""

    id: int
    name: str
    tier: Tier
    phone: str
    last_contact_at: datetime | None  # None: never contacted (counted from when they were added)
    days_over: int
    kind: FollowupKind  # what planning would create
    next_followup_at: datetime | None  # an already planned follow-up, if any


class CareOccasion(StrEnum):
    BIRTHDAY = "birthday"
    LUNAR_BIRTHDAY = "lunar_birthday"
    HOLIDAY = "holiday"


@dataclass(frozen=True, slots=True)
class CareContact:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class CareTaskDTO:
    """One occasion in the coming days and the contacts it concerns.

    For a holiday these are the key and potential customers, at most the service's audience
    limit of them; `total` says how many there are in all."""

    occasion: CareOccasion
    day: date
    key: str  # the holiday's key (domain.care), "" for birthdays
    label: str  # the holiday's name, or the contact's name for a birthday
    contacts: tuple[CareContact, ...]
    total: int


class ExclusionReason(StrEnum):
    DO_NOT_CONTACT = "do_not_contact"
    MINOR = "minor"  # under 14: sensitive personal information under PIPL
    NO_CONSENT = "no_consent"
    NO_PHONE = "no_phone"


@dataclass(frozen=True, slots=True)
class GreetingRow:
    contact_id: int
    name: str
    phone: str  # E.164
    message: str


@dataclass(frozen=True, slots=True)
class Excluded:
    contact_id: int
    name: str
    reason: ExclusionReason


@dataclass(frozen=True, slots=True)
class GreetingList:
    rows: tuple[GreetingRow, ...]
    excluded: tuple[Excluded, ...]

    def excluded_counts(self) -> dict[ExclusionReason, int]:
        """How many were left out for each reason (reasons with none are absent)."""
        return dict(Counter(e.reason for e in self.excluded))
