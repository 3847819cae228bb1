"""Translated names of the domain's vocabularies. Call at display time (the language can change)."""

from PySide6.QtCore import QCoreApplication

from crm_desktop.domain.enums import (
    FollowupKind,
    FollowupStatus,
    Gender,
    InteractionKind,
    LeadSource,
    LedgerKind,
    LifecycleStage,
    TicketCategory,
    TicketPriority,
    TicketStatus,
    Tier,
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def stage_label(v: LifecycleStage) -> str:
    return {
        LifecycleStage.LEAD: _t("Lead"),
        LifecycleStage.PROSPECT: _t("Prospect"),
        LifecycleStage.CUSTOMER: _t("Customer"),
        LifecycleStage.CHURNED: _t("Churned"),
    }[LifecycleStage(v)]


def tier_label(v: Tier) -> str:
    return {
        Tier.KEY: _t("Key"),
        Tier.POTENTIAL: _t("Potential"),
        Tier.ORDINARY: _t("Ordinary"),
        Tier.COLD: _t("Cold"),
    }[Tier(v)]


def gender_label(v: Gender) -> str:
    return {Gender.UNKNOWN: _t("Not given"), Gender.FEMALE: _t("Female"), Gender.MALE: _t("Male")}[Gender(v)]


def source_label(v: LeadSource) -> str:
    return {
        LeadSource.WALK_IN: _t("Walk-in"),
        LeadSource.REFERRAL: _t("Referral"),
        LeadSource.PHONE: _t("Phone enquiry"),
        LeadSource.WEBSITE: _t("Website"),
        LeadSource.WECHAT: _t("WeChat"),
        LeadSource.EXHIBITION: _t("Trade fair"),
        LeadSource.ADVERTISING: _t("Advertising"),
        LeadSource.OTHER: _t("Other"),
    }[LeadSource(v)]


def interaction_label(v: InteractionKind) -> str:
    return {
        InteractionKind.CALL: _t("Call"),
        InteractionKind.VISIT: _t("Visit"),
        InteractionKind.EMAIL: _t("Email"),
        InteractionKind.MESSAGE: _t("WeChat/SMS"),
        InteractionKind.MEETING: _t("Meeting"),
        InteractionKind.NOTE: _t("Note"),
    }[InteractionKind(v)]


def followup_kind_label(v: FollowupKind) -> str:
    return {
        FollowupKind.CALL: _t("Call"),
        FollowupKind.VISIT: _t("Visit"),
        FollowupKind.EMAIL: _t("Email"),
        FollowupKind.MESSAGE: _t("WeChat/SMS"),
        FollowupKind.MEETING: _t("Meeting"),
        FollowupKind.CARE: _t("Care greeting"),
        FollowupKind.CALLBACK: _t("Callback"),
    }[FollowupKind(v)]


def followup_status_label(v: FollowupStatus) -> str:
    return {
        FollowupStatus.PLANNED: _t("Planned"),
        FollowupStatus.DONE: _t("Done"),
        FollowupStatus.CANCELLED: _t("Cancelled"),
        FollowupStatus.MISSED: _t("Missed"),
    }[FollowupStatus(v)]


def ticket_status_label(v: TicketStatus) -> str:
    return {
        TicketStatus.NEW: _t("New"),
        TicketStatus.IN_PROGRESS: _t("In progress"),
        TicketStatus.WAITING: _t("Waiting for customer"),
        TicketStatus.RESOLVED: _t("Resolved"),
        TicketStatus.CLOSED: _t("Closed"),
    }[TicketStatus(v)]


def ticket_category_label(v: TicketCategory) -> str:
    return {
        TicketCategory.REPAIR: _t("Repair"),
        TicketCategory.TECH_SUPPORT: _t("Technical support"),
        TicketCategory.TRAINING: _t("Training"),
        TicketCategory.COMPLAINT: _t("Complaint"),
        TicketCategory.CONSULTATION: _t("Consultation"),
    }[TicketCategory(v)]


def priority_label(v: TicketPriority) -> str:
    return {
        TicketPriority.URGENT: _t("Urgent"),
        TicketPriority.HIGH: _t("High"),
        TicketPriority.NORMAL: _t("Normal"),
        TicketPriority.LOW: _t("Low"),
    }[TicketPriority(v)]


def ledger_kind_label(v: LedgerKind) -> str:
    return {
        LedgerKind.EARN: _t("Earn"),
        LedgerKind.REDEEM: _t("Redeem"),
        LedgerKind.EXPIRE: _t("Expire"),
        LedgerKind.ADJUST: _t("Adjust"),
        LedgerKind.REVERSE: _t("Reverse"),
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
