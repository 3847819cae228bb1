"""The import wizard's last page: the import runs in a worker, with progress and Cancel.

The service writes everything in one transaction, so Cancel (or any failure) leaves the database
as it was, and the page says so. When done it shows what was added, updated, skipped and
refused, and can save the refused rows and warnings as a CSV report to fix and import again.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.services.importing import ImportResult
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.common.widgets import row
from crm_desktop.ui.common.worker import Cancelled
from crm_desktop.ui.transfer.duplicates_page import setup_problems_view
from crm_desktop.ui.transfer.problems_model import ProblemsModel
from crm_desktop.ui.transfer.progress import ProgressStrip
from crm_desktop.ui.transfer.report import write_report
from crm_desktop.ui.transfer.session import ImportSession

RESULT_KEYS = ("created", "updated", "skipped", "rejected")


class RunPage(QWizardPage):
    def __init__(self, session: ImportSession, parent=None):
        super().__init__(parent)
        self.setObjectName("importRunPage")
        self._session = session
        self.busy = ProgressStrip("importRun")
        self.form = QFormLayout()
        self.names = {key: QLabel() for key in RESULT_KEYS}
        self.counts = {key: QLabel(objectName=f"importResult_{key}") for key in RESULT_KEYS}
        self.model = ProblemsModel(self)
        self.problems = QTableView(objectName="importResultProblems")
        self.save_button = QPushButton(objectName="importSaveReport")
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        for key in RESULT_KEYS:
            self.form.addRow(self.names[key], self.counts[key])
        setup_problems_view(self.problems, self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addLayout(self.form)
        layout.addWidget(self.problems, 1)
        layout.addWidget(row(self.save_button))
        layout.addStretch(0)  # keeps the progress at the top while the result table is hidden
        self._show_result(None)

    def _connect_signals(self) -> None:
        self.busy.cancelRequested.connect(self._on_busy_cancelRequested)
        self.save_button.clicked.connect(self._on_save_button_clicked)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import"))
        labels = {"created": self.tr("Added:"), "updated": self.tr("Updated:"),
                  "skipped": self.tr("Skipped (already there):"), "rejected": self.tr("Rejected:")}
        for key, text in labels.items():
            self.names[key].setText(text)
        self.save_button.setText(self.tr("Save report…"))
        self.busy.retranslate()

    def initializePage(self) -> None:
        plan, imports = self._session.plan, self._session.imports
        self._show_result(None)
        self.setSubTitle(self.tr("Importing {name}.").format(name=self._session.label))
        self.busy.start(self.tr("Importing {n} contact(s)…").format(n=plan.to_create), cancellable=True)
        self._session.jobs.start("run", lambda report: imports.run(plan, report), self._on_run_succeeded,
                                 self._on_run_failed, self.busy.set_progress)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return not self._session.jobs.busy("run")

    def running(self) -> bool:
        return self._session.jobs.busy("run")

    def cancel(self) -> None:
        """Stop the running import; the service rolls everything back."""
        self.busy.cancel_button.click()

    def save_report(self, path) -> int:
        """Write the refused rows and warnings (line, what, reason) as CSV; returns the rows written."""
        headers = [self.model.headerData(c, Qt.Orientation.Horizontal) for c in range(self.model.columnCount())]
        return write_report(Path(path), headers, self.model.rows())

    def _show_result(self, result: ImportResult | None) -> None:
        counts = _counts(result)
        for key in RESULT_KEYS:
            self.counts[key].setText(str(counts[key]))
            self.names[key].setVisible(result is not None)
            self.counts[key].setVisible(result is not None)
        if result is None:
            self.model.clear()
        else:
            self.model.set_problems(result.rejected, result.warnings)
        self.problems.setVisible(self.model.rowCount() > 0)
        self.save_button.setVisible(self.model.rowCount() > 0)

    # --- slots -----------------------------------------------------------------------------------
    def _on_run_succeeded(self, result: ImportResult) -> None:
        self._session.result = result
        self.busy.stop(self.tr("The import is done. To take it back, use File → Undo an import…"))
        self.setSubTitle(self.tr("Imported {name}.").format(name=self._session.label))
        self._show_result(result)
        self.completeChanged.emit()

    def _on_run_failed(self, exc) -> None:
        if isinstance(exc, Cancelled):
            text = self.tr("Import cancelled: nothing was imported.")
        elif isinstance(exc, CrmError):
            text = self.tr("The import failed, nothing was imported: {reason}").format(reason=error_text(exc))
        else:
            text = self.tr("The import failed; nothing was imported.")
            self._session.notifier.error(exc)
        self.busy.stop(text)
        self.setSubTitle(self.tr("Nothing was imported from {name}.").format(name=self._session.label))
        self.completeChanged.emit()

    def _on_busy_cancelRequested(self) -> None:
        self._session.jobs.cancel_all()

    def _on_save_button_clicked(self) -> None:
        default = self._session.path.with_name(f"{self._session.path.stem}-report.csv") if self._session.path else ""
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save import report"), str(default),
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            count = self.save_report(path)
        except OSError as exc:  # a folder without write permission, a full disk: said, not a crash
            self._session.notifier.warning(self.tr("The report cannot be written: {reason}").format(reason=exc.strerror))
            return
        self._session.notifier.info(self.tr("Report saved: {n} row(s) in {path}").format(n=count, path=path))


def _counts(result: ImportResult | None) -> dict[str, int]:
    if result is None:
        return dict.fromkeys(RESULT_KEYS, 0)
    return {"created": result.created, "updated": result.updated, "skipped": result.skipped,
            "rejected": len(result.rejected)}
