"""Follow-up use cases: the calendar's records."""

from dataclasses import replace
from datetime import date, datetime, time, timedelta

from crm_desktop.domain.drafts import FollowupDraft
from crm_desktop.domain.enums import FollowupStatus, InteractionKind
from crm_desktop.domain.followups import validate_followup
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import DaySummary, FollowupDTO, ListQuery
from crm_desktop.services.events import ContactsChanged, FollowupsChanged
from crm_desktop.services.mapping import followup_dto

_INTERACTION_FOR = {
    "call": InteractionKind.CALL, "visit": InteractionKind.VISIT, "email": InteractionKind.EMAIL,
    "message": InteractionKind.MESSAGE, "meeting": InteractionKind.MEETING,
    "care": InteractionKind.MESSAGE, "callback": InteractionKind.CALL,
}


class FollowupService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def count(self, query: ListQuery) -> int:
        with self._ctx.db.reading() as uow:
            return uow.followups.count(query.text, query.trashed, dict(query.filters))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[FollowupDTO]:
        with self._ctx.db.reading() as uow:
            rows = uow.followups.page(query.text, query.trashed, dict(query.filters), query.sort or "due",
                                      query.descending, offset, limit)
            return [followup_dto(r) for r in rows]

    def get(self, followup_id: int) -> FollowupDTO:
        with self._ctx.db.reading() as uow:
            return followup_dto(uow.followups.one(followup_id))

    def day_summaries(self, first_day: date, days: int, per_day: int = 4) -> list[DaySummary]:
        """Per local day from `first_day`: the count and the first `per_day` follow-ups by time.
        A few indexed queries a day, so a month stays fast however busy the calendar is."""
        now = self._ctx.now()
        result = []
        with self._ctx.db.reading() as uow:
            for offset in range(days):
                day = first_day + timedelta(days=offset)
                start, end = local_day_bounds(day)
                total, late = uow.followups.count_between(start, end, now)
                rows = uow.followups.due_between(start, end, per_day, planned_only=False) if total else []
                result.append(DaySummary(day, total, tuple(followup_dto(r) for r in rows), late))
        return result

    def create(self, draft: FollowupDraft) -> FollowupDTO:
        draft = validate_followup(draft)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            uow.contacts.get(draft.contact_id)
            values = _values(draft)
            values["owner_id"] = values["owner_id"] or self._ctx.user_id
            record = uow.followups.add(**values, created_at=now, updated_at=now)
            dto = followup_dto(uow.followups.one(record.id))
        self._publish(dto.id, dto.draft.contact_id)
        return dto

    def update(self, followup_id: int, draft: FollowupDraft) -> FollowupDTO:
        draft = validate_followup(draft)
        with self._ctx.db.writing() as uow:
            uow.contacts.get(draft.contact_id)
            record = uow.followups.get(followup_id)
            for key, value in _values(draft).items():
                setattr(record, key, value)
            record.updated_at = self._ctx.now()
            uow.flush()
            dto = followup_dto(uow.followups.one(followup_id))
        self._publish(followup_id, draft.contact_id)
        return dto

    def complete(self, followup_id: int, outcome: str) -> FollowupDTO:
        """Mark done and write the outcome into the contact's timeline."""
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            record = uow.followups.get(followup_id)
            record.status, record.outcome, record.completed_at = FollowupStatus.DONE.value, outcome.strip(), now
            uow.interactions.add(
                contact_id=record.contact_id, user_id=self._ctx.user_id, followup_id=record.id,
                kind=_INTERACTION_FOR[record.kind].value, occurred_at=now,
                summary=record.title or record.notes or record.kind, outcome=outcome.strip(),
            )
            contact = uow.contacts.get(record.contact_id)
            contact.last_interaction_at = now
            uow.flush()
            dto = followup_dto(uow.followups.one(followup_id))
        self._publish(followup_id, dto.draft.contact_id)
        return dto

    def move(self, followup_id: int, due_at) -> FollowupDTO:
        """Reschedule keeping everything else (drag and drop on the calendar)."""
        return self.update(followup_id, replace(self.get(followup_id).draft, due_at=due_at))

    def trash(self, ids) -> list[int]:
        return self._set_deleted(ids, True)

    def restore(self, ids) -> list[int]:
        return self._set_deleted(ids, False)

    def _set_deleted(self, ids, trashing: bool) -> list[int]:
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            changed = uow.followups.set_deleted(ids, now if trashing else None, now)
        if changed:
            self._ctx.bus.publish(FollowupsChanged(frozenset(changed)))
        return changed

    def _publish(self, followup_id: int, contact_id: int) -> None:
        self._ctx.bus.publish(FollowupsChanged(frozenset({followup_id})))
        self._ctx.bus.publish(ContactsChanged(frozenset({contact_id})))


def _values(d: FollowupDraft) -> dict:
    return dict(
        contact_id=d.contact_id, kind=d.kind.value, title=d.title, due_at=d.due_at,
        duration_minutes=d.duration_minutes, all_day=d.all_day, reminder_minutes=d.reminder_minutes,
        rrule=d.rrule, notes=d.notes, owner_id=d.owner_id, status=d.status.value,
    )


def local_day_bounds(day: date) -> tuple[datetime, datetime]:
    """Start of `day` and of the next day in the computer's time zone, as aware instants."""
    start = datetime.combine(day, time()).astimezone()
    end = datetime.combine(day + timedelta(days=1), time()).astimezone()
    return start, end
