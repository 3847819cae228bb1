"""Contacts sorted by company or owner are read group by group (storage/repositories/
grouped_order.py); every page must be exactly the slice of the full order a plain SQL sort gives:
group name, group id, contact id, contacts without a group last (descending too, as a spreadsheet
sorts blank cells)."""

import random

import pytest
from sqlalchemy import text

from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.passwords import hash_password
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ListQuery
from crm_desktop.services.registry import Services
from tests.storage.postgres import MARKS

REFERENCE = {  # what the page order means, as one SQL sort over the joined rows
    "company": ("left join companies g on g.id = c.company_id", "g.name is null", "g.name_pinyin, g.name, g.id, c.id"),
    "owner": ("left join users g on g.id = c.owner_id", "g.display_name is null", "g.display_name, g.id, c.id"),
}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=MARKS)])
def store(request):
    """The same pages from SQLite and from PostgreSQL (which sorts NULL last by itself)."""
    return request.getfixturevalue("pg" if request.param == "postgres" else "db")


@pytest.fixture
def services(store):
    return Services.build(ServiceContext(store))


@pytest.fixture
def filled(services, store):
    rng = random.Random(5)
    with store.writing() as uow:
        owners = [uow.users.add(username=f"u{i}", display_name=name, role="owner" if i == 0 else "sales",
                                password_hash=hash_password("pw"), is_active=True, failed_logins=0).id
                  for i, name in enumerate(("Zhou", "Li", "Li", "王"))]
    services.users.act_as("u0")
    companies = ["", "", "Acme", "Acme Ltd", "阿里", "Beta", "Zeta", "澳门公司"]
    ids = [services.contacts.create(ContactDraft(
        name=f"客户{i}", company=rng.choice(companies), owner_id=rng.choice([*owners, None]),
        tier=rng.choice(["key", "ordinary"]))).id for i in range(90)]
    services.contacts.trash(rng.sample(ids, 12))
    return owners


def _reference(store, sort: str, descending: bool, where: str = "c.deleted_at is null") -> list[int]:
    join, blank_last, order = REFERENCE[sort]
    if descending:
        order = ", ".join(f"{part} desc" for part in order.split(", "))
    with store.engine.connect() as conn:
        return [r[0] for r in conn.execute(text(
            f"select c.id from contacts c {join} where {where} order by {blank_last}, {order}"))]


@pytest.mark.parametrize("sort", ["company", "owner"])
@pytest.mark.parametrize("descending", [False, True])
def test_every_page_is_the_slice_of_the_sorted_list(services, store, filled, sort, descending):
    expected = _reference(store, sort, descending)
    assert len(expected) == 78
    for offset, limit in ((0, 10), (7, 13), (30, 25), (70, 20), (77, 5), (78, 5), (0, 200)):
        page = services.contacts.page(ListQuery(sort=sort, descending=descending), offset, limit)
        assert [r.id for r in page] == expected[offset:offset + limit], (offset, limit)


@pytest.mark.parametrize("sort", ["company", "owner"])
def test_filters_the_trash_and_a_search_apply_before_the_grouping(services, store, filled, sort):
    tiered = services.contacts.page(ListQuery(sort=sort, filters=(("tier", "key"),)), 0, 200)
    assert [r.id for r in tiered] == _reference(store, sort, False, "c.deleted_at is null and c.tier = 'key'")
    trash = services.contacts.page(ListQuery(sort=sort, trashed=True), 0, 200)
    assert [r.id for r in trash] == _reference(store, sort, False, "c.deleted_at is not null")
    found = services.contacts.page(ListQuery(sort=sort, text="客户1"), 0, 200)
    assert [r.id for r in found] == _reference(store, sort, False, "c.deleted_at is null and c.name like '客户1%'")


def test_a_salesperson_sees_only_their_groups_in_order(services, store, filled):
    li = filled[1]
    with store.writing() as uow:
        uow.users.get(li).role = "sales"
    services.users.act_as("u1")
    page = services.contacts.page(ListQuery(sort="company"), 0, 200)
    assert [r.id for r in page] == _reference(
        store, "company", False, f"c.deleted_at is null and (c.owner_id = {li} or c.is_shared)")


def test_more_groups_than_one_in_list_holds(services, store, filled, monkeypatch):
    from crm_desktop.storage.repositories import grouped_order

    monkeypatch.setattr(grouped_order, "MAX_IN", 2)  # every company read, those without matches skipped
    page = services.contacts.page(ListQuery(sort="company", filters=(("tier", "key"),)), 3, 30)
    assert [r.id for r in page] == _reference(store, "company", False, "c.deleted_at is null and c.tier = 'key'")[3:33]


def test_the_groups_layout_is_kept_between_pages_until_the_data_change(services, store, filled):
    """Counting every group's contacts is done once for the pages that follow, and again after any
    change: the app's own writes, and another program's (SQLite: PostgreSQL counts every page)."""
    import sqlite3

    from sqlalchemy import event

    if store.engine.dialect.name != "sqlite":
        pytest.skip("the layout is kept on SQLite")
    db = store

    counted = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if "GROUP BY contacts.company_id" in statement:
            counted.append(statement)

    def pages_match(where: str = "c.deleted_at is null"):
        expected = _reference(db, "company", False, where)
        got = [r.id for offset in range(0, len(expected), 10)
               for r in services.contacts.page(ListQuery(sort="company"), offset, 10)]
        return got == expected

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        assert pages_match() and len(counted) == 1  # eight pages, one count
        first = services.contacts.page(ListQuery(sort="company"), 0, 1)[0]
        services.contacts.update(first.id, ContactDraft(name=first.name, company="Zeta"))  # this app's write
        assert pages_match() and len(counted) == 2
        with sqlite3.connect(db.path) as other:  # another program's
            other.execute("UPDATE companies SET name = 'Aardvark' WHERE name = 'Zeta'")
        assert pages_match() and len(counted) == 3
        services.contacts.page(ListQuery(sort="company", filters=(("tier", "key"),)), 0, 10)  # other filters:
        assert len(counted) == 4  # their own layout
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def test_companies_come_in_the_order_of_their_pinyin(services):
    for i, company in enumerate(("Zeta", "星辰科技", "阿里", "Beta", "澳门公司", "", "Acme")):
        services.contacts.create(ContactDraft(name=f"客户{i}", company=company))
    page = services.contacts.page(ListQuery(sort="company"), 0, 10)
    assert [r.company for r in page] == ["Acme", "阿里", "澳门公司", "Beta", "星辰科技", "Zeta", ""]
    page = services.contacts.page(ListQuery(sort="company", descending=True), 0, 10)
    assert [r.company for r in page] == ["Zeta", "星辰科技", "Beta", "澳门公司", "阿里", "Acme", ""]
