"""The contact search index: every query class, kept in step with edits, built by the upgrade."""

import sqlite3

import pytest

from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.storage import migrate, search
from crm_desktop.storage.database import Database

PEOPLE = [
    ContactDraft(name="张三", phone="+86-138-0013-8000", email="san.zhang@shop.cn", company="四海贸易有限公司"),
    ContactDraft(name="王芳", phone="139 1234 5678", tags="VIP, 老客户"),
    ContactDraft(name="张三丰", phone="13700001111"),
    ContactDraft(name="Amy Lee", email="amy@example.com", company="Bright Lights Co., Ltd."),
    ContactDraft(name="欧阳娜娜", phone="12345"),
]


@pytest.fixture
def people(services):
    return {d.name: services.contacts.create(d).id for d in PEOPLE}


def names(services, text, trashed=False):
    return sorted(r.name for r in services.contacts.page(ListQuery(text=text, trashed=trashed), 0, 100))


@pytest.mark.parametrize(("query", "expected"), [
    ("张", ["张三", "张三丰"]),  # one Chinese character
    ("王芳", ["王芳"]),  # two
    ("三丰", ["张三丰"]),
    ("欧阳娜娜", ["欧阳娜娜"]),
    ("zs", ["张三", "张三丰"]),  # initials
    ("zsf", ["张三丰"]),
    ("zhangsan", ["张三", "张三丰"]),  # pinyin
    ("ZhangSanFeng", ["张三丰"]),
    ("a", ["Amy Lee"]),  # one Latin letter, as typed anywhere in a name
    ("amy lee", ["Amy Lee"]),
    ("1380013", ["张三"]),  # phone digits however typed
    ("138 0013 8000", ["张三"]),
    ("+86 138", ["张三"]),
    ("1234", ["欧阳娜娜", "王芳"]),  # an invalid number is still found by its raw digits
    ("shop.cn", ["张三"]),  # part of an email
    ("四海", ["张三"]),  # two characters of a company
    ("四海贸易", ["张三"]),
    ("bright", ["Amy Lee"]),
    ("老客户", ["王芳"]),  # a tag
    ("老客", ["王芳"]),  # two characters of a tag
    ("客", ["王芳"]),  # one
    ("vip", ["王芳"]),
    ("nobody", []),
])
def test_every_query_class(services, people, query, expected):
    assert names(services, query) == expected
    assert services.contacts.count(ListQuery(text=query)) == len(expected)


def test_index_follows_edits_trash_and_restore(services, people):
    services.contacts.update(people["王芳"], ContactDraft(name="李娜", phone="139 1234 5678"))
    assert names(services, "王芳") == [] and names(services, "wf") == []
    assert names(services, "李娜") == ["李娜"] and names(services, "ln") == ["李娜"]
    services.contacts.trash([people["张三"]])
    assert names(services, "张") == ["张三丰"]
    assert names(services, "张", trashed=True) == ["张三"]
    services.contacts.restore([people["张三"]])
    assert names(services, "张") == ["张三", "张三丰"]


def all_grams(path):
    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("SELECT gram, tier, name_pinyin, contact_id FROM contact_grams"))


def test_edited_and_deleted_contacts_leave_no_stale_grams(services, db, people):
    """The triggers find a contact's old grams from its old values (no index by contact): what is
    left after edits and a delete is what indexing the contacts afresh writes."""
    services.contacts.update(people["王芳"], ContactDraft(name="王王芳", tags="芳芳, vip"))  # a gram at several tiers
    services.contacts.update(people["Amy Lee"], ContactDraft(name="am", tags="am, amy"))  # tags among name grams
    services.contacts.update(people["欧阳娜娜"], ContactDraft(name="欧阳娜娜", phone="12345"))  # tags taken away
    with sqlite3.connect(db.path) as conn:
        conn.execute("DELETE FROM contacts WHERE id = ?", (people["张三丰"],))
    kept = all_grams(db.path)
    with sqlite3.connect(db.path) as conn:
        conn.execute("DELETE FROM contact_grams")
        conn.execute(search.GRAMS_FROM_ID, {"first": 0})
    assert all_grams(db.path) == kept
    assert people["张三丰"] not in {g[3] for g in kept} and ("芳", 2, "wangwangfang", people["王芳"]) in kept


