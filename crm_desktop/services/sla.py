"""SLA clocks, satisfaction figures and the callbacks that follow a ticket, over one unit of work.

The ticket service calls these inside its own transactions: clocks for a page of tickets come from
one query for those tickets' events. The report reads the clocks banked with each ticket
(storage/ticket_clocks.py): the open tickets are classified and the resolved ones measured in SQL
at now's working position, and only tickets without a valid bank are counted from their history;
the surveys are counted a month at a time in SQL.
"""

from collections import Counter, defaultdict
from datetime import datetime, time, timedelta
from functools import partial

from crm_desktop.domain.enums import FollowupKind, TicketPriority, TicketStatus
from crm_desktop.domain.middle import middle_of_union
from crm_desktop.domain.sla import (
    STATE_OF_SEVERITY,
    SlaClock,
    SlaPolicy,
    SlaState,
    TicketFacts,
    WorkingCalendar,
    calendar_basis,
    next_working_day_at,
    sla_state,
    status_intervals,
    working_position,
)
from crm_desktop.domain.sla_targets import SLA_TARGETS_KEY, targets_from_setting
from crm_desktop.domain.surveys import mean_of_sum, nps_of_counts
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

    def _history_clocks(self, uow, now: datetime, policy: SlaPolicy, basis: str, **where) -> dict[int, SlaClock]:
        """Clocks from the status history, of the tickets `where` selects whose bank is missing or
        does not hold at `now` (storage/ticket_clocks.py): usually none or a few."""
        unbanked = {**where, "unbanked": (basis, now)}
        facts = {row[0]: _facts(*row[1:]) for row in uow.tickets.sla_facts(**unbanked)}
        return self.clocks(facts, uow.tickets.sla_events(**unbanked), now, policy) if facts else {}

    def bank(self, uow, ticket_ids) -> None:
        """Keep the banked clocks of tickets just changed (call after the last change)."""
        uow.tickets.bank_sla(self.calendar, ticket_ids)

    def _reading_at(self, uow, now: datetime) -> tuple[SlaPolicy, str, int]:
        """What reading the clocks at `now` needs: the policy, the banks' basis, now's working position."""
        return self.policy_of(uow), calendar_basis(self.calendar), working_position(now, self.calendar)

    def open_states(self, uow, now: datetime) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """(ids of open tickets at risk, ids of open tickets breached), by their headline clock:
        the banked ones classified in SQL, the rest from their history."""
        policy, basis, now_pos = self._reading_at(uow, now)
        by_state = defaultdict(list)
        for tid, severity in uow.tickets.sla_banked_open(basis, now, now_pos, policy, sorted(OPEN_STATUSES)):
            by_state[STATE_OF_SEVERITY[severity]].append(tid)
        for tid, clock in self._history_clocks(uow, now, policy, basis, statuses=sorted(OPEN_STATUSES)).items():
            by_state[clock.headline.state].append(tid)
        return tuple(sorted(by_state[SlaState.AT_RISK])), tuple(sorted(by_state[SlaState.BREACHED]))

    def open_counts(self, uow, now: datetime) -> tuple[int, int]:
        """(open tickets at risk, open tickets breached) by their headline clock, as `open_states`
        finds them, counted: the banked ones in SQL, the rest from their history."""
        policy, basis, now_pos = self._reading_at(uow, now)
        counts = Counter({STATE_OF_SEVERITY[severity]: n for severity, n in uow.tickets.sla_banked_open_counts(
            basis, now, now_pos, policy, sorted(OPEN_STATUSES)).items()})
        counts.update(clock.headline.state for clock in self._history_clocks(
            uow, now, policy, basis, statuses=sorted(OPEN_STATUSES)).values())
        return counts[SlaState.AT_RISK], counts[SlaState.BREACHED]

    # --- report ----------------------------------------------------------------------------------
    def _resolved(self, uow, now: datetime, start, end) -> tuple[int, int, float | None, float | None]:
        """Of the tickets resolved in [start, end): how many, how many within target, and the median
        first-response and resolution working hours. The banked clocks are counted and their
        middle readings sorted in SQL (a year holds some 67,000 at 1M contacts); the few others'
        come from their history and join them (domain/middle.py)."""
        policy, basis, now_pos = self._reading_at(uow, now)
        period = (start, end)
        history = [(c.first_response.used_minutes, c.resolution.used_minutes, c.resolution.state == SlaState.MET)
                   for c in self._history_clocks(uow, now, policy, basis, resolved_between=period).values()]
        banked, banked_met = uow.tickets.sla_banked_resolved_counts(basis, now, now_pos, policy, period)
        sorted_banked = partial(uow.tickets.sla_banked_resolved_sorted, basis, now, now_pos, policy, period)
        first, resolution = (_median_hours(middle_of_union(banked, partial(sorted_banked, reading), [h[i] for h in history]))
                             for i, reading in enumerate(("first", "resolution")))
        within = banked_met + sum(1 for h in history if h[2])
        return banked + len(history), within, first, resolution

    def summary(self, uow, now: datetime, start: datetime | None, end: datetime | None) -> SlaSummary:
        resolved, within, first_hours, resolution_hours = self._resolved(uow, now, start, end)
        at_risk, breached = self.open_counts(uow, now)
        months = self._months(uow, start, end)
        by_status = uow.tickets.count_by_status()
        return SlaSummary(
            resolved=resolved, resolved_within_target=within,
            compliance_pct=round(100 * within / resolved, 1) if resolved else None,
            median_first_response_hours=first_hours, median_resolution_hours=resolution_hours,
            open_by_status={s: n for s, n in by_status.items() if s in OPEN_STATUSES},
            at_risk_open=at_risk, breached_open=breached,
            csat_avg=mean_of_sum(sum(m[1][2] for m in months), sum(m[1][1] for m in months)),
            nps=nps_of_counts(*(sum(m[1][k] for m in months) for k in (3, 4, 5))),
            by_month=tuple(MonthScores(month, n, mean_of_sum(csat_sum, csat_n), nps_of_counts(nps_n, promoters, detractors))
                           for month, (n, csat_n, csat_sum, nps_n, promoters, detractors) in months),
            computed_at=now,
        )

    def _months(self, uow, start: datetime | None, end: datetime | None) -> list[tuple[str, tuple]]:
        """("YYYY-MM" in the calendar's zone, survey counts) of each month with answers in the period."""
        first, last = uow.tickets.survey_span()
        if first is None:
            return []
        lo, hi = start or first, end or last + timedelta(microseconds=1)
        labels, bounds = _month_bounds(lo, hi, self.calendar.tz)
        if len(bounds) < 2:
            return []
        counts = uow.tickets.survey_buckets(bounds)
        return [(labels[i], counts[i]) for i in sorted(counts)]

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


def _median_hours(middle: list) -> float | None:
    """Hours to one decimal of the median of minutes, from the middle one or two of them."""
    return round(sum(middle) / len(middle) / 60, 1) if middle else None


def _month_bounds(lo: datetime, hi: datetime, tz) -> tuple[list[str], list[datetime]]:
    """The local months [lo, hi) touches: their labels and the instants between them (lo first, hi last)."""
    local = lo.astimezone(tz)
    month = datetime(local.year, local.month, 1, tzinfo=tz)
    labels, bounds = [], [lo]
    while month < hi:
        labels.append(month.strftime("%Y-%m"))
        month = datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=tz)
        bounds.append(min(month, hi))
    return labels, bounds
