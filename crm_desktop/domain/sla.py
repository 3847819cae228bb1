"""Service-level clocks of after-sales tickets, counted in business time.

A promise such as "an urgent repair is answered within one hour" means one *working* hour: the
clock stops at night, at the weekend and on public holidays, and it is paused while the ticket
waits for the customer (their silence is not our delay). Everything here is pure: the caller
passes "now", the ticket's facts and its status history, and gets an `SlaClock` back.

Default targets, in business hours (a working day of the default calendar is 09:00–18:00):

| priority | first response | resolution |
|----------|----------------|------------|
| urgent   | 1              | 4          |
| high     | 4              | 16 (about two working days) |
| normal   | 8              | 40         |
| low      | 16             | 80         |
"""

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from types import MappingProxyType
from zoneinfo import ZoneInfo

from crm_desktop.domain.enums import TicketPriority, TicketStatus

DEFAULT_ZONE = "Asia/Shanghai"
RUNNING = frozenset({TicketStatus.NEW, TicketStatus.IN_PROGRESS})  # the resolution clock runs
DONE = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})


@lru_cache(maxsize=64)
def _china_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, weekend days that are worked) of one year. Newer `holidays` releases know the
    makeup working days (调休) as `weekend_workdays`; older ones do not, hence the calendar's
    `extra_working_days`. `holidays` is imported here, on first use (it costs the app's start-up)."""
    import holidays

    cn = holidays.China(years=year)
    makeup = frozenset(d for d in getattr(cn, "weekend_workdays", ()) if d.year == year)
    return frozenset(cn.keys()), makeup


@dataclass(frozen=True)
class WorkingCalendar:
    """When the shop works: weekdays, one daily window, public holidays and local exceptions."""

    zone: str = DEFAULT_ZONE
    day_start: time = time(9)
    day_end: time = time(18)
    workdays: frozenset[int] = frozenset(range(5))  # Monday = 0
    extra_working_days: frozenset[date] = frozenset()
    extra_days_off: frozenset[date] = frozenset()
    public_holidays: bool = True

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.zone)

    @property
    def day_seconds(self) -> int:
        return _seconds(self.day_end) - _seconds(self.day_start)

    def is_working_day(self, d: date) -> bool:
        if d in self.extra_days_off:
            return False
        if d in self.extra_working_days:
            return True
        if self.public_holidays:
            off, makeup = _china_year(d.year)
            if d in makeup:
                return True
            if d in off:
                return False
        return d.weekday() in self.workdays


def _seconds(t: time) -> int:
    return t.hour * 3600 + t.minute * 60 + t.second


@lru_cache(maxsize=256)
def _year_table(cal: WorkingCalendar, year: int) -> tuple[tuple[int, ...], tuple[bool, ...], int, int, int]:
    """Of one year: the working seconds before each day (index = day of year from 0; the last
    entry is the year's total), whether each day is worked, the ordinal of 1 January, and the
    working day's start and length in seconds. Cached, so a clock over months costs a few
    look-ups, not a walk of days (a dashboard reads about a million clock ends at scale)."""
    first, totals, worked, running = date(year, 1, 1), [0], [], 0
    for n in range((date(year + 1, 1, 1) - first).days):
        works = cal.is_working_day(first + timedelta(days=n))
        running += cal.day_seconds if works else 0
        totals.append(running)
        worked.append(works)
    return tuple(totals), tuple(worked), first.toordinal(), _seconds(cal.day_start), cal.day_seconds


@lru_cache(maxsize=16)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _position(cal: WorkingCalendar, instant: datetime) -> tuple[int, int]:
    """(year, working seconds of that year before `instant`)."""
    local = instant.astimezone(_zone(cal.zone))
    prefix, worked, first, start_s, day_s = _year_table(cal, local.year)
    i = local.toordinal() - first
    if not worked[i]:
        return local.year, prefix[i]
    into = local.hour * 3600 + local.minute * 60 + local.second - start_s
    return local.year, prefix[i] + min(max(into, 0), day_s)


POSITION_BASE_YEAR = 2000  # working positions count from 1 January of this year (local time)


@lru_cache(maxsize=256)
def _year_offset(cal: WorkingCalendar, year: int) -> int:
    """Working seconds from the base year's start to `year`'s start (negative before it)."""
    if year == POSITION_BASE_YEAR:
        return 0
    if year > POSITION_BASE_YEAR:
        return _year_offset(cal, year - 1) + _year_table(cal, year - 1)[0][-1]
    return _year_offset(cal, year + 1) - _year_table(cal, year)[0][-1]


def working_position(instant: datetime, cal: WorkingCalendar) -> int:
    """Working seconds from the start of POSITION_BASE_YEAR to `instant`: a counter that stands
    still outside working time, so the working time between two instants is the difference of
    their positions."""
    year, into = _position(cal, instant)
    return _year_offset(cal, year) + into


