"""Files attached to tickets: listed without their bytes, read one at a time."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.storage.records import TicketAttachmentRecord, UserRecord
from crm_desktop.storage.repositories.base import get_or_raise

A = TicketAttachmentRecord


class AttachmentRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, **values) -> TicketAttachmentRecord:
        record = A(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def of_ticket(self, ticket_id: int):
        """(record without content, uploader's name) of the ticket's live attachments, oldest first."""
        stmt = (select(A, UserRecord.display_name.label("user"))
                .outerjoin(UserRecord, UserRecord.id == A.user_id)
                .where(A.ticket_id == ticket_id, A.deleted_at.is_(None))
                .order_by(A.id))
        return self.session.execute(stmt).all()

    def get(self, attachment_id: int) -> TicketAttachmentRecord:
        return get_or_raise(self.session, A, attachment_id, "attachment")

    def content(self, attachment_id: int) -> bytes:
        return self.session.execute(select(A.content).where(A.id == attachment_id)).scalar_one()
