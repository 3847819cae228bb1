"""The shop owner's own yearly dates (shop anniversary, a local festival…) for care greetings.

Kept as (month, day, name) in the data settings, so every PC on the database greets on the same
days; 29 February is allowed (it falls on 28 February in other years, as birthdays do).
"""

from collections.abc import Iterable
from datetime import date

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.text import clean_line

MAX_OWN_DATES = 100
MAX_NAME = 40


def validate_own_dates(dates: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cleaned dates sorted by month and day; a bad one raises with its row (0-based) in the field key."""
    found = []
    for row, (month, day, name) in enumerate(dates):
        name = clean_line(name or "")[:MAX_NAME]
        if not name:
            raise ValidationError.single(f"own_date_{row}", "Name each date.")
        try:
            date(2024, int(month), int(day))  # a leap year: 29 February is a real date
        except (TypeError, ValueError):
            raise ValidationError.single(f"own_date_{row}", "This is not a real day of the year.") from None
        found.append((int(month), int(day), name))
    if len(found) > MAX_OWN_DATES:
        raise ValidationError.single("own_dates", "At most 100 dates of your own.")
    return sorted(found)


def own_dates_of(value) -> list[tuple[int, int, str]]:
    """The stored setting read back; anything unreadable is left out, never an error at start."""
    result = []
    for item in value if isinstance(value, list) else []:
        try:
            result.extend(validate_own_dates([tuple(item)]))
        except (ValidationError, TypeError, ValueError):
            continue
    return result
