"""One calendar event as both iCalendar directions see it: plain values, no library types.

The writer and the reader meet here, so a follow-up exported and read back is the same value.
"""

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    uid: str  # "<uuid>@zhanggui-crm" for the CRM's own follow-ups, the file's UID otherwise
    start: datetime  # aware; an all-day event starts at local midnight of its first day
    end: datetime  # aware, after `start`
    all_day: bool = False
    title: str = ""
    notes: str = ""
    kind: str = ""  # a FollowupKind value, or "" when the file does not say
    status: str = "planned"  # a FollowupStatus value
    reminder_minutes: int | None = None  # minutes before the start
    rrule: str = ""  # RRULE text without "RRULE:"; UNTIL in UTC for timed events
    exdates: tuple[datetime | date, ...] = ()  # aware instants, or dates for all-day events
    contact_uuid: str = ""
    contact_name: str = ""
    line: int = 0  # the line of BEGIN:VEVENT in the file read, for the problems an import reports


UID_DOMAIN = "@zhanggui-crm"


def uid_of(uuid: str) -> str:
    return f"{uuid}{UID_DOMAIN}"


def uuid_in(uid: str) -> str:
    """The CRM uuid inside one of its own UIDs, or "" for a UID some other program made."""
    return uid[: -len(UID_DOMAIN)] if uid.endswith(UID_DOMAIN) else ""
