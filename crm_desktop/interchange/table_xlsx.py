"""A plain table (header row + text rows) as an .xlsx sheet: lists shown in the app, exported as seen."""

from collections.abc import Iterable, Sequence
from pathlib import Path

import xlsxwriter

from crm_desktop.interchange.sheet_out import display_width


def write_table_xlsx(path: Path, headers: Sequence[str], rows: Iterable[Sequence[str]]) -> int:
    """Writes the rows under a bold, frozen header; returns how many rows were written."""
    rows = [list(map(str, r)) for r in rows]
    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    try:
        sheet = book.add_worksheet()
        bold = book.add_format({"bold": True})
        for col, header in enumerate(headers):
            width = max([display_width(header)] + [display_width(r[col]) for r in rows[:500]])
            sheet.set_column(col, col, min(60, width + 2))
            sheet.write_string(0, col, header, bold)
        sheet.freeze_panes(1, 0)
        for i, row in enumerate(rows, start=1):
            for col, text in enumerate(row):
                sheet.write_string(i, col, text)
    finally:
        book.close()
    return len(rows)
