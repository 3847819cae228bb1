"""The audit trail for people: filtered pages for the viewer, and the same filter exported."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from crm_desktop.domain.audit import display_changes
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.permissions import Permission
from crm_desktop.interchange.csv_out import write_csv
from crm_desktop.interchange.sheet_out import write_xlsx
from crm_desktop.services.context import ServiceContext

EXPORT_KEYS = ("id", "occurred_at", "user", "action", "table", "record_uuid", "changes")
TABLES = ("contacts", "companies", "interactions", "followups", "tickets", "ticket_events", "surveys", "purchases",
          "points_ledger", "rewards", "consents", "erasures", "member_levels", "member_level_history", "users",
          "change_sets", "app_settings")
ACTIONS = ("create", "update", "delete", "restore", "import", "undo", "merge", "erase", "demo")


@dataclass(frozen=True)
class AuditQuery:
    user_id: int | None = None
    table: str = ""
    action: str = ""
    start: datetime | None = None
    end: datetime | None = None
    record_uuid: str = ""


@dataclass(frozen=True)
class AuditEntryDTO:
    id: int
    occurred_at: datetime
    user: str
    action: str
    table: str
    record_uuid: str
    changes: tuple[tuple[str, object, object], ...]  # (field, old, new); an erased value is None

    def changes_text(self) -> str:
        return "; ".join(f"{f}: {_text(old)} → {_text(new)}" for f, old, new in self.changes)


class AuditService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def count(self, query: AuditQuery) -> int:
        self._ctx.require(Permission.MANAGE_SETTINGS)  # who changed what is for the owner and managers
        with self._ctx.db.reading() as uow:
            return uow.audit.count(query)

    def page(self, query: AuditQuery, offset: int, limit: int) -> list[AuditEntryDTO]:
        self._ctx.require(Permission.MANAGE_SETTINGS)
        with self._ctx.db.reading() as uow:
            return [_dto(r, user) for r, user in uow.audit.page(query, offset, limit)]

    def export(self, path: Path, query: AuditQuery, progress: Callable[[int], None] | None = None) -> int:
        """The matching entries, newest first, as CSV or XLSX (by the file's ending)."""
        self._ctx.require(Permission.EXPORT_BULK)
        path = Path(path)
        writer = {".csv": write_csv, ".xlsx": write_xlsx}.get(path.suffix.lower())
        if writer is None:
            raise ValidationError.single("path", "Export the audit trail as a .csv or .xlsx file.")
        report = progress or (lambda done: None)
        with self._ctx.db.reading() as uow:
            rows = _export_rows(uow.audit.stream(query), report)
            return writer(path, rows, EXPORT_KEYS)


def _export_rows(rows, report):
    for done, (record, user) in enumerate(rows, 1):
        dto = _dto(record, user)
        yield {"id": str(dto.id), "occurred_at": dto.occurred_at.isoformat(), "user": dto.user,
               "action": dto.action, "table": dto.table, "record_uuid": dto.record_uuid,
               "changes": dto.changes_text()}
        if done % 1000 == 0:
            report(done)


def _dto(r, user: str | None) -> AuditEntryDTO:
    changes = tuple((field, old, new) for field, (old, new) in sorted(display_changes(r.changes).items()))
    return AuditEntryDTO(r.id, r.occurred_at, user or "", r.action, r.table_name, r.record_uuid, changes)


def _text(value) -> str:
    if value is None:
        return "∅"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