def test_the_upgrade_to_0015_drops_the_contact_index_and_edits_stay_in_step(services, db, people):
    def index_there():
        with sqlite3.connect(db.path) as conn:
            return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ix_contact_grams_contact'").fetchone()

    migrate.downgrade(db, "0014")  # a book of the version before: the index and its triggers
    assert index_there()
    services.contacts.update(people["王芳"], ContactDraft(name="王二芳", tags="vip"))
    migrate.upgrade_to_head(db)
    assert not index_there()
    with sqlite3.connect(db.path) as conn:  # and the triggers a new book has, finding old grams by key
        made = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE name LIKE 'contacts_search_a%'"))
    assert made == {t.split()[5]: t.replace(" IF NOT EXISTS", "") for t in search.TRIGGERS if " ON contacts " in t}
    services.contacts.update(people["王芳"], ContactDraft(name="李芳", tags="团购"))
    services.contacts.trash([people["张三"]])
    assert names(services, "王") == [] and names(services, "李芳") == ["李芳"] and names(services, "团购") == ["李芳"]
    kept = all_grams(db.path)
    with sqlite3.connect(db.path) as conn:
        conn.execute("DELETE FROM contact_grams")
        conn.execute(search.GRAMS_FROM_ID, {"first": 0})
    assert all_grams(db.path) == kept


def test_company_renamed_keeps_its_grams_in_step(services, db, people):
    with db.writing() as uow:
        company_id = uow.contacts.get(people["张三"]).company_id
        uow.session.execute(__import__("sqlalchemy").text("update companies set name = '五湖商行' where id = :i"),
                            {"i": company_id})
    assert names(services, "五湖") == ["张三"] and names(services, "四海") == []


def test_upgrade_builds_the_index_for_existing_contacts(db_path):
    db = Database(db_path)
    migrate.upgrade_to_head(db)
    migrate.downgrade(db, "0001")
    with sqlite3.connect(db_path) as conn:
        conn.execute("insert into companies (id, uuid, created_at, updated_at, name, name_key, industry, phone, "
                     "address, website, notes) values (1, 'c1', '2026-01-01', '2026-01-01', '四海贸易', '四海贸易', "
                     "'', '', '', '', '')")
        conn.execute("insert into contacts (id, uuid, created_at, updated_at, name, name_pinyin, name_initials, "
                     "is_organisation, phone_raw, phone_e164, phone_invalid, phone2_raw, email, email_invalid, "
                     "email2, company_id, title, address, city, lunar_birth_leap, gender, stage, tier, lead_source, "
                     "channel, tags, needs, notes, marketing_consent, do_not_contact, at_risk, churn_type, "
                     "churn_reason, member_level, points_balance, total_spent_cents, purchase_count) values "
                     "(1, 'u1', '2026-01-01', '2026-01-01', '张三', 'zhangsan', 'zs', 0, '138 0013 8000', "
                     "'+8613800138000', 0, '', '', 0, '', 1, '', '', '', 0, 'unknown', 'lead', 'ordinary', "
                     "'other', '', '', '', '', 0, 0, 0, '', '', '', 0, 0, 0)")
    result = migrate.upgrade_to_head(db)
    assert result.from_revision == "0001" and result.backup is not None
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services

    services = Services.build(ServiceContext(db))
    for query in ("张", "zs", "zhangsan", "1380013", "四海"):
        assert names(services, query) == ["张三"], query
    db.dispose()


