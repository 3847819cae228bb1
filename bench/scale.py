"""A synthetic 1,000,000-contact / 5,000,000-purchase copy of the held-out demo, for the dashboard's
full-size figure (generating a million demo contacts through the services would take hours).

The 10,000-contact demo is copied 100 times in SQL: contacts, tickets, their events, surveys and
follow-ups get shifted ids (every reference shifted with them); purchases are copied about 215
times, the copies past the first hundred moved 45 days earlier per round, so each contact holds
about five; the contacts' totals are then recomputed from their live purchases. Interactions and
the points ledger are not copied (the dashboard reads the last contact from the contact row), and
the search index covers the first 10,000 contacts only. The per-day contact figures
(contact_days) are made again from the scaled contacts.
"""

import sqlite3
from pathlib import Path

from crm_desktop.storage import contact_days

COPIES = 100
PURCHASES = 5_000_000
SHIFT_DAYS = 45
COPIED = ("contacts", "tickets", "ticket_events", "surveys", "followups")


def scaled_database(base: Path, data: Path) -> Path:
    """The scaled copy of `base` (same schema revision), built once and reused."""
    path = data / f"scaled-{COPIES * _count(base, 'contacts')}-{PURCHASES}.sqlite3"
    if not path.exists():
        partial = path.with_suffix(".part")
        partial.unlink(missing_ok=True)
        with sqlite3.connect(f"file:{base}?mode=ro", uri=True) as src, sqlite3.connect(partial) as dst:
            src.backup(dst)
        conn = sqlite3.connect(partial, isolation_level=None)
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA cache_size = -2000000")
        conn.execute("BEGIN")
        _scale(conn)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.close()
        partial.rename(path)
    return path


def _count(path: Path, table: str) -> int:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return conn.execute(f"select count(*) from {table}").fetchone()[0]


def _scale(conn: sqlite3.Connection) -> None:
    spans = {t: conn.execute(f"select coalesce(max(id), 0) from {t}").fetchone()[0] for t in (*COPIED, "purchases")}
    # the search index is not extended to the copies; copied tickets keep their banked SLA clocks,
    # which copying their events would otherwise clear (the copies' times are the originals')
    triggers = conn.execute("select name, sql from sqlite_master where type = 'trigger' "
                            "and tbl_name in ('contacts', 'ticket_events')").fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    for table in COPIED:
        for k in range(1, COPIES):
            conn.execute(_copy_sql(conn, table, spans, k))
    base = conn.execute("select count(*) from purchases").fetchone()[0]
    rounds, rest = divmod(PURCHASES, base)
    for r in range(1, rounds + (1 if rest else 0)):
        limit = f" LIMIT {rest}" if r == rounds else ""
        conn.execute(_copy_sql(conn, "purchases", spans, r % COPIES, r, r // COPIES) + f" WHERE id <= {spans['purchases']}" + limit)
    conn.execute("CREATE TEMP TABLE totals AS SELECT contact_id AS cid, sum(amount_cents) AS spent, count(*) AS n, "
                 "max(purchased_at) AS last FROM purchases WHERE deleted_at IS NULL GROUP BY contact_id")
    conn.execute("UPDATE contacts SET total_spent_cents = t.spent, purchase_count = t.n, last_purchase_at = t.last "
                 "FROM totals AS t WHERE t.cid = contacts.id")
    for statement in contact_days.rebuild_statements("sqlite"):  # its triggers were off too
        conn.execute(statement)
    for _, sql in triggers:
        conn.execute(sql)


def _copy_sql(conn, table: str, spans: dict, k: int, rep: int | None = None, shift: int = 0) -> str:
    """INSERT … SELECT of copy k of a table: its id, uuid and references to copied tables shifted."""
    refs = {row[3]: row[2] for row in conn.execute(f"PRAGMA foreign_key_list({table})")}
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    rep = k if rep is None else rep
    out = []
    for c in columns:
        if c == "id":
            out.append(f"id + {rep * spans[table]}")
        elif c == "uuid":
            out.append(f"printf('f%03x', {rep}) || substr(uuid, 5)")
        elif refs.get(c) in spans:
            out.append(f"{c} + {k * spans[refs[c]]}")
        elif c == "purchased_at" and shift:
            out.append(f"datetime(purchased_at, '-{shift * SHIFT_DAYS} days') || substr(purchased_at, 20)")
        else:
            out.append(c)
    return f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(out)} FROM {table}" + (
        f" WHERE id <= {spans[table]}" if table != "purchases" else "")
