"""Typed SQLAlchemy records for every table of the documented schema (the base every record
shares: record_base.py; the caches triggers derive from other tables: derived_records.py).

Table names are part of the public schema. Every table has an integer primary key, a stable
`uuid`, `created_at` / `updated_at` (UTC) and `deleted_at` (soft delete).
"""

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from crm_desktop.storage.record_base import Base, Tracked
from crm_desktop.storage.types import UTCDateTime


def _fk(target: str, nullable: bool = True, ondelete: str | None = None) -> Mapped:
    return mapped_column(ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class UserRecord(Tracked, Base):
    __tablename__ = "users"
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(256))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)


class CompanyRecord(Tracked, Base):
    __tablename__ = "companies"
    __table_args__ = (Index("ix_companies_pinyin", "name_pinyin", "name"),)  # contacts sorted by company
    name: Mapped[str] = mapped_column(String(200))
    name_pinyin: Mapped[str] = mapped_column(String(800), default="", server_default="")  # domain.pinyin.pinyin_of
    name_key: Mapped[str] = mapped_column(String(200), index=True)
    industry: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(64), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    website: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


# the partial index of the contacts who churned
CHURNED_COLUMNS = ("churned_at", "became_customer_at", "tier", "lead_source", "total_spent_cents", "deleted_at")
CHURNED = text("churned_at IS NOT NULL")


class ContactRecord(Tracked, Base):
    __tablename__ = "contacts"
    name: Mapped[str] = mapped_column(String(200))
    name_pinyin: Mapped[str] = mapped_column(String(400), default="")
    name_initials: Mapped[str] = mapped_column(String(100), default="")
    is_organisation: Mapped[bool] = mapped_column(Boolean, default=False)
    phone_raw: Mapped[str] = mapped_column(String(64), default="")
    phone_e164: Mapped[str | None] = mapped_column(String(20), index=True)
    phone_invalid: Mapped[bool] = mapped_column(Boolean, default=False)
    phone2_raw: Mapped[str] = mapped_column(String(64), default="")
    phone2_e164: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    email_invalid: Mapped[bool] = mapped_column(Boolean, default=False)
    email2: Mapped[str] = mapped_column(String(254), default="")
    company_id: Mapped[int | None] = _fk("companies.id")
    title: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    birth_year: Mapped[int | None] = mapped_column(SmallInteger)
    birth_month: Mapped[int | None] = mapped_column(SmallInteger)
    birth_day: Mapped[int | None] = mapped_column(SmallInteger)
    lunar_birth_month: Mapped[int | None] = mapped_column(SmallInteger)
    lunar_birth_day: Mapped[int | None] = mapped_column(SmallInteger)
    lunar_birth_leap: Mapped[bool] = mapped_column(Boolean, default=False)
    gender: Mapped[str] = mapped_column(String(16), default="unknown")
    stage: Mapped[str] = mapped_column(String(16), default="lead")
    tier: Mapped[str] = mapped_column(String(16), default="ordinary")
    lead_source: Mapped[str] = mapped_column(String(32), default="other", index=True)
    channel: Mapped[str] = mapped_column(String(100), default="")
    owner_id: Mapped[int | None] = _fk("users.id")
    referred_by_id: Mapped[int | None] = _fk("contacts.id")
    tags: Mapped[str] = mapped_column(String(500), default="")
    needs: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    marketing_consent: Mapped[bool] = mapped_column(Boolean, default=False)
    do_not_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    at_risk: Mapped[bool] = mapped_column(Boolean, default=False)
    is_shared: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    became_customer_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    churned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    churn_type: Mapped[str] = mapped_column(String(32), default="")
    churn_reason: Mapped[str] = mapped_column(Text, default="")
    member_level: Mapped[str] = mapped_column(String(32), default="")
    member_since: Mapped[date | None] = mapped_column(Date)
    points_balance: Mapped[int] = mapped_column(Integer, default=0)
    total_spent_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    purchase_count: Mapped[int] = mapped_column(Integer, default=0)
    last_purchase_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_interaction_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    search_text: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (
        # name order with the trash test inside the index; deleted_at must not lead an index, or
        # SQLite reads every contact through it for "deleted_at IS NULL" instead of better indexes.
        # The visibility test of a salesperson (own or shared) is inside too: a deep page of their
        # contacts stays an index walk (100k contacts, page at 20,000: 19 ms instead of 141 ms)
        Index("ix_contacts_name_visible", "name_pinyin", "deleted_at", "owner_id", "is_shared"),
        # counting a salesperson's visible contacts reads this alone (100k: 4 ms instead of 79 ms)
        Index("ix_contacts_visible", "owner_id", "is_shared", "deleted_at"),
        # sorted by company or owner: the contacts of each one counted, and read in id order
        # (storage/repositories/grouped_order.py)
        Index("ix_contacts_company_live", "company_id", "deleted_at"),
        Index("ix_contacts_owner_live", "owner_id", "deleted_at"),
        # the other sortable columns of the contacts table, each with the trash test inside, so a
        # page deep into a million contacts is an index walk, not a sort of every row
        Index("ix_contacts_created_live", "created_at", "deleted_at"),
        Index("ix_contacts_last_contact_live", "last_interaction_at", "deleted_at"),
        Index("ix_contacts_spent_live", "total_spent_cents", "deleted_at"),
        Index("ix_contacts_points_live", "points_balance", "deleted_at"),
        Index("ix_contacts_member", "member_since", "deleted_at"),
        # counts by stage and tier (dashboard, stats) read these alone, not a million rows
        Index("ix_contacts_stage_live", "stage", "deleted_at"),
        Index("ix_contacts_tier_live", "tier", "deleted_at"),
        # analytics (dashboard, RFM, churn) scan this narrow copy of a million contacts, not their rows;
        # quintile cut points of last purchase and orders are read by offset from the two after it
        Index("ix_contacts_analytics", "tier", "lead_source", "deleted_at", "created_at", "became_customer_at",
              "churned_at", "last_purchase_at", "total_spent_cents", "purchase_count", "stage"),
        Index("ix_contacts_last_purchase_live", "last_purchase_at", "deleted_at"),
        Index("ix_contacts_orders_live", "purchase_count", "deleted_at"),
        # who became a customer in a period, and when they were first recorded (conversion time)
        Index("ix_contacts_became_customer", "became_customer_at", "deleted_at", "created_at"),
        # a period's churners (storage/contact_days.py): the few who churned, all their index
        # needs in it (a year's 100,000 churners of a million contacts: 0.1 s instead of 0.6)
        Index("ix_contacts_churned", *CHURNED_COLUMNS, sqlite_where=CHURNED, postgresql_where=CHURNED),
        # the birthdays of the coming days (customer care) read these, not every contact
        Index("ix_contacts_birthday", "birth_month", "birth_day"),
        Index("ix_contacts_lunar_birthday", "lunar_birth_month", "lunar_birth_day"),
    )


