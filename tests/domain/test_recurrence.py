"""A series' occurrences in the computer's time zone: wall-clock times kept across clock changes,
UNTIL read as an instant, the same instants as expanding with dateutil's own local zone."""

import os
import sys
import time
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from dateutil.rrule import rrulestr
from dateutil.tz import tzlocal
from hypothesis import given, settings
from hypothesis import strategies as st

from crm_desktop.domain.recurrence import occurrences

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="time.tzset sets the zone on POSIX only")
ZONES = ("America/New_York", "Europe/Berlin", "Asia/Shanghai", "Australia/Sydney")
RULES = ("FREQ=DAILY;COUNT=40", "FREQ=WEEKLY;INTERVAL=2", "FREQ=MONTHLY;COUNT=6", "FREQ=MONTHLY;BYMONTHDAY=-1",
         "FREQ=WEEKLY;BYDAY=MO,TH", "FREQ=YEARLY", "FREQ=DAILY;UNTIL=20280101T000000Z")


@contextmanager
def in_zone(name: str):
    """The computer's time zone set to `name` for the block, as it was after it."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = name
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time.tzset()


def by_tzlocal(due_at: datetime, rule: str, start: datetime, end: datetime) -> list[datetime]:
    """The reference: the rule expanded from an aware start in dateutil's local zone."""
    series = rrulestr(rule, dtstart=due_at.astimezone(tzlocal()))
    found = []
    for hit in series.xafter(start.astimezone(tzlocal()), inc=True):
        if hit >= end:
            break
        found.append(hit.astimezone(UTC))
    return found


def test_a_weekly_visit_stays_at_nine_across_the_clock_change():
    with in_zone("America/New_York"):  # summer time ends on 2026-11-01
        first = datetime(2026, 10, 19, 13, 0, tzinfo=UTC)  # 09:00 EDT
        found = occurrences(first, "FREQ=WEEKLY;COUNT=4", (), first, first + timedelta(days=60))
        shown = [o.astimezone().strftime("%m-%d %H:%M") for o in found]
    assert shown == ["10-19 09:00", "10-26 09:00", "11-02 09:00", "11-09 09:00"]
    assert found[2] - found[1] == timedelta(days=7, hours=1)


def test_until_is_an_instant():
    with in_zone("Asia/Shanghai"):
        first = datetime(2026, 3, 2, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai
        found = occurrences(first, "FREQ=DAILY;UNTIL=20260304T013000Z", (), first, first + timedelta(days=30))
        cut = occurrences(first, "FREQ=DAILY;UNTIL=20260304T012959Z", (), first, first + timedelta(days=30))
    assert found == [first, first + timedelta(days=1), first + timedelta(days=2)]
    assert cut == found[:2]


def test_a_range_a_limit_and_exceptions():
    with in_zone("Europe/Berlin"):
        first = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
        skipped = (first + timedelta(days=14), (first + timedelta(days=21)).date())
        found = occurrences(first, "FREQ=WEEKLY", skipped, first + timedelta(days=1), first + timedelta(days=35))
        limited = occurrences(first, "FREQ=WEEKLY", (), first, first + timedelta(days=365), limit=3)
    assert found == [first + timedelta(days=7), first + timedelta(days=28)]
    assert limited == [first, first + timedelta(days=7), first + timedelta(days=14)]


@settings(max_examples=150, deadline=None)
@given(zone=st.sampled_from(ZONES), day=st.integers(0, 3 * 365), hour=st.sampled_from((0, 6, 9, 12, 15, 18, 23)),
       minute=st.sampled_from((0, 30)), rule=st.sampled_from(RULES), after=st.integers(-30, 400),
       span=st.integers(1, 120))
def test_the_same_instants_as_dateutils_local_zone(zone, day, hour, minute, rule, after, span):
    with in_zone(zone):
        # a wall-clock start outside the hours a clock change skips or repeats
        due_at = (datetime(2026, 1, 1, hour, minute) + timedelta(days=day)).astimezone(UTC)
        start = due_at + timedelta(days=after)
        end = start + timedelta(days=span)
        assert occurrences(due_at, rule, (), start, end) == by_tzlocal(due_at, rule, start, end)
