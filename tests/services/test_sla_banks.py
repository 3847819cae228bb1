"""Banked SLA clocks (storage/ticket_clocks.py): the ticket service keeps them, triggers clear
them whenever a clock's inputs change, and the service-quality report reads the same figures from
them as from every ticket's history."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from crm_desktop.domain.enums import SurveyChannel, TicketCategory, TicketPriority, TicketStatus
from crm_desktop.domain.sla import WorkingCalendar, calendar_basis
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, TicketDraft
from crm_desktop.services.registry import Services
from crm_desktop.storage import migrate

SH = ZoneInfo("Asia/Shanghai")
S, P = TicketStatus, TicketPriority
BASIS = calendar_basis(WorkingCalendar())


@pytest.fixture
def svc(db, clock):
    with db.writing() as uow:
        uow.users.add(username="owner", display_name="店主", role="owner")
    return Services.build(ServiceContext(db, clock=clock))


def _ticket(svc, priority, name="客户"):
    contact = svc.contacts.create(ContactDraft(name=name))
    return svc.tickets.create(TicketDraft(contact.id, TicketCategory.REPAIR, "坏了", priority))


def _banks(db) -> dict[int, tuple]:
    with db.reading() as uow:
        rows = uow.session.execute(text(
            "select id, sla_basis, sla_first_response_s, sla_resolution_s, sla_run_pos is not null from tickets "
        "order by id"))
        return {r[0]: tuple(r[1:]) for r in rows}


def _sql(db, statement: str, **params) -> None:
    with db.writing() as uow:
        uow.session.execute(text(statement), params)


def _history(svc, clock) -> list:
    """A working week of tickets: answered, resolved on time and late, waiting, reopened, untouched."""
    tickets = [_ticket(svc, p, name=n) for p, n in
               ((P.URGENT, "甲"), (P.URGENT, "乙"), (P.NORMAL, "丙"), (P.LOW, "丁"), (P.HIGH, "戊"), (P.URGENT, "己"))]
    a, b, c, _d, e, _f = (t.id for t in tickets)
    clock.advance(minutes=30)
    svc.tickets.change_status(a, S.IN_PROGRESS)
    svc.tickets.change_status(b, S.IN_PROGRESS)
    clock.advance(hours=2)
    svc.tickets.change_status(a, S.RESOLVED)
    svc.tickets.change_status(c, S.IN_PROGRESS)
    svc.tickets.change_status(e, S.IN_PROGRESS)
    clock.advance(hours=20)
    svc.tickets.change_status(b, S.RESOLVED)
    svc.tickets.change_status(c, S.WAITING)
    svc.tickets.change_status(e, S.RESOLVED)
    clock.advance(hours=3)
    svc.tickets.change_status(e, S.IN_PROGRESS)  # reopened: its resolution clock goes on
    svc.tickets.record_survey(a, 5, 9, SurveyChannel.QUESTIONNAIRE, "")
    clock.advance(hours=30)
    return tickets


def test_the_service_banks_every_ticket_it_changes(svc, db, clock):
    tickets = _history(svc, clock)
    banks = _banks(db)
    assert {banks[t.id][0] for t in tickets} == {BASIS}
    a = tickets[0].id
    assert banks[a][1:] == (30 * 60, 150 * 60, False)  # answered after 30 working minutes, resolved after 150


def test_triggers_clear_a_bank_when_its_inputs_change(svc, db, clock):
    a, b, c, d, *_ = (t.id for t in _history(svc, clock))
    _sql(db, "insert into ticket_events (ticket_id, occurred_at, from_status, to_status, comment, uuid, created_at, "
             "updated_at) values (:t, '2026-03-05 02:00:00.000000', 'new', 'in_progress', '', 'u-1', "
             "'2026-03-05 02:00:00.000000', '2026-03-05 02:00:00.000000')", t=d)
    _sql(db, "update ticket_events set occurred_at = '2026-03-02 02:00:00.000000' where ticket_id = :t "
             "and to_status = 'resolved'", t=a)
    _sql(db, "delete from ticket_events where ticket_id = :t and to_status = 'waiting'", t=c)
    _sql(db, "update tickets set status = 'closed' where id = :t", t=b)
    banks = _banks(db)
    assert [banks[t][0] for t in (a, b, c, d)] == [None] * 4
    assert {v[0] for k, v in banks.items() if k not in (a, b, c, d)} == {BASIS}
    _sql(db, "update tickets set subject = 'x', priority = 'low' where id = :t", t=tickets_left(banks, a, b, c, d))
    assert _banks(db)[tickets_left(banks, a, b, c, d)][0] == BASIS  # neither the subject nor the target moves a clock


def tickets_left(banks, *taken) -> int:
    return next(k for k in banks if k not in taken)


@pytest.mark.parametrize("how", ["cleared", "another calendar", "set back"])
def test_the_report_reads_the_same_from_banks_as_from_histories(svc, db, clock, how):
    _history(svc, clock)
    banked = svc.tickets.sla_summary()
    assert banked.resolved == 2 and banked.at_risk_open + banked.breached_open  # the reopened one is open
    if how == "cleared":
        _sql(db, "update tickets set sla_basis = null")
    elif how == "another calendar":
        _sql(db, "update tickets set sla_basis = 'another', sla_resolution_s = 0, sla_first_response_s = 0")
    else:  # banks that claim a change after now must not be used
        _sql(db, "update tickets set sla_last_change = '2030-01-01 00:00:00.000000', sla_resolution_s = 0")
    assert svc.tickets.sla_summary() == banked


def test_banks_left_wrong_by_hand_would_show_in_the_report(svc, db, clock):
    """The other side of the test above: the report does read the banks when they hold."""
    _history(svc, clock)
    before = svc.tickets.sla_summary()
    _sql(db, "update tickets set sla_resolution_s = 0, sla_first_response_s = 0")
    assert svc.tickets.sla_summary().median_resolution_hours != before.median_resolution_hours


def test_demo_data_and_the_migration_bank_every_ticket(db, tmp_path):
    from crm_desktop.services.demo import generate_demo

    generate_demo(db, 150, seed=4, anchor=datetime(2026, 6, 1, tzinfo=SH) - timedelta(hours=8))
    banks = _banks(db)
    assert len(banks) > 5 and {v[0] for v in banks.values()} == {BASIS}
    migrate.downgrade(db, "0010")
    migrate.upgrade_to_head(db, tmp_path / "backups")
    assert _banks(db) == banks


@pytest.mark.parametrize("every", [2, 3, 7])
def test_a_report_from_some_banks_and_some_histories_equals_the_one_from_histories(db, clock, every):
    """The medians join the banked readings sorted in SQL with the others' (domain/middle.py):
    with every `every`-th ticket unbanked they still equal the medians over all the histories."""
    from crm_desktop.services.demo import generate_demo

    generate_demo(db, 400, seed=4, anchor=datetime(2026, 6, 1, tzinfo=SH) - timedelta(hours=8))
    svc = Services.build(ServiceContext(db, clock=lambda: datetime(2026, 6, 1, tzinfo=SH)))
    banked = svc.tickets.sla_summary()
    _sql(db, "update tickets set sla_basis = null where id % :every = 0", every=every)
    mixed = svc.tickets.sla_summary()
    _sql(db, "update tickets set sla_basis = null")
    histories = svc.tickets.sla_summary()
    assert histories.resolved > 20
    assert mixed == histories == banked
