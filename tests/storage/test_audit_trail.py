"""The audit trail: written with every change in the same transaction, hash-chained, checked."""

import dataclasses
import json
import multiprocessing
import sqlite3

import pytest

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.errors import ValidationError
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.storage.maintenance import check_database


def _entries(path):
    with sqlite3.connect(path) as conn:
        rows = conn.execute("select user_id, action, table_name, record_uuid, changes from audit_log order by id")
        return [(u, a, t, r, {k: v[:2] for k, v in json.loads(c).items()}) for u, a, t, r, c in rows]


def test_create_update_trash_record_who_when_which_and_old_new(services, db, db_path):
    services.ctx.user_id = None
    created = services.contacts.create(ContactDraft(name="张三", phone="13800138000"))
    services.contacts.update(created.id, dataclasses.replace(created.draft, name="张三丰", notes="VIP"))
    services.contacts.trash([created.id])
    entries = [e for e in _entries(db_path) if e[2] == "contacts"]
    assert [e[1] for e in entries] == ["create", "update", "delete"]
    assert {e[3] for e in entries} == {created.uuid}
    assert entries[0][4]["name"] == [None, "张三"] and entries[0][4]["phone_e164"] == [None, "+8613800138000"]
    assert entries[1][4] == {"name": ["张三", "张三丰"], "notes": ["", "VIP"]}
    assert entries[2][4]["deleted_at"][0] is None and entries[2][4]["deleted_at"][1].startswith("20")
    assert check_database(db_path) == []


def test_the_acting_user_and_the_services_clock_are_recorded(db, db_path, clock):
    ctx = ServiceContext(db, clock=clock)
    services = Services.build(ctx)
    ctx.user_id = None
    first = services.contacts.create(ContactDraft(name="李四"))
    with db.writing() as uow:  # a user row to name
        from crm_desktop.storage.records import UserRecord

        uow.session.add(UserRecord(username="li", display_name="李销售", role="sales"))
    ctx.user_id = 1
    services.contacts.update(first.id, dataclasses.replace(first.draft, tags="回头客"))
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("select user_id, occurred_at from audit_log where table_name = 'contacts'").fetchall()
    assert rows[0][0] is None and rows[-1][0] == 1
    assert rows[-1][1].startswith(clock.now.strftime("%Y-%m-%d %H:%M:%S"))


def test_a_failed_write_leaves_no_audit_entry(services, db_path):
    services.contacts.create(ContactDraft(name="王五"))
    before = len(_entries(db_path))
    with pytest.raises(ValidationError):
        services.contacts.create(ContactDraft(name=""))
    assert len(_entries(db_path)) == before


def test_points_post_and_its_balance_are_audited(services, db_path):
    contact = services.contacts.create(ContactDraft(name="赵六"))
    services.loyalty.post(contact.id, LedgerKind.ADJUST, 50, "开业赠送")
    tables = [(e[1], e[2]) for e in _entries(db_path)]
    assert ("create", "points_ledger") in tables and tables.count(("update", "contacts")) >= 1
    assert check_database(db_path) == []


def test_an_entry_edited_behind_the_apps_back_breaks_the_chain(services, db_path):
    contact = services.contacts.create(ContactDraft(name="孙七", phone="13700137000"))
    services.contacts.update(contact.id, dataclasses.replace(contact.draft, notes="old note"))
    services.contacts.update(contact.id, dataclasses.replace(contact.draft, notes="new note"))
    with sqlite3.connect(db_path) as conn:
        target = conn.execute("select id from audit_log where changes like '%old note%' order by id").fetchone()[0]
        conn.execute("update audit_log set changes = replace(changes, 'old note', 'forged') where id = ?", (target,))
    assert check_database(db_path) == [f"audit entry {target}: its recorded changes were altered"]


def test_a_forged_seal_or_a_removed_entry_is_found_too(services, db_path):
    for name in ("甲", "乙", "丙"):
        services.contacts.create(ContactDraft(name=name))
    with sqlite3.connect(db_path) as conn:
        conn.execute("delete from audit_log where id = 2")
    assert check_database(db_path) == ["audit entry 3: it does not follow the entry before it (removed or reordered?)"]


def test_the_check_command_exits_1_on_a_broken_chain(services, db_path, capsys):
    from crm_desktop.cli import main

    services.contacts.create(ContactDraft(name="周八"))
    assert main(["--db", str(db_path), "check"]) == 0
    with sqlite3.connect(db_path) as conn:
        conn.execute("update audit_log set action = 'delete' where id = 1")
    assert main(["--db", str(db_path), "check"]) == 1
    assert "audit entry 1" in capsys.readouterr().err


def test_an_import_and_its_undo_are_one_entry_each(services, db_path, tmp_path):
    path = tmp_path / "members.csv"
    path.write_text("姓名,手机\n张一,13800000001\n张二,13800000002\n", encoding="utf-8")
    table = services.imports.read(path)
    plan = services.imports.plan(table, services.imports.guess_mapping(table), "skip", label="members.csv")
    result = services.imports.run(plan)
    services.imports.undo(result.change_set_id)
    bulk = [e for e in _entries(db_path) if e[2] == "change_sets"]
    assert [e[1] for e in bulk] == ["import", "undo"]
    assert bulk[0][4]["label"] == [None, "members.csv"] and bulk[0][4]["created"] == [None, 2]
    assert bulk[1][4]["removed"] == [None, 2]
    assert check_database(db_path) == []


def test_a_merge_and_its_undo_are_recorded(services, db_path):
    a = services.contacts.create(ContactDraft(name="钱九", phone="13600136000"))
    b = services.contacts.create(ContactDraft(name="钱九", phone="136 0013 6000"))
    merged = services.duplicates.merge(a.id, [b.id])
    services.duplicates.undo_merge(merged.change_set_id)
    actions = [(e[1], e[2]) for e in _entries(db_path)]
    assert ("merge", "change_sets") in actions and ("undo", "change_sets") in actions
    assert ("delete", "contacts") in actions  # the merged duplicate went to the trash
    assert check_database(db_path) == []


def _edit_many(path: str, name: str, times: int) -> None:
    db = Database(path)
    services = Services.build(ServiceContext(db))
    contact = services.contacts.create(ContactDraft(name=name))
    for i in range(times):
        services.contacts.update(contact.id, dataclasses.replace(contact.draft, notes=f"{name} {i}"))
    db.dispose()


def test_two_processes_writing_at_once_keep_one_chain(db, db_path):
    spawn = multiprocessing.get_context("spawn")
    workers = [spawn.Process(target=_edit_many, args=(str(db_path), name, 25)) for name in ("甲方", "乙方")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    assert len(_entries(db_path)) == 52
    assert check_database(db_path) == []
