"""SQLite indexes dropped before a bulk insert and made again after it from their own SQL: one
sort per index instead of a b-tree insert per row and index. Inside the caller's transaction, so
a failure rolls the drop back with the rows."""

from collections.abc import Iterator
from contextlib import contextmanager


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
