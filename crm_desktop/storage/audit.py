"""The audit trail, written in the same transaction as the change it records.

Every write session (`Database.writing()`) carries an `Actor` (who, and the clock). After each
flush, `_after_flush` turns the session's new, changed and deleted records into entries: who,
when, which record (uuid) and each field's old -> new value. ORM-enabled UPDATE/DELETE statements
run through the session (soft delete, merge) are caught by `_on_execute`: one entry per affected
record with the columns set. The transaction's entries are written together just before it
commits (`_before_commit`: one INSERT, one read of the chain's head). Bulk paths on a Core
connection (import, demo, undo) call `AuditChain.append` with one entry per bulk change.

The chain (domain/audit.py) needs the last entry's hash: it is read once per transaction, inside
the write lock (SQLite's `BEGIN IMMEDIATE`; on PostgreSQL a transaction-level advisory lock), so
two processes writing at once still append one after the other.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Connection, event, insert, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session

from crm_desktop.domain.audit import entry_hash, sealed_changes
from crm_desktop.storage.record_base import new_uuid
from crm_desktop.storage.records import AuditRecord
from crm_desktop.storage.types import utcnow

SKIP_TABLES = frozenset({"audit_log", "change_set_items", "change_sets_items", "risk_scores"})  # risk: derived
SKIP_COLUMNS = frozenset({"id", "uuid", "created_at", "updated_at", "search_text", "name_pinyin", "name_initials"})
MASKED_COLUMNS = frozenset({"password_hash"})
MASK = "(changed)"
ACTOR_KEY, PENDING_KEY = "crm_audit_actor", "crm_audit_pending"
PG_CHAIN_LOCK = 720_900_001  # pg_advisory_xact_lock key: one chain writer at a time
SHOWN_UUIDS = 1000
AUDITED_OPTION = "crm_audited"  # a statement whose caller writes its own entries


@dataclass
class Actor:
    """Who acts and what time it is, as the services see it."""

    user: Callable[[], int | None] = field(default=lambda: None)
    clock: Callable[[], datetime] = field(default=utcnow)


@dataclass(frozen=True)
class Entry:
    action: str
    table: str
    record_uuid: str
    changes: dict[str, tuple]


class AuditChain:
    """Appends entries to the chain within one transaction on `conn`."""

    def __init__(self, conn: Connection, actor: Actor):
        self._conn, self._actor = conn, actor
        self._head: str | None = None

    def head(self) -> str:
        if self._head is None:
            if self._conn.dialect.name == "postgresql":
                self._conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_CHAIN_LOCK})")
            t = AuditRecord.__table__
            last = self._conn.execute(select(t.c.hash).order_by(t.c.id.desc()).limit(1)).scalar()
            self._head = last or ""
        return self._head

    def append(self, entries: list[Entry], first_id: int | None = None) -> None:
        """`first_id`: ids given explicitly (a bulk write whose sequences are synced at its end)."""
        if not entries:
            return
        prev, now, user_id = self.head(), self._actor.clock(), self._actor.user()
        rows = []
        for i, e in enumerate(entries):
            text = sealed_changes(e.changes)
            digest = entry_hash(prev, now, user_id, e.action, e.table, e.record_uuid, text)
            rows.append({"uuid": new_uuid(), "created_at": now, "updated_at": now, "deleted_at": None,
                         "user_id": user_id, "occurred_at": now, "action": e.action, "table_name": e.table,
                         "record_uuid": e.record_uuid, "changes": text, "prev_hash": prev, "hash": digest,
                         **({"id": first_id + i} if first_id is not None else {})})
            prev = digest
        self._conn.execute(insert(AuditRecord.__table__), rows)
        self._head = prev


def install(factory) -> None:
    """Audit every session the factory (the write sessionmaker) makes."""
    event.listen(factory, "after_flush", _after_flush)
    event.listen(factory, "do_orm_execute", _on_execute)
    event.listen(factory, "before_commit", _before_commit)


def pending_of(session: Session) -> list[Entry] | None:
    """The entries this transaction will write as it commits; None for a session not audited."""
    if session.info.get(ACTOR_KEY) is None:
        return None
    return session.info.setdefault(PENDING_KEY, [])


def note(session: Session, action: str, table: str, uuids, changes: dict[str, tuple]) -> None:
    """Entries a storage method writes itself (a statement run with AUDITED_OPTION)."""
    pending = pending_of(session)
    if pending is not None:
        pending += [Entry(action, table, u, changes) for u in uuids]


def _after_flush(session: Session, _flush_context) -> None:
    """Collect what the flush wrote (the attribute history is still the pre-flush one here)."""
    pending = pending_of(session)
    if pending is None:
        return
    pending += [e for obj in _ordered(session.new) if (e := _entry(obj, "create"))]
    pending += [e for obj in _ordered(session.dirty) if (e := _entry(obj, "update"))]
    pending += [e for obj in _ordered(session.deleted) if (e := _entry(obj, "delete"))]


def _before_commit(session: Session) -> None:
    """Write the transaction's entries in one insert, after its last flush, before COMMIT."""
    pending = pending_of(session)
    if pending is None:
        return
    session.flush()
    if pending:
        AuditChain(session.connection(), session.info[ACTOR_KEY]).append(list(pending))
        pending.clear()


def _ordered(objects) -> list:
    return sorted(objects, key=lambda o: (type(o).__name__, getattr(o, "id", 0) or 0))


def _entry(obj, action: str) -> Entry | None:
    table = getattr(obj, "__tablename__", None)
    if table is None or table in SKIP_TABLES or getattr(obj, "audit_exempt", False):
        return None
    state = inspect(obj)
    changes = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in SKIP_COLUMNS:
            continue
        old, new = _old_new(state, key, action)
        if old != new:
            changes[key] = (MASK, MASK) if key in MASKED_COLUMNS else (old, new)
    if action == "update" and not changes:
        return None
    return Entry(action, table, state.dict.get("uuid") or "", changes)


def _old_new(state, key: str, action: str) -> tuple:
    if action == "create":
        value = state.dict.get(key)
        return None, (None if value is None or value == "" or value is False else value)
    if action == "delete":
        return state.dict.get(key), None
    history = state.attrs[key].history
    if not history.added:
        return None, None
    old = history.deleted[0] if history.deleted else None
    return old, history.added[0]


def _on_execute(state: ORMExecuteState) -> None:
    """An UPDATE or DELETE statement on records: one entry per record it touches (the columns it
    sets, not their values), looked up before it runs with the statement's own WHERE clause."""
    if not (state.is_update or state.is_delete) or state.execution_options.get(AUDITED_OPTION):
        return
    pending = pending_of(state.session)
    table = getattr(state.statement, "table", None)
    if pending is None or table is None or table.name in SKIP_TABLES or "uuid" not in table.c:
        return
    where = state.statement.whereclause
    uuids = state.session.connection().execute(
        select(table.c.uuid).where(where) if where is not None else select(table.c.uuid)).scalars().all()
    columns = ",".join(sorted(str(getattr(k, "key", k)) for k in (getattr(state.statement, "_values", None) or {})))
    action = "update" if state.is_update else "delete"
    pending += [Entry(action, table.name, u, {"columns": (None, columns)} if columns else {}) for u in uuids]
