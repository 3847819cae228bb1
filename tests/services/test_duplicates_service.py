"""Finding, merging and un-merging duplicate contacts over a real SQLite file."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from crm_desktop.domain.enums import FollowupKind, InteractionKind, LedgerKind, TicketCategory
from crm_desktop.domain.errors import RuleError
from crm_desktop.services.dto import (
    ContactDraft,
    FollowupDraft,
    InteractionDraft,
    ListQuery,
    TicketDraft,
)
from crm_desktop.services.events import ContactsChanged
from crm_desktop.storage.records import (
    ChangeSetItemRecord,
    FollowupRecord,
    InteractionRecord,
    PointsEntryRecord,
    PurchaseRecord,
    SurveyRecord,
    TicketRecord,
)

WHEN = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
RELATED = (InteractionRecord, FollowupRecord, TicketRecord, SurveyRecord, PurchaseRecord)


def _purchase(db, contact_id: int, cents: int, when: datetime) -> None:
    """No service records purchases yet: insert one and keep the contact's totals as the app does."""
    with db.writing() as uow:
        uow.session.add(PurchaseRecord(contact_id=contact_id, purchased_at=when, amount_cents=cents))
        contact = uow.contacts.get(contact_id)
        contact.total_spent_cents += cents
        contact.purchase_count += 1
        contact.last_purchase_at = max(filter(None, [contact.last_purchase_at, when]))


def _survey(db, contact_id: int) -> None:
    with db.writing() as uow:
        uow.session.add(SurveyRecord(contact_id=contact_id, channel="phone", csat=5, answered_at=WHEN))


def _history(services, db, contact_id: int, days: int, points: int) -> None:
    """One of everything that belongs to a contact."""
    services.contacts.log_interaction(InteractionDraft(contact_id, InteractionKind.CALL, WHEN + timedelta(days=days),
                                                       "电话回访"))
    services.followups.create(FollowupDraft(contact_id, FollowupKind.CALL, WHEN + timedelta(days=days + 30)))
    services.tickets.create(TicketDraft(contact_id, TicketCategory.REPAIR, "屏幕坏了"))
    _survey(db, contact_id)
    _purchase(db, contact_id, 12_300, WHEN + timedelta(days=days))
    services.loyalty.post(contact_id, LedgerKind.EARN, points, reason="消费积分")


def _owners(db) -> dict[tuple[str, int], int]:
    """(table, row id) -> contact id of every related row."""
    with db.reading() as uow:
        return {(m.__tablename__, r.id): r.contact_id for m in RELATED for r in uow.session.scalars(select(m))}


def _state(services, ids):
    """What a user can see of each contact: its fields, totals and balance."""
    got = {i: services.contacts.get(i) for i in ids}
    return {i: (c.draft, c.points_balance, c.total_spent_cents, c.deleted_at is None) for i, c in got.items()}


def _assert_ledger_chains(db, contact_id: int) -> None:
    with db.reading() as uow:
        entries = uow.session.scalars(select(PointsEntryRecord).where(PointsEntryRecord.contact_id == contact_id)
                                      .order_by(PointsEntryRecord.id)).all()
        balance = 0
        for entry in entries:
            balance += entry.points
            assert entry.balance_after == balance, f"entry {entry.id} breaks the chain"
        assert uow.contacts.get(contact_id).points_balance == balance


@pytest.fixture
def pair(services, db):
    """The same customer entered twice, each copy with its own history and points."""
    a = services.contacts.create(ContactDraft(name="张三", phone="138 0013 8000", company="星辰科技有限公司"))
    b = services.contacts.create(ContactDraft(name="张三", phone="+86-13800138000", email="zs@shop.cn",
                                              company="星辰科技"))
    _history(services, db, a.id, 1, 100)
    _history(services, db, b.id, 5, 40)
    return a.id, b.id


