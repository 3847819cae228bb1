"""All services over one database, built once by the composition root."""

from dataclasses import dataclass, replace

from crm_desktop.domain.permissions import Permission
from crm_desktop.services.analytics import AnalyticsService
from crm_desktop.services.analytics_settings import AnalyticsSettingsService
from crm_desktop.services.attachments import AttachmentService
from crm_desktop.services.audit import AuditService
from crm_desktop.services.calendar_transfer import CalendarTransferService
from crm_desktop.services.care import CareService
from crm_desktop.services.churn import ChurnService
from crm_desktop.services.contacts import ContactService
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dashboard import DashboardService
from crm_desktop.services.data_settings import DataSettingsService
from crm_desktop.services.duplicates import DuplicateService
from crm_desktop.services.exporting import ExportService
from crm_desktop.services.followups import FollowupService
from crm_desktop.services.gate import Gated
from crm_desktop.services.importing import ImportService
from crm_desktop.services.loyalty import LoyaltyService
from crm_desktop.services.loyalty_jobs import LoyaltyJobs
from crm_desktop.services.loyalty_program import LoyaltyProgramService
from crm_desktop.services.privacy import PrivacyService
from crm_desktop.services.purchases import PurchaseService
from crm_desktop.services.reminders import ReminderService
from crm_desktop.services.statements import StatementService
from crm_desktop.services.tickets import TicketService
from crm_desktop.services.user_admin import UserAdminService
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
    user_admin: UserAdminService
    duplicates: DuplicateService
    imports: ImportService
    exports: ExportService
    calendar_transfer: CalendarTransferService
    care: CareService
    attachments: AttachmentService
    data_settings: DataSettingsService
    audit: AuditService
    privacy: PrivacyService
    analytics: AnalyticsService
    churn: ChurnService
    purchases: PurchaseService
    loyalty_program: LoyaltyProgramService
    loyalty_jobs: LoyaltyJobs
    statements: StatementService
    reminders: ReminderService
    analytics_settings: AnalyticsSettingsService | None = None  # set by build()

    @classmethod
    def build(cls, ctx: ServiceContext) -> "Services":
        data_settings = DataSettingsService(ctx)
        return cls(ctx, analytics_settings=AnalyticsSettingsService(ctx, data_settings), contacts=ContactService(ctx), followups=FollowupService(ctx), tickets=TicketService(ctx),
                   loyalty=LoyaltyService(ctx), dashboard=DashboardService(ctx), users=UserService(ctx),
                   user_admin=UserAdminService(ctx),
                   duplicates=DuplicateService(ctx), imports=ImportService(ctx), exports=ExportService(ctx),
                   calendar_transfer=CalendarTransferService(ctx), care=CareService(ctx), attachments=AttachmentService(ctx),
                   purchases=PurchaseService(ctx), loyalty_program=LoyaltyProgramService(ctx),
                   loyalty_jobs=LoyaltyJobs(ctx), statements=StatementService(ctx),
                   data_settings=data_settings, audit=AuditService(ctx), privacy=PrivacyService(ctx), analytics=AnalyticsService(ctx), churn=ChurnService(ctx), reminders=ReminderService(ctx)).gated()

    def gated(self) -> "Services":
        """The dashboard's services (figures over every customer) for roles that see every customer."""
        seen_by_all = {name: Gated(getattr(self, name), self.ctx, Permission.VIEW_ALL_CONTACTS)
                       for name in ("dashboard", "analytics", "churn")}
        return replace(self, **seen_by_all)

    @property
    def bus(self):
        return self.ctx.bus
