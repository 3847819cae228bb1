"""CSV and other delimited text files read as a `SourceTable`.

The delimiter is whichever of `, ; TAB |` splits the first records into a header of more than one
column and rows of that same width most often (csv.Sniffer guesses from character counts and is
fooled by commas inside Chinese addresses). Excel's "sep=;" first line overrides the guess.
Each row keeps the physical line its record starts on, so a quoted cell spanning lines does not
shift the line numbers the user is shown for the rows after it.
"""

import csv
import io
import re
from collections.abc import Iterator
from itertools import chain, islice
from pathlib import Path

from crm_desktop.interchange.cells import GUARD, restore
from crm_desktop.interchange.decoding import decode
from crm_desktop.interchange.header_row import LOOK_AHEAD, header_index, skipped_note
from crm_desktop.interchange.source import RowProblem, SourceError, SourceRow, SourceTable

DELIMITERS = (",", ";", "\t", "|")
_SNIFF_RECORDS = 50
_SEP_LINE = re.compile(r"\A\"?sep=(.)\"?\r?\n", re.IGNORECASE)

Record = tuple[int, list[str]]  # (first physical line, cells)


def read_csv(path: Path, encoding: str | None = None) -> SourceTable:
    """The file as a table: the header (the first non-empty record, or the first naming fields after
    a title, see `header_row`), the non-empty records after it as rows.

    Short rows are padded with empty cells; cells beyond the header's width are left out, and a
    note names the lines where such a cell held text (likely an address with an unquoted comma)."""
    text, used = decode(_read_bytes(path), encoding)
    if "\x00" in text:
        raise SourceError("{file} holds binary data, not text: it is not a CSV file.", file=path.name)
    first_line, delimiter, body = _dialect(text)
    records = _non_empty(_records(body, delimiter, first_line))
    leading = list(islice(records, LOOK_AHEAD))
    if not leading:
        raise SourceError("{file} holds no header row: the file is empty.", file=path.name)
    at = header_index([cells for _, cells in leading])
    headers = tuple(leading[at][1])
    rows, overfull = _rows(chain(leading[at + 1:], records), len(headers))
    return SourceTable(format="csv", headers=headers, rows=rows, encoding=used,
                       notes=skipped_note([line for line, _ in leading[:at]]) + _notes(overfull))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError("Cannot open {file}: {reason}.", file=path.name, reason=exc.strerror) from None


def _dialect(text: str) -> tuple[int, str, str]:
    """(physical line the data starts on, delimiter, text from that line on)."""
    sep = _SEP_LINE.match(text)
    if sep:
        return 2, sep.group(1), text[sep.end():]
    return 1, sniff_delimiter(text), text


def sniff_delimiter(text: str) -> str:
    """The delimiter giving the most consistent multi-column table over the first records."""
    return max(DELIMITERS, key=lambda d: _consistency(text, d))


def _consistency(text: str, delimiter: str) -> tuple[float, int]:
    """(share of records as wide as the header, header width); zero when the header is one column.

    `max` keeps the first of equal scores, so a one-column file reads as comma-separated."""
    widths = [len(cells) for _, cells in islice(_non_empty(_records(text, delimiter, 1)), _SNIFF_RECORDS)]
    if not widths or widths[0] < 2:
        return 0.0, 0
    return sum(w == widths[0] for w in widths) / len(widths), widths[0]


def _records(text: str, delimiter: str, first_line: int) -> Iterator[Record]:
    """Every record, its cells restored, with the physical line it starts on (csv counts lines
    as it reads them)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = reader.line_num
    try:
        for cells in reader:
            if GUARD in "".join(cells):  # only a cell starting with the guard can need restoring
                cells = [restore(cell) for cell in cells]
            yield first_line + start, cells
            start = reader.line_num
    except csv.Error as exc:  # a cell over csv's size limit, most often after an unclosed quote
        raise SourceError("The record starting on line {line} cannot be read: {reason}.",
                          line=first_line + start, reason=str(exc)) from None


def _non_empty(records: Iterator[Record]) -> Iterator[Record]:
    """The records with text in some cell (white space alone is none)."""
    return (record for record in records if "".join(record[1]).strip())


def _rows(records: Iterator[Record], width: int) -> tuple[tuple[SourceRow, ...], list[int]]:
    """The rows cut or padded to the header width, and the lines where text was cut off."""
    rows: list[SourceRow] = []
    overfull: list[int] = []
    padding = ("",) * width
    for line, cells in records:
        if len(cells) == width:  # the common case
            rows.append(SourceRow(line, tuple(cells)))
            continue
        if "".join(cells[width:]).strip():
            overfull.append(line)
        rows.append(SourceRow(line, (tuple(cells) + padding)[:width]))
    return tuple(rows), overfull


def _notes(overfull: list[int]) -> tuple[RowProblem, ...]:
    if not overfull:
        return ()
    lines = ", ".join(map(str, overfull[:10])) + (", ..." if len(overfull) > 10 else "")
    return (RowProblem.of(0, "Cells beyond the header's columns were left out on {count} line(s): {lines}.",
                          count=len(overfull), lines=lines),)
