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
from operator import itemgetter

from sqlalchemy import Connection, Date, delete, func, insert, select

from crm_desktop.storage.audit import Actor, AuditChain, Entry
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
    def __init__(self, conn: Connection, actor: Actor | None = None):
        self._conn = conn
        self._sqlite = conn.dialect.name == "sqlite"
        self._touched: set[str] = set()
        self._actor = actor or Actor()

    def audit(self, action: str, table: str, record_uuid: str, changes: dict[str, tuple]) -> None:
        """One audit entry for a bulk change (an import, demo data, an undo), chained after the
        entries this transaction may have written row by row."""
        self._touched.add("audit_log")
        AuditChain(self._conn, self._actor).append([Entry(action, table, record_uuid, changes)],
                                                   first_id=self.max_id("audit_log") + 1)

    def audit_head(self) -> str:
        return AuditChain(self._conn, self._actor).head()

    def max_id(self, table: str) -> int:
        t = Base.metadata.tables[table]
        return self._conn.execute(select(func.coalesce(func.max(t.c.id), 0))).scalar_one()

    def delete_where_in(self, table: str, column: str, values) -> int:
        """Remove the rows whose `column` is one of `values` (rows about to be written anew)."""
        t = Base.metadata.tables[table]
        return self._conn.execute(delete(t).where(t.c[column].in_(list(values)))).rowcount

    def bank_ticket_clocks(self, calendar) -> int:
        """Bank the SLA clocks of every ticket written without them (storage/ticket_clocks.py)."""
        from crm_desktop.storage import ticket_clocks

        return ticket_clocks.refresh(self._conn, calendar)

    def count(self, table: str) -> int:
        t = Base.metadata.tables[table]
        return self._conn.execute(select(func.count()).select_from(t)).scalar_one()

    def insert(self, table: str, rows: Iterable[dict]) -> int:
        """Insert rows (dicts keyed by column name, every row with the same keys); returns how many."""
        t = Base.metadata.tables[table]
        self._touched.add(table)
        done = 0
        it = iter(rows)
        while batch := list(islice(it, BATCH)):
            if self._sqlite:
                self._driver_insert(t, batch)
            else:
                self._conn.execute(insert(t), batch)
            done += len(batch)
        return done

    def sync_sequences(self) -> None:
        """On PostgreSQL, move each written table's id sequence past the ids given explicitly, so
        the next ordinary insert does not collide with them."""
        if self._conn.dialect.name != "postgresql":
            return
        for table in sorted(self._touched):
            self._conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")

    def _driver_insert(self, table, batch: list[dict]) -> None:
        stmt = insert(table).compile(dialect=self._conn.dialect, column_keys=list(batch[0]))
        order = stmt.positiontup
        row_tuple = itemgetter(*order) if len(order) > 1 else (lambda row: (row[order[0]],))
        converted = [(i, _memo(conv)) for i, k in enumerate(order) if (conv := _converter(table.c[k])) is not None]
        if not converted:
            self._conn.exec_driver_sql(str(stmt), list(map(row_tuple, batch)))
            return
        params = []
        for row in batch:  # by position on the tuple: no dict copied per row
            values = list(row_tuple(row))
            for i, conv in converted:
                values[i] = conv(values[i])
            params.append(tuple(values))
        self._conn.exec_driver_sql(str(stmt), params)


def _memo(convert):
    """`convert` remembering its answers for one batch: the rows of an import share their stamps."""
    seen: dict = {}

    def cached(value):
        try:
            return seen[value]
        except KeyError:
            seen[value] = result = convert(value)
            return result
        except TypeError:  # unhashable: not a date or instant, let `convert` say so
            return convert(value)
    return cached


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
                writer = BulkWriter(conn, db.actor)
                yield writer
                writer.sync_sequences()
        finally:
            if db.is_sqlite:
                conn.connection.driver_connection.execute("PRAGMA cache_size = -2000")


@contextmanager
def bulk_reader(db: Database) -> Iterator[BulkWriter]:
    """One read transaction on one connection, for look-ups before a bulk write (nothing is written)."""
    with _known_errors(), db.engine.connect() as conn, conn.begin():
        yield BulkWriter(conn)
