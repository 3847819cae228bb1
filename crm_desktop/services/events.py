"""Change notifications: services publish after a commit; screens subscribe and refresh.

Pure Python so services stay free of Qt; `ui.bridge` re-emits them as Qt signals.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ContactsChanged:
    ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class FollowupsChanged:
    ids: frozenset[int]


@dataclass(frozen=True, slots=True)
class TicketChanged:
    id: int


@dataclass(frozen=True, slots=True)
class PointsChanged:
    contact_id: int


@dataclass(frozen=True, slots=True)
class DatabaseReplaced:
    """Everything changed at once: a new database was opened, restored or filled with demo data."""


Event = ContactsChanged | FollowupsChanged | TicketChanged | PointsChanged | DatabaseReplaced


class EventBus:
    def __init__(self) -> None:
        self._subscribers: list[Callable[[Event], None]] = []

    def subscribe(self, callback: Callable[[Event], None]) -> None:
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[Event], None]) -> None:
        self._subscribers.remove(callback)

    def publish(self, event: Event) -> None:
        for callback in list(self._subscribers):
            callback(event)
