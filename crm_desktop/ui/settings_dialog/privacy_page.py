"""The retention rule (`privacy.retention_years`, kept with the data): after how many years without
a purchase, an interaction or being added a customer is anonymised (services/privacy.py).

The owner sets it here, sees how many customers it would anonymise now (counted in a worker: a
million contacts take a moment), and can apply it at once after a confirmation in the page; the
owner's session also applies it once a day (ui/common/daily_jobs.py). Other roles see the page
disabled (the settings dialog disables pages whose `permission` the user lacks).
"""

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from crm_desktop.domain.errors import CrmError
from crm_desktop.domain.permissions import Permission
from crm_desktop.services.privacy import PrivacyService
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.common.worker import Worker
from crm_desktop.ui.settings_dialog.base import SettingsPage, error_label

MAX_YEARS = 100
_RUNNING: set[Worker] = set()  # kept alive until they finish, even when the dialog closes first


class PrivacyPage(SettingsPage):
    permission = Permission.MANAGE_PRIVACY

    def __init__(self, privacy: PrivacyService, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsPrivacyPage")
        self._privacy = privacy
        self._stored: int | None = None
        self.years = QSpinBox(objectName="retentionYears", minimum=0, maximum=MAX_YEARS)
        self._years_label = QLabel()
        self.preview = QLabel(objectName="retentionPreview", wordWrap=True)
        self.run_button = QPushButton(objectName="retentionRun")
        self.confirm_text = QLabel(objectName="retentionConfirmText", wordWrap=True, styleSheet="color: #b3261e;")
        self.confirm_button = QPushButton(objectName="retentionConfirm")
        self.cancel_button = QPushButton(objectName="retentionCancel")
        self.result = QLabel(objectName="retentionResult", wordWrap=True)
        self.hint = QLabel(wordWrap=True)
        self.error = error_label("retentionError")
        self._count: int | None = None
        self._build()
        self.retranslate()
        self.years.valueChanged.connect(self._on_years_valueChanged)
        self.run_button.clicked.connect(self._on_run_button_clicked)
        self.confirm_button.clicked.connect(self._on_confirm_button_clicked)
        self.cancel_button.clicked.connect(lambda: self._show_confirm(False))

    def _build(self) -> None:
        self.years.setMinimumWidth(110)
        years = QHBoxLayout()
        years.addWidget(self.years)
        years.addStretch(1)
        form = QFormLayout()
        form.addRow(self._years_label, years)
        confirm = QHBoxLayout()
        confirm.addWidget(self.confirm_button)
        confirm.addWidget(self.cancel_button)
        confirm.addStretch(1)
        run = QHBoxLayout()
        run.addWidget(self.run_button)
        run.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.preview)
        layout.addLayout(run)
        layout.addWidget(self.confirm_text)
        layout.addLayout(confirm)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self._show_confirm(False)

    # --- the settings dialog's protocol ---------------------------------------------------------
    def load(self) -> None:
        try:
            self._stored = self._privacy.retention_setting()
        except CrmError as exc:
            return self._fail(exc)
        self.years.blockSignals(True)
        self.years.setValue(self._stored or 0)
        self.years.blockSignals(False)
        if self.isEnabled():  # disabled: a role that may not apply the rule, nor count for it
            self._count_now()

    def save(self) -> bool:
        chosen = self.years.value() or None
        if chosen == self._stored:
            return True  # nothing changed: no write, no audit entry
        try:
            self._stored = self._privacy.set_retention_years(chosen)
        except CrmError as exc:
            return self._fail(exc)
        self.error.hide()
        return True

    def retranslate(self) -> None:
        self._years_label.setText(self.tr("Anonymise customers inactive for:"))
        self.years.setSpecialValueText(self.tr("Off"))
        self.years.setSuffix(self.tr(" year(s)"))
        self.hint.setText(self.tr(
            "Inactive: no purchase, no interaction and not added within that time. Anonymising removes the "
            "name, phones, e-mail, address and notes (sales totals and points stay) and cannot be undone. "
            "Once set, it is applied every day while the owner has the app open. Off: nobody is anonymised."))
        self.run_button.setText(self.tr("Anonymise now…"))
        self.confirm_button.setText(self.tr("Yes, anonymise them"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._show_count()

    # --- counting and running -------------------------------------------------------------------
    def _count_now(self) -> None:
        """Count in a worker how many customers the years shown would anonymise now."""
        years = self.years.value()
        self._count = None
        self._show_confirm(False)
        if not years:
            self._show_count()
            return
        self.preview.setText(self.tr("Counting…"))
        self._start(lambda _report: (years, self._privacy.retention(years, dry_run=True).count), self._on_counted)

    def _on_counted(self, answer) -> None:
        years, count = answer
        if years == self.years.value():  # not a count for a value changed meanwhile
            self._count = count
            self._show_count()

    def _show_count(self) -> None:
        years = self.years.value()
        if not years:
            self.preview.setText(self.tr("Retention is off."))
        elif self._count is not None:
            self.preview.setText(self.tr("%n customer(s) would be anonymised now.", "", self._count))
        self.run_button.setEnabled(bool(years) and bool(self._count))

    def _show_confirm(self, shown: bool) -> None:
        for widget in (self.confirm_text, self.confirm_button, self.cancel_button):
            widget.setVisible(shown)
        if shown:
            self.confirm_text.setText(self.tr(
                "Anonymise %n customer(s) inactive for {years} year(s)? This cannot be undone.", "",
                self._count or 0).format(years=self.years.value()))

    def _on_run_button_clicked(self) -> None:
        self.result.clear()
        self._show_confirm(True)

    def _on_confirm_button_clicked(self) -> None:
        years = self.years.value()
        self._show_confirm(False)
        self.run_button.setEnabled(False)
        self.result.setText(self.tr("Anonymising…"))
        self._start(lambda _report: self._privacy.retention(years), self._on_ran)

    def _on_ran(self, result) -> None:
        self.result.setText(self.tr("%n customer(s) anonymised.", "", result.count))
        self._count_now()

    def _start(self, job, done) -> None:
        worker = Worker(job)
        _RUNNING.add(worker)
        worker.succeeded.connect(done)
        worker.failed.connect(self._fail)
        worker.finished.connect(lambda: _RUNNING.discard(worker))
        worker.start()

    def _fail(self, exc) -> bool:
        self.error.setText(error_text(exc) if isinstance(exc, CrmError) else str(exc))
        self.error.show()
        return False

    def _on_years_valueChanged(self, _value: int) -> None:
        self.result.clear()
        if self.isEnabled():
            self._count_now()
