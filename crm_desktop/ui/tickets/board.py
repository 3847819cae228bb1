"""The ticket board: a column per status, a card per ticket; dragging a card to another column asks
the service to move the ticket there (the workflow's rules decide, as in the list)."""

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.enums import TicketStatus
from crm_desktop.services.dto import BoardColumn, TicketDTO
from crm_desktop.ui.common.labels import priority_label, ticket_status_label
from crm_desktop.ui.tickets.model import PRIORITY_COLOURS
from crm_desktop.ui.tickets.sla_format import sla_colour, sla_text, sla_tooltip

MIME_TYPE = "application/x-zhanggui-ticket-ids"
ID_ROLE = Qt.ItemDataRole.UserRole


def encode_ids(ids) -> QMimeData:
    mime = QMimeData()
    mime.setData(MIME_TYPE, QByteArray(",".join(str(i) for i in ids).encode()))
    return mime


def decode_ids(mime: QMimeData) -> list[int]:
    if not mime.hasFormat(MIME_TYPE):
        return []
    text = bytes(mime.data(MIME_TYPE).data()).decode()
    return [int(part) for part in text.split(",") if part.isdigit()]


class StatusColumn(QListWidget):
    """One status's cards. Drops carry ticket ids; the column reports them and changes nothing
    itself: the board is read again from the service after the move."""

    dropped = Signal(list, object)  # ticket ids, TicketStatus

    def __init__(self, status: TicketStatus, parent=None):
        super().__init__(parent, objectName=f"ticketBoard_{status.value}")
        self.status = status
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(3)
        self.setMinimumWidth(60)  # five columns must not make the window wider than a laptop screen
        self.setAlternatingRowColors(True)

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, items) -> QMimeData:
        return encode_ids(item.data(ID_ROLE) for item in items)

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def dragEnterEvent(self, event) -> None:
        if decode_ids(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if decode_ids(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        ids = [i for i in decode_ids(event.mimeData()) if self._find(i) is None]
        event.setDropAction(Qt.DropAction.IgnoreAction)  # never let Qt move or delete items itself
        event.accept()
        if ids:
            self.dropped.emit(ids, self.status)

    def _find(self, ticket_id: int) -> QListWidgetItem | None:
        for row in range(self.count()):
            if self.item(row).data(ID_ROLE) == ticket_id:
                return self.item(row)
        return None

    def show_tickets(self, tickets: tuple[TicketDTO, ...]) -> None:
        self.clear()
        for ticket in tickets:
            self.addItem(_card(ticket))


def _card(t: TicketDTO) -> QListWidgetItem:
    lines = [f"{t.number}  {t.draft.subject}", f"{t.contact_name} · {priority_label(t.draft.priority)}"]
    clock = sla_text(t.sla) if t.status != TicketStatus.CLOSED else ""
    if clock:
        lines.append(clock)
    item = QListWidgetItem("\n".join(lines))
    item.setData(ID_ROLE, t.id)
    item.setToolTip("\n".join(filter(None, (t.assignee, sla_tooltip(t.sla)))))
    colour = sla_colour(t.sla) if clock else None
    colour = colour or PRIORITY_COLOURS.get(t.draft.priority)
    if colour is not None:
        item.setForeground(QBrush(colour))
    return item


class TicketBoard(QWidget):
    moveRequested = Signal(int, object)  # ticket id, TicketStatus
    currentIdChanged = Signal(object)  # int | None
    activated = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent, objectName="ticketBoard")
        self.columns = {status: StatusColumn(status) for status in TicketStatus}
        self.titles = {status: QLabel(objectName=f"ticketBoardTitle_{status.value}", wordWrap=True)
                       for status in TicketStatus}
        self._totals = dict.fromkeys(TicketStatus, 0)
        self._shown = dict.fromkeys(TicketStatus, 0)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for status, column in self.columns.items():
            box = QVBoxLayout()
            box.addWidget(self.titles[status])
            box.addWidget(column, 1)
            layout.addLayout(box, 1)
            column.dropped.connect(self._on_column_dropped)
            column.currentItemChanged.connect(self._on_column_currentItemChanged)
            column.itemActivated.connect(self._on_column_itemActivated)
        self.retranslate()

    def set_editable(self, editable: bool) -> None:
        """Without the permission to move tickets, cards cannot be dragged between columns."""
        mode = QAbstractItemView.DragDropMode.DragDrop if editable else QAbstractItemView.DragDropMode.NoDragDrop
        for column in self.columns.values():
            column.setDragDropMode(mode)

    def show_columns(self, columns: list[BoardColumn]) -> None:
        for col in columns:
            self.columns[col.status].show_tickets(col.tickets)
            self._totals[col.status], self._shown[col.status] = col.total, len(col.tickets)
        self.retranslate()

    def retranslate(self) -> None:
        for status, label in self.titles.items():
            total, shown = self._totals[status], self._shown[status]
            label.setText(self.tr("{status} ({count})").format(status=ticket_status_label(status), count=total))
            label.setToolTip(self.tr("The newest {n} are shown").format(n=shown) if shown < total else "")

    def current_id(self) -> int | None:
        for column in self.columns.values():
            if column.hasFocus() and column.currentItem() is not None:
                return column.currentItem().data(ID_ROLE)
        return None

    # --- slots ----------------------------------------------------------------------------------
    def _on_column_dropped(self, ids: list, status) -> None:
        for ticket_id in ids:
            self.moveRequested.emit(ticket_id, status)

    def _on_column_currentItemChanged(self, current, _previous) -> None:
        if current is not None:
            self.currentIdChanged.emit(current.data(ID_ROLE))

    def _on_column_itemActivated(self, item) -> None:
        self.activated.emit(item.data(ID_ROLE))
