"""Interactions (the contact's timeline) and planned follow-ups."""

from datetime import datetime, timedelta

from sqlalchemy import and_, bindparam, case, func, or_, select, update
from sqlalchemy.orm import Session, aliased

from crm_desktop.domain.permissions import VISIBLE_TO
from crm_desktop.storage.audit import AUDITED_OPTION, note
from crm_desktop.storage.records import ContactRecord, FollowupRecord, InteractionRecord, UserRecord
from crm_desktop.storage.repositories.base import (
    count_of,
    get_or_raise,
    in_chunks,
    live_or_trash,
    set_deleted,
    sorted_by,
)
from crm_desktop.storage.repositories.people import visible_contact_ids

F = FollowupRecord
SHORT_LEAD = timedelta(days=2)
_owner = aliased(UserRecord)

FOLLOWUP_SORTS = {
    "due": F.due_at,
    "contact": ContactRecord.name_pinyin,
    "kind": F.kind,
    "title": F.title,
    "status": F.status,
    "owner": _owner.display_name,
}


class InteractionRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, **values) -> InteractionRecord:
        record = InteractionRecord(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def timeline(self, contact_id: int, limit: int = 200):
        stmt = (
            select(InteractionRecord, UserRecord.display_name.label("user"))
            .outerjoin(UserRecord, UserRecord.id == InteractionRecord.user_id)
            .where(InteractionRecord.contact_id == contact_id, InteractionRecord.deleted_at.is_(None))
            .order_by(InteractionRecord.occurred_at.desc(), InteractionRecord.id.desc())
            .limit(limit)
        )
        return self.session.execute(stmt).all()


class FollowupRepository:
    def __init__(self, session: Session):
        self.session = session

    def _stmt(self):
        return (
            select(F, ContactRecord.name.label("contact_name"), _owner.display_name.label("owner"))
            .join(ContactRecord, ContactRecord.id == F.contact_id)
            .outerjoin(_owner, _owner.id == F.owner_id)
        )

    def _list_stmt(self, text: str, trashed: bool, filters: dict):
        stmt = self._filtered(self._stmt(), trashed, filters)
        if filters.get("tier"):
            stmt = stmt.where(ContactRecord.tier == filters["tier"])
        if text:
            like = f"%{text.strip()}%"
            stmt = stmt.where(or_(ContactRecord.name.like(like), F.title.like(like), F.notes.like(like)))
        return stmt

    @staticmethod
    def _filtered(stmt, trashed: bool, filters: dict):
        """Conditions on follow-ups alone."""
        stmt = live_or_trash(stmt, F, trashed)
        if filters.get("start") is not None:
            stmt = stmt.where(F.due_at >= filters["start"])
        if filters.get("end") is not None:
            stmt = stmt.where(F.due_at < filters["end"])
        for key in ("status", "kind", "owner_id", "contact_id"):
            if filters.get(key):
                stmt = stmt.where(getattr(F, key) == filters[key])
        return _visible(stmt, filters)

    def count(self, text, trashed, filters) -> int:
        if text or filters.get("tier"):  # these need the contact joined
            return count_of(self.session, self._list_stmt(text, trashed, filters))
        return self.session.execute(self._filtered(select(func.count(F.id)), trashed, filters)).scalar_one()

    def page(self, text, trashed, filters, sort, descending, offset, limit):
        stmt = sorted_by(self._list_stmt(text, trashed, filters), FOLLOWUP_SORTS, sort, descending, F)
        return self.session.execute(stmt.offset(offset).limit(limit)).all()

    def one(self, followup_id: int):
        row = self.session.execute(self._stmt().where(F.id == followup_id)).first()
        if row is None:
            get_or_raise(self.session, F, followup_id, "follow-up")
        return row

    def get(self, followup_id: int) -> FollowupRecord:
        return get_or_raise(self.session, F, followup_id, "follow-up")

    def set_snoozed(self, ids, until: datetime, now: datetime) -> None:
        """The reminders of the follow-ups of `ids` that exist fire again at `until`."""
        self._acknowledge(("snoozed_until",), {followup_id: (until,) for followup_id in ids}, now)

    def set_reminded(self, occurrences: dict[int, datetime], now: datetime) -> None:
        """Each follow-up's reminder of its given occurrence seen (its snooze ended), those that exist."""
        self._acknowledge(("reminded_at", "snoozed_until"), {i: (at, None) for i, at in occurrences.items()}, now)

    def _acknowledge(self, columns: tuple[str, ...], values: dict[int, tuple], now: datetime) -> None:
        """Set `columns` of each follow-up to its `values`: one UPDATE by id run for a whole chunk (a
        reminder panel's "all" may be tens of thousands), each change audited as a flush audits a
        record's, with its old and new values."""
        t = F.__table__
        stmt = (update(t).where(t.c.id == bindparam("followup_id"))
                .values(updated_at=now, **{c: bindparam(f"new_{c}") for c in columns})
                .execution_options(**{AUDITED_OPTION: True}))
        for chunk in in_chunks(values):
            before = {row[0]: row[1:] for row in self.session.execute(
                select(t.c.id, t.c.uuid, *(t.c[c] for c in columns)).where(t.c.id.in_(chunk)))}
            found = [i for i in chunk if i in before]
            if not found:
                continue
            self.session.execute(stmt, [{"followup_id": i, **{f"new_{c}": v for c, v in zip(columns, values[i], strict=True)}}
                                        for i in found])
            for i in found:
                uuid, *old = before[i]
                changes = {c: (o, v) for c, o, v in zip(columns, old, values[i], strict=True) if o != v}
                if changes:
                    note(self.session, "update", F.__tablename__, [uuid], changes)

    def add(self, **values) -> FollowupRecord:
        record = F(**values)
        self.session.add(record)
        self.session.flush()
        return record

    def set_deleted(self, ids, deleted_at, now) -> list[int]:
        return set_deleted(self.session, F, ids, deleted_at, now)

    def upcoming_for(self, contact_id: int, now: datetime, limit: int = 20):
        stmt = (
            self._stmt()
            .where(F.contact_id == contact_id, F.deleted_at.is_(None), F.status == "planned")
            .order_by(F.due_at)
            .limit(limit)
        )
        return self.session.execute(stmt).all()

    def due_between(self, start: datetime, end: datetime, limit: int = 100, planned_only: bool = True,
                    filters: dict | None = None):
        stmt = self._stmt().where(F.deleted_at.is_(None), F.due_at >= start, F.due_at < end)
        if planned_only:
            stmt = stmt.where(F.status == "planned")
        stmt = _narrowed(stmt, filters or {}, joined=True)
        return self.session.execute(stmt.order_by(F.due_at, F.id).limit(limit)).all()

    def count_between(self, start: datetime, end: datetime, now: datetime,
                      filters: dict | None = None) -> tuple[int, int]:
        """(follow-ups due in [start, end), of which planned and already past `now`), in one walk
        of the due-time index (a status test in WHERE would make SQLite walk every planned one).
        `filters` (kind, status, owner_id, tier) cost a look at each row, only when given."""
        late = case((and_(F.status == "planned", F.due_at < now), 1), else_=0)
        stmt = select(func.count(), func.coalesce(func.sum(late), 0)).where(
            F.deleted_at.is_(None), F.due_at >= start, F.due_at < end)
        total, overdue = self.session.execute(_narrowed(stmt, filters or {}, joined=False)).one()
        return total, overdue

    def overdue(self, now: datetime, limit: int = 100):
        stmt = (
            self._stmt()
            .where(F.deleted_at.is_(None), F.status == "planned", F.due_at < now)
            .order_by(F.due_at.desc())
            .limit(limit)
        )
        return self.session.execute(stmt).all()

    def count_overdue(self, now: datetime) -> int:
        stmt = select(func.count()).where(F.deleted_at.is_(None), F.status == "planned", F.due_at < now)
        return self.session.execute(stmt).scalar_one()

    # --- the calendar's ranges and the reminders -------------------------------------------------
    def singles_between(self, start: datetime, end: datetime, filters: dict, limit: int):
        """Live follow-ups that do not repeat, due in [start, end), by time (list filters apply)."""
        stmt = self._list_stmt("", False, {**filters, "start": start, "end": end}).where(F.rrule == "")
        return self.session.execute(stmt.order_by(F.due_at, F.id).limit(limit)).all()

    def series_before(self, end: datetime, filters: dict | None = None):
        """Live repeating follow-ups that start before `end`: the ones a range may show."""
        stmt = self._list_stmt("", False, {**(filters or {}), "end": end}).where(F.rrule != "")
        return self.session.execute(stmt.order_by(F.due_at, F.id)).all()

    def reminder_timings(self, now: datetime, lookback, max_lead, filters: dict | None = None):
        """(id, due_at, rrule, exdates, reminder_minutes, reminded_at, snoozed_until) of each planned
        follow-up with a reminder that may be due about `now`: single ones due in
        [now - lookback, now + max_lead], every started series, and every snooze that ran out
        (of those the user may see: `filters` as the lists'). Plain rows, by due time: a big
        calendar has tens of thousands, and only the few shown need their records (`rows`)."""
        # most leads are short: only the rare long one makes a query look a month ahead
        near = or_(F.due_at <= now + SHORT_LEAD, F.reminder_minutes > SHORT_LEAD.total_seconds() // 60)
        # a single one whose reminder was dismissed (acknowledged at its due time) is not owed again
        unseen = or_(F.reminded_at.is_(None), F.reminded_at != F.due_at)
        single = and_(F.rrule == "", F.due_at >= now - lookback, F.due_at <= now + max_lead, near, unseen)
        series = and_(F.rrule != "", F.due_at <= now + max_lead)
        columns = select(F.id, F.due_at, F.rrule, F.exdates, F.reminder_minutes, F.reminded_at, F.snoozed_until)
        stmt = _visible(columns, filters or {}).where(
            F.deleted_at.is_(None), F.status == "planned", F.reminder_minutes.is_not(None),
            or_(single, series, F.snoozed_until <= now))
        return self.session.execute(stmt.order_by(F.due_at, F.id)).all()

    def rows(self, ids) -> dict[int, tuple]:
        """Plain rows of the follow-ups of `ids` that exist, by id: every column, and `contact_name`
        and `owner` as `_stmt` gives them, read IN_CHUNK at a time. No records are made: a reminder
        panel may list tens of thousands."""
        stmt = (select(*F.__table__.c, ContactRecord.name.label("contact_name"), _owner.display_name.label("owner"))
                .join(ContactRecord, ContactRecord.id == F.contact_id).outerjoin(_owner, _owner.id == F.owner_id))
        return {row.id: row for chunk in in_chunks(ids) for row in self.session.execute(stmt.where(F.id.in_(chunk)))}

    # --- iCalendar export and import ---------------------------------------------------------
    def for_export(self, start: datetime | None = None, end: datetime | None = None, ids=None, size: int = 1000):
        """Batches of (follow-up, contact uuid, contact name): the live follow-ups due in
        [start, end), or only `ids`, by due time; streamed so a big calendar is never all in memory."""
        stmt = (
            select(F, ContactRecord.uuid.label("contact_uuid"), ContactRecord.name.label("contact_name"))
            .join(ContactRecord, ContactRecord.id == F.contact_id)
            .where(F.deleted_at.is_(None))
        )
        if start is not None:
            stmt = stmt.where(F.due_at >= start)
        if end is not None:
            stmt = stmt.where(F.due_at < end)
        if ids is not None:
            stmt = stmt.where(F.id.in_(list(ids)))
        result = self.session.execute(stmt.order_by(F.due_at, F.id).execution_options(yield_per=size))
        yield from result.partitions(size)

    def by_uuids(self, uuids) -> dict[str, FollowupRecord]:
        """Follow-ups (trashed ones too) with these uuids, by uuid."""
        uuids = [u for u in set(uuids) if u]
        if not uuids:
            return {}
        return {r.uuid: r for r in self.session.scalars(select(F).where(F.uuid.in_(uuids)))}

    def contact_ids_by_uuid(self, uuids) -> dict[str, int]:
        """Live contacts with these uuids: where an imported event's X-ZHANGGUI-CONTACT points."""
        uuids = [u for u in set(uuids) if u]
        if not uuids:
            return {}
        stmt = select(ContactRecord.uuid, ContactRecord.id).where(
            ContactRecord.uuid.in_(uuids), ContactRecord.deleted_at.is_(None))
        return dict(self.session.execute(stmt).all())

    def contact_named(self, name: str) -> int | None:
        """The first live contact called exactly `name` (the contact calendar imports go to)."""
        stmt = select(ContactRecord.id).where(ContactRecord.name == name, ContactRecord.deleted_at.is_(None))
        return self.session.execute(stmt.order_by(ContactRecord.id).limit(1)).scalar()


def _visible(stmt, filters: dict):
    """For a role that sees only its own and shared customers: the follow-ups it owns and those
    about customers it sees."""
    user_id = filters.get(VISIBLE_TO)
    if user_id is None:
        return stmt
    return stmt.where(or_(F.owner_id == user_id, F.contact_id.in_(visible_contact_ids(user_id))))


def _narrowed(stmt, filters: dict, joined: bool):
    """The calendar's filters on a follow-up statement; the tier through the contact (joined
    already in the listing statements)."""
    stmt = _visible(stmt, filters)
    for key in ("status", "kind", "owner_id", "contact_id"):
        if filters.get(key):
            stmt = stmt.where(getattr(F, key) == filters[key])
    if filters.get("tier"):
        if not joined:
            stmt = stmt.join(ContactRecord, ContactRecord.id == F.contact_id)
        stmt = stmt.where(ContactRecord.tier == filters["tier"])
    return stmt
