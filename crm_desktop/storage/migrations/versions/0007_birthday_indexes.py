"""indexes on solar and lunar birthdays: the coming days' birthdays without reading every contact

Revision ID: 0007
Revises: 0006
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_contacts_birthday", "contacts", ["birth_month", "birth_day"], unique=False)
    op.create_index("ix_contacts_lunar_birthday", "contacts", ["lunar_birth_month", "lunar_birth_day"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_contacts_lunar_birthday", table_name="contacts")
    op.drop_index("ix_contacts_birthday", table_name="contacts")
