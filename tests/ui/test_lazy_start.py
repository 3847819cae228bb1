"""Start-up builds and reads what is shown first: a tab is built when first shown or used, the
shown tab is read when the event loop turns (or at once when the caller shows another tab first),
the background jobs start a moment later, and the services load when first used."""

import os
import subprocess
import sys
import textwrap
from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QLabel

from crm_desktop.domain.enums import FollowupKind, TicketCategory
from crm_desktop.domain.passwords import hash_password
from crm_desktop.services.dto import ContactDraft, FollowupDraft, TicketDraft

LAZY_TABS = ("dashboard", "calendar", "tickets", "loyalty")


def test_only_the_contacts_tab_is_built_when_the_window_opens(db_path, open_window):
    window = open_window(db_path)
    assert window.slots.is_built("contacts")
    assert not any(window.slots.is_built(name) for name in LAZY_TABS)
    placeholder = window.tabs.widget(window.tab_index("calendar"))
    assert isinstance(placeholder, QLabel) and placeholder.objectName() == "calendarTab"


def test_a_tab_built_when_first_shown_reads_its_data_and_reports_its_status(qtbot, db_path, services,
                                                                             open_window):
    contact = services.contacts.create(ContactDraft(name="甲"))
    services.tickets.create(TicketDraft(contact.id, TicketCategory.REPAIR, "打印机卡纸"))
    window = open_window(db_path)
    window.tabs.setCurrentIndex(window.tab_index("tickets"))
    tickets = window.tabs.currentWidget()
    assert window.slots.is_built("tickets") and tickets is window.tickets
    assert tickets.objectName() == "ticketsTab" and window.tabs.tabText(window.tab_index("tickets")) == "Service tickets"
    qtbot.waitUntil(lambda: tickets.row_count() == 1, timeout=5000)
    assert window.status_count.text() == tickets.status_text() != ""
    assert window.findChild(QLabel, "ticketsTab") is None  # its placeholder is gone
    window.services.tickets.create(TicketDraft(contact.id, TicketCategory.REPAIR, "屏幕不亮"))  # shown: read again at once
    qtbot.waitUntil(lambda: tickets.row_count() == 2, timeout=5000)


def test_a_tab_built_by_use_is_read_when_shown(qtbot, db_path, services, open_window):
    contact = services.contacts.create(ContactDraft(name="乙"))
    window = open_window(db_path)
    qtbot.waitUntil(lambda: window.slots.is_built("dashboard"))  # the shown tab, read as the loop turns
    calendar = window.calendar  # built, not shown: nothing read yet
    due = datetime.now(UTC) + timedelta(minutes=5)
    if due.astimezone().date() != datetime.now().astimezone().date():
        due = datetime.now(UTC)
    services.followups.create(FollowupDraft(contact.id, FollowupKind.CALL, due, "回访"))
    window.tabs.setCurrentWidget(calendar)
    assert window.tabs.currentIndex() == window.tab_index("calendar")
    model = calendar.model
    qtbot.waitUntil(lambda: "回访" in [model.data(model.index(r, 3)) for r in range(model.rowCount())],
                    timeout=5000)


def test_showing_the_contacts_first_reads_them_alone(qtbot, db_path, services, open_window):
    services.contacts.create(ContactDraft(name="丙"))
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.contacts)
    assert window.contacts.model.rowCount() == 1  # read at once, before the event loop turned
    qtbot.wait(50)
    assert not window.slots.is_built("dashboard")  # never shown: never built, its figures never computed


def test_the_shown_tab_is_read_when_the_event_loop_turns(qtbot, db_path, open_window):
    window = open_window(db_path)
    assert not window.slots.is_built("dashboard")
    qtbot.waitUntil(lambda: window.slots.is_built("dashboard") and window.dashboard.summary is not None,
                    timeout=10_000)


def test_the_background_jobs_start_a_moment_after_the_window(qtbot, db_path, open_window):
    window = open_window(db_path)
    assert window.reminders is None
    qtbot.waitUntil(lambda: window.reminders is not None and window.reminders.scheduler.timer.isActive(),
                    timeout=5000)


def test_a_sales_user_opens_on_the_contacts_and_never_builds_the_dashboard(qtbot, db_path, db, open_window):
    with db.writing() as uow:
        uow.users.add(username="owner", display_name="店主", role="owner", password_hash=hash_password("demo"))
        uow.users.add(username="li", display_name="小李", role="sales", password_hash=hash_password("demo"))
    window = open_window(db_path, user="li", password="demo")
    assert not window.tabs.isTabVisible(window.tab_index("dashboard"))
    qtbot.waitUntil(lambda: window.contacts.model.loaded)
    assert window.current_tab() is window.contacts
    assert not window.slots.is_built("dashboard")


def test_the_services_load_their_modules_when_first_used(tmp_path):
    code = textwrap.dedent(f"""
        import sys
        from crm_desktop.storage.database import Database
        from crm_desktop.storage.migrate import upgrade_to_head
        from crm_desktop.services.context import ServiceContext
        from crm_desktop.services.registry import Services
        db = Database({str(tmp_path / "a.sqlite3")!r})
        upgrade_to_head(db)
        services = Services.build(ServiceContext(db))
        before = "crm_desktop.services.analytics" in sys.modules
        services.users.act_as(None)
        assert callable(services.analytics.quality)  # gated: for roles that see every customer
        print(before, "crm_desktop.services.analytics" in sys.modules, services.analytics is services.analytics)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True", "True"]


def test_the_background_jobs_wait_for_the_shown_tabs_workers(qtbot, db_path, open_window, monkeypatch):
    """The reminders and a big file's check start once the dashboard has its figures, not while
    its workers compute (they would share the processor with the figures the user waits for)."""
    from crm_desktop.ui import settling

    monkeypatch.setattr(settling, "BACKGROUND_DELAY_MS", 0)
    busy = {"now": True}
    window = open_window(db_path)
    qtbot.waitUntil(lambda: window.slots.is_built("dashboard"), timeout=10_000)
    monkeypatch.setattr(window.dashboard, "busy", lambda: busy["now"])
    qtbot.wait(3 * settling.SETTLE_POLL_MS)
    assert window.reminders is None
    busy["now"] = False
    qtbot.waitUntil(lambda: window.reminders is not None, timeout=5000)


def test_the_background_jobs_do_not_wait_for_ever(qtbot, db_path, open_window, monkeypatch):
    from crm_desktop.ui import settling

    monkeypatch.setattr(settling, "BACKGROUND_DELAY_MS", 0)
    monkeypatch.setattr(settling, "SETTLE_MAX_MS", 4 * settling.SETTLE_POLL_MS)
    window = open_window(db_path)
    qtbot.waitUntil(lambda: window.slots.is_built("dashboard"), timeout=10_000)
    monkeypatch.setattr(window.dashboard, "busy", lambda: True)
    qtbot.waitUntil(lambda: window.reminders is not None, timeout=5000)
