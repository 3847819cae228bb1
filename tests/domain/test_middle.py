"""The middle values of sorted-elsewhere values and a few at hand give the median of all."""

from statistics import median

from hypothesis import given
from hypothesis import strategies as st

from crm_desktop.domain.middle import middle_of_union


def _reader(values, reads):
    ordered = sorted(values)

    def read(offset, limit):
        reads.append(limit)
        return ordered[offset:offset + limit]

    return read


@given(st.lists(st.integers(-50, 50), max_size=60), st.lists(st.integers(-50, 50), max_size=8))
def test_the_middle_of_the_union_is_the_median_of_all_and_few_are_read(counted, extra):
    reads = []
    middle = middle_of_union(len(counted), _reader(counted, reads), extra)
    everything = counted + extra
    if not everything:
        assert middle == [] and reads == []
        return
    assert len(middle) == 2 - len(everything) % 2
    assert sum(middle) / len(middle) == median(everything)
    assert sum(reads) <= len(extra) + 2


def test_examples():
    assert middle_of_union(3, _reader([5, 1, 9], []), []) == [5]
    assert middle_of_union(3, _reader([5, 1, 9], []), [7]) == [5, 7]
    assert middle_of_union(0, _reader([], []), [4, 2]) == [2, 4]
    assert middle_of_union(4, _reader([10, 20, 30, 40], []), [1, 2, 3]) == [10]
