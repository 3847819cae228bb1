"""Translated names of the domain's vocabularies. Call at display time (the language can change)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crm_desktop.domain.enums import (
    ComplaintReason,
    FollowupKind,
    FollowupStatus,
    Gender,
    InteractionKind,
    LeadSource,
    LedgerKind,
    LifecycleStage,
    SurveyChannel,
    TicketCategory,
    TicketPriority,
    TicketStatus,
    Tier,
)
from crm_desktop.domain.permissions import Permission


def _t(text: str) -> str:
    """Translate a label marked with QT_TRANSLATE_NOOP("Labels", ...)."""
    return QCoreApplication.translate("Labels", text)


def stage_label(v: LifecycleStage) -> str:
    return {
        LifecycleStage.LEAD: _t(QT_TRANSLATE_NOOP("Labels", "Lead")),
        LifecycleStage.PROSPECT: _t(QT_TRANSLATE_NOOP("Labels", "Prospect")),
        LifecycleStage.CUSTOMER: _t(QT_TRANSLATE_NOOP("Labels", "Customer")),
        LifecycleStage.CHURNED: _t(QT_TRANSLATE_NOOP("Labels", "Churned")),
    }[LifecycleStage(v)]


def tier_label(v: Tier) -> str:
    return {
        Tier.KEY: _t(QT_TRANSLATE_NOOP("Labels", "Key")),
        Tier.POTENTIAL: _t(QT_TRANSLATE_NOOP("Labels", "Potential")),
        Tier.ORDINARY: _t(QT_TRANSLATE_NOOP("Labels", "Ordinary")),
        Tier.COLD: _t(QT_TRANSLATE_NOOP("Labels", "Cold")),
    }[Tier(v)]


def gender_label(v: Gender) -> str:
    return {Gender.UNKNOWN: _t(QT_TRANSLATE_NOOP("Labels", "Not given")), Gender.FEMALE: _t(QT_TRANSLATE_NOOP("Labels", "Female")), Gender.MALE: _t(QT_TRANSLATE_NOOP("Labels", "Male"))}[Gender(v)]


def source_label(v: LeadSource) -> str:
    return {
        LeadSource.WALK_IN: _t(QT_TRANSLATE_NOOP("Labels", "Walk-in")),
        LeadSource.REFERRAL: _t(QT_TRANSLATE_NOOP("Labels", "Referral")),
        LeadSource.PHONE: _t(QT_TRANSLATE_NOOP("Labels", "Phone enquiry")),
        LeadSource.WEBSITE: _t(QT_TRANSLATE_NOOP("Labels", "Website")),
        LeadSource.WECHAT: _t(QT_TRANSLATE_NOOP("Labels", "WeChat")),
        LeadSource.EXHIBITION: _t(QT_TRANSLATE_NOOP("Labels", "Trade fair")),
        LeadSource.ADVERTISING: _t(QT_TRANSLATE_NOOP("Labels", "Advertising")),
        LeadSource.OTHER: _t(QT_TRANSLATE_NOOP("Labels", "Other")),
    }[LeadSource(v)]


def interaction_label(v: InteractionKind) -> str:
    return {
        InteractionKind.CALL: _t(QT_TRANSLATE_NOOP("Labels", "Call")),
        InteractionKind.VISIT: _t(QT_TRANSLATE_NOOP("Labels", "Visit")),
        InteractionKind.EMAIL: _t(QT_TRANSLATE_NOOP("Labels", "Email")),
        InteractionKind.MESSAGE: _t(QT_TRANSLATE_NOOP("Labels", "WeChat/SMS")),
        InteractionKind.MEETING: _t(QT_TRANSLATE_NOOP("Labels", "Meeting")),
        InteractionKind.NOTE: _t(QT_TRANSLATE_NOOP("Labels", "Note")),
    }[InteractionKind(v)]


def followup_kind_label(v: FollowupKind) -> str:
    return {
        FollowupKind.CALL: _t(QT_TRANSLATE_NOOP("Labels", "Call")),
        FollowupKind.VISIT: _t(QT_TRANSLATE_NOOP("Labels", "Visit")),
        FollowupKind.EMAIL: _t(QT_TRANSLATE_NOOP("Labels", "Email")),
        FollowupKind.MESSAGE: _t(QT_TRANSLATE_NOOP("Labels", "WeChat/SMS")),
        FollowupKind.MEETING: _t(QT_TRANSLATE_NOOP("Labels", "Meeting")),
        FollowupKind.CARE: _t(QT_TRANSLATE_NOOP("Labels", "Care greeting")),
        FollowupKind.CALLBACK: _t(QT_TRANSLATE_NOOP("Labels", "Callback")),
    }[FollowupKind(v)]


def followup_status_label(v: FollowupStatus) -> str:
    return {
        FollowupStatus.PLANNED: _t(QT_TRANSLATE_NOOP("Labels", "Planned")),
        FollowupStatus.DONE: _t(QT_TRANSLATE_NOOP("Labels", "Done")),
        FollowupStatus.CANCELLED: _t(QT_TRANSLATE_NOOP("Labels", "Cancelled")),
        FollowupStatus.MISSED: _t(QT_TRANSLATE_NOOP("Labels", "Missed")),
    }[FollowupStatus(v)]


def ticket_status_label(v: TicketStatus) -> str:
    return {
        TicketStatus.NEW: _t(QT_TRANSLATE_NOOP("Labels", "New")),
        TicketStatus.IN_PROGRESS: _t(QT_TRANSLATE_NOOP("Labels", "In progress")),
        TicketStatus.WAITING: _t(QT_TRANSLATE_NOOP("Labels", "Waiting for customer")),
        TicketStatus.RESOLVED: _t(QT_TRANSLATE_NOOP("Labels", "Resolved")),
        TicketStatus.CLOSED: _t(QT_TRANSLATE_NOOP("Labels", "Closed")),
    }[TicketStatus(v)]


def ticket_category_label(v: TicketCategory) -> str:
    return {
        TicketCategory.REPAIR: _t(QT_TRANSLATE_NOOP("Labels", "Repair")),
        TicketCategory.TECH_SUPPORT: _t(QT_TRANSLATE_NOOP("Labels", "Technical support")),
        TicketCategory.TRAINING: _t(QT_TRANSLATE_NOOP("Labels", "Training")),
        TicketCategory.COMPLAINT: _t(QT_TRANSLATE_NOOP("Labels", "Complaint")),
        TicketCategory.CONSULTATION: _t(QT_TRANSLATE_NOOP("Labels", "Consultation")),
    }[TicketCategory(v)]


def priority_label(v: TicketPriority) -> str:
    return {
        TicketPriority.URGENT: _t(QT_TRANSLATE_NOOP("Labels", "Urgent")),
        TicketPriority.HIGH: _t(QT_TRANSLATE_NOOP("Labels", "High")),
        TicketPriority.NORMAL: _t(QT_TRANSLATE_NOOP("Labels", "Normal")),
        TicketPriority.LOW: _t(QT_TRANSLATE_NOOP("Labels", "Low")),
    }[TicketPriority(v)]


def ledger_kind_label(v: LedgerKind) -> str:
    return {
        LedgerKind.EARN: _t(QT_TRANSLATE_NOOP("Labels", "Earn")),
        LedgerKind.REDEEM: _t(QT_TRANSLATE_NOOP("Labels", "Redeem")),
        LedgerKind.EXPIRE: _t(QT_TRANSLATE_NOOP("Labels", "Expire")),
        LedgerKind.ADJUST: _t(QT_TRANSLATE_NOOP("Labels", "Adjust")),
        LedgerKind.REVERSE: _t(QT_TRANSLATE_NOOP("Labels", "Reverse")),
    }[LedgerKind(v)]


def fill_combo(combo, enum_cls, label, current=None) -> None:
    """Fill a QComboBox with an enum's translated labels, the enum value as item data."""
    combo.clear()
    for member in enum_cls:
        combo.addItem(label(member), member)
    if current is not None:
        combo.setCurrentIndex(combo.findData(enum_cls(current)))


