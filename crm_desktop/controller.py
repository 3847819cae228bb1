"""Opens a database and builds everything over it; answers the window's database-level requests.

Part of the composition root (with app.py): the one place that touches storage, services and ui.
"""

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QProgressDialog

from crm_desktop.paths import DB_FILENAME, backups_dir, default_db_path
from crm_desktop.services.context import ServiceContext, system_clock
from crm_desktop.services.dto import ListQuery
from crm_desktop.services.events import DatabaseReplaced
from crm_desktop.services.registry import Services
from crm_desktop.storage import cipher
from crm_desktop.storage.access import open_for_work
from crm_desktop.storage.backup import backup_sqlite
from crm_desktop.storage.backups import BackupSet, CommitWatch
from crm_desktop.storage.database import Database
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.worker import Worker
from crm_desktop.ui.i18n import Translators
from crm_desktop.ui.main_window import MainWindow
from crm_desktop.ui.settings import Settings

log = logging.getLogger(__name__)
DEMO_CONTACTS = 2000
DB_FILTER = "Zhanggui CRM (*.sqlite3 *.db);;All files (*)"


class AppController(QObject):
    def __init__(self, notifier: Notifier | None = None, settings: Settings | None = None, clock=None,
                 translators: Translators | None = None):
        super().__init__()
        self.settings = settings or Settings(QSettings())
        self.notifier = notifier or Notifier()
        self.translators = translators or Translators()
        self.clock = clock or system_clock
        self.db: Database | None = None
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self._workers: list[Worker] = []

    def open(self, db: str, user: str | None = None, password: str | None = None,
             frame: MainWindow | None = None) -> MainWindow:
        """The main window over `db`: `frame` (already shown, see app.show_frame) filled, or a new
        one. Raises DamagedDatabaseError (naming the newest good backup) for a damaged file."""
        self.translators.install(self.settings.language)
        opened = open_for_work(db, self.settings.backup_folder or None)
        database, result = opened.db, opened.upgrade
        if result and result.backup:
            log.info("database upgraded %s -> %s, backup %s", result.from_revision, result.to_revision,
                     result.backup)
        services = Services.build(ServiceContext(database, clock=self.clock))
        if user and password is not None:
            services.users.sign_in(user, password)
        else:
            services.users.act_as(user)
        window = frame or MainWindow(self.settings, database.display_name)
        window.attach(services, self.notifier, database.display_name)
        window.actions.set_language(self.translators.language)
        self._attach(database, services, window)
        window.show_welcome(self.is_empty())
        self._show_notices(opened)
        return window

    def _attach(self, database: Database, services: Services, window: MainWindow) -> None:
        self.db, self.services, self.window = database, services, window
        window.controller = self  # the window keeps its controller alive
        self.notifier.attach(window)
        window.newDatabaseRequested.connect(self._on_window_newDatabaseRequested)
        window.openDatabaseRequested.connect(self._on_window_openDatabaseRequested)
        window.backupRequested.connect(self._on_window_backupRequested)
        window.restoreBackupRequested.connect(self._on_window_restoreBackupRequested)
        window.loadDemoRequested.connect(self._on_window_loadDemoRequested)
        window.languageRequested.connect(self.set_language)
        window.security.encryptRequested.connect(self._on_security_encryptRequested)
        window.security.set_encrypted(database.path is None or cipher.is_encrypted(database.path))
        window.dataFolderRequested.connect(self.move_data_to)
        if database.path is not None:
            self.settings.last_database = str(database.path)
        self._commits = CommitWatch(database.engine)

    def is_empty(self) -> bool:
        """No accounts and no live contact (one row looked up, never the whole table counted)."""
        return not self.services.users.active() and not self.services.contacts.page(ListQuery(), 0, 1)

    # --- database-level actions ------------------------------------------------------------------
    def switch_to(self, db: str) -> MainWindow | None:
        """Open another database in a new window and close the old one."""
        from crm_desktop.unlock import ask_until_unlocked

        old = self.window
        try:
            if not ask_until_unlocked(db, self.window):
                return None
            window = self.open(db)
        except Exception as exc:  # noqa: BLE001 - shown, and the current database stays open
            self.notifier.error(exc)
            return None
        window.show()
        window.load()
        if old is not None:
            old.close()
            old.deleteLater()
        return window

    def set_language(self, code: str) -> None:
        self.settings.language = code
        self.translators.install(code)
        if self.window is not None:
            self.window.actions.set_language(code)

    def move_data_to(self, folder: str) -> Worker | None:
        """The settings chose another data folder ("" = the default): one that holds a database is
        used from the next start; one without first receives a verified copy of the open database."""
        target = Path(folder).expanduser() / DB_FILENAME if folder else default_db_path()
        if target.exists() or self.db.path is None:
            self._use_data_folder(folder, target)
            return None
        engine = self.db.engine
        return self._run(lambda report: backup_sqlite(engine, target),
                         lambda _path: self._use_data_folder(folder, target), self.tr("Copying the data…"))

    def _use_data_folder(self, folder: str, target: Path) -> None:
        self.settings.data_folder = folder
        self.notifier.info(self.tr("From the next start, Zhanggui CRM opens {path}.").format(path=target))

    def backup_to(self, dest: Path) -> Worker:
        engine = self.db.engine
        return self._run(lambda report: backup_sqlite(engine, dest), self._on_backup_done,
                         self.tr("Backing up…"))

    # --- automatic backups and restore (controller_backups.py, loaded on first use) ----------------
    def backups(self) -> BackupSet | None:
        from crm_desktop.controller_backups import backups_of

        return backups_of(self)

    def backup_on_exit(self):
        from crm_desktop.controller_backups import backup_on_exit

        return backup_on_exit(self)

    def restore_backup(self, info) -> Worker:
        from crm_desktop.controller_backups import restore_backup

        return restore_backup(self, info)

    def offer_restore(self, exc):
        from crm_desktop.controller_backups import offer_restore

        return offer_restore(self, exc)

    def _check_later(self) -> None:
        """A big file's full check, off the GUI thread, a moment after the window's first paint and
        read: it reads the whole file, which would slow them."""
        from crm_desktop.controller_backups import check_later

        check_later(self)

    def _show_notices(self, opened) -> None:
        self.window.settler.after_delay(self._check_later)
        if opened.db.read_only:
            self.window.notices.show_read_only()
        if opened.low_space_free is not None:
            self.window.notices.show_low_space(opened.low_space_free)

    def _on_window_restoreBackupRequested(self) -> None:
        from crm_desktop.controller_backups import open_wizard

        open_wizard(self)

    def load_demo(self, contacts: int | None = None) -> Worker:
        from crm_desktop.services.demo import generate_demo

        db, contacts = self.db, contacts or DEMO_CONTACTS
        return self._run(lambda report: generate_demo(db, contacts=contacts, progress=report),
                         self._on_demo_done, self.tr("Loading demo data…"))

    def _run(self, fn, on_done, label: str) -> Worker:
        worker = Worker(fn, self)
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.window)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(worker.cancel)
        worker.progress.connect(lambda done, total: (dialog.setMaximum(total), dialog.setValue(done)))
        worker.succeeded.connect(on_done)
        worker.failed.connect(self.notifier.error)
        worker.finished.connect(dialog.reset)
        worker.finished.connect(lambda: self._workers.remove(worker))
        self._workers.append(worker)
        worker.start()
        return worker

    def _on_backup_done(self, path) -> None:
        self.notifier.info(self.tr("Backup written and verified: {path}").format(path=path))

    def _on_demo_done(self, _summary) -> None:
        self.window.show_welcome(False)
        self.services.bus.publish(DatabaseReplaced())

    # --- slots (each asks for a file, then calls the method above) --------------------------------
    def _on_window_newDatabaseRequested(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("New database"),
                                              str(Path.home() / "crm.sqlite3"), DB_FILTER)
        if path:
            self.switch_to(path)

    def _on_window_openDatabaseRequested(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open database"), "", DB_FILTER)
        if path:
            self.switch_to(path)

    def _on_window_backupRequested(self) -> None:
        if self.db.path is None:
            self.notifier.warning(self.tr("Back up a server database with the server's own tools."))
            return
        default = backups_dir() / f"{self.db.path.stem}-backup.sqlite3"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Back up to"), str(default), DB_FILTER)
        if path:
            self.backup_to(Path(path))

    def _on_security_encryptRequested(self, passphrase: str) -> None:
        """Encrypt the open database in a worker; the window then opens it again, encrypted, and the
        recovery key is shown once. Until then the old window's engine refuses to connect."""
        from crm_desktop.storage.encryption import encrypt_database, retire

        path = self.db.path
        retire(self.db)
        self._run(lambda report: encrypt_database(path, passphrase), self._on_encrypted,
                  self.tr("Encrypting the database…"))
        self._workers[-1].failed.connect(lambda _exc: self.switch_to(str(path)))

    def _on_encrypted(self, result) -> None:
        from crm_desktop.ui.security.encrypt_dialog import RecoveryKeyDialog

        window = self.switch_to(str(result.path))
        self.recovery_dialog = RecoveryKeyDialog(result.recovery_key, window)
        self.recovery_dialog.open()

    def _on_window_loadDemoRequested(self) -> None:
        self.load_demo()
