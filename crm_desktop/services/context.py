"""What every service needs: the database, the event bus, the clock and who is acting."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from crm_desktop.domain.permissions import NO_ACCOUNTS, Permission, PermissionDeniedError
from crm_desktop.services.events import EventBus


def system_clock() -> datetime:
    return datetime.now(UTC)


@dataclass
class ServiceContext:
    db: object  # crm_desktop.storage.database.Database
    bus: EventBus = field(default_factory=EventBus)
    clock: Callable[[], datetime] = system_clock
    user_id: int | None = None
    # what the acting user may do (domain/permissions.py); UserService sets it with user_id
    permissions: frozenset[Permission] = NO_ACCOUNTS

    def __post_init__(self) -> None:
        """The audit trail of the database's writes names this context's user at its clock."""
        bind = getattr(self.db, "bind_actor", None)
        if bind is not None:
            bind(lambda: self.user_id, self.now)

    def now(self) -> datetime:
        return self.clock()

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        """Refuse the action (PermissionDeniedError) unless the acting user may do it."""
        if permission not in self.permissions:
            raise PermissionDeniedError("Your role does not allow this ({permission}).",
                                        permission=permission.value)

    @property
    def visible_owner(self) -> int | None:
        """The user whose own and shared contacts are all this user may see; None: every contact."""
        return None if self.can(Permission.VIEW_ALL_CONTACTS) else self.user_id
