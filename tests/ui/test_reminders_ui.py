"""The reminder scheduler and panel with a fake clock: fire, snooze, dismiss, missed while closed."""

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from crm_desktop.domain.enums import FollowupKind
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, FollowupDraft
from crm_desktop.services.registry import Services
from crm_desktop.ui.reminders.install import Reminders


@pytest.fixture
def svc(db, clock):
    return Services.build(ServiceContext(db, clock=clock))


@pytest.fixture
def reminders(qtbot, svc, notifier):
    window = QMainWindow()
    central = QWidget()
    QVBoxLayout(central)
    window.setCentralWidget(central)
    qtbot.addWidget(window)
    window.show()
    opened = []
    r = Reminders(window, svc, notifier, opened.append, tray_available=False)
    r.opened = opened
    yield r
    r.stop()


def _plan(svc, due, lead=10, title="回访"):
    c = svc.contacts.create(ContactDraft(name="王五"))
    return svc.followups.create(FollowupDraft(c.id, FollowupKind.CALL, due, title, reminder_minutes=lead))


def test_fires_at_its_time_once_then_snooze_and_dismiss(qtbot, svc, clock, reminders, notifier):
    f = _plan(svc, clock.now + timedelta(minutes=30))
    reminders.start()
    panel = reminders.panel
    assert not panel.isVisible() and reminders.tray is None
    clock.advance(minutes=19)
    assert reminders.scheduler.tick() == []
    clock.advance(minutes=1)
    [new] = reminders.scheduler.tick()
    assert new.followup.id == f.id and panel.isVisible() and panel.model.rowCount() == 1
    assert "王五" in panel.model.text(0) and "Missed" not in panel.model.text(0)
    assert any("Reminder:" in text for _, text in notifier.messages)
    assert reminders.scheduler.tick() == []  # shown once, not every tick
    panel.snooze_buttons[5].click()
    assert not panel.isVisible()
    clock.advance(minutes=5)
    assert [r.followup.id for r in reminders.scheduler.tick()] == [f.id]
    panel.list.setCurrentIndex(panel.model.index(0))
    panel.open_button.click()
    assert reminders.opened == [f.id]
    panel.dismiss_button.click()
    assert not panel.isVisible()
    clock.advance(hours=1)
    assert reminders.scheduler.tick() == [] and svc.reminders.due_reminders() == []


def test_reminders_due_while_closed_are_listed_at_start(qtbot, svc, clock, reminders):
    _plan(svc, clock.now - timedelta(hours=3), title="昨晚")
    reminders.start()  # read in the background: the window is not held up
    qtbot.waitUntil(reminders.panel.isVisible, timeout=5000)
    assert reminders.panel.model.text(0).startswith("Missed while closed")
    assert "missed while the app was closed" in reminders.panel.title.text()


def test_a_clock_jump_is_caught_at_the_next_tick(qtbot, svc, clock, reminders):
    f = _plan(svc, clock.now + timedelta(days=2), lead=60)
    reminders.start()
    assert reminders.scheduler.timer.isActive() and reminders.scheduler.timer.interval() <= 60_000
    clock.advance(days=2)  # the PC slept for two days
    assert [r.followup.id for r in reminders.scheduler.tick()] == [f.id]


def test_main_window_has_the_reminder_panel(qtbot, db_path, open_window):
    window = open_window(db_path)
    window.load()
    qtbot.waitUntil(lambda: window.reminders is not None, timeout=10_000)  # once the dashboard has its figures
    assert window.findChild(QWidget, "reminderPanel") is window.reminders.panel
    assert window.reminders.scheduler.timer.isActive()


def test_the_timer_reads_in_the_background_and_fires(qtbot, svc, clock, reminders):
    f = _plan(svc, clock.now + timedelta(minutes=10), lead=10)
    reminders.scheduler.set_interval(20)
    clock.advance(minutes=-1)
    reminders.start()
    assert reminders.scheduler.due == []
    clock.advance(minutes=1)
    with qtbot.waitSignal(reminders.scheduler.fired, timeout=5000) as fired:
        pass
    assert [r.followup.id for r in fired.args[0]] == [f.id]
    assert reminders.panel.isVisible()


