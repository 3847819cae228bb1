"""File → Import contacts…: a wizard from a file to contacts, nothing written before the last page.

File (read in a worker) → Columns (which field each column fills) → Duplicates (what to do with
rows matching a contact already there, and a plan of what will happen) → Import (in a worker,
with Cancel that rolls back). The services publish ContactsChanged, so the tabs refresh
themselves; the wizard talks to no tab.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QWidget, QWizard

from crm_desktop.services.importing import ImportService
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.transfer.columns_page import ColumnsPage
from crm_desktop.ui.transfer.duplicates_page import DuplicatesPage
from crm_desktop.ui.transfer.file_page import FilePage
from crm_desktop.ui.transfer.jobs import Jobs
from crm_desktop.ui.transfer.run_page import RunPage
from crm_desktop.ui.transfer.session import ImportSession


class ImportWizard(QWizard):
    def __init__(self, imports: ImportService, notifier: Notifier, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.session = ImportSession(imports, notifier, Jobs(self))
        self.file_page = FilePage(self.session)
        self.columns_page = ColumnsPage(self.session)
        self.duplicates_page = DuplicatesPage(self.session)
        self.run_page = RunPage(self.session)
        self._build()
        self.retranslate()

    def _build(self) -> None:
        for page in self.pages():
            self.addPage(page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.resize(960, 680)

    def pages(self) -> list:
        return [self.file_page, self.columns_page, self.duplicates_page, self.run_page]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import contacts"))
        for page in self.pages():
            page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_path(self, path) -> None:
        """Read `path` on the first page (tests and automation); Next is enabled once it is read."""
        self.file_page.set_path(path)

    def done(self, result: int) -> None:
        """While the import runs, closing means Cancel (it rolls back); otherwise the threads of
        the page's reads and checks finish before the wizard goes."""
        if self.run_page.running():
            self.run_page.cancel()
            return
        for kind in ("read", "plan"):
            self.session.jobs.forget(kind)
        self.session.jobs.wait_all()
        super().done(result)


def open_import_wizard(imports: ImportService, notifier: Notifier, parent: QWidget) -> ImportWizard:
    """Open the wizard over `parent` without blocking (it deletes itself when closed)."""
    wizard = ImportWizard(imports, notifier, parent)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    wizard.open()
    return wizard
