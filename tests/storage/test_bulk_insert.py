"""Rows written by the bulk writer read back as the ORM wrote them: instants in UTC, dates, NULLs."""

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from crm_desktop.storage.bulk import bulk_writer
from crm_desktop.storage.contact_import import full_row
from crm_desktop.storage.database import Database
from crm_desktop.storage.migrate import upgrade_to_head
from crm_desktop.storage.records import ContactRecord

SHANGHAI = timezone(timedelta(hours=8))


@pytest.fixture
def db(tmp_path):
    database = Database(tmp_path / "bulk.sqlite3")
    upgrade_to_head(database)
    yield database
    database.dispose()


def test_instants_and_dates_are_stored_as_the_orm_stores_them(db):
    stamp = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=SHANGHAI)
    rows = [full_row("contacts", {"id": i, "name": f"n{i}", "created_at": stamp, "updated_at": stamp,
                                  "became_customer_at": None if i % 2 else stamp.astimezone(UTC),
                                  "member_since": date(2025, 1, i)}) for i in range(1, 5)]
    with bulk_writer(db) as w:
        assert w.insert("contacts", rows) == 4
    with db.reading() as uow:
        got = [uow.contacts.get(i) for i in range(1, 5)]
    assert {r.created_at for r in got} == {stamp}
    assert [r.became_customer_at for r in got] == [None, stamp, None, stamp]
    assert [r.member_since for r in got] == [date(2025, 1, i) for i in range(1, 5)]
    raw = sqlite3.connect(db.path).execute("select created_at from contacts where id = 1").fetchone()[0]
    assert raw == "2026-03-01 01:30:15.123456"


def test_a_naive_instant_is_refused_and_nothing_is_written(db):
    rows = [full_row("contacts", {"id": 1, "name": "a", "created_at": datetime.now(UTC), "updated_at": datetime.now(UTC)}),
            full_row("contacts", {"id": 2, "name": "b", "created_at": datetime(2026, 1, 1), "updated_at": datetime.now(UTC)})]
    with pytest.raises(ValueError, match="naive"), bulk_writer(db) as w:
        w.insert("contacts", rows)
    with db.reading() as uow:
        assert uow.session.query(ContactRecord).count() == 0
