"""The indexes of the initial schema, by table, created and dropped in batch mode.

Most are the single-column indexes of `index=True` (named by the naming convention, so marked final
with `f()`); the rest are the `Index(...)` of a record's `__table_args__`, named by hand.
"""

from typing import NamedTuple

from alembic import op


class IndexSpec(NamedTuple):
    name: str
    columns: tuple[str, ...]
    by_convention: bool

    def name_in(self, batch_op) -> str:
        return batch_op.f(self.name) if self.by_convention else self.name


def column_index(name: str, column: str) -> IndexSpec:
    return IndexSpec(name, (column,), by_convention=True)


def named_index(name: str, *columns: str) -> IndexSpec:
    return IndexSpec(name, columns, by_convention=False)


INDEXES: dict[str, tuple[IndexSpec, ...]] = {
    "companies": (
        column_index("ix_companies_name_key", "name_key"),
    ),
    "audit_log": (
        column_index("ix_audit_log_occurred_at", "occurred_at"),
        column_index("ix_audit_log_record_uuid", "record_uuid"),
        column_index("ix_audit_log_user_id", "user_id"),
    ),
    "contacts": (
        column_index("ix_contacts_company_id", "company_id"),
        named_index("ix_contacts_created", "created_at"),
        column_index("ix_contacts_lead_source", "lead_source"),
        named_index("ix_contacts_live_name", "deleted_at", "name_pinyin"),
        column_index("ix_contacts_owner_id", "owner_id"),
        column_index("ix_contacts_phone_e164", "phone_e164"),
        column_index("ix_contacts_referred_by_id", "referred_by_id"),
        column_index("ix_contacts_stage", "stage"),
        column_index("ix_contacts_tier", "tier"),
    ),
    "purchases": (
        named_index("ix_purchases_contact_time", "contact_id", "purchased_at"),
        column_index("ix_purchases_staff_id", "staff_id"),
    ),
    "points_ledger": (
        named_index("ix_points_ledger_contact_entry", "contact_id", "id"),
        column_index("ix_points_ledger_operator_id", "operator_id"),
        column_index("ix_points_ledger_purchase_id", "purchase_id"),
        column_index("ix_points_ledger_reverses_id", "reverses_id"),
        column_index("ix_points_ledger_reward_id", "reward_id"),
    ),
    "tickets": (
        column_index("ix_tickets_assignee_id", "assignee_id"),
        column_index("ix_tickets_contact_id", "contact_id"),
        column_index("ix_tickets_purchase_id", "purchase_id"),
        column_index("ix_tickets_status", "status"),
    ),
    "followups": (
        column_index("ix_followups_contact_id", "contact_id"),
        column_index("ix_followups_due_at", "due_at"),
        column_index("ix_followups_owner_id", "owner_id"),
        column_index("ix_followups_status", "status"),
        column_index("ix_followups_ticket_id", "ticket_id"),
    ),
    "surveys": (
        column_index("ix_surveys_contact_id", "contact_id"),
        column_index("ix_surveys_ticket_id", "ticket_id"),
    ),
    "ticket_events": (
        column_index("ix_ticket_events_ticket_id", "ticket_id"),
        column_index("ix_ticket_events_user_id", "user_id"),
    ),
    "interactions": (
        named_index("ix_interactions_contact_time", "contact_id", "occurred_at"),
        column_index("ix_interactions_followup_id", "followup_id"),
        column_index("ix_interactions_user_id", "user_id"),
    ),
}


def create_indexes(table: str) -> None:
    """Create the indexes of `table`, in order; a table without any is left alone."""
    indexes = INDEXES.get(table, ())
    if not indexes:
        return
    with op.batch_alter_table(table, schema=None) as batch_op:
        for index in indexes:
            batch_op.create_index(index.name_in(batch_op), list(index.columns), unique=False)


def drop_indexes(table: str) -> None:
    """Drop the indexes of `table`, in the reverse order of their creation."""
    indexes = INDEXES.get(table, ())
    if not indexes:
        return
    with op.batch_alter_table(table, schema=None) as batch_op:
        for index in reversed(indexes):
            batch_op.drop_index(index.name_in(batch_op))
