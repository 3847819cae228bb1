"""E-mail addresses checked with email-validator, without any network look-up."""

from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from crm_desktop.domain.text import clean_line


@dataclass(frozen=True, slots=True)
class Email:
    raw: str
    normalized: str | None
    problem: str = ""

    @property
    def valid(self) -> bool:
        return self.normalized is not None


def check_email(raw: str | None) -> Email | None:
    text = clean_line(raw)
    if not text:
        return None
    try:
        info = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return Email(text, None, str(exc))
    return Email(text, info.normalized.lower())