def test_a_later_table_rebuild_keeps_the_index_triggers(db_path, tmp_path):
    """Alembic's batch mode drops a rebuilt table's triggers; the upgrade puts them back."""
    import shutil

    from tests.storage.test_migrations import NEXT_REVISION

    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_test_next.py").write_text(NEXT_REVISION.format(head=migrate.head_revision()))
    db = Database(db_path)
    migrate.upgrade_to_head(db, script_location=folder)
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services

    services = Services.build(ServiceContext(db))
    services.contacts.create(ContactDraft(name="王芳"))
    assert names(services, "王芳") == ["王芳"]
    with sqlite3.connect(db_path) as conn:
        triggers = {r[0] for r in conn.execute("select name from sqlite_master where type = 'trigger'")}
    assert {"contacts_search_ai", "contacts_search_au", "contacts_search_ad"} <= triggers
    db.dispose()


def test_a_short_tag_query_follows_tag_edits_and_ranks_after_names(services):
    tagged = services.contacts.create(ContactDraft(name="李四", tags="团购"))
    named = services.contacts.create(ContactDraft(name="团购王"))
    assert [r.id for r in services.contacts.search("团购")] == [named.id, tagged.id]  # a name match first
    services.contacts.update(tagged.id, ContactDraft(name="李四", tags="批发"))
    assert [r.id for r in services.contacts.search("团购")] == [named.id]
    assert [r.id for r in services.contacts.search("批发")] == [tagged.id]


def test_short_queries_rank_whole_name_then_starts_then_inside_then_company(services):
    for name, company in (("小张", ""), ("张三", ""), ("李四", "张记餐厅"), ("张", ""), ("张伟", ""),
                          ("王张丽", ""), ("张伟", "")):
        services.contacts.create(ContactDraft(name=name, company=company))
    assert [r.name for r in services.contacts.search("张")] == ["张", "张三", "张伟", "张伟", "王张丽", "小张", "李四"]
    first = [r.id for r in services.contacts.search("张", limit=7)]
    pages = [r.id for o in (0, 3, 6) for r in services.contacts.page(ListQuery(text="张", sort="relevance"), o, 3)]
    assert pages == first  # pages continue where the last one stopped, also into company matches


def test_ranked_short_queries_keep_filters_and_trash(services):
    from crm_desktop.domain.enums import LifecycleStage

    kept = services.contacts.create(ContactDraft(name="张三", stage=LifecycleStage.CUSTOMER))
    gone = services.contacts.create(ContactDraft(name="张四", stage=LifecycleStage.CUSTOMER))
    services.contacts.create(ContactDraft(name="张五"))
    services.contacts.trash([gone.id])
    customers = ListQuery(text="张", sort="relevance", filters=(("stage", "customer"),))
    assert [r.id for r in services.contacts.page(customers, 0, 10)] == [kept.id]
    trash = ListQuery(text="张", sort="relevance", trashed=True)
    assert [r.id for r in services.contacts.page(trash, 0, 10)] == [gone.id]


def test_renaming_moves_a_contact_between_tiers(services):
    a = services.contacts.create(ContactDraft(name="小王"))
    services.contacts.create(ContactDraft(name="王五"))
    assert [r.name for r in services.contacts.search("王")] == ["王五", "小王"]
    services.contacts.update(a.id, ContactDraft(name="王小"))
    assert [r.name for r in services.contacts.search("王")] == ["王五", "王小"]  # wangwu < wangxiao


def test_the_upgrade_puts_the_tags_of_existing_contacts_into_the_short_query_index(db_path):
    from crm_desktop.services.context import ServiceContext
    from crm_desktop.services.registry import Services

    db = Database(db_path)
    migrate.upgrade_to_head(db)
    services = Services.build(ServiceContext(db))
    services.contacts.create(ContactDraft(name="李四", tags="团购"))
    migrate.downgrade(db, "0009")
    with db.engine.begin() as conn:  # a database of revision 0009 had no tag grams
        conn.exec_driver_sql("DELETE FROM contact_grams WHERE tier = 3")
    assert names(services, "团购") == []
    migrate.upgrade_to_head(db)
    assert names(services, "团购") == ["李四"]
    services.contacts.create(ContactDraft(name="王五", tags="团购"))  # and the triggers index new ones
    assert names(services, "团购") == ["李四", "王五"]
    db.dispose()
