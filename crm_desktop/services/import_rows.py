"""The rows of an import file turned into validated contacts, and a reason for every row refused.

A row without a name is refused; a value that cannot be read (a date that is no date, an unknown
stage) is left out and reported with the row's line, the rest of the row imported; an invalid
phone or e-mail is kept as typed and flagged on the contact, as the contact dialog does.

A birthday column of a workbook or CSV holding a whole number over 2100 (up to 73050) is read as
Excel's date serial (29000 is 1979-05-25): Excel shows a date that way in a cell formatted as a
number and saves it so to CSV. A bare number in a CSV could mean something else, but a birthday
written without separators has four digits (0517) or eight (19900517), and a year (1990) or a
month and day (1225) stays below 2101, so it is read as a serial there too (never in a vCard).
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from itertools import repeat
from operator import contains, itemgetter
from uuid import UUID

from crm_desktop.domain.contact_fields import (
    BIRTHDAY_PARTS,
    REPEATABLE,
    draft_from_fields,
    with_birthday_joined,
)
from crm_desktop.domain.contacts import CleanContact, validate_contact
from crm_desktop.domain.errors import ValidationError
from crm_desktop.interchange.excel_dates import serial_birthday
from crm_desktop.interchange.source import RowProblem, SourceTable

Values = dict[str, str]


@dataclass(frozen=True, slots=True)
class PreparedRow:
    line: int
    clean: CleanContact
    present: frozenset[str]  # the fields this row gave a value for
    uuid: str = ""


@dataclass(frozen=True, slots=True)
class NoteWords:
    """The words an import writes into a contact's notes before the values it keeps there: they
    stay in the record, so they come in the user's language (the caller translates them)."""

    other_phones: str = "Other phones"
    other_emails: str = "Other emails"
    foreign_id: str = "ID"


ENGLISH_NOTE_WORDS = NoteWords()


@dataclass(frozen=True, slots=True)
class PreparedRows:
    rows: tuple[PreparedRow, ...]
    rejected: tuple[RowProblem, ...]
    warnings: tuple[RowProblem, ...]


def prepare_rows(table: SourceTable, mapping: dict[int, str], words: NoteWords = ENGLISH_NOTE_WORDS) -> PreparedRows:
    """Every row of `table` read through `mapping` (column index -> field key), after what the
    table's columns need (`_table_fixes`): a birthday kept as Excel's serial, a birthday in
    Thunderbird's three columns, Google's several values in one cell, a third phone column."""
    rows, rejected, warnings = [], list(table.problems), []
    fixes = _table_fixes(table, mapping, words)
    for line, values in _values(table, mapping):
        for fix in fixes:
            values = fix(values)
        values, kept_id = _foreign_id_in_notes(values, words.foreign_id)
        draft, problems = draft_from_fields(values)
        try:
            clean, left_out = _validated(draft)
        except ValidationError as exc:
            rejected.append(RowProblem.of(line, _reason(exc)))
            continue
        warnings += [RowProblem.of(line, e.template, field=e.field, value=e.value) for e in problems.values()]
        warnings += [_left_out(line, field) for field in left_out] + _flags(line, clean)
        if kept_id:
            warnings.append(RowProblem.of(line, "The ID '{value}' is not a contact ID of this program; it was "
                                                "kept in the notes.", value=kept_id))
        present = frozenset([k for k, v in values.items() if v])
        if problems:
            present = present.difference(problems)
        rows.append(PreparedRow(line, clean, present, values.get("uuid", "")))
    return PreparedRows(tuple(rows), tuple(sorted(rejected, key=_by_line)), tuple(warnings))


# Tables whose birthday column may hold Excel's date serials: workbooks (a cell formatted as a
# number) and CSV (Excel saves such a cell as its serial). A vCard's BDAY never is one.
_SERIAL_FORMATS = frozenset({"xlsx", "xlsm", "xlsb", "xls", "ods", "csv"})


def _table_fixes(table: SourceTable, mapping: dict[int, str], words: NoteWords) -> list[Callable[[Values], Values]]:
    """What the rows of this table need before their values are read, decided once for the table
    (a 100,000-row import pays nothing for what its columns do not hold)."""
    fields = set(mapping.values())
    fixes = []
    if "birthday" in fields and table.format in _SERIAL_FORMATS:
        fixes.append(_birthday_from_serial)
    if fields.intersection(BIRTHDAY_PARTS):
        fixes.append(with_birthday_joined)
    if _has_multi_values(table, mapping):
        fixes.append(partial(_spread_multi_values, words=words))
    return fixes


def _birthday_from_serial(values: Values) -> Values:
    """The row's values (a dict of its own) with a birthday serial (29000) as its date. A serial
    is at most 8 characters ("73050.00"): the usual 1990-05-17 is passed over by its length."""
    text = values.get("birthday", "")
    if 0 < len(text) <= _SERIAL_CHARS:
        values["birthday"] = serial_birthday(text)
    return values


_SERIAL_CHARS = len("73050.00")


_MULTI = ":::"  # Google Contacts puts a contact's several phones (e-mails, labels) in one cell so joined
# the two fields and the field of more (several columns, their values joined as Google joins them)
_PAIRS = (("phone", "phone2", "more_phones", "other_phones"), ("email", "email2", "more_emails", "other_emails"))
_GOOGLE_ALL_CONTACTS = "* mycontacts"  # the label every Google contact has
_MULTI_FIELDS = frozenset({"phone", "phone2", "email", "email2", "tags"})


