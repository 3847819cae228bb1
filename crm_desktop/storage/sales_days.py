"""Sales a UTC day (count and revenue of live purchases), kept in step with every write to
purchases by triggers: a sale, a void (deleted_at set), an edit of its time or amount, a purge, a
merge or erasure that moves or deletes purchases, and the bulk paths (demo, import) alike, in the
same transaction as the purchase. The dashboard's period revenue and monthly trend read these few
thousand rows instead of millions of sales (services/analytics.py); only the part of a range that
does not cover whole UTC days (a local day starts at a local midnight) is read from purchases.

Migration 0010 creates the table and the triggers and fills it from the purchases there are.
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select, text

from crm_desktop.storage.derived_records import SalesDayRecord as D
from crm_desktop.storage.records import PurchaseRecord as P
from crm_desktop.storage.trigger_sets import TriggerSet, table_exists

_ADD = ("INSERT INTO sales_days (day, purchases, revenue_cents, uuid, created_at, updated_at) "
        "VALUES ({day}, 1, NEW.amount_cents, {uuid}, {now}, {now}) "
        "ON CONFLICT (day) DO UPDATE SET purchases = sales_days.purchases + 1, "
        "revenue_cents = sales_days.revenue_cents + excluded.revenue_cents, updated_at = excluded.updated_at;")
_TAKE = ("UPDATE sales_days SET purchases = purchases - 1, revenue_cents = revenue_cents - OLD.amount_cents, "
         "updated_at = {now} WHERE day = {day};")
# a row's uuid and times, as storage/types.py writes them: UTC text on SQLite, timestamptz on PostgreSQL
SQLITE_UUID = "lower(hex(randomblob(16)))"
SQLITE_NOW = "(strftime('%Y-%m-%d %H:%M:%f', 'now') || '000')"
PG_UUID, PG_NOW = "md5(random()::text || clock_timestamp()::text)", "now()"

_SQLITE_DAY = "substr({row}.purchased_at, 1, 10)"  # instants are stored as UTC 'YYYY-MM-DD HH:MM:SS.ffffff'
SQLITE_TRIGGERS = [
    "CREATE TRIGGER IF NOT EXISTS purchases_sales_days_ai AFTER INSERT ON purchases WHEN NEW.deleted_at IS NULL "
    "BEGIN " + _ADD.format(day=_SQLITE_DAY.format(row="NEW"), uuid=SQLITE_UUID, now=SQLITE_NOW) + " END",
    "CREATE TRIGGER IF NOT EXISTS purchases_sales_days_ad AFTER DELETE ON purchases WHEN OLD.deleted_at IS NULL "
    "BEGIN " + _TAKE.format(day=_SQLITE_DAY.format(row="OLD"), now=SQLITE_NOW) + " END",
    "CREATE TRIGGER IF NOT EXISTS purchases_sales_days_au AFTER UPDATE OF purchased_at, amount_cents, deleted_at "
    "ON purchases BEGIN "
    + _TAKE.format(day=_SQLITE_DAY.format(row="OLD"), now=SQLITE_NOW).replace(";", " AND OLD.deleted_at IS NULL;")
    + _ADD.replace("VALUES ({day}, 1, NEW.amount_cents, {uuid}, {now}, {now})",
                   "SELECT {day}, 1, NEW.amount_cents, {uuid}, {now}, {now} WHERE NEW.deleted_at IS NULL"
                   ).format(day=_SQLITE_DAY.format(row="NEW"), uuid=SQLITE_UUID, now=SQLITE_NOW) + " END",
]

_PG_DAY = "(({row}.purchased_at AT TIME ZONE 'UTC')::date)"
PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION purchases_sales_days() RETURNS trigger AS $$ BEGIN "
    "IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN "
    + _TAKE.format(day=_PG_DAY.format(row="OLD"), now=PG_NOW) + " END IF; "
    "IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.deleted_at IS NULL THEN "
    + _ADD.format(day=_PG_DAY.format(row="NEW"), uuid=PG_UUID, now=PG_NOW) + " END IF; "
    "RETURN NULL; END $$ LANGUAGE plpgsql")
PG_TRIGGER = ("CREATE TRIGGER purchases_sales_days AFTER INSERT OR DELETE OR UPDATE OF purchased_at, amount_cents, "
              "deleted_at ON purchases FOR EACH ROW EXECUTE FUNCTION purchases_sales_days()")

_REBUILD = ("INSERT INTO sales_days (day, purchases, revenue_cents, uuid, created_at, updated_at) "
            "SELECT {day}, count(*), sum(amount_cents), {uuid}, {now}, {now} FROM purchases "
            "WHERE deleted_at IS NULL GROUP BY {day}")
REBUILD = {
    "sqlite": _REBUILD.format(day="substr(purchased_at, 1, 10)", uuid=SQLITE_UUID, now=SQLITE_NOW),
    "postgresql": _REBUILD.format(day="(purchased_at AT TIME ZONE 'UTC')::date", uuid=PG_UUID, now=PG_NOW),
}


TRIGGERS = TriggerSet(tuple(SQLITE_TRIGGERS), (PG_FUNCTION,), (PG_TRIGGER,))
install, uninstall = TRIGGERS.install, TRIGGERS.uninstall  # again after a migration's batch mode


def rebuild(conn) -> None:
    """Every day's figures again from the purchases (the migration; a repair)."""
    conn.execute(text("DELETE FROM sales_days"))
    conn.execute(text(REBUILD[conn.dialect.name]))


