"""A member's balance and first ledger page, as the loyalty tab reads them (balance, entry count,
the first 200 entries newest first), on a database with many interleaved ledger entries.

The database is made by a bulk generator (raw sqlite3 executemany into the real schema, every index
in place), because the demo generator writes whole customer histories and would take hours for
10,000,000 entries. Entries are in time order across all members, so one member's entries are
scattered over the file as in a shop's real ledger, and every balance-after is right
(`crm-desktop check` passes on it).
"""

import random
import sqlite3
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

SIZES = {"small": (10_000, 100_000), "full": (1_000_000, 10_000_000)}  # contacts, ledger entries
START = datetime(2024, 1, 1, tzinfo=UTC)
BATCH = 50_000


def ledger_database(data: Path, size: str) -> Path:
    contacts, entries = SIZES[size]
    path = data / f"ledger-{contacts}-{entries}.sqlite3"
    if not path.exists():
        data.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.unlink(missing_ok=True)
        _generate(partial, contacts, entries)
        partial.rename(path)
    return path


def _generate(path: Path, contacts: int, entries: int) -> None:
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.migrate import upgrade_to_head

    db = Database(path)
    upgrade_to_head(db)
    db.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    rng = random.Random(6)
    balances = [0] * (contacts + 1)
    with conn:
        _insert(conn, "contacts", ({"id": i, "name": f"会员{i}", "name_pinyin": f"huiyuan{i:07d}",
                                    "member_level": "普通", "member_since": "2024-01-01"} for i in range(1, contacts + 1)))
        _insert(conn, "points_ledger", _entries(rng, contacts, entries, balances))
        conn.executemany("update contacts set points_balance = ? where id = ?",
                         ((b, i) for i, b in enumerate(balances) if i and b))
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()


def _entries(rng: random.Random, contacts: int, entries: int, balances: list[int]):
    step = (datetime(2026, 6, 1, tzinfo=UTC) - START) / entries
    for i in range(1, entries + 1):
        cid = rng.randint(1, contacts)
        when = START + step * i
        if balances[cid] >= 50 and rng.random() < 0.3:
            kind, points, expires = "redeem", -rng.randint(1, balances[cid] // 2), None
        else:
            kind, points, expires = "earn", rng.randint(1, 900), when + timedelta(days=730)
        balances[cid] += points
        yield {"id": i, "contact_id": cid, "kind": kind, "points": points, "balance_after": balances[cid],
               "reason": "消费积分" if points > 0 else "积分兑换", "occurred_at": when, "expires_at": expires}


def _insert(conn: sqlite3.Connection, table: str, rows) -> None:
    """Rows with the given columns; every other NOT NULL column gets a neutral value of its type."""
    columns = {r[1]: (r[2].upper(), r[3], r[4]) for r in conn.execute(f"pragma table_info({table})")}
    batch, sql = [], None
    for n, row in enumerate(rows):
        full = {**_fillers(columns, n), **row}
        if sql is None:
            names = list(full)
            sql = f"insert into {table} ({', '.join(names)}) values ({', '.join('?' * len(names))})"
        batch.append(tuple(_value(full[k]) for k in names))
        if len(batch) >= BATCH:
            conn.executemany(sql, batch)
            batch = []
    if batch:
        conn.executemany(sql, batch)


def _fillers(columns: dict, n: int) -> dict:
    now = "2024-01-01 00:00:00.000000"
    values = {}
    for name, (kind, notnull, default) in columns.items():
        if name == "uuid":
            values[name] = f"00000000-0000-7000-8000-{n:012x}"
        elif name in ("created_at", "updated_at"):
            values[name] = now
        elif notnull and default is None and name != "id":
            values[name] = 0 if ("INT" in kind or "BOOL" in kind) else ""
    return values


def _value(v):
    return v.strftime("%Y-%m-%d %H:%M:%S.%f") if isinstance(v, datetime) else v


def bench_ledger(data: Path, size: str, emit) -> None:
    from bench.search import p95
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services
    from crm_desktop.storage.database import Database

    path = ledger_database(data, size)
    db = Database(path, read_only=True)
    loyalty = Services.build(ServiceContext(db)).loyalty
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    contacts, entries = (raw.execute(f"select count(*) from {t}").fetchone()[0] for t in ("contacts", "points_ledger"))
    members = random.Random(1).sample(range(1, contacts + 1), 200)

    def ours(cid):
        loyalty.balance(cid), loyalty.count_entries(cid), loyalty.entries(cid, 0, 200)

    def floor(cid, hint=""):
        raw.execute("select points_balance from contacts where id = ?", (cid,)).fetchone()
        raw.execute(f"select count(*) from points_ledger {hint} where contact_id = ?", (cid,)).fetchone()
        raw.execute(f"select p.*, u.display_name from points_ledger p {hint} left join users u on u.id = p.operator_id "
                    "where p.contact_id = ? order by p.id desc limit 200", (cid,)).fetchall()

    mine, base = _times(ours, members), _times(floor, members)
    label = f"{contacts}_contacts_{entries}_entries"
    emit(f"loyalty_balance_and_first_page_median_{label}", statistics.median(mine), "ms", statistics.median(base),
         f"{len(members)} random members, about {entries // contacts} entries each; balance + count + first 200 "
         "entries through the service; baseline: the same three queries in raw sqlite3 (indexed)")
    emit(f"loyalty_balance_and_first_page_p95_{label}", p95(mine), "ms", p95(base), "target <= 20 ms at 1M/10M")
    unindexed = _times(lambda cid: floor(cid, "not indexed"), members[:3], warm=False)
    emit(f"loyalty_first_page_without_index_{label}", statistics.median(unindexed), "ms", statistics.median(base),
         "the raw queries with the ledger's indexes refused (NOT INDEXED: a scan of the whole ledger), 3 members")
    db.dispose()


def _times(fn, members, warm: bool = True) -> list[float]:
    if warm:
        for cid in members[:10]:
            fn(cid)
    times = []
    for cid in members:
        start = time.perf_counter()
        fn(cid)
        times.append((time.perf_counter() - start) * 1000)
    return times
