"""The rotating automatic backups of one database file: take, list, preview, prune, find the newest
good one. Files are named `<db stem>-<UTC stamp>-<reason>.sqlite3` in the backups folder (by default
`backups/` beside the database); files of other databases or put there by hand are never pruned.
"""

import logging
import time
from collections.abc import Callable
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, event

from crm_desktop.domain.backups import (
    BackupInfo,
    BackupPreview,
    backup_name,
    backups_to_keep,
    exit_backup_due,
    parse_backup_name,
)
from crm_desktop.storage import cipher
from crm_desktop.storage.backup import backup_sqlite, connect_file, integrity_problems

log = logging.getLogger(__name__)
FOLDER_NAME = "backups"
PREVIEW_TABLES = ("contacts", "companies", "interactions", "followups", "tickets", "purchases", "points_ledger")


def default_folder(db_path: Path) -> Path:
    return db_path.parent / FOLDER_NAME


class BackupSet:
    """The rotation of the database at `db_path` inside `folder`."""

    def __init__(self, db_path: Path, folder: Path | str | None = None,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        self.db_path = Path(db_path)
        self.folder = Path(folder) if folder else default_folder(self.db_path)
        self._clock = clock

    def take(self, engine: Engine, reason: str) -> BackupInfo:
        """A verified backup with the backup API, then the rotation pruned (never the new file)."""
        taken = self._clock().astimezone(UTC).replace(microsecond=0)
        dest = self.folder / backup_name(self.db_path.stem, taken, reason)
        n = 1
        while dest.exists():  # two in one second: keep both
            n += 1
            dest = self.folder / backup_name(self.db_path.stem, taken, f"{reason}-{n}")
        backup_sqlite(engine, dest)
        self.prune(protect=dest)
        return BackupInfo(dest, taken, reason, dest.stat().st_size)

    def entries(self) -> list[BackupInfo]:
        """The rotation's files, newest first."""
        found = []
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                parsed = parse_backup_name(path.name, self.db_path.stem)
                if parsed and path.is_file():
                    found.append(BackupInfo(path, parsed[0], parsed[1], path.stat().st_size))
        return sorted(found, key=lambda b: b.taken_at, reverse=True)

    def prune(self, protect: Path | None = None) -> list[Path]:
        """Delete what the rotation no longer keeps, and half-written copies (`.part`) over an hour
        old: a backup cut short by a shutdown. `protect` (the backup just taken) always stays, also
        when another was taken in the same second."""
        for part in self.folder.glob(f"{self.db_path.stem}-*.part"):
            if time.time() - part.stat().st_mtime > 3600:
                part.unlink(missing_ok=True)
        backups = self.entries()
        keep = backups_to_keep({str(b.path): b.taken_at.astimezone() for b in backups})
        if protect is not None:
            keep.add(str(protect))
        removed = []
        for backup in backups:
            if str(backup.path) not in keep:
                backup.path.unlink(missing_ok=True)
                cipher.keyfile_path(backup.path).unlink(missing_ok=True)  # an encrypted backup's key copy
                removed.append(backup.path)
        return removed

    def take_on_exit(self, engine: Engine, changed: bool) -> BackupInfo | None:
        entries = self.entries()
        if not exit_backup_due(changed, entries[0].taken_at if entries else None, self._clock()):
            return None
        return self.take(engine, "exit")

    def preview(self, info: BackupInfo) -> BackupPreview:
        return preview(info)

    def newest_good(self) -> BackupInfo | None:
        """The newest backup that passes `integrity_check` (older ones are checked only when newer
        ones fail)."""
        for backup in self.entries():
            if not integrity_problems(backup.path):
                return backup
            log.warning("backup %s does not verify", backup.path)
        return None


def preview(info: BackupInfo) -> BackupPreview:
    """The schema revision and live-row counts of a backup, read through a read-only connection.
    Slow for a big file (it verifies it first): call it off the GUI thread."""
    problems = tuple(integrity_problems(info.path))
    if problems:
        return BackupPreview(info, None, {}, problems)
    with closing(connect_file(info.path, read_only=True)) as conn:
        return BackupPreview(info, _revision(conn), _counts(conn))


def _revision(conn) -> str | None:
    try:
        row = conn.execute("select version_num from alembic_version").fetchone()
    except cipher.database_errors():
        return None
    return row[0] if row else None


def _counts(conn) -> dict[str, int]:
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    counts = {}
    for table in PREVIEW_TABLES:
        if table in tables:
            columns = {r[1] for r in conn.execute(f"pragma table_info({table})")}
            live = " where deleted_at is null" if "deleted_at" in columns else ""
            counts[table] = conn.execute(f"select count(*) from {table}{live}").fetchone()[0]  # noqa: S608 - fixed names
    return counts


class CommitWatch:
    """Counts the transactions committed through an engine (reads commit too, so only those that
    began as writes, `BEGIN IMMEDIATE`, count): did this session change anything?"""

    def __init__(self, engine: Engine):
        self.commits = 0
        event.listen(engine, "commit", self._on_commit)

    @property
    def changed(self) -> bool:
        return self.commits > 0

    def _on_commit(self, conn) -> None:
        from crm_desktop.storage.engine import WRITE_OPTION

        if conn.get_execution_options().get(WRITE_OPTION, False):
            self.commits += 1
