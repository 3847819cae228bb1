"""The hash-chained audit trail of the writes."""

import sqlalchemy as sa

from crm_desktop.storage.migrations.initial.tracked import create_tracked_table, instant


def create_audit_log() -> None:
    create_tracked_table(
        "audit_log",
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("occurred_at", instant(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_uuid", sa.String(length=36), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        references={"user_id": "users"},
    )
