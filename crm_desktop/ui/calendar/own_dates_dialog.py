"""The shop's own yearly dates (shop anniversary…), greeted like the Chinese holidays."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QWidget,
)

from crm_desktop.services.care import CareService
from crm_desktop.ui.common.forms import RecordDialog


class OwnDatesDialog(RecordDialog):
    def __init__(self, care: CareService, parent=None):
        super().__init__(self.tr("Your own dates"), parent)
        self.setObjectName("ownDatesDialog")
        self._care = care
        self.table = QTableWidget(0, 3, objectName="ownDatesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Month"), self.tr("Day"), self.tr("Name")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.add_button = QPushButton(self.tr("Add"), objectName="addOwnDate")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeOwnDate")
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.form.addRow(self.table)
        self.form.addRow(buttons)
        self.finish_form({})
        self.add_button.clicked.connect(lambda: self.add_date(1, 1, ""))
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        for month, day, name in care.own_dates():
            self.add_date(month, day, name)
        self.setMinimumSize(420, 360)

    def add_date(self, month: int, day: int, name: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setCellWidget(r, 0, QSpinBox(minimum=1, maximum=12, value=month))
        self.table.setCellWidget(r, 1, QSpinBox(minimum=1, maximum=31, value=day))
        edit = QLineEdit(name, maxLength=40)
        edit.setPlaceholderText(self.tr("e.g. Shop anniversary"))
        self.table.setCellWidget(r, 2, edit)

    def dates(self) -> list[tuple[int, int, str]]:
        w = self.table.cellWidget
        return [(w(r, 0).value(), w(r, 1).value(), w(r, 2).text()) for r in range(self.table.rowCount())]

    def save(self):
        return self._care.save_own_dates(self.dates())

    def _on_remove_button_clicked(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)
