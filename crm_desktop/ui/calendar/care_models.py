"""The care dialog's tables: customers due for contact (paged as the view scrolls) and the
coming days' occasions."""

from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import QModelIndex, Qt

from crm_desktop.services.care_dto import CareOccasion, CareTaskDTO, DueContactDTO
from crm_desktop.ui.common.formatting import local_date
from crm_desktop.ui.common.labels import followup_kind_label, tier_label
from crm_desktop.ui.common.list_model import Index, ListTableModel

PAGE = 100


class DueColumn(IntEnum):
    NAME = 0
    TIER = 1
    LAST_CONTACT = 2
    DAYS_OVER = 3
    PLAN = 4
    PLANNED = 5


class DueModel(ListTableModel):
    """Due customers, a page of the service's list at a time as the table scrolls (fetchMore)."""

    columns = DueColumn
    right_aligned = frozenset({DueColumn.DAYS_OVER})

    def __init__(self, fetch: Callable[[int, int], list[DueContactDTO]], parent=None):
        super().__init__(parent)
        self._fetch = fetch
        self._more = False

    def reload(self) -> None:
        items = self._fetch(0, PAGE)
        self.set_items(items)
        self._more = len(items) == PAGE

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        items = self._fetch(len(self._items), PAGE)
        self._more = len(items) == PAGE
        if items:
            self.beginInsertRows(QModelIndex(), len(self._items), len(self._items) + len(items) - 1)
            self._items.extend(items)
            self.endInsertRows()

    def id_at(self, row: int) -> int | None:
        item = self.item_at(row)
        return item.id if item else None

    def extra(self, item: DueContactDTO, column: DueColumn, role: int):
        return item.id if role == Qt.ItemDataRole.UserRole else None

    def text(self, item: DueContactDTO, column: DueColumn) -> str:
        match column:
            case DueColumn.NAME:
                return item.name
            case DueColumn.TIER:
                return tier_label(item.tier)
            case DueColumn.LAST_CONTACT:
                return local_date(item.last_contact_at) if item.last_contact_at else self.tr("Never")
            case DueColumn.DAYS_OVER:
                return str(item.days_over)
            case DueColumn.PLAN:
                return followup_kind_label(item.kind)
        return local_date(item.next_followup_at)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Customer"), self.tr("Tier"), self.tr("Last contact"), self.tr("Days over"),
                self.tr("Plan"), self.tr("Planned for"))


class OccasionColumn(IntEnum):
    DATE = 0
    OCCASION = 1
    WHO = 2
    CONTACTS = 3


class OccasionModel(ListTableModel):
    columns = OccasionColumn
    right_aligned = frozenset({OccasionColumn.CONTACTS})

    def task_at(self, row: int) -> CareTaskDTO | None:
        return self.item_at(row)

    def text(self, task: CareTaskDTO, column: OccasionColumn) -> str:
        match column:
            case OccasionColumn.DATE:
                return local_date(task.day)
            case OccasionColumn.OCCASION:
                return self.occasion_label(task)
            case OccasionColumn.WHO:
                return task.label if task.occasion != CareOccasion.HOLIDAY else self.tr("Key and potential customers")
        return str(task.total)

    def occasion_label(self, task: CareTaskDTO) -> str:
        """'Birthday', 'Lunar birthday', or the holiday's name in the user's language."""
        if task.occasion == CareOccasion.BIRTHDAY:
            return self.tr("Birthday")
        if task.occasion == CareOccasion.LUNAR_BIRTHDAY:
            return self.tr("Lunar birthday")
        names = {"spring_festival": self.tr("Spring Festival"), "lantern": self.tr("Lantern Festival"),
                 "dragon_boat": self.tr("Dragon Boat Festival"), "mid_autumn": self.tr("Mid-Autumn Festival"),
                 "national_day": self.tr("National Day")}
        return names.get(task.key, task.label)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Date"), self.tr("Occasion"), self.tr("For"), self.tr("Contacts"))
