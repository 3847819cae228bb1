"""Purchases, the rewards on offer and the points ledger of the loyalty scheme."""

import sqlalchemy as sa

from crm_desktop.storage.migrations.initial.tracked import create_tracked_table, instant


def create_rewards() -> None:
    create_tracked_table(
        "rewards",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("points_cost", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
    )


def create_purchases() -> None:
    create_tracked_table(
        "purchases",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("purchased_at", instant(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("amount_cents", sa.BigInteger(), nullable=False),
        sa.Column("payment_method", sa.String(length=16), nullable=False),
        references={"contact_id": "contacts", "staff_id": "users"},
    )


def create_points_ledger() -> None:
    create_tracked_table(
        "points_ledger",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("balance_after", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        sa.Column("purchase_id", sa.Integer(), nullable=True),
        sa.Column("reward_id", sa.Integer(), nullable=True),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("occurred_at", instant(), nullable=False),
        sa.Column("expires_at", instant(), nullable=True),
        references={
            "contact_id": "contacts",
            "operator_id": "users",
            "purchase_id": "purchases",
            "reverses_id": "points_ledger",
            "reward_id": "rewards",
        },
    )