class InteractionRecord(Tracked, Base):
    __tablename__ = "interactions"
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    user_id: Mapped[int | None] = _fk("users.id")
    followup_id: Mapped[int | None] = _fk("followups.id")
    kind: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    summary: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_interactions_contact_time", "contact_id", "occurred_at"),)


class FollowupRecord(Tracked, Base):
    __tablename__ = "followups"
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    owner_id: Mapped[int | None] = _fk("users.id")
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(200), default="")
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_minutes: Mapped[int | None] = mapped_column(Integer)
    rrule: Mapped[str] = mapped_column(String(500), default="")
    exdates: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="planned")
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ticket_id: Mapped[int | None] = _fk("tickets.id")

    __table_args__ = (
        # a calendar day's count and overdue count read from the index alone
        Index("ix_followups_due_cover", "due_at", "deleted_at", "status"),
        # everything overdue: planned ones due before now
        Index("ix_followups_status_due", "status", "due_at", "deleted_at"),
        # which reminders are owed, decided in the index alone: no look-up of every planned row
        Index("ix_followups_reminders", "status", "deleted_at", "due_at", "reminder_minutes", "rrule", "reminded_at",
              "snoozed_until", "owner_id"),
    )


_SLA_BANK = ("priority", "sla_basis", "sla_last_change", "first_response_at", "sla_opened_pos", "sla_first_response_s",
             "sla_resolution_s", "sla_run_pos")


