"""Exporting contacts: everything, the current search, or a selection, as CSV, XLSX or vCard.

Rows stream from the database to the file in batches; the writers write to a temporary file and
put it in place at the end, so a failure never leaves half a file where the user expects one.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from crm_desktop.domain.contact_fields import fields_of
from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.permissions import Permission
from crm_desktop.services.contacts import draft_of
from crm_desktop.services.context import ServiceContext
from crm_desktop.services.dto import ListQuery

FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".vcf": "vcf", ".zip": "vcf-zip"}


class ExportError(CrmError):
    """The export cannot be written as asked (an unknown format...)."""


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format: str
    count: int


def format_for(path: Path, fmt: str | None = None) -> str:
    """The format asked for, or the one the file name's ending says."""
    if fmt:
        if fmt not in FORMATS.values():
            raise ExportError("Unknown export format {fmt}: use csv, xlsx, vcf or vcf-zip.", fmt=fmt)
        return fmt
    found = FORMATS.get(path.suffix.lower())
    if found is None:
        raise ExportError("Cannot tell the format from {name}: end it in .csv, .xlsx, .vcf or .zip, or give "
                          "--format.", name=path.name)
    return found


def _writer(fmt: str) -> Callable[[Path, Iterable[dict]], int]:
    if fmt == "csv":
        from crm_desktop.interchange.csv_out import write_csv

        return write_csv
    if fmt == "xlsx":
        from crm_desktop.interchange.sheet_out import write_xlsx

        return write_xlsx
    from crm_desktop.interchange.vcard_out import write_vcard_zip, write_vcards

    return write_vcards if fmt == "vcf" else write_vcard_zip


class ExportService:
    def __init__(self, ctx: ServiceContext):
        self._ctx = ctx

    def export(self, path: Path, fmt: str | None = None, query: ListQuery | None = None,
               ids: Iterable[int] | None = None, progress: Callable[[int, int], None] | None = None) -> ExportResult:
        """Write the live contacts matching `query` (all when None), or only `ids`, to `path`.
        Bulk export is the owner's alone (EXPORT_BULK)."""
        self._ctx.require(Permission.EXPORT_BULK)
        path, fmt = Path(path), format_for(Path(path), fmt)
        query = query or ListQuery()
        total = len(list(ids)) if ids is not None else self._count(query)
        with self._ctx.db.reading() as uow:
            batches = uow.contacts.export_batches(query.text, dict(query.filters), ids)
            count = _writer(fmt)(path, _fields(batches, total, progress or (lambda d, t: None)))
        return ExportResult(path, fmt, count)

    def _count(self, query: ListQuery) -> int:
        with self._ctx.db.reading() as uow:
            return uow.contacts.count(query.text, False, dict(query.filters))


def _fields(batches, total: int, report) -> Iterator[dict[str, str]]:
    done = 0
    for batch in batches:
        for record, company in batch:
            yield fields_of(draft_of(record, company or ""), record.uuid)
        done += len(batch)
        report(done, total)
