"""The contacts tab driven as a user would: dialog, table, trash, restore, detail pane."""

from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from crm_desktop.domain.enums import LifecycleStage
from crm_desktop.services.dto import ContactDraft
from crm_desktop.ui.contacts.dialogs import ContactDialog


def _dialog(window) -> ContactDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ContactDialog) and w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _names(tab) -> list[str]:
    model = tab.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_add_contact_through_dialog_then_trash_and_restore(qtbot, db_path, open_window):
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.contacts)
    window.actions.new_record.trigger()
    dialog = _dialog(window)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible(), "a contact without a name must not be saved"
    assert dialog.errors.text("name") == "A name is required."

    dialog.name.setText("  王芳 ")
    dialog.phone.setText("138 0013 8000")
    dialog.company.setText("掌柜科技有限公司")
    dialog.stage.setCurrentIndex(dialog.stage.findData(LifecycleStage.CUSTOMER))
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert _names(window.contacts) == ["王芳"]
    assert window.contacts.model.data(window.contacts.model.index(0, 1)) == "138 0013 8000"

    window.contacts.page.table.selectRow(0)
    window.actions.trash.trigger()
    assert _names(window.contacts) == []
    window.contacts.show_trash(True)
    assert _names(window.contacts) == ["王芳"]
    window.contacts.page.table.selectRow(0)
    window.actions.restore.trigger()
    assert _names(window.contacts) == []
    window.contacts.show_trash(False)
    assert _names(window.contacts) == ["王芳"]


def test_search_box_enter_filters_by_pinyin_initials(qtbot, db_path, open_window, db, services):
    for name in ("张三", "李四", "John Smith"):
        services.contacts.create(ContactDraft(name=name))
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.contacts)
    search = window.findChild(type(window.contacts.page.search), "contactSearch")
    search.setText("zs")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert _names(window.contacts) == ["张三"]
    search.setText("smith")
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert _names(window.contacts) == ["John Smith"]


def test_a_search_lists_best_matches_first_until_a_column_is_chosen(qtbot, db_path, open_window, services):
    for name in ("阿张三", "张三丰", "张三", "李四", "张三华"):  # by name (pinyin) 阿张三 would come first
        services.contacts.create(ContactDraft(name=name))
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.contacts)
    page = window.contacts.page
    header = page.table.horizontalHeader()
    page.search.setText("张三")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert _names(window.contacts) == ["张三", "张三丰", "张三华", "阿张三"]  # exact, starting with it, the rest
    assert not header.isSortIndicatorShown()

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_centre(header, 0))
    qtbot.waitUntil(lambda: window.contacts.model.query.sort != "relevance")
    assert header.isSortIndicatorShown()
    by_column = _names(window.contacts)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter again keeps the column chosen
    assert _names(window.contacts) == by_column and window.contacts.model.query.sort != "relevance"

    page.search.clear()
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert len(_names(window.contacts)) == 5 and window.contacts.model.query.sort != "relevance"
    page.search.setText("张三")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # a new search after clearing ranks again
    assert _names(window.contacts)[0] == "张三" and window.contacts.model.query.sort == "relevance"


def _section_centre(header, section: int):
    from PySide6.QtCore import QPoint

    return QPoint(header.sectionViewportPosition(section) + header.sectionSize(section) // 2, header.height() // 2)


def test_detail_pane_logs_an_interaction(qtbot, db_path, open_window, services):
    contact = services.contacts.create(ContactDraft(name="赵六"))
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.contacts)
    window.contacts.page.table.selectRow(0)
    detail = window.contacts.detail
    assert detail.title.text() == "赵六"
    qtbot.mouseClick(detail.log_button, Qt.MouseButton.LeftButton)
    assert detail.log_error.text() == "Write what happened."
    detail.log_summary.setPlainText("电话沟通，客户有意向")
    qtbot.mouseClick(detail.log_button, Qt.MouseButton.LeftButton)
    assert "电话沟通" in detail.timeline.item(0).text()
    assert services.contacts.detail(contact.id).timeline[0].summary == "电话沟通，客户有意向"


def test_contacts_model_passes_qt_model_tester(qtmodeltester, services):
    from crm_desktop.ui.contacts.model import make_model

    for i in range(250):
        services.contacts.create(ContactDraft(name=f"客户{i}", phone=f"1380013{i:04d}"))
    model = make_model(services.contacts)
    model.refresh()
    qtmodeltester.check(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 250
    assert model.data(model.index(249, 0)) is not None


def test_sorting_reads_the_first_page_at_once_under_the_wait_cursor(qapp):
    from PySide6.QtGui import QGuiApplication

    from crm_desktop.ui.common.table_model import ColumnSpec, PagedTableModel

    reads = []

    def fetch(query, offset, limit):
        cursor = QGuiApplication.overrideCursor()
        reads.append((query.sort, query.descending, offset, cursor.shape() if cursor else None))
        return [SimpleNamespace(id=i, name=f"c{i}") for i in range(offset, min(offset + limit, 300))]

    model = PagedTableModel([ColumnSpec("name", lambda: "Name", lambda r: r.name),
                             ColumnSpec("company", lambda: "Company", lambda r: r.name)], lambda q: 300, fetch)
    model.refresh()
    assert reads == []  # nothing read before a row is asked for
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert reads == [("company", True, 0, Qt.CursorShape.WaitCursor)]
    assert QGuiApplication.overrideCursor() is None
    assert model.data(model.index(0, 0)) == "c0" and len(reads) == 1  # the paint finds the page read
