"""Random sequences of loyalty operations keep every ledger invariant, after every single step."""

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
