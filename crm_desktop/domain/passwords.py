"""Password hashing with argon2id (argon2-cffi).

`verify_password` of an unknown user or a user without a password still runs one verification, of a
hash made at first use, so the time taken does not tell whether the user name exists.
"""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()


def hash_password(password: str) -> str:
    return _hasher.hash(password)


MIN_LENGTH = 8


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when `password` matches; False for a wrong password or a missing/damaged hash."""
    if not stored_hash:
        verify_password(_dummy_hash(), password)  # the same work as for a real account
        return False
    try:
        return _hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)


@cache
def _dummy_hash() -> str:
    return _hasher.hash("not a password of anybody")


def password_problem(password: str) -> str | None:
    """Why a new password is refused (an English template), or None."""
    if len(password) < MIN_LENGTH:
        return "A password needs at least 8 characters."
    return None
