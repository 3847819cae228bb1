"""contact search: index ranges for best matches first (SQLite)

The exact name and the names, pinyin and initials starting with a query of three characters and
more are read as ranges of these indexes, in pinyin order, instead of sorting every match by rank
(storage/repositories/ranked_search.py). PostgreSQL keeps LIKE over search_text (revision 0005).

Revision ID: 0012
Revises: 0011
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# as in storage/search.py PREFIX_INDEXES, written out: a revision does not change with later code
INDEXES = {
    "ix_contacts_name_prefix": "CREATE INDEX IF NOT EXISTS ix_contacts_name_prefix "
                               "ON contacts (name COLLATE NOCASE, name_pinyin)",
    "ix_contacts_pinyin_prefix": "CREATE INDEX IF NOT EXISTS ix_contacts_pinyin_prefix "
                                 "ON contacts (name_pinyin) WHERE name_pinyin > ''",
    "ix_contacts_initials_prefix": "CREATE INDEX IF NOT EXISTS ix_contacts_initials_prefix "
                                   "ON contacts (name_initials, name_pinyin)",
}


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for statement in INDEXES.values():
            conn.exec_driver_sql(statement)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for name in reversed(INDEXES):
            conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
