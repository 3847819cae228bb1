"""Which points expire, oldest first.

Every positive entry is a lot of points: an earn lot expires at its `expires_at`, other credits
(positive adjustments, reversals of a redemption) never do. Every negative entry consumes lots:
a reversal first the lot it reverses, then everything FIFO by expiry (the earliest-expiring points
are spent first, which is also the order in which they were earned while the expiry period stays
the same). What is left of the lots due by a moment is what expires then; after the expire entry
nothing of them is left, so running the expiry twice expires nothing the second time.
"""

from bisect import insort
from dataclasses import dataclass
from datetime import UTC, date, datetime

NEVER = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class PointsMove:
    id: int
    points: int
    reverses_id: int | None = None
    expires_at: datetime | None = None


def open_lots(moves) -> list[tuple[datetime | None, int]]:
    """(expires_at or None, points left) of every lot not yet used up, earliest expiry first."""
    order: list[tuple[datetime, int]] = []  # (expiry, id), kept sorted
    left: dict[int, int] = {}
    expiry: dict[int, datetime | None] = {}
    for move in moves:
        if move.points > 0:
            left[move.id], expiry[move.id] = move.points, move.expires_at
            insort(order, (move.expires_at or NEVER, move.id))
        elif move.points < 0:
            _consume(order, left, -move.points, move.reverses_id)
    return [(expiry[i], left[i]) for _, i in order if left.get(i, 0) > 0]


def _consume(order: list, left: dict, need: int, first: int | None) -> None:
    if first in left:
        take = min(need, left[first])
        left[first] -= take
        need -= take
    while need > 0 and order:
        lot = order[0][1]
        take = min(need, left[lot])
        left[lot] -= take
        need -= take
        if left[lot] == 0:
            order.pop(0)
    while order and left[order[0][1]] == 0:  # a reversed lot at the front
        order.pop(0)


def due_points(moves, now: datetime) -> int:
    """Points whose lots have expired by `now` and are not yet written off."""
    return sum(n for when, n in open_lots(moves) if when is not None and when <= now)


def expiring_between(moves, start: datetime, end: datetime) -> int:
    """Points that will expire after `start` and by `end` unless spent first."""
    return sum(n for when, n in open_lots(moves) if when is not None and start < when <= end)


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later (the month's last day when it is shorter)."""
    index = moment.month - 1 + months
    year, month = moment.year + index // 12, index % 12 + 1
    day = min(moment.day, _days_in(year, month))
    return moment.replace(year=year, month=month, day=day)


def _days_in(year: int, month: int) -> int:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return (nxt - date(year, month, 1)).days
