"""The first rows of an import file, as a table whose headers say where each column goes.

The model holds the file's header cells, its first rows and the current mapping; it never reads
the file itself (the wizard reads it in a worker and hands the table over).
"""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from crm_desktop.interchange.source import SourceTable
from crm_desktop.ui.transfer.field_names import field_label

Index = QModelIndex | QPersistentModelIndex
PREVIEW_ROWS = 50
PREVIEW_COLUMN_MAX = 260  # pixels: a preview column's widest


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent=None, show_mapping: bool = True):
        super().__init__(parent)
        self._headers: tuple[str, ...] = ()
        self._rows: list[tuple[int, tuple[str, ...]]] = []
        self._mapping: dict[int, str] = {}
        self._show_mapping = show_mapping

    def set_table(self, table: SourceTable | None, limit: int = PREVIEW_ROWS) -> None:
        self.beginResetModel()
        self._headers = table.headers if table else ()
        self._rows = [(r.line, r.cells) for r in table.rows[:limit]] if table else []
        self._mapping = {}
        self.endResetModel()

    def set_mapping(self, mapping: dict[int, str]) -> None:
        self._mapping = dict(mapping)
        if self._headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        cells = self._rows[index.row()][1]
        text = cells[index.column()] if index.column() < len(cells) else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return text.replace("\n", " ⏎ ") if role == Qt.ItemDataRole.DisplayRole else text
        if role == Qt.ItemDataRole.ForegroundRole and self._ignored(index.column()):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(self._rows[section][0]) if 0 <= section < len(self._rows) else None
        if not 0 <= section < len(self._headers):
            return None
        return self._header_text(section)

    def _header_text(self, section: int) -> str:
        header = self._headers[section] or self.tr("Column {n}").format(n=section + 1)
        if not self._show_mapping:
            return header
        key = self._mapping.get(section)
        target = field_label(key) if key else self.tr("(ignored)")
        return f"{header}\n→ {target}" if key else f"{header}\n{target}"

    def _ignored(self, column: int) -> bool:
        return self._show_mapping and column not in self._mapping
