"""Sales recorded against contacts, and the figures kept on the contact for speed."""

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.storage.records import ContactRecord, PurchaseRecord, UserRecord
from crm_desktop.storage.repositories.base import count_of, get_or_raise

P = PurchaseRecord


class PurchaseRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, **values) -> PurchaseRecord:
        record = P(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def get(self, purchase_id: int) -> PurchaseRecord:
        return get_or_raise(self.session, P, purchase_id, "purchase")

    def _of(self, contact_id: int, voided: bool):
        stmt = select(P.id).where(P.contact_id == contact_id)
        return stmt if voided else stmt.where(P.deleted_at.is_(None))

    def count_for(self, contact_id: int, voided: bool = True) -> int:
        return count_of(self.session, self._of(contact_id, voided))

    def page_for(self, contact_id: int, offset: int, limit: int):
        """Newest first, voided ones included (they show as voided), with the staff member's name."""
        stmt = (select(P, UserRecord.display_name.label("staff"))
                .outerjoin(UserRecord, UserRecord.id == P.staff_id)
                .where(P.contact_id == contact_id)
                .order_by(P.purchased_at.desc(), P.id.desc()).offset(offset).limit(limit))
        return self.session.execute(stmt).all()

    def spend_since(self, contact_id: int, since: datetime) -> int:
        """Live spend of a contact from `since` on (the rolling window of the levels)."""
        stmt = select(func.coalesce(func.sum(P.amount_cents), 0)).where(
            P.contact_id == contact_id, P.purchased_at >= since, P.deleted_at.is_(None))
        return self.session.execute(stmt).scalar_one()

    def recompute_totals(self, contact: ContactRecord) -> None:
        """Total spend, count and last purchase of a contact, from its live purchases."""
        stmt = select(func.coalesce(func.sum(P.amount_cents), 0), func.count(P.id), func.max(P.purchased_at))
        total, count, last = self.session.execute(
            stmt.where(P.contact_id == contact.id, P.deleted_at.is_(None))).one()
        contact.total_spent_cents, contact.purchase_count, contact.last_purchase_at = total, count, last
