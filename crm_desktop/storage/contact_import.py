"""Contacts written in bulk by an import, and taken back out by "undo this import".

Everything runs on the one connection of `bulk_writer`, inside its single write transaction (new
contacts' batches on a second thread, one batch at a time): a failure or a cancel leaves nothing
half-imported. Look-ups go by index (uuid, phone_e164, email) in chunks; new contacts get their
ids here so the change set can list them without a round trip.
The change set itself is kept by `ChangeSetRepository`, on the same connection.
"""

import sys
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from functools import cache, cached_property, partial

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from crm_desktop.domain.pinyin import pinyin_of
from crm_desktop.domain.text import company_key
from crm_desktop.storage.bulk import BulkWriter, PreparedInsert
from crm_desktop.storage.record_base import new_uuid
from crm_desktop.storage.records import Base, CompanyRecord, ContactRecord
from crm_desktop.storage.repositories.base import in_chunks
from crm_desktop.storage.repositories.change_sets import ChangeSetRepository

C = ContactRecord.__table__
# Columns an import may overwrite on an existing contact; their old values are kept for undo.
UPDATABLE = tuple(c.name for c in C.columns if c.name not in (
    "id", "uuid", "created_at", "updated_at", "deleted_at", "points_balance", "total_spent_cents", "purchase_count",
    "last_purchase_at", "last_interaction_at", "member_level", "member_since", "at_risk"))
RELATED = ("interactions", "followups", "tickets", "surveys", "purchases", "points_ledger")


