"""check, stats and restore: what the command line does to a database file as a whole.

`check_database` never modifies what it checks: it refuses a file that is not SQLite by its header,
and reads everything else through a read-only connection. Past integrity and schema it reconciles
the points ledger (`ledger_problems`), on the same read-only connection.
"""

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select

from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import cipher, migrate
from crm_desktop.storage.audit_check import audit_problems
from crm_desktop.storage.backup import connect_file, integrity_problems
from crm_desktop.storage.database import Database
from crm_desktop.storage.engine import SQLITE_HEADER, sqlite_path, to_url
from crm_desktop.storage.ledger_check import ledger_problems
from crm_desktop.storage.privacy import reapply_erasures_at
from crm_desktop.storage.records import SCHEMA_TABLES, Base, ContactRecord

NEEDS_UPGRADE = "needs upgrade"


class RestoreError(StorageError):
    """The backup cannot be restored; nothing was changed."""


def check_database(db: str | Path) -> list[str]:
    """Problems found, as plain sentences; `[]` means the database is sound."""
    path = sqlite_path(to_url(db))
    if path is None:
        return _check_server(str(db))
    if not path.is_file():
        return [f"{path} does not exist."]
    if not cipher.is_encrypted(path):
        with path.open("rb") as fh:
            if fh.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                return [f"{path} is not a Zhanggui CRM database (not an SQLite file)."]
    problems = integrity_problems(path)
    return problems or _schema_problems(path)


def _schema_problems(path: Path) -> list[str]:
    with closing(connect_file(path, read_only=True)) as conn:
        tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        if "alembic_version" not in tables:
            return [f"{path} is an SQLite file of another program (no Zhanggui CRM schema)."]
        revision = conn.execute("select version_num from alembic_version").fetchone()
        problems = _revision_problems(revision[0] if revision else None, tables)
        return problems + (ledger_problems(conn) + audit_problems(conn) if _ledger_readable(problems) else [])


def _ledger_readable(problems: list[str]) -> bool:
    """The ledger is worth reconciling when the schema is this app's: current, or only behind it."""
    return all(NEEDS_UPGRADE in p for p in problems)


def _revision_problems(revision: str | None, tables: set[str]) -> list[str]:
    if revision is None:
        return ["The schema version is missing."]
    if not migrate.is_known_revision(revision):
        return [f"The schema version {revision} is unknown: written by a newer version of the app?"]
    if revision != migrate.head_revision():  # an older schema lacks the newer tables: the upgrade adds them
        return [f"The schema ({revision}) {NEEDS_UPGRADE} to {migrate.head_revision()}; the app does it at start."]
    missing = sorted(set(SCHEMA_TABLES) - tables)
    if missing:
        return [f"Tables are missing: {', '.join(missing)}."]
    return []


def _check_server(url: str) -> list[str]:
    db = Database(url)
    try:
        revision = migrate.current_revision(db)
        problems = _revision_problems(revision, set(db.table_names()))
        if not _ledger_readable(problems):
            return problems
        with db.engine.connect() as conn:
            return problems + ledger_problems(conn) + audit_problems(conn)
    finally:
        db.dispose()


def table_counts(db: Database) -> dict[str, int]:
    """Live rows (not in the trash) of every documented table."""
    counts = {}
    with db.engine.connect() as conn:
        for name in SCHEMA_TABLES:
            table = Base.metadata.tables[name]
            stmt = select(func.count()).select_from(table)
            if "deleted_at" in table.c:  # derived tables (risk_scores) have no trash
                stmt = stmt.where(table.c.deleted_at.is_(None))
            counts[name] = conn.execute(stmt).scalar_one()
    return counts


def contacts_by(db: Database, field: str) -> dict[str, int]:
    column = getattr(ContactRecord, field)
    stmt = select(column, func.count()).where(ContactRecord.deleted_at.is_(None)).group_by(column)
    with db.engine.connect() as conn:
        return dict(conn.execute(stmt).all())


def restore_database(src: Path, dest: Path) -> Path | None:
    """Verify `src`, keep the database at `dest` aside, then copy `src` into place with the backup
    API. Returns where the replaced database was kept (None when there was none)."""
    problems = [p for p in check_database(src) if NEEDS_UPGRADE not in p]
    if problems:
        raise RestoreError("The backup cannot be restored: {problems}", problems=" ".join(problems))
    key = cipher.key_for(src) if cipher.is_encrypted(src) else None  # an encrypted backup stays so
    kept = _set_aside(dest) if dest.exists() else None
    if key is not None:
        cipher.copy_keyfile(src, dest)
    with closing(connect_file(src, read_only=True)) as source, closing(cipher.connect(dest, key)) as target:
        source.backup(target)
    if integrity_problems(dest):
        raise RestoreError("The restored database did not verify; the previous one is kept at {kept}.", kept=kept)
    reapply_erasures_at(dest)  # people erased since the backup was taken are erased again
    return kept


def _set_aside(dest: Path) -> Path:
    """Move the current file aside; a damaged one (no checkpoint possible) keeps its WAL beside it."""
    try:
        with closing(sqlite3.connect(dest)) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError:
        pass
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    kept = dest.with_name(f"{dest.name}.replaced-{stamp}")
    dest.rename(kept)
    if cipher.keyfile_path(dest).is_file():  # an encrypted database keeps its key file
        cipher.keyfile_path(dest).rename(cipher.keyfile_path(kept))
    wal = Path(f"{dest}-wal")
    if wal.exists() and wal.stat().st_size:
        wal.rename(f"{kept}-wal")
    for suffix in ("-wal", "-shm"):
        Path(f"{dest}{suffix}").unlink(missing_ok=True)
    return kept
