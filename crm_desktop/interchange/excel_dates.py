"""Excel's date serial numbers read back as dates.

Excel keeps a date as the count of days since 1900 (its "1900 date system"); a cell formatted as a
number, or a sheet saved as CSV from such a cell, shows that count: 29000 is 1979-05-25. Excel
counts 1900 as a leap year (a bug kept from Lotus 1-2-3), so serial 60 is the 29 February 1900
that never was and every later serial is one day more than a count from 1899-12-31.
"""

from datetime import date, timedelta
from functools import lru_cache

_DAY_ZERO = date(1899, 12, 31)  # serial 1 is 1900-01-01
_LOTUS_LEAP_DAY = 60  # the fake 1900-02-29
# A birthday's serial is over 2100, so a year (1990) or a month and day (1225) written in a
# birthday column is never taken for one; 73050 is 2099-12-31.
BIRTHDAY_SERIALS = range(2101, 73051)


def serial_date(serial: int) -> date | None:
    """The date of an Excel serial (1900 date system), None for 0, negatives and the fake leap day."""
    if serial < 1 or serial == _LOTUS_LEAP_DAY:
        return None
    return _DAY_ZERO + timedelta(days=serial - (serial > _LOTUS_LEAP_DAY))


@lru_cache(maxsize=65536)  # a birthday column's values repeat, as in `parse_birthday`
def serial_birthday(text: str) -> str:
    """A birthday cell holding a serial ('29000', or '29000.0' as a number cell saved as text)
    as the date it stands for ('1979-05-25'); any other text as it is."""
    whole, dot, fraction = text.partition(".")
    if not (whole.isascii() and whole.isdigit()) or fraction.strip("0") or (dot and not fraction):
        return text
    serial = int(whole)
    found = serial_date(serial) if serial in BIRTHDAY_SERIALS else None
    return found.isoformat() if found else text
