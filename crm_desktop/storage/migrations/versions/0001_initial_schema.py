"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22 15:44:57.967840

The tables, by area, and their indexes are defined in crm_desktop/storage/migrations/initial/.
"""

from alembic import op

from crm_desktop.storage.migrations.initial import activities, audit, people, sales, service
from crm_desktop.storage.migrations.initial.indexes import create_indexes, drop_indexes

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

# Each table after the tables it references; each is created with its indexes (initial/indexes.py)
# and dropped, indexes first, in the reverse order.
TABLES = (
    ("companies", people.create_companies),
    ("rewards", sales.create_rewards),
    ("users", people.create_users),
    ("audit_log", audit.create_audit_log),
    ("contacts", people.create_contacts),
    ("purchases", sales.create_purchases),
    ("points_ledger", sales.create_points_ledger),
    ("tickets", service.create_tickets),
    ("followups", activities.create_followups),
    ("surveys", service.create_surveys),
    ("ticket_events", service.create_ticket_events),
    ("interactions", activities.create_interactions),
)


def upgrade() -> None:
    for table, create in TABLES:
        create()
        create_indexes(table)


def downgrade() -> None:
    for table, _create in reversed(TABLES):
        drop_indexes(table)
        op.drop_table(table)
