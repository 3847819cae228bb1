"""Every legal and illegal ticket transition, with exact timestamps from a fake clock."""

import pytest

from crm_desktop.domain.enums import TicketCategory, TicketStatus
from crm_desktop.domain.errors import RuleError
from crm_desktop.domain.tickets import TRANSITIONS
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, TicketDraft
from crm_desktop.services.registry import Services

S = TicketStatus
PATH_TO = {S.NEW: [], S.IN_PROGRESS: [S.IN_PROGRESS], S.WAITING: [S.WAITING],
           S.RESOLVED: [S.RESOLVED], S.CLOSED: [S.CLOSED]}


@pytest.fixture
def svc(db, clock):
    return Services.build(ServiceContext(db, clock=clock))


def _ticket_in(svc, status):
    c = svc.contacts.create(ContactDraft(name="客户"))
    t = svc.tickets.create(TicketDraft(c.id, TicketCategory.REPAIR, "坏了"))
    for step in PATH_TO[status]:
        t = svc.tickets.change_status(t.id, step)
    return t


@pytest.mark.parametrize(("current", "target"), [(a, b) for a in S for b in S])
def test_transition_matrix(svc, current, target):
    ticket = _ticket_in(svc, current)
    events_before = len(svc.tickets.events(ticket.id))
    if target in TRANSITIONS[current]:
        assert svc.tickets.change_status(ticket.id, target).status == target
        assert len(svc.tickets.events(ticket.id)) == events_before + 1
    else:
        with pytest.raises(RuleError, match="cannot go from"):
            svc.tickets.change_status(ticket.id, target)
        assert svc.tickets.get(ticket.id).status == current
        assert len(svc.tickets.events(ticket.id)) == events_before


def test_timestamps_follow_the_workflow(svc, clock):
    opened = clock.now
    t = _ticket_in(svc, S.NEW)
    assert t.opened_at == opened and t.first_response_at is None
    clock.advance(hours=2)
    t = svc.tickets.change_status(t.id, S.IN_PROGRESS, "看过了")
    assert t.first_response_at == opened.replace() + (clock.now - opened)
    clock.advance(hours=5)
    t = svc.tickets.change_status(t.id, S.RESOLVED)
    assert t.resolved_at == clock.now
    clock.advance(days=1)
    t = svc.tickets.change_status(t.id, S.CLOSED)
    assert t.closed_at == clock.now
    clock.advance(days=1)
    t = svc.tickets.change_status(t.id, S.IN_PROGRESS, "again")
    assert t.resolved_at is None and t.closed_at is None
    events = svc.tickets.events(t.id)
    assert [(e.from_status, e.to_status) for e in events] == [
        ("", "new"), ("new", "in_progress"), ("in_progress", "resolved"), ("resolved", "closed"),
        ("closed", "in_progress")]
    assert events[1].comment == "看过了"
