"""The same code on a real PostgreSQL server (CRM_TEST_PG_URL, started by scripts/test.sh)."""

from datetime import UTC, datetime

import pytest

from crm_desktop.domain.enums import LedgerKind, LifecycleStage, TicketCategory, TicketStatus
from crm_desktop.domain.errors import RuleError
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, ListQuery, TicketDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage import migrate
from tests.storage.postgres import MARKS, URL

pytestmark = MARKS


def test_migrations_match_records_on_postgres(pg):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from crm_desktop.storage.records import Base
    from crm_desktop.storage.search import PG_TRIGRAM_INDEX, is_index_table

    skip = {"include_object": lambda o, name, kind, r, c: not is_index_table(name)}
    with pg.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts=skip), Base.metadata) == []
        indexes = conn.exec_driver_sql("select indexdef from pg_indexes where indexname = %s",
                                       (PG_TRIGRAM_INDEX,)).scalars().all()
        assert indexes and "gin_trgm_ops" in indexes[0]
        assert conn.exec_driver_sql("select count(*) from contacts").scalar() == 0
    migrate.downgrade(pg, "base")
    migrate.upgrade_to_head(pg)
    assert migrate.current_revision(pg) == migrate.head_revision()


def test_services_work_on_postgres(pg):
    services = Services.build(ServiceContext(pg))
    a = services.contacts.create(ContactDraft(name="张三", phone="13800138000", stage=LifecycleStage.CUSTOMER))
    services.contacts.create(ContactDraft(name="Amy", email="amy@example.com"))
    assert [r.name for r in services.contacts.page(ListQuery(text="zs"), 0, 10)] == ["张三"]
    assert [r.name for r in services.contacts.page(ListQuery(sort="name", descending=True), 0, 10)] == ["张三", "Amy"]
    ticket = services.tickets.create(TicketDraft(a.id, TicketCategory.REPAIR, "屏幕碎了"))
    services.tickets.change_status(ticket.id, TicketStatus.IN_PROGRESS)
    assert [t.status for t in services.tickets.page(ListQuery(sort="priority"), 0, 10)] == [TicketStatus.IN_PROGRESS]
    services.loyalty.post(a.id, LedgerKind.EARN, 100, "购物")
    with pytest.raises(RuleError):
        services.loyalty.post(a.id, LedgerKind.REDEEM, 101)
    assert services.loyalty.balance(a.id) == 100
    assert services.contacts.get(a.id).created_at.tzinfo == UTC
    assert services.contacts.get(a.id).created_at <= datetime.now(UTC)
    services.contacts.trash([a.id])
    assert services.contacts.count(ListQuery(trashed=True)) == 1


def test_import_export_and_undo_on_postgres(pg, tmp_path):
    from crm_desktop.services.importing import DuplicatePolicy

    services = Services.build(ServiceContext(pg))
    services.contacts.create(ContactDraft(name="张三", phone="13800138000"))
    path = tmp_path / "a.csv"
    path.write_text("姓名,手机,公司\n张三,138 0013 8000,\n李四,13900139000,星辰科技有限公司\n", encoding="utf-8")
    imports = services.imports
    table = imports.read(path)
    result = imports.run(imports.plan(table, imports.guess_mapping(table), DuplicatePolicy.SKIP))
    assert (result.created, result.skipped) == (1, 1)
    assert [r.name for r in services.contacts.search("李四")] == ["李四"]
    services.contacts.create(ContactDraft(name="王五"))  # the id sequence moved past the imported ids
    assert services.exports.export(tmp_path / "out.xlsx").count == 3
    assert imports.undo(result.change_set_id).removed == 1
    assert sorted(r.name for r in services.contacts.page(ListQuery(), 0, 10)) == ["张三", "王五"]


def test_check_reconciles_the_points_ledger_on_postgres(pg):
    from crm_desktop.storage.maintenance import check_database

    services = Services.build(ServiceContext(pg))
    member = services.contacts.create(ContactDraft(name="张三"))
    services.loyalty.post(member.id, LedgerKind.EARN, 100, "购物")
    services.loyalty.post(member.id, LedgerKind.REDEEM, 30)
    assert check_database(URL) == []
    with pg.engine.begin() as conn:
        conn.exec_driver_sql("update contacts set points_balance = 99 where id = %s", (member.id,))
    assert any("99" in problem for problem in check_database(URL))


def test_reminders_due_snoozed_and_dismissed_on_postgres(pg):
    from datetime import timedelta

    from crm_desktop.domain.enums import FollowupKind
    from crm_desktop.services.audit import AuditQuery
    from crm_desktop.services.dto import FollowupDraft

    services = Services.build(ServiceContext(pg))
    now = services.ctx.now().replace(second=0, microsecond=0)  # a series' occurrences fall on whole seconds
    c = services.contacts.create(ContactDraft(name="张三"))
    single = services.followups.create(FollowupDraft(c.id, FollowupKind.CALL, now - timedelta(minutes=5), "回访",
                                                     reminder_minutes=0))
    series = services.followups.create(FollowupDraft(c.id, FollowupKind.VISIT, now - timedelta(days=2, minutes=1),
                                                     "巡店", reminder_minutes=0, rrule="FREQ=DAILY"))
    due = services.reminders.due(listed=1)
    assert [k[0] for k in due.keys] == [single.id, series.id]
    assert [r.followup.id for r in due.listed] == [series.id]
    assert due.listed[0].followup.due_at == now - timedelta(minutes=1)  # today's occurrence
    audited = services.audit.count(AuditQuery(table="followups"))
    services.reminders.snooze_all([single.id], 15)
    services.reminders.dismiss_all({series.id: due.keys[1][1]})
    assert services.reminders.due().keys == ()
    assert services.audit.count(AuditQuery(table="followups")) == audited + 2
