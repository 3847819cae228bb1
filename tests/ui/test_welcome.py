"""The first start's welcome screen, driven like a user: pages filled in, Finish pressed, the
database created for real in tmp_path by the composition root's setup function."""

from functools import partial

from PySide6.QtCore import QSettings

from crm_desktop.app import default_database
from crm_desktop.first_run import DEMO_USERNAMES, create_first_database
from crm_desktop.paths import DB_FILENAME
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ListQuery
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.ui.settings import Settings
from crm_desktop.ui.welcome import WelcomeWizard
from crm_desktop.ui.welcome.wizard import DATA, OWNER, READY


def _wizard(qtbot, folder, setup=create_first_database, languages=None):
    chosen = languages if languages is not None else []
    wizard = WelcomeWizard("en", folder, setup, chosen.append, DEMO_USERNAMES)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def _fill_owner(wizard, username="meiling", password="s3cret!", repeat=None):
    page = wizard.owner_page
    page.username.setText(username)
    page.display_name.setText("陈美玲")
    page.password.setText(password)
    page.repeat.setText(password if repeat is None else repeat)


def _finish(qtbot, wizard):
    with qtbot.waitSignal(wizard.finished, timeout=60_000):
        wizard.accept()
    return wizard.database


def _services(path) -> Services:
    return Services.build(ServiceContext(Database(path)))


def test_an_empty_start_creates_the_database_and_the_owner_who_can_sign_in(qtbot, tmp_path):
    folder = tmp_path / "my data"
    wizard = _wizard(qtbot, folder)
    wizard.next()
    assert wizard.currentId() == DATA
    assert wizard.data_page.empty.isChecked()
    wizard.next()
    assert wizard.currentId() == OWNER
    _fill_owner(wizard)
    wizard.next()
    assert wizard.currentId() == READY
    assert str(folder) in wizard.ready_page.summary.text()
    path = _finish(qtbot, wizard)
    assert path == str(folder / DB_FILENAME)
    assert (wizard.submitted.existing, wizard.submitted.username) == (False, "meiling")  # signed in at once
    services = _services(path)
    assert services.users.sign_in("meiling", "s3cret!").display_name == "陈美玲"
    assert [u.role for u in services.users.active()] == ["owner"]
    assert services.contacts.count(ListQuery()) == 0


def test_demo_data_is_written_in_a_worker_with_progress_and_the_owner_added(qtbot, tmp_path):
    wizard = _wizard(qtbot, tmp_path / "demo", setup=partial(create_first_database, contacts=60))
    wizard.next()
    wizard.data_page.demo.setChecked(True)
    wizard.next()
    _fill_owner(wizard, username="owner")  # the demo data's own owner is called so
    wizard.next()
    assert wizard.currentId() == OWNER
    assert "demo data has a user called owner" in wizard.owner_page.error.text()
    _fill_owner(wizard, username="boss")
    wizard.next()
    progress = []
    wizard.ready_page.progress.valueChanged.connect(progress.append)
    services = _services(_finish(qtbot, wizard))
    assert services.contacts.count(ListQuery()) == 60
    assert progress and progress[-1] == 60
    assert services.users.sign_in("boss", "s3cret!").role == "owner"
    assert services.users.sign_in("owner", "demo").username == "owner"


def test_mismatched_or_short_passwords_keep_the_page_with_a_message(qtbot, tmp_path):
    wizard = _wizard(qtbot, tmp_path)
    wizard.next()
    wizard.next()
    _fill_owner(wizard, repeat="other")
    wizard.next()
    assert wizard.currentId() == OWNER
    assert wizard.owner_page.error.text() == "The two passwords differ."
    _fill_owner(wizard, password="abc")
    wizard.next()
    assert wizard.currentId() == OWNER
    assert "at least 4" in wizard.owner_page.error.text()
    assert not (tmp_path / DB_FILENAME).exists()


def test_a_failed_setup_leaves_no_files_and_the_wizard_open(qtbot, tmp_path):
    wizard = _wizard(qtbot, tmp_path / "new")
    wizard.next()
    wizard.next()
    _fill_owner(wizard, username="has space")
    wizard.next()  # the page refuses it
    assert "no spaces" in wizard.owner_page.error.text()
    wizard.owner_page.validatePage = lambda: True  # as if the page had let it through
    wizard.next()
    wizard.accept()
    qtbot.waitUntil(lambda: wizard.ready_page.status.text() != "Creating the database…", timeout=30_000)
    assert "without spaces" in wizard.ready_page.status.text()
    assert wizard.isVisible() and wizard.database is None
    assert not (tmp_path / "new" / DB_FILENAME).exists()
    assert wizard.button(WelcomeWizard.WizardButton.FinishButton).isEnabled()


def test_a_folder_holding_a_database_is_opened_as_it_is(qtbot, tmp_path, db):
    wizard = _wizard(qtbot, db.path.parent)
    wizard.next()
    assert wizard.data_page.existing()
    assert "already holds" in wizard.data_page.folder_note.text()
    wizard.next()
    assert wizard.currentId() == READY  # no account page: the database has its own
    assert _finish(qtbot, wizard) == str(db.path)


def test_choosing_a_language_switches_at_once(qtbot, tmp_path):
    chosen = []
    wizard = _wizard(qtbot, tmp_path, languages=chosen)
    combo = wizard.language_page.combo
    combo.setCurrentIndex(combo.findData("zh_CN"))
    assert chosen == ["zh_CN"]
    assert wizard.choices().language == "zh_CN"


def test_the_database_without_db_follows_the_data_folder_setting(tmp_path, monkeypatch):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert default_database(settings) == tmp_path / "data" / DB_FILENAME  # CRM_DATA_DIR of the tests
    monkeypatch.delenv("CRM_DATA_DIR")
    settings.data_folder = str(tmp_path / "shop")
    assert default_database(settings) == tmp_path / "shop" / DB_FILENAME
