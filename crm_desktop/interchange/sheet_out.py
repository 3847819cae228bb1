"""Contacts written as an .xlsx workbook in which every cell is text.

Every cell goes in with `write_string`, so a phone "+8613800138000" or an id "007" stays exactly
that instead of becoming a number, and a note starting with "=" is guarded (see `cells`) and never
a formula. xlsxwriter's constant-memory mode writes each row out as soon as the next begins, so a
big export needs little memory; the temporary-file swap of `csv_out.replacing` keeps a failed
export from leaving half a workbook behind.
"""

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from crm_desktop.domain.contact_fields import EXPORT_KEYS
from crm_desktop.domain.errors import CrmError
from crm_desktop.interchange.csv_out import header_cells, replacing, row_cells

SHEET_NAME = "Contacts"
# No write() call is made, but should one ever be, no text may turn into a number, formula or link.
_OPTIONS = {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False}
_WIDTHS = {"name": 16, "phone": 18, "phone2": 18, "email": 28, "email2": 28, "company": 24,
           "address": 36, "needs": 30, "notes": 40, "tags": 20, "uuid": 38}
_MIN_WIDTH, _MAX_WIDTH = 10, 60


class SpreadsheetLimitError(CrmError):
    """The data does not fit an .xlsx sheet (a cell over 32,767 characters, over 1,048,576 rows)."""


def write_xlsx(path: Path, rows: Iterable[Mapping[str, str]], keys: Sequence[str] = EXPORT_KEYS) -> int:
    """Writes the rows' values for `keys` under a bold, frozen header row; returns the rows written."""
    written = 0
    with replacing(path) as temporary:
        book = xlsxwriter.Workbook(str(temporary), _OPTIONS)
        try:
            sheet = _prepared_sheet(book, keys)
            for written, row in enumerate(rows, start=1):
                _write_row(sheet, written, row_cells(row, keys))
        finally:
            book.close()
    return written


def _prepared_sheet(book: xlsxwriter.Workbook, keys: Sequence[str]) -> Worksheet:
    """The sheet with its column widths set and its header row written, bold and frozen."""
    sheet = book.add_worksheet(SHEET_NAME)
    headers = header_cells(keys)
    for col, (key, header) in enumerate(zip(keys, headers, strict=True)):
        sheet.set_column(col, col, column_width(key, header))
    sheet.freeze_panes(1, 0)
    _write_row(sheet, 0, headers, book.add_format({"bold": True}))
    return sheet


def _write_row(sheet: Worksheet, row: int, cells: list[str], cell_format=None) -> None:
    for col, text in enumerate(cells):
        result = sheet.write_string(row, col, text, cell_format)
        if result == -1:
            raise SpreadsheetLimitError("An .xlsx sheet holds at most {limit} rows; export to CSV "
                                        "instead.", limit=1_048_575)
        if result == -2:
            raise SpreadsheetLimitError("Contact {number} has a cell longer than the 32,767 characters "
                                        "an .xlsx cell can hold; export to CSV instead.", number=row)


def column_width(key: str, header: str) -> int:
    """A column's width in Excel character units: room for the header, wider for long fields."""
    wanted = max(display_width(header) + 2, _WIDTHS.get(key, _MIN_WIDTH))
    return min(wanted, _MAX_WIDTH)


def display_width(text: str) -> int:
    """The text's width in Latin character cells: Chinese and other wide characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
