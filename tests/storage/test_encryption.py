"""Encryption at rest: a plaintext database converted in place, opened by passphrase or recovery
key, re-keyed, refused with a wrong passphrase; its bytes hold no contact name."""

import sqlite3

import pytest
from sqlalchemy import text

from crm_desktop.domain.keyslots import KdfParams
from crm_desktop.storage import cipher
from crm_desktop.storage.backup import backup_sqlite, integrity_problems
from crm_desktop.storage.database import Database
from crm_desktop.storage.encryption import EncryptionError, change_passphrase, encrypt_database
from crm_desktop.storage.maintenance import check_database
from crm_desktop.storage.migrate import upgrade_to_head

FAST = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
NAME = "Ouyang Zhenhua"


@pytest.fixture
def plain(tmp_path):
    path = tmp_path / "shop.sqlite3"
    db = Database(path)
    upgrade_to_head(db)
    with db.engine.begin() as conn:
        conn.execute(text("insert into users (uuid, username, display_name, role, is_active, failed_logins, "
                          "created_at, updated_at) values ('c1', 'ouyang', :n, 'sales', 1, 0, '2026-01-01', "
                          "'2026-01-01')"), {"n": NAME})
    db.dispose()
    return path


def _names(path):
    db = Database(path)
    try:
        with db.engine.connect() as conn:
            return [r[0] for r in conn.execute(text("select display_name from users"))]
    finally:
        db.dispose()


def test_encrypted_file_is_unreadable_without_the_key_and_works_with_it(plain):
    result = encrypt_database(plain, "correct horse", FAST)
    assert NAME.encode() not in plain.read_bytes()
    assert not plain.with_name(plain.name + "-wal").exists() or NAME.encode() not in \
        plain.with_name(plain.name + "-wal").read_bytes()
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(plain) as conn:
        conn.execute("select count(*) from sqlite_master").fetchall()
    assert result.keyfile.is_file() and not list(plain.parent.glob("*.plain-*"))
    cipher.forget(plain)
    with pytest.raises(cipher.PassphraseRequiredError):
        Database(plain)
    cipher.unlock(plain, "correct horse")
    assert _names(plain) == [NAME]


def test_connection_setup_holds_for_an_encrypted_file(plain):
    encrypt_database(plain, "correct horse", FAST)
    db = Database(plain)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("pragma journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("pragma synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("pragma foreign_keys").scalar() == 1
    with db.writing() as uow:
        uow.session.execute(text("update users set display_name = 'x' where uuid = 'c1'"))
    db.dispose()
    assert _names(plain) == ["x"]


def test_wrong_passphrase_is_a_clear_message(plain):
    encrypt_database(plain, "correct horse", FAST)
    cipher.forget(plain)
    with pytest.raises(cipher.WrongPassphraseError, match="passphrase is wrong"):
        cipher.unlock(plain, "battery staple")


def test_recovery_key_opens_it_typed_loosely(plain):
    result = encrypt_database(plain, "correct horse", FAST)
    cipher.forget(plain)
    cipher.unlock(plain, recovery_key=result.recovery_key.lower().replace("-", " "))
    assert _names(plain) == [NAME]
    with pytest.raises(cipher.WrongPassphraseError, match="recovery key"):
        cipher.unlock(plain, recovery_key="AAAA-" + result.recovery_key[5:])


def test_rekey_changes_the_key_and_the_recovery_key(plain):
    first = encrypt_database(plain, "correct horse", FAST)
    old_key = cipher.unlock(plain, "correct horse")
    new_recovery = change_passphrase(plain, "correct horse", "battery staple", FAST)
    cipher.forget(plain)
    with pytest.raises(cipher.WrongPassphraseError):
        cipher.unlock(plain, "correct horse")
    with pytest.raises(cipher.WrongPassphraseError):
        cipher.unlock(plain, recovery_key=first.recovery_key)
    assert not cipher.opens(plain, old_key)  # the file itself is under a new key
    cipher.unlock(plain, recovery_key=new_recovery)
    assert _names(plain) == [NAME]


def test_interrupted_rekey_still_opens_with_the_passphrase_that_reached_the_file(plain):
    encrypt_database(plain, "correct horse", FAST)
    cipher.write_slots(plain, {cipher.PASSPHRASE: cipher.read_slots(plain)[cipher.PASSPHRASE]}, pending=True)
    cipher.forget(plain)
    cipher.unlock(plain, "correct horse")  # the pending file never reached the database: dropped
    assert not cipher.pending_path(plain).exists()
    assert _names(plain) == [NAME]


def test_short_passphrase_and_double_encryption_are_refused(plain):
    with pytest.raises(EncryptionError, match="at least 8"):
        encrypt_database(plain, "short", FAST)
    encrypt_database(plain, "correct horse", FAST)
    with pytest.raises(EncryptionError, match="already encrypted"):
        encrypt_database(plain, "correct horse", FAST)


def test_failed_conversion_leaves_the_database_and_keeps_the_backup(plain, monkeypatch):
    from crm_desktop.storage import encryption

    before = plain.read_bytes()

    def broken(*_args):
        raise RuntimeError("disk went away")

    monkeypatch.setattr(encryption, "_verify_copy", broken)
    with pytest.raises(EncryptionError, match="left as it was") as caught:
        encrypt_database(plain, "correct horse", FAST)
    assert plain.read_bytes()[:16] == before[:16] and not cipher.keyfile_path(plain).exists()
    kept = caught.value.params["backup"]
    assert integrity_problems(kept) == [] and _names(plain) == [NAME]


def test_backup_and_check_of_an_encrypted_database(plain, tmp_path):
    encrypt_database(plain, "correct horse", FAST)
    db = Database(plain)
    copy = backup_sqlite(db.engine, tmp_path / "backups" / "copy.sqlite3")
    db.dispose()
    assert cipher.is_encrypted(copy) and NAME.encode() not in copy.read_bytes()
    assert integrity_problems(copy) == []
    assert check_database(plain) == []


def test_an_encrypted_database_is_upgraded_with_an_encrypted_backup(plain):
    from crm_desktop.storage.migrate import current_revision, downgrade

    db = Database(plain)
    downgrade(db, "0008")
    db.dispose()
    encrypt_database(plain, "correct horse", FAST)
    db = Database(plain)
    result = upgrade_to_head(db)
    assert current_revision(db) == result.to_revision and result.backup is not None
    db.dispose()
    assert cipher.is_encrypted(result.backup) and NAME.encode() not in result.backup.read_bytes()
    assert integrity_problems(result.backup) == []


def test_restore_of_an_encrypted_backup(plain, tmp_path):
    from crm_desktop.storage.maintenance import restore_database

    encrypt_database(plain, "correct horse", FAST)
    db = Database(plain)
    copy = backup_sqlite(db.engine, tmp_path / "backups" / "copy.sqlite3")
    with db.writing() as uow:
        uow.session.execute(text("update users set display_name = 'changed' where uuid = 'c1'"))
    db.dispose()
    kept = restore_database(copy, plain)
    assert cipher.is_encrypted(plain) and cipher.is_encrypted(kept)
    assert NAME.encode() not in plain.read_bytes()
    assert _names(plain) == [NAME] and _names(kept) == ["changed"]
