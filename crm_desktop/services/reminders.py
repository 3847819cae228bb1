"""Reminders that always fire: which follow-ups' reminders are due, snooze and dismiss.

Nothing is scheduled ahead: the app asks `due_reminders(now)` every few seconds and compares
with the wall clock, so sleep, a changed clock or a closed app cannot lose a reminder. What was
acknowledged is kept in the database (followups.reminded_at: the occurrence whose reminder was
dismissed; followups.snoozed_until), so each reminder fires once, on every PC sharing the data.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.recurrence import PendingReminder, pending_reminder
from crm_desktop.services.calendar_transfer import exdates_of
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import FollowupDTO
from crm_desktop.services.mapping import followup_dto_of
from crm_desktop.services.visibility import list_filters

LOOKBACK = timedelta(days=7)  # older ones are in the overdue list, not the reminders
MAX_LEAD = timedelta(days=31)  # a reminder set further ahead fires 31 days before
SNOOZE_CHOICES = (5, 15, 60)  # minutes
LISTED = 500  # reminders listed with their follow-ups; the others are counted, and "all" acts on them too


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


Key = tuple[int, datetime, datetime]  # (follow-up id, occurrence, fire time): see ReminderDTO.key


@dataclass(frozen=True, slots=True)
class DueReminders:
    """Everything due: each reminder's key, by fire time, and the newest of them with their follow-ups,
    newest first (a calendar may owe tens of thousands; a list of them all helps nobody)."""

    keys: tuple[Key, ...] = ()
    listed: tuple[ReminderDTO, ...] = ()


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
            coming = [due.fire_at for _id, _rule, due in self._owed_times(uow, now) if due.fire_at > now]
        return min(coming, default=None)

    def due(self, now: datetime | None = None, listed: int = LISTED) -> DueReminders:
        """The reminders whose time has come by `now`: every key, and the newest `listed` of them."""
        now = now or self._ctx.now()
        with self._ctx.db.reading() as uow:
            owed = self._sorted(uow, now, lambda fire_at: fire_at <= now)
            newest = owed[:-listed - 1:-1] if listed else []
            return DueReminders(tuple((fid, due.occurrence, due.fire_at) for due, fid, _rule in owed),
                                tuple(self._reminders(uow, newest)))

    def _owed(self, now: datetime, wanted) -> list[ReminderDTO]:
        """The owed reminders whose fire time is `wanted`, by fire time."""
        with self._ctx.db.reading() as uow:
            return self._reminders(uow, self._sorted(uow, now, wanted))

    def _sorted(self, uow, now: datetime, wanted) -> list[tuple[PendingReminder, int, str]]:
        """(PendingReminder, follow-up id, rule) of the owed reminders whose fire time is `wanted`, by
        fire time; from plain rows, no follow-up read yet (most of a big calendar's are not due)."""
        return sorted(((due, fid, rule) for fid, rule, due in self._owed_times(uow, now) if wanted(due.fire_at)),
                      key=lambda x: (x[0].fire_at, x[1]))

    @staticmethod
    def _reminders(uow, owed: list[tuple[PendingReminder, int, str]]) -> list[ReminderDTO]:
        """The reminders of `owed`, in its order, with their follow-ups (one deleted meanwhile left out)."""
        rows = uow.followups.rows([fid for _due, fid, _rule in owed])
        found = []
        for due, fid, rule in owed:
            if (row := rows.get(fid)) is not None:
                dto = followup_dto_of(row, row.contact_name, row.owner)
                found.append(ReminderDTO(_at_occurrence(dto, due.occurrence) if rule else dto, due.occurrence,
                                         due.fire_at))
        return found

    def _owed_times(self, uow, now: datetime):
        """(id, rule, PendingReminder) of each follow-up owing a reminder about `now`."""
        for fid, due_at, rule, exdates, minutes, reminded_at, snoozed_until in uow.followups.reminder_timings(
                now, LOOKBACK, MAX_LEAD, list_filters(self._ctx, ())):
            lead = None if minutes is None else min(minutes, MAX_LEAD // timedelta(minutes=1))
            due = pending_reminder(due_at, rule, exdates_of(exdates), lead, reminded_at, snoozed_until, now, LOOKBACK)
            if due is not None:
                yield fid, rule, due

    def snooze_all(self, followup_ids, minutes: int, asked_at: datetime | None = None) -> datetime:
        """Fire again `minutes` from now (from `asked_at`, when the user asked, if the save comes
        later), each of `followup_ids`, in one transaction (one reminder, or "Snooze all" of a long
        list; one deleted meanwhile is skipped); returns that time."""
        if not 0 < minutes <= 24 * 60:
            raise ValidationError.single("snooze", "Snooze for between 1 minute and a day.")
        now = self._ctx.now()
        until = (asked_at or now) + timedelta(minutes=minutes)
        with self._ctx.db.writing() as uow:
            uow.followups.set_snoozed(followup_ids, until, now)
        return until

    def dismiss_all(self, occurrences: dict[int, datetime]) -> None:
        """Each follow-up's given occurrence is seen: its reminder does not fire again (the next
        occurrence's will); all in one transaction, one deleted meanwhile skipped."""
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            uow.followups.set_reminded(occurrences, now)


def _at_occurrence(dto: FollowupDTO, occurrence: datetime) -> FollowupDTO:
    """A repeating follow-up's DTO as of the occurrence reminded of (its series start kept)."""
    return replace(dto, draft=replace(dto.draft, due_at=occurrence), series_start=dto.draft.due_at)
