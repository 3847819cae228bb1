"""Consents, a person's data gathered for an access request, and erasure of a person's identity.

An erasure keeps what the business must keep (purchases and their amounts, points, totals, the
stage and tier counted in statistics) and removes who the person was: identity columns of the
contact, free text about them (interactions, follow-ups, tickets and their events, surveys,
consent notes), the search index rows (triggers re-index the blank contact) and the personal
values of audit entries about any of their records (redacted, the hash chain kept: see
domain/audit.py). Everything runs as Core statements: the ORM hooks would otherwise write the
erased values into the audit trail as "old" values.
"""

import json
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from crm_desktop.domain.audit import canonical, display_changes, redact
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.privacy import ERASED_IDENTITY, ERASED_NAME, ERASED_TEXT, KEEP_IN_AUDIT
from crm_desktop.storage import audit
from crm_desktop.storage.records import (
    AuditRecord,
    ChangeSetItemRecord,
    ChangeSetRecord,
    ConsentRecord,
    ContactRecord,
    ErasureRecord,
    FollowupRecord,
    InteractionRecord,
    MemberLevelChangeRecord,
    PointsEntryRecord,
    PurchaseRecord,
    SurveyRecord,
    TicketEventRecord,
    TicketRecord,
)

C = ContactRecord
ERASED_KEY = "crm_erased_uuids"  # session.info: uuids erased in this transaction (for the log file)
FREE_TEXT = {InteractionRecord: ERASED_TEXT["interactions"], FollowupRecord: ERASED_TEXT["followups"],
             TicketRecord: ERASED_TEXT["tickets"], SurveyRecord: ERASED_TEXT["surveys"],
             ConsentRecord: ERASED_TEXT["consents"]}
OWNED = (InteractionRecord, FollowupRecord, TicketRecord, SurveyRecord, PurchaseRecord, PointsEntryRecord,
         ConsentRecord, MemberLevelChangeRecord)
_QUIET = {audit.AUDITED_OPTION: True}


