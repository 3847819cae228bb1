"""Sales at the counter: one transaction for the sale, the buyer's figures, the points and the level."""

from datetime import UTC, datetime, timedelta

import pytest

from crm_desktop.domain.enums import LedgerKind, PaymentMethod
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.domain.loyalty_rules import EarningRules
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.services.loyalty_dto import SaleDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage.ledger_check import ledger_problems

NOW = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)


@pytest.fixture
def shop(db, clock):
    return Services.build(ServiceContext(db, clock=clock))


def _contact(shop, name="张三", **kw):
    return shop.contacts.create(ContactDraft(name=name, **kw)).id


def _sale(shop, contact_id, cents, **kw):
    return shop.purchases.record_sale(SaleDraft(contact_id, cents, description=kw.pop("description", "电饭煲"), **kw))


def _reconciles(shop):
    with shop.ctx.db.engine.connect() as conn:
        return ledger_problems(conn) == []


def test_a_sale_updates_the_buyer_and_earns_points_in_one_go(shop):
    cid = _contact(shop)
    result = _sale(shop, cid, 123_456, payment_method=PaymentMethod.WECHAT_PAY)  # ¥1,234.56
    assert [e.points for e in result.entries] == [1234]
    contact = shop.contacts.get(cid)
    assert contact.total_spent_cents == 123_456 and shop.purchases.count(cid) == 1
    assert shop.loyalty.member_page(ListQuery(), 0, 5)[0].last_activity_at == NOW
    assert shop.loyalty.balance(cid) == 1234
    [row] = shop.purchases.page(cid, 0, 10)
    assert (row.amount_cents, row.payment_method, row.voided_at) == (123_456, PaymentMethod.WECHAT_PAY, None)
    assert _reconciles(shop)


def test_level_multiplier_birthday_bonus_and_upgrade_with_history(shop):
    cid = _contact(shop, birth_month=3, birth_day=9)  # the clock is in March
    first = _sale(shop, cid, 600_000)  # ¥6,000 as 普通 (100 %): 6000 + birthday 6000
    assert [e.points for e in first.entries] == [6000, 6000]
    assert (first.level_change.from_level, first.level_change.to_level) == ("普通", "银卡")
    second = _sale(shop, cid, 100_000)  # 银卡 earns 110 %
    assert [e.points for e in second.entries] == [1100, 1000]
    [change] = shop.loyalty_program.history(cid)
    assert change.to_level == "银卡" and change.basis_spend_cents == 600_000


def test_referrer_gets_the_bonus_on_the_first_purchase_only(shop):
    referrer, friend = _contact(shop, "老客户"), _contact(shop, "新朋友")
    with shop.ctx.db.writing() as uow:
        uow.contacts.get(friend).referred_by_id = referrer
    assert _sale(shop, friend, 10_000).referral_points == 200
    assert _sale(shop, friend, 10_000).referral_points == 0
    assert shop.loyalty.balance(referrer) == 200 and shop.loyalty.balance(friend) == 200


def test_rules_are_kept_with_the_data_and_used(shop):
    shop.loyalty_program.save_rules(EarningRules(points_per_unit=3, unit_yuan=10, birthday_bonus_pct=0))
    assert shop.data_settings.get("loyalty.points_per_unit") == 3
    cid = _contact(shop)
    assert [e.points for e in _sale(shop, cid, 9_999).entries] == [27]  # ¥99.99: nine full ¥10
    with pytest.raises(ValidationError) as caught:
        shop.loyalty_program.save_rules(EarningRules(unit_yuan=0, level_basis="moon"))
    assert set(caught.value.errors) == {"unit_yuan", "level_basis"}
    assert shop.loyalty_program.rules().unit_yuan == 10


def test_void_reverses_points_with_new_entries_and_downgrades(shop):
    cid = _contact(shop)
    sale = _sale(shop, cid, 600_000)
    shop.loyalty.post(cid, LedgerKind.REDEEM, 5_500, "兑换")
    result = shop.purchases.void(sale.purchase.id, "退货")
    assert (result.reversed_points, result.unrecoverable_points) == (500, 5_500)
    assert result.level_change.to_level == "普通"
    assert shop.loyalty.balance(cid) == 0 and shop.contacts.get(cid).total_spent_cents == 0
    kinds = [e.kind for e in shop.loyalty.entries(cid, 0, 10)]
    assert kinds == [LedgerKind.REVERSE, LedgerKind.REDEEM, LedgerKind.EARN]
    assert shop.purchases.page(cid, 0, 10)[0].voided_at is not None
    with pytest.raises(RuleError, match="already voided"):
        shop.purchases.void(sale.purchase.id)
    assert _reconciles(shop)


def test_bad_sales_are_refused_and_write_nothing(shop, clock):
    cid = _contact(shop)
    with pytest.raises(ValidationError) as caught:
        shop.purchases.record_sale(SaleDraft(cid, 0, clock.now + timedelta(days=1)))
    assert set(caught.value.errors) == {"amount", "purchased_at", "description"}
    assert shop.purchases.count(cid) == 0 and shop.contacts.get(cid).total_spent_cents == 0


def test_a_failed_sale_rolls_back_whole(shop, monkeypatch):
    cid = _contact(shop)
    from crm_desktop.services import purchases

    def broken(*_a, **_k):
        raise RuleError("Not enough points: the balance is {balance}, {needed} needed.", balance=0, needed=1)

    monkeypatch.setattr(purchases, "reevaluate_level", broken)
    with pytest.raises(RuleError):
        _sale(shop, cid, 10_000)
    assert shop.purchases.count(cid) == 0 and shop.loyalty.count_entries(cid) == 0
    assert shop.contacts.get(cid).total_spent_cents == 0
