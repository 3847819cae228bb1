"""All services over one database, built once by the composition root."""

from dataclasses import dataclass

from crm_desktop.services.calendar_transfer import CalendarTransferService
from crm_desktop.services.care import CareService
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dashboard import DashboardService
from crm_desktop.services.data_settings import DataSettingsService
from crm_desktop.services.duplicates import DuplicateService
from crm_desktop.services.exporting import ExportService
from crm_desktop.services.followups import FollowupService
from crm_desktop.services.importing import ImportService
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
    duplicates: DuplicateService
    imports: ImportService
    exports: ExportService
    calendar_transfer: CalendarTransferService
    care: CareService
    data_settings: DataSettingsService

    @classmethod
    def build(cls, ctx: ServiceContext) -> "Services":
        return cls(ctx, contacts=ContactService(ctx), followups=FollowupService(ctx), tickets=TicketService(ctx),
                   loyalty=LoyaltyService(ctx), dashboard=DashboardService(ctx), users=UserService(ctx),
                   duplicates=DuplicateService(ctx), imports=ImportService(ctx), exports=ExportService(ctx),
                   calendar_transfer=CalendarTransferService(ctx), care=CareService(ctx),
                   data_settings=DataSettingsService(ctx))

    @property
    def bus(self):
        return self.ctx.bus
