"""Analytics figures: the churn risk score's ROC AUC on held-out demo customers, and the time the
dashboard's figures take.

Held out: the score's weights are fixed by hand, nothing is fitted; it is measured on a database
generated with seed 7, not the default seed 1 the demo used while the score was written. The label is the demo's plant (customers
drifting away are flagged at_risk); the score reads behaviour only.
"""

import sqlite3
import time
from datetime import date
from pathlib import Path

HELD_OUT_SEED = 7


def held_out_database(data: Path, contacts: int) -> Path:
    """A demo database of the held-out seed, built once and reused."""
    from crm_desktop.services.demo import generate_demo
    from crm_desktop.storage.database import Database
    from crm_desktop.storage.migrate import upgrade_to_head

    path = data / f"analytics-{contacts}-seed{HELD_OUT_SEED}.sqlite3"
    if not path.exists():
        data.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        partial.unlink(missing_ok=True)
        db = Database(partial)
        upgrade_to_head(db)
        generate_demo(db, contacts, seed=HELD_OUT_SEED)
        db.dispose()
        with sqlite3.connect(partial) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        partial.rename(path)
    return current(path)


def current(path: Path, emit=None) -> Path:
    """The database upgraded to the newest schema (a database built by an older version of the
    bench); the upgrade's time is a figure of its own (at 5M purchases: filling sales_days)."""
    import tempfile

    from crm_desktop.storage.database import Database
    from crm_desktop.storage.migrate import SCHEMA_HEAD, current_revision, upgrade_to_head

    db = Database(path)
    try:
        before = current_revision(db)
        if before != SCHEMA_HEAD:
            with tempfile.TemporaryDirectory(dir=path.parent) as backups:
                start = time.perf_counter()
                upgrade_to_head(db, Path(backups))
                if emit:
                    emit(f"upgrade_{before}_to_{SCHEMA_HEAD}_s", time.perf_counter() - start, "s", 0.0,
                         f"{path.name}, a verified backup included; baseline: none")
    finally:
        db.dispose()
    return path


def _services(path: Path, read_only: bool = True):
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services
    from crm_desktop.storage.database import Database

    return Services.build(ServiceContext(Database(path, read_only=read_only)))


def bench_churn_auc(path: Path, emit) -> None:
    """ROC AUC of the risk score over the current customers; baseline: days since the last purchase alone."""
    from crm_desktop.domain.analytics.risk import roc_auc

    scores = _services(path).churn.scores()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as raw:
        rows = raw.execute("select id, at_risk, julianday('now') - julianday(last_purchase_at) from contacts "
                           "where stage = 'customer' and deleted_at is null and purchase_count > 0").fetchall()
    labels = [bool(planted) for cid, planted, _ in rows if cid in scores]
    ours = roc_auc([scores[cid] for cid, _, _ in rows if cid in scores], labels)
    recency = roc_auc([days for cid, _, days in rows if cid in scores], labels)
    emit("churn_risk_roc_auc", ours, "auc", recency,
         f"{len(labels)} held-out customers (seed {HELD_OUT_SEED}), {sum(labels)} drifting away; "
         "baseline: days since the last purchase alone; target >= 0.8")


def bench_dashboard(path: Path, emit) -> None:
    """Everything the dashboard tab computes when it opens, as the GUI asks for it (ui/dashboard/view.py
    refresh(): today's overview, the figures and the service quality of the default period, the
    risk list of 200), warm, best of 5: each part alone, then all four at once in threads as the
    tab's workers run them (the time until the last one is done). Before each run of the risk
    list, STALE customers' stored scores are made stale, as a day's sales and calls would, so each
    run scores them again. The day's first scoring of every customer (the daily job's, or the first
    risk list of a day) is a figure of its own. Baseline: a plain count(*) and sum over purchases."""
    import statistics

    from crm_desktop.services.churn import SCORED_AT
    from crm_desktop.ui.dashboard.periods import period_days
    from crm_desktop.ui.dashboard.view import DEFAULT_PERIOD

    services = _services(path, read_only=False)
    first, last = period_days(DEFAULT_PERIOD, date.today())
    parts = {"overview": services.dashboard.summary, "figures": lambda: services.analytics.summary(first, last),
             "quality": lambda: services.analytics.quality(first, last), "risk": lambda: services.churn.risk(200)}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as raw:
        floor = _best(lambda: raw.execute("select count(*), sum(amount_cents) from purchases").fetchone())
        n = raw.execute("select (select count(*) from contacts), (select count(*) from purchases)").fetchone()
    size = f"{n[0]:,} contacts, {n[1]:,} purchases"
    writer = sqlite3.connect(path, isolation_level=None)
    new_day = lambda: writer.execute("delete from app_settings where key = ?", (SCORED_AT,))  # noqa: E731
    times = _times(services.churn.score_today, 3, new_day)
    emit("dashboard_risk_day_scoring_ms", min(times), "ms", floor,
         f"{size}; every customer scored and stored, once a day; best of 3 (max {max(times):.0f})")
    edits = lambda: _make_stale(writer)  # noqa: E731
    for name, fn in parts.items():
        fn()
        times = _times(fn, setup=edits if name == "risk" else None)
        emit(f"dashboard_{name}_ms", min(times), "ms", floor,
             f"{size}; best of 5 (median {statistics.median(times):.0f}, max {max(times):.0f})"
             + (f"; {STALE:,} customers made stale before each run" if name == "risk" else ""))
    times = _times(lambda: _all_at_once(parts.values()), setup=edits)
    writer.close()
    emit("dashboard_complete_ms", min(times), "ms", floor,
         f"{size}; period {DEFAULT_PERIOD} ({first} .. {last}); the four parts in four threads as the tab runs them, "
         f"the day's risk scores stored and {STALE:,} customers made stale before each run; "
         f"best of 5 (median {statistics.median(times):.0f}, max {max(times):.0f}); baseline: select count(*), "
         "sum(amount_cents) from purchases (one pass over every sale); target <= 2000 ms at 1M/5M")


STALE = 1000  # customers whose facts changed since the day's scoring, before each timed risk list


def _make_stale(conn: sqlite3.Connection) -> None:
    """What the triggers do for STALE customers touched by a sale, a call or a ticket."""
    conn.execute("update risk_scores set score = null where contact_id in (select contact_id from risk_scores "
                 "where score is not null order by random() limit ?)", (STALE,))


def _all_at_once(jobs) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        for future in [pool.submit(job) for job in jobs]:
            future.result()


def _times(fn, runs: int = 5, setup=None) -> list[float]:
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _best(fn, runs: int = 5) -> float:
    return min(_times(fn, runs))
