"""Past imports, newest first, for the "Undo an import" dialog."""

from enum import IntEnum

from crm_desktop.services.importing import ImportRecord
from crm_desktop.ui.common.formatting import local_datetime
from crm_desktop.ui.common.list_model import ListTableModel


class Column(IntEnum):
    DATE = 0
    FILE = 1
    ADDED = 2
    UPDATED = 3
    STATUS = 4


class HistoryModel(ListTableModel):
    columns = Column
    right_aligned = frozenset({Column.ADDED, Column.UPDATED})

    def set_records(self, records: list[ImportRecord]) -> None:
        self.set_items(records)

    def record_at(self, row: int) -> ImportRecord | None:
        return self.item_at(row)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Imported at"), self.tr("File"), self.tr("Added"), self.tr("Updated"), self.tr("Status"))

    def text(self, record: ImportRecord, column: Column) -> str:
        match column:
            case Column.DATE:
                return local_datetime(record.created_at)
            case Column.FILE:
                return record.label
            case Column.ADDED:
                return str(record.created)
            case Column.UPDATED:
                return str(record.updated)
        return self.tr("Undone") if record.undone else self.tr("In place")
