"""Business-time clocks: nights, weekends, 国庆 and makeup days, waiting pauses, reopening."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.domain.enums import TicketPriority, TicketStatus
from crm_desktop.domain.sla import (
    SlaPolicy,
    SlaState,
    SlaTarget,
    TicketFacts,
    WorkingCalendar,
    business_minutes,
    next_working_day_at,
    sla_state,
    status_intervals,
)

SH = ZoneInfo("Asia/Shanghai")
CAL = WorkingCalendar()
S, P = TicketStatus, TicketPriority


def sh(month, day, hour=9, minute=0, year=2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SH)


@pytest.mark.parametrize(("start", "end", "minutes"), [
    (sh(3, 2, 10), sh(3, 2, 12, 30), 150),  # one morning
    (sh(3, 2, 7), sh(3, 2, 20), 540),  # before and after hours count nothing
    (sh(3, 2, 17), sh(3, 3, 10), 120),  # across a night
    (sh(3, 6, 17), sh(3, 9, 10), 120),  # Friday evening to Monday morning
    (sh(3, 7, 10), sh(3, 8, 16), 0),  # a whole weekend
    (sh(3, 2, 12), sh(3, 2, 11), 0),  # end before start
])
def test_business_minutes(start, end, minutes):
    assert business_minutes(start, end, CAL) == minutes


def test_instants_in_other_zones_are_read_in_the_calendars_zone():
    utc = ZoneInfo("UTC")
    assert business_minutes(datetime(2026, 3, 2, 1, tzinfo=utc), datetime(2026, 3, 2, 3, tzinfo=utc), CAL) == 120


def test_national_day_week_counts_nothing_and_makeup_days_are_worked():
    # 2025: Oct 1–8 off (holiday, weekend and substitute days); Sunday Sep 28 and Saturday Oct 11 are worked
    assert business_minutes(sh(9, 30, 17, year=2025), sh(10, 9, 10, year=2025), CAL) == 120
    assert not any(CAL.is_working_day(date(2025, 10, d)) for d in range(1, 9))
    assert CAL.is_working_day(date(2025, 9, 28)) and CAL.is_working_day(date(2025, 10, 11))
    assert business_minutes(sh(9, 27, 12, year=2025), sh(9, 28, 12, year=2025), CAL) == 180


def test_extra_working_days_and_days_off():
    cal = WorkingCalendar(extra_days_off=frozenset({date(2026, 3, 9)}),
                          extra_working_days=frozenset({date(2026, 3, 7)}))
    assert business_minutes(sh(3, 6, 17), sh(3, 10, 10), cal) == 60 + 540 + 60
    assert not cal.is_working_day(date(2026, 3, 9))


def test_across_new_year_without_public_holidays():
    cal = WorkingCalendar(public_holidays=False)
    assert business_minutes(sh(12, 31, 17, year=2025), sh(1, 2, 10), cal) == 60 + 540 + 60


def test_next_working_day_skips_weekend_and_holidays():
    assert next_working_day_at(sh(3, 6, 15), datetime.min.time().replace(hour=10), CAL) == sh(3, 9, 10)
    assert next_working_day_at(sh(9, 30, 15, year=2025), sh(1, 1, 10).time(), CAL) == sh(10, 9, 10, year=2025)


def _clock(priority, events, now, first_response=None, resolved=None):
    intervals = status_intervals(events)
    facts = TicketFacts(priority, intervals[-1].status, events[0][0], first_response, resolved)
    return sla_state(facts, intervals, now, SlaPolicy(), CAL)


@pytest.mark.parametrize(("minute", "state"), [(30, SlaState.ON_TRACK), (50, SlaState.AT_RISK)])
def test_first_response_on_track_then_at_risk(minute, state):
    clock = _clock(P.URGENT, [(sh(3, 2, 9), "new")], sh(3, 2, 9, minute))
    assert clock.first_response.state == state
    assert clock.first_response.left_minutes == 60 - minute
    assert clock.headline is clock.first_response  # less time left than the 4 h resolution


def test_unanswered_overnight_is_breached_and_counts_only_working_time():
    clock = _clock(P.URGENT, [(sh(3, 2, 17, 30), "new")], sh(3, 3, 9, 45))
    assert clock.first_response.used_minutes == 75
    assert clock.first_response.state == SlaState.BREACHED
    assert clock.first_response.left_minutes == -15


def test_waiting_for_the_customer_pauses_the_resolution_clock():
    events = [(sh(3, 2, 9), "new"), (sh(3, 2, 10), "in_progress"), (sh(3, 2, 11), "waiting")]
    during = _clock(P.NORMAL, events, sh(3, 3, 15), first_response=sh(3, 2, 10))
    assert during.paused and during.resolution.used_minutes == 120
    after = _clock(P.NORMAL, [*events, (sh(3, 4, 11), "in_progress")], sh(3, 4, 12), first_response=sh(3, 2, 10))
    assert not after.paused and after.resolution.used_minutes == 180
    assert after.first_response.state == SlaState.MET and not after.first_response.running


def test_reopen_after_resolve_continues_the_same_clock():
    events = [(sh(3, 2, 9), "new"), (sh(3, 2, 9, 30), "in_progress"), (sh(3, 2, 17), "resolved")]
    resolved = _clock(P.HIGH, events, sh(3, 5, 9), sh(3, 2, 9, 30), sh(3, 2, 17))
    assert resolved.resolution.state == SlaState.MET and resolved.resolution.used_minutes == 480
    assert resolved.headline is resolved.resolution
    reopened = [*events, (sh(3, 3, 9), "in_progress")]
    at_risk = _clock(P.HIGH, reopened, sh(3, 3, 14), sh(3, 2, 9, 30))
    assert at_risk.resolution.used_minutes == 780 and at_risk.resolution.state == SlaState.AT_RISK
    breached = _clock(P.HIGH, reopened, sh(3, 3, 17), sh(3, 2, 9, 30))
    assert breached.resolution.state == SlaState.BREACHED and breached.resolution.left_minutes == 0


def test_resolved_late_is_breached_for_good():
    events = [(sh(3, 2, 9), "new"), (sh(3, 2, 9, 10), "in_progress"), (sh(3, 2, 16), "resolved")]
    clock = _clock(P.URGENT, events, sh(3, 20, 9), sh(3, 2, 9, 10), sh(3, 2, 16))
    assert clock.resolution.state == SlaState.BREACHED and not clock.resolution.running
    assert clock.resolution.used_minutes == 420


def test_ticket_without_history_uses_its_stamps():
    facts = TicketFacts(P.LOW, S.RESOLVED, sh(3, 2, 9), sh(3, 2, 10), sh(3, 3, 9))
    clock = sla_state(facts, [], sh(3, 10, 9))
    assert clock.resolution.used_minutes == 540 and clock.resolution.state == SlaState.MET


def test_policy_targets_can_be_changed():
    policy = SlaPolicy(targets={**SlaPolicy().targets, P.LOW: SlaTarget(10, 20)}, at_risk_share=0.5)
    facts = TicketFacts(P.LOW, S.NEW, sh(3, 2, 9))
    assert sla_state(facts, [], sh(3, 2, 9, 6), policy).first_response.state == SlaState.AT_RISK
    assert SlaPolicy().target(P.HIGH) == SlaTarget(240, 960)


def _walked_minutes(start: datetime, end: datetime, cal: WorkingCalendar) -> int:
    """The definition, day by day: the overlap of [start, end) with each working day's window."""
    from datetime import timedelta

    a, b = start.astimezone(SH), end.astimezone(SH)
    total, day = 0, a.date()
    while day <= b.date():
        if cal.is_working_day(day):
            open_, close = (datetime.combine(day, t, tzinfo=SH) for t in (cal.day_start, cal.day_end))
            total += max(0, int((min(b, close) - max(a, open_)).total_seconds()))
        day += timedelta(days=1)
    return total // 60


@settings(max_examples=300, deadline=None)
@given(st.datetimes(datetime(2024, 12, 1), datetime(2027, 2, 1)), st.integers(0, 600 * 24 * 60))
def test_business_minutes_equal_the_day_by_day_walk(start, minutes):
    from datetime import timedelta

    begin = start.replace(second=0, microsecond=0, tzinfo=SH)
    end = begin + timedelta(minutes=minutes)
    assert business_minutes(begin, end, CAL) == _walked_minutes(begin, end, CAL)
