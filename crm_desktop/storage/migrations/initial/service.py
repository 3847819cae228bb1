"""After-sales service: tickets, their status changes and the satisfaction surveys."""

import sqlalchemy as sa

from crm_desktop.storage.migrations.initial.tracked import create_tracked_table, instant


def create_tickets() -> None:
    create_tracked_table(
        "tickets",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("purchase_id", sa.Integer(), nullable=True),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=16), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("complaint_reason", sa.String(length=32), nullable=False),
        sa.Column("opened_at", instant(), nullable=False),
        sa.Column("first_response_at", instant(), nullable=True),
        sa.Column("resolved_at", instant(), nullable=True),
        sa.Column("closed_at", instant(), nullable=True),
        references={"assignee_id": "users", "contact_id": "contacts", "purchase_id": "purchases"},
    )


def create_ticket_events() -> None:
    create_tracked_table(
        "ticket_events",
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("occurred_at", instant(), nullable=False),
        sa.Column("from_status", sa.String(length=16), nullable=False),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        references={"ticket_id": "tickets", "user_id": "users"},
    )


def create_surveys() -> None:
    create_tracked_table(
        "surveys",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("ticket_id", sa.Integer(), nullable=True),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("csat", sa.SmallInteger(), nullable=True),
        sa.Column("nps", sa.SmallInteger(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("answered_at", instant(), nullable=False),
        references={"contact_id": "contacts", "ticket_id": "tickets"},
    )
