"""Verify the audit trail's hash chain: what `crm-desktop check` proves about the audit log.

Entries are read in id order, in pages, on the caller's read-only connection (sqlite3, psycopg or
a SQLAlchemy Connection); the first entry that does not follow from the one before it is reported,
and nothing is written. See domain/audit.py for what the chain covers.
"""

from datetime import UTC, datetime
from typing import Any

from crm_desktop.domain.audit import ChainRow, first_break

PAGE = 5000
_SQL = ("select id, occurred_at, user_id, action, table_name, record_uuid, changes, prev_hash, hash "
        "from audit_log where id > {after} order by id limit {page}")


def audit_problems(conn: Any) -> list[str]:
    """`[]` when the chain holds, else one sentence naming the first broken entry."""
    found = first_break(_rows(conn))
    return [found] if found else []


def _rows(conn: Any):
    run = getattr(conn, "exec_driver_sql", None) or conn.execute
    after = 0
    while True:
        page = list(run(_SQL.format(after=int(after), page=PAGE)))
        for r in page:
            yield ChainRow(r[0], _instant(r[1]), r[2], r[3], r[4], r[5], r[6] or "", r[7] or "", r[8] or "")
        if len(page) < PAGE:
            return
        after = page[-1][0]


def _instant(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
