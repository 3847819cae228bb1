"""indexes for a million contacts: members, counts by stage and tier, calendar days, overdue follow-ups

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.create_index("ix_contacts_member", ["member_since", "deleted_at"], unique=False)
        batch.drop_index("ix_contacts_live_name")
        batch.create_index("ix_contacts_name_live", ["name_pinyin", "deleted_at"], unique=False)
        batch.drop_index("ix_contacts_stage")
        batch.drop_index("ix_contacts_tier")
        batch.create_index("ix_contacts_stage_live", ["stage", "deleted_at"], unique=False)
        batch.create_index("ix_contacts_tier_live", ["tier", "deleted_at"], unique=False)
    with op.batch_alter_table("followups") as batch:
        batch.drop_index("ix_followups_due_at")
        batch.drop_index("ix_followups_status")
        batch.create_index("ix_followups_due_cover", ["due_at", "deleted_at", "status"], unique=False)
        batch.create_index("ix_followups_status_due", ["status", "due_at", "deleted_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("followups") as batch:
        batch.drop_index("ix_followups_status_due")
        batch.drop_index("ix_followups_due_cover")
        batch.create_index("ix_followups_status", ["status"], unique=False)
        batch.create_index("ix_followups_due_at", ["due_at"], unique=False)
    with op.batch_alter_table("contacts") as batch:
        batch.drop_index("ix_contacts_tier_live")
        batch.drop_index("ix_contacts_stage_live")
        batch.create_index("ix_contacts_tier", ["tier"], unique=False)
        batch.create_index("ix_contacts_stage", ["stage"], unique=False)
        batch.drop_index("ix_contacts_name_live")
        batch.create_index("ix_contacts_live_name", ["deleted_at", "name_pinyin"], unique=False)
        batch.drop_index("ix_contacts_member")
