"""What every reader returns: a table of text cells with the line each row came from."""

from dataclasses import dataclass, field
from operator import itemgetter

from crm_desktop.domain.errors import CrmError


@dataclass(frozen=True, slots=True)
class SourceRow:
    line: int  # where the row starts in the file: 1-based line (text files) or sheet row number
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RowProblem:
    """What is wrong with one row or card: an English template with `{name}` fields and their
    values, so the UI can show it in the user's language (as it does for CrmError)."""

    line: int
    template: str
    params: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, row_line: int, template: str, /, **params) -> "RowProblem":
        return cls(row_line, template, tuple((k, str(v)) for k, v in params.items()))

    @property
    def message(self) -> str:
        return self.template.format(**dict(self.params)) if self.params else self.template


@dataclass(frozen=True, slots=True)
class SourceTable:
    """A file read as a table: one header row, data rows, and the rows that could not be read."""

    format: str  # "csv", "xlsx", "xls", "ods", "vcf"
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    problems: tuple[RowProblem, ...] = ()
    encoding: str | None = None  # the text encoding used, for text files
    sheet: str | None = None  # the sheet read, for workbooks
    notes: tuple[RowProblem, ...] = field(default=())  # worth telling the user; `line` 0: the whole file

    def filled_columns(self) -> frozenset[int]:
        """The columns with text in some row (white space alone is none), each read until its first
        such cell (a column of 100,000 empty cells in about a millisecond)."""
        rows = self.cell_rows()
        width = len(rows[0]) if rows else 0
        return frozenset(i for i in range(width) if any(map(str.strip, map(itemgetter(i), rows))))

    def cell_rows(self) -> list[tuple[str, ...]]:
        """Every row's cells, the short rows padded with empty cells to the longest: a column is
        then `map(itemgetter(i), rows)`, read at C speed."""
        rows = [row.cells for row in self.rows]
        width = max(map(len, rows), default=0)
        if rows and min(map(len, rows)) != width:
            rows = [(*cells, *[""] * (width - len(cells))) for cells in rows]
        return rows


class SourceError(CrmError):
    """The file as a whole cannot be read (not a spreadsheet, not text, no header...).

    Raise it with an English template and named params, e.g.
    `SourceError("{file} is not a spreadsheet python-calamine can read.", file=name)`."""
