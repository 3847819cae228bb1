"""E-mail addresses checked with email-validator, without any network look-up.

email-validator (about 30 ms to import: it compiles its grammar) is imported on the first address
that needs it, not with this module: the window shows its contacts without it.
"""

import re
from dataclasses import dataclass
from functools import cache

from crm_desktop.domain.text import clean_line


@dataclass(frozen=True, slots=True)
class Email:
    raw: str
    normalized: str | None
    problem: str = ""

    @property
    def valid(self) -> bool:
        return self.normalized is not None


# The everyday address: ASCII dot-atoms, a domain of letter-digit-hyphen labels and an alphabetic
# top-level domain. Such an address needs no more checks than this pattern and its lengths.
_ATOM = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_PLAIN = re.compile(rf"({_ATOM}(?:\.{_ATOM})*)@((?:{_LABEL}\.)+([a-z]{{2,63}}))")


@cache
def _special_use_domains() -> frozenset[str]:
    from email_validator import SPECIAL_USE_DOMAIN_NAMES

    return frozenset(SPECIAL_USE_DOMAIN_NAMES)


def _plain(text: str) -> str | None:
    """The lower-cased address when it is an everyday one email-validator would accept as is."""
    lowered = text.lower()
    match = _PLAIN.fullmatch(lowered)
    if not match or len(match[1]) > 64 or len(lowered) > 254 or len(match[2]) > 253:
        return None
    if "--" in match[2] or match[3] in _special_use_domains():  # IDNA rules and reserved names: the full check
        return None
    return lowered


def check_email(raw: str | None) -> Email | None:
    text = clean_line(raw)
    if not text:
        return None
    if plain := _plain(text):
        return Email(text, plain)
    return validated_email(text)


def validated_email(text: str) -> Email:
    """The full check by email-validator (no network look-up)."""
    from email_validator import EmailNotValidError, validate_email

    try:
        info = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return Email(text, None, str(exc))
    return Email(text, info.normalized.lower())
