"""companies sorted by the pinyin of their names

Contacts sorted by company came in the order of the names' code points: 星辰科技 after 阿里 by
chance, 澳门 after Zeta, Latin names all before Chinese ones. `companies.name_pinyin` holds the
name as the contacts' own `name_pinyin` holds theirs (domain/pinyin.py), and the index the sorted
list reads replaces the one by name.

Revision ID: 0016
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

CHUNK = 5000


def upgrade() -> None:
    from crm_desktop.domain.pinyin import pinyin_of

    op.add_column("companies", sa.Column("name_pinyin", sa.String(length=800), nullable=False, server_default=""))
    conn = op.get_bind()
    last = 0
    while rows := conn.execute(sa.text("SELECT id, name FROM companies WHERE id > :last ORDER BY id LIMIT :n"),
                               {"last": last, "n": CHUNK}).all():
        conn.execute(sa.text("UPDATE companies SET name_pinyin = :p WHERE id = :id"),
                     [{"id": row.id, "p": pinyin_of(row.name)} for row in rows])
        last = rows[-1].id
    op.drop_index("ix_companies_name", table_name="companies")
    op.create_index("ix_companies_pinyin", "companies", ["name_pinyin", "name"])


def downgrade() -> None:
    op.drop_index("ix_companies_pinyin", table_name="companies")
    op.create_index("ix_companies_name", "companies", ["name"])
    with op.batch_alter_table("companies") as batch:
        batch.drop_column("name_pinyin")
