"""Settings that belong to the data rather than to one PC (points rules, SLA targets, margins,
retention): every app instance on the same database sees the same values.

Values are JSON (numbers, text, lists, objects). Each area keeps its own key names and turns the
stored value into its typed rules, falling back to its defaults for a missing or unreadable value.
Anyone reads them; changing them needs MANAGE_SETTINGS.
"""

from crm_desktop.domain.permissions import Permission
from crm_desktop.services.context import ServiceContext


class DataSettingsService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def get(self, key: str, default=None):
        with self._ctx.db.reading() as uow:
            return uow.app_settings.get(key, default)

    def all(self) -> dict[str, object]:
        with self._ctx.db.reading() as uow:
            return uow.app_settings.all()

    def put(self, key: str, value) -> None:
        self.put_many({key: value})

    def put_many(self, values: dict[str, object]) -> None:
        """Store several values in one transaction: all or none are saved."""
        self._ctx.require(Permission.MANAGE_SETTINGS)
        now = self._ctx.now()
        with self._ctx.db.writing() as uow:
            for key, value in values.items():
                uow.app_settings.put(key, value, now)
