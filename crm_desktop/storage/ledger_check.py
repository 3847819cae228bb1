"""Reconcile the points ledger: the arithmetic `crm-desktop check` proves on a whole database.

Each entry's balance after must be the previous entry's plus its own signed points (0 before a
member's first entry) and never below zero; each contact's `points_balance` must be its last
entry's balance after (0 with no entries). One read-only statement of plain SQL that SQLite
(>= 3.25) and PostgreSQL both run, walking the ledger once with window functions.
"""

from typing import Any

SHOWN = 20

# Why `contact_id + 0`: on SQLite, walking ix_points_ledger_contact_entry costs one table lookup per
# entry, in random order once entries of many contacts interleave (the usual case in a shop); one
# scan plus one sort is 2-3x faster on 10,000,000 entries. PostgreSQL plans it the same either way.
# `judged` looks each contact's balance up once, at its last entry (the walk arrives sorted by
# contact, so those lookups are in key order). Only the first rows reach Python; the total travels
# along as a window sum.
_SQL = """
with walk as (
    select id, contact_id, balance_after,
           coalesce(lag(balance_after) over w, 0) + points as expected,
           lead(id) over w is null as is_last
    from points_ledger
    window w as (partition by contact_id + 0 order by id)
),
judged as (
    select contact_id, id, balance_after, expected,
           case when is_last then (select c.points_balance from contacts c where c.id = walk.contact_id) end
               as balance
    from walk
),
problems as (
    select contact_id, id, balance_after, expected, balance
    from judged
    where balance_after <> expected or balance_after < 0 or balance <> balance_after
    union all
    select c.id, null, null, null, c.points_balance
    from contacts c
    where c.points_balance <> 0 and not exists (select 1 from points_ledger p where p.contact_id = c.id)
)
select contact_id, id, balance_after, expected, balance,
       sum(case when balance_after <> expected or balance_after < 0 then 1 else 0 end
           + case when balance_after is null or balance <> balance_after then 1 else 0 end) over () as total
from problems
order by contact_id, id
limit {shown}
"""


def ledger_problems(conn: Any, shown: int = SHOWN) -> list[str]:
    """Plain sentences, one per disagreement (those of the first `shown` rows, then how many more);
    `[]` when the ledger and the balances agree. `conn` is a DB-API connection (sqlite3, psycopg)
    or a SQLAlchemy Connection; nothing is written."""
    rows = list(_execute(conn, _SQL.format(shown=int(shown))))
    problems = [sentence for row in rows for sentence in _sentences(*row[:5])]
    total = rows[0][5] if rows else 0
    if total > len(problems):
        problems.append(f"… and {total - len(problems)} more points ledger problems.")
    return problems


def _execute(conn: Any, sql: str):
    """A SQLAlchemy Connection takes raw SQL through exec_driver_sql; sqlite3 and psycopg through execute."""
    run = getattr(conn, "exec_driver_sql", None) or conn.execute
    return run(sql)


def _sentences(contact: int, entry: int | None, found: int | None, expected: int | None,
               balance: int | None) -> list[str]:
    """What one problem row says: an entry that disagrees with the one before it, and/or (at a
    contact's last entry, or with no entries at all) a balance that disagrees with the ledger."""
    if entry is None:
        return [f"contact {contact}: points balance is {balance}, but it has no points entries"]
    said = []
    if found != expected:
        said.append(f"points entry {entry} of contact {contact}: balance after is {found}, the ledger says {expected}")
    elif found < 0:
        said.append(f"points entry {entry} of contact {contact}: balance after is {found}, below zero")
    if balance is not None and balance != found:
        said.append(f"contact {contact}: points balance is {balance}, its last points entry {entry} says {found}")
    return said
