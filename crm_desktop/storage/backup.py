"""Backups with SQLite's online backup API, verified by `PRAGMA integrity_check`.

Never copy an open database file: committed pages may still be in the WAL.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine

from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import cipher
from crm_desktop.storage.engine import engine_key


class BackupError(StorageError):
    """A backup could not be written or did not verify."""


def connect_file(path: Path, *, read_only: bool = False, engine: Engine | None = None) -> sqlite3.Connection:
    """The one place that opens a database file beside the engine (a backup, its check, its
    preview): with the SQLCipher key of `engine` when it has one (a backup of an encrypted database
    is then written, checked and read encrypted), else by the file's own key file (storage/cipher.py:
    an encrypted backup has a copy of its database's key file), else as plain SQLite."""
    return cipher.connect(Path(path), engine_key(engine) if engine is not None else None, read_only=read_only)


def integrity_problems(path: Path) -> list[str]:
    """`[]` for a sound SQLite file, else what is wrong with it (the file is opened read-only)."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        with closing(connect_file(path, read_only=True)) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            rows += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
    except cipher.database_errors() as exc:
        return [f"not a database: {exc}"]
    return [] if rows == ["ok"] else [r for r in rows if r != "ok"]


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """Write a consistent copy of the live database to `dest` and verify it."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        with closing(connect_file(tmp, engine=engine)) as target:
            raw.driver_connection.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal/-shm
    finally:
        raw.close()
    encrypted = engine_key(engine) is not None
    if encrypted:  # the backup opens with the same passphrase: it takes a copy of the key file
        cipher.copy_keyfile(Path(engine.url.database), tmp)
    problems = integrity_problems(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise BackupError("The backup did not verify: {problems}", problems="; ".join(problems[:3]))
    if encrypted:
        cipher.keyfile_path(tmp).replace(cipher.keyfile_path(dest))
    tmp.replace(dest)
    return dest