class PrivacyRepository:
    def __init__(self, session: Session):
        self.session = session

    # --- consents --------------------------------------------------------------------------------
    def add_consent(self, **values) -> ConsentRecord:
        record = ConsentRecord(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def consents(self, contact_id: int) -> list[ConsentRecord]:
        stmt = select(ConsentRecord).where(ConsentRecord.contact_id == contact_id, ConsentRecord.deleted_at.is_(None))
        return list(self.session.scalars(stmt.order_by(ConsentRecord.recorded_at.desc(), ConsentRecord.id.desc())))

    # --- finding a person ------------------------------------------------------------------------
    def contact_by_uuid(self, uuid: str) -> ContactRecord:
        record = self.session.scalars(select(C).where(C.uuid == uuid)).first()
        if record is None:
            raise NotFoundError("There is no contact with the id {uuid}.", uuid=uuid)
        return record

    def owned(self, contact_id: int) -> dict[str, list]:
        """Every record about the person, by table (ticket events under their tickets)."""
        found = {m.__tablename__: list(self.session.scalars(select(m).where(m.contact_id == contact_id)
                                                            .order_by(m.id))) for m in OWNED}
        ticket_ids = [t.id for t in found["tickets"]]
        found["ticket_events"] = list(self.session.scalars(
            select(TicketEventRecord).where(TicketEventRecord.ticket_id.in_(ticket_ids)).order_by(TicketEventRecord.id)))
        return found

    def person(self, uuid: str) -> dict:
        """Everything stored about the person, as plain values: the contact, each table of their
        records and the audit entries about any of them (values as recorded, erased ones null)."""
        contact = self.contact_by_uuid(uuid)
        owned = self.owned(contact.id)
        data = {"contact": as_dict(contact), **{t: [as_dict(r) for r in rows] for t, rows in owned.items()}}
        uuids = [uuid] + [r.uuid for rows in owned.values() for r in rows]
        data["audit_log"] = [{**as_dict(r), "changes": display_changes(r.changes)}
                             for r in self._about(uuids)]
        return data

    def _about(self, uuids: list[str]) -> list[AuditRecord]:
        found: list[AuditRecord] = []
        for start in range(0, len(uuids), 500):
            found += self.session.scalars(select(AuditRecord).where(AuditRecord.record_uuid.in_(uuids[start:start + 500])))
        return sorted(found, key=lambda r: r.id)

    def erased_uuids(self) -> set[str]:
        return set(self.session.scalars(select(ErasureRecord.contact_uuid)))

    def inactive_since(self, cutoff: datetime) -> list[str]:
        """Uuids of contacts with no interaction, purchase or creation since `cutoff`, not yet erased."""
        stmt = select(C.uuid).where(
            C.created_at < cutoff, or_(C.last_interaction_at.is_(None), C.last_interaction_at < cutoff),
            or_(C.last_purchase_at.is_(None), C.last_purchase_at < cutoff), C.name != ERASED_NAME,
            C.uuid.not_in(select(ErasureRecord.contact_uuid)))
        return list(self.session.scalars(stmt.order_by(C.id)))

    # --- erasing ---------------------------------------------------------------------------------
    def erase(self, uuid: str, now: datetime, user_id: int | None) -> int:
        """Anonymise the person with this uuid; returns how many audit entries were redacted."""
        contact = self.contact_by_uuid(uuid)
        owned = self.owned(contact.id)
        old_name = contact.name
        self._blank(C, [contact.id], {**ERASED_IDENTITY, "updated_at": now})
        for model, values in FREE_TEXT.items():
            self._blank(model, [r.id for r in owned[model.__tablename__]], values)
        self._blank(TicketEventRecord, [r.id for r in owned["ticket_events"]], ERASED_TEXT["ticket_events"])
        self._forget_journal(contact.id, old_name)
        uuids = [uuid] + [r.uuid for rows in owned.values() for r in rows]
        redacted = self._redact_audit(uuids)
        self.session.add(ErasureRecord(contact_uuid=uuid, erased_at=now, user_id=user_id, created_at=now,
                                       updated_at=now))
        self.session.flush()
        audit.note(self.session, "erase", "contacts", [uuid], {"erased": (None, redacted)})
        self.session.info.setdefault(ERASED_KEY, []).append((uuid, now))
        self.session.expire_all()
        return redacted

    def _blank(self, model, ids: list[int], values: dict) -> None:
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            self.session.execute(update(model).where(model.id.in_(part)).values(**values)
                                 .execution_options(**_QUIET, synchronize_session=False))

    def _forget_journal(self, contact_id: int, old_name: str) -> None:
        """Undo snapshots hold the old values of a contact (imports that updated it, merges)."""
        self.session.execute(update(ChangeSetItemRecord).where(
            ChangeSetItemRecord.table_name == "contacts", ChangeSetItemRecord.record_id == contact_id,
            ChangeSetItemRecord.action == "update").values(before=json.dumps({}))
            .execution_options(**_QUIET, synchronize_session=False))
        self.session.execute(update(ChangeSetRecord).where(ChangeSetRecord.label == old_name)
                             .values(label=ERASED_NAME).execution_options(**_QUIET, synchronize_session=False))

    def _redact_audit(self, uuids: list[str]) -> int:
        done = 0
        for start in range(0, len(uuids), 500):
            rows = self.session.execute(select(AuditRecord.id, AuditRecord.changes)
                                        .where(AuditRecord.record_uuid.in_(uuids[start:start + 500]))).all()
            for entry_id, changes in rows:
                fields = set(json.loads(changes or "{}")) - KEEP_IN_AUDIT
                if fields:
                    self.session.execute(update(AuditRecord).where(AuditRecord.id == entry_id)
                                         .values(changes=redact(changes, fields))
                                         .execution_options(synchronize_session=False))
                    done += 1
        return done


def as_dict(record) -> dict:
    """A record's columns as JSON-ready values (instants as UTC ISO text)."""
    return {c.key: canonical(getattr(record, c.key)) for c in record.__table__.columns}
