"""The median of many values sorted elsewhere (in SQL) together with a few at hand, reading only a
few of the many."""

from collections.abc import Callable, Sequence


def middle_of_union(count: int, read_sorted: Callable[[int, int], list], extra: Sequence) -> list:
    """The middle one (an odd total) or two (an even total), in order, of `count` values that
    `read_sorted(offset, limit)` returns in ascending order, together with the `extra` values:
    their mean is the median of all. Only len(extra) + 2 of the counted values are read: at most
    len(extra) of the extras come before the k-th value of all, so it lies among the counted ones
    at positions k - len(extra) .. k and the extras."""
    total = count + len(extra)
    if not total:
        return []
    low, high = (total - 1) // 2, total // 2
    first = max(0, low - len(extra))
    window = read_sorted(first, high - first + 1) if count > first else []
    merged = sorted([*window, *extra])
    return merged[low - first:high - first + 1]
