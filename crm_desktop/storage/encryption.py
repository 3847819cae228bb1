"""Turning a plaintext database into an SQLCipher one in place, and changing its passphrase.

Converting: the WAL is checkpointed into the file, a verified plaintext backup is taken beside it,
`sqlcipher_export` copies everything into a new encrypted file, which is verified (integrity and
the row count of every table) before the key file and then the database are replaced atomically.
Only then is the plaintext backup deleted (it would defeat the encryption); if anything fails
before, the original database is untouched and the backup is kept and named in the message.

Changing the passphrase re-keys the file with a NEW database key (`PRAGMA rekey`), so a key
derived from an old passphrase opens nothing any more; the recovery slot is re-made with the new
key, which is why a new recovery key is returned (the old one stops working).
"""

import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from crm_desktop.domain import keyslots
from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import cipher


class EncryptionError(StorageError):
    """The database could not be encrypted or re-keyed; it was left as it was."""


@dataclass(frozen=True)
class EncryptResult:
    path: Path
    keyfile: Path
    recovery_key: str  # shown once; never stored


def encrypt_database(path: Path, passphrase: str,
                     params: keyslots.KdfParams = keyslots.DEFAULT_KDF) -> EncryptResult:
    path = Path(path).resolve()
    _check_passphrase(passphrase)
    if cipher.is_encrypted(path):
        raise EncryptionError("{path} is already encrypted.", path=path)
    if not path.is_file() or not cipher.has_plain_header(path):
        raise EncryptionError("There is no plaintext database at {path} to encrypt.", path=path)
    backup = _plain_backup(path)
    tmp = path.with_name(path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    db_key = keyslots.new_database_key()
    try:
        _export(path, tmp, db_key)
        _verify_copy(path, tmp, db_key)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise EncryptionError("The database could not be encrypted and was left as it was ({reason}); "
                              "a plaintext backup is kept at {backup}.", reason=str(exc), backup=backup) from exc
    recovery = keyslots.new_recovery_key()
    cipher.write_slots(path, _slots(db_key, passphrase, recovery, params))
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    tmp.replace(path)
    cipher.remember(path, db_key)
    backup.unlink()
    return EncryptResult(path, cipher.keyfile_path(path), recovery)


def change_passphrase(path: Path, old: str, new: str,
                      params: keyslots.KdfParams = keyslots.DEFAULT_KDF) -> str:
    """Re-key with a new database key under `new`; returns the new recovery key."""
    path = Path(path).resolve()
    _check_passphrase(new)
    old_key = cipher.unlock(path, old)
    new_key = keyslots.new_database_key()
    recovery = keyslots.new_recovery_key()
    slots = _slots(new_key, new, recovery, params)
    cipher.write_slots(path, slots, pending=True)  # a crash during the rekey: unlock tries both
    with closing(cipher.connect(path, old_key)) as conn:
        conn.execute(f"PRAGMA rekey = {keyslots.sqlcipher_key(new_key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    cipher.settle_pending(path)
    cipher.remember(path, new_key)
    return recovery


def retire(db) -> None:
    """Close every connection of an open Database and refuse new ones: a window still holding it
    while its file is replaced would write into the old file or a stale WAL."""
    from sqlalchemy import event

    def refuse(*_args):
        raise EncryptionError("The database is being encrypted; it opens again when that is done.")

    db.engine.dispose()
    event.listen(db.engine.pool, "connect", refuse, insert=True)


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < 8:
        raise EncryptionError("The passphrase must be at least 8 characters long.")


def _slots(db_key: bytes, passphrase: str, recovery: str, params) -> dict:
    return {cipher.PASSPHRASE: keyslots.wrap(db_key, passphrase, params),
            cipher.RECOVERY: keyslots.wrap(db_key, keyslots.normalise_recovery_key(recovery), params)}


def _plain_backup(path: Path) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.plain-{stamp}")
    with closing(sqlite3.connect(path)) as source:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        with closing(sqlite3.connect(backup)) as target:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    with closing(sqlite3.connect(f"file:{backup}?mode=ro", uri=True)) as conn:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            backup.unlink()
            raise EncryptionError("The database did not pass its integrity check; nothing was changed.")
    return backup


def _export(path: Path, tmp: Path, db_key: bytes) -> None:
    import sqlcipher3

    with closing(sqlcipher3.connect(str(path))) as conn:  # no key: it reads the plaintext file
        conn.execute("BEGIN IMMEDIATE")  # holds writers off while the copy is made
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("ATTACH DATABASE ? AS encrypted KEY " + keyslots.sqlcipher_key(db_key), (str(tmp),))
        conn.execute("SELECT sqlcipher_export('encrypted')")
        conn.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE encrypted")
    with closing(cipher.connect(tmp, db_key)) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _verify_copy(path: Path, tmp: Path, db_key: bytes) -> None:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as plain, \
            closing(cipher.connect(tmp, db_key)) as enc:
        if enc.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise EncryptionError("the encrypted copy did not pass its integrity check")
        for (table,) in plain.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
            count = f'SELECT count(*) FROM "{table}"'
            if plain.execute(count).fetchone() != enc.execute(count).fetchone():
                raise EncryptionError("the encrypted copy of table {table} differs", table=table)
