"""Roles in the tickets, loyalty, attachments, data settings and privacy services: a forbidden
action is refused in the service and writes nothing; phones are masked in every list for a role
without the permission; the dashboard's services are for roles that see every customer."""

from datetime import UTC, date, datetime, timedelta

import pytest

from crm_desktop.domain.drafts import ContactDraft, RewardDraft, TicketDraft
from crm_desktop.domain.enums import LedgerKind, PaymentMethod, TicketCategory, TicketStatus
from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.loyalty_rules import DEFAULT_LEVELS
from crm_desktop.domain.permissions import Permission, PermissionDeniedError
from crm_desktop.domain.privacy import RETENTION_KEY
from crm_desktop.services.audit import AuditQuery
from crm_desktop.services.dto import ListQuery
from crm_desktop.services.loyalty_dto import SaleDraft
from crm_desktop.storage.records import (
    AppSettingRecord,
    PurchaseRecord,
    TicketAttachmentRecord,
    TicketRecord,
)


def _count(db, record) -> int:
    with db.reading() as uow:
        return uow.session.query(record).count()


def _denied(call, *args, **kwargs) -> None:
    with pytest.raises(PermissionDeniedError):
        call(*args, **kwargs)


def _sale(contact_id: int) -> SaleDraft:
    return SaleDraft(contact_id, 12_800, datetime.now(UTC) - timedelta(minutes=5), "净水器滤芯", "",
                     PaymentMethod.CASH)


# --- tickets and attachments --------------------------------------------------------------------
def test_sales_cannot_open_move_or_trash_tickets_nor_attach_files(services, db, team, tmp_path):
    _, made = team
    ticket = services.tickets.create(TicketDraft(made["李的客户"], TicketCategory.REPAIR, "漏水"))
    services.tickets.change_status(ticket.id, TicketStatus.IN_PROGRESS)
    services.tickets.change_status(ticket.id, TicketStatus.RESOLVED)
    file = tmp_path / "photo.jpg"
    file.write_bytes(b"jpeg")
    kept = services.attachments.attach(ticket.id, file)
    before = (_count(db, TicketRecord), _count(db, TicketAttachmentRecord), services.tickets.events(ticket.id))

    services.users.act_as("li")
    assert not services.users.can(Permission.MANAGE_TICKETS)
    _denied(services.tickets.create, TicketDraft(made["李的客户"], TicketCategory.REPAIR, "又漏水"))
    _denied(services.tickets.update, ticket.id, TicketDraft(made["李的客户"], TicketCategory.REPAIR, "改标题"))
    _denied(services.tickets.change_status, ticket.id, TicketStatus.CLOSED)
    _denied(services.tickets.record_survey, ticket.id, 5, 10, "phone")
    _denied(services.tickets.trash, [ticket.id])
    _denied(services.attachments.attach, ticket.id, file)
    _denied(services.attachments.remove, kept.id)

    services.users.act_as("boss")
    assert (_count(db, TicketRecord), _count(db, TicketAttachmentRecord), services.tickets.events(ticket.id)) == before
    shown = services.tickets.get(ticket.id)
    assert shown.draft.subject == "漏水" and shown.status == TicketStatus.RESOLVED and shown.deleted_at is None
    assert [a.id for a in services.attachments.of_ticket(ticket.id)] == [kept.id]


def test_service_role_handles_tickets_and_attachments(services, team, tmp_path):
    _, made = team
    services.users.act_as("zhou")
    ticket = services.tickets.create(TicketDraft(made["吴的客户"], TicketCategory.TECH_SUPPORT, "不会用"))
    services.tickets.change_status(ticket.id, TicketStatus.IN_PROGRESS, "已回电")
    file = tmp_path / "manual.pdf"
    file.write_bytes(b"%PDF")
    services.attachments.attach(ticket.id, file)
    assert services.tickets.get(ticket.id).status == TicketStatus.IN_PROGRESS
    assert len(services.attachments.of_ticket(ticket.id)) == 1


