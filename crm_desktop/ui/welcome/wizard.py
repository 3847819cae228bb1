"""The welcome screen of a first start (no database yet, no --db): four short pages, then the
database is created in a worker with a progress bar. The composition root shows it (app.run_gui);
open_main_window never does, so tests and automation never meet it."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QWizard

from crm_desktop.domain.errors import CrmError
from crm_desktop.paths import APP_ICON, DB_FILENAME
from crm_desktop.ui.common.messages import error_text
from crm_desktop.ui.common.worker import Cancelled, Worker
from crm_desktop.ui.welcome.choices import WelcomeChoices
from crm_desktop.ui.welcome.owner_page import OwnerPage, ReadyPage
from crm_desktop.ui.welcome.pages import DataPage, LanguagePage

LANGUAGE, DATA, OWNER, READY = range(4)


class WelcomeWizard(QWizard):
    """`setup(choices, report) -> database path` runs in a worker when Finish is pressed;
    `on_language(code)` switches the application's language (the pages follow at once)."""

    def __init__(self, language: str, folder: Path, setup: Callable, on_language: Callable[[str], None],
                 reserved_usernames: frozenset[str] = frozenset(), parent=None):
        super().__init__(parent)
        self.setObjectName("welcomeWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, QPixmap(str(APP_ICON)).scaled(
            48, 48, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.resize(620, 460)
        self._setup, self._worker = setup, None
        self.database: str | None = None  # set when the setup succeeded
        self.submitted: WelcomeChoices | None = None  # what the setup was given
        self.language_page = LanguagePage(language)
        self.data_page = DataPage(folder, DB_FILENAME)
        self.owner_page = OwnerPage(reserved_usernames)
        self.ready_page = ReadyPage()
        for page_id, page in ((LANGUAGE, self.language_page), (DATA, self.data_page),
                              (OWNER, self.owner_page), (READY, self.ready_page)):
            self.setPage(page_id, page)
        self.language_page.languageChosen.connect(on_language)
        self.retranslate()

    def choices(self) -> WelcomeChoices:
        owner = self.owner_page
        return WelcomeChoices(
            language=self.language_page.language(), folder=self.data_page.chosen_folder(),
            demo=self.data_page.demo.isChecked(), username=owner.username.text().strip(),
            display_name=owner.display_name.text().strip() or owner.username.text().strip(),
            password=owner.password.text(), existing=self.data_page.existing())

    def nextId(self) -> int:
        current = self.currentId()
        if current == DATA and self.data_page.existing():
            return READY
        return {LANGUAGE: DATA, DATA: OWNER, OWNER: READY}.get(current, -1)

    def initializePage(self, page_id: int) -> None:
        choices = self.choices()
        if page_id == OWNER:
            self.owner_page.demo = choices.demo
        if page_id == READY:
            self.ready_page.show_summary(str(choices.folder), choices.demo, choices.existing, choices.username)
        super().initializePage(page_id)

    # --- finishing: the setup in a worker ---------------------------------------------------------
    def accept(self) -> None:
        if self._worker is not None:
            return
        page = self.ready_page
        page.progress.setRange(0, 0)
        page.progress.show()
        page.status.setText(self.tr("Creating the database…"))
        self._set_buttons_enabled(False)
        choices = self.submitted = self.choices()
        self._worker = Worker(lambda report: self._setup(choices, report), self)
        self._worker.progress.connect(self._on_worker_progress)
        self._worker.succeeded.connect(self._on_worker_succeeded)
        self._worker.failed.connect(self._on_worker_failed)
        self._worker.start()

    def reject(self) -> None:
        """Cancel while the database is being created stops that work (nothing is left behind)."""
        if self._worker is not None:
            self._worker.cancel()
            return
        super().reject()

    def _set_buttons_enabled(self, on: bool) -> None:
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.FinishButton):
            self.button(which).setEnabled(on)

    def _on_worker_progress(self, done: int, total: int) -> None:
        page = self.ready_page
        page.progress.setRange(0, total)
        page.progress.setValue(done)
        page.status.setText(self.tr("Writing demo data: {done} of {total} customers…").format(
            done=f"{done:,}", total=f"{total:,}"))

    def _on_worker_succeeded(self, database: str) -> None:
        self._worker = None
        self.database = database
        super().accept()

    def _on_worker_failed(self, exc: BaseException) -> None:
        self._worker = None
        self.ready_page.progress.hide()
        if isinstance(exc, Cancelled):
            text = self.tr("Cancelled: nothing was created.")
        else:
            text = error_text(exc) if isinstance(exc, CrmError) else self.tr("The database could not be created: {error}").format(error=exc)
        self.ready_page.status.setText(text)
        self._set_buttons_enabled(True)

    # --- language ---------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Welcome to Zhanggui CRM"))
        B = QWizard.WizardButton
        for which, text in ((B.BackButton, self.tr("< &Back")), (B.NextButton, self.tr("&Next >")),
                            (B.FinishButton, self.tr("&Finish")), (B.CancelButton, self.tr("Cancel"))):
            self.setButtonText(which, text)
