"""The audit log read back for the viewer and exports, and explicit entries of bulk changes."""

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crm_desktop.storage import audit
from crm_desktop.storage.records import AuditRecord, UserRecord

A = AuditRecord


class AuditRepository:
    """Filters are objects with user_id, table, action, start (inclusive), end (exclusive) and
    record_uuid attributes (services' AuditQuery); empty ones do not filter."""

    def __init__(self, session: Session):
        self.session = session

    def note(self, action: str, table: str, record_uuid: str, changes: dict[str, tuple]) -> None:
        """One entry for a change the ORM does not see row by row (a merge, an undo)."""
        audit.note(self.session, action, table, [record_uuid], changes)

    def _where(self, stmt, f: object):
        if f.user_id is not None:
            stmt = stmt.where(A.user_id == f.user_id)
        if f.table:
            stmt = stmt.where(A.table_name == f.table)
        if f.action:
            stmt = stmt.where(A.action == f.action)
        if f.start is not None:
            stmt = stmt.where(A.occurred_at >= f.start)
        if f.end is not None:
            stmt = stmt.where(A.occurred_at < f.end)
        if f.record_uuid:
            stmt = stmt.where(A.record_uuid == f.record_uuid.strip())
        return stmt

    def count(self, f: object) -> int:
        return self.session.execute(self._where(select(func.count()).select_from(A), f)).scalar_one()

    def page(self, f: object, offset: int, limit: int) -> list:
        """Newest first: (entry, user's display name)."""
        stmt = (select(A, UserRecord.display_name).outerjoin(UserRecord, UserRecord.id == A.user_id)
                .order_by(A.id.desc()).offset(offset).limit(limit))
        return self.session.execute(self._where(stmt, f)).all()

    def stream(self, f: object, size: int = 2000) -> Iterator:
        """Every matching entry, newest first, in pages keyed by id (an export of any size)."""
        before = None
        while True:
            stmt = select(A, UserRecord.display_name).outerjoin(UserRecord, UserRecord.id == A.user_id)
            if before is not None:
                stmt = stmt.where(A.id < before)
            rows = self.session.execute(self._where(stmt, f).order_by(A.id.desc()).limit(size)).all()
            yield from rows
            if len(rows) < size:
                return
            before = rows[-1][0].id
