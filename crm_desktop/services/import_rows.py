"""The rows of an import file turned into validated contacts, and a reason for every row refused.

A row without a name is refused; a value that cannot be read (a date that is no date, an unknown
stage) is left out and reported with the row's line, the rest of the row imported; an invalid
phone or e-mail is kept as typed and flagged on the contact, as the contact dialog does.
"""

from collections.abc import Iterator
from dataclasses import dataclass, replace

from crm_desktop.domain.contact_fields import draft_from_fields
from crm_desktop.domain.contacts import CleanContact, validate_contact
from crm_desktop.domain.errors import ValidationError
from crm_desktop.interchange.source import RowProblem, SourceTable


@dataclass(frozen=True, slots=True)
class PreparedRow:
    line: int
    clean: CleanContact
    present: frozenset[str]  # the fields this row gave a value for
    uuid: str = ""


@dataclass(frozen=True, slots=True)
class PreparedRows:
    rows: tuple[PreparedRow, ...]
    rejected: tuple[RowProblem, ...]
    warnings: tuple[RowProblem, ...]


def prepare_rows(table: SourceTable, mapping: dict[int, str]) -> PreparedRows:
    """Every row of `table` read through `mapping` (column index -> field key)."""
    rows, rejected, warnings = [], list(table.problems), []
    for line, values in _values(table, mapping):
        draft, problems = draft_from_fields(values)
        try:
            clean = _validated(draft, problems)
        except ValidationError as exc:
            rejected.append(RowProblem(line, _reason(exc)))
            continue
        warnings.extend(RowProblem(line, f"{field}: {message} The value was left out.")
                        for field, message in problems.items())
        warnings.extend(RowProblem(line, w) for w in _flags(clean))
        present = frozenset(k for k, v in values.items() if v and k not in problems)
        rows.append(PreparedRow(line, clean, present, values.get("uuid", "")))
    return PreparedRows(tuple(rows), tuple(sorted(rejected, key=_by_line)), tuple(warnings))


_DATES = {"birthday": ("birth_year", "birth_month", "birth_day"),
          "lunar_birthday": ("lunar_birth_month", "lunar_birth_day")}


def _validated(draft, problems: dict[str, str]) -> CleanContact:
    """The validated contact; a birthday the rules refuse (in the future, no real date) is left out
    and added to `problems` rather than costing the whole row."""
    try:
        return validate_contact(draft)
    except ValidationError as exc:
        if not exc.errors.keys() <= _DATES.keys():
            raise
        problems.update(exc.errors)
        cleared = {attr: None for field in exc.errors for attr in _DATES[field]}
        return validate_contact(replace(draft, **cleared))


def _values(table: SourceTable, mapping: dict[int, str]) -> Iterator[tuple[int, dict[str, str]]]:
    for row in table.rows:
        values = {key: row.cells[i].strip() for i, key in mapping.items() if i < len(row.cells)}
        if any(values.values()):
            yield row.line, values


def _reason(exc: ValidationError) -> str:
    if "name" in exc.errors:
        return "The row has no name; a contact needs one." if "required" in exc.errors["name"] else exc.errors["name"]
    return "; ".join(exc.errors.values())


def _flags(clean: CleanContact) -> list[str]:
    flags = []
    for label, phone in (("phone", clean.phone), ("phone 2", clean.phone2)):
        if phone and not phone.valid:
            flags.append(f"The {label} '{phone.raw}' is not a valid number; it was kept as typed and flagged.")
    if clean.email_invalid:
        flags.append(f"The email '{clean.draft.email}' is not valid; it was kept as typed and flagged.")
    return flags


def _by_line(problem: RowProblem) -> int:
    return problem.line
