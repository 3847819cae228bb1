"""Follow-ups to and from iCalendar files: the calendar programs people already use.

Export streams the live follow-ups (all, a due-time range, or a selection) into one .ics file.
Import writes every event of a file in ONE transaction, each checked by the follow-up rules: an
event the rules refuse (an invalid RRULE...) is reported with its line and skipped, the others go in.

Which follow-up an event is: its UID. Our own UIDs carry the follow-up's uuid; another program's
UID is turned into a stable uuid (uuid5), so importing the same file again updates, never duplicates.
Which contact an event goes to: the contact its X-ZHANGGUI-CONTACT names; else the `contact_id`
asked for; else the follow-up's contact when it exists already; else one contact named
"日历导入" (calendar import), found or created, which the user can later merge into the right one.
"""

import uuid as uuid_mod
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from crm_desktop.domain.contacts import validate_contact
from crm_desktop.domain.drafts import ContactDraft, FollowupDraft
from crm_desktop.domain.enums import FollowupKind, FollowupStatus
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.followups import MAX_DURATION, validate_followup
from crm_desktop.interchange.calendar_event import CalendarEvent, uid_of, uuid_in
from crm_desktop.interchange.source import RowProblem
from crm_desktop.services.contacts import record_values
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import ContactsChanged, FollowupsChanged
from crm_desktop.services.exporting import ExportError

DEFAULT_TZ = "Asia/Shanghai"
CALENDAR_CONTACT = "日历导入"
_PENDING = -1  # "the calendar contact, created once an event needs it" while an event is validated
_UTC_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class ImportIcsResult:
    created: int
    updated: int
    skipped: int
    problems: tuple[RowProblem, ...]


class CalendarTransferService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def export_ics(self, path: Path, start: datetime | None = None, end: datetime | None = None, ids=None,
                   tz_name: str = DEFAULT_TZ) -> int:
        """Write the live follow-ups due in [start, end) (or only `ids`) to `path`; the count."""
        from crm_desktop.interchange.ics_out import write_ics  # icalendar loads only when used

        _zone(tz_name)
        with self._ctx.db.reading() as uow:
            rows = (row for batch in uow.followups.for_export(start, end, ids) for row in batch)
            return write_ics(Path(path), (_event_of(row) for row in rows), tz_name)

    def import_ics(self, path: Path, contact_id: int | None = None, tz_name: str = DEFAULT_TZ) -> ImportIcsResult:
        from crm_desktop.interchange.ics_in import read_ics

        events, problems = read_ics(Path(path), _zone(tz_name).key)
        with self._ctx.db.writing() as uow:
            run = _ImportRun(self._ctx, uow, events, contact_id)
            for event in events:
                run.apply(event)
        if run.followups:
            self._ctx.bus.publish(FollowupsChanged(frozenset(run.followups)))
            self._ctx.bus.publish(ContactsChanged(frozenset(run.contacts)))
        found = tuple(sorted([*problems, *run.problems], key=lambda p: p.line))
        return ImportIcsResult(run.created, run.updated, run.skipped, found)


class _ImportRun:
    """One import's look-ups (done once, for every event) and what it did."""

    def __init__(self, ctx: ServiceContext, uow, events: list[CalendarEvent], contact_id: int | None):
        self._ctx, self._uow, self._chosen = ctx, uow, contact_id
        if contact_id is not None:
            uow.contacts.get(contact_id)  # a contact that is not there refuses the whole import
        self._contacts = uow.followups.contact_ids_by_uuid(e.contact_uuid for e in events)
        self._existing = uow.followups.by_uuids(followup_uuid(e.uid) for e in events)
        self._calendar_contact: int | None = None
        self.created = self.updated = self.skipped = 0
        self.problems: list[RowProblem] = []
        self.followups: set[int] = set()
        self.contacts: set[int] = set()

    def apply(self, event: CalendarEvent) -> None:
        key = followup_uuid(event.uid)
        record = self._existing.get(key) if key else None
        if record is not None and record.deleted_at is not None:
            self._skip(RowProblem.of(event.line, "The follow-up of this event is in the trash; the event was skipped."))
            return
        known = self._contacts.get(event.contact_uuid) or self._chosen or (record.contact_id if record else None)
        try:
            draft = validate_followup(_draft(event, known or _PENDING, record.owner_id if record else None))
        except ValidationError as exc:
            self._skip(RowProblem.of(event.line, "The event was skipped: {reason}", reason=exc))
            return
        draft = replace(draft, contact_id=known or self._calendar_contact_id())
        self._write(draft, event, key, record)

    def _skip(self, problem: RowProblem) -> None:
        self.skipped += 1
        self.problems.append(problem)

    def _write(self, draft: FollowupDraft, event: CalendarEvent, key: str, record) -> None:
        now, values = self._ctx.now(), _values(draft, event)
        if record is None:
            values["owner_id"] = values["owner_id"] or self._ctx.user_id
            record = self._uow.followups.add(**values, **({"uuid": key} if key else {}), created_at=now,
                                             updated_at=now)
            self._existing[record.uuid] = record
            self.created += 1
        else:
            for name, value in values.items():
                setattr(record, name, value)
            record.updated_at = now
            self.updated += 1
        self._uow.flush()
        self.followups.add(record.id)
        self.contacts.add(draft.contact_id)

    def _calendar_contact_id(self) -> int:
        if self._calendar_contact is None:
            found = self._uow.followups.contact_named(CALENDAR_CONTACT)
            self._calendar_contact = found if found is not None else self._new_calendar_contact()
        return self._calendar_contact

    def _new_calendar_contact(self) -> int:
        now = self._ctx.now()
        clean = validate_contact(ContactDraft(name=CALENDAR_CONTACT, notes="Follow-ups imported from calendar files."))
        values = record_values(clean, None)
        values["owner_id"] = values["owner_id"] or self._ctx.user_id
        return self._uow.contacts.add(**values, created_at=now, updated_at=now).id


