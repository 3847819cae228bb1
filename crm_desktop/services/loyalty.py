"""Loyalty use cases: members, the append-only points ledger, the rewards catalogue."""

from datetime import timedelta

from crm_desktop.domain.drafts import RewardDraft
from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.errors import RuleError
from crm_desktop.domain.expiry import PointsMove, expiring_between
from crm_desktop.domain.permissions import Permission
from crm_desktop.domain.phones import display_phone
from crm_desktop.domain.points import (
    signed_points,
    validate_entry_reason,
    validate_reward,
)
from crm_desktop.domain.text import clean_line
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import LedgerEntryDTO, ListQuery, MemberRow, RewardDTO
from crm_desktop.services.events import ContactsChanged, PointsChanged
from crm_desktop.services.loyalty_posting import (
    DEFAULT_LEVEL,
    append_entry,
    load_rules,
    record_level_change,
)
from crm_desktop.services.visibility import list_filters, require_visible, shown_phones

SOON = timedelta(days=30)  # "expiring soon" in the members list and on statements
# Who may post an entry of each kind by hand: earning and redeeming at the counter is the sales
# staff's; a manual adjustment (or a reversal) changes a balance without a sale behind it.
POSTED_BY = {LedgerKind.EARN: Permission.MANAGE_LOYALTY, LedgerKind.REDEEM: Permission.MANAGE_LOYALTY}


