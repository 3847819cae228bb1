"""The rotation of automatic backups on real files: taken verified, pruned by the rule, previewed,
checked at start; migrations back up into it."""

import os
import sqlite3
import time
from datetime import UTC, datetime, timedelta

from crm_desktop.domain.backups import parse_backup_name
from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.storage.backup import integrity_problems
from crm_desktop.storage.backups import BackupSet, CommitWatch, preview
from crm_desktop.storage.damage import DamagedDatabaseError, damage_problems, raise_if_damaged
from tests.conftest import FakeClock


def _corrupt(path):
    """Overwrite pages past the first: the header stays, the b-trees break."""
    with path.open("r+b") as fh:
        fh.seek(4096 * 2)
        fh.write(b"\xde\xad" * 8192)


def test_daily_backups_over_forty_days_keep_eleven_verified_files(db, services, tmp_path):
    clock = FakeClock(datetime(2026, 1, 1, 10, tzinfo=UTC))
    backups = BackupSet(db.path, tmp_path / "bk", clock=clock)
    mine = tmp_path / "bk" / "my own copy.sqlite3"
    for _day in range(40):
        services.contacts.create(ContactDraft(name="王芳"))
        backups.take(db.engine, "exit")
        clock.advance(days=1)
    mine.write_bytes(b"kept")  # a file the user put there is never pruned
    stale = tmp_path / "bk" / "crm-20251231-100000-exit.sqlite3.part"  # cut short by a shutdown
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    backups.take(db.engine, "manual")
    kept = backups.entries()
    assert len(kept) == 11
    assert mine.exists() and not stale.exists()
    assert kept[0].reason == "manual" and kept[0].taken_at == clock.now
    assert all(integrity_problems(b.path) == [] for b in kept)
    ages = [(clock.now - b.taken_at).days for b in kept]
    assert ages[:7] == [0, 1, 2, 3, 4, 5, 6] and max(ages) <= 7 + 4 * 7
    assert sorted(p.name for p in (tmp_path / "bk").iterdir() if p.suffix != ".sqlite3") == []  # no .part left


def test_preview_counts_live_rows_and_flags_a_damaged_backup(db, services, tmp_path):
    for name in ("张三", "李四", "王五"):
        services.contacts.create(ContactDraft(name=name))
    services.contacts.trash([services.contacts.search("王五")[0].id])
    info = BackupSet(db.path, tmp_path / "bk").take(db.engine, "manual")
    shown = preview(info)
    assert shown.sound and shown.counts["contacts"] == 2 and shown.revision is not None
    _corrupt(info.path)
    assert not preview(info).sound


def test_newest_good_skips_backups_that_do_not_verify(db, tmp_path):
    clock = FakeClock()
    backups = BackupSet(db.path, tmp_path / "bk", clock=clock)
    older = backups.take(db.engine, "exit")
    clock.advance(days=1)
    newer = backups.take(db.engine, "exit")
    assert backups.newest_good() == newer
    _corrupt(newer.path)
    assert backups.newest_good().path == older.path


def test_a_damaged_database_names_the_newest_good_backup(db, tmp_path):
    good = BackupSet(db.path).take(db.engine, "exit")
    db.dispose()
    assert damage_problems(db.path) == []
    _corrupt(db.path)
    assert damage_problems(db.path) != []
    try:
        raise_if_damaged(db.path)
    except DamagedDatabaseError as exc:
        assert exc.newest_good == good.path
        assert str(good.path) in str(exc)
    else:
        raise AssertionError("a damaged database was not reported")


def test_a_file_of_another_program_without_backups_is_left_to_the_engine(tmp_path):
    other = tmp_path / "notes.sqlite3"
    other.write_text("plain text, not ours")
    raise_if_damaged(other)  # no offer: opening it refuses it with its own message
    assert other.read_text() == "plain text, not ours"


def test_commit_watch_counts_writes_not_reads(db, services):
    watch = CommitWatch(db.engine)
    services.contacts.count(ListQuery())
    assert not watch.changed
    services.contacts.create(ContactDraft(name="赵六"))
    assert watch.changed


def test_on_exit_a_session_that_saved_nothing_reuses_todays_backup(db, tmp_path):
    clock = FakeClock()
    backups = BackupSet(db.path, tmp_path / "bk", clock=clock)
    assert backups.take_on_exit(db.engine, changed=False) is not None  # none yet today
    clock.advance(minutes=5)
    assert backups.take_on_exit(db.engine, changed=False) is None
    assert backups.take_on_exit(db.engine, changed=True) is not None
    clock.advance(days=1)
    assert backups.take_on_exit(db.engine, changed=False) is not None


def test_migration_backups_go_into_the_rotation(db_path, tmp_path):
    from crm_desktop.storage import migrate
    from crm_desktop.storage.database import Database

    with sqlite3.connect(db_path):
        pass
    db = Database(db_path)
    migrate.upgrade_to_head(db)
    migrate.downgrade(db, "0008")
    result = migrate.upgrade_to_head(db)
    assert result.backup is not None and result.backup.parent == db_path.parent / "backups"
    taken, reason = parse_backup_name(result.backup.name, db_path.stem)
    assert reason == f"pre-{migrate.SCHEMA_HEAD}" and datetime.now(UTC) - taken < timedelta(minutes=1)
    assert BackupSet(db_path).entries()[0].path == result.backup
    db.dispose()


def test_backups_of_an_encrypted_database_stay_encrypted_and_prune_their_key_file(db, services, tmp_path, monkeypatch):
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.encryption import encrypt_database

    services.contacts.create(ContactDraft(name="王芳"))
    db.dispose()
    monkeypatch.setenv("CRM_PASSPHRASE", "correct horse battery")
    encrypt_database(db.path, "correct horse battery")
    encrypted = Database(db.path)
    clock = FakeClock()
    backups = BackupSet(db.path, tmp_path / "bk", clock=clock)
    first = backups.take(encrypted.engine, "exit")
    assert not first.path.read_bytes().startswith(b"SQLite format 3")
    assert preview(first).counts["contacts"] == 1
    keyfile = first.path.with_name(first.path.name + ".keys")
    assert keyfile.is_file()
    clock.advance(minutes=1)
    backups.take(encrypted.engine, "exit")  # same day: the first is pruned, with its key file
    assert not first.path.exists() and not keyfile.exists()
    encrypted.dispose()
