"""The restore drill through the GUI: backup -> change -> restore (wizard) -> migrate -> open shows
the backup's data; and the offer at start when the database is damaged."""

import sqlite3
from contextlib import closing

from PySide6.QtWidgets import QLabel

from crm_desktop.app import open_main_window
from crm_desktop.controller import AppController
from crm_desktop.services.dto import ContactDraft
from crm_desktop.storage import migrate
from crm_desktop.storage.backups import BackupSet
from crm_desktop.storage.damage import DamagedDatabaseError
from crm_desktop.storage.database import Database
from crm_desktop.ui.backups.damaged_offer import DamagedOffer
from crm_desktop.ui.backups.restore_wizard import RestoreWizard
from tests.ui.helpers import open_dialog


def _names(window) -> list[str]:
    window.tabs.setCurrentWidget(window.contacts)
    model = window.contacts.model
    return sorted(model.data(model.index(r, 0)) for r in range(model.rowCount()))


def _to_old_schema(backup_path) -> None:
    """Make the backup one written by the previous version (schema 0008): the restore must migrate it."""
    old = Database(backup_path)
    migrate.downgrade(old, "0008")
    old.dispose()


def test_restore_drill_backup_change_restore_migrate_open(qtbot, db_path, notifier, settings):
    window = open_main_window(db_path, notifier=notifier, settings=settings)  # replaced (deleted) by the restore
    for name in ("张三", "李四"):
        window.services.contacts.create(ContactDraft(name=name))
    controller = window.controller
    info = controller.backups().take(controller.db.engine, "manual")
    _to_old_schema(info.path)
    window.services.contacts.create(ContactDraft(name="后来的客户"))

    window.actions.restore_backup.trigger()
    wizard = open_dialog(RestoreWizard)
    assert wizard.list.count() == 1
    qtbot.waitUntil(lambda: wizard.findChild(QLabel, "count_contacts") is not None, timeout=10_000)
    assert wizard.findChild(QLabel, "count_contacts").text() == "2"
    assert "Taken" in wizard.status.text()
    wizard.restore_button.click()

    qtbot.waitUntil(lambda: controller.window is not window, timeout=20_000)
    restored = controller.window
    qtbot.addWidget(restored)
    assert _names(restored) == ["张三", "李四"]
    assert migrate.current_revision(controller.db) == migrate.SCHEMA_HEAD
    assert any("kept at" in text for _level, text in notifier.messages)
    kept = [p for p in db_path.parent.iterdir() if p.name.startswith("crm.sqlite3.replaced-")]
    with closing(sqlite3.connect(kept[0])) as conn:  # the replaced database is kept, whole
        assert conn.execute("select count(*) from contacts").fetchone()[0] == 3
    restored.close()
    controller.db.dispose()


def test_the_wizard_says_when_there_are_no_backups(qtbot, db_path, open_window):
    window = open_window(db_path)
    window.actions.restore_backup.trigger()
    wizard = open_dialog(RestoreWizard)
    assert wizard.list.count() == 0 and not wizard.restore_button.isEnabled()
    assert "no backups" in wizard.status.text()
    wizard.reject()


def test_a_damaged_database_at_start_offers_the_newest_good_backup(qtbot, db_path, notifier, settings, db, services):
    services.contacts.create(ContactDraft(name="王芳"))
    BackupSet(db_path).take(db.engine, "exit")
    db.dispose()
    with db_path.open("r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xde\xad" * 8192)

    controller = AppController(notifier=notifier, settings=settings)
    try:
        controller.open(str(db_path))
    except DamagedDatabaseError as exc:
        controller.offer_restore(exc)
    else:
        raise AssertionError("the damaged database was opened")
    offer = open_dialog(DamagedOffer)
    assert "is damaged" in offer.message.text() and "newest good backup" in offer.message.text()
    offer.restore_button.click()
    qtbot.waitUntil(lambda: controller.window is not None, timeout=20_000)
    qtbot.addWidget(controller.window)
    assert _names(controller.window) == ["王芳"]
    controller.window.close()
    controller.db.dispose()


def test_a_big_file_is_checked_after_the_window_shows_and_damage_offers_a_restore(qtbot, db_path, open_window,
                                                                                   monkeypatch, db, services):
    import crm_desktop.storage.damage as damage

    services.contacts.create(ContactDraft(name="王芳"))
    BackupSet(db_path).take(db.engine, "exit")
    db.dispose()
    with db_path.open("r+b") as fh:  # an index page broken: the schema still reads
        fh.seek(4096 * 2)
        fh.write(b"\xde\xad" * 2048)
    monkeypatch.setattr(damage, "QUICK_CHECK_AT_START_BYTES", 0)  # every file counts as big
    window = open_window(db_path)
    qtbot.waitUntil(lambda: window.notices.damaged.isVisible(), timeout=10_000)
    window.notices.damaged.action.click()
    wizard = open_dialog(RestoreWizard)
    assert wizard.list.count() == 1
    wizard.wait_for_preview()
    wizard.reject()