def fill_filter_combo(combo, all_text: str, enum_cls, label) -> None:
    """(Re)fill a filter combo: 'all' first (data None), then the enum's labels (data: the value).
    Keeps the current choice and emits no signal."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(all_text, None)
    for member in enum_cls:
        combo.addItem(label(member), member.value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.blockSignals(False)


def channel_label(v: SurveyChannel) -> str:
    return {
        SurveyChannel.QUESTIONNAIRE: _t(QT_TRANSLATE_NOOP("Labels", "Questionnaire")),
        SurveyChannel.PHONE_CALLBACK: _t(QT_TRANSLATE_NOOP("Labels", "Phone callback")),
        SurveyChannel.ONLINE: _t(QT_TRANSLATE_NOOP("Labels", "Online")),
    }[SurveyChannel(v)]


def complaint_reason_label(v: ComplaintReason) -> str:
    return {
        ComplaintReason.PRODUCT_QUALITY: _t(QT_TRANSLATE_NOOP("Labels", "Product quality")),
        ComplaintReason.PRICE: _t(QT_TRANSLATE_NOOP("Labels", "Price")),
        ComplaintReason.SERVICE_ATTITUDE: _t(QT_TRANSLATE_NOOP("Labels", "Service attitude")),
        ComplaintReason.SLOW_RESPONSE: _t(QT_TRANSLATE_NOOP("Labels", "Slow response")),
        ComplaintReason.COMPETITOR: _t(QT_TRANSLATE_NOOP("Labels", "Went to a competitor")),
        ComplaintReason.RELOCATION: _t(QT_TRANSLATE_NOOP("Labels", "Moved away")),
        ComplaintReason.OTHER: _t(QT_TRANSLATE_NOOP("Labels", "Other")),
    }[ComplaintReason(v)]


def permission_label(v: Permission | str) -> str:
    """What a permission allows, as a refusal names it ("Your role does not allow this (…)")."""
    names = {
        Permission.VIEW_ALL_CONTACTS: QT_TRANSLATE_NOOP("Labels", "see every customer"),
        Permission.VIEW_PHONE_NUMBERS: QT_TRANSLATE_NOOP("Labels", "see phone numbers"),
        Permission.EDIT_CONTACTS: QT_TRANSLATE_NOOP("Labels", "add and edit customers"),
        Permission.DELETE_CONTACTS: QT_TRANSLATE_NOOP("Labels", "delete and merge customers"),
        Permission.IMPORT_CONTACTS: QT_TRANSLATE_NOOP("Labels", "import customers"),
        Permission.EXPORT_BULK: QT_TRANSLATE_NOOP("Labels", "export all customers"),
        Permission.MANAGE_TICKETS: QT_TRANSLATE_NOOP("Labels", "work on service tickets"),
        Permission.MANAGE_LOYALTY: QT_TRANSLATE_NOOP("Labels", "record sales and points"),
        Permission.ADJUST_POINTS: QT_TRANSLATE_NOOP("Labels", "adjust points by hand"),
        Permission.MANAGE_REWARDS: QT_TRANSLATE_NOOP("Labels", "manage the rewards catalogue"),
        Permission.MANAGE_LOYALTY_PROGRAM: QT_TRANSLATE_NOOP("Labels", "change earning rules and member levels"),
        Permission.MANAGE_USERS: QT_TRANSLATE_NOOP("Labels", "manage users"),
        Permission.MANAGE_SETTINGS: QT_TRANSLATE_NOOP("Labels", "change the settings"),
        Permission.MANAGE_PRIVACY: QT_TRANSLATE_NOOP("Labels", "erase personal data"),
    }
    try:
        return _t(names[Permission(v)])
    except ValueError:
        return str(v)
