"""Tier cadence: when a customer is due for contact, and what gets planned for them."""

from datetime import UTC, date, datetime

from crm_desktop.domain.cadence import (
    DEFAULT_CADENCE,
    KIND_FOR_TIER,
    TierCadence,
    clamp_interval,
    days_over,
    due_cutoff_day,
    is_due,
    planned_kind,
    work_slots,
)
from crm_desktop.domain.enums import FollowupKind, Tier

TODAY = date(2026, 3, 31)


def test_defaults_follow_the_source():
    assert DEFAULT_CADENCE[Tier.KEY] == TierCadence(30, 90)  # a senior visit every quarter
    assert DEFAULT_CADENCE[Tier.POTENTIAL] == TierCadence(30, 180)  # monthly contact
    assert DEFAULT_CADENCE[Tier.ORDINARY] == TierCadence(90, None)  # periodic care messages
    assert DEFAULT_CADENCE[Tier.COLD] == TierCadence(180, None)  # callbacks
    assert KIND_FOR_TIER == {Tier.KEY: FollowupKind.VISIT, Tier.POTENTIAL: FollowupKind.CALL,
                             Tier.ORDINARY: FollowupKind.CARE, Tier.COLD: FollowupKind.CALLBACK}


def test_due_on_the_day_the_interval_has_passed():
    assert not is_due(date(2026, 3, 2), Tier.KEY, TODAY)  # 29 days
    assert is_due(date(2026, 3, 1), Tier.KEY, TODAY)  # 30 days
    assert not is_due(date(2026, 1, 1), Tier.ORDINARY, TODAY)  # 89 days
    assert is_due(date(2025, 12, 31), Tier.ORDINARY, TODAY)
    assert is_due(None, Tier.COLD, TODAY)  # never contacted


def test_instants_count_by_their_local_day_and_days_over():
    assert is_due(datetime(2026, 3, 1, 12, tzinfo=UTC), Tier.POTENTIAL, TODAY)
    assert days_over(date(2026, 3, 1), Tier.KEY, TODAY) == 0
    assert days_over(date(2026, 2, 1), Tier.KEY, TODAY) == 28
    assert days_over(date(2026, 3, 30), Tier.KEY, TODAY) == 0


def test_the_cutoff_day_matches_is_due():
    cutoff = due_cutoff_day(Tier.KEY, TODAY)
    assert cutoff == date(2026, 3, 2)
    assert is_due(date(2026, 3, 1), Tier.KEY, TODAY) and not is_due(cutoff, Tier.KEY, TODAY)


def test_an_edited_cadence_changes_what_is_due():
    cadence = {**DEFAULT_CADENCE, Tier.ORDINARY: TierCadence(7)}
    assert is_due(date(2026, 3, 24), Tier.ORDINARY, TODAY, cadence)
    assert not is_due(date(2026, 3, 24), Tier.ORDINARY, TODAY)


def test_planned_kind_per_tier_and_a_visit_when_the_visit_interval_passed():
    assert planned_kind(Tier.KEY, 31) == FollowupKind.VISIT
    assert planned_kind(Tier.POTENTIAL, 40) == FollowupKind.CALL
    assert planned_kind(Tier.POTENTIAL, 200) == FollowupKind.VISIT
    assert planned_kind(Tier.ORDINARY, 400) == FollowupKind.CARE
    assert planned_kind(Tier.COLD, None) == FollowupKind.CALLBACK


def test_work_slots_skip_weekends_and_public_holidays():
    slots = work_slots(date(2026, 9, 30), per_day=2)  # a Wednesday; 1-7 October is National Day
    days = [next(slots) for _ in range(6)]
    assert [d.date() for d in days] == [date(2026, 9, 30)] * 2 + [date(2026, 10, 8)] * 2 + [date(2026, 10, 9)] * 2
    assert (days[0].hour, days[0].minute, days[1].minute) == (9, 30, 0)


def test_clamp_interval():
    assert clamp_interval(0, allow_none=True) is None
    assert clamp_interval(0, allow_none=False) == 1
    assert clamp_interval(99999, allow_none=False) == 3650
