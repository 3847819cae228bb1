"""Events of an iCalendar file (Google, Outlook, Thunderbird, phones) as plain `CalendarEvent`s.

Each VEVENT is converted on its own, so one broken event is reported with the line of its
BEGIN:VEVENT and the others still read. Zones: an IANA TZID is used as is; a Windows name
("China Standard Time", Outlook's) or an old Outlook display name ("Canberra, Melbourne, Sydney")
is mapped to its IANA zone; any other TZID keeps the zone its VTIMEZONE defines; floating times
(and a TZID nobody defines) are taken in the user's zone.
"""

from datetime import date, datetime, time, timedelta
from itertools import zip_longest
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Calendar, vRecur

from crm_desktop.domain.enums import FollowupKind, FollowupStatus
from crm_desktop.interchange.calendar_event import CalendarEvent
from crm_desktop.interchange.source import RowProblem, SourceError

try:  # icalendar >= 6 ships the CLDR table of Windows zone names
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON
except ImportError:  # pragma: no cover - older icalendar
    WINDOWS_TO_OLSON = {"China Standard Time": "Asia/Shanghai"}

# Outlook 2003/2007 wrote the display name, not the Windows id, as TZID ("(UTC+08:00) " stripped).
OUTLOOK_NAMES = {
    "Beijing, Chongqing, Hong Kong, Urumqi": "Asia/Shanghai",
    "Beijing, Chongqing, Hong Kong SAR, Urumqi": "Asia/Shanghai",
    "Taipei": "Asia/Taipei", "Osaka, Sapporo, Tokyo": "Asia/Tokyo", "Seoul": "Asia/Seoul",
    "Kuala Lumpur, Singapore": "Asia/Singapore", "Canberra, Melbourne, Sydney": "Australia/Sydney",
    "Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna": "Europe/Berlin",
    "Dublin, Edinburgh, Lisbon, London": "Europe/London",
    "Greenwich Mean Time : Dublin, Edinburgh, Lisbon, London": "Europe/London",
    "Eastern Time (US & Canada)": "America/New_York", "Central Time (US & Canada)": "America/Chicago",
    "Pacific Time (US & Canada)": "America/Los_Angeles", "Brasilia": "America/Sao_Paulo",
    "Brasília": "America/Sao_Paulo",
}
TIME_PROPERTIES = (None, "DTSTART", "DTEND", "DURATION")
KINDS = {k.value for k in FollowupKind}
STATUSES = {s.value for s in FollowupStatus}


class _Unreadable(Exception):
    """One event cannot be converted; carries the problem's template and params."""

    def __init__(self, template: str, **params):
        super().__init__(template)
        self.template, self.params = template, params


def read_ics(path: Path, tz_name: str = "Asia/Shanghai") -> tuple[list[CalendarEvent], list[RowProblem]]:
    """The file's events and the problems of the events that could not be read."""
    path = Path(path)
    text = _text(path)
    zone = ZoneInfo(tz_name)
    components = [e for calendar in _parse(text, path.name) for e in calendar.walk("VEVENT")]
    events, problems = [], []
    for line, component in zip_longest(_event_lines(text), components, fillvalue=0):
        if component == 0:
            break
        try:
            events.append(_event(component, zone, line))
        except _Unreadable as bad:
            problems.append(RowProblem.of(line, bad.template, **bad.params))
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
            problems.append(RowProblem.of(line, "The event cannot be read: {reason}.", reason=exc))
    return events, problems


def _text(path: Path) -> str:
    if not path.is_file():
        raise SourceError("There is no file {file}.", file=str(path))
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:  # an old Chinese Outlook writes GBK
        return data.decode("gb18030", errors="replace")


def _parse(text: str, name: str) -> list[Calendar]:
    if "BEGIN:VCALENDAR" not in text.upper():
        raise SourceError("{file} is not an iCalendar file (there is no BEGIN:VCALENDAR line).", file=name)
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise SourceError("{file} cannot be read as a calendar: {reason}.", file=name, reason=str(exc)) from exc
    if not calendars:  # the library drops a calendar that is cut off before its END:VCALENDAR
        raise SourceError("{file} cannot be read as a calendar: {reason}.", file=name,
                          reason="the file ends before END:VCALENDAR")
    return calendars


def _event_lines(text: str) -> list[int]:
    return [number for number, line in enumerate(text.splitlines(), 1) if line.strip().upper() == "BEGIN:VEVENT"]


def _event(c, zone: ZoneInfo, line: int) -> CalendarEvent:
    start, all_day = _moment(_required(c, "DTSTART"), zone)
    end = _end(c, start, all_day, zone)
    return CalendarEvent(
        uid=_uid(c), start=start, end=end, all_day=all_day,
        title="" if c.get("X-ZHANGGUI-UNTITLED") else str(c.get("SUMMARY", "")), notes=str(c.get("DESCRIPTION", "")), kind=_kind(c), status=_status(c),
        reminder_minutes=_reminder(c, start, end), rrule=_rrule(c, start, all_day, zone),
        exdates=_exdates(c, all_day, zone), contact_uuid=str(c.get("X-ZHANGGUI-CONTACT", "")), line=line,
    )


