"""What every reader returns: a table of text cells with the line each row came from."""

from dataclasses import dataclass, field

from crm_desktop.domain.errors import CrmError


@dataclass(frozen=True, slots=True)
class SourceRow:
    line: int  # where the row starts in the file: 1-based line (text files) or sheet row number
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RowProblem:
    line: int
    message: str  # one English sentence saying what is wrong with that row or card


@dataclass(frozen=True, slots=True)
class SourceTable:
    """A file read as a table: one header row, data rows, and the rows that could not be read."""

    format: str  # "csv", "xlsx", "xls", "ods", "vcf"
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    problems: tuple[RowProblem, ...] = ()
    encoding: str | None = None  # the text encoding used, for text files
    sheet: str | None = None  # the sheet read, for workbooks
    notes: tuple[str, ...] = field(default=())  # things worth telling the user (e.g. "3 empty rows skipped")


class SourceError(CrmError):
    """The file as a whole cannot be read (not a spreadsheet, not text, no header...).

    Raise it with an English template and named params, e.g.
    `SourceError("{file} is not a spreadsheet python-calamine can read.", file=name)`."""
