"""Reminders that always fire: which follow-ups' reminders are due, snooze and dismiss.

Nothing is scheduled ahead: the app asks `due_reminders(now)` every few seconds and compares
with the wall clock, so sleep, a changed clock or a closed app cannot lose a reminder. What was
acknowledged is kept in the database (followups.reminded_at: the occurrence whose reminder was
dismissed; followups.snoozed_until), so each reminder fires once, on every PC sharing the data.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.recurrence import pending_reminder
from crm_desktop.services.calendar_transfer import exdates_of
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import FollowupDTO
from crm_desktop.services.mapping import followup_dto
from crm_desktop.services.visibility import list_filters

LOOKBACK = timedelta(days=7)  # older ones are in the overdue list, not the reminders
MAX_LEAD = timedelta(days=31)  # a reminder set further ahead fires 31 days before
SNOOZE_CHOICES = (5, 15, 60)  # minutes


@dataclass(frozen=True, slots=True)
class ReminderDTO:
    """A reminder to show: the follow-up (due at the occurrence reminded of) and when it fired."""

    followup: FollowupDTO
    occurrence: datetime
    fire_at: datetime

    @property
    def key(self) -> tuple[int, datetime, datetime]:
        """Tells a reminder already shown from a new one (a snooze that ran out is new)."""
        return self.followup.id, self.occurrence, self.fire_at


class ReminderService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def pending(self, now: datetime | None = None) -> list[ReminderDTO]:
        """Every reminder owed about `now`, fired or coming, by fire time."""
        return self._owed(now or self._ctx.now(), lambda fire_at: True)

    def due_reminders(self, now: datetime | None = None, window: timedelta = timedelta(0)) -> list[ReminderDTO]:
        """The reminders whose time has come by `now + window`."""
        now = now or self._ctx.now()
        return self._owed(now, lambda fire_at: fire_at <= now + window)

    def next_fire_at(self, now: datetime | None = None) -> datetime | None:
        """When the next reminder still to come fires (None: none within the month)."""
        now = now or self._ctx.now()
        with self._ctx.db.reading() as uow:
            coming = [due.fire_at for _row, due in self._candidates(uow, now) if due.fire_at > now]
        return min(coming, default=None)

    def _owed(self, now: datetime, wanted) -> list[ReminderDTO]:
        """The owed reminders whose fire time is `wanted`, by fire time; a follow-up's DTO is
        built only for those (a big calendar owes tens of thousands, most not yet due)."""
        found = []
        with self._ctx.db.reading() as uow:
            for row, due in self._candidates(uow, now):
                if wanted(due.fire_at):
                    dto = followup_dto(row)
                    if row[0].rrule:
                        dto = replace(dto, draft=replace(dto.draft, due_at=due.occurrence), series_start=row[0].due_at)
                    found.append(ReminderDTO(dto, due.occurrence, due.fire_at))
        return sorted(found, key=lambda x: (x.fire_at, x.followup.id))

    def _candidates(self, uow, now: datetime):
        """(row, PendingReminder) of each follow-up owing a reminder about `now`."""
        for row in uow.followups.reminder_candidates(now, LOOKBACK, MAX_LEAD, list_filters(self._ctx, ())):
            r = row[0]
            lead = None if r.reminder_minutes is None else min(r.reminder_minutes, MAX_LEAD // timedelta(minutes=1))
            due = pending_reminder(r.due_at, r.rrule, exdates_of(r.exdates), lead, r.reminded_at,
                                   r.snoozed_until, now, LOOKBACK)
            if due is not None:
                yield row, due

    def snooze_all(self, followup_ids, minutes: int) -> datetime:
        """Fire again `minutes` from now, each of `followup_ids`, in one transaction (one reminder, or
        "Snooze all" of a long list; one deleted meanwhile is skipped); returns that time."""
        if not 0 < minutes <= 24 * 60:
            raise ValidationError.single("snooze", "Snooze for between 1 minute and a day.")
        now = self._ctx.now()
        until = now + timedelta(minutes=minutes)
        with self._ctx.db.writing() as uow:
            for record in uow.followups.get_many(followup_ids):
                record.snoozed_until, record.updated_at = until, now
        return until

    def dismiss_all(self, occurrences: dict[int, datetime]) -> None:
        """Each follow-up's given occurrence is seen: its reminder does not fire again (the next
        occurrence's will); all in one transaction, one deleted meanwhile skipped."""
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            for record in uow.followups.get_many(occurrences):
                record.reminded_at, record.snoozed_until, record.updated_at = occurrences[record.id], None, now
