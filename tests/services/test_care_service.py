"""Customer care over a real database: the due list by tier, planning, occasions and greetings."""

import csv
from datetime import UTC, datetime, timedelta

import pytest

from crm_desktop.domain.cadence import DEFAULT_CADENCE, TierCadence
from crm_desktop.domain.enums import FollowupKind, InteractionKind, Tier
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.care_dto import CareOccasion, ExclusionReason
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, InteractionDraft, ListQuery
from crm_desktop.services.registry import Services


@pytest.fixture
def care_services(db, clock):
    return Services.build(ServiceContext(db, clock=clock))


def _contact(s, name, tier=Tier.ORDINARY, seen_days_ago=None, **fields):
    c = s.contacts.create(ContactDraft(name=name, tier=tier, **fields))
    if seen_days_ago is not None:
        when = s.ctx.now() - timedelta(days=seen_days_ago)
        s.contacts.log_interaction(InteractionDraft(c.id, InteractionKind.CALL, when, "回访"))
    return c


def _due_names(s, **kwargs):
    return [d.name for d in s.care.due_for_contact(s.care.today(), **kwargs)]


def test_due_list_by_tier_key_customers_first(care_services, clock):
    s = care_services
    clock.advance(days=-400)
    _contact(s, "沉睡老客", Tier.COLD)  # never contacted, added 400 days ago
    clock.advance(days=400)
    _contact(s, "普通到期", Tier.ORDINARY, seen_days_ago=100)
    _contact(s, "普通未到", Tier.ORDINARY, seen_days_ago=40)
    _contact(s, "重点到期", Tier.KEY, seen_days_ago=45)
    _contact(s, "重点未到", Tier.KEY, seen_days_ago=10)
    _contact(s, "潜力新客", Tier.POTENTIAL)  # added today
    _contact(s, "勿扰", Tier.KEY, seen_days_ago=45, do_not_contact=True)
    due = s.care.due_for_contact(s.care.today())
    assert [(d.name, d.tier, d.days_over, d.kind) for d in due] == [
        ("重点到期", Tier.KEY, 15, FollowupKind.VISIT),
        ("普通到期", Tier.ORDINARY, 10, FollowupKind.CARE),
        ("沉睡老客", Tier.COLD, 220, FollowupKind.CALLBACK),
    ]
    assert due[0].last_contact_at is not None and due[2].last_contact_at is None
    assert _due_names(s, limit=1, offset=1) == ["普通到期"]
    assert _due_names(s, limit=5, offset=2) == ["沉睡老客"]
    assert _due_names(s, offset=3) == []


def test_an_edited_cadence_changes_the_due_list(care_services):
    s = care_services
    _contact(s, "普通未到", Tier.ORDINARY, seen_days_ago=40)
    cadence = {**DEFAULT_CADENCE, Tier.ORDINARY: TierCadence(30)}
    assert _due_names(s) == []
    assert _due_names(s, cadence=cadence) == ["普通未到"]


def test_plan_followups_one_each_of_the_tiers_kind_and_not_twice(care_services):
    s = care_services
    key = _contact(s, "重点", Tier.KEY, seen_days_ago=45)
    cold = _contact(s, "沉睡", Tier.COLD, seen_days_ago=200)
    ids = [d.id for d in s.care.due_for_contact(s.care.today())]
    created = s.care.plan_followups(ids, start=s.care.today(), per_day=1, title="定期联系")
    assert len(created) == 2
    planned = [s.followups.get(i) for i in created]
    assert [(f.draft.contact_id, f.draft.kind, f.draft.title) for f in planned] == [
        (key.id, FollowupKind.VISIT, "定期联系"), (cold.id, FollowupKind.CALLBACK, "定期联系")]
    days = [f.due_at.astimezone().date() for f in planned]
    assert days[0] < days[1] and all(d.weekday() < 5 for d in days)  # one a working day
    assert s.care.plan_followups(ids) == []
    assert all(d.next_followup_at is not None for d in s.care.due_for_contact(s.care.today()))


