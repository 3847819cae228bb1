"""File → Undo an import…: the past imports, and undoing one after an inline confirmation.

Undo removes the contacts the import added (those with history since go to the trash instead)
and puts back the values it overwrote. It runs in a worker; the confirmation is a checkbox on the
dialog, not a message box, so tests and automation drive it like the user does.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.importing import ImportRecord, ImportService, UndoResult
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.transfer.history_model import Column, HistoryModel
from crm_desktop.ui.transfer.jobs import Jobs
from crm_desktop.ui.transfer.progress import ProgressStrip

HISTORY_LIMIT = 50


class ImportHistoryDialog(QDialog):
    def __init__(self, imports: ImportService, notifier: Notifier, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importHistoryDialog")
        self._imports, self._notifier = imports, notifier
        self._jobs = Jobs(self)
        self.intro = QLabel(wordWrap=True)
        self.model = HistoryModel(self)
        self.table = QTableView(objectName="importHistoryTable")
        self.empty = QLabel(objectName="importHistoryEmpty")
        self.confirm = QCheckBox(objectName="importUndoConfirm")
        self.undo_button = QPushButton(objectName="importUndoButton")
        self.error = QLabel(objectName="importUndoError", wordWrap=True)
        self.busy = ProgressStrip("importUndo")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._build()
        self.retranslate()
        self._connect_signals()
        self.reload()

    def _build(self) -> None:
        t = self.table
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.verticalHeader().hide()
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        t.horizontalHeader().setSectionResizeMode(Column.FILE, QHeaderView.ResizeMode.Stretch)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.table, self.empty, self.confirm, self.error, self.busy, self.buttons):
            layout.addWidget(widget)
        self.resize(760, 420)

    def _connect_signals(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._on_selection_currentRowChanged)
        self.confirm.toggled.connect(self._on_confirm_toggled)
        self.undo_button.clicked.connect(self._on_undo_button_clicked)
        self.buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Undo an import"))
        self.intro.setText(self.tr(
            "Undoing an import removes the contacts it added (contacts with follow-ups, tickets or "
            "purchases since are moved to the trash instead) and gives the contacts it updated their "
            "old values back."))
        self.empty.setText(self.tr("No contacts have been imported into this database yet."))
        self.confirm.setText(self.tr("Yes, undo the selected import"))
        self.undo_button.setText(self.tr("&Undo import"))
        self.busy.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self) -> None:
        """Read the list again (a short read: the last few dozen imports)."""
        try:
            records = self._imports.history(HISTORY_LIMIT)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user through one path
            self._notifier.error(exc)
            records = []
        self.model.set_records(records)
        self.table.setVisible(bool(records))
        self.empty.setVisible(not records)
        row = next((i for i, r in enumerate(records) if not r.undone), 0 if records else -1)
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def current(self) -> ImportRecord | None:
        return self.model.record_at(self.table.currentIndex().row())

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_buttons(self) -> None:
        record, busy = self.current(), self._jobs.busy()
        self.confirm.setEnabled(bool(record and not record.undone) and not busy)
        self.undo_button.setEnabled(self.confirm.isEnabled() and self.confirm.isChecked())

    def undo_selected(self) -> None:
        """Undo the selected import (the checkbox must be ticked: the button is disabled otherwise)."""
        record = self.current()
        if record is None or not self.confirm.isChecked():
            return
        imports, set_id = self._imports, record.change_set_id
        self.error.hide()
        self.busy.start(self.tr("Undoing the import of {file}…").format(file=record.label))
        self._jobs.start("undo", lambda _report: imports.undo(set_id), self._on_undo_succeeded,
                         self._on_undo_failed)
        self._update_buttons()

    def done(self, result: int) -> None:
        """An undo cannot be interrupted (it is one short transaction): wait for it."""
        self._jobs.wait_all()
        super().done(result)

    # --- slots -----------------------------------------------------------------------------------
    def _on_undo_succeeded(self, result: UndoResult) -> None:
        self.busy.stop()
        self.confirm.setChecked(False)
        self._notifier.info(self.tr("Import undone: {removed} removed, {trashed} moved to the trash, "
                                    "{restored} restored").format(removed=result.removed, trashed=result.trashed,
                                                                  restored=result.restored))
        self.reload()

    def _on_undo_failed(self, exc) -> None:
        self.busy.stop()
        if isinstance(exc, CrmError):
            self.error.setText(error_text(exc))
            self.error.show()
        else:
            self._notifier.error(exc)
        self.reload()

    def _on_selection_currentRowChanged(self, _current, _previous) -> None:
        self.confirm.setChecked(False)
        self.error.hide()
        self._update_buttons()

    def _on_confirm_toggled(self, _checked: bool) -> None:
        self._update_buttons()

    def _on_undo_button_clicked(self) -> None:
        self.undo_selected()


def open_import_history(imports: ImportService, notifier: Notifier, parent: QWidget) -> ImportHistoryDialog:
    dialog = ImportHistoryDialog(imports, notifier, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
