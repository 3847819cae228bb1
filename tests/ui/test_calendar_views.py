"""Week and day views, drag to reschedule (one occurrence or the series), filters, completion."""

from datetime import datetime, time, timedelta

from PySide6.QtCore import QPoint, Qt

from crm_desktop.domain.enums import FollowupKind, FollowupStatus, Tier
from crm_desktop.services.dto import ContactDraft, FollowupDraft
from crm_desktop.ui.calendar.dialogs import CompleteDialog, FollowupDialog
from crm_desktop.ui.calendar.time_grid import block_text, drag_point
from crm_desktop.ui.calendar.time_layout import blocks_for
from tests.ui.helpers import open_dialog, press_ok


def _monday_10am():
    today = datetime.now().astimezone().date()
    monday = today - timedelta(days=today.weekday())
    return monday, datetime.combine(monday, time(10)).astimezone()


def _window(open_window, db_path, services, mode, tier=Tier.ORDINARY, rrule="", kind=FollowupKind.VISIT):
    c = services.contacts.create(ContactDraft(name="张三", tier=tier))
    monday, due = _monday_10am()
    f = services.followups.create(FollowupDraft(c.id, kind, due, "拜访", duration_minutes=60, rrule=rrule))
    window = open_window(db_path)
    window.resize(1300, 860)
    tab = window.calendar
    window.tabs.setCurrentWidget(tab)
    tab.views.select(monday)
    tab.views.mode_buttons[mode].click()
    return window, tab, f


def _drag(qtbot, widget, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(widget, end)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)


def test_week_view_shows_type_contact_and_time_and_drag_moves(qtbot, db_path, services, open_window):
    window, tab, f = _window(open_window, db_path, services, "week")
    canvas = tab.views.week.canvas
    [block] = canvas.blocks
    assert block_text(block.followup).startswith("10:00 Visit · 张三")
    assert (block.day, block.start, block.end) == (0, 600, 660)
    assert tab.views.stack.currentWidget() is tab.views.week
    _drag(qtbot, canvas, drag_point(canvas, 0, 605), drag_point(canvas, 2, 14 * 60 + 35))
    moved = services.followups.get(f.id).due_at.astimezone()
    assert (moved.weekday(), moved.hour, moved.minute) == (2, 14, 30)
    qtbot.waitUntil(lambda: canvas.blocks and canvas.blocks[0].day == 2)


def test_day_view_drag_of_an_occurrence_asks_this_one_or_the_series(qtbot, db_path, services, open_window):
    window, tab, f = _window(open_window, db_path, services, "day", rrule="FREQ=DAILY;COUNT=5")
    asked = []
    tab.ask_scope = lambda parent, followup: asked.append(followup.due_at) or "one"
    tab.next_button.click()  # Tuesday: the second occurrence
    canvas = tab.views.day.canvas
    [block] = canvas.blocks
    assert block.followup.series_start == f.due_at
    _drag(qtbot, canvas, drag_point(canvas, 0, 605), drag_point(canvas, 0, 16 * 60 + 5))
    assert asked == [f.due_at + timedelta(days=1)]
    week = services.followups.occurrences(f.due_at, f.due_at + timedelta(days=7))
    assert [x.due_at.astimezone().hour for x in week] == [10, 16, 10, 10, 10]
    tab.ask_scope = lambda parent, followup: None  # cancelled: nothing moves
    qtbot.waitUntil(lambda: len(canvas.blocks) == 1)
    tab.prev_button.click()
    [first] = canvas.blocks
    _drag(qtbot, canvas, drag_point(canvas, 0, 605), drag_point(canvas, 0, 12 * 60))
    assert services.followups.get(f.id).due_at == f.due_at


def test_month_drag_keeps_the_time_of_day(qtbot, db_path, services, open_window):
    window, tab, f = _window(open_window, db_path, services, "month")
    month = tab.month
    month.grab()  # paints, and painting records where each line is
    [(rect, item)] = month._hits
    target = f.due_at.astimezone().date() + timedelta(days=1)
    index = (target - month.first_day()).days
    _drag(qtbot, month, rect.center(), month._cell_rect(index).center())
    moved = services.followups.get(f.id).due_at.astimezone()
    assert (moved.date(), moved.hour) == (target, 10)


