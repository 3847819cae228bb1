"""Tools → Audit trail…: who changed what, filtered by user, table, action, dates and record, read
a page at a time; the same filter exported to CSV or XLSX in a worker."""

from datetime import UTC, datetime, time

from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from crm_desktop.services.audit import ACTIONS, TABLES, AuditQuery, AuditService
from crm_desktop.ui.audit.model import AuditModel, action_label
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.common.worker import Worker


class AuditDialog(QDialog):
    def __init__(self, audit: AuditService, users: list, notifier: Notifier, can_export: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("auditDialog")
        self._audit, self._notifier, self._users = audit, notifier, users
        self.worker: Worker | None = None
        self.model = AuditModel(audit, self)
        self.user = QComboBox(objectName="auditUser")
        self.table_name = QComboBox(objectName="auditTable")
        self.action = QComboBox(objectName="auditAction")
        self.use_from, self.date_from = QCheckBox(objectName="auditUseFrom"), QDateEdit(objectName="auditFrom")
        self.use_to, self.date_to = QCheckBox(objectName="auditUseTo"), QDateEdit(objectName="auditTo")
        self.record = QLineEdit(objectName="auditRecord")
        self.apply_button = QPushButton(objectName="auditApply")
        self.view = QTableView(objectName="auditTable_view")
        self.count = QLabel(objectName="auditCount")
        self.export_button = QPushButton(objectName="auditExport", visible=can_export)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._build()
        self.retranslate()
        self._connect_signals()
        self.apply_filter()

    def _build(self) -> None:
        today = QDate.currentDate()
        for edit, day in ((self.date_from, today.addDays(-30)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(day)
            edit.setEnabled(False)
        form = QFormLayout()
        dates = QHBoxLayout()
        for widget in (self.use_from, self.date_from, self.use_to, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        self._labels = [QLabel() for _ in range(5)]
        for label, field in zip(self._labels, (self.user, self.table_name, self.action, dates, self.record), strict=True):
            form.addRow(label, field)
        v = self.view
        v.setModel(self.model)
        v.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        v.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        v.setAlternatingRowColors(True)
        v.setWordWrap(False)
        v.verticalHeader().hide()
        v.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        v.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((130, 110, 80, 110, 150)):
            v.setColumnWidth(column, width)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.apply_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.resize(1100, 640)

    def _connect_signals(self) -> None:
        self.apply_button.clicked.connect(self.apply_filter)
        self.record.returnPressed.connect(self.apply_filter)
        for combo in (self.user, self.table_name, self.action):
            combo.activated.connect(self._on_filter_activated)
        self.use_from.toggled.connect(self.date_from.setEnabled)
        self.use_to.toggled.connect(self.date_to.setEnabled)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.buttons.rejected.connect(self.reject)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Audit trail"))
        for label, text in zip(self._labels, (self.tr("User:"), self.tr("Table:"), self.tr("Action:"),
                                              self.tr("Dates:"), self.tr("Record id:")), strict=True):
            label.setText(text)
        self._fill(self.user, [(None, self.tr("Everyone"))] + [(u.id, u.display_name) for u in self._users])
        self._fill(self.table_name, [("", self.tr("All tables"))] + [(t, t) for t in TABLES])
        self._fill(self.action, [("", self.tr("All actions"))] + [(a, action_label(a)) for a in ACTIONS])
        self.use_from.setText(self.tr("from"))
        self.use_to.setText(self.tr("to"))
        self.record.setPlaceholderText(self.tr("uuid of a contact, ticket, …"))
        self.apply_button.setText(self.tr("&Apply filter"))
        self.export_button.setText(self.tr("E&xport…"))
        self.model.retranslate()
        self._show_count()

    @staticmethod
    def _fill(combo: QComboBox, items) -> None:
        current = combo.currentData()
        combo.clear()
        for data, text in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- what the dialog does ------------------------------------------------------------------
    def query(self) -> AuditQuery:
        start = _instant(self.date_from.date()) if self.use_from.isChecked() else None
        end = _instant(self.date_to.date().addDays(1)) if self.use_to.isChecked() else None
        return AuditQuery(self.user.currentData(), self.table_name.currentData() or "",
                          self.action.currentData() or "", start, end, self.record.text().strip())

    def apply_filter(self) -> None:
        self.model.set_filter(self.query())
        self._show_count()

    def export_to(self, path: str) -> Worker:
        """Write the filtered entries to `path` (.csv or .xlsx) in a worker."""
        query = self.query()
        self.export_button.setEnabled(False)
        self.worker = Worker(lambda report: self._audit.export(path, query, lambda done: report(done, 0)), self)
        self.worker.succeeded.connect(self._on_worker_succeeded)
        self.worker.failed.connect(self._on_worker_failed)
        self.worker.start()
        return self.worker

    def done(self, result: int) -> None:
        if self.worker is not None and self.worker.is_running():
            self.worker.cancel()
            self.worker.wait()
        super().done(result)

    def _show_count(self) -> None:
        self.count.setText(self.tr("%n entries", "", self.model.rowCount()))

    # --- slots ---------------------------------------------------------------------------------
    def _on_filter_activated(self, _index: int) -> None:
        self.apply_filter()

    def _on_export_button_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail to"), "audit.xlsx",
                                              self.tr("Excel or CSV (*.xlsx *.csv)"))
        if path:
            self.export_to(path)

    def _on_worker_succeeded(self, count: int) -> None:
        self.export_button.setEnabled(True)
        self._notifier.info(self.tr("%n audit entries exported.", "", count))

    def _on_worker_failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self._notifier.error(exc)


def _instant(day: QDate) -> datetime:
    """Local midnight starting `day`, as a UTC instant."""
    local = datetime.combine(day.toPython(), time()).astimezone()
    return local.astimezone(UTC)


def open_audit_dialog(audit: AuditService, users: list, notifier: Notifier, can_export: bool,
                      parent: QWidget) -> AuditDialog:
    dialog = AuditDialog(audit, users, notifier, can_export, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

