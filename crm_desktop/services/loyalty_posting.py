"""The steps every loyalty write shares, inside one unit of work: append an entry to the ledger
(balance checked, never below zero), read the earning rules and levels, re-evaluate a level.

Callers open the write transaction (BEGIN IMMEDIATE) and lock the member first, so two app
instances never interleave a read of the balance with another's write.
"""

from datetime import datetime, timedelta

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.expiry import add_months
from crm_desktop.domain.loyalty_rules import DEFAULT_LEVELS, EarningRules, MemberLevel, level_for
from crm_desktop.domain.points import balance_after
from crm_desktop.services.dto import LedgerEntryDTO
from crm_desktop.services.loyalty_dto import LevelChange

WINDOW = timedelta(days=365)  # the rolling 12 months of the level thresholds
DEFAULT_LEVEL = DEFAULT_LEVELS[0].name


def load_rules(uow) -> EarningRules:
    return EarningRules.from_settings(uow.app_settings.all())


def load_levels(uow) -> tuple[MemberLevel, ...]:
    """The levels kept with the data, or the defaults while none are saved."""
    records = uow.levels.all()
    if not records:
        return DEFAULT_LEVELS
    return tuple(MemberLevel(r.name, r.rank, r.min_spend_cents, r.min_points, r.multiplier_pct, r.benefits)
                 for r in records)


def multiplier_of(levels, name: str) -> int:
    return next((lv.multiplier_pct for lv in levels if lv.name == name), 100)


def append_entry(uow, member, kind: LedgerKind, delta: int, reason: str, now: datetime, operator_id,
                 rules: EarningRules | None = None, **links) -> LedgerEntryDTO:
    """One entry after the member's last: refused (RuleError) if the balance would go below zero.
    Earned points get their expiry from the rules."""
    new_balance = balance_after(member.points_balance, delta)
    expires = None
    if kind == LedgerKind.EARN and rules is not None and rules.expiry_months:
        expires = add_months(now, rules.expiry_months)
    entry = uow.loyalty.append(
        contact_id=member.id, kind=kind.value, points=delta, balance_after=new_balance, reason=reason,
        operator_id=operator_id, occurred_at=now, expires_at=expires, created_at=now, updated_at=now, **links)
    member.points_balance = new_balance
    member.member_since = member.member_since or now.date()
    member.member_level = member.member_level or DEFAULT_LEVEL
    member.updated_at = now
    return LedgerEntryDTO(entry.id, now, kind, delta, new_balance, reason, uow.users.display_name(operator_id))


def reevaluate_level(uow, member, now: datetime, reason: str, operator_id=None, rules=None,
                     levels=None) -> LevelChange | None:
    """Move a member to the level its last 12 months earn; a history row for every change."""
    if member.member_since is None or member.deleted_at is not None:
        return None
    rules = rules or load_rules(uow)
    levels = levels or load_levels(uow)
    since = now - WINDOW
    spend = uow.purchases.spend_since(member.id, since)
    points = uow.loyalty.earned_since(member.id, since) if rules.level_basis == "points" else 0
    target = level_for(levels, spend, points, rules.level_basis).name
    if target == member.member_level:
        return None
    return record_level_change(uow, member, target, now, reason, operator_id, spend)


def record_level_change(uow, member, target: str, now, reason: str, operator_id, spend=None) -> LevelChange:
    change = LevelChange(member.id, member.member_level or "", target, now, reason, spend,
                         uow.users.display_name(operator_id))
    uow.levels.add_change(contact_id=member.id, from_level=change.from_level, to_level=target, changed_at=now,
                          reason=reason, basis_spend_cents=spend, operator_id=operator_id,
                          created_at=now, updated_at=now)
    member.member_level, member.updated_at = target, now
    return change
