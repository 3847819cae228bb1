"""The dashboard's figures, computed by the service and shown by the tab without blocking."""

from datetime import UTC, datetime, timedelta

from crm_desktop.domain.enums import (
    FollowupKind,
    LifecycleStage,
    TicketCategory,
    TicketStatus,
    Tier,
)
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, FollowupDraft, TicketDraft
from crm_desktop.services.registry import Services


def _fill(services, now):
    a = services.contacts.create(ContactDraft(name="甲", stage=LifecycleStage.CUSTOMER, tier=Tier.KEY))
    services.contacts.create(ContactDraft(name="乙", stage=LifecycleStage.LEAD, tier=Tier.COLD))
    services.contacts.create(ContactDraft(name="丙", stage=LifecycleStage.LEAD))
    gone = services.contacts.create(ContactDraft(name="丁", stage=LifecycleStage.CUSTOMER))
    services.contacts.trash([gone.id])
    for hours in (-30, -1, 2):  # yesterday (overdue), earlier today (overdue), later today
        services.followups.create(FollowupDraft(a.id, FollowupKind.CALL, now + timedelta(hours=hours), "回访"))
    t = services.tickets.create(TicketDraft(a.id, TicketCategory.REPAIR, "坏了"))
    services.tickets.create(TicketDraft(a.id, TicketCategory.TRAINING, "培训"))
    services.tickets.change_status(t.id, TicketStatus.RESOLVED)


def test_summary_counts(db, clock):
    local_noon = datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
    clock.now = local_noon.astimezone(UTC)
    services = Services.build(ServiceContext(db, clock=clock))
    _fill(services, clock.now)
    s = services.dashboard.summary()
    assert s.contacts_total == 3
    assert s.by_stage == {"customer": 1, "lead": 2}
    assert s.by_tier == {"key": 1, "cold": 1, "ordinary": 1}
    assert s.followups_overdue == 2
    assert len(s.followups_today) == 2  # earlier today and later today
    assert s.open_tickets_by_status == {"new": 1, "resolved": 1}


def test_tab_shows_cards_from_a_worker(qtbot, db_path, db, open_window):
    now = datetime.now(UTC)
    services = Services.build(ServiceContext(db))
    _fill(services, now)
    window = open_window(db_path)
    tab = window.dashboard
    qtbot.waitUntil(lambda: tab.summary is not None, timeout=10_000)
    assert tab.cards["contacts"].value.text() == "3"
    assert tab.cards["leads"].value.text() == "2"
    assert tab.cards["open_tickets"].value.text() == "1"
    assert tab.cards["overdue"].value.text() == "2"
    assert tab.stage_chart.values[0] == ("Lead", 2)
    before = tab.summary
    window.services.contacts.create(ContactDraft(name="戊"))  # a change elsewhere refreshes the dashboard
    qtbot.waitUntil(lambda: tab.summary is not before and tab.summary.contacts_total == 4, timeout=10_000)
    assert tab.cards["contacts"].value.text() == "4"