class TicketRecord(Tracked, Base):
    __tablename__ = "tickets"
    __table_args__ = (  # the service-quality report reads open and resolved tickets' banks from these alone
        Index("ix_tickets_sla_open", "status", "deleted_at", *_SLA_BANK),
        Index("ix_tickets_sla_resolved", "resolved_at", "deleted_at", "status", *_SLA_BANK),
    )
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    purchase_id: Mapped[int | None] = _fk("purchases.id")
    assignee_id: Mapped[int | None] = _fk("users.id")
    category: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(16), default="normal")
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    subject: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    complaint_reason: Mapped[str] = mapped_column(String(32), default="")
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    first_response_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The SLA clocks banked up to the latest change (storage/ticket_clocks.py): derived, written
    # by the ticket service and cleared by triggers when the history changes.
    sla_basis: Mapped[str | None] = mapped_column(String(16))
    sla_opened_pos: Mapped[int | None] = mapped_column(BigInteger)
    sla_first_response_s: Mapped[int | None] = mapped_column(Integer)
    sla_resolution_s: Mapped[int | None] = mapped_column(Integer)
    sla_last_change: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sla_run_pos: Mapped[int | None] = mapped_column(BigInteger)


class TicketEventRecord(Tracked, Base):
    __tablename__ = "ticket_events"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    user_id: Mapped[int | None] = _fk("users.id")
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    from_status: Mapped[str] = mapped_column(String(16), default="")
    to_status: Mapped[str] = mapped_column(String(16), default="")
    comment: Mapped[str] = mapped_column(Text, default="")


class TicketAttachmentRecord(Tracked, Base):
    """A file attached to a ticket (photo of the fault, invoice, log), kept inside the database so
    backups, encryption and erasure treat it like every other record."""

    __tablename__ = "ticket_attachments"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id"), index=True)
    user_id: Mapped[int | None] = _fk("users.id")
    filename: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class SurveyRecord(Tracked, Base):
    __tablename__ = "surveys"
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    ticket_id: Mapped[int | None] = _fk("tickets.id")
    channel: Mapped[str] = mapped_column(String(16))
    csat: Mapped[int | None] = mapped_column(SmallInteger)
    nps: Mapped[int | None] = mapped_column(SmallInteger)
    comment: Mapped[str] = mapped_column(Text, default="")
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PurchaseRecord(Tracked, Base):
    __tablename__ = "purchases"
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    staff_id: Mapped[int | None] = _fk("users.id")
    purchased_at: Mapped[datetime] = mapped_column(UTCDateTime)
    description: Mapped[str] = mapped_column(String(500), default="")
    items: Mapped[str] = mapped_column(Text, default="", server_default="")
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    payment_method: Mapped[str] = mapped_column(String(16), default="cash")

    __table_args__ = (
        Index("ix_purchases_contact_time", "contact_id", "purchased_at"),
        # revenue and purchases of a period (dashboard, analytics) read this alone (it holds the
        # amount, the trash mark and the customer too), not every sale
        Index("ix_purchases_time", "purchased_at", "amount_cents", "deleted_at", "contact_id"),
        # each customer's orders and spend of the last two half-years (the churn risk of everyone)
        # read in customer order from this alone, no sale row looked up
        Index("ix_purchases_contact_cover", "contact_id", "purchased_at", "deleted_at", "amount_cents"),
    )


class RewardRecord(Tracked, Base):
    __tablename__ = "rewards"
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    points_cost: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PointsEntryRecord(Tracked, Base):
    """Append-only: a correction is a new entry, never an update."""

    __tablename__ = "points_ledger"
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    kind: Mapped[str] = mapped_column(String(16))
    points: Mapped[int] = mapped_column(Integer)
    balance_after: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(300), default="")
    operator_id: Mapped[int | None] = _fk("users.id")
    purchase_id: Mapped[int | None] = _fk("purchases.id")
    reward_id: Mapped[int | None] = _fk("rewards.id")
    reverses_id: Mapped[int | None] = _fk("points_ledger.id")
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    __table_args__ = (
        Index("ix_points_ledger_contact_entry", "contact_id", "id"),
        # the daily expiry job finds earned points that have come due through this
        Index("ix_points_ledger_expiry", "expires_at", "contact_id"),
    )


