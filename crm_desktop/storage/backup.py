"""Backups with SQLite's online backup API, verified by `PRAGMA integrity_check`.

Never copy an open database file: committed pages may still be in the WAL.
"""

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import Engine

from crm_desktop.domain.errors import StorageError


class BackupError(StorageError):
    """A backup could not be written or did not verify."""


def integrity_problems(path: Path) -> list[str]:
    """`[]` for a sound SQLite file, else what is wrong with it (the file is opened read-only)."""
    if not path.is_file():
        return [f"{path} does not exist"]
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check")]
            rows += [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
    except sqlite3.DatabaseError as exc:
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
        with closing(sqlite3.connect(tmp)) as target:
            raw.driver_connection.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file, no -wal/-shm
    finally:
        raw.close()
    problems = integrity_problems(tmp)
    if problems:
        tmp.unlink(missing_ok=True)
        raise BackupError("The backup did not verify: {problems}", problems="; ".join(problems[:3]))
    tmp.replace(dest)
    return dest
