"""Bulk writes for import, demo data and index rebuilds, all inside ONE write transaction (a failure
or a cancel leaves nothing half-written).

Rows go in batches. On SQLite each batch is taken column by column: instants formatted exactly as
the UTCDateTime column stores them, a column with the same value in every row written into the
statement as a literal, the rest bound, many rows to a statement (per-value type processing was
over half the time of a 100,000-contact demo; binding the 35 columns an import leaves at their
defaults, a third of an import's insert). The statements can be made on one thread and run on
another (`prepared`, `execute`). Elsewhere Core's `insert(table)` executes
the batch with its own type processing.
"""

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, date, datetime
from itertools import chain, islice
from operator import itemgetter

from sqlalchemy import Connection, Date, Table, delete, func, insert, select

from crm_desktop.storage import sqlite_indexes
from crm_desktop.storage.audit import Actor, AuditChain, Entry
from crm_desktop.storage.database import Database, _known_errors
from crm_desktop.storage.records import Base
from crm_desktop.storage.search import BulkIndex, bulk_contacts
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
    def __init__(self, conn: Connection, actor: Actor | None = None, index: BulkIndex | None = None):
        self._conn = conn
        self._index = index
        self._sqlite = conn.dialect.name == "sqlite"
        self._touched: set[str] = set()
        self._actor = actor or Actor()
        self._max_variables = _max_variables(conn) if self._sqlite else 0

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
        return self.execute(self.prepared(table, rows))

    def prepared(self, table: str, rows: Iterable[dict]) -> list["PreparedInsert"]:
        """The statements inserting `rows`, made without touching the connection: another thread
        may make them while this one's statements run."""
        t = Base.metadata.tables[table]
        made = []
        it = iter(rows)
        while batch := list(islice(it, BATCH)):
            if self._sqlite:
                made += sqlite_inserts(t, batch, self._conn.dialect.identifier_preparer, self._max_variables)
            else:
                made.append(PreparedInsert(t, None, batch, len(batch)))
        return made

    def execute(self, statements: list["PreparedInsert"]) -> int:
        """Run statements from `prepared`; returns how many rows they inserted."""
        done = 0
        for statement in statements:
            self._touched.add(statement.table.name)
            if statement.sql is None:
                self._conn.execute(insert(statement.table), statement.params)
            else:
                self._conn.exec_driver_sql(statement.sql, statement.params)
            done += statement.rows
        return done

    def index_contacts(self) -> None:
        """Bring the search index up to the contacts written so far (else it is at the end)."""
        if self._index is not None:
            self._index.catch_up()

    def sync_sequences(self) -> None:
        """On PostgreSQL, move each written table's id sequence past the ids given explicitly, so
        the next ordinary insert does not collide with them."""
        if self._conn.dialect.name != "postgresql":
            return
        for table in sorted(self._touched):
            self._conn.exec_driver_sql(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)")

    @contextmanager
    def indexes_rebuilt(self, table: str, incoming: int, shared: frozenset[str] = frozenset()) -> Iterator[None]:
        """Around a bulk insert of `incoming` rows into `table`: on SQLite, when the table holds fewer
        rows than that (its highest id is below it), its secondary indexes are dropped and made again
        after the insert, from their own SQL: one sort per index instead of a b-tree insert per row
        and index (27 indexes on contacts: 4.6 s of 5 s for 100,000 rows). An index keyed only by
        columns in `shared` (those the incoming rows all hold the same value in: an import's owner,
        its instant, no purchases yet) is kept: the rows go into it at one place, in id order, which
        costs less than its sort (18 of the 27 for a plain contacts file). The same transaction: a
        failure rolls the drop back with the rows. Unique constraints' own indexes stay, and check as
        before. With more rows there already, rebuilding would cost more than it saves."""
        if not self._sqlite or self.max_id(table) >= incoming:
            yield
            return
        scattered = [name for name in sqlite_indexes.made_by_sql(self._conn, table)
                     if not set(sqlite_indexes.key_columns(self._conn, name)) <= shared]
        with sqlite_indexes.remade(self._conn, f"name IN ({', '.join('?' * len(scattered))})", tuple(scattered)):
            yield


@dataclass(frozen=True, slots=True)
class PreparedInsert:
    """Statements inserting one batch: driver SQL with its parameters on SQLite (`sqlite_inserts`);
    elsewhere (sql None) the rows as dicts for Core's `insert(table)`."""

    table: Table
    sql: str | None
    params: list | tuple  # rows for executemany, or one statement's parameters
    rows: int


ROWS_PER_STATEMENT = 1000


