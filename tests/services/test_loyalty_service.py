"""The points ledger cannot lie: random sequences of entries keep every invariant."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crm_desktop.domain.enums import LedgerKind
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.services.dto import ContactDraft

ENTRY = st.tuples(st.sampled_from([LedgerKind.EARN, LedgerKind.REDEEM, LedgerKind.EXPIRE, LedgerKind.ADJUST]),
                  st.integers(min_value=-500, max_value=500))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(ENTRY, max_size=25))
def test_balance_never_negative_and_equals_ledger_sum(services, entries):
    contact = services.contacts.create(ContactDraft(name="会员"))
    expected = 0
    for kind, points in entries:
        try:
            entry = services.loyalty.post(contact.id, kind, points, reason="盘点")
        except (RuleError, ValidationError):
            continue
        expected += entry.points
        assert entry.balance_after == expected >= 0
    assert services.loyalty.balance(contact.id) == expected
    with services.ctx.db.reading() as uow:
        assert uow.loyalty.ledger_sum(contact.id) == expected
        assert uow.loyalty.last_balance(contact.id) == expected


def test_refused_redeem_writes_nothing(services):
    contact = services.contacts.create(ContactDraft(name="会员"))
    services.loyalty.post(contact.id, LedgerKind.EARN, 50)
    with pytest.raises(RuleError, match="Not enough points"):
        services.loyalty.post(contact.id, LedgerKind.REDEEM, 51)
    assert services.loyalty.count_entries(contact.id) == 1
