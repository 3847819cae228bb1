"""The count of a search without filters comes from the search index's own count (the FTS table,
or the gram tables for one or two characters), less the trashed contacts among the matches: it
equals what the pages list, trash and all."""

from sqlalchemy import event

from crm_desktop.services.dto import ContactDraft, ListQuery


def _pages(contacts, query: ListQuery) -> list[int]:
    ids, offset = [], 0
    while page := contacts.page(query, offset, 7):
        ids += [r.id for r in page]
        offset += 7
    return ids


def test_counts_equal_the_listed_matches_with_trashed_ones_left_out(services):
    contacts = services.contacts
    made = [contacts.create(ContactDraft(name=f"客户{i}", tags="VIP,团购" if i % 3 else "普通",
                                         email=f"vip{i}@example.com" if i % 5 == 0 else "")).id
            for i in range(40)]
    contacts.trash([made[1], made[2], made[5], made[30]])  # trashed matches of both kinds
    for text in ("VIP", "vip", "example.com", "团购", "客户", "客", "户1", "nothing-like-it", "无"):
        query = ListQuery(text=text, sort="relevance")
        listed = _pages(contacts, query)
        assert contacts.count(query) == len(listed) == len(set(listed))
        trash = ListQuery(text=text, sort="relevance", trashed=True)
        assert contacts.count(trash) == len(_pages(contacts, trash))
    assert contacts.count(ListQuery(text="VIP", sort="relevance")) == sum(
        1 for i in range(40) if i % 3 or i % 5 == 0) - 4  # 1, 2, 5 and 30 (by its e-mail) trashed


def test_filters_still_count_the_usual_way(services):
    contacts = services.contacts
    for i in range(6):
        contacts.create(ContactDraft(name=f"王{i}", tags="VIP", stage="customer" if i % 2 else "lead"))
    query = ListQuery(text="VIP", sort="relevance", filters=(("stage", "customer"),))
    assert contacts.count(query) == 3 == len(_pages(contacts, query))


def test_short_queries_count_company_matches_once(services):
    contacts = services.contacts
    first = contacts.create(ContactDraft(name="李雷", company="掌柜科技有限公司")).id
    contacts.create(ContactDraft(name="掌柜", company="掌柜科技有限公司"))  # by its name and its company
    contacts.create(ContactDraft(name="韩梅梅"))
    contacts.trash([first])
    for text in ("掌柜", "掌", "科技"):
        query = ListQuery(text=text, sort="relevance")
        assert contacts.count(query) == len(_pages(contacts, query))
    assert contacts.count(ListQuery(text="掌柜", sort="relevance")) == 1


def _company_plans(db, contacts, query: ListQuery) -> tuple[list[int], list[str]]:
    """The ids the pages list, and SQLite's plan of each company-match query run for them (the
    gram select that sorts or walks by name), one string of plan details a query."""
    run = []

    def grab(conn, cursor, statement, params, context, executemany):
        if "company_grams" in statement and "ORDER BY contacts.name_pinyin" in statement:
            run.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", grab)
    try:
        ids = _pages(contacts, query)
    finally:
        event.remove(db.engine, "before_cursor_execute", grab)
    with db.engine.connect() as conn:
        plans = [" | ".join(row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", params))
                 for statement, params in run]
    return ids, plans


def test_company_matches_are_listed_by_name_whichever_way_they_are_found(services, db, monkeypatch):
    """A short query matching many contacts' companies walks the name index instead of sorting
    them all: the same contacts in the same order either way, and SQLite's plan says which way
    each took (the walk must not look the matches up by company_id, or it sorts them all again)."""
    from crm_desktop.storage.repositories import people

    contacts = services.contacts
    for i in range(30):
        contacts.create(ContactDraft(name=f"{'赵钱孙李周吴郑王'[i % 8]}{i}", company=f"恒通科技{i % 4}有限公司"
                                     if i % 3 else "和平贸易"))
    query = ListQuery(text="科技", sort="relevance")
    monkeypatch.setattr(people, "WALK_FACTOR", 0)  # always sorted
    sorted_ids, sorted_plans = _company_plans(db, contacts, query)
    monkeypatch.setattr(people, "WALK_FACTOR", 10**9)  # always walked
    walked_ids, walked_plans = _company_plans(db, contacts, query)
    assert walked_ids == sorted_ids and len(sorted_ids) == 20
    assert sorted_plans and walked_plans
    for plan in sorted_plans:
        assert "SEARCH contacts USING INDEX ix_contacts_company_live" in plan, plan
        assert "USE TEMP B-TREE FOR ORDER BY" in plan, plan
    for plan in walked_plans:
        assert "SCAN contacts USING INDEX ix_contacts_name_visible" in plan, plan
        assert "ix_contacts_company_live" not in plan, plan
