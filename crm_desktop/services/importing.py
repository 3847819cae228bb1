"""Importing contacts from the files people have, and undoing an import.

`read` opens a file as a table; `plan` reads its rows through a column mapping and finds which
are new, which match a contact already there (by uuid, then E.164 phone, then e-mail) and which
are refused, without writing; `run` writes the plan in ONE transaction (a failure or a Cancel
leaves nothing half-imported) and records a change set, so `undo` can remove what the import
added and put back what it overwrote.
"""

import gc
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from crm_desktop.domain.contact_fields import guess_mapping, overlay
from crm_desktop.domain.contacts import validate_contact
from crm_desktop.domain.errors import RuleError
from crm_desktop.domain.permissions import Permission
from crm_desktop.interchange.reading import read_source
from crm_desktop.interchange.source import RowProblem, SourceTable
from crm_desktop.services.contacts import draft_of, record_values
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.events import ContactsChanged
from crm_desktop.services.import_rows import (
    ENGLISH_NOTE_WORDS,
    NoteWords,
    PreparedRow,
    prepare_rows,
)

Progress = Callable[[int, int], None]
MATCH_KEYS = ("uuid", "phone_e164", "email")
CREATE_BATCH = 5000  # rows per step of an import's insert (and per progress report)


class DuplicatePolicy(StrEnum):
    SKIP = "skip"  # keep the contact there, ignore the row
    UPDATE = "update"  # fill the contact there with the row's non-empty values
    CREATE = "create"  # add the row as another contact


@dataclass(frozen=True)
class ImportPlan:
    label: str
    policy: DuplicatePolicy
    new: tuple[PreparedRow, ...]
    matched: tuple[tuple[PreparedRow, int], ...]  # (row, id of the contact it matches)
    rejected: tuple[RowProblem, ...]
    warnings: tuple[RowProblem, ...]
    taken_uuids: frozenset[str] = frozenset()  # uuids of the file some contact (live or trashed) has

    @property
    def to_create(self) -> int:
        return len(self.new) + (len(self.matched) if self.policy == DuplicatePolicy.CREATE else 0)


@dataclass(frozen=True)
class ImportResult:
    change_set_id: int
    created: int
    updated: int
    skipped: int
    rejected: tuple[RowProblem, ...]
    warnings: tuple[RowProblem, ...]


@dataclass(frozen=True)
class ImportRecord:
    """A past import, for the "undo an import" list."""

    change_set_id: int
    label: str
    created_at: object
    created: int
    updated: int
    undone: bool


@dataclass(frozen=True)
class UndoResult:
    removed: int
    trashed: int  # added contacts that have history since: moved to the trash, not deleted
    restored: int


