"""The triggers that keep derived data in step (sales_days.py, contact_days.py, ticket_clocks.py,
risk_store.py), installed and removed the same way on both databases: on SQLite the CREATE TRIGGER
statements (again after a migration, as SQLite's batch mode rebuilds a table without its
triggers); on PostgreSQL the trigger functions, then each trigger dropped and made again."""

import re
from dataclasses import dataclass

_PG_TRIGGER = re.compile(r"CREATE TRIGGER (\w+) .*? ON (\w+) FOR EACH ROW")
_PG_FUNCTION = re.compile(r"CREATE OR REPLACE FUNCTION (\w+)\(\)")


def table_exists(conn, name: str) -> bool:
    """Whether the table is there (a derived table's triggers are installed with it)."""
    if conn.dialect.name == "sqlite":
        return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                    (name,)).first() is not None
    return conn.exec_driver_sql("SELECT to_regclass(%s)", (name,)).scalar() is not None


@dataclass(frozen=True)
class TriggerSet:
    sqlite: tuple[str, ...]  # CREATE TRIGGER IF NOT EXISTS <name> …
    pg_functions: tuple[str, ...]  # CREATE OR REPLACE FUNCTION <name>() …
    pg_triggers: tuple[str, ...]  # CREATE TRIGGER <name> … ON <table> FOR EACH ROW …

    @property
    def sqlite_names(self) -> tuple[str, ...]:
        return tuple(s.split()[5] for s in self.sqlite)

    def _pg_drops(self) -> list[str]:
        return [f"DROP TRIGGER IF EXISTS {name} ON {table}"
                for name, table in (_PG_TRIGGER.match(s).groups() for s in self.pg_triggers)]

    def install(self, conn) -> None:
        statements = self.sqlite if conn.dialect.name == "sqlite" else [
            *self.pg_functions, *self._pg_drops(), *self.pg_triggers]
        for statement in statements:
            conn.exec_driver_sql(statement)

    def uninstall(self, conn) -> None:
        if conn.dialect.name == "sqlite":
            statements = [f"DROP TRIGGER IF EXISTS {name}" for name in self.sqlite_names]
        else:
            statements = [*self._pg_drops(), *(f"DROP FUNCTION IF EXISTS {_PG_FUNCTION.match(f).group(1)}()"
                                               for f in self.pg_functions)]
        for statement in statements:
            conn.exec_driver_sql(statement)
