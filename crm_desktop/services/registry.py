"""All services over one database, built once by the composition root.

Each service is built, and its module imported, when it is first used: opening the window on the
contacts needs a few of them, and importing all of them (with the domain and storage code under
them: analytics, import and export formats, holidays) would cost the start-up most of a second.
Their modules are named here as text; the PyInstaller spec collects the package's submodules.
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING

from crm_desktop.domain.permissions import Permission
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.gate import Gated

if TYPE_CHECKING:
    from crm_desktop.services.analytics import AnalyticsService
    from crm_desktop.services.analytics_settings import AnalyticsSettingsService
    from crm_desktop.services.attachments import AttachmentService
    from crm_desktop.services.audit import AuditService
    from crm_desktop.services.calendar_transfer import CalendarTransferService
    from crm_desktop.services.care import CareService
    from crm_desktop.services.churn import ChurnService
    from crm_desktop.services.contacts import ContactService
    from crm_desktop.services.dashboard import DashboardService
    from crm_desktop.services.data_settings import DataSettingsService
    from crm_desktop.services.duplicates import DuplicateService
    from crm_desktop.services.exporting import ExportService
    from crm_desktop.services.followups import FollowupService
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

# attribute -> (module under crm_desktop.services, class); each class takes the ServiceContext
SERVICES = {
    "contacts": ("contacts", "ContactService"), "followups": ("followups", "FollowupService"),
    "tickets": ("tickets", "TicketService"), "loyalty": ("loyalty", "LoyaltyService"),
    "dashboard": ("dashboard", "DashboardService"), "users": ("users", "UserService"),
    "user_admin": ("user_admin", "UserAdminService"), "duplicates": ("duplicates", "DuplicateService"),
    "imports": ("importing", "ImportService"), "exports": ("exporting", "ExportService"),
    "calendar_transfer": ("calendar_transfer", "CalendarTransferService"), "care": ("care", "CareService"),
    "attachments": ("attachments", "AttachmentService"), "data_settings": ("data_settings", "DataSettingsService"),
    "audit": ("audit", "AuditService"), "privacy": ("privacy", "PrivacyService"),
    "analytics": ("analytics", "AnalyticsService"), "churn": ("churn", "ChurnService"),
    "purchases": ("purchases", "PurchaseService"), "loyalty_program": ("loyalty_program", "LoyaltyProgramService"),
    "loyalty_jobs": ("loyalty_jobs", "LoyaltyJobs"), "statements": ("statements", "StatementService"),
    "reminders": ("reminders", "ReminderService"),
    "analytics_settings": ("analytics_settings", "AnalyticsSettingsService"),  # over data_settings too
}
# The dashboard's services (figures over every customer) for roles that see every customer.
SEEN_BY_ALL = ("dashboard", "analytics", "churn")


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
    analytics_settings: AnalyticsSettingsService

    def __init__(self, ctx: ServiceContext):
        self.__dict__["ctx"] = ctx
        self.__dict__["_lock"] = threading.RLock()  # a worker may be the first to use a service

    @classmethod
    def build(cls, ctx: ServiceContext) -> Services:
        return cls(ctx)

    def __getattr__(self, name: str):
        """The service `name`, built on first use (only called for an attribute not yet set)."""
        if name not in SERVICES:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        with self._lock:
            if name not in self.__dict__:
                self.__dict__[name] = self._make(name)
        return self.__dict__[name]

    def __setattr__(self, name: str, value) -> None:
        raise AttributeError("Services are built once; they cannot be replaced")

    def _make(self, name: str):
        module, class_name = SERVICES[name]
        cls = getattr(importlib.import_module(f"crm_desktop.services.{module}"), class_name)
        if name == "analytics_settings":
            service = cls(self.ctx, self.data_settings)  # built first if need be (the lock is re-entrant)
        else:
            service = cls(self.ctx)
        return Gated(service, self.ctx, Permission.VIEW_ALL_CONTACTS) if name in SEEN_BY_ALL else service

    @property
    def bus(self):
        return self.ctx.bus

