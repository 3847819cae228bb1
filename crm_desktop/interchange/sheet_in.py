"""Excel (.xlsx, .xlsm, .xlsb, .xls) and OpenDocument (.ods) sheets read as a `SourceTable`.

python-calamine reads all of them without Excel. Typed cells become the text a person would type:
a phone number stored as the number 13800138000 is "13800138000", not "13800138000.0"; a date is
"1990-05-17"; a tick box is "yes" or "no". Rows keep their sheet row number, so the user can find
a problem row in Excel by the number shown.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

from python_calamine import (
    CalamineError,
    CalamineSheet,
    CalamineWorkbook,
    PasswordError,
    SheetVisibleEnum,
    WorksheetNotFound,
)

from crm_desktop.interchange.cells import restore
from crm_desktop.interchange.header_row import header_index, skipped_note
from crm_desktop.interchange.source import SourceError, SourceRow, SourceTable

Cell = int | float | str | bool | date | datetime | time | timedelta | None


def read_sheet(path: Path, sheet: str | None = None) -> SourceTable:
    """The named sheet, or else the first visible sheet holding data, as a table.

    The header is the first non-empty row, or the first naming fields after a title (see
    `header_row`); empty rows are skipped. The table spans the columns
    from the leftmost to the rightmost holding text, so a column without a header keeps its values."""
    with _explained(path), CalamineWorkbook.from_path(path) as book:
        name, grid = _chosen_sheet(book, sheet, path)
    rows = [SourceRow(n, cells) for n, cells in enumerate(grid, start=1) if any(c.strip() for c in cells)]
    at = header_index([row.cells for row in rows])
    skipped, rows = rows[:at], rows[at:]
    columns = _text_columns([row.cells for row in rows])
    header, *data = (SourceRow(row.line, _fitted(row.cells, columns)) for row in rows)
    return SourceTable(format=path.suffix.lstrip(".").lower(), headers=header.cells,
                       rows=tuple(data), sheet=name, notes=skipped_note([row.line for row in skipped]))


@contextmanager
def _explained(path: Path) -> Iterator[None]:
    """Turns calamine's and the system's errors into a SourceError with a plain sentence."""
    try:
        yield
    except PasswordError:
        raise SourceError("{file} is protected by a password; save a copy without one and try again.",
                          file=path.name) from None
    except CalamineError as exc:
        raise SourceError("{file} is not a spreadsheet this program can read ({reason}).",
                          file=path.name, reason=str(exc)) from None
    except OSError as exc:
        raise SourceError("Cannot open {file}: {reason}.", file=path.name, reason=exc.strerror) from None


def _chosen_sheet(book: CalamineWorkbook, sheet: str | None, path: Path) -> tuple[str, list[tuple[str, ...]]]:
    """(sheet name, every row of it as text) for the sheet asked for or the first with data."""
    if sheet is not None:
        try:
            grid = _grid(book.get_sheet_by_name(sheet))
        except WorksheetNotFound:
            raise SourceError("{file} has no sheet named {sheet}.", file=path.name, sheet=sheet) from None
        if grid:
            return sheet, grid
        raise SourceError("The sheet {sheet} of {file} is empty.", file=path.name, sheet=sheet)
    for meta in sorted(book.sheets_metadata, key=lambda m: m.visible != SheetVisibleEnum.Visible):
        grid = _grid(book.get_sheet_by_name(meta.name))
        if grid:
            return meta.name, grid
    raise SourceError("{file} has no sheet with data.", file=path.name)


def _grid(sheet: CalamineSheet) -> list[tuple[str, ...]]:
    """Every row from sheet row 1 on as text, or [] when no cell holds text."""
    grid = [tuple(map(cell_text, row)) for row in sheet.to_python(skip_empty_area=False)]
    return grid if any(any(c.strip() for c in row) for row in grid) else []


def _text_columns(grid: list[tuple[str, ...]]) -> slice:
    """The columns from the first to the last one with text in any row."""
    used = {i for cells in grid for i, cell in enumerate(cells) if cell.strip()}
    return slice(min(used), max(used) + 1)


def _fitted(cells: tuple[str, ...], columns: slice) -> tuple[str, ...]:
    kept = cells[columns]
    return kept + ("",) * (columns.stop - columns.start - len(kept))


def cell_text(value: Cell) -> str:
    """The text a person would type for a cell value read by calamine."""
    if isinstance(value, str):
        return restore(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else f"{value:.15g}"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return _duration_text(value)
    return "" if value is None else str(value)


def _duration_text(value: timedelta) -> str:
    """A duration as Excel shows it with the [h]:mm:ss format."""
    seconds = round(value.total_seconds())
    sign, seconds = ("-" if seconds < 0 else ""), abs(seconds)
    return f"{sign}{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
