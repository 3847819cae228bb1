"""An import's bulk path writes what the row-by-row path writes: the same rows, the same search
index, the same schema afterwards, and nothing at all when it fails."""

import sqlite3
import sys
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from sqlalchemy import event

from crm_desktop.services import importing
from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.services.importing import DuplicatePolicy
from crm_desktop.storage import search
from crm_desktop.storage.bulk import bulk_writer
from crm_desktop.storage.contact_import import HANDOVER_SECONDS, ContactImportWriter, full_row

HEADER = "姓名,手机,邮箱,公司,标签,备注"
ROWS = [
    "王伟伟,13800138000,ww@example.com,星辰科技有限公司,伟伟,",  # a gram at places of different tiers
    "Amy Amy,13900139000,amy@example.com,Bright Co.,aa,'=1+1",  # Latin name, initials among its grams
    "张三丰,137 0013 7000,zsf@example.com,,\"vip, 老客户\",",
    "欧阳娜娜,12345,not-an-email,恒通贸易,娜娜,它's",
    "李  四,+86 150 0015 0000,,,zs,",
]


def write_csv(path, lines):
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("gb18030"))
    return path


def import_rows(services, path):
    table = services.imports.read(path)
    return services.imports.run(services.imports.plan(table, services.imports.guess_mapping(table),
                                                      DuplicatePolicy.SKIP))


def grams(path):
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT gram, tier, name_pinyin, contact_id FROM contact_grams"))


def schema(path):
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