class ContactImportWriter:
    def __init__(self, writer: BulkWriter):
        self.w = writer
        self.conn = writer._conn
        self._company_ids: dict[str, int] = {}

    @cached_property
    def journal(self) -> ChangeSetRepository:
        """The change-set log, on this same connection and transaction."""
        return ChangeSetRepository(Session(bind=self.conn))

    def close(self) -> None:
        """Write what the journal holds before the transaction commits."""
        if "journal" in self.__dict__:
            self.journal.session.flush()
            self.journal.session.close()

    # --- finding what is there already -----------------------------------------------------------
    def ids_by(self, key: str, values: Iterable[str], trashed_too: bool = False) -> dict[str, int]:
        """Contacts whose `key` column ("uuid", "phone_e164" or "email") has one of the values:
        value -> the oldest such contact's id. Live contacts only unless `trashed_too`."""
        column = C.c[key]
        found: dict[str, int] = {}
        if not self._has_contacts():  # the first import into a new book: nothing to look up
            return found
        for part in in_chunks(sorted({v for v in values if v})):
            stmt = select(column, C.c.id).where(column.in_(part))
            if not trashed_too:
                stmt = stmt.where(C.c.deleted_at.is_(None))
            stmt = stmt.order_by(C.c.id)
            for value, contact_id in self.conn.execute(stmt):
                found.setdefault(value, contact_id)
        return found

    def _has_contacts(self) -> bool:
        """Whether any contact, live or trashed, is there."""
        return self.conn.execute(select(C.c.id).limit(1)).first() is not None

    def company_id(self, name: str, now: datetime) -> int | None:
        """The live company of that name (compared by key), created when there is none."""
        if not name:
            return None
        key = company_key(name)
        if key not in self._company_ids:
            self.resolve_companies([name], now)
        return self._company_ids[key]

    def resolve_companies(self, names: Iterable[str], now: datetime) -> None:
        """Find or create the companies of a batch of rows at once: one look-up, one insert."""
        wanted = {company_key(n): n for n in names if n and company_key(n) not in self._company_ids}
        t = CompanyRecord.__table__
        for part in in_chunks(sorted(wanted)):
            stmt = select(t.c.name_key, t.c.id).where(t.c.name_key.in_(part), t.c.deleted_at.is_(None))
            for key, company_id in self.conn.execute(stmt.order_by(t.c.id)):
                self._company_ids.setdefault(key, company_id)
        missing = [(key, name) for key, name in wanted.items() if key not in self._company_ids]
        first = self.w.max_id("companies") + 1
        self.w.insert("companies", [full_row("companies", {
            "id": first + i, "name": name, "name_key": key, "name_pinyin": pinyin_of(name), "created_at": now,
            "updated_at": now})
            for i, (key, name) in enumerate(missing)])
        self._company_ids.update({key: first + i for i, (key, _) in enumerate(missing)})

    def resolved_company_id(self, name: str) -> int | None:
        """The id `resolve_companies` found or made for that name, without a look-up (it may run while
        `contact_batches` writes on the connection)."""
        return self._company_ids[company_key(name)] if name else None

    def company_name(self, company_id: int | None) -> str:
        if company_id is None:
            return ""
        t = CompanyRecord.__table__
        return self.conn.execute(select(t.c.name).where(t.c.id == company_id)).scalar() or ""

    def delete_unused_companies(self, company_ids: list[int]) -> None:
        """Delete those of the companies that no contact, live or in the trash, belongs to."""
        t = CompanyRecord.__table__
        for part in in_chunks(company_ids):
            in_use = select(C.c.company_id).where(C.c.company_id.in_(part))
            self.conn.execute(delete(t).where(t.c.id.in_(part), t.c.id.not_in(in_use)))

    # --- writing ---------------------------------------------------------------------------------
    def write_contacts(self, statements: list[PreparedInsert]) -> None:
        """Run a batch's prepared inserts of contacts and bring the search index up to them."""
        self.w.execute(statements)
        self.w.index_contacts()

    @contextmanager
    def contact_batches(self) -> Iterator["ContactBatches"]:
        """Batches of contact rows inserted and indexed on a second thread (see `ContactBatches`);
        on leaving, the last batch is written (or, after an error, waited for) before anything else
        uses the connection."""
        with quick_lock_handover():
            batches = ContactBatches(self)
            try:
                yield batches
            except BaseException:
                batches.abandon()
                raise
            batches.close()

    def contact_indexes_deferred(self, incoming: int, first: list[dict]):
        """Around the inserts of an import of `incoming` contacts, the first batch's values being
        `first`: see `BulkWriter.indexes_rebuilt`, told which columns those rows all share."""
        rows = [full_row("contacts", row) for row in first]
        shared = frozenset(k for k in (rows[0] if rows else ()) if all(r[k] == rows[0][k] for r in rows))
        return self.w.indexes_rebuilt("contacts", incoming, shared)

    def snapshot(self, contact_id: int) -> dict:
        """The columns an import may overwrite, as they are now: what undo writes back."""
        row = self.conn.execute(select(*(C.c[k] for k in UPDATABLE)).where(C.c.id == contact_id)).one()
        return dict(zip(UPDATABLE, row, strict=True))

    def restore_contact(self, contact_id: int, before: dict, now: datetime) -> None:
        values = {k: v for k, v in before.items() if k in UPDATABLE}
        self.conn.execute(update(C).where(C.c.id == contact_id).values(**values, updated_at=now))

    def update_contact(self, contact_id: int, values: dict, now: datetime) -> None:
        self.conn.execute(update(C).where(C.c.id == contact_id).values(
            **{k: v for k, v in values.items() if k in UPDATABLE}, updated_at=now))

    # --- undo ------------------------------------------------------------------------------------
    def with_history(self, contact_ids: list[int]) -> set[int]:
        """Those of the contacts that other records now point at (they cannot simply be deleted)."""
        used: set[int] = set()
        for name in RELATED:
            t = Base.metadata.tables[name]
            for part in in_chunks(contact_ids):
                used.update(r[0] for r in self.conn.execute(select(t.c.contact_id).where(t.c.contact_id.in_(part)).distinct()))
        return used

    def delete_contacts(self, contact_ids: list[int]) -> None:
        for part in in_chunks(contact_ids):
            self.conn.execute(update(C).where(C.c.referred_by_id.in_(part)).values(referred_by_id=None))
            self.conn.execute(delete(C).where(C.c.id.in_(part)))

    def trash_contacts(self, contact_ids: list[int], now: datetime) -> None:
        for part in in_chunks(contact_ids):
            self.conn.execute(update(C).where(C.c.id.in_(part), C.c.deleted_at.is_(None))
                              .values(deleted_at=now, updated_at=now))


