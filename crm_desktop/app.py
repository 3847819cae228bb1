"""Composition root: settings, database, migration, services, translators and the main window."""

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from crm_desktop import APP_AUTHOR, APP_NAME, __version__

log = logging.getLogger(__name__)


def ensure_qapplication(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(APP_AUTHOR)
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setApplicationVersion(__version__)
        app = QApplication(argv or [sys.argv[0]])
    return app


def open_main_window(db, *, user: str | None = None, password: str | None = None, notifier=None,
                     settings=None, clock=None):
    """Build services and the main window for `db` (path or URL) and show it; never blocks.

    `user`/`password` (or CRM_USER / CRM_PASSWORD) name the acting user where the database has
    accounts; the first owner acts otherwise. The schema is upgraded (with a backup) first.
    """
    from crm_desktop.controller import AppController

    ensure_qapplication()
    user = user or os.environ.get("CRM_USER")
    password = password or os.environ.get("CRM_PASSWORD")
    controller = AppController(notifier=notifier, settings=settings, clock=clock)
    window = controller.open(str(db), user=user, password=password)
    window.show()
    window.load()
    return window


def run_gui(db: str | Path, lang: str | None = None) -> int:
    """The desktop app: show the window first, then read the data."""
    app = ensure_qapplication(sys.argv)
    app.setAttribute(Qt.ApplicationAttribute.AA_DontShowIconsInMenus, False)
    from crm_desktop.controller import AppController
    from crm_desktop.domain.errors import CrmError
    from crm_desktop.ui.common.messages import error_text
    from crm_desktop.ui.settings import Settings

    settings = Settings(QSettings())
    if lang:
        settings.language = lang
    controller = AppController(settings=settings)
    controller.translators.install(settings.language)
    lock = lock_data_folder(db)
    if lock is None:
        return _refuse(QCoreApplication.translate(
            "App", "Zhanggui CRM is already open on this data in another window."))
    try:
        window = controller.open(str(db))
    except CrmError as exc:
        return _refuse(error_text(exc))
    window.show()
    QTimer.singleShot(0, window.load)
    return app.exec()


def lock_data_folder(db: str | Path) -> QLockFile | None:
    """One running app per data folder: a lock file beside the database (None when taken).
    A server database needs no lock. The lock is released when the process ends, even by a crash."""
    text = str(db)
    if "://" in text and not text.startswith("sqlite"):
        return _NO_LOCK
    folder = Path(text.split("///", 1)[-1]).expanduser().resolve().parent
    folder.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(folder / ".crm-desktop.lock"))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(100) else None


_NO_LOCK = object()


def _refuse(text: str) -> int:
    from PySide6.QtWidgets import QMessageBox

    print(f"crm-desktop: {text}", file=sys.stderr, flush=True)
    QMessageBox.warning(None, QCoreApplication.translate("App", "Zhanggui CRM"), text)
    return 1
