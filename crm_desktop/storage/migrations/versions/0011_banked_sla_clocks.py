"""banked SLA clocks on tickets, an index of owed reminders

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.storage.types import UTCDateTime

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

BANK = ["priority", "sla_basis", "sla_last_change", "first_response_at", "sla_opened_pos", "sla_first_response_s",
        "sla_resolution_s", "sla_run_pos"]  # the covering indexes' columns after their keys
COLUMNS = ("sla_basis", "sla_opened_pos", "sla_first_response_s", "sla_resolution_s", "sla_last_change", "sla_run_pos")


def upgrade() -> None:
    """What each ticket's clocks used up to its latest change, counted once here from every
    history (storage/ticket_clocks.py), then kept by the ticket service and cleared by triggers;
    and an index that decides which follow-ups owe a reminder without reading every planned row."""
    from crm_desktop.domain.sla import WorkingCalendar
    from crm_desktop.storage import ticket_clocks

    op.add_column("tickets", sa.Column("sla_basis", sa.String(length=16), nullable=True))
    op.add_column("tickets", sa.Column("sla_opened_pos", sa.BigInteger(), nullable=True))
    op.add_column("tickets", sa.Column("sla_first_response_s", sa.Integer(), nullable=True))
    op.add_column("tickets", sa.Column("sla_resolution_s", sa.Integer(), nullable=True))
    op.add_column("tickets", sa.Column("sla_last_change", UTCDateTime(timezone=True), nullable=True))
    op.add_column("tickets", sa.Column("sla_run_pos", sa.BigInteger(), nullable=True))
    op.create_index("ix_followups_reminders", "followups", ["status", "deleted_at", "due_at", "reminder_minutes",
                                                          "rrule", "reminded_at", "snoozed_until", "owner_id"])
    op.create_index("ix_tickets_sla_open", "tickets", ["status", "deleted_at", *BANK])
    op.create_index("ix_tickets_sla_resolved", "tickets", ["resolved_at", "deleted_at", "status", *BANK])
    conn = op.get_bind()
    ticket_clocks.install(conn)
    ticket_clocks.refresh(conn, WorkingCalendar())


def downgrade() -> None:
    from crm_desktop.storage import ticket_clocks

    ticket_clocks.uninstall(op.get_bind())
    op.drop_index("ix_tickets_sla_resolved", table_name="tickets")
    op.drop_index("ix_tickets_sla_open", table_name="tickets")
    op.drop_index("ix_followups_reminders", table_name="followups")
    with op.batch_alter_table("tickets") as batch:
        for name in reversed(COLUMNS):
            batch.drop_column(name)
