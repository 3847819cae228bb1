"""Bulk writes for import, demo data and index rebuilds, all inside ONE write transaction (a failure
or a cancel leaves nothing half-written).

The statement is Core's `insert(table)`; rows go in batches. On SQLite the rows are turned into
tuples with instants formatted exactly as the UTCDateTime column stores them and handed to the
driver's executemany: per-value type processing was over half the time of a 100,000-contact demo.
Elsewhere Core executes the batch with its own type processing.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from datetime import UTC, date, datetime
from itertools import islice

from sqlalchemy import Connection, Date, func, insert, select

from crm_desktop.storage.database import Database, _known_errors
from crm_desktop.storage.records import Base
from crm_desktop.storage.search import bulk_contacts
from crm_desktop.storage.types import UTCDateTime

BATCH = 5000


def sqlite_instant(value: datetime | None) -> str | None:
    """The text SQLAlchemy's SQLite DATETIME stores for an aware instant (in UTC)."""
    if value is None:
        return None
    if value.tzinfo is not UTC:
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
    return value.isoformat(" ", "microseconds")[:26]  # without the "+00:00" suffix


def _sqlite_date(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _converter(column):
    if isinstance(column.type, UTCDateTime):
        return sqlite_instant
    if isinstance(column.type, Date):
        return _sqlite_date
    return None


class BulkWriter:
    def __init__(self, conn: Connection):
        self._conn = conn
        self._sqlite = conn.dialect.name == "sqlite"

    def max_id(self, table: str) -> int:
        t = Base.metadata.tables[table]
        return self._conn.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar_one()

    def count(self, table: str) -> int:
        t = Base.metadata.tables[table]
        return self._conn.execute(select(func.count()).select_from(t)).scalar_one()

    def insert(self, table: str, rows: Iterable[dict]) -> int:
        """Insert rows (dicts keyed by column name, every row with the same keys); returns how many."""
        t = Base.metadata.tables[table]
        done = 0
        it = iter(rows)
        while batch := list(islice(it, BATCH)):
            if self._sqlite:
                self._driver_insert(t, batch)
            else:
                self._conn.execute(insert(t), batch)
            done += len(batch)
        return done

    def _driver_insert(self, table, batch: list[dict]) -> None:
        stmt = insert(table).compile(dialect=self._conn.dialect, column_keys=list(batch[0]))
        order = stmt.positiontup
        plain = [k for k in order if _converter(table.c[k]) is None]
        if len(plain) == len(order):
            params = [tuple(row[k] for k in order) for row in batch]
        else:
            converters = [(k, _converter(table.c[k])) for k in order]
            params = [tuple(conv(row[k]) if conv else row[k] for k, conv in converters) for row in batch]
        self._conn.exec_driver_sql(str(stmt), params)


def _index_at_end(conn, is_sqlite: bool):
    return bulk_contacts(conn) if is_sqlite else nullcontext()


BULK_CACHE_KIB = 256 * 1024  # random uuid index inserts thrash SQLite's default 2 MB page cache


@contextmanager
def bulk_writer(db: Database) -> Iterator[BulkWriter]:
    with _known_errors(), db.engine.connect() as conn:
        if db.is_sqlite:
            conn.connection.driver_connection.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            with conn.execution_options(crm_write=True).begin(), _index_at_end(conn, db.is_sqlite):
                yield BulkWriter(conn)
        finally:
            if db.is_sqlite:
                conn.connection.driver_connection.execute("PRAGMA cache_size = -2000")
