"""All services over one database, built once by the composition root."""

from dataclasses import dataclass

from crm_desktop.services.contacts import ContactService
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dashboard import DashboardService
from crm_desktop.services.followups import FollowupService
from crm_desktop.services.loyalty import LoyaltyService
from crm_desktop.services.tickets import TicketService
from crm_desktop.services.users import UserService


@dataclass(frozen=True)
class Services:
    ctx: ServiceContext
    contacts: ContactService
    followups: FollowupService
    tickets: TicketService
    loyalty: LoyaltyService
    dashboard: DashboardService
    users: UserService

    @classmethod
    def build(cls, ctx: ServiceContext) -> "Services":
        return cls(ctx, ContactService(ctx), FollowupService(ctx), TicketService(ctx), LoyaltyService(ctx),
                   DashboardService(ctx), UserService(ctx))

    @property
    def bus(self):
        return self.ctx.bus
