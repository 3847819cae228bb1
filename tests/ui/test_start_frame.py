"""Start-up: the main window's frame paints before the database, SQLAlchemy and the services load,
and the same window is then filled."""

import os
import subprocess
import sys
import textwrap

from PySide6.QtWidgets import QLabel

from crm_desktop.app import show_frame
from crm_desktop.controller import AppController
from crm_desktop.ui.i18n import Translators


def test_the_frame_names_the_tabs_and_the_database_it_is_opening(qtbot, db_path, settings):
    frame = show_frame(db_path, settings, Translators())
    qtbot.addWidget(frame)
    assert frame.isVisible() and not frame.attached
    assert [frame.tabs.tabText(i) for i in range(frame.tabs.count())] == [
        "Dashboard", "Contacts", "Follow-up calendar", "Service tickets", "Loyalty"]
    page = frame.tabs.widget(0)
    assert isinstance(page, QLabel) and page.text() == f"Opening {db_path.resolve()}…"
    assert str(db_path.resolve()) in frame.windowTitle()


def test_the_database_opens_in_the_frame_already_shown(qtbot, db_path, settings, notifier):
    translators = Translators()
    frame = show_frame(db_path, settings, translators)
    qtbot.addWidget(frame)
    controller = AppController(notifier=notifier, settings=settings, translators=translators)
    window = controller.open(str(db_path), frame=frame)
    try:
        assert window is frame and window.attached
        assert [window.tabs.widget(i).objectName() for i in range(window.tabs.count())] == [
            "dashboardTab", "contactsTab", "calendarTab", "ticketsTab", "loyaltyTab"]
        assert window.menuBar().actions()  # the menus arrive with the services
        window.load()
        assert window.contacts.findChild(type(window.contacts.page.search), "contactSearch") is not None
    finally:
        window.close()
        controller.db.dispose()


def test_closing_the_frame_while_it_opens_keeps_the_window_size(qtbot, db_path, settings):
    frame = show_frame(db_path, settings, Translators())
    qtbot.addWidget(frame)
    frame.resize(900, 600)
    frame.close()
    assert settings.window_geometry is not None


def test_the_chinese_frame_is_translated(qtbot, db_path, settings):
    settings.language = "zh_CN"
    translators = Translators()
    frame = show_frame(db_path, settings, translators)
    qtbot.addWidget(frame)
    try:
        assert frame.tabs.tabText(1) == "客户"
        assert frame.tabs.widget(0).text().startswith("正在打开")
    finally:
        translators.install("en")


def test_nothing_before_the_frame_paints_loads_sqlalchemy_or_the_services(tmp_path):
    """What the command line and the frame import must stay light: SQLAlchemy alone costs most of
    a second, several times a bare Qt window's start-up."""
    code = textwrap.dedent(f"""
        import sys
        from crm_desktop.cli import build_parser
        from crm_desktop import cli_crypto
        args = build_parser().parse_args(["--db", {str(tmp_path / "a.sqlite3")!r}, "smoke-test"])
        cli_crypto.unlock_from_args(args)
        from crm_desktop.app import ensure_qapplication, show_frame
        from crm_desktop.ui.i18n import Translators
        from crm_desktop.ui.settings import Settings
        from PySide6.QtCore import QSettings
        ensure_qapplication()
        settings = Settings(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat))
        show_frame(args.db, settings, Translators())
        heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sqlalchemy", "alembic", "pyqtgraph",
                       "numpy", "phonenumbers", "holidays", "argon2", "sqlcipher3")
                       or m.startswith(("crm_desktop.services", "crm_desktop.storage.engine")))
        print(heavy)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_a_server_database_is_named_without_its_password(qtbot, settings):
    frame = show_frame("postgresql+psycopg://crm:s3cret@db.local:5432/shop", settings, Translators())
    qtbot.addWidget(frame)
    assert "s3cret" not in frame.windowTitle() and "s3cret" not in frame.tabs.widget(0).text()
    assert "postgresql+psycopg://crm:***@db.local:5432/shop" in frame.windowTitle()
