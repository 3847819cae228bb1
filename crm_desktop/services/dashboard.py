"""The dashboard's figures, computed in one read transaction."""

from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import DashboardSummary
from crm_desktop.services.followups import local_day_bounds
from crm_desktop.services.mapping import followup_dto


class DashboardService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def summary(self) -> DashboardSummary:
        now = self._ctx.now()
        start, end = local_day_bounds(now.astimezone().date())
        with self._ctx.db.reading() as uow:
            by_stage = uow.contacts.count_by("stage")
            return DashboardSummary(
                by_stage=by_stage,
                by_tier=uow.contacts.count_by_tier(),
                followups_today=tuple(followup_dto(r) for r in uow.followups.due_between(start, end)),
                followups_overdue=uow.followups.count_overdue(now),
                overdue=tuple(followup_dto(r) for r in uow.followups.overdue(now, limit=50)),
                open_tickets_by_status=uow.tickets.count_by_status(),
                contacts_total=sum(by_stage.values()),
                computed_at=now,
            )


