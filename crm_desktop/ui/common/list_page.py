"""The list every tab shows: search box, trash toggle, extra filters, a sortable lazy table."""

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.ui.common.table_model import PagedTableModel

SEARCH_DELAY_MS = 250


class ListPage(QWidget):
    currentIdChanged = Signal(object)  # int | None
    activated = Signal(int)  # double-click or Enter on a row

    def __init__(self, model: PagedTableModel, *, table_name: str, search_name: str, sort_column: int = 0,
                 descending: bool = False, search_sort: str = "", parent=None):
        super().__init__(parent)
        self.model = model
        # the service's "best matches first" order, used while a search is typed until a column
        # header is clicked ("" : a search keeps the column's order)
        self._search_sort, self._column_chosen = search_sort, False
        self.search = QLineEdit(objectName=search_name, clearButtonEnabled=True)
        self.trash_toggle = QCheckBox(objectName=f"{table_name}TrashToggle")
        self.filters = QHBoxLayout()
        self.table = QTableView(objectName=table_name)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._refreshing = False
        self._sort = (sort_column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
        self._build()
        self._connect_signals()

    def _build(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addLayout(self.filters)
        bar.addWidget(self.trash_toggle)
        t = self.table
        t.setModel(self.model)
        t.horizontalHeader().setSortIndicator(*self._sort)
        t.setSortingEnabled(True)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(t.fontMetrics().height() + 10)
        t.horizontalHeader().setStretchLastSection(True)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(t)

    def _connect_signals(self) -> None:
        self.search.returnPressed.connect(self._on_search_returnPressed)
        self.search.textChanged.connect(self._on_search_textChanged)
        self._timer.timeout.connect(self.apply_search)
        self.trash_toggle.toggled.connect(self._on_trash_toggle_toggled)
        self.table.doubleClicked.connect(self._on_table_doubleClicked)
        self.table.horizontalHeader().sectionClicked.connect(self._on_header_sectionClicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_selection_currentRowChanged)
        self.model.modelReset.connect(self._on_model_modelReset)

    def set_column_widths(self, widths: list[int]) -> None:
        """Widths in characters of the current font (a CJK character counts as two)."""
        char = self.table.fontMetrics().averageCharWidth()
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width * char + 16)

    # --- state -------------------------------------------------------------------------------
    @property
    def showing_trash(self) -> bool:
        return self.trash_toggle.isChecked()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        ids = [self.model.id_at(r) for r in rows]
        return [i for i in ids if i is not None] or ([self.current_id()] if self.current_id() else [])

    def select_id(self, record_id: int) -> None:
        row = self.model.row_of_id(record_id)
        if row >= 0:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
        )

    def apply_search(self) -> None:
        """Read with the search box and trash toggle as they are now (also the tab's first read)."""
        self._timer.stop()
        query = replace(self.model.query, text=self.search.text().strip(), trashed=self.showing_trash)
        self.model.set_query(self._ranked_or_column(query) if self._search_sort else query)
        if not self.model.loaded:
            self.model.refresh()

    def _ranked_or_column(self, query):
        """While searching, best matches first, unless a column header was clicked; without a
        search, the order of the header's column again."""
        header = self.table.horizontalHeader()
        if query.text and not self._column_chosen:
            header.setSortIndicatorShown(False)
            return replace(query, sort=self._search_sort, descending=False)
        if not query.text:
            self._column_chosen = False
            header.setSortIndicatorShown(True)
            key = self.model.sort_key_of(header.sortIndicatorSection())
            if query.sort == self._search_sort and key:
                descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
                return replace(query, sort=key, descending=descending)
        return query

    def _on_header_sectionClicked(self, _section: int) -> None:
        """A column chosen by hand orders the list, searching or not."""
        self._column_chosen = True
        self.table.horizontalHeader().setSortIndicatorShown(True)

    def set_filter(self, key: str, value) -> None:
        filters = dict(self.model.query.filters)
        if value in (None, ""):
            filters.pop(key, None)
        else:
            filters[key] = value
        self.model.set_query(replace(self.model.query, filters=tuple(sorted(filters.items()))))

    def refresh(self) -> None:
        """Read again, keeping the current record selected when it is still listed."""
        keep_id, keep_row = self.current_id(), self.table.currentIndex().row()
        self._refreshing = True
        try:
            self.model.refresh()
        finally:
            self._refreshing = False
        if keep_id is None:
            return
        row = keep_row if self.model.id_at(keep_row) == keep_id else self.model.row_of_id(keep_id)
        if row >= 0:
            self._select_row(row)
        else:
            self.currentIdChanged.emit(None)

    # --- slots -------------------------------------------------------------------------------
    def _on_search_returnPressed(self) -> None:
        self.apply_search()

    def _on_search_textChanged(self, _text: str) -> None:
        self._timer.start()

    def _on_trash_toggle_toggled(self, _checked: bool) -> None:
        self.apply_search()

    def _on_table_doubleClicked(self, index) -> None:
        record_id = self.model.id_at(index.row())
        if record_id is not None:
            self.activated.emit(record_id)

    def _on_selection_currentRowChanged(self, current, _previous) -> None:
        self.currentIdChanged.emit(self.model.id_at(current.row()) if current.isValid() else None)

    def _on_model_modelReset(self) -> None:
        if not self._refreshing:
            self.currentIdChanged.emit(None)


def side_by_side(owner: QWidget, left: QWidget, right: QWidget, sizes: tuple[int, int] = (820, 440)) -> QSplitter:
    """Lay `left` and `right` out in `owner` with a draggable divider (list beside its detail).
    The detail scrolls when the window is shorter than it, rather than setting the window's
    minimum height."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(right)
    bar = scroll.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
    scroll.setMinimumWidth(right.minimumSizeHint().width() + bar)  # only the height scrolls
    splitter.addWidget(scroll)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    splitter.setSizes(list(sizes))
    layout = QHBoxLayout(owner)
    layout.addWidget(splitter)
    return splitter
