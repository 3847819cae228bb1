"""File → Export contacts…: all contacts, the current search or the selection, to CSV, XLSX or vCard.

The main window hands in the contacts tab's current query and selected ids, so this package
needs no tab. The export runs in a worker with progress and Cancel; the service writes to a
temporary file and puts it in place only when complete, so Cancel leaves no half file.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.dto import ListQuery
from crm_desktop.services.exporting import ExportResult, ExportService
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.widgets import row, select_data
from crm_desktop.ui.common.worker import Cancelled
from crm_desktop.ui.transfer.jobs import Jobs
from crm_desktop.ui.transfer.progress import ProgressStrip

SUFFIXES = {"csv": ".csv", "xlsx": ".xlsx", "vcf": ".vcf", "vcf-zip": ".zip"}
SCOPES = ("all", "search", "selected")


class ExportDialog(QDialog):
    def __init__(self, exports: ExportService, notifier: Notifier, query: ListQuery | None = None,
                 selected_ids: list[int] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self._exports, self._notifier = exports, notifier
        self._query, self._ids = query or ListQuery(), list(selected_ids or [])
        self._jobs = Jobs(self)
        self.scope_group = QButtonGroup(self)
        self.scopes = {s: QRadioButton(objectName=f"exportScope_{s}") for s in SCOPES}
        self.format = QComboBox(objectName="exportFormat")
        self.path_edit = QLineEdit(objectName="exportPath")
        self.browse_button = QPushButton(objectName="exportBrowse")
        self.error = QLabel(objectName="exportError", wordWrap=True)
        self.busy = ProgressStrip("export")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close)
        self.choices = QWidget()
        self.form = QFormLayout(self.choices)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.scope_label, self.format_label, self.path_label = QLabel(), QLabel(), QLabel()
        self._build()
        self.retranslate()
        self._connect_signals()
        self.set_path(_default_folder() / f"contacts-{date.today().isoformat()}.xlsx")

    def _build(self) -> None:
        scope_box = QVBoxLayout()
        for radio in self.scopes.values():
            self.scope_group.addButton(radio)
            scope_box.addWidget(radio)
        self.scopes["search"].setEnabled(bool(self._query.text or self._query.filters))
        self.scopes["selected"].setEnabled(bool(self._ids))
        self.scopes["all"].setChecked(True)
        for fmt in SUFFIXES:
            self.format.addItem("", fmt)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.form.addRow(self.scope_label, scope_box)
        self.form.addRow(self.format_label, self.format)
        self.form.addRow(self.path_label, row(self.path_edit, self.browse_button, stretch_last=False))
        layout = QVBoxLayout(self)
        for widget in (self.choices, self.error, self.busy, self.buttons):
            layout.addWidget(widget)
        self.path_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)

    def _connect_signals(self) -> None:
        self.format.currentIndexChanged.connect(self._on_format_currentIndexChanged)
        self.browse_button.clicked.connect(self._on_browse_button_clicked)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.busy.cancelRequested.connect(self._on_busy_cancelRequested)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export contacts"))
        self.scope_label.setText(self.tr("Contacts:"))
        self.format_label.setText(self.tr("Format:"))
        self.path_label.setText(self.tr("Save as:"))
        self.scopes["all"].setText(self.tr("&All contacts"))
        self.scopes["search"].setText(self._search_text())
        self.scopes["selected"].setText(self.tr("The &selected contacts ({n})").format(n=len(self._ids)))
        names = {"csv": self.tr("CSV for Excel"), "xlsx": self.tr("Excel workbook"),
                 "vcf": self.tr("vCard (one file)"), "vcf-zip": self.tr("vCard (one file per contact, zip)")}
        for index in range(self.format.count()):
            self.format.setItemText(index, names[self.format.itemData(index)])
        self.browse_button.setText(self.tr("Browse…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.busy.retranslate()

    def _search_text(self) -> str:
        if not (self._query.text or self._query.filters):
            return self.tr("The contacts the current &search finds (no search on the Contacts tab)")
        if not self._query.text:
            return self.tr("The contacts the current &search finds (the Contacts tab's filters)")
        return self.tr("The contacts the current &search finds (“{text}”)").format(text=self._query.text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- state -----------------------------------------------------------------------------------
    def set_path(self, path) -> None:
        """Export to `path`; its ending chooses the format when it names one (tests, automation)."""
        path = Path(path)
        fmt = next((f for f, suffix in SUFFIXES.items() if suffix == path.suffix.lower()), None)
        self.path_edit.setText(str(path))
        if fmt is not None:
            self.format.blockSignals(True)
            select_data(self.format, fmt)
            self.format.blockSignals(False)

    def set_scope(self, scope: str) -> None:
        self.scopes[scope].setChecked(True)

    def scope(self) -> str:
        return next(s for s, radio in self.scopes.items() if radio.isChecked())

    def export(self) -> None:
        """Start the export as chosen; the result arrives in the notifier (the dialog then closes)."""
        text = self.path_edit.text().strip()
        if not text:
            self._show_error(self.tr("Choose where to save the file."))
            return
        path, fmt = Path(text).expanduser(), self.format.currentData()
        query, ids = self._request()
        exports = self._exports
        self._set_busy(True)
        self._jobs.start("export", lambda report: exports.export(path, fmt, query, ids, report),
                         self._on_export_succeeded, self._on_export_failed, self.busy.set_progress)

    def _request(self) -> tuple[ListQuery | None, list[int] | None]:
        """(query, ids) for the service: everything, the tab's search, or the selection."""
        scope = self.scope()
        if scope == "selected":
            return None, self._ids
        if scope == "search":
            return ListQuery(text=self._query.text, filters=self._query.filters), None
        return None, None

    def _set_busy(self, on: bool) -> None:
        self.error.hide()
        self.choices.setEnabled(not on)  # a scope disabled for lack of a search stays disabled
        if on:
            self.busy.start(self.tr("Exporting…"), cancellable=True)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not on)

    def _show_error(self, text: str) -> None:
        self.busy.stop()
        self.error.setText(text)
        self.error.show()

    def done(self, result: int) -> None:
        """Closing while the export runs cancels it first (no half file is left)."""
        if self._jobs.busy():
            self._jobs.cancel_all()
            self._jobs.wait_all()
        super().done(result)

    # --- slots -----------------------------------------------------------------------------------
    def _on_export_succeeded(self, result: ExportResult) -> None:
        self._notifier.info(self.tr("Exported {n} contacts to {path}").format(n=result.count, path=result.path))
        self.accept()

    def _on_export_failed(self, exc) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self.busy.stop(self.tr("Export cancelled; no file was written."))
        elif isinstance(exc, CrmError):
            self._show_error(error_text(exc))
        elif isinstance(exc, OSError):
            self._show_error(self.tr("The file cannot be written: {reason}").format(reason=exc.strerror or exc))
        else:
            self.busy.stop()
            self._notifier.error(exc)

    def _on_busy_cancelRequested(self) -> None:
        self._jobs.cancel_all()

    def _on_format_currentIndexChanged(self, _index: int) -> None:
        text = self.path_edit.text().strip()
        if text:
            self.path_edit.setText(str(Path(text).with_suffix(SUFFIXES[self.format.currentData()])))

    def _on_browse_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export contacts to"), self.path_edit.text(),
                                              self.tr("CSV, Excel or vCard (*.csv *.xlsx *.vcf *.zip)"))
        if path:
            self.set_path(path)

    def _on_buttons_accepted(self) -> None:
        self.export()


def _default_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


def open_export_dialog(exports: ExportService, notifier: Notifier, query: ListQuery | None,
                       selected_ids: list[int], parent: QWidget) -> ExportDialog:
    dialog = ExportDialog(exports, notifier, query, selected_ids, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
