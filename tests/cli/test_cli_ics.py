"""`crm-desktop export FILE.ics` and `import FILE.ics`: follow-ups to calendar programs and back."""

from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from crm_desktop.cli import main
from crm_desktop.domain.drafts import ContactDraft, FollowupDraft
from crm_desktop.domain.enums import FollowupKind
from crm_desktop.services.dto import ListQuery
from tests.interchange.test_ics import OUTLOOK


@pytest.fixture
def shop(db_path, services):
    """A database with one contact and follow-ups on 2026-05-20 and 2026-06-10 (Shanghai time)."""
    contact = services.contacts.create(ContactDraft(name="王经理"))
    for due in (datetime(2026, 5, 20, 1, 30, tzinfo=UTC), datetime(2026, 6, 10, 15, 59, tzinfo=UTC)):
        services.followups.create(FollowupDraft(contact_id=contact.id, kind=FollowupKind.CALL, due_at=due,
                                                title=f"回访 {due:%m-%d}", reminder_minutes=10))
    return db_path


def test_export_ics_writes_every_followup(shop, tmp_path, capsys):
    out = tmp_path / "calendar.ics"
    assert main(["--db", str(shop), "export", str(out)]) == 0
    assert "exported 2 follow-ups" in capsys.readouterr().out
    events = Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert sorted(str(e["SUMMARY"]) for e in events) == ["回访 05-20", "回访 06-10"]


def test_export_ics_from_to_takes_whole_local_days(shop, tmp_path, capsys):
    out = tmp_path / "june.ics"
    # 2026-06-10 15:59 UTC is 23:59 on the 10th in Shanghai: inside --to 2026-06-10
    assert main(["--db", str(shop), "export", str(out), "--from", "2026-06-01", "--to", "2026-06-10"]) == 0
    assert "exported 1 follow-ups" in capsys.readouterr().out
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")] == ["回访 06-10"]


def test_export_bad_date_is_a_usage_error(shop, tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(shop), "export", str(tmp_path / "x.ics"), "--from", "20-6-2026"])
    assert exit_.value.code == 2 and "2026-05-17" in capsys.readouterr().err


def test_import_ics_reports_rejected_events_and_imports_the_rest(db_path, services, tmp_path, capsys):
    path = tmp_path / "outlook.ics"
    path.write_text(OUTLOOK.replace("RRULE:FREQ=YEARLY", "RRULE:FREQ=SOMETIMES"), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("imported 1 follow-ups from outlook.ics") and "1 rejected" in out
    assert err.startswith("rejected: line 25: The event was skipped:")
    assert [f.draft.title for f in services.followups.page(ListQuery(), 0, 10)] == ["回访王经理"]


def test_export_then_import_again_updates(shop, tmp_path, capsys):
    out = tmp_path / "calendar.ics"
    main(["--db", str(shop), "export", str(out)])
    assert main(["--db", str(shop), "import", str(out)]) == 0
    assert "imported 2 follow-ups from calendar.ics: 0 added, 2 updated, 0 rejected" in capsys.readouterr().out


def test_import_a_file_that_is_not_a_calendar_is_one_line(db_path, tmp_path, capsys):
    path = tmp_path / "notes.ics"
    path.write_text("just some notes\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == "crm-desktop: error: notes.ics is not an iCalendar file (there is no BEGIN:VCALENDAR line).\n"
