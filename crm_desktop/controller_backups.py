"""The controller's backup work: the automatic backup on closing, the restore wizard, restoring a
backup (current file set aside, backup verified, migrated, reopened) and the offer at start when the
database is damaged. Functions over an AppController, kept apart so controller.py stays small.
"""

import logging
import time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QApplication

from crm_desktop.storage.backups import BackupSet
from crm_desktop.storage.damage import damage_problems, needs_deferred_check
from crm_desktop.storage.maintenance import restore_database
from crm_desktop.ui.backups.damaged_offer import DamagedOffer
from crm_desktop.ui.backups.restore_wizard import open_restore_wizard
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.common.worker import Worker

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("AppController", text)


def backups_of(controller) -> BackupSet | None:
    db = controller.db
    if db is None or db.path is None:
        return None
    return BackupSet(db.path, controller.settings.backup_folder or None)


def backup_on_exit(controller):
    """After the window has gone (the process stays until the copy is verified): a backup into the
    rotation when this session saved something or today has none. Failures are logged, not shown:
    there is no window any more."""
    for worker in list(controller._workers):  # a check or a backup still running ends first
        worker.wait()
    backups, db = backups_of(controller), controller.db
    if backups is None or not controller.settings.automatic_backups:
        return None
    started = time.perf_counter()
    try:
        taken = backups.take_on_exit(db.engine, controller._commits.changed)
    except Exception:  # noqa: BLE001 - logged; the data itself is safe
        log.exception("the automatic backup on closing failed")
        return None
    if taken is not None:
        log.info("automatic backup %s in %.1f s", taken.path, time.perf_counter() - started)
    return taken


def check_later(controller) -> Worker | None:
    """A file too big to check before the window shows is checked now in a worker; damage found
    shows the banner that offers a restore."""
    path, window = controller.db.path, controller.window
    if path is None or not needs_deferred_check(path):
        return None
    worker = Worker(lambda _report: damage_problems(path), controller)
    worker.succeeded.connect(lambda problems: problems and window.notices.show_damaged())
    worker.failed.connect(lambda exc: log.warning("the check after start failed: %s", exc))
    worker.finished.connect(lambda: controller._workers.remove(worker))
    controller._workers.append(worker)
    worker.start()
    return worker


def open_wizard(controller):
    backups = backups_of(controller)
    if backups is None:
        controller.notifier.warning(_tr(QT_TRANSLATE_NOOP("AppController", "Restore a server database with the server's own tools.")))
        return None
    wizard = open_restore_wizard(backups, controller.notifier, controller.window)
    wizard.restoreChosen.connect(controller.restore_backup)
    return wizard


def restore_backup(controller, info):
    """In a worker: verify the backup, set the current file aside, copy the backup in; then reopen
    (which migrates) in a new window. The old window waits, disabled, and comes back on failure."""
    path, old, old_db = controller.db.path, controller.window, controller.db
    old.setEnabled(False)
    old_db.dispose()
    worker = controller._run(lambda _report: restore_database(info.path, path),
                             lambda kept: _on_restored(controller, path, kept, old_db), _tr(QT_TRANSLATE_NOOP("AppController", "Restoring the backup…")))
    worker.failed.connect(lambda _exc: old.setEnabled(True))
    return worker


def _on_restored(controller, path, kept, old_db) -> None:
    window = controller.switch_to(str(path))
    old_db.dispose()  # connections a timer of the old window may have opened meanwhile
    if window is not None and kept is not None:
        controller.notifier.info(_tr(QT_TRANSLATE_NOOP("AppController", "Backup restored. The database it replaced is kept at {kept}."))
                                 .format(kept=kept))


def offer_restore(controller, exc) -> DamagedOffer:
    """At start, instead of the main window: the damaged file named, the newest good backup offered."""
    offer = DamagedOffer(error_text(exc), exc.newest_good is not None)
    offer.restoreRequested.connect(lambda: _restore_damaged(controller, exc))
    offer.rejected.connect(QApplication.quit)
    controller._offer = offer  # kept alive: it has no parent window
    offer.open()
    return offer


def _restore_damaged(controller, exc) -> None:
    def restored(_kept) -> None:
        try:
            window = controller.open(str(exc.path))
        except Exception as error:  # noqa: BLE001 - shown; nothing else to open
            controller.notifier.error(error)
            return
        window.show()
        window.load()
        controller.notifier.info(_tr(QT_TRANSLATE_NOOP("AppController", "The newest good backup was restored; the damaged file is kept beside it.")))

    controller._run(lambda _report: restore_database(exc.newest_good, exc.path), restored,
                    _tr(QT_TRANSLATE_NOOP("AppController", "Restoring the backup…")))
