"""contacts per day, tier and lead source, kept by triggers; a partial index of the contacts who churned

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """The dashboard's contact figures read these rows instead of every contact
    (storage/contact_days.py): the table, its triggers, and its rows from the contacts there are."""
    from crm_desktop.storage import contact_days

    op.create_table(
        "contact_days",
        sa.Column("kind", sa.String(length=1), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("tier", sa.String(length=16), nullable=False),
        sa.Column("lead_source", sa.String(length=32), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False),
        sa.Column("spent_cents", sa.BigInteger(), nullable=False),
        sa.Column("orders", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "day", "tier", "lead_source", name=op.f("pk_contact_days")),
    )
    churned = sa.text("churned_at IS NOT NULL")
    op.create_index("ix_contacts_churned", "contacts", ["churned_at", "became_customer_at", "tier", "lead_source",
                                                        "total_spent_cents", "deleted_at"],
                    sqlite_where=churned, postgresql_where=churned)
    conn = op.get_bind()
    contact_days.install(conn)
    contact_days.rebuild(conn)


def downgrade() -> None:
    from crm_desktop.storage import contact_days

    contact_days.uninstall(op.get_bind())
    op.drop_index("ix_contacts_churned", table_name="contacts")
    op.drop_table("contact_days")