def installed(conn) -> bool:
    return table_exists(conn, "sales_days")


# --- reading ----------------------------------------------------------------------------------------
def sales_between(session, bounds: Sequence[datetime]) -> list[tuple[int, int]]:
    """(purchases, revenue in cents) of each range bounds[i] .. bounds[i + 1]: the whole UTC days
    inside it from sales_days, the rest at either end from purchases (ix_purchases_time)."""
    return [_add(_days_sum(session, lo, hi), *(raw_sales(session, a, b) for a, b in _edges(lo, hi)))
            for lo, hi in zip(bounds, bounds[1:], strict=False)]


def raw_sales(session, lo: datetime, hi: datetime) -> tuple[int, int]:
    stmt = select(func.count(), func.coalesce(func.sum(P.amount_cents), 0)).where(
        P.purchased_at >= lo, P.purchased_at < hi, P.deleted_at.is_(None))
    return tuple(int(v) for v in session.execute(stmt).one())  # PostgreSQL sums bigints as numeric


def _days_sum(session, lo: datetime, hi: datetime) -> tuple[int, int]:
    first, end = _whole_days(lo, hi)
    if first >= end:
        return 0, 0
    stmt = select(func.coalesce(func.sum(D.purchases), 0), func.coalesce(func.sum(D.revenue_cents), 0)).where(
        D.day >= first, D.day < end)
    return tuple(int(v) for v in session.execute(stmt).one())


def _whole_days(lo: datetime, hi: datetime) -> tuple[date, date]:
    """[first, end): the UTC days lying wholly inside [lo, hi)."""
    lo, hi = lo.astimezone(UTC), hi.astimezone(UTC)
    first = lo.date() if lo == datetime.combine(lo.date(), time(), UTC) else lo.date() + timedelta(days=1)
    return first, max(first, hi.date())


def _edges(lo: datetime, hi: datetime) -> list[tuple[datetime, datetime]]:
    """The parts of [lo, hi) outside its whole UTC days (all of it when it holds none)."""
    first, end = _whole_days(lo, hi)
    if first >= end:
        return [(lo, hi)]
    return [(lo, datetime.combine(first, time(), UTC)), (datetime.combine(end, time(), UTC), hi)]


def _add(*pairs) -> tuple[int, int]:
    return sum(p[0] for p in pairs), sum(p[1] for p in pairs)
