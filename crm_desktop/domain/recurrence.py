"""Occurrences of a repeating follow-up (RRULE via python-dateutil) and when a reminder is due.

A series is one follow-up row: its due time is the first occurrence (DTSTART), its rule says how
it repeats, its exceptions (EXDATE) which occurrences are left out. Occurrences are expanded in
the computer's time zone, so a weekly 09:00 visit stays at 09:00 on the wall clock across a
daylight-saving change; each occurrence is known by its instant (UTC), which is what an exception
or an acknowledged reminder records.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import islice

from dateutil.rrule import rrulestr
from dateutil.tz import tzlocal

MAX_OCCURRENCES = 2000  # per series and range: a daily rule over a century stays cheap to show


def occurrences(due_at: datetime, rule: str, exdates: Iterable[datetime | date], start: datetime,
                end: datetime, limit: int = MAX_OCCURRENCES) -> list[datetime]:
    """The occurrence instants (UTC) in [start, end), exceptions left out. Without a rule the
    follow-up occurs once, at `due_at`. A rule dateutil cannot read yields only `due_at`."""
    skip_at = {d.astimezone(UTC) for d in exdates if isinstance(d, datetime)}
    skip_day = {d for d in exdates if not isinstance(d, datetime)}
    if not rule:
        found = [due_at.astimezone(UTC)] if start <= due_at < end else []
    else:
        found = _expand(due_at, rule, start, end, limit)
    return [o for o in found if o not in skip_at and o.astimezone().date() not in skip_day]


@lru_cache(maxsize=1024)
def _parsed(rule: str, due_at: datetime):
    """The parsed rule (parsing is most of a month view's cost; the same series come back)."""
    return rrulestr(rule, dtstart=due_at.astimezone(tzlocal()), cache=True)


def _expand(due_at: datetime, rule: str, start: datetime, end: datetime, limit: int) -> list[datetime]:
    local = tzlocal()
    try:
        series = _parsed(rule, due_at)
    except (ValueError, TypeError):
        return [due_at.astimezone(UTC)] if start <= due_at < end else []
    hits = series.xafter(start.astimezone(local), inc=True)
    result = []
    for hit in islice(hits, limit):
        if hit >= end:
            break
        result.append(hit.astimezone(UTC))
    return result


def shifted_rule(rule: str, delta: timedelta) -> str:
    """The rule of a series moved by `delta`: an UNTIL moves with it, so no occurrence is lost."""
    parts = [p for p in rule.split(";") if p]
    out = []
    for part in parts:
        key, _, value = part.partition("=")
        if key.upper() == "UNTIL" and value.endswith("Z") and "T" in value:
            until = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) + delta
            part = f"UNTIL={until:%Y%m%dT%H%M%SZ}"
        out.append(part)
    return ";".join(out)


# --- reminders ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PendingReminder:
    """The reminder a follow-up owes: for which occurrence, and when it fires."""

    occurrence: datetime
    fire_at: datetime


def pending_reminder(due_at: datetime, rule: str, exdates: Iterable[datetime | date], lead_minutes: int | None,
                     acknowledged: datetime | None, snoozed_until: datetime | None, now: datetime,
                     lookback: timedelta) -> PendingReminder | None:
    """The reminder to fire now or next: the latest occurrence whose reminder time (due time minus
    the lead) has passed and that nobody acknowledged, else the next one to come. Occurrences older
    than `lookback` are the overdue list's business, not a reminder's. A snooze moves the fire time."""
    if lead_minutes is None:
        return None
    lead = timedelta(minutes=lead_minutes)
    floor, horizon = now - lookback, now + lead + timedelta(days=35)  # far enough for "next"
    if not rule:  # a moved follow-up (due time no longer the acknowledged one) reminds again
        candidates = [o for o in occurrences(due_at, "", exdates, floor, horizon) if o != acknowledged]
    else:
        if acknowledged is not None:
            floor = max(floor, acknowledged + timedelta(microseconds=1))
        candidates = occurrences(due_at, rule, exdates, floor, horizon, limit=400)
    fired = [o for o in candidates if o - lead <= now]
    if fired:
        occurrence = fired[-1]
    elif candidates:
        occurrence = candidates[0]
    else:
        return None
    fire_at = occurrence - lead
    if snoozed_until is not None and snoozed_until > fire_at:
        fire_at = snoozed_until
    return PendingReminder(occurrence, fire_at)
