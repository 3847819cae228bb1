"""The engine applies the storage rules, and a file that is not ours is refused untouched."""

import hashlib
import sqlite3

import pytest
from sqlalchemy import event

from crm_desktop.domain.errors import DatabaseReadOnlyError
from crm_desktop.storage.database import Database
from crm_desktop.storage.engine import NotADatabaseError
from crm_desktop.storage.records import ContactRecord


def test_sqlite_pragmas(db):
    with db.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"pragma {name}").scalar()  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") >= 5000


def test_writes_begin_immediate_reads_do_not(db):
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda c, cur, sql, *a: statements.append(sql))
    with db.writing() as uow:
        uow.contacts.add(name="x")
    with db.reading() as uow:
        uow.contacts.count("", False, {})
    begins = [s for s in statements if s.startswith("BEGIN")]
    assert begins == ["BEGIN IMMEDIATE", "BEGIN"]


def test_failed_write_rolls_back_whole(db):
    with pytest.raises(RuntimeError), db.writing() as uow:
        uow.contacts.add(name="first")
        uow.contacts.add(name="second")
        raise RuntimeError("power cut in the middle")
    with db.reading() as uow:
        assert uow.contacts.count("", False, {}) == 0


def test_foreign_keys_are_enforced(db):
    from sqlalchemy.exc import IntegrityError

    from crm_desktop.storage.records import InteractionRecord
    from crm_desktop.storage.types import utcnow

    with pytest.raises(IntegrityError), db.writing() as uow:
        uow.session.add(InteractionRecord(contact_id=424242, kind="call", occurred_at=utcnow()))


@pytest.mark.parametrize("content", [b"hello, this is a text file\n", bytes(range(256)) * 40])
def test_not_a_database_is_refused_and_untouched(tmp_path, content):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(content)
    before = (hashlib.sha256(content).hexdigest(), path.stat().st_mtime_ns)
    with pytest.raises(NotADatabaseError, match="not a Zhanggui CRM database"):
        Database(path)
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_read_only_database_changes_nothing(db_path, db):
    with db.writing() as uow:
        uow.contacts.add(name="x")
    db.dispose()
    with sqlite3.connect(db_path) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    ro = Database(db_path, read_only=True)
    with ro.reading() as uow:
        assert uow.session.query(ContactRecord).count() == 1
    with pytest.raises(DatabaseReadOnlyError), ro.writing():
        pass
    ro.dispose()


def test_new_path_becomes_a_new_database(tmp_path):
    path = tmp_path / "sub" / "folder" / "new.sqlite3"
    db = Database(path)
    with db.engine.connect() as conn:
        conn.exec_driver_sql("select 1")
    assert path.exists()
    db.dispose()
