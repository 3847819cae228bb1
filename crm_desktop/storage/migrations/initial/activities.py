"""Follow-ups planned with contacts and the interactions logged with them."""

import sqlalchemy as sa

from crm_desktop.storage.migrations.initial.tracked import create_tracked_table, instant


def create_followups() -> None:
    create_tracked_table(
        "followups",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("due_at", instant(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("all_day", sa.Boolean(), nullable=False),
        sa.Column("reminder_minutes", sa.Integer(), nullable=True),
        sa.Column("rrule", sa.String(length=500), nullable=False),
        sa.Column("exdates", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("completed_at", instant(), nullable=True),
        sa.Column("reminded_at", instant(), nullable=True),
        sa.Column("snoozed_until", instant(), nullable=True),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        references={"contact_id": "contacts", "owner_id": "users", "ticket_id": "tickets"},
    )


def create_interactions() -> None:
    create_tracked_table(
        "interactions",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("followup_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("occurred_at", instant(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        references={"contact_id": "contacts", "followup_id": "followups", "user_id": "users"},
    )