class ImportService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    @staticmethod
    def read(path: Path, encoding: str | None = None) -> SourceTable:
        with collector_paused():
            return read_source(Path(path), encoding)

    @staticmethod
    def guess_mapping(table: SourceTable) -> dict[int, str]:
        return guess_mapping(list(table.headers), table.filled_columns())

    def plan(self, table: SourceTable, mapping: dict[int, str], policy: DuplicatePolicy, label: str = "",
             words: NoteWords = ENGLISH_NOTE_WORDS) -> ImportPlan:
        """The rows checked and matched against the book, nothing written; `words` are what values
        kept in the notes are labelled with, in the user's language."""
        with collector_paused():
            prepared = prepare_rows(table, mapping, words)
            with self._ctx.db.bulk_reading() as w:
                existing = _existing(w, prepared.rows)
                taken = frozenset(w.ids_by("uuid", (r.uuid for r in prepared.rows), trashed_too=True))
            new, matched, skipped = _split(prepared.rows, existing, policy)
        rejected = tuple(sorted(prepared.rejected + tuple(skipped), key=lambda p: p.line))
        return ImportPlan(label, DuplicatePolicy(policy), tuple(new), tuple(matched), rejected,
                          prepared.warnings, taken)

    def run(self, plan: ImportPlan, progress: Progress | None = None) -> ImportResult:
        self._ctx.require(Permission.IMPORT_CONTACTS)
        report = progress or (lambda done, total: None)
        now = self._ctx.now()
        with collector_paused(), self._ctx.db.bulk_writing() as w:
            set_id = w.journal.open("import", plan.label, self._ctx.user_id, {}, now)
            created = self._create(w, set_id, _rows_to_create(plan), report)
            updated = self._update(w, set_id, plan) if plan.policy == DuplicatePolicy.UPDATE else []
            skipped = len(plan.matched) if plan.policy == DuplicatePolicy.SKIP else 0
            summary = {"created": len(created), "updated": len(updated), "skipped": skipped,
                       "rejected": len(plan.rejected)}
            w.journal.set_summary(set_id, summary)
            w.w.audit("import", "change_sets", w.journal.get(set_id).uuid,
                      {"label": (None, plan.label), **{k: (None, v) for k, v in summary.items()}})
        self._ctx.bus.publish(ContactsChanged(frozenset(created + updated)))
        return ImportResult(set_id, len(created), len(updated), skipped, plan.rejected, plan.warnings)

    def _create(self, w, set_id: int, rows: list[PreparedRow], report: Progress) -> list[int]:
        now = self._ctx.now()
        companies_before = w.w.max_id("companies")
        w.resolve_companies((row.clean.draft.company for row in rows), now)
        first = [self._new_values(w, row, now) for row in rows[:CREATE_BATCH]]
        with w.contact_indexes_deferred(len(rows), first), w.contact_batches() as batches:
            for start in range(0, len(rows), CREATE_BATCH):
                part = rows[start:start + CREATE_BATCH]
                batches.put(first if start == 0 else [self._new_values(w, row, now) for row in part])
                report(start + len(part), len(rows))
        w.journal.add_inserted(set_id, "contacts", batches.ids)
        w.journal.add_inserted(set_id, "companies", range(companies_before + 1, w.w.max_id("companies") + 1))
        return batches.ids

    def _new_values(self, w, row: PreparedRow, now) -> dict:
        """The columns of a new contact; every contact of the import carries the import's instant."""
        values = record_values(row.clean, w.resolved_company_id(row.clean.draft.company))
        values["owner_id"] = values["owner_id"] or self._ctx.user_id
        if row.clean.draft.stage == "customer":
            values["became_customer_at"] = now
        elif row.clean.draft.stage == "churned":
            values["churned_at"] = now
        if row.uuid:
            values["uuid"] = row.uuid
        values["created_at"] = values["updated_at"] = now
        return values

    def _update(self, w, set_id: int, plan: ImportPlan) -> list[int]:
        now, done, befores = self._ctx.now(), [], []
        for row, contact_id in plan.matched:
            before = w.snapshot(contact_id)
            company = w.company_name(before["company_id"])
            draft = overlay(draft_of(_Columns(before), company), row.clean.draft, set(row.present))
            clean = validate_contact(draft)
            w.update_contact(contact_id, record_values(clean, w.company_id(clean.draft.company, now)), now)
            befores.append((contact_id, before))
            done.append(contact_id)
        w.journal.add_items(set_id, "contacts", "update", befores)
        return done

    # --- history and undo ------------------------------------------------------------------------
    def history(self, limit: int = 20) -> list[ImportRecord]:
        with self._ctx.db.bulk_reading() as w:
            sets = w.journal.recent("import", limit)
        return [_record(s) for s in sets]

    def undo(self, change_set_id: int) -> UndoResult:
        self._ctx.require(Permission.IMPORT_CONTACTS)
        now = self._ctx.now()
        with self._ctx.db.bulk_writing() as w:
            change = w.journal.get(change_set_id)
            if change.kind != "import":
                raise RuleError("There is no such import to undo.")
            if change.undone_at is not None:
                raise RuleError("This import was undone already.")
            added = w.journal.inserted(change_set_id, "contacts")
            used = w.with_history(added)
            w.delete_contacts([i for i in added if i not in used])
            w.trash_contacts(sorted(used), now)
            restored = [i for i in w.journal.items(change_set_id) if i.action == "update"]
            for item in reversed(restored):  # the oldest state last: a contact updated twice
                w.restore_contact(item.record_id, item.before, now)
            w.delete_unused_companies(w.journal.inserted(change_set_id, "companies"))
            w.journal.mark_undone(change_set_id, now)
            w.w.audit("undo", "change_sets", change.uuid, {"undone_at": (None, now), "removed": (None, len(added)),
                                                           "restored": (None, len(restored))})
        self._ctx.bus.publish(ContactsChanged(frozenset(added + [i.record_id for i in restored])))
        return UndoResult(len(added) - len(used), len(used), len(restored))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while an import makes its many small objects (a
    row, its draft, its contact, its column values: a million for 100,000 rows): each collection
    would walk them all again, for nothing, as they hold no reference cycles. Measured: a fifth of
    the time of reading and preparing 100,000 rows. On leaving, the objects made meanwhile join the
    oldest generation at once (freeze, then unfreeze: two list splices), else the first young
    collection after would walk them all (about 0.15 s for 300,000 objects); a later full
    collection still looks at them."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        gc.enable()


