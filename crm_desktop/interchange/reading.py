"""One entry point for every contact file people have: the reader is chosen by the file's ending."""

from pathlib import Path

from crm_desktop.interchange.source import SourceError, SourceTable

TEXT_TABLES = (".csv", ".txt", ".tsv")
WORKBOOKS = (".xlsx", ".xlsm", ".xls", ".ods")
VCARDS = (".vcf", ".vcard")
VCARD_ZIPS = (".zip",)  # one .vcf per contact, as our export for Outlook writes them
READABLE = TEXT_TABLES + WORKBOOKS + VCARDS + VCARD_ZIPS


def read_source(path: Path, encoding: str | None = None) -> SourceTable:
    """The file as a table; `encoding` overrides detection for text files."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise SourceError("There is no file {file}.", file=str(path))
    if suffix in TEXT_TABLES:
        from crm_desktop.interchange.csv_in import read_csv

        return read_csv(path, encoding)
    if suffix in WORKBOOKS:
        from crm_desktop.interchange.sheet_in import read_sheet

        return read_sheet(path)
    if suffix in VCARDS:
        from crm_desktop.interchange.vcard_in import read_vcards

        return read_vcards(path)
    if suffix in VCARD_ZIPS:
        from crm_desktop.interchange.vcard_in import read_vcard_zip

        return read_vcard_zip(path)
    raise SourceError("{file} is not a file contacts can be imported from (CSV, XLSX, XLS, ODS, vCard or a zip "
                      "of vCards).",
                      file=path.name)
