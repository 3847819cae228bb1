"""SLA clocks on listed tickets, callbacks after resolving, surveys, and the service-quality report."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event

from crm_desktop.domain.enums import (
    FollowupKind,
    SurveyChannel,
    TicketCategory,
    TicketPriority,
    TicketStatus,
)
from crm_desktop.domain.errors import RuleError, ValidationError
from crm_desktop.domain.sla import SlaState
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ContactDraft, ListQuery, TicketDraft
from crm_desktop.services.registry import Services

SH = ZoneInfo("Asia/Shanghai")
S, P = TicketStatus, TicketPriority


@pytest.fixture
def svc(db, clock):
    with db.writing() as uow:  # users to assign tickets and contacts to
        uow.users.add(username="owner", display_name="店主", role="owner")
        uow.users.add(username="li", display_name="小李", role="service")
    return Services.build(ServiceContext(db, clock=clock))


def _users(svc) -> dict[str, int]:
    return {u.username: u.id for u in svc.users.active()}


def _ticket(svc, priority, assignee=None, owner=None, name="客户"):
    contact = svc.contacts.create(ContactDraft(name=name, owner_id=owner))
    return svc.tickets.create(TicketDraft(contact.id, TicketCategory.REPAIR, "坏了", priority, assignee_id=assignee))


def _followups(svc, contact_id):
    return svc.followups.page(ListQuery(sort="due", filters=(("contact_id", contact_id),)), 0, 50)


def _at_risk(db, contact_id) -> bool:
    with db.reading() as uow:
        return uow.contacts.get(contact_id).at_risk


def test_listed_tickets_carry_their_clocks_from_one_events_query(svc, db, clock):
    for _ in range(30):
        _ticket(svc, P.URGENT)
    clock.advance(hours=2)  # Monday 11:30 in Shanghai: two working hours without an answer
    statements = []
    event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
    rows = svc.tickets.page(ListQuery(sort="opened"), 0, 50)
    assert len(rows) == 30
    assert {r.sla.headline.state for r in rows} == {SlaState.BREACHED}
    assert rows[0].sla.first_response.left_minutes == -60
    assert sum("ticket_events" in s for s in statements) == 1


def test_sla_filter_lists_at_risk_and_breached_open_tickets(svc, clock):
    urgent = _ticket(svc, P.URGENT)
    clock.advance(minutes=20)
    normal = _ticket(svc, P.NORMAL)
    clock.advance(minutes=35)  # urgent: 55 of 60 minutes used; normal: 35 of 480
    assert [t.id for t in svc.tickets.page(ListQuery(filters=(("sla", "at_risk"),)), 0, 50)] == [urgent.id]
    assert svc.tickets.count(ListQuery(filters=(("sla", "breached"),))) == 0
    clock.advance(minutes=10)
    assert svc.tickets.count(ListQuery(filters=(("sla", "breached"),))) == 1
    assert svc.tickets.get(normal.id).sla.headline.state == SlaState.ON_TRACK


def test_resolving_plans_a_callback_next_working_day_for_the_assignee(svc, clock):
    users = _users(svc)
    clock.now = datetime(2026, 3, 6, 15, tzinfo=SH)  # a Friday afternoon
    t = _ticket(svc, P.NORMAL, assignee=users["li"], owner=users["owner"])
    svc.tickets.change_status(t.id, S.RESOLVED)
    (callback,) = _followups(svc, t.draft.contact_id)
    assert callback.draft.kind == FollowupKind.CALLBACK
    assert callback.due_at == datetime(2026, 3, 9, 10, tzinfo=SH)  # Monday 10:00
    assert callback.draft.owner_id == users["li"]
    assert t.number in callback.draft.title


def test_callback_goes_to_the_contacts_owner_without_an_assignee(svc):
    users = _users(svc)
    t = _ticket(svc, P.NORMAL, owner=users["owner"])
    svc.tickets.change_status(t.id, S.RESOLVED)
    assert [f.draft.owner_id for f in _followups(svc, t.draft.contact_id)] == [users["owner"]]


def test_a_low_survey_opens_a_call_and_flags_the_contact(svc, db):
    users = _users(svc)
    t = _ticket(svc, P.NORMAL, assignee=users["li"], owner=users["owner"])
    svc.tickets.change_status(t.id, S.RESOLVED)
    survey = svc.tickets.record_survey(t.id, 2, 7, SurveyChannel.PHONE_CALLBACK, " 等太久了 ")
    assert (survey.csat, survey.nps, survey.comment) == (2, 7, "等太久了")
    calls = [f for f in _followups(svc, t.draft.contact_id) if f.draft.kind == FollowupKind.CALL]
    assert [(f.draft.title, f.draft.owner_id) for f in calls] == [("回访：客户不满意 / Call back: unhappy customer",
                                                                   users["owner"])]
    assert _at_risk(db, t.draft.contact_id)


def test_a_happy_survey_changes_nothing_else(svc, db):
    t = _ticket(svc, P.LOW)
    svc.tickets.change_status(t.id, S.CLOSED)
    svc.tickets.record_survey(t.id, 4, 9, SurveyChannel.ONLINE, "")
    assert _followups(svc, t.draft.contact_id) == [] and not _at_risk(db, t.draft.contact_id)


@pytest.mark.parametrize(("csat", "nps", "message"), [
    (None, None, "Give at least one score."), (6, None, "CSAT is a score from 1 to 5."),
    (None, 11, "NPS is a score from 0 to 10.")])
def test_invalid_surveys_are_refused(svc, csat, nps, message):
    t = _ticket(svc, P.LOW)
    svc.tickets.change_status(t.id, S.RESOLVED)
    with pytest.raises(ValidationError, match=message):
        svc.tickets.record_survey(t.id, csat, nps, SurveyChannel.ONLINE, "")


def test_an_open_ticket_takes_no_survey(svc):
    t = _ticket(svc, P.LOW)
    with pytest.raises(RuleError, match="resolved or closed"):
        svc.tickets.record_survey(t.id, 5, 10, SurveyChannel.ONLINE, "")


def test_a_complaint_needs_a_reason_code(svc):
    c = svc.contacts.create(ContactDraft(name="投诉客户"))
    with pytest.raises(ValidationError) as raised:
        svc.tickets.create(TicketDraft(c.id, TicketCategory.COMPLAINT, "送货延误"))
    assert raised.value.errors == {"complaint_reason": "Choose the reason for the complaint."}
    t = svc.tickets.create(TicketDraft(c.id, TicketCategory.COMPLAINT, "送货延误", complaint_reason="slow_response"))
    assert svc.tickets.get(t.id).draft.complaint_reason == "slow_response"
    other = svc.tickets.create(TicketDraft(c.id, TicketCategory.REPAIR, "坏了", complaint_reason="price"))
    assert other.draft.complaint_reason == ""


def test_sla_summary_on_a_hand_built_set(svc, clock):
    """Monday 09:30 in Shanghai: five tickets opened; see the module docstring of domain.sla."""
    a, d, e = (_ticket(svc, P.URGENT, name=n) for n in "ADE")
    b, c = _ticket(svc, P.NORMAL, name="B"), _ticket(svc, P.LOW, name="C")
    clock.advance(minutes=30)  # 10:00
    svc.tickets.change_status(a.id, S.IN_PROGRESS)
    svc.tickets.change_status(d.id, S.IN_PROGRESS)
    clock.advance(hours=1)  # 11:00
    svc.tickets.change_status(b.id, S.IN_PROGRESS)
    clock.advance(hours=1)  # 12:00: A resolved after 150 working minutes (target 240)
    svc.tickets.change_status(a.id, S.RESOLVED)
    clock.advance(hours=24)  # Tuesday 12:00: D resolved after 510 + 180 minutes: breached
    svc.tickets.change_status(d.id, S.RESOLVED)
    svc.tickets.change_status(b.id, S.WAITING)
    svc.tickets.record_survey(a.id, 5, 10, SurveyChannel.QUESTIONNAIRE, "")
    svc.tickets.record_survey(d.id, 2, 3, SurveyChannel.PHONE_CALLBACK, "")
    clock.advance(hours=4)  # Tuesday 16:00: C has used 930 of 960 minutes; E was never answered

    report = svc.tickets.sla_summary()
    assert (report.resolved, report.resolved_within_target, report.compliance_pct) == (2, 1, 50.0)
    assert report.median_first_response_hours == 0.5
    assert report.median_resolution_hours == 7.0  # median of 150 and 690 minutes
    assert report.open_by_status == {"new": 2, "waiting": 1}
    assert (report.at_risk_open, report.breached_open) == (1, 1)
    assert svc.tickets.sla_ticket_ids(SlaState.AT_RISK) == (c.id,)
    assert svc.tickets.sla_ticket_ids(SlaState.BREACHED) == (e.id,)
    assert report.csat_avg == 3.5
    assert [(m.month, m.answers, m.nps) for m in report.by_month] == [("2026-03", 2, 0.0)]

    clock.now = datetime(2026, 4, 1, 10, tzinfo=SH)
    svc.tickets.record_survey(a.id, 4, 8, SurveyChannel.ONLINE, "")
    april = svc.tickets.sla_summary(datetime(2026, 4, 1, tzinfo=SH), datetime(2026, 5, 1, tzinfo=SH))
    assert april.resolved == 0 and april.compliance_pct is None
    assert [(m.month, m.csat_avg, m.nps) for m in april.by_month] == [("2026-04", 4.0, 0.0)]
