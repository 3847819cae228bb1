"""Contacts counted per UTC day, tier and lead source, kept in step with every write to contacts by
triggers (the way storage/sales_days.py keeps sales), so the dashboard's contact figures of a period
read a few thousand rows instead of a million contacts.

Each live contact adds to the row of up to four kinds:
    K  the day it was recorded: 1, 1 if it ever became a customer, its spend and orders
    B  the day it became a customer: 1, its spend
    M  the later of becoming a customer and churning, when it did both: 1, its spend
    L  the day of its last purchase, when it became a customer: 1
so "how many became customers before t" is a sum of B rows of the days before t's UTC day, plus the
contacts of that day's part before t, read from contacts by index (a period starts at a local
midnight). Retention counts those who were customers at the period start: became a customer
before it (B) less those who had also churned before it (M: both before t is the later before t).
What a prefix cannot tell (who churned in the period having become a customer before it; who
became a customer only after the period yet was recorded or bought in it) is read from contacts
by index too: the period's churners, and the customers since the period's end.

A row is derived data: no uuid, times or trash mark (storage/derived_records.py ContactDayRecord).
Migration 0014 creates the table and triggers and fills it from the contacts there are.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, time

from sqlalchemy import and_, func, literal_column, select, text

from crm_desktop.storage.derived_records import ContactDayRecord as D
from crm_desktop.storage.records import ContactRecord as C
from crm_desktop.storage.repositories.base import count_where
from crm_desktop.storage.trigger_sets import TriggerSet, table_exists

WATCHED = ("tier", "lead_source", "created_at", "became_customer_at", "churned_at", "last_purchase_at",
           "total_spent_cents", "purchase_count", "deleted_at")


def _kinds(row: str, dialect: str) -> list[tuple[str, str, str, str, str, str, str]]:
    """(kind, day, condition, contacts, customers, spend, orders) of a contact row ('NEW', 'OLD' or
    a table alias) in one dialect's SQL."""
    if dialect == "sqlite":
        day, later, flag = "substr({}, 1, 10)", "max({}, {})", "({} IS NOT NULL)"
    else:
        day, later, flag = "(({}) AT TIME ZONE 'UTC')::date", "greatest({}, {})", "({} IS NOT NULL)::int"
    b, x, k, last = (f"{row}.{c}" for c in ("became_customer_at", "churned_at", "created_at", "last_purchase_at"))
    spent, orders = f"{row}.total_spent_cents", f"{row}.purchase_count"
    return [
        ("K", day.format(k), "TRUE", "1", flag.format(b), spent, orders),
        ("B", day.format(b), f"{b} IS NOT NULL", "1", "0", spent, "0"),
        ("M", day.format(later.format(b, x)), f"{b} IS NOT NULL AND {x} IS NOT NULL", "1", "0", spent, "0"),
        ("L", day.format(last), f"{b} IS NOT NULL AND {last} IS NOT NULL", "1", "0", "0", "0"),
    ]


_ADD = ("INSERT INTO contact_days (kind, day, tier, lead_source, n, customers, spent_cents, orders) "
        "SELECT '{kind}', {day}, {row}.tier, {row}.lead_source, {n}, {customers}, {spent}, {orders} "
        "WHERE {row}.deleted_at IS NULL AND {condition} "
        "ON CONFLICT (kind, day, tier, lead_source) DO UPDATE SET n = contact_days.n + excluded.n, "
        "customers = contact_days.customers + excluded.customers, "
        "spent_cents = contact_days.spent_cents + excluded.spent_cents, orders = contact_days.orders + excluded.orders;")
_TAKE = ("UPDATE contact_days SET n = n - {n}, customers = customers - {customers}, "
         "spent_cents = spent_cents - {spent}, orders = orders - {orders} "
         "WHERE kind = '{kind}' AND day = {day} AND tier = {row}.tier AND lead_source = {row}.lead_source "
         "AND {row}.deleted_at IS NULL AND {condition};")


def _statements(template: str, row: str, dialect: str) -> str:
    return " ".join(template.format(kind=kind, day=day, condition=condition, n=n, customers=customers,
                                    spent=spent, orders=orders, row=row)
                    for kind, day, condition, n, customers, spent, orders in _kinds(row, dialect))


