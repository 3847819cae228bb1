"""The banked SLA clocks of domain/sla.py (`banked_seconds`, `clock_reading`, the headline clock)
in SQL, so the report classifies a hundred thousand open tickets in the database and only the ids
of those at risk or breached come back (tests/storage/test_sla_sql.py holds SQL and domain equal).

Integer arithmetic on working seconds; `//` is the floor for the non-negative values here.
"""

from sqlalchemy import Float, and_, case, func, literal

from crm_desktop.domain.sla import DONE, SEVERITY, SlaPolicy, SlaState
from crm_desktop.storage.records import TicketRecord
from crm_desktop.storage.repositories.base import greatest

T = TicketRecord
ON_TRACK, AT_RISK, BREACHED = (SEVERITY[s] for s in (SlaState.ON_TRACK, SlaState.AT_RISK, SlaState.BREACHED))


class SlaSql:
    def __init__(self, dialect: str):
        self.dialect = dialect

    def _max(self, a, b):
        return greatest(self.dialect, a, b)

    def used_seconds(self, now_pos: int):
        """(first response, resolution) working seconds used at `now_pos` (`banked_seconds`)."""
        now = literal(now_pos)
        first = func.coalesce(T.sla_first_response_s, self._max(literal(0), now - T.sla_opened_pos))
        running = case((T.sla_run_pos.is_not(None), self._max(literal(0), now - T.sla_run_pos)), else_=0)
        return first, T.sla_resolution_s + running

    @staticmethod
    def target(policy: SlaPolicy, which: str):
        """The target minutes of the ticket's priority."""
        return case(*((T.priority == p.value, getattr(t, f"{which}_minutes")) for p, t in policy.targets.items()),
                    else_=None)

    @staticmethod
    def severity(used_s, target, policy: SlaPolicy):
        """A running clock's state as its SEVERITY number (`clock_reading`)."""
        used = used_s // 60
        share = literal(policy.at_risk_share, Float)
        return case((used >= target, BREACHED), (target - used < share * target, AT_RISK), else_=ON_TRACK)

    def resolved_readings(self, now_pos: int, policy: SlaPolicy) -> tuple:
        """(first-response minutes, resolution minutes, 1 when resolved within its target else 0)
        of a resolved ticket: met when its resolution clock has stopped (resolved or closed, not
        reopened) at or under the target."""
        first_s, resolution_s = self.used_seconds(now_pos)
        met = case((and_(T.status.in_([s.value for s in DONE]), resolution_s // 60 <= self.target(policy, "resolution")),
                    1), else_=0)
        return first_s // 60, resolution_s // 60, met

    def headline_severity(self, now_pos: int, policy: SlaPolicy):
        """Of an open ticket (its resolution clock runs): the worse of the running clocks."""
        first_s, resolution_s = self.used_seconds(now_pos)
        first = self.severity(first_s, self.target(policy, "first_response"), policy)
        resolution = self.severity(resolution_s, self.target(policy, "resolution"), policy)
        worse = case((first > resolution, first), else_=resolution)
        return case((T.sla_first_response_s.is_(None), worse), else_=resolution)