class MemberLevelRecord(Tracked, Base):
    """A membership level (普通 / 银卡 / 金卡 / 钻石 …): reached by rolling 12-month spend or points."""

    __tablename__ = "member_levels"
    name: Mapped[str] = mapped_column(String(32), unique=True)
    rank: Mapped[int] = mapped_column(Integer)
    min_spend_cents: Mapped[int] = mapped_column(BigInteger, default=0)
    min_points: Mapped[int | None] = mapped_column(Integer)
    multiplier_pct: Mapped[int] = mapped_column(Integer, default=100)
    benefits: Mapped[str] = mapped_column(Text, default="")


class MemberLevelChangeRecord(Tracked, Base):
    """One change of a member's level: who moved from what to what, when and why."""

    __tablename__ = "member_level_history"
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    from_level: Mapped[str] = mapped_column(String(32), default="")
    to_level: Mapped[str] = mapped_column(String(32))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(300), default="")
    basis_spend_cents: Mapped[int | None] = mapped_column(BigInteger)
    operator_id: Mapped[int | None] = _fk("users.id")

    __table_args__ = (Index("ix_member_level_history_contact", "contact_id", "changed_at"),)


class AppSettingRecord(Tracked, Base):
    """Settings that belong to the data, not the PC: points rules, SLA targets, margins, retention."""

    __tablename__ = "app_settings"
    key: Mapped[str] = mapped_column(String(100), unique=True)
    value: Mapped[str] = mapped_column(Text, default="")

    STATE_PREFIX = "state."  # the app's own bookkeeping (how far a job got), not a user's setting

    @property
    def audit_exempt(self) -> bool:
        """Bookkeeping written by the app's jobs each hour says nothing about who changed what."""
        return self.key.startswith(self.STATE_PREFIX)


class ConsentRecord(Tracked, Base):
    """A consent given or withdrawn: for what purpose, when and how it was recorded."""

    __tablename__ = "consents"
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"))
    purpose: Mapped[str] = mapped_column(String(64))
    granted: Mapped[bool] = mapped_column(Boolean)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime)
    method: Mapped[str] = mapped_column(String(32), default="")
    note: Mapped[str] = mapped_column(String(300), default="")
    user_id: Mapped[int | None] = _fk("users.id")

    __table_args__ = (Index("ix_consents_contact", "contact_id", "recorded_at"),)


class ErasureRecord(Tracked, Base):
    """A person erased on request, by uuid only, so a restored backup can erase them again."""

    __tablename__ = "erasures"
    contact_uuid: Mapped[str] = mapped_column(String(36), index=True)
    erased_at: Mapped[datetime] = mapped_column(UTCDateTime)
    user_id: Mapped[int | None] = _fk("users.id")


class AuditRecord(Tracked, Base):
    __tablename__ = "audit_log"
    user_id: Mapped[int | None] = _fk("users.id")
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    action: Mapped[str] = mapped_column(String(16))
    table_name: Mapped[str] = mapped_column(String(64))
    record_uuid: Mapped[str] = mapped_column(String(36), index=True)
    changes: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class ChangeSetRecord(Tracked, Base):
    """One undoable bulk change (an import, a merge): what it added and what it overwrote."""

    __tablename__ = "change_sets"
    kind: Mapped[str] = mapped_column(String(16))
    label: Mapped[str] = mapped_column(String(300), default="")
    user_id: Mapped[int | None] = _fk("users.id")
    summary: Mapped[str] = mapped_column(Text, default="{}")
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ChangeSetItemRecord(Tracked, Base):
    """A record a change set inserted (`before` empty) or updated (`before`: its old values, JSON)."""

    __tablename__ = "change_set_items"
    change_set_id: Mapped[int] = mapped_column(ForeignKey("change_sets.id"))
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(16))
    before: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_change_set_items_set", "change_set_id", "id"),)


# the derived caches' tables join the metadata before the schema's tables are listed
from crm_desktop.storage import derived_records  # noqa: E402, F401

SCHEMA_TABLES: tuple[str, ...] = tuple(t.name for t in Base.metadata.sorted_tables)
