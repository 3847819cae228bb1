"""RFM: recency, frequency and monetary quintile scores (1–5, 5 best) and the eight named segments.

A score is high when it is above the middle quintile (4 or 5). The segment is the standard
high/low split of R, F and M: M decides 重要 (important) or 一般 (general), R and F decide
value (both high), keep (F high, R low: they used to come often), develop (R high, F low: new or
occasional) and win back (both low).
"""

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

HIGH_FROM = 4  # a score of 4 or 5 counts as high


@dataclass(frozen=True, slots=True)
class Segment:
    key: str
    zh: str
    en: str


SEGMENTS = {
    (True, True, True): Segment("important_value", "重要价值客户", "Important value"),
    (False, True, True): Segment("important_keep", "重要保持客户", "Important to keep"),
    (True, False, True): Segment("important_develop", "重要发展客户", "Important to develop"),
    (False, False, True): Segment("important_winback", "重要挽留客户", "Important to win back"),
    (True, True, False): Segment("general_value", "一般价值客户", "General value"),
    (False, True, False): Segment("general_keep", "一般保持客户", "General to keep"),
    (True, False, False): Segment("general_develop", "一般发展客户", "General to develop"),
    (False, False, False): Segment("general_winback", "一般挽留客户", "General to win back"),
}
SEGMENT_KEYS = tuple(s.key for s in SEGMENTS.values())


def quintile_edges(values: Sequence[float]) -> tuple[float, ...]:
    """The four cut points between quintiles of the sorted values (the value at 20 %, 40 %, 60 %, 80 %)."""
    ordered = sorted(values)
    if not ordered:
        return ()
    n = len(ordered)
    return tuple(ordered[min(n - 1, (n * k) // 5)] for k in range(1, 5))


def score(value: float, edges: Sequence[float], *, lower_is_better: bool = False) -> int:
    """1–5: how many cut points the value passes (+1). For recency (days since the last purchase)
    fewer days are better, so the scale is reversed."""
    if not edges:
        return 3
    passed = bisect_right(edges, value)
    return 5 - passed if lower_is_better else 1 + passed


def segment(r: int, f: int, m: int) -> Segment:
    return SEGMENTS[(r >= HIGH_FROM, f >= HIGH_FROM, m >= HIGH_FROM)]


def segment_by_key(key: str) -> Segment:
    return next(s for s in SEGMENTS.values() if s.key == key)


@dataclass(frozen=True, slots=True)
class Tally:
    edges: tuple[tuple, tuple, tuple]
    grid: tuple[tuple[int, ...], ...]  # [r − 1][f − 1]
    segments: dict[str, int]
    segment_revenue: dict[str, int]
    customers: int


def tally(rows: Sequence[tuple]) -> Tally:
    """Scores and segment counts of (last purchase, orders, spend) rows. The last purchase is any
    value that sorts by time (a datetime or ISO text): later is better, so it scores as is."""
    columns = list(zip(*rows, strict=True)) if rows else [(), (), ()]
    edges = tuple(quintile_edges(c) for c in columns)
    grid = [[0] * 5 for _ in range(5)]
    segments = dict.fromkeys(SEGMENT_KEYS, 0)
    revenue = dict.fromkeys(SEGMENT_KEYS, 0)
    er, ef, em = edges
    for last, orders, spent in rows:
        r, f, m = score(last, er), score(orders, ef), score(spent, em)
        grid[r - 1][f - 1] += 1
        key = segment(r, f, m).key
        segments[key] += 1
        revenue[key] += spent
    return Tally(edges, tuple(tuple(row) for row in grid), segments, revenue, len(rows))


def segment_ranges(key: str, edges: tuple[tuple, tuple, tuple]) -> tuple:
    """Per R, F, M the [lo, hi) range (None: open) a customer of the segment falls in: high means
    at or above the third cut point (score 4 or 5)."""
    seg = segment_by_key(key)
    high = next(h for h, s in SEGMENTS.items() if s is seg)
    out = []
    for is_high, cuts in zip(high, edges, strict=True):
        cut = cuts[HIGH_FROM - 2] if cuts else None
        out.append((cut, None) if is_high else (None, cut))
    return tuple(out)


def tally_cells(cells, edges: tuple[tuple, tuple, tuple]) -> Tally:
    """The Tally of (r, f, m, customers, revenue) cells counted in SQL."""
    grid = [[0] * 5 for _ in range(5)]
    segments = dict.fromkeys(SEGMENT_KEYS, 0)
    revenue = dict.fromkeys(SEGMENT_KEYS, 0)
    total = 0
    for r, f, m, n, spent in cells:
        grid[r - 1][f - 1] += n
        key = segment(r, f, m).key
        segments[key] += n
        revenue[key] += spent
        total += n
    return Tally(edges, tuple(tuple(row) for row in grid), segments, revenue, total)
