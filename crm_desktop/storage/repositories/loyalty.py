"""Members, the append-only points ledger and the rewards catalogue."""

from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crm_desktop.domain.permissions import VISIBLE_TO
from crm_desktop.storage.records import (
    ContactRecord,
    PointsEntryRecord,
    PurchaseRecord,
    RewardRecord,
    UserRecord,
)
from crm_desktop.storage.repositories.base import (
    count_of,
    get_or_raise,
    live_or_trash,
    set_deleted,
    sorted_by,
)
from crm_desktop.storage.repositories.people import visible_to

C = ContactRecord
P = PointsEntryRecord

MEMBER_SORTS = {
    "name": C.name_pinyin,
    "level": C.member_level,
    "balance": C.points_balance,
    "total_spent": C.total_spent_cents,
    "last_activity": C.last_purchase_at,
}
REWARD_SORTS = {"name": RewardRecord.name, "cost": RewardRecord.points_cost, "stock": RewardRecord.stock}


class LoyaltyRepository:
    def __init__(self, session: Session):
        self.session = session

    # --- members: contacts that joined the programme (member_since set) -----------------
    def _member_stmt(self, text: str, filters: dict, counting: bool = False):
        stmt = select(
            C.id, C.name, C.phone_raw, C.phone_e164, C.member_level, C.points_balance, C.total_spent_cents,
            C.last_purchase_at,
        ).where(C.member_since.is_not(None))
        # A page walks the live-contacts name index; a count reads the members index instead,
        # which coalesce() makes SQLite choose (else it reads every contact).
        live = func.coalesce(C.deleted_at, None).is_(None) if counting else C.deleted_at.is_(None)
        stmt = stmt.where(live)
        if filters.get("level"):
            stmt = stmt.where(C.member_level == filters["level"])
        stmt = visible_to(stmt, filters.get(VISIBLE_TO))
        if text:
            like = f"%{text.strip()}%"
            stmt = stmt.where(or_(C.name.like(like), C.name_pinyin.like(like.lower()), C.phone_raw.like(like)))
        return stmt

    def count_members(self, text, filters) -> int:
        return count_of(self.session, self._member_stmt(text, filters, counting=True))

    def member_page(self, text, filters, sort, descending, offset, limit):
        stmt = sorted_by(self._member_stmt(text, filters), MEMBER_SORTS, sort, descending, C)
        return self.session.execute(stmt.offset(offset).limit(limit)).all()

    def lock_member(self, contact_id: int) -> ContactRecord:
        """The member row, read inside the write transaction that will change its balance."""
        return get_or_raise(self.session, C, contact_id, "member")

    # --- ledger ------------------------------------------------------------------------------
    def count_entries(self, contact_id: int) -> int:
        return count_of(self.session, select(P.id).where(P.contact_id == contact_id))

    def entries(self, contact_id: int, offset: int, limit: int):
        stmt = (
            select(P, UserRecord.display_name.label("operator"))
            .outerjoin(UserRecord, UserRecord.id == P.operator_id)
            .where(P.contact_id == contact_id)
            .order_by(P.id.desc())
            .offset(offset)
            .limit(limit)
        )
        return self.session.execute(stmt).all()

    def entries_between(self, contact_id: int, start, end, limit: int = 2000):
        """Entries of [start, end), oldest first (a statement), with the operator's name."""
        stmt = (select(P, UserRecord.display_name.label("operator"))
                .outerjoin(UserRecord, UserRecord.id == P.operator_id)
                .where(P.contact_id == contact_id, P.occurred_at >= start, P.occurred_at < end)
                .order_by(P.id).limit(limit))
        return self.session.execute(stmt).all()

    def balance_before(self, contact_id: int, start) -> int:
        stmt = (select(P.balance_after).where(P.contact_id == contact_id, P.occurred_at < start)
                .order_by(P.id.desc()).limit(1))
        return self.session.execute(stmt).scalar() or 0

    def entry(self, entry_id: int) -> PointsEntryRecord:
        return get_or_raise(self.session, P, entry_id, "points entry")

    def last_balance(self, contact_id: int) -> int:
        stmt = select(P.balance_after).where(P.contact_id == contact_id).order_by(P.id.desc()).limit(1)
        return self.session.execute(stmt).scalar() or 0

    def append(self, **values) -> PointsEntryRecord:
        record = P(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def ledger_sum(self, contact_id: int) -> int:
        stmt = select(func.coalesce(func.sum(P.points), 0)).where(P.contact_id == contact_id)
        return self.session.execute(stmt).scalar_one()

    # --- expiry and levels ------------------------------------------------------------------------
    def moves(self, contact_ids) -> list:
        """(contact_id, id, points, reverses_id, expires_at) of the members' entries, in ledger order."""
        stmt = (select(P.contact_id, P.id, P.points, P.reverses_id, P.expires_at)
                .where(P.contact_id.in_(list(contact_ids))).order_by(P.contact_id, P.id))
        return self.session.execute(stmt).all()

    def contacts_with_lots_due(self, after: datetime | None, until: datetime) -> list[int]:
        """Contacts with earned points whose expiry falls in (after, until]: read from the expiry
        index alone (only earned entries carry an expiry)."""
        stmt = select(P.contact_id).where(P.expires_at <= until).distinct()
        if after is not None:
            stmt = stmt.where(P.expires_at > after)
        return list(self.session.scalars(stmt))

    def earned_since(self, contact_id: int, since: datetime) -> int:
        stmt = select(func.coalesce(func.sum(P.points), 0)).where(
            P.contact_id == contact_id, P.kind == "earn", P.occurred_at >= since)
        return self.session.execute(stmt).scalar_one()

    def purchase_entries(self, purchase_id: int) -> list[PointsEntryRecord]:
        """The points a sale earned (its own and a referrer's bonus), to reverse them when it is voided."""
        stmt = select(P).where(P.purchase_id == purchase_id, P.points > 0).order_by(P.id)
        return list(self.session.scalars(stmt))

    def reversed_ids(self, entry_ids) -> set[int]:
        stmt = select(P.reverses_id).where(P.reverses_id.in_(list(entry_ids)))
        return set(self.session.scalars(stmt))

    def buyers_between(self, start: datetime, end: datetime) -> list[int]:
        """Contacts with a purchase in [start, end): whose rolling 12 months lost it since the last run."""
        stmt = select(PurchaseRecord.contact_id).where(
            PurchaseRecord.purchased_at >= start, PurchaseRecord.purchased_at < end).distinct()
        return list(self.session.scalars(stmt))

    # --- rewards -------------------------------------------------------------------------------
    def _reward_stmt(self, text: str, trashed: bool):
        stmt = live_or_trash(select(RewardRecord), RewardRecord, trashed)
        if text:
            stmt = stmt.where(RewardRecord.name.like(f"%{text.strip()}%"))
        return stmt

    def count_rewards(self, text, trashed) -> int:
        return count_of(self.session, self._reward_stmt(text, trashed))

    def reward_page(self, text, trashed, sort, descending, offset, limit):
        stmt = sorted_by(self._reward_stmt(text, trashed), REWARD_SORTS, sort, descending, RewardRecord)
        return list(self.session.scalars(stmt.offset(offset).limit(limit)))

    def reward(self, reward_id: int) -> RewardRecord:
        return get_or_raise(self.session, RewardRecord, reward_id, "reward")

    def add_reward(self, **values) -> RewardRecord:
        record = RewardRecord(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def set_rewards_deleted(self, ids, deleted_at, now) -> list[int]:
        return set_deleted(self.session, RewardRecord, ids, deleted_at, now)