class LoyaltyService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    # --- members ------------------------------------------------------------------------------
    def count_members(self, query: ListQuery) -> int:
        with self._ctx.db.reading() as uow:
            return uow.loyalty.count_members(query.text, list_filters(self._ctx, query.filters))

    def member_page(self, query: ListQuery, offset: int, limit: int) -> list[MemberRow]:
        with self._ctx.db.reading() as uow:
            rows = uow.loyalty.member_page(query.text, list_filters(self._ctx, query.filters), query.sort or "name",
                                           query.descending, offset, limit)
            soon = self._expiring_soon(uow, [r.id for r in rows if r.points_balance > 0])
            return shown_phones(self._ctx, [
                MemberRow(r.id, r.name, display_phone(r.phone_e164, r.phone_raw), r.member_level, r.points_balance,
                          r.total_spent_cents, r.last_purchase_at, soon.get(r.id, 0)) for r in rows])

    def expiring_soon(self, contact_id: int) -> int:
        """Points of this member that expire within 30 days unless spent first."""
        with self._ctx.db.reading() as uow:
            return self._expiring_soon(uow, [contact_id]).get(contact_id, 0)

    def _expiring_soon(self, uow, ids: list[int]) -> dict[int, int]:
        moves: dict[int, list[PointsMove]] = {}
        for row in uow.loyalty.moves(ids) if ids else ():
            moves.setdefault(row.contact_id, []).append(PointsMove(row.id, row.points, row.reverses_id, row.expires_at))
        now = self._ctx.now()
        return {cid: expiring_between(m, now, now + SOON) for cid, m in moves.items()}

    def enroll(self, contact_id: int, level: str = DEFAULT_LEVEL) -> None:
        """Make a contact a member (or change the level of one who is)."""
        self._ctx.require(Permission.MANAGE_LOYALTY)
        with self._ctx.db.writing() as uow:
            require_visible(self._ctx, uow, contact_id)
            record = uow.contacts.get(contact_id)
            level = clean_line(level)[:32] or DEFAULT_LEVEL
            if level != record.member_level:
                record_level_change(uow, record, level, self._ctx.now(), "手动设置", self._ctx.user_id)
            record.member_since = record.member_since or self._ctx.now().date()
            record.updated_at = self._ctx.now()
        self._publish(contact_id)

    # --- ledger -------------------------------------------------------------------------------
    def balance(self, contact_id: int) -> int:
        with self._ctx.db.reading() as uow:
            return uow.contacts.get(contact_id).points_balance

    def count_entries(self, contact_id: int) -> int:
        with self._ctx.db.reading() as uow:
            return uow.loyalty.count_entries(contact_id)

    def entries(self, contact_id: int, offset: int, limit: int) -> list[LedgerEntryDTO]:
        with self._ctx.db.reading() as uow:
            return [
                LedgerEntryDTO(r[0].id, r[0].occurred_at, LedgerKind(r[0].kind), r[0].points,
                               r[0].balance_after, r[0].reason, r.operator or "")
                for r in uow.loyalty.entries(contact_id, offset, limit)
            ]

    def post(self, contact_id: int, kind: LedgerKind, points: int, reason: str = "",
             reward_id: int | None = None, reverses_id: int | None = None) -> LedgerEntryDTO:
        """Append one entry. Runs in a write (BEGIN IMMEDIATE) transaction, so two app instances
        redeeming at once are serialised and the balance never goes below zero."""
        kind = LedgerKind(kind)
        self._ctx.require(POSTED_BY.get(kind, Permission.ADJUST_POINTS) if reverses_id is None
                          else Permission.ADJUST_POINTS)
        delta = signed_points(kind, points)
        reason = validate_entry_reason(kind, reason)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            require_visible(self._ctx, uow, contact_id)
            member = uow.loyalty.lock_member(contact_id)
            if reward_id is not None:
                _take_reward(uow, reward_id)
            if reverses_id is not None:
                _check_reversal(uow, contact_id, reverses_id)
            entry = append_entry(uow, member, kind, delta, reason, now, self._ctx.user_id, load_rules(uow),
                                 reward_id=reward_id, reverses_id=reverses_id)
        self._publish(contact_id)
        return entry

    # --- rewards ------------------------------------------------------------------------------
    def count_rewards(self, query: ListQuery) -> int:
        with self._ctx.db.reading() as uow:
            return uow.loyalty.count_rewards(query.text, query.trashed)

    def reward_page(self, query: ListQuery, offset: int, limit: int) -> list[RewardDTO]:
        with self._ctx.db.reading() as uow:
            records = uow.loyalty.reward_page(query.text, query.trashed, query.sort or "name",
                                              query.descending, offset, limit)
            return [_reward_dto(r) for r in records]

    def get_reward(self, reward_id: int) -> RewardDTO:
        with self._ctx.db.reading() as uow:
            return _reward_dto(uow.loyalty.reward(reward_id))

    def create_reward(self, draft: RewardDraft) -> RewardDTO:
        self._ctx.require(Permission.MANAGE_REWARDS)
        draft = validate_reward(draft)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            record = uow.loyalty.add_reward(**_reward_values(draft), created_at=now, updated_at=now)
            dto = _reward_dto(record)
        self._ctx.bus.publish(PointsChanged(0))
        return dto

    def update_reward(self, reward_id: int, draft: RewardDraft) -> RewardDTO:
        self._ctx.require(Permission.MANAGE_REWARDS)
        draft = validate_reward(draft)
        with self._ctx.db.writing() as uow:
            record = uow.loyalty.reward(reward_id)
            for key, value in _reward_values(draft).items():
                setattr(record, key, value)
            record.updated_at = self._ctx.now()
            dto = _reward_dto(record)
        self._ctx.bus.publish(PointsChanged(0))
        return dto

    def trash_rewards(self, ids) -> list[int]:
        return self._set_rewards_deleted(ids, True)

    def restore_rewards(self, ids) -> list[int]:
        return self._set_rewards_deleted(ids, False)

    def _set_rewards_deleted(self, ids, trashing: bool) -> list[int]:
        self._ctx.require(Permission.MANAGE_REWARDS)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            changed = uow.loyalty.set_rewards_deleted(ids, now if trashing else None, now)
        self._ctx.bus.publish(PointsChanged(0))
        return changed

    def _publish(self, contact_id: int) -> None:
        self._ctx.bus.publish(PointsChanged(contact_id))
        self._ctx.bus.publish(ContactsChanged(frozenset({contact_id})))


def _take_reward(uow, reward_id: int) -> None:
    reward = uow.loyalty.reward(reward_id)
    if reward.deleted_at is not None or not reward.active:
        raise RuleError("This reward is no longer offered.")
    if reward.stock is not None:
        if reward.stock <= 0:
            raise RuleError("This reward is out of stock.")
        reward.stock -= 1


def _check_reversal(uow, contact_id: int, entry_id: int) -> None:
    entry = uow.loyalty.entry(entry_id)
    if entry.contact_id != contact_id:
        raise RuleError("This points entry belongs to another member.")
    if uow.loyalty.reversed_ids([entry_id]):
        raise RuleError("This points entry is already reversed.")


def _reward_values(d: RewardDraft) -> dict:
    return dict(name=d.name, points_cost=d.points_cost, stock=d.stock, description=d.description,
                active=d.active)


def _reward_dto(r) -> RewardDTO:
    return RewardDTO(r.id, RewardDraft(r.name, r.points_cost, r.stock, r.description, r.active), r.deleted_at)
