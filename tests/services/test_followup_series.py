"""Repeating follow-ups on the calendar: occurrences in ranges, "this one or the series", done ones."""

from datetime import UTC, date, datetime, timedelta

import pytest

from crm_desktop.domain.enums import FollowupKind, FollowupStatus, Tier
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, FollowupDraft
from crm_desktop.services.followups import local_day_bounds
from crm_desktop.services.registry import Services

T0 = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


@pytest.fixture
def svc(db, clock):
    return Services.build(ServiceContext(db, clock=clock))


def _series(svc, rrule="FREQ=WEEKLY;COUNT=4", tier=Tier.ORDINARY):
    c = svc.contacts.create(ContactDraft(name="张三", tier=tier))
    return svc.followups.create(FollowupDraft(c.id, FollowupKind.VISIT, T0, "拜访", rrule=rrule))


def _times(svc, days=40, **filters):
    return [f.due_at for f in svc.followups.occurrences(T0 - timedelta(days=1), T0 + timedelta(days=days), filters)]


def test_occurrences_in_a_range_and_month_counts(svc):
    f = _series(svc)
    c2 = svc.contacts.create(ContactDraft(name="李四", tier=Tier.KEY))
    svc.followups.create(FollowupDraft(c2.id, FollowupKind.CALL, T0 + timedelta(hours=2), "电话"))
    assert _times(svc) == [T0, T0 + timedelta(hours=2)] + [T0 + timedelta(weeks=w) for w in (1, 2, 3)]
    assert _times(svc, tier=Tier.KEY.value) == [T0 + timedelta(hours=2)]
    assert _times(svc, kind="visit")[1:] == [T0 + timedelta(weeks=w) for w in (1, 2, 3)]
    day = T0.astimezone().date()
    summaries = {s.day: s for s in svc.followups.day_summaries(day, 28)}
    assert summaries[day].count == 2
    assert summaries[day + timedelta(days=7)].count == 1
    assert summaries[day + timedelta(days=7)].first[0].series_start == T0
    assert sum(s.count for s in summaries.values()) == 5
    assert svc.followups.get(f.id).repeats


def test_move_one_occurrence_leaves_the_series(svc):
    f = _series(svc)
    second = T0 + timedelta(weeks=1)
    moved = svc.followups.move(f.id, second + timedelta(days=1), occurrence=second)
    assert moved.id != f.id and not moved.repeats
    assert _times(svc) == [T0, second + timedelta(days=1), T0 + timedelta(weeks=2), T0 + timedelta(weeks=3)]


def test_move_the_series_by_the_same_step(svc):
    f = _series(svc, rrule="FREQ=DAILY;UNTIL=20260305T013000Z")
    moved = svc.followups.move(f.id, T0 + timedelta(days=1, hours=3), occurrence=T0 + timedelta(days=1),
                               whole_series=True)
    assert moved.id == f.id
    assert _times(svc) == [T0 + timedelta(days=d, hours=3) for d in range(4)]


def test_complete_one_occurrence_and_plan_the_next(svc, clock):
    f = _series(svc)
    second = T0 + timedelta(weeks=1)
    nxt = FollowupDraft(f.draft.contact_id, FollowupKind.CALL, T0 + timedelta(days=60), "下次")
    done = svc.followups.complete(f.id, "客户满意", occurrence=second, next_followup=nxt)
    assert done.status == FollowupStatus.DONE and done.due_at == second
    assert svc.followups.get(f.id).status == FollowupStatus.PLANNED
    listed = svc.followups.occurrences(T0 - timedelta(days=1), T0 + timedelta(days=90))
    assert [(x.draft.title, x.status) for x in listed if x.due_at == second] == [("拜访", FollowupStatus.DONE)]
    assert [x.draft.title for x in listed][-1] == "下次"
    assert [i.outcome for i in svc.contacts.detail(f.draft.contact_id).timeline] == ["客户满意"]


def test_a_broken_next_follow_up_rolls_back_the_completion(svc):
    f = _series(svc, rrule="")
    with pytest.raises(Exception):  # noqa: B017 - a validation error, whatever its wording
        svc.followups.complete(f.id, "x", next_followup=FollowupDraft(0, FollowupKind.CALL, T0))
    assert svc.followups.get(f.id).status == FollowupStatus.PLANNED


def test_week_of_local_days(svc):
    _series(svc, rrule="FREQ=DAILY;COUNT=10")
    start, _ = local_day_bounds(date(2026, 3, 2))
    assert len(svc.followups.occurrences(start, start + timedelta(days=7))) == 7


def test_month_counts_follow_the_filters(svc):
    _series(svc, tier=Tier.KEY)
    c = svc.contacts.create(ContactDraft(name="李四", tier=Tier.COLD))
    svc.followups.create(FollowupDraft(c.id, FollowupKind.CALL, T0 + timedelta(hours=1), "电话"))
    day = T0.astimezone().date()

    def total(**filters):
        return sum(s.count for s in svc.followups.day_summaries(day, 28, filters=filters))

    assert (total(), total(tier="key"), total(tier="cold"), total(kind="call"), total(kind="email")) == (5, 4, 1, 1, 0)
