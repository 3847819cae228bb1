"""`crm-desktop check` reconciles the points ledger, names what disagrees, and changes nothing."""

import hashlib
import sqlite3
from contextlib import closing

import pytest

from crm_desktop.cli import main
from crm_desktop.domain.enums import LedgerKind
from crm_desktop.services.dto import ContactDraft
from crm_desktop.storage.ledger_check import ledger_problems


@pytest.fixture
def ledger(services, db):
    """Two members with entries written by the service, checkpointed into the file; the engine is
    closed so raw sqlite3 can corrupt the file the way a bug or a hand edit would."""
    ids = {}
    for name, entries in (("甲", [(LedgerKind.EARN, 100), (LedgerKind.REDEEM, 30), (LedgerKind.EARN, 5)]),
                          ("乙", [(LedgerKind.EARN, 40), (LedgerKind.ADJUST, -15), (LedgerKind.EXPIRE, 5)])):
        contact = services.contacts.create(ContactDraft(name=name))
        ids[name] = (contact.id, [services.loyalty.post(contact.id, kind, n, reason="盘点").id
                                  for kind, n in entries])
    db.dispose()
    return ids


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _corrupt(path, sql, *args):
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(sql, args)
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _problems(path):
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        return ledger_problems(conn)


def _check_fails_with(path, capsys, *expected):
    """check exits 1, prints each expected problem on stderr, and leaves the file byte for byte."""
    before = _sha(path)
    capsys.readouterr()
    assert main(["--db", str(path), "check"]) == 1
    err = capsys.readouterr().err
    for text in expected:
        assert f"crm-desktop: check: {text}" in err
    assert _sha(path) == before


def test_a_ledger_written_by_the_services_checks_clean(ledger, db_path, capsys):
    assert _problems(db_path) == []
    before = _sha(db_path)
    capsys.readouterr()
    assert main(["--db", str(db_path), "check"]) == 0
    assert capsys.readouterr().out.strip() == "ok"
    assert _sha(db_path) == before


def test_an_entry_off_by_one_is_named(ledger, db_path, capsys):
    contact, (first, second, third) = ledger["甲"]
    _corrupt(db_path, "update points_ledger set balance_after = balance_after + 1 where id = ?", second)
    problems = _problems(db_path)
    # the bad entry, and the next one which no longer follows from it
    assert problems == [
        f"points entry {second} of contact {contact}: balance after is 71, the ledger says 70",
        f"points entry {third} of contact {contact}: balance after is 75, the ledger says 76",
    ]
    _check_fails_with(db_path, capsys, *problems)


def test_a_changed_member_balance_is_named(ledger, db_path, capsys):
    contact, entries = ledger["乙"]
    _corrupt(db_path, "update contacts set points_balance = 99 where id = ?", contact)
    problems = _problems(db_path)
    assert problems == [f"contact {contact}: points balance is 99, its last points entry {entries[-1]} says 20"]
    _check_fails_with(db_path, capsys, *problems)


def test_an_entry_deleted_from_the_middle_is_noticed_at_the_next(ledger, db_path, capsys):
    contact, (first, second, third) = ledger["乙"]
    _corrupt(db_path, "delete from points_ledger where id = ?", second)
    problems = _problems(db_path)
    assert problems == [f"points entry {third} of contact {contact}: balance after is 20, the ledger says 35"]
    _check_fails_with(db_path, capsys, *problems)


def test_a_balance_without_entries_and_a_negative_entry_are_named(ledger, db_path):
    contact_a, entries_a = ledger["甲"]
    contact_b, entries_b = ledger["乙"]
    _corrupt(db_path, "delete from points_ledger where contact_id = ?", contact_a)
    _corrupt(db_path, "update points_ledger set points = points - 50, balance_after = balance_after - 50 "
                      "where id = ?", entries_b[-1])
    assert _problems(db_path) == [
        f"contact {contact_a}: points balance is 75, but it has no points entries",
        f"points entry {entries_b[-1]} of contact {contact_b}: balance after is -30, below zero",
        f"contact {contact_b}: points balance is 20, its last points entry {entries_b[-1]} says -30",
    ]


def test_the_report_is_capped(ledger, db_path):
    _corrupt(db_path, "update points_ledger set balance_after = balance_after + id")  # every entry off
    problems = _problems(db_path)
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
        shown = ledger_problems(conn, shown=2)
    assert len(problems) == 8  # 6 entries, 2 members
    assert shown == problems[:2] + ["… and 6 more points ledger problems."]
