"""Best matches first for queries of three characters and more: the exact name, then names, pinyin
or initials starting with the text by pinyin, then every other match by id; pages and counts agree."""

import sqlite3

import pytest

from crm_desktop.domain.enums import LifecycleStage
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.services.registry import Services
from crm_desktop.storage import migrate
from crm_desktop.storage.database import Database
from crm_desktop.storage.search import PREFIX_INDEXES
from tests.storage.postgres import MARKS


def ids(services, text, offset=0, limit=100, **query):
    return [r.id for r in services.contacts.page(ListQuery(text=text, sort="relevance", **query), offset, limit)]


def create(services, *drafts) -> list[int]:
    return [services.contacts.create(d).id for d in drafts]


def _ranks_exact_then_starts_by_pinyin_then_the_rest(services):
    inside, exact, longer, later_exact = create(
        services, ContactDraft(name="李张三丰"), ContactDraft(name="张三丰"), ContactDraft(name="张三丰收"),
        ContactDraft(name="张三丰"))
    by_tag = create(services, ContactDraft(name="王五", tags="张三丰粉丝"))[0]
    assert ids(services, "张三丰") == [exact, later_exact, longer, inside, by_tag]
    assert services.contacts.count(ListQuery(text="张三丰")) == 5


def test_ranks_exact_then_starts_by_pinyin_then_the_rest(services):
    _ranks_exact_then_starts_by_pinyin_then_the_rest(services)


def test_pinyin_initials_and_latin_names_rank_by_pinyin_before_other_matches(services):
    by_email, zhangwei, zhangan, amy, initials = create(
        services, ContactDraft(name="李四", email="zhang@example.com"), ContactDraft(name="张伟"),
        ContactDraft(name="章安"), ContactDraft(name="Zhang Amy"), ContactDraft(name="赵华光"))
    assert ids(services, "zhang") == [amy, zhangan, zhangwei, by_email]  # zhangamy < zhangan < zhangwei
    assert ids(services, "ZHANG") == [amy, zhangan, zhangwei, by_email]  # the name's case is ignored
    assert ids(services, "zhg") == [initials]
    assert ids(services, "Zhang Amy") == [amy]  # the exact name


def test_other_matches_come_in_id_order_after_the_prefixes(services):
    first, prefix, second = create(services, ContactDraft(name="王一", tags="金牌客户"), ContactDraft(name="金牌王"),
                                   ContactDraft(name="张二", company="金牌贸易"))
    assert ids(services, "金牌") == [prefix, first, second]  # two characters: the gram table's order
    assert ids(services, "金牌客户") == [first]
    assert ids(services, "金牌贸") == [second]
    more = create(services, ContactDraft(name="金牌贸易部"))
    assert ids(services, "金牌贸") == more + [second]


def _pages_cross_the_ranks_without_repeats_or_gaps(services):
    drafts = [ContactDraft(name=n) for n in ("王建国", "王建国", "王建国庆", "王建国华")]
    drafts += [ContactDraft(name=f"李{i}", email=f"wangjianguo{i}@example.com") for i in range(5)]
    drafts += [ContactDraft(name=f"赵{i}", tags="王建国的朋友") for i in range(4)]
    create(services, *drafts)
    whole = ids(services, "王建国")
    assert len(whole) == services.contacts.count(ListQuery(text="王建国")) == 8  # 4 names, 4 tags
    for size in (1, 2, 3, 5):
        pages = [i for offset in range(0, 10, size) for i in ids(services, "王建国", offset, size)]
        assert pages == whole, size
    latin = ids(services, "wangjianguo")
    assert len(latin) == services.contacts.count(ListQuery(text="wangjianguo")) == 9  # pinyin, then emails
    assert [i for offset in range(0, 10, 4) for i in ids(services, "wangjianguo", offset, 4)] == latin


def test_pages_cross_the_ranks_without_repeats_or_gaps(services):
    _pages_cross_the_ranks_without_repeats_or_gaps(services)


