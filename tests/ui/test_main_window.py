"""The main window as scripts and automation see it: object names, tabs, menus, shortcuts."""

import pytest
from PySide6.QtWidgets import QLineEdit, QTableView, QWidget

from crm_desktop.domain.passwords import hash_password
from crm_desktop.services.dto import ContactDraft
from crm_desktop.services.users import SignInError
from crm_desktop.storage.engine import NotADatabaseError

TABS = ["dashboardTab", "contactsTab", "calendarTab", "ticketsTab", "loyaltyTab"]


def test_open_main_window_has_the_documented_object_names(db_path, open_window):
    window = open_window(db_path)
    assert window.objectName() == "mainWindow" and window.isVisible()
    assert [window.tabs.widget(i).objectName() for i in range(window.tabs.count())] == TABS
    for name in TABS:
        assert isinstance(window.findChild(QWidget, name), QWidget)
    assert isinstance(window.findChild(QLineEdit, "contactSearch"), QLineEdit)
    assert isinstance(window.findChild(QTableView, "contactTable"), QTableView)
    assert str(db_path) in window.status_db.text()


def test_shortcuts(db_path, open_window):
    window = open_window(db_path)
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.actions.__dict__.values()
                 if hasattr(a, "shortcut")}
    assert shortcuts["actionNewRecord"] == "Ctrl+N"
    assert shortcuts["actionFind"] == "Ctrl+F"
    assert shortcuts["actionTrash"] == "Del"
    assert shortcuts["actionRefresh"] == "F5"


def test_menus(db_path, open_window):
    window = open_window(db_path)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Tools", "&Help"]
    file_actions = [a.objectName() for a in window.actions.menus["file"].actions() if a.objectName()]
    assert file_actions == ["actionNewDatabase", "actionOpenDatabase", "actionBackup", "actionRestoreBackup", "actionImport",
                            "actionExport", "actionUndoImport", "actionLoadDemo", "actionQuit"]


def test_empty_database_offers_demo_data_without_a_dialog(db_path, open_window):
    window = open_window(db_path)
    assert window.banner.isVisible()
    window.banner.empty_button.click()
    assert not window.banner.isVisible()


def test_database_with_contacts_shows_them_and_counts_in_status_bar(db_path, db, services, open_window):
    for name in ("甲", "乙", "丙"):
        services.contacts.create(ContactDraft(name=name))
    window = open_window(db_path)
    assert not window.banner.isVisible()
    window.tabs.setCurrentWidget(window.contacts)
    assert window.contacts.model.rowCount() == 3
    assert window.status_count.text() == "3 contact(s)"


def test_ctrl_f_focuses_the_current_tabs_search(qtbot, db_path, open_window):
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.contacts)
    window.activateWindow()
    window.actions.find.trigger()
    qtbot.waitUntil(lambda: window.contacts.page.search.hasFocus())


def test_a_file_that_is_not_a_database_is_refused(tmp_path, open_window):
    path = tmp_path / "letter.txt"
    path.write_text("Dear customer", encoding="utf-8")
    with pytest.raises(NotADatabaseError):
        open_window(path)
    assert path.read_text(encoding="utf-8") == "Dear customer"


def test_sign_in_with_credentials(db_path, db, open_window):
    with db.writing() as uow:
        uow.users.add(username="owner", display_name="店主", role="owner", password_hash=hash_password("demo"))
    with pytest.raises(SignInError):
        open_window(db_path, user="owner", password="nope")
    window = open_window(db_path, user="owner", password="demo")
    assert window.services.users.current().display_name == "店主"


def test_tabs_read_when_first_shown_and_after_changes(qtbot, db_path, services, open_window):
    services.contacts.create(ContactDraft(name="甲"))
    window = open_window(db_path)
    assert not window.contacts.model.loaded  # the dashboard is shown first; contacts wait
    window.tabs.setCurrentWidget(window.contacts)
    assert window.contacts.model.rowCount() == 1
    window.tabs.setCurrentWidget(window.tickets)
    window.services.contacts.create(ContactDraft(name="乙"))  # contacts tab hidden: marked stale
    assert window.contacts.model.rowCount() == 1
    window.tabs.setCurrentWidget(window.contacts)
    assert window.contacts.model.rowCount() == 2


def test_load_demo_from_the_welcome_banner_runs_in_a_worker(qtbot, db_path, open_window, monkeypatch):
    import crm_desktop.controller as controller_module

    monkeypatch.setattr(controller_module, "DEMO_CONTACTS", 120)
    window = open_window(db_path)
    assert window.banner.isVisible()
    window.banner.demo_button.click()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=30_000)
    window.tabs.setCurrentWidget(window.contacts)
    assert window.contacts.model.rowCount() == 120
    qtbot.waitUntil(lambda: window.dashboard.summary is not None and window.dashboard.summary.contacts_total == 120,
                    timeout=10_000)


def test_window_size_is_remembered(db_path, open_window):
    window = open_window(db_path)
    window.resize(760, 590)
    window.close()
    again = open_window(db_path)
    assert (again.width(), again.height()) == (760, 590)