class ContactBatches:
    """Contact rows inserted and indexed batch by batch on a second thread while the caller makes the
    next batch: SQLite writes without holding Python's lock, so on two cores the making of a batch's
    values and statements hides behind the writing of the batch before. Only one batch at a time
    uses the connection, and the caller does not touch it until the batches are closed. The new
    contacts' ids follow the highest one there at the start: only these batches add contacts."""

    def __init__(self, writer: ContactImportWriter):
        self._writer = writer
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="contact-batches")
        self._pending: Future | None = None
        self._next_id = writer.w.max_id("contacts") + 1
        self.ids: list[int] = []  # the new contacts' ids, in the order of their rows

    def put(self, rows: list[dict]) -> None:
        """Write `rows` (column values) once the batch before them is written (its error, if any,
        raised here); the statements are made first, while that batch is being written."""
        ids = range(self._next_id, self._next_id + len(rows))
        statements = self._writer.w.prepared(
            "contacts", (_with_id(full_row("contacts", row), i) for i, row in zip(ids, rows, strict=True)))
        self._wait()
        self._pending = self._pool.submit(self._writer.write_contacts, statements)
        self._next_id += len(rows)
        self.ids += ids

    def close(self) -> None:
        try:
            self._wait()
        finally:
            self._pool.shutdown()

    def abandon(self) -> None:
        """Wait for the batch being written, whatever its outcome: the transaction rolls back next."""
        if self._pending is not None:
            self._pending.exception()
            self._pending = None
        self._pool.shutdown()

    def _wait(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            pending.result()


HANDOVER_SECONDS = 0.0005  # how long a thread holding Python's lock keeps another waiting, while batches are written
_handover = {"users": 0, "before": 0.0}
_handover_lock = threading.Lock()


@contextmanager
def quick_lock_handover() -> Iterator[None]:
    """Python's lock handed between threads every half millisecond instead of every five, for the
    block. The writer thread wants the lock back after every statement (to bind the next one, to
    return) while the other thread computes the next batch; at the default interval those waits
    were about half of the time the contacts' inserts took (0.5 of 1.25 s for 100,000 rows). Process
    wide, so set by the first block in and restored by the last one out."""
    with _handover_lock:
        if _handover["users"] == 0:
            _handover["before"] = sys.getswitchinterval()
            sys.setswitchinterval(min(HANDOVER_SECONDS, _handover["before"]))
        _handover["users"] += 1
    try:
        yield
    finally:
        with _handover_lock:
            _handover["users"] -= 1
            if _handover["users"] == 0:
                sys.setswitchinterval(_handover["before"])


def _with_id(row: dict, row_id: int) -> dict:
    row["id"] = row_id
    return row


def full_row(table: str, values: dict) -> dict:
    """`values` plus every other column's default, as the bulk writer needs every column given."""
    fixed, computed = _defaults(table)
    row = {**fixed, **values}
    for name, make in computed:
        if name not in values:
            row[name] = make()
    return row


@cache
def _defaults(table: str) -> tuple[dict, tuple]:
    """A table's plain defaults, and the (column, factory) pairs of those computed per row."""
    fixed, computed = {}, []
    for column in Base.metadata.tables[table].columns:
        default = column.default
        if column.primary_key:
            continue
        if default is None or not default.is_callable:
            fixed[column.name] = None if default is None else default.arg
        else:
            computed.append((column.name, new_uuid if column.name == "uuid" else partial(default.arg, None)))
    return fixed, tuple(computed)
