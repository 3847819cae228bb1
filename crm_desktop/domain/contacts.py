"""Rules for a contact record: what is required, how fields are cleaned and normalised."""

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date

from crm_desktop.domain.drafts import ContactDraft
from crm_desktop.domain.emails import check_email
from crm_desktop.domain.enums import Gender, LeadSource, LifecycleStage, Tier
from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.phones import Phone, normalize_phone
from crm_desktop.domain.pinyin import pinyin_keys
from crm_desktop.domain.text import clean_line, clean_multiline, fold

MAX_NAME = 200
_LINE_FIELDS = ("phone", "phone2", "email", "email2", "company", "title", "address", "city", "channel")


@dataclass(frozen=True, slots=True)
class CleanContact:
    draft: ContactDraft
    phone: Phone | None
    phone2: Phone | None
    email_invalid: bool
    email_normalized: str
    name_pinyin: str
    name_initials: str


def clean_tags(text: str) -> str:
    """'vip， 老客户 ,vip' -> 'vip, 老客户' (comma or Chinese comma separated, de-duplicated)."""
    parts = [clean_line(p) for p in text.replace("，", ",").replace("、", ",").split(",")]
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
    cleaned = replace(
        draft,
        name=name,
        gender=Gender(draft.gender),
        stage=LifecycleStage(draft.stage),
        tier=Tier(draft.tier),
        lead_source=LeadSource(draft.lead_source),
        tags=clean_tags(draft.tags),
        notes=clean_multiline(draft.notes),
        needs=clean_multiline(draft.needs),
        **{f: clean_line(getattr(draft, f)) for f in _LINE_FIELDS},
    )
    email = check_email(cleaned.email)
    full, initials = pinyin_keys(name)
    return CleanContact(
        draft=cleaned,
        phone=normalize_phone(cleaned.phone),
        phone2=normalize_phone(cleaned.phone2),
        email_invalid=bool(email and not email.valid),
        email_normalized=(email.normalized or email.raw) if email else "",
        name_pinyin=full,
        name_initials=initials,
    )


def _birthday_errors(d: ContactDraft) -> dict[str, str]:
    errors = {}
    if (d.birth_month is None) != (d.birth_day is None) or (d.birth_year and not d.birth_month):
        errors["birthday"] = "Give both month and day of the birthday."
    elif d.birth_month is not None and not _valid_solar(d.birth_year, d.birth_month, d.birth_day):
        errors["birthday"] = "This birthday is not a real date."
    elif d.birth_year and date(d.birth_year, d.birth_month, d.birth_day) > date.today():
        errors["birthday"] = "The birthday is in the future."
    if (d.lunar_birth_month is None) != (d.lunar_birth_day is None):
        errors["lunar_birthday"] = "Give both lunar month and day."
    elif d.lunar_birth_month is not None and not (
        1 <= d.lunar_birth_month <= 12 and 1 <= d.lunar_birth_day <= 30
    ):
        errors["lunar_birthday"] = "A lunar month is 1–12 and a lunar day 1–30."
    return errors


def _valid_solar(year: int | None, month: int, day: int) -> bool:
    if not 1 <= month <= 12:
        return False
    if year is not None and not 1900 <= year <= 2100:
        return False
    days = calendar.monthrange(year or 2000, month)[1]  # 2000 is leap: 29 Feb allowed
    return 1 <= day <= days


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
    digits as typed, international and national, email, company and tags."""
    digits = []
    for raw, e164 in phones:
        digits.append(_NOT_DIGIT.sub("", raw))
        if e164:
            digits.append(e164.lstrip("+"))
            if e164.startswith("+86"):
                digits.append(e164[3:])
    parts = [fold(name), pinyin, initials, *digits, fold(email), fold(company), fold(tags)]
    return " ".join(dict.fromkeys(p for p in parts if p))