def test_double_click_edits_and_tier_filter_narrows_the_views(qtbot, db_path, services, open_window):
    window, tab, f = _window(open_window, db_path, services, "week", tier=Tier.KEY)
    canvas = tab.views.week.canvas
    qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=drag_point(canvas, 0, 610))
    dialog = open_dialog(FollowupDialog)
    assert dialog.title.text() == "拜访"
    dialog.reject()
    tab.tier_filter.setCurrentIndex(tab.tier_filter.findData(Tier.COLD.value))
    assert canvas.blocks == []
    tab.tier_filter.setCurrentIndex(tab.tier_filter.findData(Tier.KEY.value))
    assert len(canvas.blocks) == 1


def test_completion_proposes_the_next_follow_up_by_tier(qtbot, db_path, services, open_window):
    window, tab, f = _window(open_window, db_path, services, "month", tier=Tier.POTENTIAL)
    tab.views.select(f.due_at.astimezone().date())
    tab.page.table.selectRow(0)
    tab.done_button.click()
    dialog = open_dialog(CompleteDialog)
    assert dialog.plan_next.isChecked() and dialog.next_kind.currentData() == FollowupKind.CALL
    proposed = dialog.next_draft().due_at.astimezone().date()
    assert 30 <= (proposed - datetime.now().astimezone().date()).days <= 33  # 30 days, then a working day
    dialog.outcome.setPlainText("下月再联系")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services.followups.get(f.id).status == FollowupStatus.DONE
    upcoming = services.followups.occurrences(f.due_at, f.due_at + timedelta(days=60))
    assert [(x.draft.kind, x.status) for x in upcoming][-1] == (FollowupKind.CALL, FollowupStatus.PLANNED)


def test_overlapping_blocks_share_the_column(services):
    c = services.contacts.create(ContactDraft(name="李四"))
    monday, due = _monday_10am()
    made = [services.followups.create(FollowupDraft(c.id, FollowupKind.CALL, due + timedelta(minutes=m),
                                                    duration_minutes=60)) for m in (0, 30, 60)]
    blocks = blocks_for(made, monday, 7)
    assert [(b.lane, b.lanes) for b in blocks] == [(0, 2), (1, 2), (0, 2)]


def test_agenda_lists_occurrences_and_completes_one(qtbot, db_path, services, open_window):
    window, tab, f = _window(open_window, db_path, services, "month", rrule="FREQ=DAILY;COUNT=3")
    tab.views.select(f.due_at.astimezone().date() + timedelta(days=1))
    assert tab.model.rowCount() == 1 and tab.model.row_at(0).series_start == f.due_at
    tab.page.table.selectRow(0)
    tab.done_button.click()
    dialog = open_dialog(CompleteDialog)
    assert not dialog.plan_next.isChecked()  # the series plans its own next one
    dialog.outcome.setPlainText("第二次")
    press_ok(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert services.followups.get(f.id).status == FollowupStatus.PLANNED
    assert [x.status for x in tab.views.month.summaries[f.due_at.astimezone().date() + timedelta(days=1)].first] \
        == [FollowupStatus.DONE]
    tab.page.search.setText("nothing like it")
    tab.page.apply_search()
    assert tab.model.rowCount() == 0


def test_ics_import_and_export_from_the_tab(qtbot, db_path, services, open_window, notifier, tmp_path):
    window, tab, f = _window(open_window, db_path, services, "week")
    out = tmp_path / "week.ics"
    tab.ics.choose_save = lambda: str(out)
    worker = tab.ics.ask_export(all_of_it=False)
    qtbot.waitUntil(lambda: not tab.ics.workers, timeout=10_000)
    assert worker is not None and "BEGIN:VEVENT" in out.read_text(encoding="utf-8")
    assert ("info", "1 follow-up(s) exported to week.ics") in notifier.messages
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\nthis is not a calendar", encoding="utf-8")
    tab.ics.choose_open = lambda: str(broken)
    tab.ics.ask_import()
    qtbot.waitUntil(lambda: not tab.ics.workers, timeout=10_000)
    assert "Traceback" not in notifier.messages[-1][1] and notifier.messages[-1][0] != "Critical"
    tab.ics.choose_open = lambda: str(out)  # the exported week read back: the same follow-up, updated
    tab.ics.ask_import()
    qtbot.waitUntil(lambda: not tab.ics.workers, timeout=10_000)
    assert notifier.messages[-1][1] == "Calendar imported: 0 new, 1 updated, 0 skipped."