# --- loyalty --------------------------------------------------------------------------------------
def test_sales_record_sales_and_points_of_their_visible_customers_only(services, db, team):
    _, made = team
    services.users.act_as("li")
    result = services.purchases.record_sale(_sale(made["李的客户"]))
    assert result.purchase.amount_cents == 12_800
    services.loyalty.post(made["共享客户"], LedgerKind.EARN, 50, "活动")
    services.loyalty.post(made["共享客户"], LedgerKind.REDEEM, 20, "兑换")
    assert services.loyalty.balance(made["共享客户"]) == 30
    purchases = _count(db, PurchaseRecord)
    with pytest.raises(NotFoundError):  # wu's customer is not li's to see, so not li's to sell to
        services.purchases.record_sale(_sale(made["吴的客户"]))
    with pytest.raises(NotFoundError):
        services.loyalty.post(made["吴的客户"], LedgerKind.EARN, 50, "活动")
    with pytest.raises(NotFoundError):
        services.statements.statement(made["吴的客户"], datetime.now(UTC) - timedelta(days=30))
    _denied(services.loyalty.post, made["李的客户"], LedgerKind.ADJUST, 500, "手工调整")
    _denied(services.loyalty.post, made["李的客户"], LedgerKind.REDEEM, 1, "冲正", reverses_id=1)
    assert _count(db, PurchaseRecord) == purchases
    services.users.act_as("boss")
    assert services.loyalty.balance(made["吴的客户"]) == 0
    assert services.loyalty.count_entries(made["李的客户"]) == len(result.entries)


def test_only_managers_and_owner_run_the_rewards_and_only_the_owner_the_rules_and_levels(services, db, team):
    reward = services.loyalty.create_reward(RewardDraft("保温杯", 500, 10))
    rules, levels = services.loyalty_program.rules(), services.loyalty_program.levels()
    for user in ("li", "zhou"):
        services.users.act_as(user)
        _denied(services.loyalty.create_reward, RewardDraft("雨伞", 300, 5))
        _denied(services.loyalty.update_reward, reward.id, RewardDraft("保温杯", 1, 10))
        _denied(services.loyalty.trash_rewards, [reward.id])
    services.users.act_as("mo")
    assert services.loyalty.create_reward(RewardDraft("雨伞", 300, 5)).draft.name == "雨伞"
    _denied(services.loyalty_program.save_rules, rules)
    _denied(services.loyalty_program.save_levels, DEFAULT_LEVELS[:1])
    services.users.act_as("boss")
    assert services.loyalty.get_reward(reward.id).draft.points_cost == 500
    assert services.loyalty_program.levels() == levels
    assert services.loyalty.count_rewards(ListQuery()) == 2
    services.loyalty_program.save_levels(levels)  # the owner may


def test_service_role_records_no_sale(services, db, team):
    _, made = team
    services.users.act_as("zhou")
    _denied(services.purchases.record_sale, _sale(made["李的客户"]))
    _denied(services.loyalty.enroll, made["李的客户"])
    _denied(services.loyalty.post, made["李的客户"], LedgerKind.EARN, 10, "活动")
    assert _count(db, PurchaseRecord) == 0


# --- data settings and privacy ----------------------------------------------------------------
def test_data_settings_change_only_with_the_settings_permission(services, db, team):
    services.data_settings.put("sla.targets", {"urgent": [30, 240]})
    for user in ("li", "zhou"):
        services.users.act_as(user)
        _denied(services.data_settings.put, "sla.targets", {"urgent": [1, 2]})
        _denied(services.data_settings.put_many, {"sla.targets": {}, RETENTION_KEY: 1})
        _denied(services.care.save_own_dates, [(5, 20, "店庆")])
        assert services.data_settings.get("sla.targets") == {"urgent": [30, 240]}  # reading is for everyone
    services.users.act_as("mo")
    services.data_settings.put("sla.targets", {"urgent": [60, 480]})
    assert services.data_settings.get(RETENTION_KEY) is None and _count(db, AppSettingRecord) >= 1


