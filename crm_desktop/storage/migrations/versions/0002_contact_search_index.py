"""contact search index: search_text, FTS5 trigram table and one/two-character grams (SQLite)

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.domain.contacts import search_text
from crm_desktop.storage import search

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("search_text", sa.Text(), nullable=False, server_default=""))
    conn = op.get_bind()
    _backfill(conn)
    if conn.dialect.name != "sqlite":
        return
    for statement in search.DDL:
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql("INSERT INTO contacts_fts (contacts_fts) VALUES ('rebuild')")
    conn.execute(sa.text(search.GRAMS_FROM_ID), {"first": 0})
    conn.exec_driver_sql(search.COMPANY_GRAMS_OF_ALL)
    for statement in search.TRIGGERS:
        conn.exec_driver_sql(statement)


def _backfill(conn) -> None:
    rows = conn.execute(sa.text(
        "SELECT c.id, c.name, c.name_pinyin, c.name_initials, c.phone_raw, c.phone_e164, c.phone2_raw, "
        "c.phone2_e164, c.email, coalesce(co.name, ''), c.tags FROM contacts c "
        "LEFT JOIN companies co ON co.id = c.company_id")).all()
    values = [{"id": r[0], "t": search_text(r[1], r[2], r[3], [(r[4], r[5]), (r[6], r[7])], r[8], r[9], r[10])}
              for r in rows]
    for start in range(0, len(values), BATCH):
        conn.execute(sa.text("UPDATE contacts SET search_text = :t WHERE id = :id"), values[start:start + BATCH])


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for statement in search.DROP:
            conn.exec_driver_sql(statement)
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("search_text")
