"""SLA targets kept with the data: the settings dialog stores them, every ticket clock uses them."""

import pytest

from crm_desktop.domain.enums import TicketCategory, TicketPriority
from crm_desktop.domain.errors import RuleError
from crm_desktop.domain.sla import DEFAULT_TARGETS, SlaTarget
from crm_desktop.domain.sla_targets import SLA_TARGETS_KEY, targets_from_setting, targets_to_setting
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, TicketDraft
from crm_desktop.services.registry import Services


def _ticket(svc, priority):
    contact = svc.contacts.create(ContactDraft(name="客户"))
    return svc.tickets.create(TicketDraft(contact.id, TicketCategory.REPAIR, "坏了", priority))


def test_saved_targets_drive_the_clocks_of_every_instance_on_the_database(db, clock):
    first, second = Services.build(ServiceContext(db, clock=clock)), Services.build(ServiceContext(db, clock=clock))
    ticket = _ticket(first, TicketPriority.URGENT)
    assert first.tickets.get(ticket.id).sla.first_response.target_minutes == 60
    targets = dict(DEFAULT_TARGETS)
    targets[TicketPriority.URGENT] = SlaTarget(30, 120)
    first.data_settings.put(SLA_TARGETS_KEY, targets_to_setting(targets))
    clock_of = second.tickets.get(ticket.id).sla
    assert (clock_of.first_response.target_minutes, clock_of.resolution.target_minutes) == (30, 120)


def test_unreadable_or_missing_entries_fall_back_to_the_defaults():
    stored = {"urgent": {"first_response_minutes": 20, "resolution_minutes": 90},
              "high": {"first_response_minutes": "x"}, "normal": {"first_response_minutes": 500, "resolution_minutes": 9}}
    targets = targets_from_setting(stored)
    assert targets[TicketPriority.URGENT] == SlaTarget(20, 90)
    assert targets[TicketPriority.HIGH] == DEFAULT_TARGETS[TicketPriority.HIGH]
    assert targets[TicketPriority.NORMAL] == DEFAULT_TARGETS[TicketPriority.NORMAL]  # first after resolution
    assert targets_from_setting("garbage") == DEFAULT_TARGETS


@pytest.mark.parametrize("target", [SlaTarget(0, 60), SlaTarget(120, 60), SlaTarget(60, 10**9)])
def test_impossible_targets_are_refused(target):
    with pytest.raises(RuleError):
        targets_to_setting({TicketPriority.LOW: target})
