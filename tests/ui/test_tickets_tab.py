"""The tickets tab driven as a user would."""

from PySide6.QtWidgets import QApplication

from crm_desktop.domain.enums import TicketCategory, TicketPriority, TicketStatus
from crm_desktop.services.dto import ContactDraft, TicketDraft
from crm_desktop.ui.tickets.dialogs import TicketDialog
from crm_desktop.ui.tickets.model import Column, make_model


def _open_dialog() -> TicketDialog:
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, TicketDialog) and w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def _column(tab, column):
    m = tab.model
    return [m.data(m.index(r, column)) for r in range(m.rowCount())]


def test_open_a_ticket_move_it_trash_and_restore(qtbot, db_path, services, open_window):
    services.contacts.create(ContactDraft(name="张三", phone="13800138000"))
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.tickets)
    window.actions.new_record.trigger()
    dialog = _open_dialog()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    ok.click()
    assert dialog.isVisible()
    assert dialog.errors.text("subject") == "A subject is required."

    dialog.contact.search("张")
    dialog.contact.setCurrentIndex(0)
    dialog.subject.setText("净化器异响")
    dialog.priority.setCurrentIndex(dialog.priority.findData(TicketPriority.URGENT))
    ok.click()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    tab = window.tickets
    assert _column(tab, Column.SUBJECT) == ["净化器异响"]
    assert _column(tab, Column.STATUS) == ["New"]
    assert _column(tab, Column.PRIORITY) == ["Urgent"]

    tab.page.table.selectRow(0)
    assert tab.detail.status_buttons[TicketStatus.IN_PROGRESS].isVisibleTo(tab.detail)
    assert not tab.detail.status_buttons[TicketStatus.NEW].isVisibleTo(tab.detail)
    tab.detail.comment.setText("已联系客户")
    tab.detail.status_buttons[TicketStatus.IN_PROGRESS].click()
    assert _column(tab, Column.STATUS) == ["In progress"]
    history = [tab.detail.history.item(i).text() for i in range(tab.detail.history.count())]
    assert len(history) == 2 and "New → In progress — 已联系客户" in history[1]

    tab.page.table.selectRow(0)
    window.actions.trash.trigger()
    assert _column(tab, Column.SUBJECT) == []
    tab.show_trash(True)
    tab.page.table.selectRow(0)
    window.actions.restore.trigger()
    tab.show_trash(False)
    assert _column(tab, Column.SUBJECT) == ["净化器异响"]


def test_status_filter_open_and_closed(qtbot, db_path, services, open_window):
    c = services.contacts.create(ContactDraft(name="李四"))
    a = services.tickets.create(TicketDraft(c.id, TicketCategory.REPAIR, "A"))
    services.tickets.create(TicketDraft(c.id, TicketCategory.TRAINING, "B"))
    for status in (TicketStatus.RESOLVED, TicketStatus.CLOSED):
        services.tickets.change_status(a.id, status)
    window = open_window(db_path)
    tab = window.tickets
    window.tabs.setCurrentWidget(tab)
    tab.status_filter.setCurrentIndex(1)  # open
    assert _column(tab, Column.SUBJECT) == ["B"]
    tab.status_filter.setCurrentIndex(tab.status_filter.findData("closed"))
    assert _column(tab, Column.SUBJECT) == ["A"]
    assert "B" not in _column(tab, Column.SUBJECT)


def test_tickets_model_passes_qt_model_tester(qtmodeltester, services):
    c = services.contacts.create(ContactDraft(name="王五"))
    for i in range(230):
        services.tickets.create(TicketDraft(c.id, TicketCategory.CONSULTATION, f"问题 {i}"))
    model = make_model(services.tickets, services.ctx.now)
    model.refresh()
    qtmodeltester.check(model)
    assert model.rowCount() == 230
    assert model.data(model.index(0, Column.SUBJECT)) == "问题 229"  # newest first


def test_a_step_refused_meanwhile_is_explained_with_status_names(qtbot, db_path, services, open_window, notifier):
    c = services.contacts.create(ContactDraft(name="赵六"))
    t = services.tickets.create(TicketDraft(c.id, TicketCategory.REPAIR, "坏了"))
    window = open_window(db_path)
    tab = window.tickets
    window.tabs.setCurrentWidget(tab)
    tab.page.table.selectRow(0)
    services.tickets.change_status(t.id, TicketStatus.CLOSED)  # another window closes it meanwhile
    tab.detail.status_buttons[TicketStatus.WAITING].click()
    assert notifier.messages[-1][1] == "This ticket cannot go from Closed to Waiting for customer."
    assert services.tickets.get(t.id).status == TicketStatus.CLOSED
