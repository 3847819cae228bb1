"""What the purchases, levels, expiry and statement use cases hand to the screens (frozen)."""

from dataclasses import dataclass
from datetime import date, datetime

from crm_desktop.domain.enums import PaymentMethod
from crm_desktop.services.dto import LedgerEntryDTO


@dataclass(frozen=True, slots=True)
class SaleDraft:
    contact_id: int
    amount_cents: int
    purchased_at: datetime | None = None  # None: now
    description: str = ""
    items: str = ""
    payment_method: PaymentMethod = PaymentMethod.CASH
    staff_id: int | None = None  # None: whoever is signed in


@dataclass(frozen=True, slots=True)
class PurchaseDTO:
    id: int
    contact_id: int
    purchased_at: datetime
    description: str
    items: str
    amount_cents: int
    payment_method: PaymentMethod
    staff: str
    voided_at: datetime | None


@dataclass(frozen=True, slots=True)
class LevelChange:
    contact_id: int
    from_level: str
    to_level: str
    changed_at: datetime
    reason: str
    basis_spend_cents: int | None = None
    operator: str = ""


@dataclass(frozen=True, slots=True)
class SaleResult:
    purchase: PurchaseDTO
    entries: tuple[LedgerEntryDTO, ...]  # the buyer's points (sale, birthday bonus)
    referral_points: int  # given to whoever referred the buyer
    level_change: LevelChange | None


@dataclass(frozen=True, slots=True)
class VoidResult:
    purchase_id: int
    reversed_points: int
    unrecoverable_points: int  # already spent, so the balance could not give them back
    level_change: LevelChange | None


@dataclass(frozen=True, slots=True)
class DailyResult:
    members_expired: int
    points_expired: int
    level_changes: int
    checked_until: datetime


@dataclass(frozen=True, slots=True)
class StatementDTO:
    contact_id: int
    name: str
    phone: str
    level: str
    member_since: date | None
    start: datetime
    end: datetime
    opening_balance: int
    closing_balance: int
    entries: tuple[LedgerEntryDTO, ...]  # oldest first
    spent_cents: int
    expiring_soon: int
    expiring_by: datetime
