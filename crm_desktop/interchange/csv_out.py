"""Contacts written as a CSV file that Excel opens right, also in Chinese.

UTF-8 with a byte-order mark (without it, Chinese Excel reads the file as GBK and shows
mojibake), our own headers, Windows line ends, and every cell guarded against formula injection.
Rows are written as they come, and into a temporary file that replaces the target only once
complete, so a failed export never leaves half a file where the user expects a whole one.
"""

import csv
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from crm_desktop.domain.contact_fields import EXPORT_KEYS, FIELDS
from crm_desktop.interchange.cells import neutralise

_HEADERS = {f.key: f.header for f in FIELDS}


def write_csv(path: Path, rows: Iterable[Mapping[str, str]], keys: Sequence[str] = EXPORT_KEYS) -> int:
    """Writes the rows' values for `keys` under a header row; returns how many rows were written.

    A key missing from a row writes an empty cell; a key that is not a contact field is its own header."""
    written = 0
    with replacing(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header_cells(keys))
        for row in rows:
            writer.writerow(row_cells(row, keys))
            written += 1
        _flush_to_disk(out)
    return written


def header_cells(keys: Sequence[str]) -> list[str]:
    """The header row of an export: each field's `Field.header`, guarded like any cell."""
    return [neutralise(_HEADERS.get(key, key)) for key in keys]


def row_cells(row: Mapping[str, str], keys: Sequence[str]) -> list[str]:
    """One row's cells in key order, guarded against formula injection."""
    return [neutralise(row.get(key) or "") for key in keys]


@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary path beside `path` that replaces it when the block ends without an error.

    On an error the temporary file is removed and the target is left as it was."""
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=path.suffix)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _flush_to_disk(out) -> None:
    """The written bytes on disk, not only in buffers, before the file replaces the old export."""
    out.flush()
    os.fsync(out.fileno())
