"""Roles in the services: sales see their own and shared contacts, masked phones for roles
without the permission, bulk export for the owner only."""

import pytest

from crm_desktop.domain.errors import NotFoundError
from crm_desktop.domain.permissions import (
    ROLE_PERMISSIONS,
    Permission,
    PermissionDeniedError,
    Role,
    mask_phone,
)
from crm_desktop.services.dto import ListQuery


def _names(services, text=""):
    return sorted(r.name for r in services.contacts.page(ListQuery(text=text), 0, 50))


def test_sales_see_own_and_shared_contacts_only(services, team):
    _, made = team
    services.users.act_as("li")
    assert _names(services) == ["共享客户", "李的客户"]
    assert services.contacts.count(ListQuery()) == 2
    assert [r.name for r in services.contacts.search("吴")] == []  # 吴的客户 is wu's, not shared
    assert [r.name for r in services.contacts.search("共享")] == ["共享客户"]
    with pytest.raises(NotFoundError):
        services.contacts.detail(made["吴的客户"])
    assert {label.split()[0] for _, label in services.contacts.choices()} == {"共享客户", "李的客户"}
    services.users.act_as("boss")
    assert services.contacts.count(ListQuery()) == 3


def test_service_role_sees_all_with_masked_phones_and_cannot_edit(services, team):
    _, made = team
    services.users.act_as("zhou")
    rows = services.contacts.page(ListQuery(sort="name"), 0, 50)
    assert len(rows) == 3 and all("****" in r.phone for r in rows)
    assert "138****5678" in {r.phone for r in rows}
    detail = services.contacts.detail(made["李的客户"])
    assert detail.contact.draft.phone == "138****5678" and "0013" not in (detail.contact.phone_e164 or "")
    with pytest.raises(PermissionDeniedError):
        services.contacts.update(made["李的客户"], detail.contact.draft)
    with pytest.raises(PermissionDeniedError):
        services.contacts.trash([made["李的客户"]])


def test_bulk_export_is_the_owners(services, team, tmp_path):
    services.users.act_as("li")
    assert not services.users.can(Permission.EXPORT_BULK)
    with pytest.raises(PermissionDeniedError):
        services.exports.export(tmp_path / "all.csv")
    assert not (tmp_path / "all.csv").exists()
    services.users.act_as("boss")
    assert services.exports.export(tmp_path / "all.csv").count == 3


def test_every_role_has_its_permissions_in_one_table():
    assert set(ROLE_PERMISSIONS) == set(Role)
    assert ROLE_PERMISSIONS[Role.OWNER] == frozenset(Permission)
    only_owner = {p for p in Permission if all(p not in ROLE_PERMISSIONS[r] for r in Role if r != Role.OWNER)}
    assert only_owner == {Permission.EXPORT_BULK, Permission.MANAGE_USERS, Permission.MANAGE_LOYALTY_PROGRAM,
                          Permission.MANAGE_PRIVACY}


@pytest.mark.parametrize(("raw", "masked"), [("13800135678", "138****5678"), ("+86 138 0013 5678", "138****5678"),
                                             ("12345", "*****")])
def test_mask_phone(raw, masked):
    assert mask_phone(raw) == masked


def test_service_role_cannot_import(services, team, tmp_path):
    from crm_desktop.services.importing import DuplicatePolicy

    source = tmp_path / "in.csv"
    source.write_text("name,phone\n新客户,13800000000\n", encoding="utf-8")
    table = services.imports.read(source)
    plan = services.imports.plan(table, services.imports.guess_mapping(table), DuplicatePolicy.SKIP)
    services.users.act_as("zhou")
    with pytest.raises(PermissionDeniedError):
        services.imports.run(plan)
    services.users.act_as("boss")
    assert services.imports.run(plan).created == 1


def test_sales_see_the_tickets_and_follow_ups_of_their_own_and_shared_customers(services, team):
    from datetime import UTC, datetime, timedelta

    from crm_desktop.domain.drafts import FollowupDraft, TicketDraft
    from crm_desktop.domain.enums import FollowupKind, TicketCategory

    ids, made = team
    due = datetime.now(UTC) + timedelta(days=1)
    for name, contact_id in made.items():
        services.tickets.create(TicketDraft(contact_id, TicketCategory.REPAIR, f"{name}的工单"))
        services.followups.create(FollowupDraft(contact_id=contact_id, kind=FollowupKind.CALL, due_at=due,
                                                title=f"{name}的跟进", owner_id=ids["boss"]))
    services.followups.create(FollowupDraft(contact_id=made["吴的客户"], kind=FollowupKind.VISIT, due_at=due,
                                            title="李替吴拜访", owner_id=ids["li"]))  # li's own task

    services.users.act_as("li")
    tickets = sorted(t.draft.subject for t in services.tickets.page(ListQuery(), 0, 50))
    assert tickets == ["共享客户的工单", "李的客户的工单"] and services.tickets.count(ListQuery()) == 2
    assert sum(c.total for c in services.tickets.board(ListQuery())) == 2
    titles = sorted(f.draft.title for f in services.followups.page(ListQuery(), 0, 50))
    assert titles == ["共享客户的跟进", "李替吴拜访", "李的客户的跟进"]
    shown = services.followups.occurrences(due - timedelta(hours=1), due + timedelta(hours=2))
    assert len(shown) == 3
    day = services.followups.day_summaries(due.astimezone().date(), 1)[0]
    assert day.count == 3

    services.users.act_as("boss")
    assert services.tickets.count(ListQuery()) == 3 and len(services.followups.page(ListQuery(), 0, 50)) == 4


def test_sales_see_only_their_own_and_shared_members(services, team):
    _, made = team
    for contact_id in made.values():
        services.loyalty.enroll(contact_id)
    services.users.act_as("li")
    assert sorted(m.name for m in services.loyalty.member_page(ListQuery(), 0, 50)) == ["共享客户", "李的客户"]
    assert services.loyalty.count_members(ListQuery()) == 2


def test_sales_get_care_lists_of_their_own_and_shared_customers_only(services, team, db):
    from datetime import date, timedelta

    _, made = team
    today = date.today()
    with db.writing() as uow:
        for contact_id in made.values():
            record = uow.contacts.get(contact_id)
            record.tier, record.birth_month, record.birth_day = "key", today.month, today.day
    services.users.act_as("li")
    birthdays = [t for t in services.care.care_tasks(today, 0) if t.contacts]
    named = sorted(c.name for t in birthdays if t.occasion.value != "holiday" for c in t.contacts)
    assert named == ["共享客户", "李的客户"]
    due = sorted(d.name for d in services.care.due_for_contact(today + timedelta(days=400)))
    assert due == ["共享客户", "李的客户"]
    services.users.act_as("boss")
    assert len(services.care.due_for_contact(today + timedelta(days=400))) == 3


def test_only_the_owner_and_managers_read_the_audit_trail(services, team, tmp_path):
    from crm_desktop.services.audit import AuditQuery

    services.users.act_as("li")
    with pytest.raises(PermissionDeniedError):
        services.audit.page(AuditQuery(), 0, 10)
    with pytest.raises(PermissionDeniedError):
        services.audit.export(tmp_path / "audit.csv", AuditQuery())
    services.users.act_as("boss")
    assert services.audit.count(AuditQuery()) > 0
