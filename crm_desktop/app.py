"""Composition root: settings, database, migration, services, translators and the main window."""

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from crm_desktop import APP_AUTHOR, APP_NAME, __version__
from crm_desktop.paths import APP_ICON, DB_FILENAME, default_db_path
from crm_desktop.ui.common.feature_scan import cheapen_source_scan
from crm_desktop.ui.common.worker import watch_application

cheapen_source_scan()  # before SQLAlchemy, the models and the services are imported

log = logging.getLogger(__name__)


def ensure_qapplication(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_AUTHOR)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv or [sys.argv[0]])
        watch_application(app)  # no background job outlives the application
    return app


def show_frame(db, settings, translators):
    """The main window's frame, shown and painted now, before SQLAlchemy and the services load
    (about a second): the app is there at once, and `AppController.open(..., frame=)` fills it."""
    from crm_desktop.storage.files import database_label
    from crm_desktop.ui.main_window import MainWindow

    translators.install(settings.language)
    frame = MainWindow(settings, database_label(db))
    frame.show()
    frame.repaint()
    return frame


def open_main_window(db, *, user: str | None = None, password: str | None = None, notifier=None,
                     settings=None, clock=None, passphrase: str | None = None, load: bool = True):
    """Build services and the main window for `db` (path or URL) and show it; never blocks.

    `user`/`password` (or CRM_USER / CRM_PASSWORD) name the acting user where the database has
    accounts; the first owner acts otherwise. The schema is upgraded (with a backup) first.
    An encrypted database opens with `passphrase` (or CRM_PASSPHRASE); no dialog asks for it.
    `load=False` leaves the first read of the tabs to the caller (`window.load()`), as the desktop
    app does after the window has been painted. Else the shown tab is read at the event loop's
    next turn (the dashboard's workers then start), unless the caller shows another tab first:
    that one is read at once.
    """
    from crm_desktop.controller import AppController
    from crm_desktop.unlock import unlock_database

    unlock_database(str(db), passphrase or os.environ.get("CRM_PASSPHRASE"))

    ensure_qapplication()
    user = user or os.environ.get("CRM_USER")
    password = password or os.environ.get("CRM_PASSWORD")
    controller = AppController(notifier=notifier, settings=settings, clock=clock)
    window = controller.open(str(db), user=user, password=password)
    window.show()
    if load:
        window.load(now=False)
    return window


def run_gui(db: str | Path, lang: str | None = None, default_location: bool = False) -> int:
    """The desktop app: the window's frame first, then the data. `default_location`: no --db
    was given, so the data folder of the settings is used, and a first start shows the welcome."""
    from crm_desktop.ui.i18n import Translators
    from crm_desktop.ui.settings import Settings

    app = ensure_qapplication(sys.argv)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    app.setWindowIcon(QIcon(str(APP_ICON)))
    settings, translators = Settings(QSettings()), Translators()
    if lang:
        settings.language = lang
    translators.install(settings.language)
    welcomed = None  # (user, password) of the owner the welcome screen just created
    if default_location:
        db = default_database(settings)
        if not db.exists():
            if (first := run_welcome(settings, translators)) is None:
                return 0
            db, welcomed = first
    lock = lock_data_folder(db)
    if lock is None:
        return _refuse(already_open_text(db))
    frame = show_frame(db, settings, translators)
    controller = _open_in(frame, db, welcomed, translators)
    code = app.exec() if controller is not None else 1
    if lock is not _NO_LOCK:
        lock.unlock()  # the window is gone: another start need not wait for the backup below
    if controller is not None:
        controller.backup_on_exit()
    return code


def _open_in(frame, db, welcomed, translators):
    """Unlock, sign in and open `db` in the painted `frame`; None when the app is to end."""
    from crm_desktop.controller import AppController
    from crm_desktop.domain.errors import CrmError
    from crm_desktop.storage.damage import DamagedDatabaseError
    from crm_desktop.ui.common.messages import error_text
    from crm_desktop.unlock import ask_sign_in, ask_until_unlocked

    controller = AppController(settings=frame.settings, translators=translators)
    try:
        if not ask_until_unlocked(str(db), frame) or (credentials := welcomed or ask_sign_in(str(db), frame)) is False:
            return None
        user, password = credentials or (None, None)
        window = controller.open(str(db), user=user, password=password, frame=frame)
    except DamagedDatabaseError as exc:
        frame.close()
        controller.offer_restore(exc)  # restores the newest good backup and opens it, or quits
    except CrmError as exc:
        frame.close()
        _refuse(error_text(exc))
        return None
    else:
        QTimer.singleShot(0, window.load)
    return controller


def default_database(settings) -> Path:
    """The database opened without --db: in the data folder chosen at the first start or in the
    settings, else the default one (CRM_DATA_DIR, set by tests and the smoke test, wins)."""
    if os.environ.get("CRM_DATA_DIR") or not settings.data_folder:
        return default_db_path()
    return Path(settings.data_folder) / DB_FILENAME


def run_welcome(settings, translators) -> tuple[Path, tuple[str, str] | None] | None:
    """The first start: the welcome screen creates the database. Returns its path and the new
    owner's credentials (None: it opened a database already there), or None when it was closed."""
    from crm_desktop.first_run import DEMO_USERNAMES, create_first_database
    from crm_desktop.ui.welcome import WelcomeWizard

    def set_language(code: str) -> None:
        settings.language = code
        translators.install(code)

    wizard = WelcomeWizard(settings.language, default_db_path().parent, create_first_database,
                           set_language, DEMO_USERNAMES)
    if wizard.exec() != WelcomeWizard.DialogCode.Accepted or wizard.database is None:
        return None
    folder = Path(wizard.database).parent
    settings.data_folder = "" if folder == default_db_path().parent else str(folder)
    choices = wizard.submitted
    return Path(wizard.database), None if choices.existing else (choices.username, choices.password)


def already_open_text(db: str | Path) -> str:
    return QCoreApplication.translate(
        "App", "Zhanggui CRM is already open on this data (in {folder}), in another window or by another "
        "user of this computer. Switch to that window, or close it and start again.").format(
        folder=_data_folder(db))


def lock_data_folder(db: str | Path) -> QLockFile | None:
    """One running app per data folder: a lock file beside the database (None when taken).
    A server database needs no lock. The lock is released when the process ends, even by a crash."""
    text = str(db)
    if "://" in text and not text.startswith("sqlite"):
        return _NO_LOCK
    folder = _data_folder(db)
    folder.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(folder / ".crm-desktop.lock"))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(100) else None


_NO_LOCK = object()


def _data_folder(db: str | Path) -> Path:
    return Path(str(db).split("///", 1)[-1]).expanduser().resolve().parent


def _refuse(text: str) -> int:
    """Say why the app does not start, on stderr and in a box (opened, not exec()ed: a test can
    answer it); the app ends when the box is closed."""
    from PySide6.QtWidgets import QMessageBox

    print(f"crm-desktop: {text}", file=sys.stderr, flush=True)
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("App", "Zhanggui CRM"), text,
                      QMessageBox.StandardButton.Ok)
    box.setObjectName("refusalBox")
    box.finished.connect(QApplication.quit)
    box.open()
    QApplication.instance().exec()
    return 1
