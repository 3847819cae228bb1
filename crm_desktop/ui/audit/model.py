"""The audit viewer's table: the service's filtered entries, newest first, read a page at a time."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crm_desktop.services.audit import AuditEntryDTO, AuditQuery, AuditService
from crm_desktop.ui.common.formatting import local_datetime
from crm_desktop.ui.common.table_model import ColumnSpec, PagedTableModel

CONTEXT = "AuditModel"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def action_label(action: str) -> str:
    labels = {"create": _tr(QT_TRANSLATE_NOOP("AuditModel", "created")), "update": _tr(QT_TRANSLATE_NOOP("AuditModel", "changed")), "delete": _tr(QT_TRANSLATE_NOOP("AuditModel", "deleted")),
              "restore": _tr(QT_TRANSLATE_NOOP("AuditModel", "restored")), "import": _tr(QT_TRANSLATE_NOOP("AuditModel", "imported")), "undo": _tr(QT_TRANSLATE_NOOP("AuditModel", "undone")),
              "merge": _tr(QT_TRANSLATE_NOOP("AuditModel", "merged")), "erase": _tr(QT_TRANSLATE_NOOP("AuditModel", "erased")), "demo": _tr(QT_TRANSLATE_NOOP("AuditModel", "demo data"))}
    return labels.get(action, action)


COLUMNS = [
    ColumnSpec("", lambda: _tr(QT_TRANSLATE_NOOP("AuditModel", "When")), lambda e: local_datetime(e.occurred_at)),
    ColumnSpec("", lambda: _tr(QT_TRANSLATE_NOOP("AuditModel", "Who")), lambda e: e.user or "—"),
    ColumnSpec("", lambda: _tr(QT_TRANSLATE_NOOP("AuditModel", "Action")), lambda e: action_label(e.action)),
    ColumnSpec("", lambda: _tr(QT_TRANSLATE_NOOP("AuditModel", "Table")), lambda e: e.table),
    ColumnSpec("", lambda: _tr(QT_TRANSLATE_NOOP("AuditModel", "Record")), lambda e: e.record_uuid, tooltip=lambda e: e.record_uuid),
    ColumnSpec("", lambda: _tr(QT_TRANSLATE_NOOP("AuditModel", "Changes (old → new)")), lambda e: e.changes_text(),
               tooltip=lambda e: e.changes_text().replace("; ", "\n")),
]


class AuditModel(PagedTableModel):
    """Rows are AuditEntryDTOs; the filter is an AuditQuery set with `set_filter`."""

    def __init__(self, audit: AuditService, parent=None):
        self.filter = AuditQuery()
        super().__init__(COLUMNS, lambda _q: audit.count(self.filter),
                         lambda _q, offset, limit: audit.page(self.filter, offset, limit), parent=parent)

    def set_filter(self, query: AuditQuery) -> None:
        self.filter = query
        self.refresh()

    def entry_at(self, row: int) -> AuditEntryDTO | None:
        return self.row_at(row)
