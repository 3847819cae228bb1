"""sales per day, dashboard and sort indexes, tags in the short-query search index

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.storage import search

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    _upgrade_analytics()
    _upgrade_sorting()
    _upgrade_search()


def downgrade() -> None:
    _downgrade_sorting()
    _downgrade_analytics()


# --- search: tags in the short-query index (storage/search.py) ------------------------------------
def _upgrade_search() -> None:
    """One- and two-character tag queries (团购) found nothing on SQLite: the gram table held the
    names and initials only. Its triggers are made again and it is filled again, tags included.
    No downgrade: revision 0009 reads the larger gram table as it reads its own."""
    conn = op.get_bind()
    if conn.dialect.name != "sqlite" or conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contact_grams'").first() is None:
        return
    for name in ("contacts_search_ai", "contacts_search_au", "contacts_search_ad"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DELETE FROM contact_grams")
    conn.execute(sa.text(search.GRAMS_FROM_ID), {"first": 0})
    search.restore_triggers(conn)


# --- sorting (contacts by company or owner: storage/repositories/grouped_order.py) -------------
def _upgrade_sorting() -> None:
    op.create_index("ix_contacts_company_live", "contacts", ["company_id", "deleted_at"])
    op.create_index("ix_contacts_owner_live", "contacts", ["owner_id", "deleted_at"])
    op.create_index("ix_companies_name", "companies", ["name"])


def _downgrade_sorting() -> None:
    op.drop_index("ix_companies_name", table_name="companies")
    op.drop_index("ix_contacts_owner_live", table_name="contacts")
    op.drop_index("ix_contacts_company_live", table_name="contacts")


# --- analytics (dashboard aggregates) -----------------------------------------------------------
def _upgrade_analytics() -> None:
    """Sales a UTC day, kept by triggers and filled from the purchases there are; an index of who
    became a customer when (conversions of a period); a covering index of each customer's sales
    (the churn risk's half-years)."""
    from crm_desktop.storage import sales_days

    from crm_desktop.storage.types import UTCDateTime

    op.create_table(
        "sales_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("purchases", sa.Integer(), nullable=False),
        sa.Column("revenue_cents", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_sales_days"),
        sa.UniqueConstraint("uuid", name="uq_sales_days_uuid"),
        sa.UniqueConstraint("day", name="uq_sales_days_day"),
    )
    op.create_index("ix_contacts_became_customer", "contacts", ["became_customer_at", "deleted_at", "created_at"])
    op.create_index("ix_purchases_contact_cover", "purchases", ["contact_id", "purchased_at", "deleted_at",
                                                                "amount_cents"])
    conn = op.get_bind()
    sales_days.install(conn)
    sales_days.rebuild(conn)


def _downgrade_analytics() -> None:
    from crm_desktop.storage import sales_days

    sales_days.uninstall(op.get_bind())
    op.drop_index("ix_contacts_became_customer", table_name="contacts")
    op.drop_index("ix_purchases_contact_cover", table_name="purchases")
    op.drop_table("sales_days")
