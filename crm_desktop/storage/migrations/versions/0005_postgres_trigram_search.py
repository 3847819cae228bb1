"""contact search on PostgreSQL: a pg_trgm GIN index over contacts.search_text

The same `search_text LIKE '%q%'` the service runs then reads the index instead of every row.
SQLite has its own FTS5 and gram tables (revision 0002); nothing changes there.

Revision ID: 0005
Revises: 0004
"""

from alembic import op

from crm_desktop.storage.search import PG_TRIGRAM_INDEX

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute(f"CREATE INDEX {PG_TRIGRAM_INDEX} ON contacts USING gin (search_text gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"DROP INDEX IF EXISTS {PG_TRIGRAM_INDEX}")
