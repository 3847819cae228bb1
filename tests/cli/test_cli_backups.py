"""`backup` with no DEST writes into the rotation, `backups` lists it, a damaged database is refused
with a one-line message naming the newest good backup, and `restore` then brings it back."""

import sqlite3
from contextlib import closing

from crm_desktop.cli import main
from crm_desktop.storage.backup import integrity_problems
from crm_desktop.storage.backups import BackupSet


def _corrupt(path):
    """Every change into the main file first (as when the app closed), then pages overwritten."""
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with path.open("r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xde\xad" * 8192)


def test_backup_into_the_rotation_then_list_it(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    assert main(["--db", str(db), "demo", "--contacts", "40"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "backup"]) == 0
    written = tmp_path / "backups" / capsys.readouterr().out.strip().rsplit("/", 1)[-1]
    assert written.is_file() and integrity_problems(written) == []
    assert [b.path for b in BackupSet(db).entries()] == [written]

    assert main(["--db", str(db), "backups"]) == 0
    line = capsys.readouterr().out.strip()
    assert "manual" in line and "40 contacts" in line and " MB" in line and str(written) in line


def test_backups_of_a_database_without_any(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "new.sqlite3"), "backups"]) == 0
    assert capsys.readouterr().out.startswith("no backups in ")


def test_a_damaged_database_is_refused_naming_the_newest_good_backup(tmp_path, capsys):
    db = tmp_path / "shop.sqlite3"
    assert main(["--db", str(db), "demo", "--contacts", "40"]) == 0
    assert main(["--db", str(db), "backup"]) == 0
    good = BackupSet(db).entries()[0].path
    _corrupt(db)
    capsys.readouterr()
    assert main(["--db", str(db), "stats"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "is damaged" in err and f"crm-desktop restore {good}" in err

    assert main(["--db", str(db), "restore", str(good)]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "check"]) == 0
    assert main(["--db", str(db), "stats"]) == 0
    assert "contacts 40" in capsys.readouterr().out
    assert any(p.name.startswith("shop.sqlite3.replaced-") for p in tmp_path.iterdir())  # the damaged file kept
