"""Tables filled at once: rows replaced whole, columns still sized to their contents."""

from PySide6.QtWidgets import QHeaderView, QTableWidget

from crm_desktop.ui.common.table_fill import fill_rows

FIT, STRETCH = QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch


def _table(qtbot) -> QTableWidget:
    table = QTableWidget(0, 3)
    qtbot.addWidget(table)
    table.horizontalHeader().setSectionResizeMode(FIT)
    table.horizontalHeader().setSectionResizeMode(2, STRETCH)
    table.resize(900, 400)
    table.show()
    qtbot.waitExposed(table)
    return table


def test_a_refill_replaces_every_row_and_sizes_the_columns_to_the_new_texts(qtbot):
    table = _table(qtbot)
    fill_rows(table, [(f"客户 {i}", str(i), "原因") for i in range(200)])
    narrow = table.columnWidth(0)
    long_name = "一位名字很长很长很长很长很长很长的客户"
    fill_rows(table, [(long_name, "7", "新的原因"), ("王芳", "3", "")])
    assert table.rowCount() == 2
    assert [table.item(r, 0).text() for r in range(2)] == [long_name, "王芳"]
    assert table.item(0, 2).text() == "新的原因" and table.item(1, 2).text() == ""
    assert table.columnWidth(0) > narrow
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance(long_name)


def test_the_columns_keep_their_resize_modes_and_updates_come_back(qtbot):
    table = _table(qtbot)
    fill_rows(table, [("a", "b", "c")])
    header = table.horizontalHeader()
    assert [header.sectionResizeMode(c) for c in range(3)] == [FIT, FIT, STRETCH]
    assert table.updatesEnabled()
    fill_rows(table, [])
    assert table.rowCount() == 0
