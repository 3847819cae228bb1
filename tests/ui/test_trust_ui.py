"""What a role may not do is not offered in the window (the services refuse it anyway), and the
owner's privacy page: the retention period, how many it would anonymise now, running it."""

from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.app import open_main_window
from crm_desktop.domain.drafts import ContactDraft, TicketDraft
from crm_desktop.domain.enums import LedgerKind, TicketCategory
from crm_desktop.services.audit import AuditQuery
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.storage.migrate import upgrade_to_head
from crm_desktop.ui.common.daily_jobs import DailyJobs
from crm_desktop.ui.settings import Settings
from crm_desktop.ui.settings_dialog import SettingsDialog
from crm_desktop.ui.settings_dialog.privacy_page import PrivacyPage


@pytest.fixture
def team_db(tmp_path):
    path = tmp_path / "crm.sqlite3"
    db = Database(path)
    upgrade_to_head(db)
    services = Services.build(ServiceContext(db))
    services.users.create_owner("boss", "店主", "owner-pass-1")
    services.user_admin.add_user("li", "小李", "sales", "sales-pass-1")
    services.user_admin.add_user("zhou", "小周", "service", "service-pass-1")
    yield path, services
    db.dispose()


def _window(qtbot, path, tmp_path, user, password):
    settings = Settings(QSettings(str(tmp_path / f"{user}.ini"), QSettings.Format.IniFormat))
    settings.language = "en"
    window = open_main_window(path, settings=settings, user=user, password=password)
    qtbot.addWidget(window)
    return window


def _old_customers(services, db, n: int, years: int = 4) -> list[int]:
    ids = [services.contacts.create(ContactDraft(name=f"老客户{i}", phone=f"1390000{i:04d}")).id for i in range(n)]
    with db.writing() as uow:
        for contact_id in ids:
            uow.contacts.get(contact_id).created_at = services.ctx.now() - timedelta(days=366 * years)
    return ids


def test_a_sales_window_has_no_dashboard_and_no_buttons_it_may_not_use(qtbot, team_db, tmp_path):
    path, services = team_db
    services.users.act_as("li")
    own = services.contacts.create(ContactDraft(name="李的客户", phone="13800135678")).id
    services.loyalty.enroll(own)
    services.users.act_as("boss")
    services.tickets.create(TicketDraft(own, TicketCategory.REPAIR, "漏水"))
    window = _window(qtbot, path, tmp_path, "li", "sales-pass-1")
    tabs = window.tabs
    assert not tabs.isTabVisible(tabs.indexOf(window.dashboard)) and tabs.currentWidget() is not window.dashboard

    tabs.setCurrentWidget(window.tickets)
    qtbot.waitUntil(lambda: window.tickets.model.rowCount() == 1, timeout=5000)
    window.tickets.page.table.selectRow(0)
    detail = window.tickets.detail
    assert detail.title.text().endswith("漏水")  # the ticket is shown…
    assert not detail.edit_button.isVisibleTo(window) and not detail.comment.isVisibleTo(window)
    assert not any(b.isVisibleTo(window) for b in detail.status_buttons.values())  # …but not changed
    assert not detail.attachments.add_button.isVisibleTo(window)
    assert not window.actions.new_record.isEnabled() and not window.actions.trash.isEnabled()

    tabs.setCurrentWidget(window.loyalty)
    loyalty = window.loyalty
    qtbot.waitUntil(lambda: loyalty.members.model.rowCount() == 1, timeout=5000)
    loyalty.members.table.selectRow(0)
    pane = loyalty.member_pane
    assert pane.sale_button.isEnabled() and pane.buttons[LedgerKind.REDEEM].isEnabled()
    assert not pane.buttons[LedgerKind.ADJUST].isVisibleTo(window)
    assert not loyalty.rules_button.isVisibleTo(window) and not loyalty.levels_button.isVisibleTo(window)
    assert window.actions.new_record.isEnabled()  # enrolling a member
    loyalty.views.setCurrentIndex(1)  # the rewards catalogue is the managers'
    assert not window.actions.new_record.isEnabled()
    window.close()


