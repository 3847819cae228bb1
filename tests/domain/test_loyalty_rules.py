"""Earning rules, levels and expiry arithmetic: integers only, oldest points first."""

from datetime import UTC, datetime

import pytest

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.expiry import (
    PointsMove,
    add_months,
    due_points,
    expiring_between,
    open_lots,
)
from crm_desktop.domain.loyalty_rules import (
    DEFAULT_LEVELS,
    EarningRules,
    MemberLevel,
    level_for,
    sale_points,
    validate_levels,
)


def at(month, day=1, year=2026):
    return datetime(year, month, day, tzinfo=UTC)


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(at(1, 31), 1) == at(2, 28)
    assert add_months(at(1, 31, 2028), 1) == at(2, 29, 2028)
    assert add_months(at(11, 15), 14) == at(1, 15, 2028)


def test_sale_points_use_full_units_multiplier_and_birthday_share():
    rules = EarningRules(points_per_unit=2, unit_yuan=10, birthday_bonus_pct=50)
    assert sale_points(rules, 99_999, 125, birthday_month=True) == (247, 99)  # ¥999.99: 99 units, 198 base
    assert sale_points(rules, 999, 100, birthday_month=False) == (0, 0)


def test_rules_from_settings_keep_defaults_for_missing_or_bad_values():
    stored = {"loyalty.points_per_unit": 3, "loyalty.unit_yuan": 0, "loyalty.level_basis": "moon",
              "loyalty.expiry_months": "12"}
    assert EarningRules.from_settings(stored) == EarningRules(points_per_unit=3)
    assert EarningRules.from_settings(EarningRules(expiry_months=6).to_settings()).expiry_months == 6


def test_levels_by_spend_or_points_and_their_validation():
    assert level_for(DEFAULT_LEVELS, 1_999_999, 0).name == "银卡"
    assert level_for(DEFAULT_LEVELS, 0, 50_000, basis="points").name == "钻石"
    ranked = validate_levels([MemberLevel("金", 5, 100_000, None, 120), MemberLevel(" 普通 ", 9, 0, 0, 100)])
    assert [(lv.name, lv.rank) for lv in ranked] == [("普通", 0), ("金", 1)]
    for bad in ([], [MemberLevel("A", 0, 100)], [MemberLevel("A", 0), MemberLevel("A", 1, 5)],
                [MemberLevel("A", 0), MemberLevel("B", 1, 0)], [MemberLevel("A", 0, 0, None, 2000)]):
        with pytest.raises(ValidationError):
            validate_levels(bad)


def test_redemptions_spend_the_earliest_expiring_points_first():
    moves = [PointsMove(1, 100, None, at(3)), PointsMove(2, 50, None, at(6)), PointsMove(3, 40),  # never expires
             PointsMove(4, -120)]
    assert open_lots(moves) == [(at(6), 30), (None, 40)]
    assert due_points(moves, at(3)) == 0 and due_points(moves, at(6)) == 30
    assert expiring_between(moves, at(5), at(7)) == 30


def test_a_reversal_takes_back_its_own_lot_first():
    moves = [PointsMove(1, 100, None, at(3)), PointsMove(2, 50, None, at(6)), PointsMove(3, -50, reverses_id=2)]
    assert open_lots(moves) == [(at(3), 100)]
    moves.append(PointsMove(4, -100, None))
    assert open_lots(moves) == [] and due_points(moves, at(12)) == 0