def test_only_the_owner_erases_and_sets_or_runs_retention(services, db, team):
    _, made = team
    uuid = services.contacts.get(made["吴的客户"]).uuid
    for user in ("mo", "li"):
        services.users.act_as(user)
        _denied(services.privacy.erase, uuid)
        _denied(services.privacy.set_retention_years, 3)
        _denied(services.privacy.retention, 1)
        assert services.privacy.run_retention_daily() is None  # not this session's job
    services.users.act_as("boss")
    assert services.privacy.retention_setting() is None
    assert services.contacts.get(made["吴的客户"]).draft.name == "吴的客户"


def test_the_daily_retention_run_is_the_owners_once_a_day_and_audited(services, db, team, clock):
    _, made = team
    services.ctx.clock = clock
    old = clock.now - timedelta(days=365 * 4)
    with db.writing() as uow:
        for contact_id in (made["吴的客户"], made["共享客户"]):
            uow.contacts.get(contact_id).created_at = old
    assert services.privacy.run_retention_daily() is None  # off until set
    assert services.privacy.set_retention_years(3) == 3 and services.privacy.retention_setting() == 3
    assert services.privacy.retention(dry_run=True).count == 2
    services.users.act_as("mo")
    assert services.privacy.run_retention_daily() is None
    assert services.privacy.retention_setting() == 3
    services.users.act_as("boss")
    result = services.privacy.run_retention_daily()
    assert result.count == 2 and result.erased
    assert services.contacts.get(made["吴的客户"]).draft.name == "***"
    assert services.contacts.get(made["李的客户"]).draft.name == "李的客户"
    assert services.privacy.run_retention_daily() is None  # once a day
    clock.advance(days=1)
    assert services.privacy.run_retention_daily().count == 0
    assert services.audit.count(AuditQuery(action="retention")) == 2
    assert services.audit.count(AuditQuery(action="erase")) == 2
    assert services.privacy.set_retention_years(0) is None and services.privacy.retention_setting() is None


# --- masked phones ------------------------------------------------------------------------------
def test_every_list_masks_phones_for_a_role_without_the_permission(services, db, team):
    _, made = team
    today = date.today()
    for contact_id in made.values():
        services.loyalty.enroll(contact_id)
    with db.writing() as uow:
        for contact_id in made.values():
            record = uow.contacts.get(contact_id)
            record.tier, record.birth_month, record.birth_day, record.marketing_consent = "key", 1, 1, True
    twin = services.contacts.create(ContactDraft(name="李的客户", phone="13800135678")).id

    def phones(user):
        services.users.act_as(user)
        members = {m.phone for m in services.loyalty.member_page(ListQuery(), 0, 50)}
        due = {d.phone for d in services.care.due_for_contact(today + timedelta(days=400))}
        greetings = {g.phone for g in services.care.greeting_list("{name}新年好", list(made.values())).rows}
        statement = services.statements.statement(made["李的客户"], datetime.now(UTC) - timedelta(days=30)).phone
        groups = {c.phone for g in services.duplicates.groups() for c in g.contacts}
        likely = {m.contact.phone for m in services.duplicates.likely_duplicates(
            ContactDraft(name="李的客户", phone="13800135678"), exclude_id=twin)}
        return members, due, greetings, {statement}, groups, likely

    for found in phones("zhou"):
        assert found and all("****" in p for p in found), found
    assert "138****5678" in phones("zhou")[0]
    for found in phones("boss"):
        assert found and not any("****" in p for p in found), found


def test_rfm_segment_members_are_masked_for_the_service_role(services, team):
    _, made = team
    for contact_id in made.values():
        services.purchases.record_sale(_sale(contact_id))
    today = date.today()
    rfm = services.analytics.summary(today - timedelta(days=30), today).rfm

    def members():
        return [m for key in rfm.segments for m in services.churn.segment_members(key, rfm.edges)]

    whole = members()
    assert len(whole) == 3 and not any("****" in m.phone for m in whole)
    services.users.act_as("zhou")
    masked = members()
    assert sorted(m.phone for m in masked) == ["137****2222", "138****5678", "139****1111"]


