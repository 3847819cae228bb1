"""A table model over a service's paged list: row ids and DTOs fetched a page at a time.

Only the rows on screen are read (a windowed cache of pages keyed by row offset), so a table of a
million rows opens at once and scrolls anywhere. Sorting is done by the service, in SQL.
"""

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication

from crm_desktop.services.dto import ListQuery

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ColumnSpec:
    sort_key: str  # the service's sort name; "" when the column cannot be sorted
    header: Callable[[], str]  # translated at display time
    display: Callable[[Any], str]
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    foreground: Callable[[Any], Any] | None = None  # -> QColor | None
    tooltip: Callable[[Any], str] | None = None


class PagedTableModel(QAbstractTableModel):
    # A page is about two screens of rows: a search or a jump shows its rows after reading one or
    # two pages, and building 200 rows a time for the 25 on screen cost more than painting them.
    PAGE_SIZE = 64
    MAX_PAGES = 120  # about 7,700 rows kept

    def __init__(
        self,
        columns: Sequence[ColumnSpec],
        count: Callable[[ListQuery], int],
        fetch: Callable[[ListQuery, int, int], list],
        row_id: Callable[[Any], int] = lambda row: row.id,
        parent=None,
    ):
        super().__init__(parent)
        self._columns = list(columns)
        self._count, self._fetch, self._row_id = count, fetch, row_id
        self._query = ListQuery(sort=self._columns[0].sort_key)
        self._total = 0
        self._loaded = False
        self._pages: OrderedDict[int, list] = OrderedDict()

    # --- queries ---------------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def loaded(self) -> bool:
        return self._loaded

    def set_query_silently(self, **changes) -> None:
        """Change the query without reading (the next refresh uses it)."""
        self._query = replace(self._query, **changes)

    def set_query(self, query: ListQuery) -> None:
        """Use `query`; read at once once the model has been loaded, else at the first refresh."""
        if query == self._query and self._loaded:
            return
        self._query = query
        if self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        self.beginResetModel()
        self._pages.clear()
        self._total = self._count(self._query)
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._total = 0
        self.endResetModel()

    # --- rows ------------------------------------------------------------------------------
    def row_at(self, row: int):
        if not 0 <= row < self._total:
            return None
        page_no, offset = divmod(row, self.PAGE_SIZE)
        page = self._page(page_no)
        return page[offset] if offset < len(page) else None

    def id_at(self, row: int) -> int | None:
        item = self.row_at(row)
        return None if item is None else self._row_id(item)

    def row_of_id(self, record_id: int) -> int:
        """The row showing `record_id` among the pages already read, or -1."""
        for page_no, page in self._pages.items():
            for offset, item in enumerate(page):
                if self._row_id(item) == record_id:
                    return page_no * self.PAGE_SIZE + offset
        return -1

    def _page(self, page_no: int) -> list:
        if page_no in self._pages:
            self._pages.move_to_end(page_no)
            return self._pages[page_no]
        rows = self._fetch(self._query, page_no * self.PAGE_SIZE, self.PAGE_SIZE)
        self._pages[page_no] = rows
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    # --- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        spec = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.display(item)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return spec.align
        if role == Qt.ItemDataRole.ForegroundRole and spec.foreground:
            return spec.foreground(item)
        if role == Qt.ItemDataRole.ToolTipRole and spec.tooltip:
            return spec.tooltip(item)
        if role == Qt.ItemDataRole.UserRole:
            return self._row_id(item)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].header()
        return None

    def sort_key_of(self, column: int) -> str:
        """The service's sort name of a column ("" when it cannot be sorted)."""
        return self._columns[column].sort_key if 0 <= column < len(self._columns) else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns) or not self._columns[column].sort_key:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.set_query(replace(self._query, sort=self._columns[column].sort_key, descending=descending))
            if self._loaded and self._total:
                # read now, under the wait cursor, rather than at the next paint under the arrow: the
                # first page in a new order may take a moment (a million contacts by company: 0.4 s)
                self._page(0)
        finally:
            QGuiApplication.restoreOverrideCursor()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
