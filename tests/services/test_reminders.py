"""Reminders with a fake clock: due time minus the lead, once only, snooze, repeating ones, missed ones."""

from datetime import UTC, datetime, timedelta

import pytest

from crm_desktop.domain.enums import FollowupKind
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.recurrence import occurrences, pending_reminder
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, FollowupDraft
from crm_desktop.services.registry import Services

T0 = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


@pytest.fixture
def svc(db, clock):
    return Services.build(ServiceContext(db, clock=clock))


def _plan(svc, due, lead=10, rrule="", title="回访"):
    c = svc.contacts.create(ContactDraft(name="张三"))
    return svc.followups.create(FollowupDraft(c.id, FollowupKind.CALL, due, title, reminder_minutes=lead,
                                              rrule=rrule))


def test_fires_at_due_time_minus_lead_and_once_after_dismiss(svc, clock):
    f = _plan(svc, T0 + timedelta(hours=1), lead=10)
    clock.now = T0 + timedelta(minutes=49)
    assert svc.reminders.due_reminders() == []
    assert svc.reminders.next_fire_at() == T0 + timedelta(minutes=50)
    clock.now = T0 + timedelta(minutes=50)
    [due] = svc.reminders.due_reminders()
    assert (due.followup.id, due.occurrence) == (f.id, T0 + timedelta(hours=1))
    svc.reminders.dismiss_all({f.id: due.occurrence})
    clock.advance(minutes=30)
    assert svc.reminders.due_reminders() == []


def test_snooze_fires_again_later(svc, clock):
    f = _plan(svc, T0, lead=0)
    [due] = svc.reminders.due_reminders()
    until = svc.reminders.snooze_all([f.id], 15)
    assert until == T0 + timedelta(minutes=15)
    clock.advance(minutes=14)
    assert svc.reminders.due_reminders() == []
    clock.advance(minutes=1)
    [again] = svc.reminders.due_reminders()
    assert again.fire_at == until and again.key != due.key
    with pytest.raises(ValidationError):
        svc.reminders.snooze_all([f.id], 0)


def test_moving_a_dismissed_follow_up_reminds_again(svc, clock):
    f = _plan(svc, T0, lead=0)
    svc.reminders.dismiss_all({f.id: T0})
    assert svc.reminders.due_reminders() == []
    svc.followups.move(f.id, T0 + timedelta(hours=2))
    clock.advance(hours=2)
    assert [r.followup.id for r in svc.reminders.due_reminders()] == [f.id]


def test_repeating_follow_up_reminds_each_occurrence(svc, clock):
    f = _plan(svc, T0, lead=60, rrule="FREQ=DAILY;COUNT=5")
    clock.now = T0 - timedelta(minutes=60)
    [first] = svc.reminders.due_reminders()
    svc.reminders.dismiss_all({f.id: first.occurrence})
    assert svc.reminders.due_reminders() == []
    assert svc.reminders.next_fire_at() == T0 + timedelta(days=1, hours=-1)
    clock.now = T0 + timedelta(days=1, hours=-1)
    [second] = svc.reminders.due_reminders()
    assert second.occurrence == T0 + timedelta(days=1)
    assert second.followup.due_at == second.occurrence and second.followup.series_start == T0


def test_missed_while_closed_fire_at_start_but_not_ancient_ones(svc, clock):
    _plan(svc, T0 - timedelta(days=30), title="old")
    _plan(svc, T0 - timedelta(hours=20), title="yesterday")
    _plan(svc, T0 + timedelta(days=3), lead=None, title="no reminder")
    assert [r.followup.draft.title for r in svc.reminders.due_reminders()] == ["yesterday"]


def test_done_and_trashed_follow_ups_do_not_remind(svc, clock):
    done = _plan(svc, T0, lead=0)
    gone = _plan(svc, T0, lead=0)
    svc.followups.complete(done.id, "ok")
    svc.followups.trash([gone.id])
    assert svc.reminders.due_reminders() == []