def sqlite_inserts(table: Table, batch: list[dict], quote, max_variables: int) -> list[PreparedInsert]:
    """The batch by column: instants and dates converted (each distinct value once), and a column
    holding one value in every row (most of a contact's, in an import) written into the statement
    once instead of bound row by row. The rows go up to ROWS_PER_STATEMENT at a time in one
    statement (`INSERT ... SELECT ... FROM (VALUES (?, ...), ...)`), not through executemany: the
    driver gives Python's lock up and takes it back around every row it steps, and while another
    thread computes that wait made the inserts of an import three times slower."""
    names = list(batch[0])
    columns = list(zip(*map(itemgetter(*names), batch), strict=True)) if len(names) > 1 else \
        [tuple(row[names[0]] for row in batch)]
    selected, bound = [], []
    for name, column in zip(names, columns, strict=True):
        if (convert := _converter(table.c[name])) is not None:
            column = _converted(column, convert)
        literal = _literal_of(column)
        if literal is None:
            bound.append(column)
            literal = f"column{len(bound)}"
        selected.append(literal)
    into = f"INSERT INTO {quote.format_table(table)} ({', '.join(quote.quote(table.c[n].name) for n in names)}) "
    if not bound:  # every column the same in every row
        return [PreparedInsert(table, into + f"VALUES ({', '.join(selected)})", [()] * len(batch), len(batch))]
    rows = list(zip(*bound, strict=True))
    step = max(1, min(ROWS_PER_STATEMENT, max_variables // len(bound)))
    one = "(" + ", ".join("?" * len(bound)) + ")"
    made = []
    for start in range(0, len(rows), step):
        part = rows[start:start + step]
        sql = into + f"SELECT {', '.join(selected)} FROM (VALUES {', '.join([one] * len(part))})"
        made.append(PreparedInsert(table, sql, tuple(chain.from_iterable(part)), len(part)))
    return made


def _max_variables(conn) -> int:
    """How many parameters one statement may bind on this SQLite (999 before 3.32, 250,000 since, or
    as the build set it)."""
    try:
        return conn.connection.driver_connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    except AttributeError:  # a driver without getlimit: SQLCipher's (sqlcipher3), an older sqlite3
        return 999


def _converted(values, convert) -> list:
    """One column of a batch converted, each distinct value once: the rows of an import share their stamps."""
    try:
        done = {value: convert(value) for value in set(values)}
    except TypeError:  # unhashable: not a date or instant, let `convert` say so
        return [convert(value) for value in values]
    return list(map(done.__getitem__, values))


_INT64 = range(-(2 ** 63) + 1, 2 ** 63)  # -2**63 written out would read as a float: bound instead


def _literal_of(column) -> str | None:
    """The SQL literal of the one value every row of the column holds (the same type, equal), or None
    when the rows differ or the value is not a plain NULL, integer, boolean or text. The literal is
    what sqlite3 would bind: a boolean as 0 or 1, a text quoted."""
    first = column[0]
    if first is None:
        return "NULL" if column.count(None) == len(column) else None
    kind = type(first)
    if kind not in (str, int, bool) or column.count(first) != len(column) or len(set(map(type, column))) != 1:
        return None
    if kind is str:
        return None if "\x00" in first else "'" + first.replace("'", "''") + "'"
    return str(int(first)) if first in _INT64 else None


def _index_at_end(conn, is_sqlite: bool):
    return bulk_contacts(conn) if is_sqlite else nullcontext()


BULK_CACHE_KIB = 256 * 1024  # random uuid index inserts thrash SQLite's default 2 MB page cache


@contextmanager
def bulk_writer(db: Database) -> Iterator[BulkWriter]:
    with _known_errors(), db.engine.connect() as conn:
        if db.is_sqlite:
            raw = conn.connection.driver_connection
            raw.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
            raw.execute("PRAGMA temp_store = MEMORY")
        try:
            with conn.execution_options(crm_write=True).begin(), _index_at_end(conn, db.is_sqlite) as index:
                writer = BulkWriter(conn, db.actor, index)
                yield writer
                writer.sync_sequences()
        finally:
            if db.is_sqlite:
                raw.execute("PRAGMA cache_size = -2000")
                raw.execute("PRAGMA temp_store = DEFAULT")


@contextmanager
def bulk_reader(db: Database) -> Iterator[BulkWriter]:
    """One read transaction on one connection, for look-ups before a bulk write (nothing is written)."""
    with _known_errors(), db.engine.connect() as conn, conn.begin():
        yield BulkWriter(conn)