def test_the_owner_window_keeps_everything(qtbot, team_db, tmp_path):
    path, _ = team_db
    window = _window(qtbot, path, tmp_path, "boss", "owner-pass-1")
    assert window.tabs.isTabVisible(window.tabs.indexOf(window.dashboard))
    window.tabs.setCurrentWidget(window.loyalty)
    assert window.loyalty.rules_button.isVisibleTo(window)
    assert window.loyalty.member_pane.buttons[LedgerKind.ADJUST].isVisibleTo(window)
    window.tabs.setCurrentWidget(window.tickets)
    assert window.actions.new_record.isEnabled()
    loaders = window.dashboard._loaders.values()  # the dashboard read at start: let it finish first
    qtbot.waitUntil(lambda: not any(loader.busy for loader in loaders), timeout=10_000)
    window.close()


def test_settings_pages_a_role_may_not_change_are_disabled_and_not_saved(qtbot, team_db, settings):
    path, services = team_db
    services.users.act_as("zhou")
    dialog = SettingsDialog(settings, services, "en", str(path))
    qtbot.addWidget(dialog)
    assert {dialog.sla, dialog.points, dialog.privacy} <= set(dialog.locked)
    assert dialog.general not in dialog.locked and dialog.backups not in dialog.locked
    assert not dialog.privacy.isEnabled() and dialog.general.isEnabled()
    dialog.sla.first[next(iter(dialog.sla.first))].setValue(7)
    assert dialog.apply()  # the per-PC pages save; the locked ones write nothing (and fail nothing)
    assert services.data_settings.get("sla.targets") is None


def test_privacy_page_sets_counts_and_runs_retention_after_confirming(qtbot, team_db):
    path, services = team_db
    services.users.act_as("boss")
    old = _old_customers(services, services.ctx.db, 3)
    services.contacts.create(ContactDraft(name="新客户"))
    page = PrivacyPage(services.privacy)
    qtbot.addWidget(page)
    page.load()
    assert page.years.value() == 0 and page.preview.text() == "Retention is off."
    assert not page.run_button.isEnabled()
    page.years.setValue(3)
    qtbot.waitUntil(lambda: "3 customer(s) would be anonymised now" in page.preview.text(), timeout=5000)
    assert services.privacy.retention_setting() is None  # shown, not saved yet
    assert page.save() and services.privacy.retention_setting() == 3

    page.run_button.click()
    assert page.confirm_button.isVisibleTo(page) and "cannot be undone" in page.confirm_text.text()
    page.cancel_button.click()
    assert not page.confirm_button.isVisibleTo(page)
    assert services.contacts.get(old[0]).draft.name == "老客户0"

    page.run_button.click()
    page.confirm_button.click()
    qtbot.waitUntil(lambda: page.result.text() == "3 customer(s) anonymised.", timeout=10_000)
    assert all(services.contacts.get(i).draft.name == "***" for i in old)
    qtbot.waitUntil(lambda: "0 customer(s) would be anonymised now" in page.preview.text(), timeout=5000)
    assert services.audit.count(AuditQuery(action="retention")) == 1

    page.years.setValue(0)
    assert page.save() and services.privacy.retention_setting() is None


def test_privacy_page_refuses_a_period_below_a_year_as_typed(qtbot, team_db):
    _, services = team_db
    services.users.act_as("boss")
    page = PrivacyPage(services.privacy)
    qtbot.addWidget(page)
    page.load()
    assert page.years.minimum() == 0 and page.years.specialValueText() == "Off"
    page.years.setValue(2)
    assert page.save() and services.privacy.retention_setting() == 2
    page.load()
    assert page.years.value() == 2


def test_the_daily_jobs_apply_retention_in_the_owners_session_only(qtbot, team_db, notifier):
    path, services = team_db
    services.users.act_as("boss")
    old = _old_customers(services, services.ctx.db, 2)
    services.privacy.set_retention_years(3)
    services.users.act_as("li")
    jobs = DailyJobs(services, notifier)
    jobs.run_now()
    qtbot.waitUntil(lambda: jobs._worker is None, timeout=10_000)
    services.users.act_as("boss")
    assert services.contacts.get(old[0]).draft.name == "老客户0"
    jobs.run_now()
    qtbot.waitUntil(lambda: jobs._worker is None, timeout=10_000)
    assert all(services.contacts.get(i).draft.name == "***" for i in old)
    assert ("info", "2 customer(s) inactive for over 3 year(s) anonymised (privacy retention).") in notifier.messages
