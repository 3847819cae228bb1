"""Follow-ups as an iCalendar file that Google Calendar, Outlook and Thunderbird accept.

Times are written in the user's zone with a TZID and a VTIMEZONE (Outlook shows floating or UTC
times oddly, and a VTIMEZONE spares the reader from knowing the zone); all-day events as DATE
values with an exclusive DTEND, as RFC 5545 and every client expect. The UID is the follow-up's
uuid, so a calendar that imports the file twice updates instead of duplicating.
"""

import os
import tempfile
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event, vRecur

from crm_desktop.interchange.calendar_event import CalendarEvent

PRODID = "-//Zhanggui CRM//Zhanggui CRM 掌柜//ZH"
_STATUS = {"cancelled": "CANCELLED"}  # everything else is CONFIRMED; done/missed say so in X-ZHANGGUI-STATUS


def write_ics(path: Path, events: Iterable[CalendarEvent], tz_name: str) -> int:
    """Write `events` to `path` (through a temporary file put in place at the end); the count."""
    zone, calendar, count = ZoneInfo(tz_name), _calendar(), 0
    stamp = datetime.now(UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(_event(event, zone, stamp))
        count += 1
    calendar.add_missing_timezones()
    _replace(Path(path), calendar.to_ical())
    return count


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    return calendar


def _event(e: CalendarEvent, zone: ZoneInfo, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", e.uid)
    event.add("dtstamp", stamp)
    start, end = _span(e, zone)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", e.title or f"{e.kind}: {e.contact_name}")
    if not e.title:  # the summary above is made up: read back, the follow-up has no title again
        event.add("x-zhanggui-untitled", "TRUE")
    if e.notes:
        event.add("description", e.notes)
    _add_codes(event, e)
    _add_recurrence(event, e, zone)
    if e.reminder_minutes is not None:
        event.add_component(_alarm(e))
    return event


def _span(e: CalendarEvent, zone: ZoneInfo) -> tuple[date | datetime, date | datetime]:
    """DTSTART and DTEND: local dates (DTEND the day after the last) or local times."""
    if e.all_day:
        first = e.start.astimezone(zone).date()
        days = max(1, round((e.end - e.start) / timedelta(days=1)))
        return first, first + timedelta(days=days)
    return e.start.astimezone(zone), e.end.astimezone(zone)


def _add_codes(event: Event, e: CalendarEvent) -> None:
    """What a calendar program understands (CATEGORIES, STATUS) and what only we read back."""
    event.add("status", _STATUS.get(e.status, "CONFIRMED"))
    if e.kind:
        event.add("categories", [e.kind])
        event.add("x-zhanggui-kind", e.kind)
    if e.status in ("done", "missed"):
        event.add("x-zhanggui-status", e.status)
    if e.contact_uuid:
        event.add("x-zhanggui-contact", e.contact_uuid)


def _add_recurrence(event: Event, e: CalendarEvent, zone: ZoneInfo) -> None:
    if e.rrule:
        event.add("rrule", _rrule(e.rrule, e.all_day, zone))
    if e.exdates:
        event.add("exdate", [_local(x, e.all_day, zone) for x in e.exdates])


def _rrule(text: str, all_day: bool, zone: ZoneInfo) -> vRecur:
    """The stored rule; an all-day event's UNTIL as a date, which RFC 5545 asks for."""
    rule = vRecur.from_ical(text)
    until = rule.get("UNTIL")
    if all_day and until and isinstance(until[0], datetime):
        rule["UNTIL"] = [_local(until[0], True, zone)]
    return rule


def _local(value: date | datetime, all_day: bool, zone: ZoneInfo) -> date | datetime:
    if not isinstance(value, datetime):
        return value
    moment = value.astimezone(zone) if value.tzinfo else value
    return moment.date() if all_day else moment


def _alarm(e: CalendarEvent) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(minutes=-e.reminder_minutes))
    alarm.add("description", e.title or e.contact_name or "Zhanggui CRM")
    return alarm


def _replace(path: Path, data: bytes) -> None:
    """Write next to `path`, then swap it in: a failure never leaves half a file behind."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