@pytest.mark.parametrize("batch", [5000, 2])  # indexed at the end, or batch by batch as they are written
def test_the_bulk_index_holds_what_the_general_statement_writes(services, db, tmp_path, monkeypatch, batch):
    monkeypatch.setattr(importing, "CREATE_BATCH", batch)
    import_rows(services, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    bulk = grams(db.path)
    with sqlite3.connect(db.path) as conn:
        conn.execute("DELETE FROM contact_grams")
        conn.execute(search.GRAMS_FROM_ID, {"first": 0})
    assert bulk == grams(db.path)
    assert any(g[0] == "伟" for g in bulk)


def test_imported_contacts_are_indexed_as_contacts_made_one_by_one(services, db, tmp_path):
    import_rows(services, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    imported = {r.name: r.id for r in services.contacts.page(ListQuery(), 0, 100)}
    bulk = grams(db.path)
    for contact_id in imported.values():  # the trigger's way, one contact at a time
        detail = services.contacts.get(contact_id)
        services.contacts.update(contact_id, replace_name(detail.draft, detail.draft.name + "x"))
        services.contacts.update(contact_id, detail.draft)
    assert grams(db.path) == bulk
    for query, name in (("伟", "王伟伟"), ("王伟", "王伟伟"), ("zsf", "张三丰"), ("zhangsanfeng", "张三丰"),
                        ("老客", "张三丰"), ("amy", "Amy Amy"), ("1380013", "王伟伟"), ("12345", "欧阳娜娜"),
                        ("恒通", "欧阳娜娜"), ("李 四", "李 四")):
        assert name in {r.name for r in services.contacts.page(ListQuery(text=query), 0, 100)}, query


def replace_name(draft: ContactDraft, name: str) -> ContactDraft:
    from dataclasses import replace

    return replace(draft, name=name)


@contextmanager
def statements(db):
    """The SQL every connection of the engine runs meanwhile (the bulk writer's among them)."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def index_drops(seen):
    return [s for s in seen if s.lstrip().upper().startswith("DROP INDEX")]


def test_an_import_into_an_empty_book_leaves_the_schema_as_it_was(services, db, tmp_path):
    before = schema(db.path)
    with statements(db) as seen:
        import_rows(services, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    assert index_drops(seen)  # an empty book's indexes are dropped and made again after the rows
    assert schema(db.path) == before
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        plan = " ".join(r[3] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE phone_e164 = '+8613800138000'"))
        assert "ix_contacts_phone_e164" in plan
        assert conn.execute("SELECT count(*) FROM contacts INDEXED BY ix_contacts_email "
                            "WHERE email = 'ww@example.com'").fetchone() == (1,)


def test_indexes_whose_key_the_rows_share_are_kept_and_stay_whole(services, db, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "CREATE_BATCH", 2)  # the first batch shares its tier, later ones do not
    rows = ["姓名,手机,客户分级", "甲一,13800138001,普通", "乙二,13800138002,普通", "丙三,13800138003,重点",
            "丁四,13800138004,冷淡"]
    with statements(db) as seen:
        import_rows(services, write_csv(tmp_path / "a.csv", rows))
    dropped = " ".join(index_drops(seen))
    assert "ix_contacts_name_prefix" in dropped and "ix_contacts_phone_e164" in dropped  # a key each row has its own
    assert "ix_contacts_owner_live" not in dropped and "ix_contacts_tier_live" not in dropped  # one key for all
    with sqlite3.connect(db.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT tier, count(*) FROM contacts INDEXED BY ix_contacts_tier_live "
                            "WHERE tier IN ('ordinary', 'key', 'cold') GROUP BY tier ORDER BY tier").fetchall() == [
            ("cold", 1), ("key", 1), ("ordinary", 2)]


def test_a_failed_import_leaves_no_rows_and_every_index(services, db, tmp_path):
    before = schema(db.path)

    def fail(done, total):
        raise RuntimeError("cancelled")

    table = services.imports.read(write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    plan = services.imports.plan(table, services.imports.guess_mapping(table), DuplicatePolicy.SKIP)
    with pytest.raises(RuntimeError):
        services.imports.run(plan, fail)
    assert schema(db.path) == before
    assert services.contacts.count(ListQuery()) == 0


def test_a_batch_failing_on_the_writing_thread_leaves_nothing(services, db, tmp_path, monkeypatch):
    before = schema(db.path)
    monkeypatch.setattr(importing, "CREATE_BATCH", 2)
    written = ContactImportWriter.write_contacts
    calls = []

    def second_fails(self, statements):
        calls.append(sum(s.rows for s in statements))
        if len(calls) == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return written(self, statements)

    monkeypatch.setattr(ContactImportWriter, "write_contacts", second_fails)
    with pytest.raises(Exception, match="disk I/O error"):
        import_rows(services, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    assert calls == [2, 2]  # the third batch was never written
    assert schema(db.path) == before
    assert services.contacts.count(ListQuery()) == 0
    assert services.imports.history() == []


def test_the_writing_thread_gets_the_lock_quickly_during_an_import_and_the_interval_is_put_back(
        services, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "CREATE_BATCH", 2)
    before = sys.getswitchinterval()
    written = ContactImportWriter.write_contacts
    during = []

    def record(self, statements):
        during.append(sys.getswitchinterval())
        return written(self, statements)

    monkeypatch.setattr(ContactImportWriter, "write_contacts", record)
    import_rows(services, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    assert during == [HANDOVER_SECONDS] * 3 and sys.getswitchinterval() == before

    def fail(done, total):
        raise RuntimeError("cancelled")

    table = services.imports.read(write_csv(tmp_path / "b.csv", [HEADER, "赵六,13600136000,,,,"]))
    with pytest.raises(RuntimeError):
        services.imports.run(services.imports.plan(table, services.imports.guess_mapping(table),
                                                   DuplicatePolicy.CREATE), fail)
    assert sys.getswitchinterval() == before


def test_an_import_into_a_fuller_book_keeps_its_indexes_throughout(services, db, tmp_path):
    for i in range(8):
        services.contacts.create(ContactDraft(name=f"老客户{i}", phone=f"1380000000{i}"))
    before = schema(db.path)
    with statements(db) as seen:
        import_rows(services, write_csv(tmp_path / "a.csv", [HEADER, *ROWS]))
    assert seen and index_drops(seen) == []  # kept, not dropped and made again
    assert schema(db.path) == before
    assert services.contacts.count(ListQuery(text="伟")) == 1


def test_values_every_row_shares_are_written_as_if_bound(db):
    stamp = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    shared = {"title": "it's \"quoted\"", "points_balance": 7, "do_not_contact": True, "email2": "",
              "created_at": stamp, "updated_at": stamp, "member_since": None, "total_spent_cents": 2 ** 63 - 1}
    rows = [full_row("contacts", {"id": i, "name": f"n{i}", **shared}) for i in range(1, 4)]
    rows[2]["notes"] = "only here"
    with bulk_writer(db) as w:
        w.insert("contacts", rows)
    with sqlite3.connect(db.path) as conn:
        got = conn.execute("SELECT title, typeof(points_balance), points_balance, do_not_contact, email2, created_at, "
                           "member_since, total_spent_cents, notes FROM contacts ORDER BY id").fetchall()
    assert got == [("it's \"quoted\"", "integer", 7, 1, "", "2026-03-01 09:30:00.000000", None, 2 ** 63 - 1, n)
                   for n in ("", "", "only here")]
