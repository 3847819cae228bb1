"""contact grams carry their tier and the name's pinyin: best matches of a short query by index order

Rebuilds `contact_grams` (SQLite only) in the layout of `storage.search.DDL` and puts the index
triggers back; a database that already has that layout (made by revision 0002 of this version)
is rebuilt the same way.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.storage import search

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_OLD_TABLE = ("CREATE TABLE contact_grams (gram TEXT NOT NULL, contact_id INTEGER NOT NULL, "
              "PRIMARY KEY (gram, contact_id)) WITHOUT ROWID")
_OLD_FILL = """
    INSERT OR IGNORE INTO contact_grams (gram, contact_id)
    SELECT substr(src.t, s.i, n.n), src.id
    FROM (SELECT id, lower(replace(name, ' ', '')) AS t FROM contacts
          UNION ALL SELECT id, name_initials FROM contacts) AS src,
         search_seq AS s, (SELECT 1 AS n UNION ALL SELECT 2) AS n
    WHERE s.i <= length(src.t) - n.n + 1
"""
_OLD_TRIGGER_SQL = """
    INSERT OR IGNORE INTO contact_grams (gram, contact_id)
    SELECT substr(src.t, s.i, n.n), NEW.id
    FROM (SELECT lower(replace(NEW.name, ' ', '')) AS t UNION ALL SELECT NEW.name_initials) AS src,
         search_seq AS s, (SELECT 1 AS n UNION ALL SELECT 2) AS n
    WHERE s.i <= length(src.t) - n.n + 1;
"""


def _drop(conn) -> None:
    for name in ("contacts_search_ai", "contacts_search_au", "contacts_search_ad"):
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    conn.exec_driver_sql("DROP TABLE IF EXISTS contact_grams")


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _drop(conn)
    conn.exec_driver_sql(next(s for s in search.DDL if s.startswith("CREATE TABLE contact_grams")))
    conn.execute(sa.text(search.GRAMS_FROM_ID), {"first": 0})
    search.restore_triggers(conn)


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "sqlite":
        return
    _drop(conn)
    conn.exec_driver_sql(_OLD_TABLE)
    conn.exec_driver_sql("CREATE INDEX ix_contact_grams_contact ON contact_grams (contact_id, gram)")
    conn.exec_driver_sql(_OLD_FILL)
    conn.exec_driver_sql(
        "CREATE TRIGGER contacts_search_ai AFTER INSERT ON contacts BEGIN "
        "INSERT INTO contacts_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);" + _OLD_TRIGGER_SQL + " END")
    conn.exec_driver_sql(
        "CREATE TRIGGER contacts_search_ad AFTER DELETE ON contacts BEGIN "
        "INSERT INTO contacts_fts (contacts_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);"
        "DELETE FROM contact_grams WHERE contact_id = OLD.id; END")
    conn.exec_driver_sql(
        "CREATE TRIGGER contacts_search_au AFTER UPDATE OF name, name_initials, search_text ON contacts BEGIN "
        "INSERT INTO contacts_fts (contacts_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);"
        "INSERT INTO contacts_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);"
        "DELETE FROM contact_grams WHERE contact_id = OLD.id;" + _OLD_TRIGGER_SQL + " END")
