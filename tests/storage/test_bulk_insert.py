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


@pytest.mark.parametrize("max_variables", [250_000, 999, 7])
def test_many_rows_to_a_statement_read_back_row_for_row(db, monkeypatch, max_variables):
    """Rows go many to a statement, as many as the driver's parameter limit allows (a limit below a
    row's parameters: one row at a time); every row reads back as given, the constant columns too."""
    from crm_desktop.storage import bulk

    monkeypatch.setattr(bulk, "_max_variables", lambda conn: max_variables)
    stamp = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    given = [{"id": i, "name": f"O'Brien {i}" if i % 3 else "王芳", "phone_raw": f"138{i:08d}",
              "birth_year": None if i % 5 else 1990 + i % 30, "city": "北京", "created_at": stamp,
              "updated_at": stamp + timedelta(seconds=i)} for i in range(1, 2346)]
    with bulk_writer(db) as w:
        statements = w.prepared("contacts", [full_row("contacts", row) for row in given])
        assert sum(s.rows for s in statements) == len(given)
        assert w.execute(statements) == len(given)
    per_statement = {s.rows for s in statements}
    bound = 6  # id, name, phone_raw, birth_year, updated_at, uuid: the rest is the same in every row
    assert max(per_statement) == {250_000: 1000, 999: 999 // bound, 7: 1}[max_variables]
    with db.reading() as uow:
        got = {r.id: r for r in uow.session.query(ContactRecord)}
    assert len(got) == len(given)
    for row in given:
        record = got[row["id"]]
        assert (record.name, record.phone_raw, record.birth_year, record.city, record.updated_at) == (
            row["name"], row["phone_raw"], row["birth_year"], row["city"], row["updated_at"])
        assert record.uuid and record.created_at == stamp
