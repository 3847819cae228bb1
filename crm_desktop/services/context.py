"""What every service needs: the database, the event bus, the clock and who is acting."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from crm_desktop.services.events import EventBus


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    db: object  # crm_desktop.storage.database.Database
    bus: EventBus = field(default_factory=EventBus)
    clock: Callable[[], datetime] = system_clock
    user_id: int | None = None

    def now(self) -> datetime:
        return self.clock()