# --- dashboard and duplicates by visibility ---------------------------------------------------
def test_the_dashboard_services_refuse_a_sales_user(services, team):
    services.users.act_as("li")
    _denied(services.dashboard.summary)
    _denied(services.churn.risk, 10)
    today = date.today()
    _denied(services.analytics.summary, today - timedelta(days=30), today)
    services.users.act_as("zhou")  # sees every customer: the figures are true for them
    assert services.dashboard.summary().contacts_total == 3


def test_sales_see_duplicate_groups_among_their_own_and_shared_customers_only(services, team):
    ids, made = team
    services.contacts.create(ContactDraft(name="吴的客户", phone="13900001111", owner_id=ids["wu"]))  # wu's twin
    li_twin = services.contacts.create(ContactDraft(name="李的客户", phone="13800135678", owner_id=ids["li"])).id
    assert len(services.duplicates.groups()) == 2
    services.users.act_as("li")
    groups = services.duplicates.groups()
    assert [sorted(c.id for c in g.contacts) for g in groups] == [sorted([made["李的客户"], li_twin])]
    likely = services.duplicates.likely_duplicates(ContactDraft(name="吴的客户", phone="13900001111"))
    assert likely == []
    _denied(services.duplicates.merge, made["李的客户"], [li_twin])
    services.users.act_as("boss")
    assert services.contacts.count(ListQuery()) == 5


# --- visits, calls, follow-ups and consents about a customer the user cannot see -----------------
def test_sales_cannot_log_plan_or_record_consent_for_another_salespersons_customer(services, db, team):
    from crm_desktop.domain.drafts import FollowupDraft, InteractionDraft
    from crm_desktop.domain.enums import FollowupKind, InteractionKind
    from crm_desktop.storage.records import ConsentRecord, FollowupRecord, InteractionRecord

    _, made = team
    services.users.act_as("li")
    when = datetime.now(UTC) - timedelta(hours=1)
    before = (_count(db, InteractionRecord), _count(db, FollowupRecord), _count(db, ConsentRecord))
    other = made["吴的客户"]
    with pytest.raises(NotFoundError):
        services.contacts.log_interaction(InteractionDraft(other, InteractionKind.CALL, when, "问价格"))
    with pytest.raises(NotFoundError):
        services.followups.create(FollowupDraft(other, FollowupKind.CALL, when + timedelta(days=2), "回访"))
    with pytest.raises(NotFoundError):
        services.privacy.record_consent(other, "marketing", True, "phone")
    assert (_count(db, InteractionRecord), _count(db, FollowupRecord), _count(db, ConsentRecord)) == before
    own = made["李的客户"]  # their own customer: all three are recorded
    services.contacts.log_interaction(InteractionDraft(own, InteractionKind.CALL, when, "问价格"))
    services.followups.create(FollowupDraft(own, FollowupKind.CALL, when + timedelta(days=2), "回访"))
    services.privacy.record_consent(own, "marketing", True, "phone")
    assert (_count(db, InteractionRecord), _count(db, FollowupRecord), _count(db, ConsentRecord)) == tuple(
        n + 1 for n in before)


def test_reminders_come_only_for_follow_ups_the_user_may_see(services, db, team):
    from crm_desktop.domain.drafts import FollowupDraft
    from crm_desktop.domain.enums import FollowupKind

    ids, made = team
    due = datetime.now(UTC) + timedelta(minutes=5)
    for name in ("李的客户", "吴的客户"):
        owner = ids["li"] if name == "李的客户" else ids["wu"]
        services.followups.create(FollowupDraft(made[name], FollowupKind.CALL, due, f"回访{name}",
                                                reminder_minutes=15, owner_id=owner))
    assert {r.followup.draft.title for r in services.reminders.due_reminders()} == {"回访李的客户", "回访吴的客户"}
    services.users.act_as("li")
    assert [r.followup.draft.title for r in services.reminders.due_reminders()] == ["回访李的客户"]
