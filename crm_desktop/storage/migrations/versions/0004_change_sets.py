"""undoable bulk changes (imports, merges) and the e-mail index for duplicate checks

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

import crm_desktop.storage.types

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    instant = crm_desktop.storage.types.UTCDateTime(timezone=True)
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", instant, nullable=False),
        sa.Column("updated_at", instant, nullable=False),
        sa.Column("deleted_at", instant, nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "change_sets",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("undone_at", crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=True),
        *_tracked(),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_change_sets_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_sets")),
        sa.UniqueConstraint("uuid", name=op.f("uq_change_sets_uuid")),
    )
    op.create_index(op.f("ix_change_sets_user_id"), "change_sets", ["user_id"], unique=False)
    op.create_table(
        "change_set_items",
        sa.Column("change_set_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(["change_set_id"], ["change_sets.id"],
                                name=op.f("fk_change_set_items_change_set_id_change_sets")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_set_items")),
        sa.UniqueConstraint("uuid", name=op.f("uq_change_set_items_uuid")),
    )
    op.create_index("ix_change_set_items_set", "change_set_items", ["change_set_id", "id"], unique=False)
    op.create_index(op.f("ix_contacts_email"), "contacts", ["email"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_contacts_email"), table_name="contacts")
    op.drop_index("ix_change_set_items_set", table_name="change_set_items")
    op.drop_table("change_set_items")
    op.drop_index(op.f("ix_change_sets_user_id"), table_name="change_sets")
    op.drop_table("change_sets")