class _Columns:
    """A snapshot dict read as attributes, for `draft_of`."""

    def __init__(self, values: dict):
        self.__dict__.update(values)


def _existing(w, rows: tuple[PreparedRow, ...]) -> dict[str, dict[str, int]]:
    keys = {"uuid": [r.uuid for r in rows], "phone_e164": [r.clean.phone.e164 for r in rows if r.clean.phone],
            "email": [r.clean.email_normalized for r in rows if not r.clean.email_invalid]}
    return {key: w.ids_by(key, values) for key, values in keys.items()}


def _keys(row: PreparedRow) -> tuple[str, ...]:
    phone = row.clean.phone.e164 if row.clean.phone else None
    email = row.clean.email_normalized if not row.clean.email_invalid else ""
    return row.uuid, phone or "", email


def _split(rows, existing, policy):
    """New rows, rows matching a contact there, and rows repeating an earlier row of the file."""
    new, matched, repeated, seen = [], [], [], {}
    for row in rows:
        keys = [(k, v) for k, v in zip(MATCH_KEYS, _keys(row), strict=True) if v]
        found = next((existing[k][v] for k, v in keys if v in existing[k]), None)
        earlier = next((seen[key] for key in keys if key in seen), None)
        if found is not None:
            matched.append((row, found))
        elif earlier is not None and policy != DuplicatePolicy.CREATE:
            repeated.append(RowProblem.of(row.line, "The same contact as line {earlier}; the row was skipped.",
                                          earlier=earlier))
        else:
            new.append(row)
        seen.update(dict.fromkeys(keys, row.line))
    return new, matched, repeated


def _rows_to_create(plan: ImportPlan) -> list[PreparedRow]:
    """The rows to add as contacts; a row keeps the file's uuid only where no contact has it yet."""
    extra = [row for row, _ in plan.matched] if plan.policy == DuplicatePolicy.CREATE else []
    used, rows = set(plan.taken_uuids), []
    for row in list(plan.new) + extra:
        if row.uuid and row.uuid in used:
            row = PreparedRow(row.line, row.clean, row.present)
        used.add(row.uuid)
        rows.append(row)
    return sorted(rows, key=lambda r: r.line)


def _record(change) -> ImportRecord:
    summary = json.loads(change.summary or "{}")
    return ImportRecord(change.id, change.label, change.created_at, summary.get("created", 0),
                        summary.get("updated", 0), change.undone_at is not None)
