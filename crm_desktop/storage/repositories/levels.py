"""Membership levels and each member's history of level changes."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_desktop.storage.records import MemberLevelChangeRecord, MemberLevelRecord, UserRecord
from crm_desktop.storage.repositories.base import count_of

L, H = MemberLevelRecord, MemberLevelChangeRecord


class LevelRepository:
    def __init__(self, session: Session):
        self.session = session

    def all(self) -> list[MemberLevelRecord]:
        return list(self.session.scalars(select(L).where(L.deleted_at.is_(None)).order_by(L.rank, L.id)))

    def replace_all(self, levels: list[dict], now) -> None:
        """Keep the level rows by name (so history stays readable), add new ones, trash the rest."""
        current = {r.name: r for r in self.session.scalars(select(L))}
        wanted = {v["name"] for v in levels}
        for record in current.values():
            if record.name not in wanted and record.deleted_at is None:
                record.deleted_at = record.updated_at = now
        self.session.flush()
        for values in levels:
            record = current.get(values["name"])
            if record is None:
                self.session.add(L(**values, created_at=now, updated_at=now))
            else:
                for key, value in values.items():
                    setattr(record, key, value)
                record.deleted_at, record.updated_at = None, now
        self.session.flush()

    def add_change(self, **values) -> MemberLevelChangeRecord:
        record = H(**values)
        self.session.add(record)
        return record

    def count_changes(self, contact_id: int) -> int:
        return count_of(self.session, select(H.id).where(H.contact_id == contact_id))

    def changes(self, contact_id: int, limit: int = 50):
        stmt = (select(H, UserRecord.display_name.label("operator"))
                .outerjoin(UserRecord, UserRecord.id == H.operator_id)
                .where(H.contact_id == contact_id).order_by(H.changed_at.desc(), H.id.desc()).limit(limit))
        return self.session.execute(stmt).all()
