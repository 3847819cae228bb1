"""Erasure at the level of the database file: the bytes leave it, and a restore erases again.

`erasing(db)` is a write transaction with `PRAGMA secure_delete = ON` (SQLite overwrites deleted
content with zeros instead of leaving it in free space) in which the search index is merged into
one segment (FTS5 keeps a deleted row's terms in its old segments until a merge). After the commit
the file is vacuumed and the WAL checkpointed with TRUNCATE: no page of the old rows is left in
the database or in its -wal file.

Each erased uuid is also appended to `<database>.erasures`, a small file next to the database and
outside it: a backup taken before the erasure still holds the person, so restoring it must be
followed by `reapply_erasures`, which erases again everyone that file names.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from crm_desktop.storage.records import ContactRecord as C
from crm_desktop.storage.repositories.privacy import ERASED_KEY, ERASED_NAME

LOG_SUFFIX = ".erasures"


def log_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + LOG_SUFFIX)


@contextmanager
def erasing(db) -> Iterator:
    """A write unit of work whose erasures are scrubbed from the file once it commits."""
    with db.writing() as uow:
        if db.is_sqlite:
            uow.session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
        yield uow
        erased = list(uow.session.info.get(ERASED_KEY, ()))
        if erased and db.is_sqlite:
            uow.session.connection().exec_driver_sql("INSERT INTO contacts_fts (contacts_fts) VALUES ('optimize')")
    if erased and db.path is not None:
        _append_log(log_path(db.path), erased)
        scrub(db)


def _append_log(path: Path, erased: list) -> None:
    with path.open("a", encoding="utf-8") as out:
        for uuid, when in erased:
            out.write(json.dumps({"uuid": uuid, "erased_at": when.isoformat()}) + "\n")
        out.flush()


def logged_uuids(db_path: Path) -> list[str]:
    path = log_path(db_path)
    if not path.is_file():
        return []
    found = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            found.append(json.loads(line)["uuid"])
        except (ValueError, KeyError, TypeError):
            continue  # a line cut short by a crash: the others still count
    return found


def scrub(db) -> None:
    """VACUUM (rewrites every page, leaving no free ones) and a TRUNCATE checkpoint (empties the WAL)."""
    raw = db.engine.raw_connection()
    try:
        conn = raw.driver_connection
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()


def reapply_erasures(db, now, user_id: int | None = None) -> int:
    """Erase again everyone `<db>.erasures` names who is back (a restored backup); returns how many."""
    if db.path is None:
        return 0
    wanted = logged_uuids(db.path)
    if not wanted:
        return 0
    with erasing(db) as uow:
        present = _present(uow, wanted)
        for uuid in present:
            uow.privacy.erase(uuid, now, user_id)
    return len(present)


def reapply_erasures_at(path: Path) -> int:
    """After a restore to `path`: bring its schema up to date and erase again whoever the log names."""
    if not logged_uuids(path):
        return 0
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.migrate import upgrade_to_head

    db = Database(path)
    try:
        upgrade_to_head(db)
        return reapply_erasures(db, datetime.now(UTC))
    finally:
        db.dispose()


def _present(uow, wanted: list[str]) -> list[str]:
    done = uow.privacy.erased_uuids()
    found = []
    for start in range(0, len(wanted), 500):
        part = [u for u in wanted[start:start + 500] if u not in done]
        found += uow.session.scalars(select(C.uuid).where(C.uuid.in_(part), C.name != ERASED_NAME))
    return list(dict.fromkeys(found))
