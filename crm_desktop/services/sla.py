"""SLA clocks, satisfaction figures and the callbacks that follow a ticket, over one unit of work.

The ticket service calls these inside its own transactions: clocks for a page of tickets come from
one query for those tickets' events; the report reads the tickets of a period and the open ones in
two queries each, and the surveys in one.
"""

from collections import defaultdict
from datetime import datetime, time
from statistics import median

from crm_desktop.domain.enums import FollowupKind, TicketPriority, TicketStatus
from crm_desktop.domain.sla import (
    SlaClock,
    SlaPolicy,
    SlaState,
    TicketFacts,
    WorkingCalendar,
    next_working_day_at,
    sla_state,
    status_intervals,
)
from crm_desktop.domain.sla_targets import SLA_TARGETS_KEY, targets_from_setting
from crm_desktop.domain.surveys import average, nps_score
from crm_desktop.domain.tickets import OPEN_STATUSES, ticket_number
from crm_desktop.services.dto import MonthScores, SlaSummary

CALLBACK_AT = time(10)  # resolving plans a callback at 10:00 on the next working day
UNHAPPY_TITLE = "回访：客户不满意 / Call back: unhappy customer"


def callback_title(ticket_id: int) -> str:
    return f"回访：工单 {ticket_number(ticket_id)} 已解决 / Callback: ticket {ticket_number(ticket_id)} resolved"


class SlaEngine:
    """The policy and working calendar, and what they compute from repository rows."""

    def __init__(self, policy: SlaPolicy | None = None, calendar: WorkingCalendar | None = None):
        self.policy = policy  # None: the targets kept in the data settings (sla.targets)
        self.calendar = calendar or WorkingCalendar()

    def policy_of(self, uow) -> SlaPolicy:
        """The given policy, else the data's targets, read in the caller's unit of work so every
        instance on one database counts against the same promises as soon as they are saved."""
        if self.policy is not None:
            return self.policy
        return SlaPolicy(targets=targets_from_setting(uow.app_settings.get(SLA_TARGETS_KEY)))

    # --- clocks ----------------------------------------------------------------------------------
    def clocks(self, facts: dict[int, TicketFacts], event_rows, now: datetime,
               policy: SlaPolicy | None = None) -> dict[int, SlaClock]:
        """Clocks per ticket id; `event_rows` are (ticket_id, occurred_at, to_status) in time order."""
        events = defaultdict(list)
        for ticket_id, occurred_at, to_status in event_rows:
            events[ticket_id].append((occurred_at, to_status))
        policy = policy or self.policy or SlaPolicy()
        return {tid: sla_state(f, status_intervals(events.get(tid, ())), now, policy, self.calendar)
                for tid, f in facts.items()}

    def clocks_for_records(self, uow, records, now: datetime) -> dict[int, SlaClock]:
        """Clocks of the given ticket records (a page of a list), reading their events once."""
        facts = {r.id: _facts(r.priority, r.status, r.opened_at, r.first_response_at, r.resolved_at)
                 for r in records}
        return self.clocks(facts, uow.tickets.events_of(facts), now, self.policy_of(uow)) if facts else {}

    def _clocks_where(self, uow, now: datetime, **where) -> dict[int, SlaClock]:
        facts = {row[0]: _facts(*row[1:]) for row in uow.tickets.sla_facts(**where)}
        return self.clocks(facts, uow.tickets.sla_events(**where), now, self.policy_of(uow))

    def open_states(self, uow, now: datetime) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(ids of open tickets at risk, ids of open tickets breached), by their headline clock."""
        by_state = defaultdict(list)
        for tid, clock in self._clocks_where(uow, now, statuses=sorted(OPEN_STATUSES)).items():
            by_state[clock.headline.state].append(tid)
        return tuple(by_state[SlaState.AT_RISK]), tuple(by_state[SlaState.BREACHED])

    # --- report ----------------------------------------------------------------------------------
    def summary(self, uow, now: datetime, start: datetime | None, end: datetime | None) -> SlaSummary:
        resolved = list(self._clocks_where(uow, now, resolved_between=(start, end)).values())
        within = sum(1 for c in resolved if c.resolution.state == SlaState.MET)
        at_risk, breached = self.open_states(uow, now)
        scores = uow.tickets.survey_scores(start, end)
        by_status = uow.tickets.count_by_status()
        return SlaSummary(
            resolved=len(resolved), resolved_within_target=within,
            compliance_pct=round(100 * within / len(resolved), 1) if resolved else None,
            median_first_response_hours=_median_hours(c.first_response.used_minutes for c in resolved),
            median_resolution_hours=_median_hours(c.resolution.used_minutes for c in resolved),
            open_by_status={s: n for s, n in by_status.items() if s in OPEN_STATUSES},
            at_risk_open=at_risk, breached_open=breached,
            csat_avg=average(r.csat for r in scores if r.csat is not None),
            by_month=self._months(scores), computed_at=now,
        )

    def _months(self, scores) -> tuple[MonthScores, ...]:
        months = defaultdict(list)
        for row in scores:
            months[row.answered_at.astimezone(self.calendar.tz).strftime("%Y-%m")].append(row)
        return tuple(MonthScores(month, len(rows), average(r.csat for r in rows if r.csat is not None),
                                 nps_score(r.nps for r in rows if r.nps is not None))
                     for month, rows in sorted(months.items()))

    # --- follow-ups ------------------------------------------------------------------------------
    def plan_callback(self, uow, *, contact_id: int, owner_id: int | None, ticket_id: int, title: str,
                      kind: FollowupKind, now: datetime):
        """A planned call at 10:00 on the next working day, linked to the ticket."""
        due = next_working_day_at(now, CALLBACK_AT, self.calendar)
        return uow.followups.add(
            contact_id=contact_id, owner_id=owner_id, kind=kind.value, title=title, due_at=due,
            duration_minutes=15, all_day=False, reminder_minutes=10, rrule="", status="planned",
            notes="", ticket_id=ticket_id, created_at=now, updated_at=now)


def _facts(priority, status, opened_at, first_response_at, resolved_at) -> TicketFacts:
    return TicketFacts(TicketPriority(priority), TicketStatus(status), opened_at, first_response_at, resolved_at)


def _median_hours(minutes) -> float | None:
    values = list(minutes)
    return round(median(values) / 60, 1) if values else None
