"""Banked SLA clocks on a real PostgreSQL server: the trigger functions clear a bank when its
inputs change, and the report reads the same from banks as from histories (the SQLite tests of
tests/services/test_sla_banks.py, run against the server)."""

import pytest

from crm_desktop.services.context import ServiceContext
from crm_desktop.services.registry import Services
from tests.conftest import FakeClock
from tests.services import test_sla_banks as same
from tests.storage.postgres import MARKS

pytestmark = MARKS


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def shop(pg, clock):
    with pg.writing() as uow:
        uow.users.add(username="owner", display_name="店主", role="owner")
    return Services.build(ServiceContext(pg, clock=clock))


def test_the_service_banks_every_ticket_on_postgres(shop, pg, clock):
    same.test_the_service_banks_every_ticket_it_changes(shop, pg, clock)


def test_trigger_functions_clear_banks_on_postgres(shop, pg, clock):
    same.test_triggers_clear_a_bank_when_its_inputs_change(shop, pg, clock)


@pytest.mark.parametrize("how", ["cleared", "another calendar", "set back"])
def test_the_report_agrees_with_histories_on_postgres(shop, pg, clock, how):
    same.test_the_report_reads_the_same_from_banks_as_from_histories(shop, pg, clock, how)


def test_report_sql_equals_the_domain_on_postgres(pg):
    from crm_desktop.domain.sla import SlaPolicy
    from tests.storage.test_sla_sql import sql_equals_domain

    assert sql_equals_domain(pg, Services.build(ServiceContext(pg)), SlaPolicy()) > 300


def test_a_report_from_some_banks_and_some_histories_on_postgres(pg, clock):
    same.test_a_report_from_some_banks_and_some_histories_equals_the_one_from_histories(pg, clock, 3)