def business_seconds(start: datetime, end: datetime, cal: WorkingCalendar) -> int:
    if end <= start:
        return 0
    (y1, s1), (y2, s2) = _position(cal, start), _position(cal, end)
    if y1 == y2:
        return s2 - s1
    return s2 - s1 + _year_offset(cal, y2) - _year_offset(cal, y1)


def business_minutes(start: datetime, end: datetime, cal: WorkingCalendar) -> int:
    """Working minutes between two aware instants (0 when `end` is not after `start`)."""
    return business_seconds(start, end, cal) // 60


def next_working_day_at(instant: datetime, at: time, cal: WorkingCalendar) -> datetime:
    """`at` o'clock (local) on the first working day after `instant`'s local day."""
    day = instant.astimezone(cal.tz).date() + timedelta(days=1)
    while not cal.is_working_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, at, tzinfo=cal.tz)


# --- policy ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlaTarget:
    first_response_minutes: int
    resolution_minutes: int


DEFAULT_TARGETS: Mapping[TicketPriority, SlaTarget] = MappingProxyType({
    TicketPriority.URGENT: SlaTarget(60, 4 * 60),
    TicketPriority.HIGH: SlaTarget(4 * 60, 16 * 60),
    TicketPriority.NORMAL: SlaTarget(8 * 60, 40 * 60),
    TicketPriority.LOW: SlaTarget(16 * 60, 80 * 60),
})


@dataclass(frozen=True)
class SlaPolicy:
    """Targets per priority in business minutes; a clock with less than `at_risk_share` of its
    target left is "at risk". A settings dialog can build another one with `replace()`."""

    targets: Mapping[TicketPriority, SlaTarget] = field(default_factory=lambda: DEFAULT_TARGETS)
    at_risk_share: float = 0.2

    def target(self, priority: TicketPriority) -> SlaTarget:
        return self.targets[TicketPriority(priority)]


# --- clocks ------------------------------------------------------------------------------------