def _uid(c) -> str:
    """The UID; a changed occurrence of a repeating event (RECURRENCE-ID) is an event of its own."""
    uid, moved = str(c.get("UID", "")), c.get("RECURRENCE-ID")
    return f"{uid}#{moved.to_ical().decode()}" if uid and moved is not None else uid


def _required(c, name: str):
    prop = c.get(name)
    if prop is not None and hasattr(prop, "dt"):
        return prop
    reasons = [message for key, message in c.errors if key in TIME_PROPERTIES]
    if reasons:
        raise _Unreadable("The event cannot be read: {reason}.", reason=reasons[0])
    raise _Unreadable("The event has no start time (DTSTART); it was skipped.")


def _moment(prop, zone: ZoneInfo) -> tuple[datetime, bool]:
    """An aware instant, and whether the value was a DATE (an all-day event)."""
    value = prop.dt
    if not isinstance(value, datetime):
        if not isinstance(value, date):
            raise _Unreadable("The event cannot be read: {reason}.", reason=f"{value!r} is not a date or time")
        return datetime.combine(value, time(), zone), True
    return _zoned(value, prop.params.get("TZID"), zone), False


def _zoned(value: datetime, tzid: str | None, zone: ZoneInfo) -> datetime:
    mapped = zone_for(tzid) if tzid else None
    if mapped is not None:
        return value.replace(tzinfo=mapped)
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def zone_for(tzid: str) -> ZoneInfo | None:
    """The IANA zone a TZID names: itself, a Windows name or an old Outlook display name."""
    name = tzid.strip().strip('"')
    plain = name.split(")", 1)[1].strip() if name.startswith(("(UTC", "(GMT")) and ")" in name else name
    for candidate in (name, WINDOWS_TO_OLSON.get(name), OUTLOOK_NAMES.get(plain)):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return None


def _end(c, start: datetime, all_day: bool, zone: ZoneInfo) -> datetime:
    if c.get("DTEND") is not None:
        return _moment(_required(c, "DTEND"), zone)[0]
    duration = c.get("DURATION")
    if duration is not None and isinstance(getattr(duration, "dt", None), timedelta):
        return start + duration.dt
    return start + timedelta(days=1) if all_day else start


def _kind(c) -> str:
    own = str(c.get("X-ZHANGGUI-KIND", "")).lower()
    if own in KINDS:
        return own
    return next((str(cat).lower() for cat in c.categories if str(cat).lower() in KINDS), "")


def _status(c) -> str:
    own = str(c.get("X-ZHANGGUI-STATUS", "")).lower()
    if own in STATUSES:
        return own
    return "cancelled" if str(c.get("STATUS", "")).upper() == "CANCELLED" else "planned"


def _reminder(c, start: datetime, end: datetime) -> int | None:
    """The earliest warning of the event's alarms, in minutes before the start."""
    leads = [lead for alarm in c.walk("VALARM") if (lead := _lead(alarm, start, end)) is not None]
    return max(leads) if leads else None


def _lead(alarm, start: datetime, end: datetime) -> int | None:
    trigger = alarm.get("TRIGGER")
    value = getattr(trigger, "dt", None)
    if isinstance(value, timedelta):
        anchor = end if str(trigger.params.get("RELATED", "START")).upper() == "END" else start
        lead = (start - (anchor + value)) / timedelta(minutes=1)
    elif isinstance(value, datetime) and value.tzinfo is not None:
        lead = (start - value) / timedelta(minutes=1)
    else:
        return None
    return round(lead) if lead >= 0 else None


def _rrule(c, start: datetime, all_day: bool, zone: ZoneInfo) -> str:
    """The rule as text; UNTIL made a UTC instant, as a rule over an aware start needs.
    A rule the library could not parse is kept as written: the importer reports it."""
    rule = c.get("RRULE")
    if isinstance(rule, list):
        rule = rule[0] if rule else None
    if rule is None:
        return ""
    if isinstance(rule, vRecur) and rule.get("UNTIL"):
        rule = rule.copy()
        rule["UNTIL"] = [_utc_until(rule["UNTIL"][0], start, all_day, zone)]
    return rule.to_ical().decode()


def _utc_until(until, start: datetime, all_day: bool, zone: ZoneInfo) -> datetime:
    if not isinstance(until, datetime):  # a DATE: the last day, counted from the start's local time
        local = time() if all_day else start.timetz().replace(tzinfo=None)
        until = datetime.combine(until, local, start.tzinfo or zone)
    elif until.tzinfo is None:
        until = until.replace(tzinfo=start.tzinfo or zone)
    return until.astimezone(ZoneInfo("UTC"))


def _exdates(c, all_day: bool, zone: ZoneInfo) -> tuple[datetime | date, ...]:
    found = c.get("EXDATE")
    lists = found if isinstance(found, list) else [found] if found is not None else []
    values = []
    for listed in lists:
        tzid = listed.params.get("TZID")
        for item in listed.dts:
            value = item.dt
            if all_day:
                values.append(value.date() if isinstance(value, datetime) else value)
            elif isinstance(value, datetime):
                values.append(_zoned(value, tzid, zone))
    return tuple(values)
