"""How values are shown: local time, money, numbers (in the user's locale)."""

from datetime import date, datetime

from PySide6.QtCore import QLocale

from crm_desktop.domain.money import format_money


def local_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def local_date(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone().date()
    return value.isoformat()


def money(cents: int) -> str:
    return format_money(cents)


def number(n: int) -> str:
    return QLocale().toString(n)
