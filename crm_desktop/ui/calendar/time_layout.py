"""Where follow-ups sit in the week and day views: pure arithmetic, no painting.

A follow-up is a block from its local start time over its duration (cut at midnight). Blocks that
overlap share their day's column side by side, each in a lane of the overlapping group; a group
wider than the view allows keeps its first lanes and counts the rest ("+3" on the group).
"""

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from crm_desktop.services.dto import FollowupDTO

DAY_MINUTES = 24 * 60
SNAP_MINUTES = 15
MIN_BLOCK_MINUTES = 20  # a five-minute call is still tall enough to read and to grab


@dataclass(frozen=True, slots=True)
class Block:
    followup: FollowupDTO
    day: int  # column: days after the first shown day
    start: int  # minutes after local midnight
    end: int
    lane: int = 0
    lanes: int = 1
    group: int = 0  # blocks of one day that overlap (directly or in a chain) share a group


@dataclass(frozen=True, slots=True)
class Overflow:
    """Follow-ups of an overlapping group left out for want of room (the day view shows them)."""

    day: int
    start: int
    count: int
    group: int = 0


def blocks_for(items: list[FollowupDTO], first_day: date, days: int) -> list[Block]:
    """The timed follow-ups of the shown days as blocks with their lanes (all-day ones are not here)."""
    raw: list[Block] = []
    for f in items:
        if f.draft.all_day:
            continue
        local = f.due_at.astimezone()
        day = (local.date() - first_day).days
        if not 0 <= day < days:
            continue
        start = local.hour * 60 + local.minute
        end = min(DAY_MINUTES, start + max(f.draft.duration_minutes, MIN_BLOCK_MINUTES))
        raw.append(Block(f, day, start, end))
    return [b for d in range(days) for b in _lanes([b for b in raw if b.day == d])]


def capped(blocks: list[Block], max_lanes: int) -> tuple[list[Block], list[Overflow]]:
    """The blocks in the first `max_lanes` lanes (their group no wider than that), and per group
    how many were left out and where the group starts."""
    shown, left, starts = [], {}, {}
    for b in blocks:
        key = (b.day, b.group)
        starts[key] = min(starts.get(key, b.start), b.start)
        if b.lane < max_lanes:
            shown.append(replace(b, lanes=min(b.lanes, max_lanes)))
        else:
            left[key] = left.get(key, 0) + 1
    return shown, [Overflow(day, starts[(day, group)], n, group) for (day, group), n in left.items()]


def _lanes(blocks: list[Block]) -> list[Block]:
    """Greedy lanes within groups of blocks that overlap one another (directly or in a chain)."""
    blocks = sorted(blocks, key=lambda b: (b.start, -b.end, b.followup.id))
    out: list[Block] = []
    group: list[Block] = []
    lane_ends: list[int] = []
    group_end, number = -1, 0
    for b in blocks:
        if b.start >= group_end and group:
            out.extend(_close(group, len(lane_ends)))
            group, lane_ends, number = [], [], number + 1
        lane = next((i for i, e in enumerate(lane_ends) if e <= b.start), len(lane_ends))
        if lane == len(lane_ends):
            lane_ends.append(b.end)
        else:
            lane_ends[lane] = b.end
        group.append(Block(b.followup, b.day, b.start, b.end, lane, group=number))
        group_end = max(group_end, b.end)
    out.extend(_close(group, len(lane_ends)))
    return out


def _close(group: list[Block], lanes: int) -> list[Block]:
    return [replace(b, lanes=lanes) for b in group]


def snapped(minutes: float) -> int:
    """Minutes after midnight rounded to the grid's quarter hours, kept inside the day."""
    value = int(round(minutes / SNAP_MINUTES) * SNAP_MINUTES)
    return max(0, min(DAY_MINUTES - SNAP_MINUTES, value))


def local_instant(day: date, minutes: int) -> datetime:
    """`minutes` after local midnight of `day` as an aware instant."""
    return (datetime.combine(day, time()) + timedelta(minutes=minutes)).astimezone()
