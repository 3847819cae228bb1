"""The import wizard's second page: which contact field each column of the file fills.

Each column gets a combo ("— ignore —" or a field, by its translated name), pre-set from the
headers the file has (`guess_mapping`); the preview below shows the first rows under the field
each column goes to. Next stays disabled while no column gives the contacts a name.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from crm_desktop.domain.contact_fields import FIELD_KEYS
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.table_fill import fit_columns
from crm_desktop.ui.common.widgets import select_data
from crm_desktop.ui.transfer.field_names import doubled, field_label, has_name, ignore_label
from crm_desktop.ui.transfer.mapping_model import PREVIEW_COLUMN_MAX, PreviewModel
from crm_desktop.ui.transfer.session import ImportSession

HINT_STYLE = "color: palette(placeholder-text);"


class ColumnsPage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):
        super().__init__(parent)
        self.setObjectName("importColumnsPage")
        self._session = session
        self._built_for = None  # the table the combos were made for
        self.combos: list[QComboBox] = []
        self.grid = QGridLayout()
        self.column_head, self.sample_head, self.field_head = QLabel(), QLabel(), QLabel()
        self.message = QLabel(objectName="importMappingMessage", wordWrap=True)
        self.model = PreviewModel(self)
        self.preview = QTableView(objectName="importPreview")
        self._build()
        self.retranslate()

    def _build(self) -> None:
        holder = QWidget()
        holder.setLayout(self.grid)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(holder)
        self.preview.setModel(self.model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.message.setStyleSheet(ERROR_STYLE)
        splitter = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setSizes([240, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Match the columns"))
        self.setSubTitle(self.tr("Choose the contact field each column of the file goes into. "
                                 "Columns set to “— ignore —” are not imported."))
        self.column_head.setText(self.tr("Column in the file"))
        self.sample_head.setText(self.tr("First value"))
        self.field_head.setText(self.tr("Import into"))
        for combo in self.combos:
            _label_items(combo)
        self.model.set_mapping(self._session.mapping)
        self._update_message()

    def initializePage(self) -> None:
        table = self._session.table
        if table is not self._built_for:
            self._built_for = table
            self.model.set_table(table)
            self._make_combos(table)
            self._session.set_mapping(self._session.imports.guess_mapping(table))
            self._show_mapping(self._session.mapping)

    def isComplete(self) -> bool:
        mapping = self.mapping()
        return has_name(mapping) and not doubled(mapping)

    def mapping(self) -> dict[int, str]:
        return {i: combo.currentData() for i, combo in enumerate(self.combos) if combo.currentData()}

    def map_column(self, column: int, key: str | None) -> None:
        """Send `column` into field `key` (None: ignore it), as the user would with its combo."""
        select_data(self.combos[column], key)

    # --- the combos ------------------------------------------------------------------------------
    def _make_combos(self, table) -> None:
        self._clear_grid()
        self.combos = []
        for col, head in enumerate((self.column_head, self.field_head, self.sample_head)):
            head.setStyleSheet("font-weight: bold;")
            self.grid.addWidget(head, 0, col)
        for i, header in enumerate(table.headers):
            self.grid.addWidget(QLabel(header or self.tr("Column {n}").format(n=i + 1)), i + 1, 0)
            sample = QLabel(_first_value(table, i), textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            sample.setStyleSheet(HINT_STYLE)
            self.grid.addWidget(self._make_combo(i), i + 1, 1)
            self.grid.addWidget(sample, i + 1, 2)
        self.grid.setColumnStretch(2, 1)
        self.grid.setHorizontalSpacing(16)
        self.grid.setRowStretch(len(table.headers) + 1, 1)

    def _clear_grid(self) -> None:
        """Remove the rows of the previous file; the heading labels stay for the next one."""
        heads = (self.column_head, self.sample_head, self.field_head)
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None and all(widget is not h for h in heads):
                widget.hide()
                widget.deleteLater()

    def _make_combo(self, column: int) -> QComboBox:
        combo = QComboBox(objectName=f"importField{column}")
        combo.addItem("", None)
        for key in FIELD_KEYS:
            combo.addItem("", key)
        _label_items(combo)
        combo.currentIndexChanged.connect(self._on_combo_currentIndexChanged)  # the one place for combos
        self.combos.append(combo)
        return combo

    def _show_mapping(self, mapping: dict[int, str]) -> None:
        for i, combo in enumerate(self.combos):
            combo.blockSignals(True)
            select_data(combo, mapping.get(i))
            combo.blockSignals(False)
        self.model.set_mapping(mapping)
        fit_columns(self.preview, PREVIEW_COLUMN_MAX)  # the headers name the fields chosen
        self._update_message()
        self.completeChanged.emit()

    def _update_message(self) -> None:
        mapping = self.mapping()
        text = ""
        if self.combos and not has_name(mapping):
            text = self.tr("Choose a column for Name (or for Given name and Family name): every contact "
                           "needs a name.")
        elif twice := doubled(mapping):
            text = self.tr("More than one column goes into {fields}; keep one.").format(
                fields=", ".join(field_label(k) for k in twice))
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _on_combo_currentIndexChanged(self, _index: int) -> None:
        self._session.set_mapping(self.mapping())
        self.model.set_mapping(self._session.mapping)
        fit_columns(self.preview, PREVIEW_COLUMN_MAX)
        self._update_message()
        self.completeChanged.emit()


def _label_items(combo: QComboBox) -> None:
    """(Re)write a mapping combo's item texts in the current language."""
    for index in range(combo.count()):
        key = combo.itemData(index)
        combo.setItemText(index, field_label(key) if key else ignore_label())


def _first_value(table, column: int) -> str:
    """The first non-empty cell of the column, on one line: what the user recognises it by."""
    for source_row in table.rows[:50]:
        if column < len(source_row.cells) and source_row.cells[column].strip():
            return source_row.cells[column].strip().replace("\n", " ")[:60]
    return ""
