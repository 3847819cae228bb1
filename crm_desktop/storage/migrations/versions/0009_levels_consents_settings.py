"""membership levels and their history, data-wide settings, consents, erasures, shared contacts

Also: purchase items, the index of purchases by time (the figures of a period) and of points by
expiry (the daily expiry job).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

import crm_desktop.storage.types

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _instant(name: str, nullable: bool = False) -> sa.Column:
    return sa.Column(name, crm_desktop.storage.types.UTCDateTime(timezone=True), nullable=nullable)


def _tracked(table: str) -> list:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        _instant("created_at"),
        _instant("updated_at"),
        _instant("deleted_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
        sa.UniqueConstraint("uuid", name=f"uq_{table}_uuid"),
    ]


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    op.create_table(
        "member_levels",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("rank", sa.Integer(), nullable=False),
        sa.Column("min_spend_cents", sa.BigInteger(), nullable=False),
        sa.Column("min_points", sa.Integer(), nullable=True),
        sa.Column("multiplier_pct", sa.Integer(), nullable=False),
        sa.Column("benefits", sa.Text(), nullable=False),
        *_tracked("member_levels"),
        sa.UniqueConstraint("name", name="uq_member_levels_name"),
    )
    op.create_table(
        "member_level_history",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("from_level", sa.String(length=32), nullable=False),
        sa.Column("to_level", sa.String(length=32), nullable=False),
        _instant("changed_at"),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("basis_spend_cents", sa.BigInteger(), nullable=True),
        sa.Column("operator_id", sa.Integer(), nullable=True),
        *_tracked("member_level_history"),
        _fk("member_level_history", "contact_id", "contacts"),
        _fk("member_level_history", "operator_id", "users"),
    )
    op.create_index("ix_member_level_history_contact", "member_level_history", ["contact_id", "changed_at"])
    op.create_index("ix_member_level_history_operator_id", "member_level_history", ["operator_id"])
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        *_tracked("app_settings"),
        sa.UniqueConstraint("key", name="uq_app_settings_key"),
    )
    op.create_table(
        "consents",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.Column("granted", sa.Boolean(), nullable=False),
        _instant("recorded_at"),
        sa.Column("method", sa.String(length=32), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        *_tracked("consents"),
        _fk("consents", "contact_id", "contacts"),
        _fk("consents", "user_id", "users"),
    )
    op.create_index("ix_consents_contact", "consents", ["contact_id", "recorded_at"])
    op.create_index("ix_consents_user_id", "consents", ["user_id"])
    op.create_table(
        "erasures",
        sa.Column("contact_uuid", sa.String(length=36), nullable=False),
        _instant("erased_at"),
        sa.Column("user_id", sa.Integer(), nullable=True),
        *_tracked("erasures"),
        _fk("erasures", "user_id", "users"),
    )
    op.create_index("ix_erasures_contact_uuid", "erasures", ["contact_uuid"])
    op.create_index("ix_erasures_user_id", "erasures", ["user_id"])
    op.create_table(
        "ticket_attachments",
        sa.Column("ticket_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("media_type", sa.String(length=100), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        *_tracked("ticket_attachments"),
        _fk("ticket_attachments", "ticket_id", "tickets"),
        _fk("ticket_attachments", "user_id", "users"),
    )
    op.create_index("ix_ticket_attachments_ticket_id", "ticket_attachments", ["ticket_id"])
    op.create_index("ix_ticket_attachments_user_id", "ticket_attachments", ["user_id"])
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("is_shared", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.drop_index("ix_contacts_name_live", table_name="contacts")  # widened by the visibility test
    op.create_index("ix_contacts_name_visible", "contacts", ["name_pinyin", "deleted_at", "owner_id", "is_shared"])
    op.create_index("ix_contacts_visible", "contacts", ["owner_id", "is_shared", "deleted_at"])
    with op.batch_alter_table("purchases") as batch:
        batch.add_column(sa.Column("items", sa.Text(), nullable=False, server_default=""))
    op.create_index("ix_purchases_time", "purchases", ["purchased_at", "amount_cents", "deleted_at", "contact_id"])
    op.create_index("ix_contacts_analytics", "contacts", [
        "tier", "lead_source", "deleted_at", "created_at", "became_customer_at", "churned_at", "last_purchase_at",
        "total_spent_cents", "purchase_count", "stage"])
    op.create_index("ix_contacts_last_purchase_live", "contacts", ["last_purchase_at", "deleted_at"])
    op.create_index("ix_contacts_orders_live", "contacts", ["purchase_count", "deleted_at"])
    op.create_index("ix_points_ledger_expiry", "points_ledger", ["expires_at", "contact_id"])


def downgrade() -> None:
    op.drop_index("ix_points_ledger_expiry", table_name="points_ledger")
    op.drop_index("ix_contacts_orders_live", table_name="contacts")
    op.drop_index("ix_contacts_last_purchase_live", table_name="contacts")
    op.drop_index("ix_contacts_analytics", table_name="contacts")
    op.drop_index("ix_purchases_time", table_name="purchases")
    with op.batch_alter_table("purchases") as batch:
        batch.drop_column("items")
    op.drop_index("ix_contacts_visible", table_name="contacts")
    op.drop_index("ix_contacts_name_visible", table_name="contacts")
    op.create_index("ix_contacts_name_live", "contacts", ["name_pinyin", "deleted_at"])
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("is_shared")
    for table in ("ticket_attachments", "erasures", "consents", "app_settings", "member_level_history", "member_levels"):
        op.drop_table(table)
