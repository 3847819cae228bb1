"""The automatic backup when the app closes: into the rotation, per-PC settings respected, and the
real `run_gui` takes it after its window has gone."""

import os
import subprocess
import sys
import textwrap

from crm_desktop.services.dto import ContactDraft
from crm_desktop.storage.backup import integrity_problems
from crm_desktop.storage.backups import BackupSet, preview


def test_settings_default_to_automatic_backups_beside_the_database(settings):
    assert settings.automatic_backups is True and settings.backup_folder == ""
    settings.automatic_backups = False
    settings.backup_folder = "/somewhere/else"
    settings.sync()
    assert settings.automatic_backups is False and settings.backup_folder == "/somewhere/else"


def test_closing_backs_up_what_the_session_saved(qtbot, db_path, open_window, settings, tmp_path):
    settings.backup_folder = str(tmp_path / "elsewhere")
    window = open_window(db_path)
    window.services.contacts.create(ContactDraft(name="王芳"))
    window.close()
    taken = window.controller.backup_on_exit()
    assert taken.path.parent == tmp_path / "elsewhere" and taken.reason == "exit"
    assert integrity_problems(taken.path) == [] and preview(taken).counts["contacts"] == 1


def test_no_backup_when_switched_off(qtbot, db_path, open_window, settings):
    settings.automatic_backups = False
    window = open_window(db_path)
    window.services.contacts.create(ContactDraft(name="王芳"))
    window.close()
    assert window.controller.backup_on_exit() is None
    assert BackupSet(db_path).entries() == []


def test_the_real_app_backs_up_after_its_window_closed(tmp_path, db, services):
    services.contacts.create(ContactDraft(name="王芳"))
    db.dispose()
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from crm_desktop.app import ensure_qapplication, run_gui
        from crm_desktop.services.dto import ContactDraft
        from crm_desktop.ui.main_window import MainWindow
        app = ensure_qapplication()
        def close():  # once the window is up (a busy machine takes a while): save one change, close
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
            if not windows:
                return
            timer.stop()
            windows[0].services.contacts.create(ContactDraft(name="李四"))
            windows[0].close()
        timer = QTimer(interval=200)
        timer.timeout.connect(close)
        timer.start()
        sys.exit(run_gui({str(db.path)!r}, "en"))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRM_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=90, env=env)
    assert done.returncode == 0, done.stderr
    [taken] = BackupSet(db.path).entries()
    assert taken.reason == "exit" and preview(taken).counts["contacts"] == 2
