"""Phone numbers: normalised to E.164 with `phonenumbers`, the typed text always kept.

`phonenumbers` (about 25 ms to import) is imported on the first number parsed or formatted, not
with this module: the window shows its contacts without it.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from crm_desktop.domain.text import clean_line

DEFAULT_REGION = "CN"
_SEPARATORS = re.compile(r"[\s\-.()]")


@cache
def _cn_mobile_pattern() -> re.Pattern:
    """phonenumbers' own national pattern of Chinese mobile numbers."""
    import phonenumbers

    return re.compile(phonenumbers.PhoneMetadata.metadata_for_region("CN").mobile.national_number_pattern)


@dataclass(frozen=True, slots=True)
class Phone:
    raw: str
    e164: str | None

    @property
    def valid(self) -> bool:
        return self.e164 is not None

    @property
    def digits(self) -> str:
        return "".join(ch for ch in (self.e164 or self.raw) if ch.isdigit())


def normalize_phone(raw: str | None, region: str = DEFAULT_REGION) -> Phone | None:
    """Parse a phone as typed; `None` for empty input, `e164=None` when it is not a valid number."""
    text = clean_line(raw)
    if not text:
        return None
    if region == "CN" and (mobile := _cn_mobile(text)):
        return Phone(text, "+86" + mobile)
    return parse_phone(text, region)


def parse_phone(text: str, region: str = DEFAULT_REGION) -> Phone:
    """The full parse by phonenumbers, for any number in any form."""
    import phonenumbers

    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return Phone(text, None)
    if not phonenumbers.is_valid_number(number):
        return Phone(text, None)
    return Phone(text, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def _cn_mobile(text: str) -> str | None:
    """The 11 digits of a Chinese mobile number typed in a common way ('138 0013 8000', '+86-138…',
    '0086 138…'), checked against phonenumbers' own mobile pattern for China; None for anything
    else, which then takes the full parse. A shortcut for imports of many rows: same verdict, a
    tenth of the time."""
    digits = _SEPARATORS.sub("", text)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix):]
            break
    if len(digits) == 11 and digits.isascii() and digits.isdigit() and _cn_mobile_pattern().fullmatch(digits):
        return digits
    return None


def display_phone(e164: str | None, raw: str, region: str = DEFAULT_REGION) -> str:
    """Readable form: national format for the home region, international otherwise."""
    if not e164:
        return raw
    if region == "CN" and len(e164) == 14 and e164.startswith("+861"):  # CN mobile: the common case, fast
        return f"{e164[3:6]} {e164[6:10]} {e164[10:]}"
    return _formatted(e164, region)


@lru_cache(maxsize=4096)
def _formatted(e164: str, region: str) -> str:
    import phonenumbers

    number = phonenumbers.parse(e164, None)
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == region
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)
