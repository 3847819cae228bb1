"""SQLite indexes dropped before a bulk insert and made again after it from their own SQL: one
sort per index instead of a b-tree insert per row and index. Inside the caller's transaction, so
a failure rolls the drop back with the rows."""

from collections.abc import Iterator
from contextlib import contextmanager


def made_by_sql(conn, table: str) -> list[str]:
    """The table's indexes made by a CREATE INDEX (not a constraint's own), by name."""
    return [r[0] for r in conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ? ORDER BY name",
        (table,))]


def key_columns(conn, index: str) -> list[str | None]:
    """The columns an index is keyed by, in order (None for an expression)."""
    return [r[2] for r in conn.exec_driver_sql(f'PRAGMA index_info("{index}")')]


@contextmanager
def remade(conn, where: str, params: tuple = ()) -> Iterator[None]:
    """The indexes that `where` (a condition on sqlite_master's `tbl_name`, `name`, `sql`) selects,
    dropped for the block and made again after it, by name order."""
    made = conn.exec_driver_sql(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                                f"AND {where} ORDER BY name", params).all()
    for name, _ in made:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, statement in made:
        conn.exec_driver_sql(statement)
