"""Finding contacts that may be the same person, and moving one contact's records to another.

Every look-up for a typed contact is an index lookup (phone_e164, email, name_pinyin, and on SQLite
the search index for the second phone, which has no index of its own), so the add-contact dialog
stays fast on a million contacts. Whole-database groups read the phone and e-mail indexes alone
(GROUP BY over the index, the trash test afterwards on the few keys found).
"""

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crm_desktop.storage.records import (
    CompanyRecord,
    ContactRecord,
    FollowupRecord,
    InteractionRecord,
    PointsEntryRecord,
    PurchaseRecord,
    SurveyRecord,
    TicketRecord,
)
from crm_desktop.storage.repositories.base import get_or_raise
from crm_desktop.storage.search import search_condition

C = ContactRecord
# Tables whose rows belong to one contact through `contact_id` (the points ledger is not one: it is
# append-only, balances move by new entries).
RELATED = {
    "interactions": InteractionRecord,
    "followups": FollowupRecord,
    "tickets": TicketRecord,
    "surveys": SurveyRecord,
    "purchases": PurchaseRecord,
}
CANDIDATES_PER_KEY = 50


class DuplicateRepository:
    def __init__(self, session: Session):
        self.session = session

    # --- candidates for one typed contact --------------------------------------------------------
    def candidate_ids(self, phones: list[str], emails: list[str], pinyins: list[str], name: str) -> set[int]:
        """Live contacts sharing a phone, an e-mail or the pinyin of the name (ids only)."""
        found: set[int] = set()
        if phones:
            found |= self._ids(C.phone_e164.in_(phones))
            found |= self._second_phone_ids(phones)
        if emails:
            found |= self._ids(C.email.in_(emails))
        if pinyins:
            found |= self._ids(C.name_pinyin.in_(pinyins), same_name_first=name)
        return found

    def _ids(self, condition, same_name_first: str = "") -> set[int]:
        stmt = select(C.id).where(condition, C.deleted_at.is_(None))
        if same_name_first:
            stmt = stmt.order_by((C.name == same_name_first).desc(), C.id)
        return set(self.session.scalars(stmt.limit(CANDIDATES_PER_KEY)))

    def _second_phone_ids(self, phones: list[str]) -> set[int]:
        """phone2_e164 has no index: on SQLite the search index (which holds every phone's digits)
        finds them; elsewhere only the main phone is looked up."""
        if self.session.get_bind().dialect.name != "sqlite":
            return set()
        found: set[int] = set()
        for phone in phones:
            condition = search_condition(phone.lstrip("+"), "sqlite")
            found |= self._ids(condition & (C.phone2_e164 == phone))
        return found

    def rows(self, ids: Iterable[int]):
        """What comparing and listing needs, for live contacts with these ids, by id."""
        ids = list(ids)
        if not ids:
            return []
        stmt = (
            select(C.id, C.name, C.phone_raw, C.phone_e164, C.phone2_e164, C.email, C.email2,
                   CompanyRecord.name.label("company"), C.owner_id, C.is_shared)
            .outerjoin(CompanyRecord, CompanyRecord.id == C.company_id)
            .where(C.id.in_(ids), C.deleted_at.is_(None))
            .order_by(C.id)
        )
        return self.session.execute(stmt).all()

    # --- groups across the database --------------------------------------------------------------
    def shared_values(self, key: str, limit: int) -> list[str]:
        """Phones (key 'phone') or e-mails ('email') held by more than one contact, read from the
        column's index alone; some may turn out to have only one live holder."""
        column = C.phone_e164 if key == "phone" else C.email
        stmt = (select(column).where(column.is_not(None), column != "").group_by(column)
                .having(func.count() > 1).limit(limit))
        return list(self.session.scalars(stmt))

    def holders(self, key: str, values: list[str], per_value: int) -> dict[str, list[int]]:
        """Live contact ids holding each value (at most `per_value` each)."""
        column = C.phone_e164 if key == "phone" else C.email
        stmt = select(column, C.id).where(column.in_(values), C.deleted_at.is_(None)).order_by(column, C.id)
        result: dict[str, list[int]] = {}
        for value, contact_id in self.session.execute(stmt):
            ids = result.setdefault(value, [])
            if len(ids) < per_value:
                ids.append(contact_id)
        return result

    def same_name_and_company(self, limit: int) -> list[list[int]]:
        """Live contacts with the same name pinyin at the same company (one full scan, grouped)."""
        key = (C.name_pinyin, C.company_id)
        shared = (select(*key).where(C.deleted_at.is_(None), C.company_id.is_not(None), C.name_pinyin != "")
                  .group_by(*key).having(func.count() > 1).limit(limit)).subquery()
        stmt = (select(C.name_pinyin, C.company_id, C.id)
                .join(shared, (shared.c.name_pinyin == C.name_pinyin) & (shared.c.company_id == C.company_id))
                .where(C.deleted_at.is_(None)).order_by(C.name_pinyin, C.company_id, C.id))
        groups: dict[tuple, list[int]] = {}
        for pinyin, company_id, contact_id in self.session.execute(stmt):
            groups.setdefault((pinyin, company_id), []).append(contact_id)
        return list(groups.values())

    # --- merging -----------------------------------------------------------------------------------
    def move_related(self, table: str, from_ids: list[int], to_id: int, now: datetime) -> list[tuple[int, int]]:
        """Give `to_id` every row of `table` that belongs to `from_ids`; returns (row id, old owner)."""
        model = RELATED[table]
        moved = self.session.execute(select(model.id, model.contact_id).where(model.contact_id.in_(from_ids))).all()
        if moved:
            ids = [row_id for row_id, _ in moved]
            self.session.execute(update(model).where(model.id.in_(ids)).values(contact_id=to_id, updated_at=now))
        return [(row_id, old) for row_id, old in moved]

    def move_referrals(self, from_ids: list[int], to_id: int, now: datetime) -> list[tuple[int, int]]:
        """Contacts referred by one of `from_ids` are now referred by `to_id` (never by itself)."""
        stmt = select(C.id, C.referred_by_id).where(C.referred_by_id.in_(from_ids), C.id != to_id)
        moved = self.session.execute(stmt).all()
        if moved:
            self.session.execute(update(C).where(C.id.in_([i for i, _ in moved]))
                                 .values(referred_by_id=to_id, updated_at=now))
        return [(row_id, old) for row_id, old in moved]

    def recompute_totals(self, contact_id: int) -> None:
        """Spending and last-contact figures of a contact, from its own live rows."""
        p, i = PurchaseRecord, InteractionRecord
        spent = select(func.coalesce(func.sum(p.amount_cents), 0), func.count(p.id), func.max(p.purchased_at))
        total, count, last_purchase = self.session.execute(
            spent.where(p.contact_id == contact_id, p.deleted_at.is_(None))).one()
        last_interaction = self.session.execute(
            select(func.max(i.occurred_at)).where(i.contact_id == contact_id, i.deleted_at.is_(None))).scalar()
        record = self.session.get(C, contact_id)
        record.total_spent_cents, record.purchase_count = total, count
        record.last_purchase_at, record.last_interaction_at = last_purchase, last_interaction

    def ledger_entry(self, entry_id: int) -> PointsEntryRecord:
        """One points entry, to append its reversal (entries are never changed or deleted)."""
        return get_or_raise(self.session, PointsEntryRecord, entry_id, "points entry")
