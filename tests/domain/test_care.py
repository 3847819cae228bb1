"""Care dates: solar and lunar birthdays, Chinese holidays, ages and greeting texts."""

from datetime import date

import holidays
import pytest

from crm_desktop.domain.care import (
    chinese_holidays,
    holidays_between,
    is_minor,
    lunar_birthday_in,
    lunar_keys_for,
    next_lunar_birthday,
    next_solar_birthday,
    render_greeting,
    solar_keys_for,
)


def test_next_solar_birthday_is_this_year_or_next_and_needs_no_year():
    assert next_solar_birthday(5, 17, date(2026, 3, 1)) == date(2026, 5, 17)
    assert next_solar_birthday(5, 17, date(2026, 5, 17)) == date(2026, 5, 17)  # today counts
    assert next_solar_birthday(1, 2, date(2026, 12, 30)) == date(2027, 1, 2)


def test_29_february_is_kept_on_28_february_in_other_years():
    assert next_solar_birthday(2, 29, date(2026, 1, 1)) == date(2026, 2, 28)
    assert next_solar_birthday(2, 29, date(2027, 3, 1)) == date(2028, 2, 29)
    assert solar_keys_for(date(2026, 2, 28)) == {(2, 28), (2, 29)}
    assert solar_keys_for(date(2028, 2, 28)) == {(2, 28)}


def test_lunar_birthdays_across_years():
    # 八月十五 is 中秋: 2026-09-25, 2027-09-15
    assert next_lunar_birthday(8, 15, False, date(2026, 1, 1)) == date(2026, 9, 25)
    assert next_lunar_birthday(8, 15, False, date(2026, 9, 26)) == date(2027, 9, 15)
    # 腊月二十 of lunar year 2025 falls in January 2026: found from the year before
    assert next_lunar_birthday(12, 20, False, date(2026, 1, 1)) == date(2026, 2, 7)


def test_a_leap_month_birthday_uses_the_leap_month_only_in_years_that_have_it():
    assert lunar_birthday_in(2025, 6, 10, leap=True) == date(2025, 8, 3)  # 2025 has 闰六月
    assert lunar_birthday_in(2025, 6, 10, leap=False) == date(2025, 7, 4)
    assert lunar_birthday_in(2026, 6, 10, leap=True) == lunar_birthday_in(2026, 6, 10) == date(2026, 7, 23)
    assert next_lunar_birthday(6, 10, True, date(2025, 7, 10)) == date(2025, 8, 3)


def test_day_30_of_a_29_day_lunar_month_is_day_29():
    assert lunar_birthday_in(2026, 2, 30) == lunar_birthday_in(2026, 2, 29)  # 2026's 二月 has 29 days
    assert lunar_birthday_in(2026, 1, 30) == date(2026, 3, 18)  # 正月 has 30


def test_lunar_keys_for_a_day_are_the_inverse_of_lunar_birthday_in():
    for day in (date(2025, 8, 3), date(2025, 7, 4), date(2026, 7, 23), lunar_birthday_in(2026, 2, 29)):
        for month, lunar_day, leap in lunar_keys_for(day):
            assert lunar_birthday_in(day.year, month, lunar_day, leap) == day
    assert (2, 30, False) in lunar_keys_for(lunar_birthday_in(2026, 2, 29))
    assert lunar_keys_for(date(2025, 8, 3)) == {(6, 10, True)}
    assert lunar_keys_for(date(2025, 7, 4)) == {(6, 10, False)}
    assert lunar_keys_for(date(2026, 7, 23)) == {(6, 10, False), (6, 10, True)}


@pytest.mark.parametrize("year, expected", [
    (2026, {"春节": date(2026, 2, 17), "元宵节": date(2026, 3, 3), "端午节": date(2026, 6, 19),
            "中秋节": date(2026, 9, 25), "国庆节": date(2026, 10, 1)}),
    (2027, {"春节": date(2027, 2, 6), "元宵节": date(2027, 2, 20), "端午节": date(2027, 6, 9),
            "中秋节": date(2027, 9, 15), "国庆节": date(2027, 10, 1)}),
])
def test_chinese_holidays_of_a_year(year, expected):
    found = chinese_holidays(date(year, 1, 1), date(year, 12, 31))
    assert {h.name: h.day for h in found} == expected


def test_the_holidays_package_agrees_and_lacks_the_lantern_festival():
    """Known dates checked against the library itself: if a release changes them, this says so."""
    china = holidays.China(years=2026, language="en_US")
    assert min(china.get_named("Chinese New Year (Spring Festival)", lookup="exact")) == date(2026, 2, 17)
    assert china.get_named("Mid-Autumn Festival", lookup="exact") == [date(2026, 9, 25)]
    assert date(2026, 3, 3) not in china  # 元宵 is computed from the lunar calendar instead


def test_user_holidays_join_the_chinese_ones_within_the_range():
    found = holidays_between(date(2026, 9, 20), date(2026, 10, 1), [(9, 28, "店庆"), (12, 1, "会员日")])
    assert [(h.day, h.name, h.key) for h in found] == [
        (date(2026, 9, 25), "中秋节", "mid_autumn"), (date(2026, 9, 28), "店庆", "custom"),
        (date(2026, 10, 1), "国庆节", "national_day")]


def test_minors_are_under_14_and_an_unknown_year_is_not_a_minor():
    assert is_minor(2012, 6, 2, date(2026, 6, 1))  # 13 until tomorrow
    assert not is_minor(2012, 6, 1, date(2026, 6, 1))
    assert not is_minor(None, 6, 1, date(2026, 6, 1))


def test_render_greeting_fills_known_fields_and_leaves_the_rest_as_typed():
    fields = {"name": "张三", "title": "经理", "points": 1200, "company": "掌柜公司", "holiday": "中秋节", "date": "9月25日"}
    text = render_greeting("{name}{title}您好！{holiday}快乐，积分{points}。", fields)
    assert text == "张三经理您好！中秋节快乐，积分1200。"
    assert render_greeting("{nmae} {0} { name} {name", {"name": "李四"}) == "{nmae} {0} { name} {name"
    assert render_greeting("{points:>5}", {"points": 1}) == "{points:>5}"
