"""The agenda list: follow-ups of the selected day (or all overdue ones), sorted in SQL."""

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

from crm_desktop.domain.enums import FollowupStatus
from crm_desktop.services.followups import FollowupService
from crm_desktop.ui.common.formatting import local_datetime
from crm_desktop.ui.common.labels import followup_kind_label, followup_status_label
from crm_desktop.ui.common.table_model import ColumnSpec, PagedTableModel

DONE = QColor("#7f8c8d")


def _t(text: str) -> str:
    return QCoreApplication.translate("AgendaModel", text)


class Column(IntEnum):
    DUE = 0
    CONTACT = 1
    KIND = 2
    TITLE = 3
    STATUS = 4
    OWNER = 5


COLUMNS = [
    ColumnSpec("due", lambda: _t(QT_TRANSLATE_NOOP("AgendaModel", "Due")), lambda f: local_datetime(f.due_at)),
    ColumnSpec("contact", lambda: _t(QT_TRANSLATE_NOOP("AgendaModel", "Customer")), lambda f: f.contact_name),
    ColumnSpec("kind", lambda: _t(QT_TRANSLATE_NOOP("AgendaModel", "Type")),
               lambda f: followup_kind_label(f.draft.kind)),
    ColumnSpec("title", lambda: _t(QT_TRANSLATE_NOOP("AgendaModel", "Title")), lambda f: f.draft.title),
    ColumnSpec("status", lambda: _t(QT_TRANSLATE_NOOP("AgendaModel", "Status")),
               lambda f: followup_status_label(f.status),
               foreground=lambda f: DONE if f.status != FollowupStatus.PLANNED else None),
    ColumnSpec("owner", lambda: _t(QT_TRANSLATE_NOOP("AgendaModel", "Owner")), lambda f: f.owner),
]
COLUMN_WIDTHS = [17, 10, 9, 12, 8, 9]


def make_model(service: FollowupService, parent=None) -> PagedTableModel:
    return PagedTableModel(COLUMNS, service.count, service.page, parent=parent)
