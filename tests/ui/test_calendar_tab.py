"""The follow-up calendar: month grid, agenda, dialogs, mark done."""

from datetime import UTC, date, datetime, timedelta

from crm_desktop.domain.enums import FollowupKind, FollowupStatus
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, FollowupDraft
from crm_desktop.services.followups import local_day_bounds
from crm_desktop.services.registry import Services
from crm_desktop.ui.calendar.dialogs import CompleteDialog, FollowupDialog
from crm_desktop.ui.calendar.model import make_model
from crm_desktop.ui.calendar.month_view import first_cell
from tests.ui.helpers import open_dialog, press_ok


def _titles(tab):
    m = tab.model
    return [m.data(m.index(r, 3)) for r in range(m.rowCount())]


def test_plan_a_follow_up_see_it_in_agenda_and_month_then_trash_restore(qtbot, db_path, services, open_window):
    services.contacts.create(ContactDraft(name="张三"))
    window = open_window(db_path)
    tab = window.calendar
    window.tabs.setCurrentWidget(tab)
    today = datetime.now().astimezone().date()
    window.actions.new_record.trigger()
    dialog = open_dialog(FollowupDialog)
    press_ok(dialog)
    assert dialog.errors.text("contact") == "Choose the customer."
    dialog.contact.search("张三")
    dialog.contact.setCurrentIndex(0)
    dialog.title.setText("介绍新品")
    dialog.kind.setCurrentIndex(dialog.kind.findData(FollowupKind.VISIT))
    assert dialog.draft().due_at.astimezone().date() == today
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _titles(tab) == ["介绍新品"]
    assert tab.month.summaries[today].count == 1

    tab.page.table.selectRow(0)
    window.actions.trash.trigger()
    assert _titles(tab) == [] and tab.month.summaries[today].count == 0
    tab.show_trash(True)
    tab.page.table.selectRow(0)
    window.actions.restore.trigger()
    tab.show_trash(False)
    assert _titles(tab) == ["介绍新品"]


def test_mark_done_writes_the_outcome_into_the_timeline(qtbot, db_path, services, open_window):
    c = services.contacts.create(ContactDraft(name="李四"))
    due = datetime.now(UTC) + timedelta(minutes=5)
    if due.astimezone().date() != datetime.now().astimezone().date():
        due = datetime.now(UTC)
    services.followups.create(FollowupDraft(c.id, FollowupKind.CALL, due, "回访"))
    window = open_window(db_path)
    tab = window.calendar
    window.tabs.setCurrentWidget(tab)
    tab.page.table.selectRow(0)
    tab.done_button.click()
    dialog = open_dialog(CompleteDialog)
    dialog.outcome.setPlainText("客户同意下周到店")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert tab.model.row_at(0).status == FollowupStatus.DONE
    timeline = services.contacts.detail(c.id).timeline
    assert [(i.summary, i.outcome) for i in timeline] == [("回访", "客户同意下周到店")]


def test_month_navigation_and_overdue_list(qtbot, db_path, services, open_window):
    c = services.contacts.create(ContactDraft(name="王五"))
    services.followups.create(FollowupDraft(c.id, FollowupKind.CALL, datetime.now(UTC) - timedelta(days=40), "逾期"))
    window = open_window(db_path)
    tab = window.calendar
    window.tabs.setCurrentWidget(tab)
    start = (tab.month.year, tab.month.month)
    tab.next_button.click()
    assert (tab.month.year, tab.month.month) != start
    tab.prev_button.click()
    tab.prev_button.click()
    tab.today_button.click()
    assert (tab.month.year, tab.month.month) == start
    tab.overdue.setChecked(True)
    assert _titles(tab) == ["逾期"]
    assert tab.agenda_title.text() == "Overdue follow-ups"


def test_day_summaries_follow_local_days(db, clock):
    services = Services.build(ServiceContext(db, clock=clock))
    c = services.contacts.create(ContactDraft(name="甲"))
    day = date(2026, 3, 10)
    start, end = local_day_bounds(day)
    for due, title in ((start, "first minute"), (end - timedelta(microseconds=1), "last minute"),
                       (end, "next day"), (start - timedelta(seconds=1), "day before")):
        services.followups.create(FollowupDraft(c.id, FollowupKind.CALL, due, title))
    for i in range(5):
        services.followups.create(FollowupDraft(c.id, FollowupKind.CALL, start + timedelta(hours=9, minutes=i), f"m{i}"))
    clock.now = end + timedelta(days=1)
    summaries = {s.day: s for s in services.followups.day_summaries(day - timedelta(days=1), 3, per_day=3)}
    assert summaries[day].count == 7
    assert [f.draft.title for f in summaries[day].first] == ["first minute", "m0", "m1"]
    assert summaries[day].overdue == 7
    assert summaries[day - timedelta(days=1)].count == 1
    assert summaries[day + timedelta(days=1)].count == 1


def test_month_grid_starts_on_monday():
    assert first_cell(2026, 11) == date(2026, 10, 26)
    assert first_cell(2026, 6) == date(2026, 6, 1)


def test_agenda_model_passes_qt_model_tester(qtmodeltester, services):
    c = services.contacts.create(ContactDraft(name="赵六"))
    for i in range(220):
        services.followups.create(FollowupDraft(c.id, FollowupKind.EMAIL, datetime.now(UTC) + timedelta(hours=i)))
    model = make_model(services.followups)
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == 220


def test_a_follow_up_planned_late_in_the_evening_stays_on_the_day_chosen():
    from datetime import date as day_type
    from datetime import time as time_type

    from crm_desktop.ui.calendar.view import _next_hour

    day = day_type(2026, 12, 1)
    evening = datetime.combine(day, time_type(23, 20)).astimezone()
    afternoon = datetime.combine(day, time_type(14, 20)).astimezone()
    assert _next_hour(day, evening) == datetime.combine(day, time_type(23, 59)).astimezone()
    assert _next_hour(day, afternoon) == datetime.combine(day, time_type(15, 0)).astimezone()
    assert _next_hour(day_type(2026, 12, 3), evening) == datetime.combine(day_type(2026, 12, 3), time_type(9)).astimezone()
