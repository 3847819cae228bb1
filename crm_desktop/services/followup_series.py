"""Repeating follow-ups on the calendar: their occurrences in a range, and "this one or the series".

Changing one occurrence (moving it, marking it done) follows the calendar programs' way: the
occurrence becomes an exception of the series (EXDATE) and a follow-up of its own that does not
repeat. Changing the series moves its first due time by the same step.
"""

from dataclasses import replace
from datetime import date, datetime, timedelta

from crm_desktop.domain.enums import FollowupStatus
from crm_desktop.domain.recurrence import occurrences, shifted_rule
from crm_desktop.services.calendar_transfer import exdates_of, exdates_text
from crm_desktop.services.dto import DaySummary, FollowupDTO, ListQuery
from crm_desktop.services.mapping import followup_dto

_COPIED = ("contact_id", "owner_id", "kind", "title", "duration_minutes", "all_day", "reminder_minutes",
           "notes", "ticket_id")


def expand(row, start: datetime, end: datetime) -> list[FollowupDTO]:
    """A series row's occurrences in [start, end), each a FollowupDTO due at the occurrence."""
    record = row[0]
    found = occurrences(record.due_at, record.rrule, exdates_of(record.exdates), start, end)
    if not found:
        return []
    series = followup_dto(row)
    return [replace(series, draft=replace(series.draft, due_at=o), series_start=record.due_at) for o in found]


def detach(uow, record, occurrence: datetime, now: datetime, **changes) -> int:
    """Make one occurrence of the series `record` a follow-up of its own (with `changes`) and leave
    it out of the series; returns the new follow-up's id. Both in the caller's unit of work."""
    values = {key: getattr(record, key) for key in _COPIED}
    values.update(due_at=occurrence, rrule="", exdates="", status="planned", reminded_at=record.reminded_at,
                  created_at=now, updated_at=now)
    values.update(changes)
    single = uow.followups.add(**values)
    record.exdates = exdates_text((*exdates_of(record.exdates), occurrence))
    record.updated_at = now
    return single.id


def shift_series(record, occurrence: datetime, new_due: datetime, now: datetime) -> None:
    """Move the whole series by the step that takes `occurrence` to `new_due`."""
    delta = new_due - occurrence
    record.due_at = record.due_at + delta
    record.rrule = shifted_rule(record.rrule, delta)
    record.exdates = exdates_text(e + delta if isinstance(e, datetime) else e for e in exdates_of(record.exdates))
    record.snoozed_until = None
    record.updated_at = now


# --- bounded ranges: the agenda's day and the month's days ------------------------------------------
_SORT_KEYS = {
    "due": lambda f: f.due_at, "contact": lambda f: f.contact_name, "kind": lambda f: f.draft.kind.value,
    "title": lambda f: f.draft.title, "status": lambda f: f.draft.status.value, "owner": lambda f: f.owner,
}


def is_day_range(query: ListQuery) -> bool:
    """The agenda's day (or any range of two days at most): listed from occurrences, not by SQL paging."""
    filters = dict(query.filters)
    return not query.trashed and filters.get("start") is not None and filters.get("end") is not None \
        and filters["end"] - filters["start"] <= timedelta(days=2)


def searched_and_sorted(items: list[FollowupDTO], query: ListQuery) -> list[FollowupDTO]:
    """A day's follow-ups searched and sorted as the agenda's query asks."""
    text = (query.text or "").strip().lower()
    if text:
        items = [f for f in items if text in f"{f.contact_name}\n{f.draft.title}\n{f.draft.notes}".lower()]
    key = _SORT_KEYS.get(query.sort or "due", _SORT_KEYS["due"])
    return sorted(items, key=lambda f: (key(f), f.due_at, f.id), reverse=query.descending)


def occurrences_by_day(series_rows, start: datetime, end: datetime, now: datetime) -> dict:
    """Local day -> ((series rows whose own due time falls that day, of them planned and past),
    the occurrences that day): the rows the day's SQL count holds, and what stands for them."""
    by_day: dict[date, tuple[list[int], list[FollowupDTO]]] = {}
    for row in series_rows:
        record = row[0]
        if start <= record.due_at < end:
            counted = by_day.setdefault(record.due_at.astimezone().date(), ([0, 0], []))[0]
            counted[0] += 1
            counted[1] += int(record.status == FollowupStatus.PLANNED.value and record.due_at < now)
        for f in expand(row, start, end):
            by_day.setdefault(f.due_at.astimezone().date(), ([0, 0], []))[1].append(f)
    return by_day


def day_summary(day: date, singles_total: int, singles_late: int, singles: list[FollowupDTO],
                occurrences: list[FollowupDTO], per_day: int, now: datetime) -> DaySummary:
    """One month day: the single follow-ups' SQL count and first rows, plus the occurrences."""
    late = singles_late + sum(1 for f in occurrences if f.status == FollowupStatus.PLANNED and f.due_at < now)
    first = sorted(singles + occurrences, key=lambda f: (f.due_at, f.id))[:per_day]
    return DaySummary(day, singles_total + len(occurrences), tuple(first), late)
