"""The ticket board: a column per status, cards moved by dropping them on another column; attachments
and the purchase a ticket is about."""

from dataclasses import replace

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent

from crm_desktop.domain.enums import TicketCategory, TicketStatus
from crm_desktop.services.dto import ContactDraft, ListQuery, TicketDraft
from crm_desktop.ui.tickets.board import ID_ROLE


def _cards(board, status) -> list[int]:
    column = board.columns[status]
    return [column.item(r).data(ID_ROLE) for r in range(column.count())]


def _drop(board, ticket_id: int, source: TicketStatus, target: TicketStatus) -> None:
    """What a drag from one column to another delivers: the source's drag data dropped on the target."""
    src = board.columns[source]
    item = next(src.item(r) for r in range(src.count()) if src.item(r).data(ID_ROLE) == ticket_id)
    mime = src.mimeData([item])
    dst = board.columns[target]
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dst.dropEvent(event)


def _tickets(services, n=2):
    contact = services.contacts.create(ContactDraft(name="王芳", phone="13900139000"))
    return [services.tickets.create(TicketDraft(contact.id, TicketCategory.REPAIR, f"净化器异响 {i}")) for i in range(n)]


def test_board_counts_and_newest_cards_per_status(services):
    first, second = _tickets(services, 3)[:2]
    services.tickets.change_status(second.id, TicketStatus.IN_PROGRESS)
    columns = {c.status: c for c in services.tickets.board(ListQuery(), per_column=1)}
    assert [c.status for c in services.tickets.board(ListQuery())] == list(TicketStatus)
    assert columns[TicketStatus.NEW].total == 2 and len(columns[TicketStatus.NEW].tickets) == 1
    assert columns[TicketStatus.IN_PROGRESS].tickets[0].id == second.id
    assert columns[TicketStatus.IN_PROGRESS].tickets[0].sla is not None
    assert columns[TicketStatus.CLOSED].total == 0
    text = services.tickets.board(ListQuery(text="异响 0"))
    assert sum(c.total for c in text) == 1 and first.id in {t.id for c in text for t in c.tickets}


def test_dropping_a_card_moves_the_ticket_and_an_illegal_move_is_refused(qtbot, db_path, services, open_window,
                                                                          notifier):
    ticket, other = _tickets(services)
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.tickets)
    tab = window.tickets
    tab.show_board(True)
    board = tab.board
    assert board.isVisible() and not tab.page.table.isVisible()
    qtbot.waitUntil(lambda: set(_cards(board, TicketStatus.NEW)) == {ticket.id, other.id})
    assert "(2)" in board.titles[TicketStatus.NEW].text()

    _drop(board, ticket.id, TicketStatus.NEW, TicketStatus.IN_PROGRESS)
    qtbot.waitUntil(lambda: _cards(board, TicketStatus.IN_PROGRESS) == [ticket.id])
    assert services.tickets.get(ticket.id).status == TicketStatus.IN_PROGRESS
    assert _cards(board, TicketStatus.NEW) == [other.id]

    _drop(board, ticket.id, TicketStatus.IN_PROGRESS, TicketStatus.CLOSED)  # in progress → closed: not allowed
    qtbot.waitUntil(lambda: not tab._board.busy)
    assert services.tickets.get(ticket.id).status == TicketStatus.IN_PROGRESS
    assert _cards(board, TicketStatus.IN_PROGRESS) == [ticket.id] and _cards(board, TicketStatus.CLOSED) == []
    assert any("cannot go from In progress to Closed" in m for _, m in notifier.messages)

    board.columns[TicketStatus.IN_PROGRESS].setCurrentRow(0)
    assert tab.detail.isVisible()
    tab.show_board(False)
    assert tab.page.table.isVisible() and not board.isVisible()


def test_attach_open_and_remove_a_file(qtbot, db_path, services, open_window, tmp_path):
    ticket = _tickets(services, 1)[0]
    photo = tmp_path / "故障照片.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + bytes(range(256)) * 40)
    window = open_window(db_path)
    window.tabs.setCurrentWidget(window.tickets)
    tab = window.tickets
    opened = []
    tab.attachment_actions.choose_file = lambda: str(photo)
    tab.attachment_actions.open_with_system = opened.append
    tab.page.table.selectRow(0)
    box = tab.detail.attachments
    box.add_button.click()
    assert box.list.count() == 1 and box.list.item(0).text().startswith("故障照片.jpg")
    stored = services.attachments.of_ticket(ticket.id)
    assert [(a.filename, a.media_type, a.size_bytes) for a in stored] == [("故障照片.jpg", "image/jpeg", 10243)]

    box.list.setCurrentRow(0)
    box.open_button.click()
    assert len(opened) == 1 and opened[0].read_bytes() == photo.read_bytes()

    box.remove_button.click()
    assert box.list.count() == 0 and services.attachments.of_ticket(ticket.id) == []


def test_a_missing_or_oversized_file_is_refused_and_nothing_is_stored(services, tmp_path, monkeypatch):
    import pytest

    from crm_desktop.domain.errors import ValidationError
    from crm_desktop.services import attachments

    ticket = _tickets(services, 1)[0]
    with pytest.raises(ValidationError, match="cannot be read"):
        services.attachments.attach(ticket.id, tmp_path / "nope.pdf")
    big = tmp_path / "big.bin"
    big.write_bytes(b"x" * 2000)
    monkeypatch.setattr(attachments, "MAX_ATTACHMENT_BYTES", 1000)
    with pytest.raises(ValidationError, match="at most 25 MB"):
        services.attachments.attach(ticket.id, big)
    assert services.attachments.of_ticket(ticket.id) == []


def test_a_ticket_is_linked_to_one_of_the_customers_purchases(qtbot, services):
    import pytest

    from crm_desktop.domain.errors import ValidationError
    from crm_desktop.services.loyalty_dto import SaleDraft
    from crm_desktop.ui.tickets.dialogs import TicketDialog

    buyer = services.contacts.create(ContactDraft(name="赵敏", phone="13700137000"))
    other = services.contacts.create(ContactDraft(name="周芷若", phone="13600136000"))
    sale = services.purchases.record_sale(SaleDraft(buyer.id, 129_900, description="空气净化器")).purchase
    theirs = services.purchases.record_sale(SaleDraft(other.id, 5_000, description="滤芯")).purchase

    dialog = TicketDialog(services)
    qtbot.addWidget(dialog)
    assert not dialog.purchase.isEnabled()
    dialog.contact.search("赵敏")
    dialog.contact.setCurrentIndex(0)
    labels = [dialog.purchase.itemText(i) for i in range(dialog.purchase.count())]
    assert len(labels) == 2 and "空气净化器" in labels[1] and "¥1,299.00" in labels[1]
    dialog.purchase.setCurrentIndex(1)
    dialog.subject.setText("净化器异响")
    ticket = dialog.save()
    assert ticket.draft.purchase_id == sale.id
    again = TicketDialog(services, services.tickets.get(ticket.id))
    qtbot.addWidget(again)
    assert again.purchase.currentData() == sale.id

    with pytest.raises(ValidationError, match="another customer"):
        services.tickets.update(ticket.id, replace(ticket.draft, purchase_id=theirs.id))
    assert services.tickets.get(ticket.id).draft.purchase_id == sale.id