_CHANGED = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)
SQLITE_TRIGGERS = (
    "CREATE TRIGGER IF NOT EXISTS contacts_days_ai AFTER INSERT ON contacts WHEN NEW.deleted_at IS NULL "
    "BEGIN " + _statements(_ADD, "NEW", "sqlite") + " END",
    "CREATE TRIGGER IF NOT EXISTS contacts_days_ad AFTER DELETE ON contacts WHEN OLD.deleted_at IS NULL "
    "BEGIN " + _statements(_TAKE, "OLD", "sqlite") + " END",
    f"CREATE TRIGGER IF NOT EXISTS contacts_days_au AFTER UPDATE OF {', '.join(WATCHED)} ON contacts "
    f"WHEN {_CHANGED} BEGIN " + _statements(_TAKE, "OLD", "sqlite") + " "
    + _statements(_ADD, "NEW", "sqlite") + " END",
)
PG_FUNCTION = (
    "CREATE OR REPLACE FUNCTION contacts_days() RETURNS trigger AS $$ BEGIN "
    f"IF TG_OP = 'UPDATE' AND ({', '.join(f'OLD.{c}' for c in WATCHED)}) IS NOT DISTINCT FROM "
    f"({', '.join(f'NEW.{c}' for c in WATCHED)}) THEN RETURN NULL; END IF; "
    "IF TG_OP IN ('UPDATE', 'DELETE') THEN " + _statements(_TAKE, "OLD", "postgresql") + " END IF; "
    "IF TG_OP IN ('UPDATE', 'INSERT') THEN " + _statements(_ADD, "NEW", "postgresql") + " END IF; "
    "RETURN NULL; END $$ LANGUAGE plpgsql")
PG_TRIGGER = (f"CREATE TRIGGER contacts_days AFTER INSERT OR DELETE OR UPDATE OF {', '.join(WATCHED)} ON contacts "
              "FOR EACH ROW EXECUTE FUNCTION contacts_days()")

TRIGGERS = TriggerSet(SQLITE_TRIGGERS, (PG_FUNCTION,), (PG_TRIGGER,))
install, uninstall = TRIGGERS.install, TRIGGERS.uninstall


def _sum_of(dialect: str, where: str) -> str:
    """Every kind's rows of the live contacts meeting `where`, summed per key."""
    parts = " UNION ALL ".join(
        f"SELECT '{kind}' AS kind, {day} AS day, c.tier AS tier, c.lead_source AS lead_source, {n} AS n, "
        f"{customers} AS customers, {spent} AS spent_cents, {orders} AS orders FROM contacts AS c "
        f"WHERE c.deleted_at IS NULL AND {condition} AND {where}"
        for kind, day, condition, n, customers, spent, orders in _kinds("c", dialect))
    return ("INSERT INTO contact_days (kind, day, tier, lead_source, n, customers, spent_cents, orders) "
            "SELECT kind, day, tier, lead_source, sum(n), sum(customers), sum(spent_cents), sum(orders) "
            f"FROM ({parts}) AS parts WHERE TRUE GROUP BY kind, day, tier, lead_source")


def rebuild_statements(dialect: str) -> tuple[str, str]:
    """The SQL that makes every row again from the contacts (also run by bench/scale.py's sqlite3)."""
    return "DELETE FROM contact_days", _sum_of(dialect, "TRUE")


def rebuild(conn) -> None:
    """Every row again from the contacts (the migration; a repair)."""
    for statement in rebuild_statements(conn.dialect.name):
        conn.execute(text(statement))


def installed(conn) -> bool:
    return table_exists(conn, "contact_days")


# --- reading ----------------------------------------------------------------------------------------
def live_by_tier(session) -> dict[str, int]:
    """Live contacts per tier: every live contact is in exactly one K row."""
    stmt = select(D.tier, func.sum(D.n)).where(D.kind == "K").group_by(D.tier)
    return {tier: int(n) for tier, n in session.execute(stmt) if n}


@dataclass
class Figures:
    """A (tier, lead source)'s contact figures of a period, as services/analytics.py sums them."""

    tier: str
    lead_source: str
    contacts: int = 0  # live contacts, whenever recorded
    customers: int = 0  # became customers before the period's end
    at_start: int = 0  # customers at the period's start (became before it, not churned before it)
    churned: int = 0  # of those, churned in the period
    churned_revenue: int = 0  # their spend to date
    start_revenue: int = 0  # the spend to date of the customers at the start
    active: int = 0  # customers before the end who bought in the period
    new: int = 0  # recorded in the period
    converted: int = 0  # of those, customers before the end
    spent: int = 0  # everyone's spend to date
    orders: int = 0


