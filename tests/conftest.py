"""Shared fixtures: real SQLite files in tmp_path, real widgets on the offscreen platform."""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

from datetime import UTC, datetime  # noqa: E402

import pytest  # noqa: E402

from crm_desktop.services.context import ServiceContext  # noqa: E402
from crm_desktop.services.registry import Services  # noqa: E402
from crm_desktop.storage.database import Database  # noqa: E402
from crm_desktop.storage.migrate import upgrade_to_head  # noqa: E402


class FakeClock:
    """An injectable clock for tests: starts at a fixed instant and moves only when told."""

    def __init__(self, start: datetime = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs) -> None:
        from datetime import timedelta

        self.now += timedelta(**kwargs)


@pytest.fixture(autouse=True)
def _isolated_user_folders(tmp_path, monkeypatch):
    """No test touches the real data folder or the real settings."""
    monkeypatch.setenv("CRM_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CRM_USER", raising=False)
    monkeypatch.delenv("CRM_PASSWORD", raising=False)
    monkeypatch.delenv("CRM_PASSPHRASE", raising=False)


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "crm.sqlite3"


@pytest.fixture
def db(db_path):
    database = Database(db_path)
    upgrade_to_head(database)
    yield database
    database.dispose()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def services(db):
    return Services.build(ServiceContext(db))


@pytest.fixture
def make_services():
    """make_services(path) -> Services over another new database, disposed after the test."""
    opened = []

    def _make(path):
        database = Database(path)
        upgrade_to_head(database)
        opened.append(database)
        return Services.build(ServiceContext(database))

    yield _make
    for database in opened:
        database.dispose()


@pytest.fixture
def qsettings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def settings(qsettings):
    from crm_desktop.ui.settings import Settings

    s = Settings(qsettings)
    s.language = "en"
    return s


@pytest.fixture
def notifier(qapp):
    from crm_desktop.ui.common.notifier import RecordingNotifier

    return RecordingNotifier()


@pytest.fixture
def open_window(qtbot, notifier, settings):
    """open_window(db_path) -> MainWindow, shown, data loaded, closed after the test."""
    from crm_desktop.app import open_main_window

    windows = []

    def _open(path, **kwargs):
        window = open_main_window(path, notifier=notifier, settings=settings, **kwargs)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield _open
    for window in windows:
        window.close()
        if window.controller.db is not None:
            window.controller.db.dispose()


def pytest_report_header(config):
    return f"python {sys.version.split()[0]}"
