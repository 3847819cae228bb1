"""the short-query search index without its index by contact: its rows are found from a contact's values

`ix_contact_grams_contact` (contact_id, gram) was as large as `contact_grams` itself and about a
second of a 100,000-row import to keep; it served only the triggers taking a changed or deleted
contact's grams out, which now find them by primary key from the contact's old values
(storage/search.py GRAMS_OF_OLD). SQLite only; the rows stay as they are.

Revision ID: 0015
Revises: 0014
"""

from alembic import op

from crm_desktop.storage import search

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_TRIGGERS = ("contacts_search_ad", "contacts_search_au")
_BY_CONTACT = "DELETE FROM contact_grams WHERE contact_id = OLD.id;"


def _has_grams(conn) -> bool:
    return conn.dialect.name == "sqlite" and conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contact_grams'").first() is not None


def upgrade() -> None:
    conn = op.get_bind()
    if not _has_grams(conn):
        return
    for name in _TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_contact_grams_contact")
    search.restore_triggers(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if not _has_grams(conn):
        return
    conn.exec_driver_sql("CREATE INDEX IF NOT EXISTS ix_contact_grams_contact ON contact_grams (contact_id, gram)")
    for name in _TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        made = next(s for s in search.TRIGGERS if f" {name} " in s)
        conn.exec_driver_sql(made.replace(search.GRAMS_OF_OLD, _BY_CONTACT))
