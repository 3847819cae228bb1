"""Alembic environment: always run from code with a connection handed over by migrate.py."""

from alembic import context

from crm_desktop.storage.records import Base
from crm_desktop.storage.search import is_index_table

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run only through crm_desktop.storage.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=lambda obj, name, kind, reflected, other: not (kind == "table" and is_index_table(name)),
)
with context.begin_transaction():
    context.run_migrations()