def test_likely_duplicates_finds_a_phone_typed_differently(services):
    a = services.contacts.create(ContactDraft(name="张三", phone="+86-13800138000"))
    services.contacts.create(ContactDraft(name="李四", phone="13900139000"))
    found = services.duplicates.likely_duplicates(ContactDraft(name="Mr Zhang", phone="138 0013 8000"))
    assert [(m.contact.id, m.score, m.reasons) for m in found] == [(a.id, 60, ("phone",))]
    assert found[0].contact.phone == "138 0013 8000"


def test_likely_duplicates_by_second_phone_email_and_name(services):
    a = services.contacts.create(ContactDraft(name="王芳", phone2="13800138000"))
    b = services.contacts.create(ContactDraft(name="Amy", email="Amy@Example.com"))
    c = services.contacts.create(ContactDraft(name="赵 六"))
    services.contacts.create(ContactDraft(name="章六"))  # same pinyin only: not likely enough
    find = services.duplicates.likely_duplicates
    assert [m.contact.id for m in find(ContactDraft(name="x", phone="+8613800138000"))] == [a.id]
    assert [m.contact.id for m in find(ContactDraft(name="y", email="AMY@example.COM"))] == [b.id]
    assert [m.contact.id for m in find(ContactDraft(name="赵六"))] == [c.id]
    assert find(ContactDraft(name="赵六"), exclude_id=c.id) == []
    assert find(ContactDraft(name="")) == []


def test_trashed_contacts_are_not_duplicates(services):
    a = services.contacts.create(ContactDraft(name="张三", phone="13800138000"))
    services.contacts.trash([a.id])
    assert services.duplicates.likely_duplicates(ContactDraft(name="张三", phone="13800138000")) == []


def test_groups_by_phone_email_and_name_with_company(services):
    p1 = services.contacts.create(ContactDraft(name="甲", phone="13800138000"))
    p2 = services.contacts.create(ContactDraft(name="乙", phone="+86 138 0013 8000"))
    e1 = services.contacts.create(ContactDraft(name="Amy", email="amy@x.cn"))
    e2 = services.contacts.create(ContactDraft(name="Amy Lee", email="AMY@x.cn"))
    n1 = services.contacts.create(ContactDraft(name="王五", company="北京星辰科技有限公司"))
    n2 = services.contacts.create(ContactDraft(name="王五", company="北京星辰科技"))
    services.contacts.create(ContactDraft(name="王五", company="别的公司"))
    lone = services.contacts.create(ContactDraft(name="丙", phone="13900139000"))
    trashed = services.contacts.create(ContactDraft(name="丁", phone="13900139000"))
    services.contacts.trash([trashed.id])
    groups = services.duplicates.groups()
    got = {tuple(c.id for c in g.contacts): (g.score, g.reasons) for g in groups}
    assert got == {(p1.id, p2.id): (60, ("phone",)), (e1.id, e2.id): (50, ("email",)),
                   (n1.id, n2.id): (40, ("name", "company"))}
    assert [g.score for g in groups] == [60, 50, 40]
    assert lone.id not in {c.id for g in groups for c in g.contacts}


def test_merge_moves_everything_and_the_ledger_still_chains(services, db, pair):
    a, b = pair
    seen = []
    services.bus.subscribe(seen.append)
    result = services.duplicates.merge(a, [b], {"email": b})
    assert result.moved == {"interactions": 1, "followups": 1, "tickets": 1, "surveys": 1, "purchases": 1,
                            "referrals": 0}
    assert result.points_moved == 40
    assert set(_owners(db).values()) == {a}
    survivor = services.contacts.get(a)
    assert (survivor.draft.name, survivor.draft.email, survivor.draft.company) == ("张三", "zs@shop.cn", "星辰科技有限公司")
    assert survivor.points_balance == 140 and services.contacts.get(b).points_balance == 0
    assert survivor.total_spent_cents == 24_600
    with db.reading() as uow:
        record = uow.contacts.get(a)
        assert record.purchase_count == 2 and record.last_interaction_at == WHEN + timedelta(days=5)
        assert "zs@shop.cn" in record.search_text
    for contact_id in pair:
        _assert_ledger_chains(db, contact_id)
    assert [r.id for r in services.contacts.page(ListQuery(), 0, 10)] == [a]
    assert [r.id for r in services.contacts.page(ListQuery(trashed=True), 0, 10)] == [b]
    assert ContactsChanged(frozenset({a, b})) in seen


