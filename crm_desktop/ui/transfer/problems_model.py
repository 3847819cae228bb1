"""The rows an import refuses and the warnings it gives, each with its line in the file."""

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from crm_desktop.interchange.source import RowProblem
from crm_desktop.ui.common.list_model import ListTableModel
from crm_desktop.ui.common.messages import translate_template
from crm_desktop.ui.transfer.field_names import field_label

REJECTED_COLOUR = "#c0392b"  # the red of the inline errors


class Column(IntEnum):
    LINE = 0
    KIND = 1
    REASON = 2


class ProblemsModel(ListTableModel):
    """Rejected rows first, then warnings, each group by line: items are (rejected?, problem)."""

    columns = Column
    right_aligned = frozenset({Column.LINE})

    def set_problems(self, rejected, warnings) -> None:
        self.set_items([(True, p) for p in rejected] + [(False, p) for p in warnings])

    def clear(self) -> None:
        self.set_problems((), ())

    def extra(self, item: tuple[bool, RowProblem], column: Column, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and item[0] and column == Column.KIND:
            return QColor(REJECTED_COLOUR)
        return None

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Line"), self.tr("What"), self.tr("Reason"))

    def text(self, item: tuple[bool, RowProblem], column: Column) -> str:
        rejected, problem = item
        if column == Column.LINE:
            return str(problem.line)
        if column == Column.KIND:
            return self.tr("Rejected") if rejected else self.tr("Warning")
        return problem_text(problem)

    def rows(self) -> list[tuple[int, str, str]]:
        """(line, kind, reason) of every row as shown: what "Save report…" writes."""
        return [(item[1].line, self.text(item, Column.KIND), self.text(item, Column.REASON)) for item in self._items]


def problem_text(problem: RowProblem) -> str:
    """A row problem (or a note about the file) in the user's language: its English template
    translated, then filled in; a `field` parameter (a field key) shows as the field's name."""
    params = dict(problem.params)
    if "field" in params:
        params["field"] = field_label(params["field"])
    return translate_template(problem.template, **params)
