"""After-sales tickets and their event log."""

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, aliased

from crm_desktop.domain.permissions import VISIBLE_TO
from crm_desktop.storage.records import ContactRecord, TicketEventRecord, TicketRecord, UserRecord
from crm_desktop.storage.repositories.base import (
    count_of,
    get_or_raise,
    live_or_trash,
    set_deleted,
    sorted_by,
)
from crm_desktop.storage.repositories.people import visible_contact_ids
from crm_desktop.storage.repositories.ticket_quality import TicketQualityQueries

T = TicketRecord
_assignee = aliased(UserRecord)

TICKET_SORTS = {
    "number": T.id,
    "opened": T.opened_at,
    "contact": ContactRecord.name_pinyin,
    "subject": T.subject,
    "category": T.category,
    "priority": case({"urgent": 0, "high": 1, "normal": 2, "low": 3}, value=T.priority, else_=4),
    "status": T.status,
    "assignee": _assignee.display_name,
}


class TicketRepository(TicketQualityQueries):
    def __init__(self, session: Session):
        self.session = session

    def _stmt(self):
        return (
            select(T, ContactRecord.name.label("contact_name"), _assignee.display_name.label("assignee"))
            .join(ContactRecord, ContactRecord.id == T.contact_id)
            .outerjoin(_assignee, _assignee.id == T.assignee_id)
        )

    def _list_stmt(self, text: str, trashed: bool, filters: dict):
        stmt = self._filtered(self._stmt(), trashed, filters)
        if text:
            like = f"%{text.strip()}%"
            stmt = stmt.where(or_(T.subject.like(like), ContactRecord.name.like(like), T.description.like(like)))
        return stmt

    @staticmethod
    def _filtered(stmt, trashed: bool, filters: dict):
        """Conditions on tickets alone."""
        stmt = live_or_trash(stmt, T, trashed)
        for key in ("category", "priority", "assignee_id", "contact_id"):
            if filters.get(key):
                stmt = stmt.where(getattr(T, key) == filters[key])
        if filters.get("statuses"):
            stmt = stmt.where(T.status.in_(list(filters["statuses"])))
        if filters.get("ids") is not None:  # e.g. the tickets an SLA filter picked
            stmt = stmt.where(T.id.in_(list(filters["ids"])))
        if filters.get(VISIBLE_TO) is not None:  # a role that sees its own and shared customers
            user_id = filters[VISIBLE_TO]
            stmt = stmt.where(or_(T.assignee_id == user_id, T.contact_id.in_(visible_contact_ids(user_id))))
        return stmt

    def count(self, text, trashed, filters) -> int:
        if text:  # the search reads the customer's name: join
            return count_of(self.session, self._list_stmt(text, trashed, filters))
        return self.session.execute(self._filtered(select(func.count(T.id)), trashed, filters)).scalar_one()

    def page(self, text, trashed, filters, sort, descending, offset, limit):
        stmt = sorted_by(self._list_stmt(text, trashed, filters), TICKET_SORTS, sort, descending, T)
        return self.session.execute(stmt.offset(offset).limit(limit)).all()

    def one(self, ticket_id: int):
        row = self.session.execute(self._stmt().where(T.id == ticket_id)).first()
        if row is None:
            get_or_raise(self.session, T, ticket_id, "ticket")
        return row

    def get(self, ticket_id: int) -> TicketRecord:
        return get_or_raise(self.session, T, ticket_id, "ticket")

    def add(self, **values) -> TicketRecord:
        record = T(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def add_event(self, **values) -> TicketEventRecord:
        record = TicketEventRecord(**values)
        self.session.add(record)
        return record

    def events(self, ticket_id: int):
        stmt = (
            select(TicketEventRecord, UserRecord.display_name.label("user"))
            .outerjoin(UserRecord, UserRecord.id == TicketEventRecord.user_id)
            .where(TicketEventRecord.ticket_id == ticket_id)
            .order_by(TicketEventRecord.occurred_at, TicketEventRecord.id)
        )
        return self.session.execute(stmt).all()

    def set_deleted(self, ids, deleted_at, now) -> list[int]:
        return set_deleted(self.session, T, ids, deleted_at, now)

    def open_for(self, contact_id: int, statuses, limit: int = 50):
        stmt = (
            self._stmt()
            .where(T.contact_id == contact_id, T.deleted_at.is_(None), T.status.in_(list(statuses)))
            .order_by(T.opened_at.desc())
            .limit(limit)
        )
        return self.session.execute(stmt).all()

    def count_by_status(self) -> dict[str, int]:
        stmt = select(T.status, func.count()).where(T.deleted_at.is_(None)).group_by(T.status)
        return dict(self.session.execute(stmt).all())
