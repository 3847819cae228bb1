"""Loyalty points: the ledger arithmetic that must never lie."""

from crm_desktop.domain.drafts import RewardDraft
from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.domain.text import clean_line, clean_multiline

_SIGN = {
    LedgerKind.EARN: 1,
    LedgerKind.REDEEM: -1,
    LedgerKind.EXPIRE: -1,
}


def signed_points(kind: LedgerKind, points: int) -> int:
    """Earn is positive, redeem and expire negative; adjust and reverse carry their own sign."""
    if kind in _SIGN:
        if points <= 0:
            raise ValidationError.single("points", "Enter a number of points above zero.")
        return _SIGN[kind] * points
    if points == 0:
        raise ValidationError.single("points", "An adjustment of zero points changes nothing.")
    return points


def balance_after(balance: int, delta: int) -> int:
    new = balance + delta
    if new < 0:
        raise RuleError("Not enough points: the balance is {balance}, {needed} needed.", balance=balance, needed=-delta)
    return new


def validate_entry_reason(kind: LedgerKind, reason: str) -> str:
    text = clean_line(reason)
    if kind == LedgerKind.ADJUST and not text:
        raise ValidationError.single("reason", "An adjustment needs a reason.")
    return text[:300]


def validate_reward(draft: RewardDraft) -> RewardDraft:
    errors = {}
    name = clean_line(draft.name)
    if not name:
        errors["name"] = "A name is required."
    if draft.points_cost <= 0:
        errors["points_cost"] = "The cost must be at least 1 point."
    if draft.stock is not None and draft.stock < 0:
        errors["stock"] = "Stock cannot be negative."
    if errors:
        raise ValidationError(errors)
    return RewardDraft(name, draft.points_cost, draft.stock, clean_multiline(draft.description), draft.active)