def _has_multi_values(table: SourceTable, mapping: dict[int, str]) -> bool:
    """Whether a column is mapped to more phones or e-mails, or a phone, e-mail or tags column
    holds Google's "a ::: b", or a tags column its "* myContacts" labels: looked for once, column
    by column, not in every row's values."""
    if REPEATABLE.intersection(mapping.values()):
        return True
    rows = table.cell_rows()
    width = len(rows[0]) if rows else 0
    for i, key in mapping.items():
        if key not in _MULTI_FIELDS or i >= width:
            continue
        column = list(map(itemgetter(i), rows))
        if any(map(contains, column, repeat(_MULTI))):
            return True
        if key == "tags" and any(map(str.startswith, map(str.lstrip, column), repeat("* "))):
            return True
    return False


def _spread_multi_values(values: dict[str, str], words: NoteWords = ENGLISH_NOTE_WORDS) -> dict[str, str]:
    """The values with several phones (e-mails) spread out, from Google's "a ::: b" cells or from
    more phone columns than two: the first one is the phone, the next the second phone, any others
    go to the notes; labels become tags, "* myContacts" (which every contact has) left out. Kept
    whole, the cell was no valid phone or e-mail; a row with only its third column filled has that
    phone as its phone."""
    labels = values.get("tags", "")
    if REPEATABLE.isdisjoint(values) and not labels.startswith("* ") and \
            not any(_MULTI in values.get(key, "") for key in _MULTI_FIELDS):
        return values
    spread = dict(values)
    for first, second, more, others in _PAIRS:
        if more not in values and _MULTI not in values.get(first, "") + values.get(second, ""):
            continue
        found = [part.strip() for key in (first, second, more) for part in spread.pop(key, "").split(_MULTI)]
        found = [part for part in found if part]
        spread[first], spread[second] = (found + ["", ""])[:2]
        if found[2:]:
            kept = f"{getattr(words, others)}: {', '.join(found[2:])}"
            spread["notes"] = "\n".join(p for p in (spread.get("notes", ""), kept) if p)
    if _MULTI in labels or labels.startswith("* "):
        parts = (part.strip() for part in labels.split(_MULTI))
        spread["tags"] = ", ".join(part.removeprefix("* ") for part in parts
                                   if part and part.casefold() != _GOOGLE_ALL_CONTACTS)
    return spread


def _foreign_id_in_notes(values: dict[str, str], word: str) -> tuple[dict[str, str], str]:
    """The values with an ID that is no UUID moved from the uuid to the notes, and that ID.

    A sheet's own customer number (编号, ID: 1, 2, 3...) is no contact ID of ours: taken as the
    uuid, the rows of a second numbered sheet matched the first sheet's contacts and were skipped."""
    text = values.get("uuid", "")
    if not text or _is_uuid(text):
        return values, ""
    notes = "\n".join(part for part in (values.get("notes", ""), f"{word}: {text}") if part)
    return values | {"uuid": "", "notes": notes}, text


def _is_uuid(text: str) -> bool:
    try:
        UUID(text)
    except ValueError:
        return False
    return True


_DATES = {"birthday": ("birth_year", "birth_month", "birth_day"),
          "lunar_birthday": ("lunar_birth_month", "lunar_birth_day")}


def _validated(draft) -> tuple[CleanContact, list[str]]:  # (contact, fields left out)
    """The validated contact and what was left out: a birthday the rules refuse (in the future, no
    real date) is dropped rather than costing the whole row."""
    try:
        return validate_contact(draft), []
    except ValidationError as exc:
        if not exc.errors.keys() <= _DATES.keys():
            raise
        cleared = {attr: None for field in exc.errors for attr in _DATES[field]}
        return validate_contact(replace(draft, **cleared)), list(exc.errors)


def _left_out(line: int, field: str) -> RowProblem:
    if field == "birthday":
        return RowProblem.of(line, "The birthday was left out: it is not a real date or it lies in the future.")
    return RowProblem.of(line, "The lunar birthday was left out: a lunar month is 1–12 and a lunar day 1–30.")


def _values(table: SourceTable, mapping: dict[int, str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Each row with a value, as its values by field: the columns of a field several may fill
    (`REPEATABLE`) joined as Google joins several values in a cell."""
    columns = [(i, key) for i, key in mapping.items() if key not in REPEATABLE]
    repeated = [(key, [i for i, k in mapping.items() if k == key]) for key in sorted(REPEATABLE.intersection(mapping.values()))]
    for row in table.rows:
        cells, width = row.cells, len(row.cells)
        values = {key: cells[i].strip() for i, key in columns if i < width}
        for key, at in repeated:
            values[key] = f" {_MULTI} ".join(text for i in at if i < width and (text := cells[i].strip()))
        if any(values.values()):
            yield row.line, values


def _reason(exc: ValidationError) -> str:
    """The catalogued template saying why the row was refused (its first reason)."""
    if exc.errors.get("name") == "A name is required.":
        return "The row has no name; a contact needs one."
    return next(iter(exc.errors.values()))


def _flags(line: int, clean: CleanContact) -> list[RowProblem]:
    flags = []
    if clean.phone and not clean.phone.valid:
        flags.append(RowProblem.of(line, "The phone '{value}' is not a valid number; it was kept as typed and "
                                         "flagged.", value=clean.phone.raw))
    if clean.phone2 and not clean.phone2.valid:
        flags.append(RowProblem.of(line, "The second phone '{value}' is not a valid number; it was kept as typed "
                                         "and flagged.", value=clean.phone2.raw))
    if clean.email_invalid:
        flags.append(RowProblem.of(line, "The email '{value}' is not valid; it was kept as typed and flagged.",
                                   value=clean.draft.email))
    return flags


def _by_line(problem: RowProblem) -> int:
    return problem.line
