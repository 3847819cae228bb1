"""Sales at the counter: one transaction records the sale, updates the buyer's figures, earns the
points the rules give (level multiplier, birthday month, referral bonus) and re-evaluates the level.
Voiding a sale never edits its entries: it appends reversals."""

from datetime import datetime

from crm_desktop.domain.enums import LedgerKind, PaymentMethod
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.domain.loyalty_rules import sale_points
from crm_desktop.domain.permissions import Permission
from crm_desktop.domain.text import clean_line, clean_multiline
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import ContactsChanged, PointsChanged
from crm_desktop.services.loyalty_dto import PurchaseDTO, SaleDraft, SaleResult, VoidResult
from crm_desktop.services.loyalty_posting import (
    append_entry,
    load_levels,
    load_rules,
    multiplier_of,
    reevaluate_level,
)
from crm_desktop.services.visibility import require_visible

MAX_CENTS = 10**15  # as parse_money allows


class PurchaseService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def count(self, contact_id: int) -> int:
        with self._ctx.db.reading() as uow:
            return uow.purchases.count_for(contact_id)

    def page(self, contact_id: int, offset: int, limit: int) -> list[PurchaseDTO]:
        with self._ctx.db.reading() as uow:
            return [_dto(row[0], row.staff or "") for row in uow.purchases.page_for(contact_id, offset, limit)]

    def record_sale(self, draft: SaleDraft) -> SaleResult:
        self._ctx.require(Permission.MANAGE_LOYALTY)
        draft = _validated(draft, self._ctx.now())
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            require_visible(self._ctx, uow, draft.contact_id)
            buyer = uow.loyalty.lock_member(draft.contact_id)
            if buyer.deleted_at is not None:
                raise RuleError("This customer is in the trash; restore them first.")
            rules, levels = load_rules(uow), load_levels(uow)
            first = uow.purchases.count_for(buyer.id, voided=False) == 0
            staff = draft.staff_id if draft.staff_id is not None else self._ctx.user_id
            record = uow.purchases.add(
                contact_id=buyer.id, staff_id=staff, purchased_at=draft.purchased_at, description=draft.description,
                items=draft.items, amount_cents=draft.amount_cents, payment_method=draft.payment_method.value,
                created_at=now, updated_at=now)
            uow.purchases.recompute_totals(buyer)
            buyer.member_since = buyer.member_since or now.date()
            entries = self._earn(uow, buyer, record, rules, levels, now)
            referral = self._referral(uow, buyer, record, rules, now) if first else 0
            change = reevaluate_level(uow, buyer, now, f"消费 #{record.id}", self._ctx.user_id, rules, levels)
            purchase = _dto(record, uow.users.display_name(staff))
        self._publish({buyer.id} | ({buyer.referred_by_id} if referral else set()))
        return SaleResult(purchase, entries, referral, change)

    def _earn(self, uow, buyer, record, rules, levels, now) -> tuple:
        birthday = buyer.birth_month is not None and buyer.birth_month == record.purchased_at.astimezone().month
        points, bonus = sale_points(rules, record.amount_cents, multiplier_of(levels, buyer.member_level), birthday)
        entries = []
        for n, reason in ((points, f"消费积分 #{record.id}"), (bonus, "生日月奖励")):
            if n > 0:
                entries.append(append_entry(uow, buyer, LedgerKind.EARN, n, reason, now, self._ctx.user_id, rules,
                                            purchase_id=record.id))
        return tuple(entries)

    def _referral(self, uow, buyer, record, rules, now) -> int:
        """The referrer's bonus on a referred customer's first purchase."""
        if not buyer.referred_by_id or buyer.referred_by_id == buyer.id or rules.referral_bonus <= 0:
            return 0
        referrer = uow.loyalty.lock_member(buyer.referred_by_id)
        if referrer.deleted_at is not None:
            return 0
        append_entry(uow, referrer, LedgerKind.EARN, rules.referral_bonus, f"推荐奖励：{buyer.name}"[:300], now,
                     self._ctx.user_id, rules, purchase_id=record.id)
        return rules.referral_bonus

    def void(self, purchase_id: int, reason: str = "") -> VoidResult:
        """Void a sale: out of the buyer's figures, its points taken back by reversal entries (as
        far as the balance still holds them), the level re-evaluated."""
        now = self._ctx.now()
        self._ctx.require(Permission.MANAGE_LOYALTY)
        note = clean_line(reason)[:200]
        with self._ctx.db.writing() as uow:
            record = uow.purchases.get(purchase_id)
            require_visible(self._ctx, uow, record.contact_id)
            if record.deleted_at is not None:
                raise RuleError("This sale is already voided.")
            record.deleted_at = record.updated_at = now
            buyer = uow.loyalty.lock_member(record.contact_id)
            uow.purchases.recompute_totals(buyer)
            taken, short, touched = self._reverse_points(uow, record, note, now)
            change = reevaluate_level(uow, buyer, now, f"撤销消费 #{record.id}", self._ctx.user_id)
        self._publish(touched | {buyer.id})
        return VoidResult(purchase_id, taken, short, change)

    def _reverse_points(self, uow, record, note: str, now) -> tuple[int, int, set[int]]:
        earned = uow.loyalty.purchase_entries(record.id)
        done = uow.loyalty.reversed_ids([e.id for e in earned])
        taken = short = 0
        touched = set()
        for entry in earned:
            if entry.id in done:
                continue
            member = uow.loyalty.lock_member(entry.contact_id)
            amount = min(entry.points, member.points_balance)
            short += entry.points - amount
            if amount:
                text = f"撤销消费 #{record.id}" + (f"：{note}" if note else "")
                append_entry(uow, member, LedgerKind.REVERSE, -amount, text[:300], now, self._ctx.user_id,
                             purchase_id=record.id, reverses_id=entry.id)
                taken += amount
                touched.add(member.id)
        return taken, short, touched

    def _publish(self, ids: set[int]) -> None:
        for contact_id in ids:
            self._ctx.bus.publish(PointsChanged(contact_id))
        self._ctx.bus.publish(ContactsChanged(frozenset(ids)))


def _validated(d: SaleDraft, now: datetime) -> SaleDraft:
    errors = {}
    if not 0 < d.amount_cents < MAX_CENTS:
        errors["amount"] = "Enter an amount above zero."
    when = d.purchased_at or now
    if when.tzinfo is None:
        errors["purchased_at"] = "The time of the sale needs a time zone."
    elif when > now:
        errors["purchased_at"] = "A sale cannot be in the future."
    try:
        method = PaymentMethod(d.payment_method)
    except ValueError:
        errors["payment_method"] = "Choose how the customer paid."
        method = PaymentMethod.CASH
    description, items = clean_line(d.description)[:500], clean_multiline(d.items)
    if not description and not items:
        errors["description"] = "Say what was sold."
    if errors:
        raise ValidationError(errors)
    return SaleDraft(d.contact_id, d.amount_cents, when, description, items, method, d.staff_id)


def _dto(r, staff: str) -> PurchaseDTO:
    return PurchaseDTO(r.id, r.contact_id, r.purchased_at, r.description, r.items, r.amount_cents,
                       PaymentMethod(r.payment_method), staff, r.deleted_at)