def test_merge_is_logged_as_one_change_set(services, db, pair):
    a, b = pair
    result = services.duplicates.merge(*pair[:1], [pair[1]])
    with db.reading() as uow:
        items = uow.change_sets.items(result.change_set_id)
    actions = sorted({(i.table_name, i.action) for i in items})
    assert ("contacts", "update") in actions and ("points_ledger", "insert") in actions
    assert {i.table_name for i in items if i.action == "move"} == {
        "interactions", "followups", "tickets", "surveys", "purchases"}
    assert all(i.before == {"contact_id": b} for i in items if i.action == "move")
    assert services.duplicates.last_merge().id == result.change_set_id
    assert services.duplicates.last_merge().label == "张三"


def test_undo_restores_everything_exactly(services, db, pair):
    a, b = pair
    owners, state = _owners(db), _state(services, pair)
    result = services.duplicates.merge(a, [b], {"email": b, "name": b})
    services.duplicates.undo_merge(result.change_set_id)
    assert _owners(db) == owners
    assert _state(services, pair) == state
    for contact_id in pair:
        _assert_ledger_chains(db, contact_id)
    with db.reading() as uow:
        assert uow.contacts.get(a).last_interaction_at == WHEN + timedelta(days=1)
    assert services.duplicates.likely_duplicates(ContactDraft(name="张三", email="zs@shop.cn"),
                                                 exclude_id=a)[0].contact.id == b
    assert services.duplicates.last_merge() is None


def test_undo_twice_is_refused_and_changes_nothing(services, db, pair):
    result = services.duplicates.merge(pair[0], [pair[1]])
    services.duplicates.undo_merge(result.change_set_id)
    with db.reading() as uow:
        entries = len(uow.session.scalars(select(PointsEntryRecord)).all())
    with pytest.raises(RuleError, match="already undone"):
        services.duplicates.undo_merge(result.change_set_id)
    with db.reading() as uow:
        assert len(uow.session.scalars(select(PointsEntryRecord)).all()) == entries


def test_undo_is_refused_when_the_moved_points_were_spent(services, db, pair):
    a, b = pair
    result = services.duplicates.merge(a, [b])
    services.loyalty.post(a, LedgerKind.REDEEM, 140)
    with pytest.raises(RuleError, match="Not enough points"):
        services.duplicates.undo_merge(result.change_set_id)
    assert services.contacts.get(b).deleted_at is not None  # nothing was undone
    assert services.duplicates.last_merge().id == result.change_set_id


def test_referrals_follow_the_survivor_and_come_back(services, db, pair):
    a, b = pair
    friend = services.contacts.create(ContactDraft(name="朋友"))
    with db.writing() as uow:
        uow.contacts.get(friend.id).referred_by_id = b
        uow.contacts.get(a).referred_by_id = b
    result = services.duplicates.merge(a, [b])
    with db.reading() as uow:
        assert uow.contacts.get(friend.id).referred_by_id == a
        assert uow.contacts.get(a).referred_by_id is None  # never referred by itself
    services.duplicates.undo_merge(result.change_set_id)
    with db.reading() as uow:
        assert uow.contacts.get(friend.id).referred_by_id == b
        assert uow.contacts.get(a).referred_by_id == b


def test_bad_merges_are_refused_and_write_nothing(services, db, pair):
    a, b = pair
    with pytest.raises(RuleError, match="at least one other"):
        services.duplicates.merge(a, [a])
    services.contacts.trash([b])
    with pytest.raises(RuleError, match="trash"):
        services.duplicates.merge(a, [b])
    with db.reading() as uow:
        assert uow.session.scalars(select(ChangeSetItemRecord)).first() is None
    assert services.contacts.get(a).points_balance == 100
