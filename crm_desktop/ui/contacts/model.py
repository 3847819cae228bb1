"""The contacts table: columns over ContactRow, sorted in SQL by the service."""

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor

from crm_desktop.services.contacts import ContactService
from crm_desktop.ui.common.formatting import local_date, money, number
from crm_desktop.ui.common.labels import stage_label, tier_label
from crm_desktop.ui.common.table_model import ColumnSpec, PagedTableModel

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
INVALID = QColor("#c0392b")


def _t(text: str) -> str:
    return QCoreApplication.translate("ContactsModel", text)


class Column(IntEnum):
    NAME = 0
    PHONE = 1
    COMPANY = 2
    STAGE = 3
    TIER = 4
    OWNER = 5
    LAST_CONTACT = 6
    SPENT = 7
    POINTS = 8
    EMAIL = 9


COLUMNS = {
    Column.NAME: ColumnSpec("name", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Name")), lambda r: r.name),
    Column.PHONE: ColumnSpec(
        "phone", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Phone")), lambda r: r.phone,
        foreground=lambda r: INVALID if r.phone_invalid else None,
        tooltip=lambda r: _t(QT_TRANSLATE_NOOP("ContactsModel", "Not a valid phone number; kept as typed.")) if r.phone_invalid else "",
    ),
    Column.COMPANY: ColumnSpec("company", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Company")), lambda r: r.company),
    Column.STAGE: ColumnSpec("stage", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Stage")), lambda r: stage_label(r.stage)),
    Column.TIER: ColumnSpec("tier", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Tier")), lambda r: tier_label(r.tier)),
    Column.OWNER: ColumnSpec("owner", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Owner")), lambda r: r.owner),
    Column.LAST_CONTACT: ColumnSpec("last_interaction", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Last contact")),
                                    lambda r: local_date(r.last_interaction_at)),
    Column.SPENT: ColumnSpec("total_spent", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Total spent")), lambda r: money(r.total_spent_cents),
                             align=RIGHT),
    Column.POINTS: ColumnSpec("points", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Points")), lambda r: number(r.points_balance), align=RIGHT),
    Column.EMAIL: ColumnSpec("email", lambda: _t(QT_TRANSLATE_NOOP("ContactsModel", "Email")), lambda r: r.email),
}
COLUMN_WIDTHS = [17, 14, 18, 9, 9, 10, 11, 11, 7, 24]


def make_model(service: ContactService, parent=None) -> PagedTableModel:
    return PagedTableModel([COLUMNS[c] for c in Column], service.count, service.page, parent=parent)
