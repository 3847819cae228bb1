"""The owner's users dialog and the actions a role does not get."""

import pytest
from PySide6.QtCore import QSettings

from crm_desktop.app import open_main_window
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.storage.migrate import upgrade_to_head
from crm_desktop.ui.security.users_dialog import UsersDialog
from crm_desktop.ui.settings import Settings


@pytest.fixture
def team_db(tmp_path):
    path = tmp_path / "crm.sqlite3"
    db = Database(path)
    upgrade_to_head(db)
    services = Services.build(ServiceContext(db))
    services.users.create_owner("boss", "店主", "owner-pass-1")
    services.user_admin.add_user("li", "小李", "sales", "sales-pass-1")
    yield path, services
    db.dispose()


def _window(qtbot, path, tmp_path, **creds):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window = open_main_window(path, settings=settings, **creds)
    qtbot.addWidget(window)
    return window


def test_owner_adds_a_user_then_resets_and_deactivates(qtbot, qtmodeltester, team_db):
    _, services = team_db
    dialog = UsersDialog(services.user_admin)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    assert [dialog.model.item_at(i).username for i in range(dialog.model.rowCount())] == ["boss", "li"]
    dialog.username.setText("wu")
    dialog.display_name.setText("小吴")
    dialog.password.setText("short")
    dialog.role.setCurrentIndex(dialog.role.findData("service"))
    dialog.add_button.click()
    assert dialog.error.isVisibleTo(dialog) and "8 characters" in dialog.error.text()
    dialog.password.setText("service-pass-1")
    dialog.add_button.click()
    assert not dialog.error.isVisibleTo(dialog) and dialog.model.rowCount() == 3
    assert services.users.sign_in("wu", "service-pass-1").role == "service"
    services.users.act_as("boss")
    dialog.table.selectRow(2)
    dialog.active_button.click()
    assert dialog.model.item_at(2).is_active is False
    dialog.table.selectRow(0)
    dialog.active_button.click()  # the last owner stays
    assert "last owner" in dialog.error.text() and dialog.model.item_at(0).is_active


def test_users_menu_and_export_only_for_the_owner(qtbot, team_db, tmp_path):
    path, _ = team_db
    owner = _window(qtbot, path, tmp_path, user="boss", password="owner-pass-1")
    assert owner.security.manage_users.isVisible() and owner.actions.export_contacts.isVisible()
    sales = _window(qtbot, path, tmp_path, user="li", password="sales-pass-1")
    assert not sales.security.manage_users.isVisible()
    assert not sales.actions.export_contacts.isEnabled()
    assert sales.actions.edit_record.isEnabled()  # sales edit their contacts


def test_service_role_gets_no_contact_editing(qtbot, team_db, tmp_path):
    path, services = team_db
    services.users.act_as("boss")
    services.user_admin.add_user("zhou", "周", "service", "service-pass-1")
    window = _window(qtbot, path, tmp_path, user="zhou", password="service-pass-1")
    window.tabs.setCurrentWidget(window.contacts)
    assert not window.actions.edit_record.isEnabled() and not window.actions.trash.isEnabled()
    window.tabs.setCurrentWidget(window.tickets)
    assert window.actions.new_record.isEnabled()