def figures(session, start: datetime, end: datetime) -> list[Figures]:
    """Per (tier, lead source) of the live contacts, the period [start, end)'s figures."""
    out: dict[tuple[str, str], Figures] = {}

    def add(rows, *into: tuple[str, int] | None) -> None:
        """Add each row's numbers, in order, to the named figures times their sign (None: skip)."""
        for tier, source, *values in rows:
            f = out.setdefault((tier, source), Figures(tier, source))
            for target, value in zip(into, values, strict=True):
                if target is not None:
                    setattr(f, target[0], getattr(f, target[0]) + target[1] * int(value or 0))

    whole = select(D.tier, D.lead_source, func.sum(D.n), func.sum(D.spent_cents), func.sum(D.orders)).where(
        D.kind == "K").group_by(D.tier, D.lead_source)
    add(session.execute(whole), ("contacts", 1), ("spent", 1), ("orders", 1))
    add(_before(session, "B", end), ("customers", 1), None)
    add(_before(session, "B", start), ("at_start", 1), ("start_revenue", 1))
    add(_before(session, "M", start), ("at_start", -1), ("start_revenue", -1))
    add(_before(session, "K", end), ("new", 1), ("converted", 1))
    add(_before(session, "K", start), ("new", -1), ("converted", -1))
    add(_before(session, "L", end), ("active", 1), None)
    add(_before(session, "L", start), ("active", -1), None)
    b, x, k, last = C.became_customer_at, C.churned_at, C.created_at, C.last_purchase_at
    late = _live(count_where(and_(k >= start, k < end)), count_where(and_(last >= start, last < end))).where(
        _rare(session, b >= end))
    add(session.execute(late), ("converted", -1), ("active", -1))
    churners = _live(func.count(), func.sum(C.total_spent_cents)).where(x >= start, x < end, b < start)
    add(session.execute(churners), ("churned", 1), ("churned_revenue", 1))
    return [f for f in out.values() if f.contacts]


def _rare(session, condition):
    """`condition`, said to SQLite to hold for few contacts: becoming a customer after the period's
    end, for a period that ends today, is none of them. Without it SQLite, which has no statistics,
    reads every contact through the analytics index, grouped already, instead of searching
    ix_contacts_became_customer (a million contacts: 250 ms instead of nothing)."""
    if session.get_bind().dialect.name == "sqlite":
        return func.likelihood(condition, literal_column("0.001"))
    return condition


def _live(*columns):
    return select(C.tier, C.lead_source, *columns).where(C.deleted_at.is_(None)).group_by(C.tier, C.lead_source)


def _before(session, kind: str, t: datetime) -> list:
    """(tier, source, count, spend) of kind's contacts whose instant is before t: the rows of the
    UTC days before t's, and the contacts of t's UTC day before t."""
    day = t.astimezone(UTC).date()
    midnight = datetime.combine(day, time(), UTC)
    value = D.customers if kind == "K" else D.spent_cents
    kept = select(D.tier, D.lead_source, func.sum(D.n), func.sum(value)).where(D.kind == kind, D.day < day).group_by(
        D.tier, D.lead_source)
    rows = list(session.execute(kept))
    if t > midnight:
        for condition in _instant_between(kind, midnight, t):
            counted = count_where(C.became_customer_at.is_not(None)) if kind == "K" else func.sum(C.total_spent_cents)
            rows += session.execute(_live(func.count(), counted).where(condition))
    return rows


def _instant_between(kind: str, lo: datetime, hi: datetime) -> list:
    """Conditions, disjoint, that together say: kind's instant of a contact lies in [lo, hi)."""
    b, x = C.became_customer_at, C.churned_at
    if kind == "K":
        return [and_(C.created_at >= lo, C.created_at < hi)]
    if kind == "B":
        return [and_(b >= lo, b < hi)]
    if kind == "L":
        return [and_(C.last_purchase_at >= lo, C.last_purchase_at < hi, b.is_not(None))]
    # the later of becoming a customer and churning: churned in the range having become one before
    # its end, or became one in the range having churned before its start
    return [and_(x >= lo, x < hi, b < hi), and_(b >= lo, b < hi, x < lo)]

