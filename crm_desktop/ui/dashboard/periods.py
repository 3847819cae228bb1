"""The periods the dashboard offers, as (first day, last day) local dates."""

from datetime import date, timedelta

KEYS = ("last_30_days", "this_month", "last_month", "this_quarter", "this_year", "last_12_months")


def period_days(key: str, today: date) -> tuple[date, date]:
    if key == "this_month":
        return today.replace(day=1), today
    if key == "last_month":
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if key == "this_quarter":
        return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1), today
    if key == "this_year":
        return date(today.year, 1, 1), today
    if key == "last_12_months":
        return today - timedelta(days=364), today
    return today - timedelta(days=29), today
