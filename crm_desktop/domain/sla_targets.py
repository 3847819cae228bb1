"""SLA targets as they are kept in the data settings (key `sla.targets`), so every instance on one
database counts its ticket clocks against the same promises.

Stored as {"urgent": {"first_response_minutes": 60, "resolution_minutes": 240}, ...}; a priority
missing or unreadable falls back to its default target.
"""

from collections.abc import Mapping
from types import MappingProxyType

from crm_desktop.domain.enums import TicketPriority
from crm_desktop.domain.errors import RuleError
from crm_desktop.domain.sla import DEFAULT_TARGETS, SlaTarget

SLA_TARGETS_KEY = "sla.targets"
MAX_MINUTES = 60 * 24 * 60  # 60 working days of 24 hours: beyond any real promise


def targets_from_setting(value) -> Mapping[TicketPriority, SlaTarget]:
    stored = value if isinstance(value, dict) else {}
    targets = {}
    for priority, default in DEFAULT_TARGETS.items():
        entry = stored.get(priority.value)
        try:
            target = SlaTarget(int(entry["first_response_minutes"]), int(entry["resolution_minutes"]))
            check_target(target)
        except (TypeError, KeyError, ValueError, RuleError):
            target = default
        targets[priority] = target
    return MappingProxyType(targets)


def targets_to_setting(targets: Mapping[TicketPriority, SlaTarget]) -> dict:
    for target in targets.values():
        check_target(target)
    return {TicketPriority(p).value: {"first_response_minutes": t.first_response_minutes,
                                      "resolution_minutes": t.resolution_minutes}
            for p, t in targets.items()}


def check_target(target: SlaTarget) -> None:
    """A first response within the resolution time, both between one minute and MAX_MINUTES."""
    for minutes in (target.first_response_minutes, target.resolution_minutes):
        if not 1 <= minutes <= MAX_MINUTES:
            raise RuleError("An SLA target is between 1 minute and 60 days.")
    if target.first_response_minutes > target.resolution_minutes:
        raise RuleError("The first response cannot be due after the resolution.")
