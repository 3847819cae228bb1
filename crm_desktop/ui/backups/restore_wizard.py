"""Restore a backup: the list of automatic backups, a preview of the chosen one (its date and what
it holds, read in a worker: a big file takes seconds to verify), and Restore.

The wizard only chooses; the controller restores (the current file set aside, the backup verified,
migrated and reopened) when `restoreChosen` arrives.
"""

from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.domain.backups import BackupInfo, BackupPreview
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.worker import Worker


class BackupCatalogue(Protocol):
    def entries(self) -> list[BackupInfo]: ...
    def preview(self, info: BackupInfo) -> BackupPreview: ...


class RestoreWizard(QDialog):
    restoreChosen = Signal(object)  # BackupInfo

    def __init__(self, catalogue: BackupCatalogue, notifier: Notifier, parent: QWidget | None = None,
                 preselect: BackupInfo | None = None):
        super().__init__(parent, objectName="restoreWizard")
        self._catalogue, self._notifier = catalogue, notifier
        self._worker: Worker | None = None
        self._previews: dict = {}
        self.backups = catalogue.entries()
        self.list = QListWidget(objectName="backupList")
        self.intro = QLabel(wordWrap=True)
        self.status = QLabel(objectName="previewStatus", wordWrap=True)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self._build()
        self.retranslate()
        self.list.currentRowChanged.connect(self._on_list_currentRowChanged)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        row = next((i for i, b in enumerate(self.backups) if preselect and b.path == preselect.path), 0)
        if self.backups:
            self.list.setCurrentRow(row)

    def _build(self) -> None:
        for info in self.backups:
            item = QListWidgetItem(f"{info.taken_at.astimezone():%Y-%m-%d %H:%M}   "
                                   f"{info.size / 1e6:.1f} MB   {self._reason_text(info.reason)}")
            item.setData(Qt.ItemDataRole.UserRole, info)
            self.list.addItem(item)
        right = QVBoxLayout()
        right.addWidget(self.status)
        right.addLayout(self.form)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.restore_button.setEnabled(False)
        self.resize(760, 420)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.intro.setText(self.tr(
            "Choose a backup to go back to. The current database is kept aside (not deleted), the "
            "backup is checked, brought up to date and opened."))
        self.restore_button.setText(self.tr("Restore this backup"))
        if not self.backups:
            self.status.setText(self.tr("There are no backups yet. One is taken each time the app closes."))

    def selected(self) -> BackupInfo | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _on_list_currentRowChanged(self, _row: int) -> None:
        info = self.selected()
        self.restore_button.setEnabled(False)
        _clear(self.form)
        if info is None:
            return
        if str(info.path) in self._previews:
            self._show(self._previews[str(info.path)])
            return
        self.status.setText(self.tr("Checking the backup…"))
        worker = Worker(lambda _report: self._catalogue.preview(info), self)
        worker.succeeded.connect(self._on_worker_succeeded)
        worker.failed.connect(self._notifier.error)
        self._worker = worker
        worker.start()

    def _on_worker_succeeded(self, preview: BackupPreview) -> None:
        self._previews[str(preview.info.path)] = preview
        if self.selected() is not None and self.selected().path == preview.info.path:
            self._show(preview)

    def _show(self, preview: BackupPreview) -> None:
        _clear(self.form)
        if not preview.sound:
            self.status.setText(self.tr("This backup is damaged and cannot be restored: {problem}")
                                .format(problem=preview.problems[0]))
            return
        self.status.setText(self.tr("Taken {when}. It holds:").format(
            when=f"{preview.info.taken_at.astimezone():%Y-%m-%d %H:%M:%S}"))
        self.form.addRow(self.tr("Schema version"), QLabel(preview.revision or "?", objectName="previewRevision"))
        for table, count in preview.counts.items():
            self.form.addRow(self._table_label(table), QLabel(f"{count:,}", objectName=f"count_{table}"))
        self.restore_button.setEnabled(True)

    def _on_restore_clicked(self) -> None:
        info = self.selected()
        if info is not None:
            self.accept()
            self.restoreChosen.emit(info)

    def _reason_text(self, reason: str) -> str:
        if reason.startswith("exit"):
            return self.tr("on closing")
        if reason.startswith("manual"):
            return self.tr("made by hand")
        if reason.startswith("pre-"):
            return self.tr("before an upgrade")
        return reason

    def _table_label(self, table: str) -> str:
        labels = {"contacts": self.tr("Contacts"), "companies": self.tr("Companies"),
                  "interactions": self.tr("Interactions"), "followups": self.tr("Follow-ups"),
                  "tickets": self.tr("Service tickets"), "purchases": self.tr("Purchases"),
                  "points_ledger": self.tr("Points entries")}
        return labels.get(table, table)

    def wait_for_preview(self, ms: int = 30_000) -> None:
        """For tests: let the running preview finish."""
        if self._worker is not None:
            self._worker.wait(ms)


def _clear(form: QFormLayout) -> None:
    while form.rowCount():
        form.removeRow(0)


def open_restore_wizard(catalogue: BackupCatalogue, notifier: Notifier, parent: QWidget | None,
                        preselect: BackupInfo | None = None) -> RestoreWizard:
    wizard = RestoreWizard(catalogue, notifier, parent, preselect)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