def followup_uuid(uid: str) -> str:
    """The uuid of the follow-up an event UID stands for ("" when the event has no UID)."""
    if not uid:
        return ""
    try:
        return str(uuid_mod.UUID(uuid_in(uid)))
    except ValueError:  # another program's UID: the same UID gives the same uuid on every import
        return str(uuid_mod.uuid5(uuid_mod.NAMESPACE_URL, f"ics:{uid}"))


def _draft(event: CalendarEvent, contact_id: int, owner_id: int | None) -> FollowupDraft:
    kind = FollowupKind(event.kind) if event.kind else FollowupKind.MEETING
    return FollowupDraft(
        contact_id=contact_id, kind=kind, due_at=event.start.astimezone(UTC), title=event.title,
        duration_minutes=_minutes(event), all_day=event.all_day, reminder_minutes=event.reminder_minutes,
        rrule=event.rrule, notes=event.notes, owner_id=owner_id, status=FollowupStatus(event.status),
    )


def _minutes(event: CalendarEvent) -> int:
    """The event's length, kept within what a follow-up allows (a zero-length event gets the default)."""
    minutes = round((event.end - event.start) / timedelta(minutes=1))
    if minutes <= 0:
        return 24 * 60 if event.all_day else 30
    return min(minutes, MAX_DURATION)


def _values(d: FollowupDraft, event: CalendarEvent) -> dict:
    return dict(
        contact_id=d.contact_id, kind=d.kind.value, title=d.title, due_at=d.due_at,
        duration_minutes=d.duration_minutes, all_day=d.all_day, reminder_minutes=d.reminder_minutes,
        rrule=d.rrule, notes=d.notes, owner_id=d.owner_id, status=d.status.value,
        exdates=exdates_text(event.exdates),
    )


def _event_of(row) -> CalendarEvent:
    """`row` is (FollowupRecord, contact_uuid, contact_name)."""
    r = row[0]
    return CalendarEvent(
        uid=uid_of(r.uuid), start=r.due_at, end=r.due_at + timedelta(minutes=r.duration_minutes),
        all_day=r.all_day, title=r.title, notes=r.notes, kind=r.kind, status=r.status,
        reminder_minutes=r.reminder_minutes, rrule=r.rrule, exdates=exdates_of(r.exdates),
        contact_uuid=row.contact_uuid, contact_name=row.contact_name,
    )


def exdates_text(values) -> str:
    """The followups.exdates column: comma-separated UTC instants (20260524T010000Z) or dates (20260524)."""
    return ",".join(v.astimezone(UTC).strftime(_UTC_STAMP) if isinstance(v, datetime) else v.strftime("%Y%m%d")
                    for v in values)


def exdates_of(text: str) -> tuple[datetime | date, ...]:
    items = [t.strip() for t in (text or "").split(",") if t.strip()]
    return tuple(datetime.strptime(t, _UTC_STAMP).replace(tzinfo=UTC) if "T" in t
                 else datetime.strptime(t, "%Y%m%d").date() for t in items)


def _zone(tz_name: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ExportError("Unknown time zone {name}: give one such as Asia/Shanghai.", name=tz_name) from exc
