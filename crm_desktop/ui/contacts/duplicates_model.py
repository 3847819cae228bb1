"""The duplicate groups as a two-level tree: a group (score, reasons), then its contacts."""

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, Qt

from crm_desktop.services.dto import DuplicateContact, DuplicateGroup

CONTEXT = "DuplicatesModel"
NO_PARENT = QModelIndex()  # the invisible root, as a default argument
GROUP = 0  # internal id of a group row; a contact row holds its group's row + 1

REASONS = {
    "phone": QT_TRANSLATE_NOOP("DuplicatesModel", "same phone"),
    "email": QT_TRANSLATE_NOOP("DuplicatesModel", "same email"),
    "name": QT_TRANSLATE_NOOP("DuplicatesModel", "same name"),
    "pinyin": QT_TRANSLATE_NOOP("DuplicatesModel", "same name pinyin"),
    "company": QT_TRANSLATE_NOOP("DuplicatesModel", "same company"),
}
HEADERS = (
    QT_TRANSLATE_NOOP("DuplicatesModel", "Name"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "Phone"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "Email"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "Company"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "Score"),
    QT_TRANSLATE_NOOP("DuplicatesModel", "Why"),
)


class Column(IntEnum):
    NAME = 0
    PHONE = 1
    EMAIL = 2
    COMPANY = 3
    SCORE = 4
    REASONS = 5


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def reasons_text(reasons) -> str:
    """'same phone, same name' in the user's language."""
    return _t(QT_TRANSLATE_NOOP("DuplicatesModel", ", ")).join(_t(REASONS[r]) for r in reasons)


class DuplicateGroupsModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._groups: list[DuplicateGroup] = []

    def set_groups(self, groups: list[DuplicateGroup]) -> None:
        self.beginResetModel()
        self._groups = list(groups)
        self.endResetModel()

    def group_at(self, index: QModelIndex) -> DuplicateGroup | None:
        """The group of a group row or of one of its contact rows."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == GROUP else index.internalId() - 1
        return self._groups[row]

    # --- the tree -------------------------------------------------------------------------------
    def index(self, row: int, column: int, parent=NO_PARENT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, GROUP if not parent.isValid() else parent.row() + 1)

    def parent(self, child=None):
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, GROUP)

    def rowCount(self, parent=NO_PARENT) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == GROUP and parent.column() == 0:
            return len(self._groups[parent.row()].contacts)
        return 0

    def columnCount(self, parent=NO_PARENT) -> int:
        return len(Column)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        group = self.group_at(index)
        if index.internalId() == GROUP:
            return _group_text(group, Column(index.column()))
        return _contact_text(group.contacts[index.row()], Column(index.column()))

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return _t(HEADERS[section])
        return None


def _group_text(group: DuplicateGroup, column: Column) -> str:
    match column:
        case Column.NAME:
            return _t(QT_TRANSLATE_NOOP("DuplicatesModel", "%1 contacts")).replace("%1", str(len(group.contacts)))
        case Column.SCORE:
            return str(group.score)
        case Column.REASONS:
            return reasons_text(group.reasons)
    return ""


def _contact_text(contact: DuplicateContact, column: Column) -> str:
    values = {Column.NAME: contact.name, Column.PHONE: contact.phone, Column.EMAIL: contact.email,
              Column.COMPANY: contact.company}
    return values.get(column, "")
