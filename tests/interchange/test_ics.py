"""iCalendar files written and read: checked by icalendar itself, and against real clients' files."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from crm_desktop.interchange.calendar_event import CalendarEvent
from crm_desktop.interchange.ics_in import read_ics, zone_for
from crm_desktop.interchange.ics_out import write_ics
from crm_desktop.interchange.source import SourceError

SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples" / "ics"
SHANGHAI = ZoneInfo("Asia/Shanghai")

OUTLOOK = (
    "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\nVERSION:2.0\r\n"
    "METHOD:PUBLISH\r\nBEGIN:VTIMEZONE\r\nTZID:China Standard Time\r\nBEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\nTZOFFSETFROM:+0800\r\nTZOFFSETTO:+0800\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E00800000000\r\nSUMMARY:回访王经理\r\n"
    "DTSTART;TZID=China Standard Time:20260520T093000\r\nDTEND;TZID=China Standard Time:20260520T101500\r\n"
    "DTSTAMP:20260501T000000Z\r\nBEGIN:VALARM\r\nTRIGGER:-PT15M\r\nACTION:DISPLAY\r\n"
    "DESCRIPTION:Reminder\r\nEND:VALARM\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:040000008200E00074C5B7101A82E00800000001\r\nSUMMARY:王经理生日\r\n"
    "DTSTART;VALUE=DATE:20260517\r\nDTEND;VALUE=DATE:20260518\r\nRRULE:FREQ=YEARLY\r\n"
    "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE\r\nDTSTAMP:20260501T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def sample(name: str) -> Path:
    if not SAMPLES.is_dir():
        pytest.skip("the shared samples folder is not here")
    return SAMPLES / name


def event(**changes) -> CalendarEvent:
    start = datetime(2026, 5, 20, 1, 30, tzinfo=UTC)
    values = dict(uid="0190-a@zhanggui-crm", start=start, end=start + timedelta(minutes=45), title="回访",
                  notes="带上报价单\n第二行", kind="call", reminder_minutes=15, rrule="FREQ=WEEKLY;COUNT=4",
                  exdates=(start + timedelta(days=7),), contact_uuid="c-1", contact_name="王经理")
    return CalendarEvent(**{**values, **changes})


def all_day_event() -> CalendarEvent:
    start = datetime(2026, 5, 17, tzinfo=SHANGHAI)
    return event(uid="0190-b@zhanggui-crm", start=start, end=start + timedelta(days=1), all_day=True,
                 title="生日", rrule="FREQ=YEARLY", exdates=(), reminder_minutes=None, status="done")


def write(tmp_path, events, tz="Asia/Shanghai") -> Path:
    path = tmp_path / "out.ics"
    assert write_ics(path, events, tz) == len(events)
    return path


def test_export_is_a_calendar_other_programs_read(tmp_path):
    path = write(tmp_path, [event(), all_day_event()])
    raw = path.read_bytes()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")
    cal = Calendar.from_ical(raw)
    assert str(cal["VERSION"]) == "2.0" and str(cal["METHOD"]) == "PUBLISH" and "PRODID" in cal
    timed, day = cal.walk("VEVENT")
    for e in (timed, day):
        assert e["UID"] and e["DTSTAMP"].dt.tzinfo is not None
    assert timed["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert timed["DTSTART"].dt == datetime(2026, 5, 20, 9, 30, tzinfo=SHANGHAI)
    assert {tz["TZID"] for tz in cal.walk("VTIMEZONE")} >= cal.get_used_tzids()
    assert cal.get_missing_tzids() == set()
    assert timed["RRULE"].to_ical() == b"FREQ=WEEKLY;COUNT=4"
    assert timed.walk("VALARM")[0]["TRIGGER"].dt == timedelta(minutes=-15)
    assert timed["X-ZHANGGUI-CONTACT"] == "c-1" and str(timed["CATEGORIES"].cats[0]) == "call"
    assert day["DTSTART"].dt == date(2026, 5, 17) and day["DTEND"].dt == date(2026, 5, 18)
    assert day["X-ZHANGGUI-STATUS"] == "done" and day["STATUS"] == "CONFIRMED" and not day.walk("VALARM")


def test_cancelled_event_and_empty_title(tmp_path):
    path = write(tmp_path, [event(status="cancelled", title="")])
    (e,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert e["STATUS"] == "CANCELLED" and str(e["SUMMARY"]) == "call: 王经理"
    (back,), _ = read_ics(path)
    assert back.title == "" and back.status == "cancelled"


def test_written_events_read_back_the_same(tmp_path):
    originals = [event(), all_day_event()]
    events, problems = read_ics(write(tmp_path, originals))
    assert problems == []
    for back, original in zip(events, originals, strict=True):
        assert (back.uid, back.start, back.end, back.all_day, back.title, back.notes, back.kind) == (
            original.uid, original.start, original.end, original.all_day, original.title, original.notes,
            original.kind)
        assert (back.reminder_minutes, back.rrule, back.exdates, back.status) == (
            original.reminder_minutes, original.rrule, original.exdates, original.status)
    assert events[1].line > events[0].line > 1


def test_all_day_until_is_written_as_a_date(tmp_path):
    rule = "FREQ=YEARLY;UNTIL=20290516T160000Z"  # local midnight of 2029-05-17 in Shanghai
    cal = Calendar.from_ical(write(tmp_path, [replace(all_day_event(), rrule=rule)]).read_bytes())
    assert cal.walk("VEVENT")[0]["RRULE"]["UNTIL"] == [date(2029, 5, 17)]


def test_outlook_calendar_with_windows_zone_and_yearly_all_day(tmp_path):
    path = tmp_path / "outlook.ics"
    path.write_text(OUTLOOK, encoding="utf-8")
    (meeting, birthday), problems = read_ics(path)
    assert problems == []
    assert meeting.start == datetime(2026, 5, 20, 1, 30, tzinfo=UTC)
    assert meeting.start.tzinfo == SHANGHAI and meeting.end - meeting.start == timedelta(minutes=45)
    assert meeting.reminder_minutes == 15 and meeting.title == "回访王经理"
    assert birthday.all_day and birthday.start == datetime(2026, 5, 17, tzinfo=SHANGHAI)
    assert birthday.rrule == "FREQ=YEARLY" and birthday.end - birthday.start == timedelta(days=1)


def test_until_as_a_date_becomes_a_utc_instant(tmp_path):
    path = tmp_path / "until.ics"
    path.write_text(OUTLOOK.replace("RRULE:FREQ=YEARLY", "RRULE:FREQ=YEARLY;UNTIL=20300517"), encoding="utf-8")
    birthday = read_ics(path)[0][1]
    assert birthday.rrule == "FREQ=YEARLY;UNTIL=20300516T160000Z"


@pytest.mark.parametrize("tzid, zone", [("China Standard Time", "Asia/Shanghai"),
                                         ("Pacific Standard Time", "America/Los_Angeles"),
                                         ("W. Europe Standard Time", "Europe/Berlin"),
                                         ("(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi", "Asia/Shanghai"),
                                         ("Europe/London", "Europe/London")])
def test_zone_names_map_to_iana(tzid, zone):
    assert zone_for(tzid) == ZoneInfo(zone)


def test_unknown_zone_name_is_left_to_the_file():
    assert zone_for("(UTC-03:00) Somewhere odd") is None


def test_one_bad_event_is_reported_the_others_read(tmp_path):
    bad = "BEGIN:VEVENT\r\nUID:bad\r\nSUMMARY:no start\r\nEND:VEVENT\r\n"
    path = tmp_path / "mixed.ics"
    path.write_text(OUTLOOK.replace("BEGIN:VEVENT", bad + "BEGIN:VEVENT", 1), encoding="utf-8")
    events, problems = read_ics(path)
    assert len(events) == 2
    assert [p.line for p in problems] == [OUTLOOK.count("\r\n", 0, OUTLOOK.index("BEGIN:VEVENT")) + 1]
    assert "no start time" in problems[0].message


def test_a_file_that_is_not_a_calendar_is_refused(tmp_path):
    path = tmp_path / "contacts.ics"
    path.write_text("BEGIN:VCARD\r\nFN:张三\r\nEND:VCARD\r\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not an iCalendar file"):
        read_ics(path)
    with pytest.raises(SourceError, match="There is no file"):
        read_ics(tmp_path / "missing.ics")


def test_a_structurally_broken_calendar_is_a_source_error(tmp_path):
    path = tmp_path / "cut.ics"
    path.write_text("garbage\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    with pytest.raises(SourceError, match="cannot be read as a calendar"):
        read_ics(path)
    path.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", encoding="utf-8")
    with pytest.raises(SourceError, match="ends before END:VCALENDAR"):
        read_ics(path)


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.glob("*.ics")) if SAMPLES.is_dir() else [])
def test_every_sample_reads_without_a_traceback(name):
    events, problems = read_ics(sample(name))
    assert all(e.start.tzinfo is not None and e.end >= e.start for e in events)
    assert all(p.line > 0 for p in problems)


def test_broken_sample_reports_its_event_with_the_line():
    events, problems = read_ics(sample("broken_ical.ics"))
    assert events == [] and [p.line for p in problems] == [2]
    assert "cannot be read" in problems[0].message


def test_microsoft_zone_name_of_the_vobject_sample_is_mapped():
    (e,), _ = read_ics(sample("vobject_ms_tzid.ics"))
    assert e.start.tzinfo == ZoneInfo("Australia/Sydney")
    assert e.start.astimezone(UTC) == datetime(2008, 5, 30, 5, 0, tzinfo=UTC)


def test_non_ascii_tzid_and_floating_times():
    (e,), _ = read_ics(sample("issue_237_fail_to_parse_timezone_with_non_ascii_tzid.ics"))
    assert e.start.astimezone(UTC) == datetime(2017, 5, 11, 16, 30, tzinfo=UTC)
    floating = read_ics(sample("multiple_timezones.ics"))[0][2]
    assert floating.start == datetime(2021, 3, 2, tzinfo=SHANGHAI)


def test_bom_and_alarm_samples():
    assert read_ics(sample("bom_calendar.ics")) == ([], [])
    (google,), _ = read_ics(sample("alarm_google_future.ics"))
    assert google.reminder_minutes == 15 and google.start == datetime(2024, 10, 4, 18, 15, tzinfo=UTC)
    (thunderbird,), _ = read_ics(sample("alarm_thunderbird_future.ics"))
    assert thunderbird.start.astimezone(UTC) == datetime(2024, 10, 23, 14, 0, tzinfo=UTC)
