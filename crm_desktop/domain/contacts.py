"""Rules for a contact record: what is required, how fields are cleaned and normalised."""

import calendar
import re
import time
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from operator import attrgetter

from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.emails import check_email
from crm_desktop.domain.enums import Gender, LeadSource, LifecycleStage, Tier
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.phones import Phone, normalize_phone
from crm_desktop.domain.pinyin import pinyin_keys
from crm_desktop.domain.text import clean_line, clean_multiline, fold, is_clean_line

MAX_NAME = 200
_LINE_FIELDS = ("phone", "phone2", "email", "email2", "company", "title", "address", "city", "channel")


@dataclass(frozen=True, slots=True)
class CleanContact:
    draft: ContactDraft
    phone: Phone | None
    phone2: Phone | None
    email_invalid: bool
    email_normalized: str

    @property
    def name_pinyin(self) -> str:
        """The name's full pinyin (`pinyin_keys`, cached), worked out when first asked for: checking
        an import's rows before it is written does not need it."""
        return pinyin_keys(self.draft.name)[0]

    @property
    def name_initials(self) -> str:
        return pinyin_keys(self.draft.name)[1]


_TAG_SEPARATORS = str.maketrans({"，": ",", "、": ",", ";": ",", "；": ","})


def clean_tags(text: str) -> str:
    """'vip， 老客户 ,vip' -> 'vip, 老客户': tags separated by commas (Latin or Chinese), 、 or
    semicolons (Outlook's categories: "VIP;Wholesale"), each once."""
    if not any(sep in text for sep in ",，、;；"):  # one tag or none: what the split would give
        return clean_line(text)
    parts = [clean_line(p) for p in text.translate(_TAG_SEPARATORS).split(",")]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def validate_contact(draft: ContactDraft) -> CleanContact:
    errors: dict[str, str] = {}
    name = clean_line(draft.name)
    if not name:
        errors["name"] = "A name is required."
    elif len(name) > MAX_NAME:
        errors["name"] = "The name is too long (over 200 characters)."
    errors.update(_birthday_errors(draft))
    if errors:
        raise ValidationError(errors)
    cleaned = _cleaned(draft, name)
    email = check_email(cleaned.email)
    return CleanContact(
        draft=cleaned,
        phone=normalize_phone(cleaned.phone),
        phone2=normalize_phone(cleaned.phone2),
        email_invalid=bool(email and not email.valid),
        email_normalized=(email.normalized or email.raw) if email else "",
    )


def _cleaned(draft: ContactDraft, name: str) -> ContactDraft:
    """The draft with its text cleaned and its choices as enum members: the draft itself when it is
    so already (an import of many clean rows then builds no second draft per row)."""
    changes = {} if type(draft.name) is str and draft.name == name else {"name": name}
    for field, enum in _CHOICES:
        value = getattr(draft, field)
        if type(value) is not enum:
            changes[field] = enum(value)
    for field, clean in _BLOCK_CLEANERS + (() if _lines_clean(draft) else _LINE_CLEANERS):
        before = getattr(draft, field)
        if before == "":  # nothing to clean
            continue
        after = clean(before)
        if type(before) is not str or before != after:
            changes[field] = after
    return replace(draft, **changes) if changes else draft


_CHOICES = (("gender", Gender), ("stage", LifecycleStage), ("tier", Tier), ("lead_source", LeadSource))
_BLOCK_CLEANERS = (("tags", clean_tags), ("notes", clean_multiline), ("needs", clean_multiline))
_LINE_CLEANERS = tuple((f, clean_line) for f in _LINE_FIELDS)
_line_values = attrgetter(*_LINE_FIELDS)


def _lines_clean(draft: ContactDraft) -> bool:
    """Whether `clean_line` leaves every one-line field as it is, tested on them joined by "|" at
    once (the common case): is_clean_line() of the whole, and no space beside a "|" (a field's end;
    any doubt, a "|" in a field beside a space say, takes the field by field way)."""
    try:
        joined = "|".join(_line_values(draft))
    except TypeError:  # a None or other non-text value: cleaned field by field
        return False
    return is_clean_line(joined) and " |" not in joined and "| " not in joined


def _birthday_errors(d: ContactDraft) -> dict[str, str]:
    errors = {}
    if (d.birth_month is None) != (d.birth_day is None) or (d.birth_year and not d.birth_month):
        errors["birthday"] = "Give both month and day of the birthday."
    elif d.birth_month is not None and not _valid_solar(d.birth_year, d.birth_month, d.birth_day):
        errors["birthday"] = "This birthday is not a real date."
    elif d.birth_year and date(d.birth_year, d.birth_month, d.birth_day) > _today():
        errors["birthday"] = "The birthday is in the future."
    if (d.lunar_birth_month is None) != (d.lunar_birth_day is None):
        errors["lunar_birthday"] = "Give both lunar month and day."
    elif d.lunar_birth_month is not None and not (
        1 <= d.lunar_birth_month <= 12 and 1 <= d.lunar_birth_day <= 30
    ):
        errors["lunar_birthday"] = "A lunar month is 1–12 and a lunar day 1–30."
    return errors


_TODAY: list = [date.min, -2.0]  # today, and the monotonic clock's reading when it was asked


def _today() -> date:
    """Today's date, asked of the system at most once a second (once per row was a twentieth of
    checking an import's rows)."""
    now = time.monotonic()
    if now - _TODAY[1] >= 1.0:
        _TODAY[:] = [date.today(), now]
    return _TODAY[0]


def _valid_solar(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12:
        return False
    if year is not None and not 1900 <= year <= 2100:
        return False
    return 1 <= day <= _month_days(year or 2000, month)  # 2000 is leap: 29 Feb allowed


@lru_cache(maxsize=4096)
def _month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def age_on(birth_year: int | None, birth_month: int | None, birth_day: int | None, today: date):
    """Age in whole years, or None when the year is unknown."""
    if not birth_year or not birth_month or not birth_day:
        return None
    before_birthday = (today.month, today.day) < (birth_month, birth_day)
    return today.year - birth_year - int(before_birthday)


_NOT_DIGIT = re.compile(r"[^0-9]")


def search_text(name: str, pinyin: str, initials: str, phones: list[tuple[str, str | None]], email: str,
                company: str, tags: str) -> str:
    """What the search index reads for a contact: folded name, pinyin and initials, every phone's
    digits as typed and international, email, company and tags. The index finds any part of a
    text, so digits inside another phone's digits are left out (a Chinese number's national digits
    end its international ones): a seventh of an imported contact's text."""
    digits = []
    for raw, e164 in phones:
        digits.append(raw if raw.isascii() and raw.isdigit() else _NOT_DIGIT.sub("", raw))
        if e164:
            digits.append(e164.lstrip("+"))
    parts = [_folded(name), pinyin, initials, *_outermost(digits), fold(email), _folded(company), _folded(tags)]
    return " ".join(dict.fromkeys(p for p in parts if p))


def _outermost(texts: list[str]) -> list[str]:
    """Each text once, and none that is part of another."""
    unique = list(dict.fromkeys(t for t in texts if t))
    return [t for t in unique if not any(t != other and t in other for other in unique)]


_folded = lru_cache(maxsize=65536)(fold)  # names, companies and tags repeat across an import's rows
