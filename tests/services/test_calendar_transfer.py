"""Follow-ups out to .ics and back in, through a real SQLite database."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from crm_desktop.domain.drafts import ContactDraft, FollowupDraft
from crm_desktop.domain.enums import FollowupKind, FollowupStatus
from crm_desktop.services.dto import ListQuery
from crm_desktop.services.exporting import ExportError
from tests.interchange.test_ics import OUTLOOK

SHANGHAI = ZoneInfo("Asia/Shanghai")
MEETING_AT = datetime(2026, 5, 20, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai


def followups(services):
    return services.followups.page(ListQuery(), 0, 100)


@pytest.fixture
def filled(services):
    contact = services.contacts.create(ContactDraft(name="王经理", phone="13800138000"))
    timed = services.followups.create(FollowupDraft(
        contact_id=contact.id, kind=FollowupKind.VISIT, due_at=MEETING_AT, title="上门回访", duration_minutes=45,
        reminder_minutes=15, rrule="FREQ=WEEKLY;COUNT=4", notes="带上报价单"))
    birthday = services.followups.create(FollowupDraft(
        contact_id=contact.id, kind=FollowupKind.CARE, due_at=datetime(2026, 5, 17, tzinfo=SHANGHAI),
        title="生日问候", duration_minutes=24 * 60, all_day=True, rrule="FREQ=YEARLY"))
    later = services.followups.create(FollowupDraft(
        contact_id=contact.id, kind=FollowupKind.CALL, due_at=datetime(2026, 7, 1, 2, tzinfo=UTC)))
    return contact, timed, birthday, later


def test_export_is_read_by_icalendar(services, filled, tmp_path):
    path = tmp_path / "followups.ics"
    assert services.calendar_transfer.export_ics(path) == 3
    cal = Calendar.from_ical(path.read_bytes())
    events = cal.walk("VEVENT")
    assert len(events) == 3
    for e in events:
        assert e["UID"].endswith("@zhanggui-crm") and e["DTSTAMP"].dt.tzinfo is not None
        assert "TZID" in e["DTSTART"].params or e["DTSTART"].params.get("VALUE") == "DATE"
    assert cal.get_missing_tzids() == set() and {str(t["TZID"]) for t in cal.walk("VTIMEZONE")} == {"Asia/Shanghai"}
    by_uid = {str(e["UID"]): e for e in events}
    visit = by_uid[f"{filled[1].uuid}@zhanggui-crm"]
    assert visit["DTSTART"].dt == MEETING_AT and visit["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=4"
    assert visit.walk("VALARM")[0]["TRIGGER"].dt == timedelta(minutes=-15)
    assert visit["X-ZHANGGUI-CONTACT"] == filled[0].uuid
    birthday = by_uid[f"{filled[2].uuid}@zhanggui-crm"]
    assert str(birthday["DTSTART"].to_ical(), "ascii") == "20260517" and birthday["RRULE"]["FREQ"] == ["YEARLY"]


def test_export_a_range_or_a_selection(services, filled, tmp_path):
    path = tmp_path / "may.ics"
    june = datetime(2026, 6, 1, tzinfo=SHANGHAI)
    assert services.calendar_transfer.export_ics(path, start=datetime(2026, 5, 1, tzinfo=SHANGHAI), end=june) == 2
    assert services.calendar_transfer.export_ics(path, ids=[filled[3].id]) == 1
    (only,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert only["UID"] == f"{filled[3].uuid}@zhanggui-crm"


def _key(f):
    d = f.draft
    return (f.uuid, d.due_at, d.duration_minutes, d.all_day, d.reminder_minutes, d.rrule, d.title, d.notes, d.kind,
            d.status)


def test_export_then_import_into_an_empty_database(services, filled, make_services, tmp_path):
    path = tmp_path / "followups.ics"
    services.calendar_transfer.export_ics(path)
    other = make_services(tmp_path / "other.sqlite3")
    result = other.calendar_transfer.import_ics(path)
    assert (result.created, result.updated, result.skipped, result.problems) == (3, 0, 0, ())
    assert sorted(map(_key, followups(other))) == sorted(map(_key, followups(services)))
    assert {f.contact_name for f in followups(other)} == {"日历导入"}


def test_reimport_updates_instead_of_duplicating(services, filled, tmp_path):
    path = tmp_path / "followups.ics"
    services.calendar_transfer.export_ics(path)
    services.followups.update(filled[1].id, FollowupDraft(
        contact_id=filled[0].id, kind=FollowupKind.VISIT, due_at=MEETING_AT + timedelta(days=1), title="改期"))
    result = services.calendar_transfer.import_ics(path)
    assert (result.created, result.updated) == (0, 3)
    assert len(followups(services)) == 3
    back = services.followups.get(filled[1].id)
    assert back.draft.due_at == MEETING_AT and back.draft.title == "上门回访" and back.contact_name == "王经理"


def test_foreign_calendar_imported_twice_is_not_duplicated(services, tmp_path):
    path = tmp_path / "outlook.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    first = services.calendar_transfer.import_ics(path)
    second = services.calendar_transfer.import_ics(path)
    assert (first.created, second.created, second.updated) == (2, 0, 2)
    assert len(followups(services)) == 2
    assert len(services.contacts.search("日历导入", 10)) == 1


def test_outlook_calendar_imported_and_exported_again_keeps_times(services, tmp_path):
    source, out = tmp_path / "outlook.ics", tmp_path / "again.ics"
    source.write_text(OUTLOOK, encoding="utf-8")
    services.calendar_transfer.import_ics(source)
    assert services.calendar_transfer.export_ics(out) == 2
    by_title = {str(e["SUMMARY"]): e for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")}
    meeting, birthday = by_title["回访王经理"], by_title["王经理生日"]
    assert meeting["DTSTART"].dt == datetime(2026, 5, 20, 9, 30, tzinfo=SHANGHAI)
    assert meeting["DTEND"].dt == datetime(2026, 5, 20, 10, 15, tzinfo=SHANGHAI)
    assert meeting.walk("VALARM")[0]["TRIGGER"].dt == timedelta(minutes=-15)
    assert birthday["DTSTART"].to_ical() == b"20260517" and birthday["DTSTART"].params["VALUE"] == "DATE"
    assert birthday["DTEND"].to_ical() == b"20260518" and birthday["RRULE"].to_ical() == b"FREQ=YEARLY"


def test_event_naming_a_contact_goes_to_it(services, tmp_path):
    contact = services.contacts.create(ContactDraft(name="李四"))
    path = tmp_path / "own.ics"
    path.write_text(OUTLOOK.replace("SUMMARY:回访王经理", f"SUMMARY:回访\r\nX-ZHANGGUI-CONTACT:{contact.uuid}"),
                    encoding="utf-8")
    services.calendar_transfer.import_ics(path)
    names = {f.draft.title: f.contact_name for f in followups(services)}
    assert names == {"回访": "李四", "王经理生日": "日历导入"}


def test_contact_asked_for_takes_the_events(services, tmp_path):
    contact = services.contacts.create(ContactDraft(name="张三"))
    path = tmp_path / "outlook.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    services.calendar_transfer.import_ics(path, contact_id=contact.id)
    assert {f.contact_name for f in followups(services)} == {"张三"}
    assert services.contacts.search("日历导入", 10) == []


def test_invalid_rule_skips_only_that_event(services, tmp_path):
    path = tmp_path / "bad-rule.ics"
    path.write_text(OUTLOOK.replace("RRULE:FREQ=YEARLY", "RRULE:FREQ=SOMETIMES"), encoding="utf-8")
    result = services.calendar_transfer.import_ics(path)
    assert (result.created, result.skipped) == (1, 1)
    (problem,) = result.problems
    assert problem.line == OUTLOOK.splitlines().index("BEGIN:VEVENT", 15) + 1
    assert "repetition rule is not valid" in problem.message
    assert [f.draft.title for f in followups(services)] == ["回访王经理"]


def test_status_and_trashed_followups(services, filled, tmp_path):
    services.followups.complete(filled[3].id, "谈妥了")
    path = tmp_path / "followups.ics"
    services.calendar_transfer.export_ics(path)
    services.followups.trash([filled[1].id])
    result = services.calendar_transfer.import_ics(path)
    assert (result.updated, result.skipped) == (2, 1)
    assert "in the trash" in result.problems[0].message
    assert services.followups.get(filled[3].id).status == FollowupStatus.DONE


def test_unknown_time_zone_is_refused(services, tmp_path):
    with pytest.raises(ExportError, match="Unknown time zone"):
        services.calendar_transfer.export_ics(tmp_path / "x.ics", tz_name="Mars/Olympus")
