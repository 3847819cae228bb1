"""Opening the database file the app works on: refuse a damaged one (naming the newest good
backup), open a file that cannot be written read-only, upgrade the schema with a backup into the
rotation, and measure whether the disk is running out of room.
"""

import os
import shutil
import stat
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.domain.backups import low_on_space
from crm_desktop.domain.errors import StorageError
from crm_desktop.storage import migrate
from crm_desktop.storage.damage import raise_if_damaged
from crm_desktop.storage.database import Database
from crm_desktop.storage.engine import sqlite_path, to_url


@dataclass(frozen=True)
class Opened:
    db: Database
    upgrade: migrate.UpgradeResult | None
    low_space_free: int | None  # free bytes on the database's disk when they are too few, else None


def open_for_work(db: str | Path, backup_folder: Path | str | None = None) -> Opened:
    path = sqlite_path(to_url(db))
    if path is not None:
        raise_if_damaged(path, backup_folder, thorough=False)  # a big file: fully checked in a worker after
    read_only = path is not None and not writable(path)
    database = Database(db, read_only=read_only)
    try:
        upgrade = None if read_only else migrate.upgrade_to_head(database, Path(backup_folder) if backup_folder else None)
        if read_only and migrate.current_revision(database) != migrate.SCHEMA_HEAD:
            raise StorageError("This read-only database needs an upgrade by this version of the app; open it "
                               "where it can be written.")
    except BaseException:
        database.dispose()
        raise
    return Opened(database, upgrade, free_space_if_low(path) if path is not None else None)


def writable(path: Path) -> bool:
    """False when the file (or, for a new file, its folder) is not writable: by permission, or by its
    mode bits (which root ignores; a file made read-only on purpose stays so for root too)."""
    target = path if path.exists() else path.parent
    while not target.exists():
        target = target.parent
    folder = target if target.is_dir() else target.parent
    for item in {target, folder}:
        if not os.access(item, os.W_OK) or not item.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
            return False
    return True


def free_space_if_low(path: Path) -> int | None:
    folder = path.parent if path.parent.exists() else Path.home()
    size = sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())
    free = shutil.disk_usage(folder).free
    return free if low_on_space(free, size) else None
