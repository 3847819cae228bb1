"""Occurrences of a repeating follow-up (RRULE via python-dateutil) and when a reminder is due.

A series is one follow-up row: its due time is the first occurrence (DTSTART), its rule says how
it repeats, its exceptions (EXDATE) which occurrences are left out. Occurrences are expanded in
the computer's time zone, so a weekly 09:00 visit stays at 09:00 on the wall clock across a
daylight-saving change; each occurrence is known by its instant (UTC), which is what an exception
or an acknowledged reminder records.
"""

import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

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
    if skip_at or skip_day:
        found = [o for o in found if o not in skip_at and o.astimezone().date() not in skip_day]
    return found


# The series is expanded in the computer's wall-clock time, without a time zone object: Python's own
# conversions to and from local time (`astimezone()` of an instant, `astimezone(UTC)` of a wall-clock
# time) ask the system as dateutil's tzlocal does, at about a seventh of its cost, and the rule's
# arithmetic and comparisons run on plain datetimes (a reminder check expands every started series).
_MARGIN = timedelta(days=1)  # more than any clock change: a wall-clock range safely around [start, end)


def _wall(instant: datetime) -> datetime:
    """The computer's wall-clock time at an instant, as a naive datetime."""
    return instant.astimezone().replace(tzinfo=None)


def _zone() -> tuple:
    """Which time zone the computer is in (`time.tzset` may change it): part of the caches' keys."""
    return time.timezone, time.altzone, time.tzname


@lru_cache(maxsize=256)
def _template(rule: str, _zone_key: tuple):
    """The rule read once per text (the same few rules repeat over thousands of series), its UNTIL
    (an instant, written in UTC) turned into wall-clock time like the start it is compared with."""
    return rrulestr(_wall_until(rule), dtstart=datetime(2000, 1, 1))


def _wall_until(rule: str) -> str:
    parts = []
    for part in rule.split(";"):
        key, _, value = part.partition("=")
        if key.strip().upper() == "UNTIL" and value.strip().upper().endswith("Z"):
            until = datetime.strptime(value.strip().upper(), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
            part = f"UNTIL={_wall(until):%Y%m%dT%H%M%S}"
        parts.append(part)
    return ";".join(parts)


@lru_cache(maxsize=1024)
def _parsed(rule: str, first: datetime, zone_key: tuple):
    """The series starting at wall-clock time `first` (a month view asks for the same series again)."""
    template = _template(rule, zone_key)
    if isinstance(template, rrule):
        return template.replace(dtstart=first, cache=True)
    return rrulestr(_wall_until(rule), dtstart=first, cache=True)  # a set of rules: read with its start


def _expand(due_at: datetime, rule: str, start: datetime, end: datetime, limit: int) -> list[datetime]:
    try:
        series = _parsed(rule, _wall(due_at), _zone())
    except (ValueError, TypeError):
        return [due_at.astimezone(UTC)] if start <= due_at < end else []
    result = []
    for hit in series.xafter(_wall(start) - _MARGIN, inc=True):
        instant = hit.astimezone(UTC)  # a naive datetime is taken as the computer's local time
        if instant >= end:
            break
        if instant >= start:
            result.append(instant)
            if len(result) == limit:
                break
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
