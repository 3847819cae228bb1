"""stored churn risk scores, kept stale by triggers

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Empty: the first risk list after the upgrade scores every customer (services/churn.py)."""
    from crm_desktop.storage import risk_store

    op.create_table(
        "risk_scores",
        sa.Column("contact_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_risk_scores")),
    )
    op.create_index("ix_risk_scores_score", "risk_scores", ["score", "contact_id"])
    risk_store.install(op.get_bind())


def downgrade() -> None:
    from crm_desktop.storage import risk_store

    risk_store.uninstall(op.get_bind())
    op.drop_index("ix_risk_scores_score", table_name="risk_scores")
    op.drop_table("risk_scores")
