"""Undo logs: one change set per undoable bulk action (a merge, an import) and its items.

An item names one row (`table_name`, `record_id`) and what the action did to it: "insert" (the row
is new; `before` is empty), "update" or "move" (`before` holds the old values of the columns that
changed, as JSON). Undoing an update or a move is writing `before` back (`write_back`), the same
code for every table; what undoing an insert means depends on the table (a ledger entry is
reversed, never deleted), so it is left to the caller.
"""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Date, insert, select, update
from sqlalchemy.orm import Session

from crm_desktop.storage.record_base import new_uuid
from crm_desktop.storage.records import Base, ChangeSetItemRecord, ChangeSetRecord
from crm_desktop.storage.repositories.base import get_or_raise
from crm_desktop.storage.types import UTCDateTime

NOT_SNAPSHOT = frozenset({"id", "uuid", "created_at"})  # never change, never written back

S = ChangeSetRecord
I = ChangeSetItemRecord  # noqa: E741


@dataclass(frozen=True, slots=True)
class ChangeItem:
    id: int
    table_name: str
    record_id: int
    action: str
    before: dict | None


class ChangeSetRepository:
    def __init__(self, session: Session):
        self.session = session

    # --- writing the log -----------------------------------------------------------------------
    def open(self, kind: str, label: str, user_id: int | None, summary: dict, now: datetime) -> int:
        record = S(kind=kind, label=label[:300], user_id=user_id, summary=json.dumps(summary, ensure_ascii=False),
                   created_at=now, updated_at=now)
        self.session.add(record)
        self.session.flush()
        return record.id

    def set_summary(self, set_id: int, summary: dict) -> None:
        self.get(set_id).summary = json.dumps(summary, ensure_ascii=False)

    def add_item(self, set_id: int, table: str, record_id: int, action: str, before: dict | None) -> None:
        self.add_items(set_id, table, action, [(record_id, before)])

    def add_items(self, set_id: int, table: str, action: str, rows: Iterable[tuple[int, dict | None]]) -> None:
        """Many items in one executemany (an import or a big merge logs thousands)."""
        values = [{"uuid": new_uuid(), "change_set_id": set_id, "table_name": table, "record_id": record_id,
                   "action": action, "before": _encode(before)} for record_id, before in rows]
        if values:
            self.session.execute(insert(I), values)

    def add_inserted(self, set_id: int, table: str, ids: Iterable[int]) -> None:
        """Rows a change set inserted, kept as runs of consecutive ids: an import of 100,000 new
        contacts is one item, `before` = {"last": id} marking where its run ends."""
        self.add_items(set_id, table, "insert", ((first, {"last": last} if last != first else None)
                                                 for first, last in _runs(ids)))

    def inserted(self, set_id: int, table: str) -> list[int]:
        """The ids of `table` that the change set inserted (runs expanded)."""
        ids: list[int] = []
        for item in self.items(set_id):
            if item.table_name == table and item.action == "insert":
                ids.extend(range(item.record_id, (item.before or {}).get("last", item.record_id) + 1))
        return ids

    def snapshot(self, table: str, record_id: int) -> dict:
        """Every column of one row but id, uuid and created_at: the `before` of an update."""
        self.session.flush()
        t = Base.metadata.tables[table]
        row = self.session.execute(select(t).where(t.c.id == record_id)).mappings().one()
        return {k: v for k, v in row.items() if k not in NOT_SNAPSHOT}

    # --- reading and undoing -------------------------------------------------------------------
    def get(self, set_id: int) -> ChangeSetRecord:
        return get_or_raise(self.session, S, set_id, "change set")

    def latest(self, kind: str) -> ChangeSetRecord | None:
        """The newest change set of `kind` that has not been undone."""
        stmt = select(S).where(S.kind == kind, S.undone_at.is_(None), S.deleted_at.is_(None))
        return self.session.scalars(stmt.order_by(S.id.desc()).limit(1)).first()

    def recent(self, kind: str, limit: int) -> list[ChangeSetRecord]:
        """The newest change sets of `kind`, undone ones included."""
        stmt = select(S).where(S.kind == kind, S.deleted_at.is_(None)).order_by(S.id.desc()).limit(limit)
        return list(self.session.scalars(stmt))

    def items(self, set_id: int) -> list[ChangeItem]:
        stmt = select(I).where(I.change_set_id == set_id).order_by(I.id)
        return [ChangeItem(r.id, r.table_name, r.record_id, r.action, _decode(r.table_name, r.before))
                for r in self.session.scalars(stmt)]

    def write_back(self, item: ChangeItem, skip: Iterable[str] = ()) -> None:
        """Undo an update or a move: the row gets its `before` values again (but those in `skip`)."""
        values = {k: v for k, v in (item.before or {}).items() if k not in set(skip)}
        if values:
            model = _model(item.table_name)  # an ORM update keeps the session's loaded rows in step
            self.session.execute(update(model).where(model.id == item.record_id).values(**values))

    def mark_undone(self, set_id: int, now: datetime) -> None:
        record = self.get(set_id)
        record.undone_at = now
        record.updated_at = now


def _runs(ids: Iterable[int]) -> Iterable[tuple[int, int]]:
    """(first, last) of each run of consecutive ids, in order."""
    first = last = None
    for i in sorted(ids):
        if last is not None and i == last + 1:
            last = i
            continue
        if first is not None:
            yield first, last
        first = last = i
    if first is not None:
        yield first, last


def _model(table: str):
    return next(m.class_ for m in Base.registry.mappers if m.local_table.name == table)


def _encode(before: dict | None) -> str:
    if before is None:
        return ""
    return json.dumps(before, ensure_ascii=False, default=_json_default)


def _json_default(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _decode(table: str, text: str) -> dict | None:
    """JSON back to column values: ISO text becomes datetimes and dates again, by column type."""
    if not text:
        return None
    values = json.loads(text)
    columns = Base.metadata.tables[table].c
    for key, value in values.items():
        if value is None or key not in columns:
            continue
        if isinstance(columns[key].type, UTCDateTime):
            values[key] = datetime.fromisoformat(value)
        elif isinstance(columns[key].type, Date):
            values[key] = date.fromisoformat(value)
    return values
