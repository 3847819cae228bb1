"""Helpers every repository uses: live/trash filter, SQL sorting, soft delete and restore, and the
SQL spellings the aggregate queries share."""

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime

from sqlalchemy import Select, case, func, select, update
from sqlalchemy.orm import Session

from crm_desktop.domain.errors import NotFoundError
from crm_desktop.storage.audit import AUDITED_OPTION, note

IN_CHUNK = 500  # ids bound in one IN (...): well under every SQLite build's variable limit


def in_chunks(ids: Iterable) -> Iterator[list]:
    """`ids` without repeats, IN_CHUNK at a time, in their first order."""
    ids = list(dict.fromkeys(ids))
    for start in range(0, len(ids), IN_CHUNK):
        yield ids[start:start + IN_CHUNK]


def live_or_trash(stmt: Select, model, trashed: bool) -> Select:
    column = model.deleted_at
    return stmt.where(column.is_not(None) if trashed else column.is_(None))


def sorted_by(stmt: Select, sorts: Mapping[str, object], key: str, descending: bool, model) -> Select:
    """ORDER BY the column named `key` (or the first sort), id as the tie-breaker."""
    column = sorts[key] if key in sorts else next(iter(sorts.values()))
    order = column.desc() if descending else column.asc()
    tie = model.id.desc() if descending else model.id.asc()
    return stmt.order_by(order, tie)


def count_of(session: Session, stmt: Select) -> int:
    return session.execute(select(func.count()).select_from(stmt.order_by(None).subquery())).scalar_one()


def count_where(condition):
    """How many rows of a group meet `condition` (0 for none), in one pass with the others."""
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def greatest(dialect: str, *values):
    """The largest of the values: SQLite's max() of several arguments, elsewhere greatest()."""
    return func.max(*values) if dialect == "sqlite" else func.greatest(*values)


def least(dialect: str, *values):
    return func.min(*values) if dialect == "sqlite" else func.least(*values)


def get_or_raise(session: Session, model, record_id: int, what: str = ""):
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError("This record no longer exists; someone may have deleted it.")
    return record


def set_deleted(
    session: Session, model, ids: Iterable[int], deleted_at: datetime | None, now: datetime
) -> list[int]:
    """Move to trash (`deleted_at` given) or restore (`None`); returns the ids that changed."""
    ids = list(ids)
    if not ids:
        return []
    is_trashing = deleted_at is not None
    condition = model.deleted_at.is_(None) if is_trashing else model.deleted_at.is_not(None)
    stmt = (
        update(model)
        .where(model.id.in_(ids), condition)
        .values(deleted_at=deleted_at, updated_at=now)
        .returning(model.id, model.uuid)
        .execution_options(**{AUDITED_OPTION: True})
    )
    rows = session.execute(stmt).all()
    note(session, "delete" if is_trashing else "restore", model.__tablename__, [r[1] for r in rows],
         {"deleted_at": (None, deleted_at) if is_trashing else ("trash", None)})
    return [row[0] for row in rows]