class SlaState(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    MET = "met"


SEVERITY = {SlaState.MET: 0, SlaState.ON_TRACK: 1, SlaState.AT_RISK: 2, SlaState.BREACHED: 3}  # how bad, for the headline
STATE_OF_SEVERITY = {n: state for state, n in SEVERITY.items()}


@dataclass(frozen=True, slots=True)
class TicketFacts:
    priority: TicketPriority
    status: TicketStatus
    opened_at: datetime
    first_response_at: datetime | None = None
    resolved_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StatusInterval:
    status: TicketStatus
    start: datetime
    end: datetime | None = None  # None: the ticket is still in this status


@dataclass(frozen=True, slots=True)
class ClockReading:
    target_minutes: int
    used_minutes: int
    state: SlaState
    running: bool  # False once the clock has stopped for good (answered, resolved)

    @property
    def left_minutes(self) -> int:
        """Negative when over the target."""
        return self.target_minutes - self.used_minutes


@dataclass(frozen=True, slots=True)
class SlaClock:
    first_response: ClockReading
    resolution: ClockReading
    paused: bool  # waiting for the customer: the resolution clock stands still

    @property
    def headline(self) -> ClockReading:
        """The clock a list shows: the more urgent of the running ones, else the resolution."""
        running = [c for c in (self.first_response, self.resolution) if c.running]
        if not running:
            return self.resolution
        return max(running, key=lambda c: (SEVERITY[c.state], -c.left_minutes))


def status_intervals(events: Iterable[tuple[datetime, str]]) -> list[StatusInterval]:
    """(occurred_at, to_status) events in time order -> the stretch spent in each status."""
    ordered = list(events)
    return [StatusInterval(TicketStatus(status), start, ordered[i + 1][0] if i + 1 < len(ordered) else None)
            for i, (start, status) in enumerate(ordered)]


def _fallback_intervals(facts: TicketFacts) -> list[StatusInterval]:
    """A ticket without history (imported): open since it was opened, or worked until resolved."""
    if facts.status in DONE and facts.resolved_at:
        return [StatusInterval(TicketStatus.IN_PROGRESS, facts.opened_at, facts.resolved_at),
                StatusInterval(facts.status, facts.resolved_at)]
    return [StatusInterval(facts.status, facts.opened_at)]


def clock_reading(used_s: int, target: int, running: bool, share: float) -> ClockReading:
    """One clock's reading: `used_s` working seconds against a target in minutes."""
    used = used_s // 60
    if not running:
        state = SlaState.MET if used <= target else SlaState.BREACHED
    elif used >= target:
        state = SlaState.BREACHED
    elif target - used < share * target:
        state = SlaState.AT_RISK
    else:
        state = SlaState.ON_TRACK
    return ClockReading(target, used, state, running)


def _resolution_seconds(intervals: list[StatusInterval], now: datetime, cal: WorkingCalendar) -> int:
    return sum(business_seconds(i.start, min(i.end or now, now), cal) for i in intervals if i.status in RUNNING)


def sla_state(facts: TicketFacts, intervals: list[StatusInterval], now: datetime,
              policy: SlaPolicy | None = None, calendar: WorkingCalendar | None = None) -> SlaClock:
    """Both clocks of one ticket at `now`. A reopened ticket's resolution clock goes on from
    where it stopped: the customer waits for one solution, however many attempts it takes."""
    policy, calendar = policy or SlaPolicy(), calendar or WorkingCalendar()
    target = policy.target(facts.priority)
    answered = facts.first_response_at
    first_s = business_seconds(facts.opened_at, min(answered or now, now), calendar)
    resolution_s = _resolution_seconds(intervals or _fallback_intervals(facts), now, calendar)
    return SlaClock(
        first_response=clock_reading(first_s, target.first_response_minutes, answered is None, policy.at_risk_share),
        resolution=clock_reading(resolution_s, target.resolution_minutes, facts.status not in DONE,
                            policy.at_risk_share),
        paused=facts.status == TicketStatus.WAITING,
    )


# --- banked clocks ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SlaBank:
    """What a ticket's clocks have used up to its latest change, in working seconds, and the
    working positions (`working_position`) the clocks still running started from. It changes only
    when the ticket does, so it is kept with the ticket: a report over a hundred thousand tickets
    then needs one position, now's, and integer arithmetic, not every ticket's history."""

    opened_pos: int
    first_response_s: int | None  # None while unanswered: that clock runs from opened_pos
    resolution_s: int  # in running statuses, before the current one
    last_change: datetime  # when the current status began
    run_pos: int | None  # the resolution clock runs from here in the current status; None: it stands


def sla_bank(facts: TicketFacts, intervals: list[StatusInterval], calendar: WorkingCalendar) -> SlaBank:
    """The bank of a ticket's history; `banked_state` of it equals `sla_state` at any `now` not
    before its latest change and its first response (`bank_covers`)."""
    intervals = intervals or _fallback_intervals(facts)
    *closed, last = intervals
    answered = facts.first_response_at
    return SlaBank(
        opened_pos=working_position(facts.opened_at, calendar),
        first_response_s=business_seconds(facts.opened_at, answered, calendar) if answered else None,
        resolution_s=sum(business_seconds(i.start, i.end, calendar) for i in closed if i.status in RUNNING),
        last_change=last.start,
        run_pos=working_position(last.start, calendar) if last.status in RUNNING else None)


def bank_covers(bank: SlaBank, first_response_at: datetime | None, now: datetime) -> bool:
    """Whether `banked_state` may stand for `sla_state` at `now` (a clock set back may not)."""
    return now >= bank.last_change and (first_response_at is None or now >= first_response_at)


def banked_seconds(bank: SlaBank, now_pos: int) -> tuple[int, int]:
    """(first response, resolution) working seconds used at the working position `now_pos`."""
    first = bank.first_response_s if bank.first_response_s is not None else max(0, now_pos - bank.opened_pos)
    return first, bank.resolution_s + (max(0, now_pos - bank.run_pos) if bank.run_pos is not None else 0)


def banked_state(priority: TicketPriority, status: TicketStatus, bank: SlaBank, now_pos: int,
                 policy: SlaPolicy) -> SlaClock:
    """Both clocks at the working position `now_pos` from the bank."""
    target = policy.target(priority)
    first_s, resolution_s = banked_seconds(bank, now_pos)
    return SlaClock(
        first_response=clock_reading(first_s, target.first_response_minutes, bank.first_response_s is None,
                                     policy.at_risk_share),
        resolution=clock_reading(resolution_s, target.resolution_minutes, status not in DONE, policy.at_risk_share),
        paused=status == TicketStatus.WAITING,
    )


def calendar_basis(calendar: WorkingCalendar) -> str:
    """A short key of what banked seconds depend on: the calendar and the holiday rules' release.
    A bank kept under another key is not used (it is counted again from the history)."""
    import holidays

    c = calendar
    stamp = "|".join((c.zone, c.day_start.isoformat(), c.day_end.isoformat(), ",".join(map(str, sorted(c.workdays))),
                      ",".join(d.isoformat() for d in sorted(c.extra_working_days)),
                      ",".join(d.isoformat() for d in sorted(c.extra_days_off)), str(c.public_holidays),
                      f"holidays {holidays.__version__}"))
    return hashlib.sha1(stamp.encode()).hexdigest()[:16]
