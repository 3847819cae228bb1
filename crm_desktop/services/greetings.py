"""Greeting batches: who may receive one, the merged text, and the two ways out (SMS CSV, WeChat).

Left out, with the reason: contacts marked do-not-contact, children under 14 (PIPL treats their
data as sensitive), contacts without marketing consent, and contacts without a usable phone.
"""

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from crm_desktop.domain.care import is_minor, render_greeting
from crm_desktop.services.care_dto import Excluded, ExclusionReason, GreetingList, GreetingRow

CSV_KEYS = ("name", "phone", "message")


def exclusion_reason(row, today: date) -> ExclusionReason | None:
    """The first reason this contact gets no greeting, or None. Row: CareRepository.greeting_rows."""
    if row.do_not_contact:
        return ExclusionReason.DO_NOT_CONTACT
    if is_minor(row.birth_year, row.birth_month, row.birth_day, today):
        return ExclusionReason.MINOR
    if not row.marketing_consent:
        return ExclusionReason.NO_CONSENT
    if not row.phone_e164:
        return ExclusionReason.NO_PHONE
    return None


def merge_fields(row, extra: Mapping[str, str]) -> dict[str, str]:
    """A contact's own fields, then the occasion's ({holiday}, {date}) and the caller's."""
    own = {"name": row.name, "title": row.title or "", "points": str(row.points_balance or 0),
           "company": row.company or ""}
    return {**own, **extra}


def build_greeting_list(rows: Iterable, template: str, extra: Mapping[str, str], today: date) -> GreetingList:
    greetings, excluded = [], []
    for row in rows:
        reason = exclusion_reason(row, today)
        if reason is not None:
            excluded.append(Excluded(row.id, row.name, reason))
            continue
        text = render_greeting(template, merge_fields(row, extra))
        greetings.append(GreetingRow(row.id, row.name, row.phone_e164, text))
    return GreetingList(tuple(greetings), tuple(excluded))


def export_greetings_csv(path: Path | str, greetings: GreetingList) -> int:
    """The batch as a CSV an SMS platform imports (UTF-8 with BOM, formula-safe cells).

    The phone is written as E.164 digits without the '+': a cell starting with '+' is guarded
    against formula injection with an apostrophe, which SMS platforms do not strip."""
    from crm_desktop.interchange.csv_out import write_csv

    cells = ({"name": r.name, "phone": r.phone.lstrip("+"), "message": r.message} for r in greetings.rows)
    return write_csv(Path(path), cells, keys=CSV_KEYS)


def as_wechat_text(greetings: GreetingList) -> str:
    """One message per paragraph, to paste into WeChat and send one by one."""
    return "\n\n".join(r.message for r in greetings.rows)
