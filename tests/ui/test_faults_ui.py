"""Faults seen from the window: a full disk, a read-only database, low free space, a second
instance on the same data. Each gives a plain message and loses nothing."""

import os
import subprocess
import sys
import textwrap
from collections import namedtuple

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event

from crm_desktop.app import already_open_text, lock_data_folder
from crm_desktop.services.dto import ContactDraft, ListQuery


def _limit_growth(db) -> None:
    """A full disk, as SQLite sees one: the file may not grow past its current size."""
    def cap(dbapi_connection, _record):
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    db.engine.pool.dispose()
    event.listen(db.engine, "connect", cap)


def _log(qtbot, window, text: str) -> None:
    window.tabs.setCurrentWidget(window.contacts)
    window.contacts.page.table.selectRow(0)
    window.contacts.detail.log_summary.setPlainText(text)
    qtbot.mouseClick(window.contacts.detail.log_button, Qt.MouseButton.LeftButton)


def test_a_full_disk_gives_a_plain_message_and_loses_nothing(qtbot, db_path, open_window, notifier, services):
    contact = services.contacts.create(ContactDraft(name="赵六"))
    window = open_window(db_path)
    _log(qtbot, window, "第一次回访")
    _limit_growth(window.controller.db)
    _log(qtbot, window, "很长的记录 " * 20_000)
    assert ("Warning", "The disk is full: the change was not saved. Free some space and try again.") in notifier.messages
    assert [i.summary for i in services.contacts.detail(contact.id).timeline] == ["第一次回访"]


def test_a_full_disk_rolls_a_whole_import_back(db, services, tmp_path):
    from crm_desktop.domain.errors import DatabaseFullError
    from crm_desktop.services.importing import DuplicatePolicy

    services.contacts.create(ContactDraft(name="老客户"))
    path = tmp_path / "big.csv"
    path.write_text("姓名,手机\n" + "".join(f"客户{i},1380013{i:04d}\n" for i in range(3000)), encoding="utf-8")
    table = services.imports.read(path)
    plan = services.imports.plan(table, services.imports.guess_mapping(table), DuplicatePolicy.SKIP)
    _limit_growth(db)
    with pytest.raises(DatabaseFullError):
        services.imports.run(plan)
    assert services.contacts.count(ListQuery()) == 1 and services.imports.history() == []


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_database_opens_with_a_banner_and_refuses_writes(qtbot, tmp_path, db, services, open_window,
                                                                     notifier, what):
    services.contacts.create(ContactDraft(name="王芳"))
    db.dispose()
    target = db.path if what == "file" else db.path.parent
    mode = target.stat().st_mode
    target.chmod(0o444 if what == "file" else 0o555)
    try:
        window = open_window(db.path)
        assert window.controller.db.read_only
        assert window.notices.read_only.isVisible()
        assert "read-only" in window.notices.read_only.text.text()
        assert not window.notices.read_only.close_button.isVisible()
        window.tabs.setCurrentWidget(window.contacts)
        assert window.contacts.model.rowCount() == 1  # everything can be read
        actions = window.actions
        assert not any(a.isEnabled() for a in (actions.new_record, actions.edit_record, actions.trash,
                                                actions.import_contacts))
        assert actions.export_contacts.isEnabled()  # reading out is still fine
        _log(qtbot, window, "想写点东西")
        assert ("Warning", "The database is open read-only: the change was not saved.") in notifier.messages
    finally:
        target.chmod(mode)
    assert services.contacts.detail(services.contacts.search("王芳")[0].id).timeline == ()


def test_low_free_space_shows_a_banner(qtbot, db_path, open_window, monkeypatch):
    import crm_desktop.storage.access as access

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(access.shutil, "disk_usage", lambda _p: usage(10**10, 10**10 - 150 * 2**20, 150 * 2**20))
    window = open_window(db_path)
    assert window.notices.low_space.isVisible()
    assert "150 MB" in window.notices.low_space.text.text()
    window.notices.low_space.close_button.click()
    assert not window.notices.low_space.isVisible()


def test_enough_free_space_shows_no_banner(qtbot, db_path, open_window):
    window = open_window(db_path)
    assert not window.notices.low_space.isVisible() and not window.notices.read_only.isVisible()


def test_a_second_instance_is_told_in_plain_words(tmp_path):
    """A real second `crm-desktop` process on data another one holds: it exits 1 with the message."""
    db = tmp_path / "crm.sqlite3"
    lock = lock_data_folder(db)
    assert lock is not None
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMessageBox
        from crm_desktop.app import ensure_qapplication, run_gui
        app = ensure_qapplication()
        def answer():
            boxes = [w for w in QApplication.topLevelWidgets() if w.objectName() == "refusalBox"]
            print("BOX:" + boxes[0].text(), flush=True)
            boxes[0].accept()
        QTimer.singleShot(500, answer)
        sys.exit(run_gui({str(db)!r}, "en"))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CRM_DATA_DIR=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 1
    expected = already_open_text(db)
    assert "already open on this data" in expected and str(tmp_path) in expected
    assert f"BOX:{expected}" in done.stdout
    assert f"crm-desktop: {expected}" in done.stderr
    lock.unlock()
