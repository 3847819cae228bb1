"""Banked clocks (what a ticket used up to its latest change, plus the part still running) read
exactly what the clocks over the whole history read, at any moment after that change."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.domain.enums import TicketPriority, TicketStatus
from crm_desktop.domain.sla import (
    SlaPolicy,
    TicketFacts,
    WorkingCalendar,
    bank_covers,
    banked_state,
    business_seconds,
    calendar_basis,
    sla_bank,
    sla_state,
    status_intervals,
    working_position,
)

SH = ZoneInfo("Asia/Shanghai")
CAL = WorkingCalendar()
POLICY = SlaPolicy()
S = TicketStatus

steps = st.lists(st.tuples(st.integers(1, 9 * 24 * 60), st.sampled_from(list(S))), max_size=8)


@settings(max_examples=400, deadline=None)
@given(opened=st.datetimes(datetime(2025, 9, 20), datetime(2026, 12, 31)), history=steps,
       priority=st.sampled_from(list(TicketPriority)), answer_after=st.one_of(st.none(), st.integers(0, 5 * 24 * 60)),
       later=st.integers(0, 30 * 24 * 60), with_events=st.booleans())
def test_banked_clocks_equal_the_clocks_of_the_whole_history(opened, history, priority, answer_after, later,
                                                              with_events):
    opened = opened.replace(second=0, microsecond=0, tzinfo=SH)
    events, at = [(opened, S.NEW.value)], opened
    for minutes, status in history:
        at += timedelta(minutes=minutes)
        events.append((at, status.value))
    status = S(events[-1][1])
    answered = None if answer_after is None else opened + timedelta(minutes=answer_after)
    resolved = at if status in (S.RESOLVED, S.CLOSED) else None
    facts = TicketFacts(priority, status, opened, answered, resolved)
    intervals = status_intervals(events) if with_events else []  # [] : an imported ticket without history
    bank = sla_bank(facts, intervals, CAL)
    now = max(at, answered or at) + timedelta(minutes=later)
    assert bank_covers(bank, answered, now)
    now_pos = working_position(now, CAL)
    assert banked_state(priority, status, bank, now_pos, POLICY) == sla_state(facts, intervals, now, POLICY, CAL)


def test_a_moment_before_the_latest_change_is_not_covered():
    opened = datetime(2026, 3, 2, 9, tzinfo=SH)
    events = [(opened, "new"), (opened + timedelta(hours=2), "in_progress")]
    facts = TicketFacts(TicketPriority.HIGH, S.IN_PROGRESS, opened, opened + timedelta(hours=2))
    bank = sla_bank(facts, status_intervals(events), CAL)
    assert bank.first_response_s == 2 * 3600 and bank.resolution_s == 2 * 3600
    assert bank.run_pos == working_position(opened + timedelta(hours=2), CAL)
    assert not bank_covers(bank, facts.first_response_at, opened + timedelta(hours=1))


@settings(max_examples=200, deadline=None)
@given(st.datetimes(datetime(1995, 1, 1), datetime(2031, 12, 31)), st.integers(0, 3 * 365 * 24 * 60))
def test_positions_differ_by_the_working_time_between(start, minutes):
    begin = start.replace(tzinfo=SH)
    end = begin + timedelta(minutes=minutes)
    assert working_position(end, CAL) - working_position(begin, CAL) == business_seconds(begin, end, CAL)


def test_the_basis_changes_with_the_calendar_and_not_with_the_order_of_its_days():
    from datetime import date

    days = frozenset({date(2026, 5, 6), date(2026, 1, 2), date(2026, 10, 9)})
    assert calendar_basis(WorkingCalendar(extra_days_off=days)) == calendar_basis(
        WorkingCalendar(extra_days_off=frozenset(sorted(days, reverse=True))))
    assert calendar_basis(WorkingCalendar()) != calendar_basis(WorkingCalendar(day_end=datetime(2026, 1, 1, 17).time()))
    assert len(calendar_basis(CAL)) == 16
