"""Re-emits the services' change events as Qt signals (queued to the GUI thread when needed)."""

from PySide6.QtCore import QObject, Signal

from crm_desktop.services.events import (
    ContactsChanged,
    DatabaseReplaced,
    EventBus,
    FollowupsChanged,
    PointsChanged,
    TicketChanged,
)


class EventBridge(QObject):
    contactsChanged = Signal(object)  # frozenset of ids
    followupsChanged = Signal(object)
    ticketChanged = Signal(int)
    pointsChanged = Signal(int)
    databaseReplaced = Signal()

    def __init__(self, bus: EventBus, parent: QObject | None = None):
        super().__init__(parent)
        self._bus = bus
        bus.subscribe(self._on_bus_event)

    def detach(self) -> None:
        self._bus.unsubscribe(self._on_bus_event)

    def _on_bus_event(self, event) -> None:
        match event:
            case ContactsChanged(ids=ids):
                self.contactsChanged.emit(ids)
            case FollowupsChanged(ids=ids):
                self.followupsChanged.emit(ids)
            case TicketChanged(id=ticket_id):
                self.ticketChanged.emit(ticket_id)
            case PointsChanged(contact_id=contact_id):
                self.pointsChanged.emit(contact_id)
            case DatabaseReplaced():
                self.databaseReplaced.emit()
