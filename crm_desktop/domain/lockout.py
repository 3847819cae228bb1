"""Sign-in lockout: 5 failed attempts lock an account for 15 minutes, each further lockout twice as long.

The failure count is kept across lockouts and cleared by a successful sign-in (or by the owner's
unlock), so the fifth failure locks for 15 minutes, the tenth for 30, the fifteenth for 60...
"""

from datetime import datetime, timedelta

MAX_FAILURES = 5
FIRST_LOCK = timedelta(minutes=15)
LONGEST_LOCK = timedelta(days=1)


def lock_after(failures: int, now: datetime) -> datetime | None:
    """When `failures` failed attempts in a row end in a lockout, the instant it ends."""
    if failures <= 0 or failures % MAX_FAILURES:
        return None
    lockouts = failures // MAX_FAILURES
    return now + min(FIRST_LOCK * 2 ** (lockouts - 1), LONGEST_LOCK)


def is_locked(locked_until: datetime | None, now: datetime) -> bool:
    return locked_until is not None and locked_until > now
