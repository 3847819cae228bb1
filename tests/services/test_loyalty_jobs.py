"""The daily job: points expire N months after they were earned, oldest first, once; levels follow
the rolling 12 months down as well as up."""

from datetime import UTC, datetime

import pytest

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.loyalty_rules import EarningRules
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, ListQuery
from crm_desktop.services.loyalty_dto import SaleDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage.ledger_check import ledger_problems


@pytest.fixture
def shop(db, clock):
    services = Services.build(ServiceContext(db, clock=clock))
    services.loyalty_program.save_rules(EarningRules(expiry_months=12, birthday_bonus_pct=0))
    return services


def _member(shop, name="会员"):
    return shop.contacts.create(ContactDraft(name=name)).id


def test_points_expire_oldest_first_and_only_once(shop, clock):
    cid = _member(shop)
    shop.loyalty.post(cid, LedgerKind.EARN, 100, "A")  # expires 2027-03-02
    clock.advance(days=60)
    shop.loyalty.post(cid, LedgerKind.EARN, 50, "B")  # expires 2027-05-01
    shop.loyalty.post(cid, LedgerKind.REDEEM, 30, "兑换")  # spends 30 of A
    clock.advance(days=300)  # 2027-02-25: A expires within 30 days
    assert shop.loyalty.expiring_soon(cid) == 70
    assert shop.loyalty.member_page(ListQuery(), 0, 10)[0].expiring_soon == 70
    clock.advance(days=6)  # past A's expiry
    first = shop.loyalty_jobs.run_daily()
    assert (first.members_expired, first.points_expired) == (1, 70)
    assert shop.loyalty_jobs.run_daily().points_expired == 0  # twice at the same moment: nothing more
    assert shop.loyalty.balance(cid) == 50
    clock.advance(days=70)
    assert shop.loyalty_jobs.run_daily().points_expired == 50
    assert shop.loyalty.balance(cid) == 0
    with shop.ctx.db.engine.connect() as conn:
        assert ledger_problems(conn) == []


def test_reversed_earn_does_not_expire_again(shop, clock):
    cid = _member(shop)
    earn = shop.loyalty.post(cid, LedgerKind.EARN, 100, "A")
    shop.loyalty.post(cid, LedgerKind.ADJUST, 40, "补偿")  # never expires
    shop.loyalty.post(cid, LedgerKind.REVERSE, -100, "冲正", reverses_id=earn.id)
    clock.advance(days=400)
    assert shop.loyalty_jobs.run_daily().points_expired == 0
    assert shop.loyalty.balance(cid) == 40


def test_daily_job_downgrades_when_a_sale_leaves_the_window(shop, clock):
    cid = _member(shop)
    sale = shop.purchases.record_sale(SaleDraft(cid, 2_500_000, description="沙发"))
    assert sale.level_change.to_level == "金卡"
    clock.advance(days=200)
    assert shop.loyalty_jobs.run_daily().level_changes == 0
    clock.advance(days=200)
    result = shop.loyalty_jobs.run_daily()
    assert result.level_changes == 1 and shop.contacts.get(cid).member_level == "普通"
    history = shop.loyalty_program.history(cid)
    assert [(h.from_level, h.to_level) for h in history] == [("金卡", "普通"), ("普通", "金卡")]
    assert history[0].reason == "每日评估"


def test_daily_job_from_the_command_line(db_path, shop, clock, capsys):
    from crm_desktop.cli import main

    cid = _member(shop)
    with shop.ctx.db.writing() as uow:  # an entry earned long ago, as an import or the demo writes it
        uow.loyalty.append(contact_id=cid, kind="earn", points=80, balance_after=80, reason="旧积分",
                           occurred_at=datetime(2024, 1, 5, tzinfo=UTC),
                           expires_at=datetime(2025, 1, 5, tzinfo=UTC))
        uow.contacts.get(cid).points_balance = 80
    shop.ctx.db.dispose()
    assert main(["--db", str(db_path), "loyalty-daily"]) == 0
    assert "80 points expired" in capsys.readouterr().out
    assert main(["--db", str(db_path), "loyalty-daily"]) == 0
    assert "0 points expired" in capsys.readouterr().out
    assert main(["--db", str(db_path), "check"]) == 0


def test_an_entry_is_reversed_once_and_only_for_its_member(shop):
    from crm_desktop.domain.errors import RuleError

    a, b = _member(shop, "甲"), _member(shop, "乙")
    earn = shop.loyalty.post(a, LedgerKind.EARN, 100, "A")
    shop.loyalty.post(b, LedgerKind.EARN, 100, "B")
    with pytest.raises(RuleError, match="another member"):
        shop.loyalty.post(b, LedgerKind.REVERSE, -100, "冲正", reverses_id=earn.id)
    shop.loyalty.post(a, LedgerKind.REVERSE, -100, "冲正", reverses_id=earn.id)
    with pytest.raises(RuleError, match="already reversed"):
        shop.loyalty.post(a, LedgerKind.REVERSE, -1, "冲正", reverses_id=earn.id)
    assert (shop.loyalty.balance(a), shop.loyalty.balance(b)) == (0, 100)
