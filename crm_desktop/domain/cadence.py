"""Tier cadence: how often each tier of customer should hear from us, and how.

The defaults follow the source's words (客户分级维护):
- key customers (重点客户): "a senior visit every quarter" -> a visit every 90 days, and a touch
  (call or message) at least every 30 days between visits;
- potential customers (潜力客户): "monthly contact" -> every 30 days; a visit twice a year (180);
- ordinary customers (普通客户): "periodic care messages" -> a care message every quarter (90), no visits;
- cold customers (沉睡客户): "callbacks" -> a callback every half year (180), no visits.
Every interval can be changed in the settings; these are only where a new installation starts.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from types import MappingProxyType

from crm_desktop.domain.care import is_working_day
from crm_desktop.domain.enums import FollowupKind, Tier


@dataclass(frozen=True, slots=True)
class TierCadence:
    """Days between contacts, and between visits (None: this tier is not visited)."""

    contact_days: int
    visit_days: int | None = None


Cadence = Mapping[Tier, TierCadence]

DEFAULT_CADENCE: Cadence = MappingProxyType({
    Tier.KEY: TierCadence(30, 90),
    Tier.POTENTIAL: TierCadence(30, 180),
    Tier.ORDINARY: TierCadence(90, None),
    Tier.COLD: TierCadence(180, None),
})

# what a due contact of each tier gets planned (the source: visit key customers, call potential
# ones, send ordinary ones a care message, call cold ones back)
KIND_FOR_TIER: Mapping[Tier, FollowupKind] = MappingProxyType({
    Tier.KEY: FollowupKind.VISIT,
    Tier.POTENTIAL: FollowupKind.CALL,
    Tier.ORDINARY: FollowupKind.CARE,
    Tier.COLD: FollowupKind.CALLBACK,
})

TIER_ORDER = (Tier.KEY, Tier.POTENTIAL, Tier.ORDINARY, Tier.COLD)  # the due list's order
MAX_INTERVAL = 3650


def interval_of(tier: Tier, cadence: Cadence = DEFAULT_CADENCE) -> int:
    """The tier's contact interval in days (the default when the cadence does not name the tier)."""
    return cadence.get(Tier(tier), DEFAULT_CADENCE[Tier(tier)]).contact_days


def _day_of(value: date | datetime) -> date:
    """An instant as the local calendar day it fell on; a date as itself."""
    return value.astimezone().date() if isinstance(value, datetime) else value


def days_since(last: date | datetime | None, today: date) -> int | None:
    return None if last is None else (today - _day_of(last)).days


def is_due(last_interaction_at: date | datetime | None, tier: Tier, today: date,
           cadence: Cadence = DEFAULT_CADENCE) -> bool:
    """Due on the day the interval has passed (a 30-day tier last seen on 1 March is due on
    31 March); never contacted is always due."""
    since = days_since(last_interaction_at, today)
    return since is None or since >= interval_of(tier, cadence)


def days_over(last: date | datetime | None, tier: Tier, today: date, cadence: Cadence = DEFAULT_CADENCE) -> int:
    """Days past the due day (0 on the due day itself); None-contacted counts as 0."""
    since = days_since(last, today)
    return 0 if since is None else max(0, since - interval_of(tier, cadence))


def due_cutoff_day(tier: Tier, today: date, cadence: Cadence = DEFAULT_CADENCE) -> date:
    """Contacts last seen before the start of this day are due today: the bound a query uses."""
    return today - timedelta(days=interval_of(tier, cadence) - 1)


def planned_kind(tier: Tier, since: int | None = None, cadence: Cadence = DEFAULT_CADENCE) -> FollowupKind:
    """The tier's follow-up kind; a tier with a visit interval gets a visit once that has passed
    too (a potential customer unseen for half a year is visited, not called)."""
    tier = Tier(tier)
    visit = cadence.get(tier, DEFAULT_CADENCE[tier]).visit_days
    if visit and since is not None and since >= visit:
        return FollowupKind.VISIT
    return KIND_FOR_TIER[tier]


def clamp_interval(days: int | None, allow_none: bool) -> int | None:
    """A typed or stored interval made usable: 1..MAX_INTERVAL days, or None (0) where allowed."""
    if not days or days < 0:
        return None if allow_none else 1
    return min(int(days), MAX_INTERVAL)


def work_slots(start: date, per_day: int, first: time = time(9, 30), step_minutes: int = 30) -> Iterator[datetime]:
    """Naive local times to plan follow-ups at: `per_day` slots a working day from `start` on,
    so a batch of fifty calls becomes a week of mornings, not fifty calls at once."""
    day = start
    while True:
        if is_working_day(day):
            begin = datetime.combine(day, first)
            for i in range(per_day):
                yield begin + timedelta(minutes=i * step_minutes)
        day += timedelta(days=1)