def test_pending_reminder_skips_exceptions_and_honours_the_lookback():
    rule = "FREQ=WEEKLY;COUNT=3"
    skipped = T0 + timedelta(days=7)
    got = pending_reminder(T0, rule, [skipped], 0, T0, None, T0 + timedelta(days=8), timedelta(days=7))
    assert got.occurrence == T0 + timedelta(days=14)
    assert occurrences(T0, rule, [skipped], T0, T0 + timedelta(days=30)) == [T0, T0 + timedelta(days=14)]
    assert pending_reminder(T0, "", [], 0, None, None, T0 + timedelta(days=8), timedelta(days=7)) is None
    assert pending_reminder(T0, "", [], None, None, None, T0, timedelta(days=7)) is None


def test_snooze_all_and_dismiss_all_act_on_every_one_given_in_one_go(svc, clock):
    fs = [_plan(svc, T0, lead=0, title=f"回访{i}") for i in range(5)]
    due = svc.reminders.due_reminders()
    assert {d.followup.id for d in due} == {f.id for f in fs}
    svc.followups.trash([fs[4].id])  # deleted meanwhile: skipped, the others still snoozed
    svc.reminders.snooze_all([f.id for f in fs[:3]] + [fs[4].id], 10)
    assert [d.followup.id for d in svc.reminders.due_reminders()] == [fs[3].id]
    clock.advance(minutes=10)
    again = svc.reminders.due_reminders()
    assert {d.followup.id for d in again} == {f.id for f in fs[:4]}
    svc.reminders.dismiss_all({d.followup.id: d.occurrence for d in again if d.followup.id != fs[0].id})
    assert [d.followup.id for d in svc.reminders.due_reminders()] == [fs[0].id]


def test_due_keys_every_reminder_and_lists_the_newest(svc, clock):
    fs = [_plan(svc, T0 + timedelta(minutes=i), lead=0, title=f"回访{i}") for i in range(6)]
    series = _plan(svc, T0 - timedelta(days=1, minutes=-2), lead=0, rrule="FREQ=DAILY")  # today's at T0 + 2 min
    clock.now = T0 + timedelta(minutes=4)
    due = svc.reminders.due(listed=3)
    assert [k[0] for k in due.keys] == [fs[0].id, fs[1].id, fs[2].id, series.id, fs[3].id, fs[4].id]
    assert [r.key for r in due.listed] == list(reversed(due.keys[-3:]))
    assert due.keys == tuple(r.key for r in svc.reminders.due_reminders())
    assert due.listed[2].followup.due_at == T0 + timedelta(minutes=2)  # the occurrence, not the series' start
    assert due.listed[2].followup.series_start == T0 - timedelta(days=1, minutes=-2)
    assert svc.reminders.due(listed=0).listed == ()


def test_snooze_and_dismiss_many_at_once_are_audited_record_by_record(svc, clock, monkeypatch):
    from crm_desktop.services.audit import AuditQuery
    from crm_desktop.storage.repositories import base

    monkeypatch.setattr(base, "IN_CHUNK", 2)  # several chunks of ids
    fs = [_plan(svc, T0, lead=0, title=f"回访{i}") for i in range(5)]
    ids = [f.id for f in fs] + [9999]  # one deleted meanwhile: skipped
    before = svc.audit.count(AuditQuery(table="followups"))
    until = svc.reminders.snooze_all(ids, 15)
    assert svc.reminders.due_reminders() == []
    clock.advance(minutes=15)
    assert [r.fire_at for r in svc.reminders.due_reminders()] == [until] * 5
    svc.reminders.dismiss_all({f.id: T0 for f in fs[:4]} | {9999: T0})
    assert [r.followup.id for r in svc.reminders.due_reminders()] == [fs[4].id]
    entries = svc.audit.page(AuditQuery(table="followups"), 0, 100)
    assert svc.audit.count(AuditQuery(table="followups")) - before == 9
    by_uuid = {}
    for e in entries[:9]:
        by_uuid.setdefault(e.record_uuid, set()).update(field for field, _old, _new in e.changes)
    assert by_uuid[fs[0].uuid] == {"snoozed_until", "reminded_at"} and by_uuid[fs[4].uuid] == {"snoozed_until"}
    dismissed = next(e for e in entries if e.record_uuid == fs[0].uuid and e.changes[0][0] == "reminded_at")
    assert dict((f, (o, n)) for f, o, n in dismissed.changes)["snoozed_until"][1] is None
    assert dict((f, (o, n)) for f, o, n in dismissed.changes)["snoozed_until"][0] is not None