def test_a_slow_read_spaces_the_ticks_out(qtbot, svc, clock, reminders, monkeypatch):
    import time

    from crm_desktop.ui.reminders import scheduler as module

    scheduler = reminders.scheduler
    slow = svc.reminders.due

    def read(now, listed):
        time.sleep(0.05)
        return slow(now, listed)

    monkeypatch.setattr(scheduler._service, "due", read)
    scheduler.set_interval(20)
    with qtbot.waitSignal(scheduler.timer.timeout, timeout=5000):
        scheduler.timer.start()
    qtbot.waitUntil(lambda: scheduler._worker is None and scheduler.timer.interval() > 20, timeout=5000)
    assert module.BUSY_SHARE * 50 <= scheduler.timer.interval() <= module.MAX_TICK_MS


def test_a_long_list_dismisses_the_selected_ones_or_all_of_them(qtbot, svc, clock, reminders):
    for i in range(30):
        _plan(svc, clock.now + timedelta(minutes=5), lead=10, title=f"回访{i}")
    reminders.start()
    qtbot.waitUntil(reminders.panel.isVisible, timeout=5000)
    panel = reminders.panel
    assert panel.model.rowCount() == 30 and "30" in panel.title.text()
    assert panel.dismiss_button.text() == "Dismiss all"
    for row in (2, 7):
        panel.list.selectionModel().select(panel.model.index(row), panel.list.selectionModel().SelectionFlag.Select)
    assert panel.dismiss_button.text() == "Dismiss"
    chosen = {panel.model.reminder(2).followup.id, panel.model.reminder(7).followup.id}
    panel.dismiss_button.click()
    assert panel.model.rowCount() == 28
    reminders.scheduler.wait_for_writes()  # saved in the background
    assert chosen.isdisjoint(r.followup.id for r in svc.reminders.due_reminders())
    panel.dismiss_button.click()  # nothing selected now: all of them
    assert not panel.isVisible() and panel.model.rowCount() == 0
    reminders.scheduler.wait_for_writes()
    assert svc.reminders.due_reminders() == []


def test_a_long_backlog_lists_the_newest_and_acts_on_all(qtbot, svc, clock, reminders, notifier):
    planned = [_plan(svc, clock.now + timedelta(minutes=i), lead=0, title=f"回访{i}") for i in range(12)]
    clock.advance(minutes=11)
    scheduler, panel = reminders.scheduler, reminders.panel
    scheduler.listed = 5
    scheduler.started_at = clock.now - timedelta(minutes=3)  # the first seven fell due a minute or more before
    new = scheduler.tick()
    assert [r.followup.id for r in new] == [f.id for f in reversed(planned[7:])]  # newest first
    assert len(scheduler.keys) == 12 and notifier.messages[-1][1].endswith("12 follow-up(s) due")
    assert panel.model.rowCount() == 5 and panel.isVisible()
    assert panel.title.text() == "12 reminder(s) — 7 missed while the app was closed — the newest 5 listed"
    panel.list.selectionModel().select(panel.model.index(0), panel.list.selectionModel().SelectionFlag.Select)
    panel.snooze_buttons[15].click()  # the newest only
    assert len(scheduler.keys) == 11 and panel.model.rowCount() == 4
    assert scheduler.tick() == []  # the next read lists five again, none of them new
    assert panel.model.rowCount() == 5 and planned[11].id not in {r.followup.id for r in scheduler.due}
    panel.dismiss_button.click()  # none selected: every due one, listed or not
    assert scheduler.keys == () and not panel.isVisible()
    scheduler.wait_for_writes()
    assert svc.reminders.due_reminders() == []
    clock.advance(minutes=15)
    [back] = scheduler.tick()
    assert back.followup.id == planned[11].id and "回访11" in notifier.messages[-1][1]


