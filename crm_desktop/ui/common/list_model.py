"""A table model over a short Python list held in memory (a dialog's rows, not a paged table)."""

from collections.abc import Iterable
from enum import IntEnum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ListTableModel(QAbstractTableModel):
    """One item a row; `columns` (an IntEnum) names the columns. Subclasses give `text(item,
    column)` and `headers()` (the translated column titles, in column order), list the numeric
    columns in `right_aligned`, and answer any other role in `extra`."""

    columns: type[IntEnum]
    right_aligned: frozenset = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._items: list = []

    def set_items(self, items: Iterable) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int):
        return self._items[row] if 0 <= row < len(self._items) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headers(self) -> tuple[str, ...]:
        raise NotImplementedError

    def text(self, item, column) -> str:
        raise NotImplementedError

    def extra(self, item, column, role: int):
        """Roles beyond the text and its alignment (colours, tool tips, ids); None by default."""
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self._items[index.row()], self.columns(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.right_aligned:
            return RIGHT
        return self.extra(item, column, role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headers()[section] if 0 <= section < len(self.columns) else None
