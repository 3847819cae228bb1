"""Customer care dates: solar and lunar birthdays, Chinese holidays, ages, greeting texts.

Lunar dates come from `lunardate` (years 1900-2099), public holidays from `holidays.China`.
`holidays` knows 春节, 端午, 中秋 and 国庆 but not 元宵 (the Lantern Festival, lunar 1/15, is not
a day off), so that one is computed from the lunar calendar.
"""

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import holidays
from lunardate import LunarDate

from crm_desktop.domain.contacts import age_on

MINOR_AGE = 14  # PIPL: personal information of children under 14 is sensitive
MERGE_FIELDS = ("name", "title", "points", "company", "holiday", "date")

# key -> (name in holidays.China's English names, or None when computed; the Chinese name)
_HOLIDAYS = {
    "spring_festival": ("Chinese New Year (Spring Festival)", "春节"),
    "lantern": (None, "元宵节"),
    "dragon_boat": ("Dragon Boat Festival", "端午节"),
    "mid_autumn": ("Mid-Autumn Festival", "中秋节"),
    "national_day": ("National Day", "国庆节"),
}
USER_HOLIDAY = "custom"


@dataclass(frozen=True, slots=True)
class Holiday:
    day: date
    key: str  # one of _HOLIDAYS, or USER_HOLIDAY
    name: str  # Chinese name, or the user's own


# --- birthdays ------------------------------------------------------------------------------


def solar_birthday_in(year: int, month: int, day: int) -> date:
    """The birthday's date in `year`; 29 February falls on 28 February in other years."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def next_solar_birthday(month: int, day: int, today: date) -> date:
    """Today or the next birthday after it (the birth year is not needed)."""
    this_year = solar_birthday_in(today.year, month, day)
    return this_year if this_year >= today else solar_birthday_in(today.year + 1, month, day)


def lunar_birthday_in(lunar_year: int, month: int, day: int, leap: bool = False) -> date | None:
    """The solar date of lunar `month`/`day` in `lunar_year`. A leap month that year lacks is the
    ordinary month; day 30 of a 29-day month is day 29. None outside lunardate's years."""
    if leap and LunarDate.leap_month_for_year(lunar_year) != month:
        leap = False
    try:
        return LunarDate(lunar_year, month, day, leap).to_solar_date()
    except ValueError:
        if day == 30:
            return lunar_birthday_in(lunar_year, month, 29, leap)
        return None


def next_lunar_birthday(month: int, day: int, leap: bool, today: date) -> date | None:
    """Today or the next lunar birthday after it, as a solar date."""
    for lunar_year in (today.year - 1, today.year, today.year + 1):
        found = _lunar_or_none(lunar_year, month, day, leap)
        if found is not None and found >= today:
            return found
    return None


def _lunar_or_none(lunar_year: int, month: int, day: int, leap: bool) -> date | None:
    if not 1900 <= lunar_year <= 2099:
        return None
    return lunar_birthday_in(lunar_year, month, day, leap)


def solar_keys_for(day: date) -> set[tuple[int, int]]:
    """The stored (month, day) birthdays that fall on `day` (28 Feb also takes 29 Feb)."""
    keys = {(day.month, day.day)}
    if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
        keys.add((2, 29))
    return keys


def lunar_keys_for(day: date) -> set[tuple[int, int, bool]]:
    """The stored (lunar month, day, leap) birthdays celebrated on solar `day`: the inverse of
    `lunar_birthday_in`, so a query can ask for exactly these."""
    lunar = LunarDate.from_solar_date(day.year, day.month, day.day)
    m, d, leap = lunar.month, lunar.day, lunar.is_leap_month
    has_leap = LunarDate.leap_month_for_year(lunar.year) == m
    flags = {True} if leap else ({False} if has_leap else {False, True})
    days = {d, 30} if d == 29 and _lunar_day(day + timedelta(days=1)) == 1 else {d}  # 29-day month
    return {(m, each, flag) for each in days for flag in flags}


def _lunar_day(day: date) -> int:
    return LunarDate.from_solar_date(day.year, day.month, day.day).day


def age_at(birth_year: int | None, birth_month: int | None, birth_day: int | None, today: date) -> int | None:
    return age_on(birth_year, birth_month, birth_day, today)


def is_minor(birth_year: int | None, birth_month: int | None, birth_day: int | None, today: date) -> bool:
    """Under 14 on `today`. A year without month and day counts from 1 January (the youngest
    the person can be is then a year less: we err towards leaving a child out)."""
    if not birth_year:
        return False
    age = age_on(birth_year, birth_month or 12, birth_day or 31, today)
    return age is not None and age < MINOR_AGE


# --- holidays -------------------------------------------------------------------------------


@lru_cache(maxsize=32)
def _china(year: int):
    return holidays.China(years=year, language="en_US")


def _first_named(year: int, english: str) -> date | None:
    found = _china(year).get_named(english, lookup="exact")
    return min(found) if found else None


def _holiday_day(year: int, key: str) -> date | None:
    english = _HOLIDAYS[key][0]
    if english is None:  # 元宵: lunar 1/15
        return _lunar_or_none(year, 1, 15, False)
    return _first_named(year, english)


def chinese_holidays(start: date, end: date) -> list[Holiday]:
    """春节, 元宵, 端午, 中秋 and 国庆 (their first day) from `start` to `end`, both included."""
    found = []
    for year in range(start.year, end.year + 1):
        for key, (_english, name) in _HOLIDAYS.items():
            day = _holiday_day(year, key)
            if day is not None and start <= day <= end:
                found.append(Holiday(day, key, name))
    return sorted(found, key=lambda h: h.day)


def user_holidays(start: date, end: date, dates: Iterable[tuple[int, int, str]]) -> list[Holiday]:
    """The user's own yearly (month, day, name) dates from `start` to `end` (29 Feb -> 28 Feb)."""
    found = []
    for month, day, name in dates:
        for year in range(start.year, end.year + 1):
            when = solar_birthday_in(year, month, day)
            if start <= when <= end:
                found.append(Holiday(when, USER_HOLIDAY, name))
    return sorted(found, key=lambda h: h.day)


def holidays_between(start: date, end: date, dates: Iterable[tuple[int, int, str]] = ()) -> list[Holiday]:
    return sorted([*chinese_holidays(start, end), *user_holidays(start, end, dates)], key=lambda h: h.day)


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a public holiday in China."""
    return day.weekday() < 5 and day not in _china(day.year)


# --- greetings ------------------------------------------------------------------------------

_FIELD = re.compile(r"\{(\w+)\}")


def render_greeting(template: str, fields: Mapping[str, object]) -> str:
    """The template with {name}, {title}, {points}… filled in. An unknown field, or a brace the
    user typed, stays as written: a typo must show in the message, never break the batch."""
    def fill(match: re.Match) -> str:
        key = match.group(1)
        return str(fields[key]) if key in fields and fields[key] is not None else match.group(0)

    return _FIELD.sub(fill, template)
