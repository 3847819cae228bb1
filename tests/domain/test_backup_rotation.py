"""The rotation rule: 7 dailies, then 4 weeklies older than them; names and free-space threshold."""

from datetime import UTC, datetime, timedelta

from crm_desktop.domain.backups import backup_name, backups_to_keep, low_on_space, parse_backup_name

START = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)  # a Sunday


def _series(days: int, per_day: int = 1) -> dict[str, datetime]:
    return {f"b{d}-{h}": START + timedelta(days=d, hours=h) for d in range(days) for h in range(per_day)}


def test_one_backup_a_day_for_sixty_days_keeps_seven_dailies_and_four_weeklies():
    taken = _series(60)
    keep = backups_to_keep(taken)
    assert len(keep) == 11
    newest = sorted(taken.values())[-7:]
    assert {taken[k] for k in keep} >= set(newest)
    older = sorted(taken[k] for k in keep if taken[k] < newest[0])
    weeks = [t.date().isocalendar()[:2] for t in older]
    assert len(set(weeks)) == 4  # one per week
    assert all(b - a <= timedelta(days=7) for a, b in zip(older, older[1:] + [newest[0]], strict=True))


def test_several_a_day_keep_the_newest_of_each_day():
    taken = _series(3, per_day=4)
    keep = backups_to_keep(taken)
    assert keep == {"b0-3", "b1-3", "b2-3"}


def test_fewer_than_the_rotation_keeps_everything_and_the_newest_is_always_kept():
    assert backups_to_keep({}) == set()
    taken = _series(5)
    assert backups_to_keep(taken) == set(taken)
    taken["late"] = START + timedelta(days=400)
    assert "late" in backups_to_keep(taken)


def test_names_round_trip_and_belong_to_their_database():
    when = datetime(2026, 12, 1, 19, 30, 5, tzinfo=UTC)
    name = backup_name("crm", when, "pre-0010")
    assert name == "crm-20261201-193005-pre-0010.sqlite3"
    assert parse_backup_name(name, "crm") == (when, "pre-0010")
    assert parse_backup_name(name, "shop") is None
    assert parse_backup_name("my-copy.sqlite3", "my") is None
    assert parse_backup_name(backup_name("my-shop", when, "exit"), "my-shop") == (when, "exit")


def test_low_on_space_below_200_mb_or_twice_the_database():
    mb = 1024 * 1024
    assert low_on_space(199 * mb, 10 * mb)
    assert not low_on_space(201 * mb, 10 * mb)
    assert low_on_space(500 * mb, 300 * mb)
    assert not low_on_space(700 * mb, 300 * mb)
