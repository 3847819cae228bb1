"""What every table of the initial schema carries: the `Tracked` columns and constraint names.

Names follow the naming convention of `record_base.NAMING_CONVENTION` and are marked final with
`op.f()`, as autogenerate wrote them.
"""

import sqlalchemy as sa
from alembic import op

from crm_desktop.storage.types import UTCDateTime


def instant() -> UTCDateTime:
    """The type of a UTC instant column."""
    return UTCDateTime(timezone=True)


def create_tracked_table(name: str, *columns: sa.Column, references: dict[str, str] | None = None,
                         unique: tuple[str, ...] = ()) -> None:
    """Create table `name` with `columns`, then id, uuid and the three timestamps.

    `references` maps a column to the table whose id it holds (foreign key
    fk_<table>_<column>_<referred table>), in the order of the constraints; `unique` names further
    unique columns (uq_<table>_<column>).
    """
    op.create_table(
        name,
        *columns,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("created_at", instant(), nullable=False),
        sa.Column("updated_at", instant(), nullable=False),
        sa.Column("deleted_at", instant(), nullable=True),
        *(sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                  name=op.f(f"fk_{name}_{column}_{target}"))
          for column, target in (references or {}).items()),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        *(sa.UniqueConstraint(column, name=op.f(f"uq_{name}_{column}")) for column in unique),
        sa.UniqueConstraint("uuid", name=op.f(f"uq_{name}_uuid")),
    )
