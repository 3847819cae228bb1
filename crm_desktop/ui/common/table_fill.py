"""Filling a QTableWidget with many rows at once; a few rows' columns sized to their text."""

from collections.abc import Sequence

from PySide6.QtWidgets import QHeaderView, QTableView, QTableWidget, QTableWidgetItem


def fill_rows(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """The table showing these rows of texts, one item per cell. Its columns keep their widths while
    the items are set and are sized to the contents once at the end: a header sizing columns to
    their contents otherwise measures every row again for each item set (200 rows of 8 columns took
    seconds to show again)."""
    header = table.horizontalHeader()
    modes = [header.sectionResizeMode(c) for c in range(table.columnCount())]
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.setUpdatesEnabled(False)
    try:
        table.clearContents()
        table.setRowCount(len(rows))
        for row, cells in enumerate(rows):
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
    finally:
        for column, mode in enumerate(modes):
            header.setSectionResizeMode(column, mode)
        table.setUpdatesEnabled(True)


def fit_columns(view: QTableView, widest: int) -> None:
    """The view's columns as wide as their header and rows (a preview's few: every row is measured),
    none wider than `widest` pixels, so one long address does not push the others out of sight."""
    view.resizeColumnsToContents()
    for column in range(view.model().columnCount()):
        view.setColumnWidth(column, min(view.columnWidth(column), widest))