def test_care_tasks_birthdays_solar_and_lunar_and_holidays(care_services):
    s = care_services  # the clock's today is 2026-03-02; 元宵 is on 3 March
    today = s.care.today()
    soon = today + timedelta(days=3)
    _contact(s, "公历", birth_month=soon.month, birth_day=soon.day)
    _contact(s, "农历", lunar_birth_month=1, lunar_birth_day=20)  # 2026-03-08
    _contact(s, "太远", birth_month=6, birth_day=1)
    key = _contact(s, "重点", Tier.KEY)
    _contact(s, "勿扰重点", Tier.KEY, do_not_contact=True)
    tasks = s.care.care_tasks(today, 7)
    assert [(t.occasion, t.day.isoformat(), t.label) for t in tasks] == [
        (CareOccasion.HOLIDAY, "2026-03-03", "元宵节"),
        (CareOccasion.BIRTHDAY, soon.isoformat(), "公历"),
        (CareOccasion.LUNAR_BIRTHDAY, "2026-03-08", "农历"),
    ]
    assert [c.id for c in tasks[0].contacts] == [key.id] and tasks[0].total == 1


def test_plan_care_is_idempotent(care_services):
    s = care_services
    _contact(s, "重点", Tier.KEY)
    tasks = s.care.care_tasks(s.care.today(), 7)
    created = s.care.plan_care(tasks, {CareOccasion.HOLIDAY: "{holiday}问候"})
    assert len(created) == 1
    followup = s.followups.get(created[0])
    assert (followup.draft.kind, followup.draft.title) == (FollowupKind.CARE, "元宵节问候")
    assert followup.due_at.astimezone().hour == 9
    assert s.care.plan_care(s.care.care_tasks(s.care.today(), 7)) == []
    assert s.followups.count(ListQuery()) == 1


def _greeting_people(s):
    phone = {"phone": "13800138000", "marketing_consent": True}
    return [
        _contact(s, "张三", title="经理", company="掌柜公司", **phone),
        _contact(s, "无同意", phone="13800138001"),
        _contact(s, "勿扰", do_not_contact=True, **phone),
        _contact(s, "小朋友", birth_year=2015, birth_month=1, birth_day=1, **phone),
        _contact(s, "没电话", marketing_consent=True),
    ]


def test_greeting_list_leaves_out_no_consent_do_not_contact_minors_and_no_phone(care_services):
    s = care_services
    people = _greeting_people(s)
    result = s.care.greeting_list("{name}{title}您好，{company}祝您{holiday}快乐！{nope}", [p.id for p in people],
                                  fields={"holiday": "中秋节"})
    assert [(r.name, r.phone, r.message) for r in result.rows] == [
        ("张三", "+8613800138000", "张三经理您好，掌柜公司祝您中秋节快乐！{nope}")]
    assert [(e.name, e.reason) for e in result.excluded] == [
        ("无同意", ExclusionReason.NO_CONSENT), ("勿扰", ExclusionReason.DO_NOT_CONTACT),
        ("小朋友", ExclusionReason.MINOR), ("没电话", ExclusionReason.NO_PHONE)]
    assert result.excluded_counts()[ExclusionReason.MINOR] == 1


def test_greetings_export_as_csv_and_as_wechat_text(care_services, tmp_path):
    s = care_services
    first = _contact(s, "张三", phone="13800138000", marketing_consent=True)
    second = _contact(s, "=李四", phone="13900139000", marketing_consent=True)
    result = s.care.greeting_list("{name}，新年好", [first.id, second.id])
    path = tmp_path / "sms.csv"
    assert s.care.export_greetings_csv(path, result) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows == [["Name", "Phone", "message"], ["张三", "8613800138000", "张三，新年好"],
                    ["'=李四", "8613900139000", "'=李四，新年好"]]
    assert s.care.as_wechat_text(result) == "张三，新年好\n\n=李四，新年好"


def test_greeting_for_an_occasion_fills_the_holiday_and_date(care_services):
    s = care_services
    _contact(s, "重点", Tier.KEY, phone="13800138000", marketing_consent=True)
    task = s.care.care_tasks(s.care.today(), 3)[0]
    result = s.care.greeting_list("{name}：{holiday}（{date}）快乐", task=task)
    assert [r.message for r in result.rows] == ["重点：元宵节（2026-03-03）快乐"]


def test_an_empty_template_is_refused(care_services):
    with pytest.raises(ValidationError) as caught:
        care_services.care.greeting_list("  ", [1])
    assert caught.value.errors == {"template": "Write the greeting first."}


def test_due_list_counts_from_the_local_day(care_services, clock):
    s = care_services
    clock.now = datetime(2026, 3, 31, 12, tzinfo=UTC)
    _contact(s, "重点", Tier.KEY, seen_days_ago=30)
    assert _due_names(s) == ["重点"]
