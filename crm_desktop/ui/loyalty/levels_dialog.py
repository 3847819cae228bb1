"""The membership levels editor: names, thresholds (12-month spend in yuan, or points),
multipliers and benefits, one row a level."""

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTableWidget, QTableWidgetItem

from crm_desktop.domain.errors import ValidationError
from crm_desktop.domain.loyalty_rules import MemberLevel
from crm_desktop.domain.money import parse_money
from crm_desktop.services.registry import Services
from crm_desktop.ui.common.forms import RecordDialog

NAME, SPEND, POINTS, MULTIPLIER, BENEFITS = range(5)


class LevelsDialog(RecordDialog):
    def __init__(self, services: Services, parent=None):
        super().__init__(self.tr("Membership levels"), parent)
        self.setObjectName("levelsDialog")
        self._program = services.loyalty_program
        self.table = QTableWidget(0, 5, objectName="levelsTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Level"), self.tr("12-month spend from (¥)"), self.tr("or points from"),
            self.tr("Points multiplier %"), self.tr("Benefits")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton(self.tr("Add level"), objectName="addLevel")
        self.remove_button = QPushButton(self.tr("Remove level"), objectName="removeLevel")
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.form.addRow(self.table)
        self.form.addRow(buttons)
        self.finish_form({})
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        for level in self._program.levels():
            self.add_level(level)
        char = self.table.fontMetrics().averageCharWidth()
        for column, width in enumerate((8, 20, 13, 17)):
            self.table.setColumnWidth(column, width * char + 16)
        self.resize(820, 360)

    def add_level(self, level: MemberLevel) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        yuan, fen = divmod(level.min_spend_cents, 100)
        texts = (level.name, f"{yuan}.{fen:02d}" if fen else str(yuan),
                 "" if level.min_points is None else str(level.min_points), str(level.multiplier_pct), level.benefits)
        for column, text in enumerate(texts):
            self.table.setItem(r, column, QTableWidgetItem(text))

    def levels(self) -> list[MemberLevel]:
        levels = []
        for r in range(self.table.rowCount()):
            name = self._text(r, NAME)
            spend = parse_money(self._text(r, SPEND) or "0", "levels")
            points = _whole(self._text(r, POINTS), allow_empty=True)
            multiplier = _whole(self._text(r, MULTIPLIER) or "100")
            levels.append(MemberLevel(name, r, spend, points, multiplier, self._text(r, BENEFITS)))
        return levels

    def _text(self, r: int, column: int) -> str:
        item = self.table.item(r, column)
        return item.text().strip() if item else ""

    def save(self):
        return self._program.save_levels(self.levels())

    def _on_add_clicked(self) -> None:
        self.add_level(MemberLevel("", self.table.rowCount()))
        self.table.setCurrentCell(self.table.rowCount() - 1, NAME)

    def _on_remove_clicked(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())


def _whole(text: str, allow_empty: bool = False) -> int | None:
    if allow_empty and not text:
        return None
    if not text.isdigit():
        raise ValidationError.single("levels", "Points and multipliers are whole numbers.")
    return int(text)
