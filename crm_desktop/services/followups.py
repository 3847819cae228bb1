"""Follow-up use cases: the calendar's records."""

from datetime import date, datetime, time, timedelta

from crm_desktop.domain.cadence import (
    DEFAULT_CADENCE,
    Cadence,
    interval_of,
    planned_kind,
    work_slots,
)
from crm_desktop.domain.drafts import FollowupDraft
from crm_desktop.domain.enums import FollowupStatus, InteractionKind, Tier
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.followups import validate_followup
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import DaySummary, FollowupDTO, ListQuery
from crm_desktop.services.events import ContactsChanged, FollowupsChanged
from crm_desktop.services.followup_series import (
    day_summary,
    detach,
    expand,
    is_day_range,
    occurrences_by_day,
    searched_and_sorted,
    shift_series,
)
from crm_desktop.services.mapping import followup_dto
from crm_desktop.services.visibility import list_filters, require_visible

_INTERACTION_FOR = {
    "call": InteractionKind.CALL, "visit": InteractionKind.VISIT, "email": InteractionKind.EMAIL,
    "message": InteractionKind.MESSAGE, "meeting": InteractionKind.MEETING,
    "care": InteractionKind.MESSAGE, "callback": InteractionKind.CALL,
}


class FollowupService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def count(self, query: ListQuery) -> int:
        if is_day_range(query):
            return len(self._range_list(query))
        with self._ctx.db.reading() as uow:
            return uow.followups.count(query.text, query.trashed, list_filters(self._ctx, query.filters))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[FollowupDTO]:
        if is_day_range(query):
            return self._range_list(query)[offset:offset + limit]
        with self._ctx.db.reading() as uow:
            rows = uow.followups.page(query.text, query.trashed, list_filters(self._ctx, query.filters), query.sort or "due",
                                      query.descending, offset, limit)
            return [followup_dto(r) for r in rows]

    def _range_list(self, query: ListQuery) -> list[FollowupDTO]:
        """A bounded range (the agenda's day) with repeating follow-ups as their occurrences,
        searched and sorted here: a day holds a few dozen, never a table's worth."""
        filters = dict(query.filters)
        items = self.occurrences(filters.pop("start"), filters.pop("end"), filters)
        return searched_and_sorted(items, query)

    def get(self, followup_id: int) -> FollowupDTO:
        with self._ctx.db.reading() as uow:
            return followup_dto(uow.followups.one(followup_id))

    def day_summaries(self, first_day: date, days: int, per_day: int = 4,
                      filters: dict | None = None) -> list[DaySummary]:
        """Per local day from `first_day`: the count and the first `per_day` follow-ups by time.
        Three queries for the whole range (the due times from the covering index, the few rows
        shown, the repeating series), however many days and follow-ups it holds. `filters` as the
        list's: kind, status, owner_id, tier."""
        filters = list_filters(self._ctx, {k: v for k, v in (filters or {}).items() if v is not None})
        now = self._ctx.now()
        start = local_day_bounds(first_day)[0]
        end = local_day_bounds(first_day + timedelta(days=days - 1))[1]
        result = []
        with self._ctx.db.reading() as uow:
            by_day = occurrences_by_day(uow.followups.series_before(end, filters), start, end, now)
            for offset in range(days):
                day = first_day + timedelta(days=offset)
                day_start, day_end = local_day_bounds(day)
                total, late = uow.followups.count_between(day_start, day_end, now, filters)
                (series_rows, series_late), extra = by_day.get(day, ((0, 0), []))
                rows = uow.followups.due_between(day_start, day_end, per_day + series_rows, False, filters) \
                    if total else []
                singles = [followup_dto(r) for r in rows if not r[0].rrule]
                result.append(day_summary(day, total - series_rows, late - series_late, singles, extra, per_day, now))
        return result

    def occurrences(self, start: datetime, end: datetime, filters: dict | None = None,
                    limit: int = 2000) -> list[FollowupDTO]:
        """What the week and day views show: every follow-up due in [start, end) that passes the
        list filters (kind, status, owner_id, tier), repeating ones as their occurrences, by time."""
        filters = list_filters(self._ctx, {k: v for k, v in (filters or {}).items() if v is not None})
        with self._ctx.db.reading() as uow:
            found = [followup_dto(r) for r in uow.followups.singles_between(start, end, filters, limit)]
            for row in uow.followups.series_before(end, filters):
                found.extend(expand(row, start, end))
        return sorted(found, key=lambda f: (f.due_at, f.id))[:limit]

    def create(self, draft: FollowupDraft) -> FollowupDTO:
        draft = validate_followup(draft)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            require_visible(self._ctx, uow, draft.contact_id)
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
            require_visible(self._ctx, uow, draft.contact_id)
            uow.contacts.get(draft.contact_id)
            record = uow.followups.get(followup_id)
            for key, value in _values(draft).items():
                setattr(record, key, value)
            record.updated_at = self._ctx.now()
            uow.flush()
            dto = followup_dto(uow.followups.one(followup_id))
        self._publish(followup_id, draft.contact_id)
        return dto

    def complete(self, followup_id: int, outcome: str, occurrence: datetime | None = None,
                 next_followup: FollowupDraft | None = None) -> FollowupDTO:
        """Mark done and write the outcome into the contact's timeline; an occurrence of a
        repeating follow-up is done on its own (the series goes on). `next_followup`, when given,
        is planned in the same unit of work: the proposal the completion dialog made."""
        if next_followup is not None:
            next_followup = validate_followup(next_followup)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            record = uow.followups.get(followup_id)
            if record.rrule and occurrence is not None:
                record = uow.followups.get(detach(uow, record, occurrence, now))
            record.status, record.outcome, record.completed_at = FollowupStatus.DONE.value, outcome.strip(), now
            record.updated_at = now
            uow.interactions.add(
                contact_id=record.contact_id, user_id=self._ctx.user_id, followup_id=record.id,
                kind=_INTERACTION_FOR[record.kind].value, occurred_at=now,
                summary=record.title or record.notes or record.kind, outcome=outcome.strip(),
            )
            contact = uow.contacts.get(record.contact_id)
            contact.last_interaction_at = now
            if next_followup is not None:
                values = _values(next_followup)
                values["owner_id"] = values["owner_id"] or record.owner_id or self._ctx.user_id
                uow.followups.add(**values, created_at=now, updated_at=now)
            uow.flush()
            dto = followup_dto(uow.followups.one(record.id))
        self._publish(dto.id, dto.draft.contact_id)
        return dto

    def propose_next(self, followup_id: int, cadence: Cadence | None = None) -> FollowupDraft:
        """What to plan once this one is done: the tier's usual kind, the tier's contact interval
        from today, on a working morning (the completion dialog shows it, the user decides)."""
        with self._ctx.db.reading() as uow:
            record = uow.followups.get(followup_id)
            tier = Tier(uow.contacts.get(record.contact_id).tier)
            owner_id, title = record.owner_id, record.title
        cadence = cadence or DEFAULT_CADENCE
        today = self._ctx.now().astimezone().date()
        due = next(work_slots(today + timedelta(days=interval_of(tier, cadence)), 1)).astimezone()
        return FollowupDraft(record.contact_id, planned_kind(tier, 0, cadence), due, title, owner_id=owner_id)

    def move(self, followup_id: int, due_at: datetime, occurrence: datetime | None = None,
             whole_series: bool = False) -> FollowupDTO:
        """Reschedule keeping everything else (drag and drop on the calendar). For an occurrence
        of a repeating follow-up: that occurrence alone, or (`whole_series`) the series by the
        same step. Returns the follow-up that now holds the moved time."""
        if due_at.tzinfo is None:
            raise ValidationError.single("due_at", "The time has no time zone.")
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            record = uow.followups.get(followup_id)
            if record.rrule and occurrence is not None and not whole_series:
                record = uow.followups.get(detach(uow, record, occurrence, now, due_at=due_at))
            elif record.rrule and occurrence is not None:
                shift_series(record, occurrence, due_at, now)
            else:
                record.due_at, record.snoozed_until, record.updated_at = due_at, None, now
            uow.flush()
            dto = followup_dto(uow.followups.one(record.id))
        self._publish(dto.id, dto.draft.contact_id)
        return dto

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