def test_taking_off_every_listed_one_reads_the_next_ones_at_once(qtbot, svc, clock, reminders):
    planned = [_plan(svc, clock.now + timedelta(minutes=i), lead=0, title=f"回访{i}") for i in range(6)]
    clock.advance(minutes=5)
    scheduler, panel = reminders.scheduler, reminders.panel
    scheduler.listed = 2
    scheduler.set_interval(60_000)  # no tick of its own during the test
    reminders.start()
    qtbot.waitUntil(lambda: len(scheduler.keys) == 6, timeout=5000)
    assert [r.followup.id for r in scheduler.due] == [planned[5].id, planned[4].id]
    scheduler.dismiss([r.key for r in scheduler.due])
    assert "listed" not in panel.title.text()  # nothing listed for a moment: no "the newest 0"
    qtbot.waitUntil(lambda: len(scheduler.due) == 2, timeout=5000)
    assert [r.followup.id for r in scheduler.due] == [planned[3].id, planned[2].id]
    assert panel.title.text().startswith("4 reminder(s)") and panel.title.text().endswith(" — the newest 2 listed")


def test_a_dismiss_is_saved_off_the_gui_thread_and_no_read_lists_it_again_meanwhile(qtbot, svc, clock, reminders,
                                                                                    monkeypatch):
    import threading

    planned = [_plan(svc, clock.now + timedelta(minutes=5), lead=10, title=f"回访{i}") for i in range(3)]
    reminders.start()
    scheduler, panel = reminders.scheduler, reminders.panel
    qtbot.waitUntil(lambda: len(scheduler.keys) == 3, timeout=5000)
    scheduler.set_interval(10)  # ticks keep coming while the save runs
    release, saved_on = threading.Event(), []
    dismiss_all = svc.reminders.dismiss_all

    def held(occurrences):
        saved_on.append(threading.current_thread())
        release.wait(10)
        dismiss_all(occurrences)

    monkeypatch.setattr(scheduler._service, "dismiss_all", held)
    panel.list.selectionModel().select(panel.model.index(0), panel.list.selectionModel().SelectionFlag.Select)
    chosen = panel.model.reminder(0).followup.id
    panel.dismiss_button.click()
    assert len(scheduler.keys) == 2 and panel.model.rowCount() == 2  # off the list at once
    qtbot.wait(200)  # ticks due meanwhile read nothing: the one dismissed would be listed again
    assert saved_on and saved_on[0] is not threading.main_thread()
    assert len(scheduler.keys) == 2 and chosen not in {r.followup.id for r in scheduler.due}
    release.set()
    qtbot.waitUntil(lambda: {r.followup.id for r in svc.reminders.due_reminders()} ==
                    {f.id for f in planned} - {chosen}, timeout=5000)
    qtbot.wait(100)
    assert {r.followup.id for r in scheduler.due} == {f.id for f in planned} - {chosen}


def test_a_snooze_that_cannot_be_saved_is_reported_and_listed_again(qtbot, svc, clock, reminders, notifier,
                                                                     monkeypatch):
    from crm_desktop.domain.errors import DatabaseBusyError

    f = _plan(svc, clock.now + timedelta(minutes=5), lead=10)
    reminders.start()
    scheduler, panel = reminders.scheduler, reminders.panel
    qtbot.waitUntil(panel.isVisible, timeout=5000)

    def busy(*args):
        raise DatabaseBusyError("locked")

    monkeypatch.setattr(scheduler._service, "snooze_all", busy)
    scheduler.set_interval(60_000)  # only the read after the failed save lists it again
    panel.snooze_buttons[5].click()
    assert not panel.isVisible()
    qtbot.waitUntil(lambda: [r.followup.id for r in scheduler.due] == [f.id], timeout=5000)
    assert panel.isVisible() and any(kind == "Warning" for kind, _text in notifier.messages)
