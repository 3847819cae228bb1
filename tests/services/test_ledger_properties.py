"""Random sequences of loyalty operations keep every ledger invariant, after every single step."""

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.errors import RuleError
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage.database import Database
from crm_desktop.storage.ledger_check import ledger_problems
from crm_desktop.storage.migrate import upgrade_to_head

AMOUNT = st.integers(min_value=1, max_value=400)
OPERATION = st.one_of(
    st.tuples(st.just(LedgerKind.EARN), AMOUNT),
    st.tuples(st.just(LedgerKind.REDEEM), AMOUNT),
    st.tuples(st.just(LedgerKind.EXPIRE), AMOUNT),
    st.tuples(st.just(LedgerKind.ADJUST), AMOUNT | AMOUNT.map(lambda n: -n)),
    st.tuples(st.just(LedgerKind.REVERSE), st.integers(min_value=0, max_value=30)),  # index of an earlier entry
)


@pytest.fixture(scope="module")
def loyalty_db(tmp_path_factory):
    """One database for all examples; each example gets a contact of its own, and the whole
    database must reconcile after every step, so earlier examples are checked again too."""
    database = Database(tmp_path_factory.mktemp("ledger") / "crm.sqlite3")
    upgrade_to_head(database)
    yield Services.build(ServiceContext(database))
    database.dispose()


def _apply(services, contact_id, kind, n, posted):
    """Post one operation; a reversal undoes an earlier entry by posting its opposite."""
    if kind == LedgerKind.REVERSE:
        if not posted:
            return None
        return services.loyalty.post(contact_id, kind, -posted[n % len(posted)].points, reason="冲正")
    return services.loyalty.post(contact_id, kind, n, reason="盘点")


def _assert_reconciles(services, contact_id, expected):
    assert services.loyalty.balance(contact_id) == expected >= 0
    with services.ctx.db.reading() as uow:
        assert uow.loyalty.ledger_sum(contact_id) == expected
        assert uow.loyalty.last_balance(contact_id) == expected
    with services.ctx.db.engine.connect() as conn:
        assert ledger_problems(conn) == []


@settings(max_examples=60, deadline=None)
@given(operations=st.lists(OPERATION, max_size=20))
def test_any_sequence_keeps_the_balance_non_negative_and_equal_to_the_ledger(loyalty_db, operations):
    services = loyalty_db
    contact_id = services.contacts.create(ContactDraft(name="会员")).id
    posted, expected = [], 0
    for kind, n in operations:
        entries_before = services.loyalty.count_entries(contact_id)
        try:
            entry = _apply(services, contact_id, kind, n, posted)
        except RuleError:  # not enough points: refused, and nothing written
            assert services.loyalty.count_entries(contact_id) == entries_before
        else:
            if entry is not None:
                posted.append(entry)
                expected += entry.points
                assert entry.balance_after == expected
        _assert_reconciles(services, contact_id, expected)


# --- sales, voids, expiry: the daily job and reversals keep the same invariants ---------------------
STEP = st.one_of(
    st.tuples(st.just("sale"), st.integers(min_value=1, max_value=300_000)),  # fen
    st.tuples(st.just("void"), st.integers(min_value=0, max_value=30)),  # index of an earlier sale
    st.tuples(st.just("redeem"), AMOUNT),
    st.tuples(st.just("adjust"), AMOUNT | AMOUNT.map(lambda n: -n)),
    st.tuples(st.just("days"), st.integers(min_value=1, max_value=200)),  # time passes, the daily job runs
)


@pytest.fixture(scope="module")
def shop_db(tmp_path_factory):
    from crm_desktop.domain.loyalty_rules import EarningRules
    from tests.conftest import FakeClock

    database = Database(tmp_path_factory.mktemp("expiry") / "crm.sqlite3")
    upgrade_to_head(database)
    clock = FakeClock()
    services = Services.build(ServiceContext(database, clock=clock))
    services.loyalty_program.save_rules(EarningRules(expiry_months=6, birthday_bonus_pct=0))
    yield services, clock
    database.dispose()


def _step(services, clock, contact_id, op, n, sales):
    from crm_desktop.services.loyalty_dto import SaleDraft

    if op == "sale":
        sales.append(services.purchases.record_sale(SaleDraft(contact_id, n, description="商品")).purchase.id)
    elif op == "void" and sales:
        services.purchases.void(sales[n % len(sales)])  # RuleError when already voided
    elif op == "redeem":
        services.loyalty.post(contact_id, LedgerKind.REDEEM, n, "兑换")
    elif op == "adjust":
        services.loyalty.post(contact_id, LedgerKind.ADJUST, n, "盘点")
    elif op == "days":
        clock.advance(days=n)
        services.loyalty_jobs.run_daily()
        assert services.loyalty_jobs.run_daily().points_expired == 0  # a second run finds nothing more


def _open_lots_total(services, contact_id, now):
    from crm_desktop.domain.expiry import PointsMove, due_points, open_lots

    with services.ctx.db.reading() as uow:
        moves = [PointsMove(m.id, m.points, m.reverses_id, m.expires_at) for m in uow.loyalty.moves([contact_id])]
    assert due_points(moves, now) == 0  # the daily job left nothing expired on the books
    return sum(n for _when, n in open_lots(moves))


@settings(max_examples=40, deadline=None)
@given(steps=st.lists(STEP, max_size=15))
def test_sales_voids_and_expiry_keep_every_invariant(shop_db, steps):
    services, clock = shop_db
    contact_id = services.contacts.create(ContactDraft(name="会员")).id
    sales: list[int] = []
    for op, n in steps:
        with contextlib.suppress(RuleError):  # not enough points, or voided twice: refused, nothing written
            _step(services, clock, contact_id, op, n, sales)
        balance = services.loyalty.balance(contact_id)
        with services.ctx.db.reading() as uow:
            assert uow.loyalty.ledger_sum(contact_id) == uow.loyalty.last_balance(contact_id) == balance >= 0
        if op == "days":
            assert _open_lots_total(services, contact_id, clock.now) == balance
    with services.ctx.db.engine.connect() as conn:
        assert ledger_problems(conn) == []
