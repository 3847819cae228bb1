"""Which automatic backups to keep, how they are named, and when free disk space is too low.

Rotation: the newest backup of each of the 7 most recent days that have one (the dailies), plus the
newest backup of each of the 4 most recent ISO weeks older than the oldest daily (the weeklies), so
at most 11 files reach back about five weeks. Days are taken in the time zone of the instants given
(the caller passes local time: a shop's day ends at its midnight, not at UTC's).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

DAILY = 7
WEEKLY = 4
MIN_FREE_BYTES = 200 * 1024 * 1024
BACKUP_SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z][\w-]*)\.sqlite3$")


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file of the rotation."""

    path: Path
    taken_at: datetime  # UTC, from the file name
    reason: str  # exit, manual, pre-<revision>
    size: int


@dataclass(frozen=True, slots=True)
class BackupPreview:
    """What a backup holds, read before restoring it."""

    info: BackupInfo
    revision: str | None
    counts: Mapping[str, int] = field(default_factory=dict)  # live rows per table
    problems: tuple[str, ...] = ()

    @property
    def sound(self) -> bool:
        return not self.problems


def backup_name(stem: str, taken_at: datetime, reason: str) -> str:
    return f"{stem}-{taken_at.astimezone(UTC).strftime(_STAMP)}-{reason}{BACKUP_SUFFIX}"


def parse_backup_name(name: str, stem: str) -> tuple[datetime, str] | None:
    """(taken_at UTC, reason) for a rotation file of the database `stem`, else None (a file of
    another database, or one the user put there: never pruned)."""
    match = _NAME.match(name)
    if match is None or match["stem"] != stem:
        return None
    try:
        taken = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None
    return taken, match["reason"]


def backups_to_keep(taken: Mapping[str, datetime], daily: int = DAILY, weekly: int = WEEKLY) -> set[str]:
    """The keys of `taken` (name -> instant) the rotation keeps; every other one may be deleted."""
    newest_first = sorted(taken, key=taken.__getitem__, reverse=True)
    keep: list[str] = []
    days: set = set()
    for key in newest_first:
        day = taken[key].date()
        if day not in days and len(days) < daily:
            days.add(day)
            keep.append(key)
    oldest_daily = min(days) if days else None
    weeks: set = set()
    for key in newest_first:
        day = taken[key].date()
        week = day.isocalendar()[:2]
        if oldest_daily is not None and day >= oldest_daily:
            continue
        if week not in weeks and len(weeks) < weekly:
            weeks.add(week)
            keep.append(key)
    return set(keep)


def low_on_space(free_bytes: int, database_bytes: int) -> bool:
    """Too little room left: under 200 MB, or under twice the database (a backup, a rebuild or a
    big import each need about the database's size again)."""
    return free_bytes < max(MIN_FREE_BYTES, 2 * database_bytes)


def exit_backup_due(changed: bool, newest: datetime | None, now: datetime) -> bool:
    """On closing, back up when something was saved this session or today has no backup yet: a
    session that only looked at the data then closes without copying the file again."""
    return changed or newest is None or newest.astimezone().date() != now.astimezone().date()