def test_every_rank_keeps_the_trash_test_and_the_filters(services):
    exact, prefix, other = create(
        services, ContactDraft(name="刘德华", stage=LifecycleStage.CUSTOMER),
        ContactDraft(name="刘德华仔", stage=LifecycleStage.CUSTOMER),
        ContactDraft(name="张三", tags="刘德华迷", stage=LifecycleStage.CUSTOMER))
    gone = create(services, ContactDraft(name="刘德华"), ContactDraft(name="刘德华哥"), ContactDraft(name="陈刘德华"))
    services.contacts.create(ContactDraft(name="刘德华友"))  # a lead
    services.contacts.trash(gone)
    customers = {"filters": (("stage", "customer"),)}
    assert ids(services, "刘德华", **customers) == [exact, prefix, other]
    assert ids(services, "刘德华", 1, 1, **customers) == [prefix]
    assert ids(services, "刘德华", trashed=True) == gone
    assert services.contacts.count(ListQuery(text="刘德华", trashed=True)) == 3


def test_typed_phone_numbers_and_wildcards(services):
    phone, percent = create(services, ContactDraft(name="张三", phone="+86 138 0013 8000"), ContactDraft(name="100%纯"))
    create(services, ContactDraft(name="1000纯"))
    assert ids(services, "138 0013") == [phone]
    assert ids(services, "(138) 0013-8000") == [phone]
    assert ids(services, "100%") == [percent]  # a literal %, not a wildcard


def test_a_new_database_has_the_prefix_indexes_and_the_name_list_keeps_its_own(db_path, services):
    with sqlite3.connect(db_path) as conn:
        made = dict(conn.execute("select name, sql from sqlite_master where type = 'index'").fetchall())
        plan = " ".join(r[3] for r in conn.execute(
            "explain query plan select id from contacts where deleted_at is null order by name_pinyin, id"))
    assert {name: made.get(name) for name in PREFIX_INDEXES} == {
        name: sql.replace(" IF NOT EXISTS", "") for name, sql in PREFIX_INDEXES.items()}
    assert "ix_contacts_pinyin_prefix" not in plan  # partial: only the search's pinyin range uses it


def test_a_later_table_rebuild_keeps_the_prefix_indexes(db_path, tmp_path):
    """Alembic's batch mode rebuilds contacts' indexes without their NOCASE and WHERE; the upgrade
    makes them again as they were."""
    import shutil

    from tests.storage.test_migrations import NEXT_REVISION

    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "9999_test_next.py").write_text(NEXT_REVISION.format(head=migrate.head_revision()))
    db = Database(db_path)
    migrate.upgrade_to_head(db, script_location=folder)
    with sqlite3.connect(db_path) as conn:
        made = dict(conn.execute("select name, sql from sqlite_master where type = 'index'").fetchall())
    assert {name: made.get(name) for name in PREFIX_INDEXES} == {
        name: sql.replace(" IF NOT EXISTS", "") for name, sql in PREFIX_INDEXES.items()}
    services = Services.build(ServiceContext(db))
    a, b = create(services, ContactDraft(name="Michael Lee"), ContactDraft(name="michelle"))
    assert ids(services, "mich") == [a, b]
    db.dispose()


def test_downgrade_drops_the_prefix_indexes(db):
    migrate.downgrade(db, "0011")
    with db.engine.connect() as conn:
        names = conn.exec_driver_sql("select name from sqlite_master where type = 'index'").scalars().all()
    assert not set(PREFIX_INDEXES) & set(names)
    migrate.upgrade_to_head(db)


@pytest.mark.parametrize("check", [_ranks_exact_then_starts_by_pinyin_then_the_rest,
                                   _pages_cross_the_ranks_without_repeats_or_gaps])
@MARKS[0]
@MARKS[1]
def test_the_same_order_on_postgres(pg, check):
    check(Services.build(ServiceContext(pg)))
