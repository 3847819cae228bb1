"""Is the database file at start damaged? A file that is not SQLite, or one whose pages do not
pass `PRAGMA quick_check` (integrity_check without the index cross-checks: about a third of the
time, and it still finds torn or overwritten pages), leads to an offer to restore a backup.
"""

from contextlib import closing
from pathlib import Path

from crm_desktop.domain.errors import CrmError, StorageError
from crm_desktop.storage import cipher
from crm_desktop.storage.backup import connect_file
from crm_desktop.storage.backups import BackupSet

NOT_SQLITE = "not an SQLite file"
QUICK_CHECK_AT_START_BYTES = 64 * 1024 * 1024


class DamagedDatabaseError(StorageError):
    """The database file cannot be used; `newest_good` is the backup to offer (or None)."""

    def __init__(self, template: str, *, path: Path, newest_good: Path | None, problem: str):
        super().__init__(template, path=path, problem=problem, backup=newest_good or "")
        self.path, self.newest_good = path, newest_good


def damage_problems(path: Path, thorough: bool = True) -> list[str]:
    """[] for a missing or empty file (a new database) or a sound one; else what is wrong.
    Not `thorough`: a file over QUICK_CHECK_AT_START_BYTES only has its header and schema read (the
    start must not wait a second or more; the app runs the full check in a worker after)."""
    if not path.is_file() or path.stat().st_size == 0:
        return []
    if not cipher.has_plain_header(path) and not cipher.is_encrypted(path):
        return [NOT_SQLITE]
    check = "PRAGMA quick_check" if thorough or not needs_deferred_check(path) else "select count(*) from sqlite_master"
    try:
        with closing(connect_file(path, read_only=True)) as conn:
            rows = [r[0] for r in conn.execute(check)]
            rows = ["ok"] if check.startswith("select") else rows
    except CrmError:
        return []  # an encrypted file without its passphrase: opening it explains that
    except cipher.database_errors() as exc:  # "cannot open" (a read-only folder) is not damage
        text = str(exc)
        return [text] if "malformed" in text or "not a database" in text else []
    return [] if rows == ["ok"] else rows


def needs_deferred_check(path: Path) -> bool:
    """A file so big that its full check at start runs in a worker (quick_check reads every page:
    about 1.4 s for 560 MB on a busy machine here)."""
    return path.is_file() and path.stat().st_size > QUICK_CHECK_AT_START_BYTES


def raise_if_damaged(path: Path, backup_folder: Path | str | None = None, thorough: bool = True) -> None:
    """Raise DamagedDatabaseError naming the newest backup that verifies, when `path` is damaged."""
    problems = damage_problems(path, thorough)
    if not problems:
        return
    good = BackupSet(path, backup_folder).newest_good()
    if good is None and problems == [NOT_SQLITE]:
        return  # a file of another program, with no backup of ours: the engine refuses it, untouched
    if good is None:
        raise DamagedDatabaseError("The database {path} is damaged ({problem}) and there is no good backup "
                                   "of it.", path=path, newest_good=None, problem=problems[0])
    raise DamagedDatabaseError("The database {path} is damaged ({problem}). The newest good backup is "
                               "{backup}.", path=path, newest_good=good.path, problem=problems[0])
