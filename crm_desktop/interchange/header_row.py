"""Which row of a table is its header: Chinese spreadsheets often put a title above it.

A sheet made for printing starts with a title ("2024年客户名单", merged over the columns), maybe a
blank row, then the header. The header is the first of the leading rows naming two contact fields
or more, provided no row before it names any (so a data row that happens to hold a header word
never takes over); else the first row, as before.
"""

from collections.abc import Sequence

from crm_desktop.domain.contact_fields import guess_field
from crm_desktop.interchange.source import RowProblem

LOOK_AHEAD = 10  # non-empty rows searched for the header


def header_index(rows: Sequence[Sequence[str]]) -> int:
    """The index of the header among the table's first non-empty rows (0 when in doubt)."""
    for i, cells in enumerate(rows[:LOOK_AHEAD]):
        named = sum(guess_field(cell) is not None for cell in cells if cell.strip())
        if named >= 2:
            return i
        if named:
            return 0
    return 0


def skipped_note(lines: Sequence[int]) -> tuple[RowProblem, ...]:
    """The note telling the user which lines above the header were left out."""
    if not lines:
        return ()
    if len(lines) == 1:
        return (RowProblem.of(0, "Line {lines} above the header row was left out.", lines=lines[0]),)
    return (RowProblem.of(0, "Lines {lines} above the header row were left out.",
                          lines=", ".join(map(str, lines))),)
