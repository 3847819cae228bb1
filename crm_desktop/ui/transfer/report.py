"""The import report: the rows refused and the warnings, as a CSV file Excel opens right.

Written like our exports (UTF-8 with a byte-order mark, cells guarded against formulas, into a
temporary file that replaces the target only when complete), so the user can fix the rows in
Excel and import them again.
"""

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from crm_desktop.interchange.cells import neutralise
from crm_desktop.interchange.csv_out import replacing


def write_report(path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    """Write `headers` then `rows`; returns how many rows were written."""
    written = 0
    with replacing(Path(path)) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([neutralise(str(cell)) for cell in row])
            written += 1
    return written
