"""Translated names of the contact fields an import can fill (the keys of `FIELD_KEYS`).

The English headers in `domain.contact_fields` are what our files carry and must not change with
the language; these are what the user reads in the mapping combos.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crm_desktop.domain.contact_fields import FIELD_KEYS, REPEATABLE

CONTEXT = "ContactFields"
NAME_KEYS = frozenset({"name", "given_name", "family_name"})

_NAMES: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("ContactFields", "Name"),
    "given_name": QT_TRANSLATE_NOOP("ContactFields", "Given name"),
    "family_name": QT_TRANSLATE_NOOP("ContactFields", "Family name"),
    "phone": QT_TRANSLATE_NOOP("ContactFields", "Mobile phone"),
    "phone2": QT_TRANSLATE_NOOP("ContactFields", "Other phone"),
    # a column past the phone and the other phone: the row's first free phone, else its notes
    "more_phones": QT_TRANSLATE_NOOP("ContactFields", "More phones"),
    "email": QT_TRANSLATE_NOOP("ContactFields", "Email"),
    "email2": QT_TRANSLATE_NOOP("ContactFields", "Other email"),
    "more_emails": QT_TRANSLATE_NOOP("ContactFields", "More emails"),
    "company": QT_TRANSLATE_NOOP("ContactFields", "Company"),
    "title": QT_TRANSLATE_NOOP("ContactFields", "Job title"),
    "address": QT_TRANSLATE_NOOP("ContactFields", "Address"),
    "city": QT_TRANSLATE_NOOP("ContactFields", "City"),
    "birthday": QT_TRANSLATE_NOOP("ContactFields", "Birthday"),
    "birth_year": QT_TRANSLATE_NOOP("ContactFields", "Birth year"),
    "birth_month": QT_TRANSLATE_NOOP("ContactFields", "Birth month"),
    "birth_day": QT_TRANSLATE_NOOP("ContactFields", "Birth day (of the month)"),
    "lunar_birthday": QT_TRANSLATE_NOOP("ContactFields", "Lunar birthday"),
    "gender": QT_TRANSLATE_NOOP("ContactFields", "Gender"),
    "stage": QT_TRANSLATE_NOOP("ContactFields", "Lifecycle stage"),
    "tier": QT_TRANSLATE_NOOP("ContactFields", "Customer tier"),
    "lead_source": QT_TRANSLATE_NOOP("ContactFields", "Lead source"),
    "channel": QT_TRANSLATE_NOOP("ContactFields", "Channel"),
    "tags": QT_TRANSLATE_NOOP("ContactFields", "Tags"),
    "needs": QT_TRANSLATE_NOOP("ContactFields", "Needs"),
    "notes": QT_TRANSLATE_NOOP("ContactFields", "Notes"),
    "marketing_consent": QT_TRANSLATE_NOOP("ContactFields", "Marketing consent"),
    "do_not_contact": QT_TRANSLATE_NOOP("ContactFields", "Do not contact"),
    "is_organisation": QT_TRANSLATE_NOOP("ContactFields", "Organisation (not a person)"),
    "uuid": QT_TRANSLATE_NOOP("ContactFields", "Record ID (UUID)"),
}
assert set(_NAMES) == set(FIELD_KEYS), "every contact field needs a translated name"


def field_label(key: str) -> str:
    """The field's name in the current language (call at display time: the language can change)."""
    return QCoreApplication.translate(CONTEXT, _NAMES[key])


def ignore_label() -> str:
    return QCoreApplication.translate("ContactFields", "— ignore —")


def has_name(mapping: dict[int, str]) -> bool:
    """Whether the mapping gives each row a name: a contact without one is refused."""
    return bool(NAME_KEYS & set(mapping.values()))


def doubled(mapping: dict[int, str]) -> list[str]:
    """Fields that more than one column is mapped to (the later column would silently win), but
    those several columns may fill (`REPEATABLE`)."""
    seen: set[str] = set()
    return sorted({key for key in mapping.values() if key not in REPEATABLE and (key in seen or seen.add(key))})
