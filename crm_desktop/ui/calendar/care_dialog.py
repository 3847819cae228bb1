"""Customer care: who is overdue for contact by tier cadence, and the coming birthdays and
holidays with their greetings. Opened from the calendar tab; each page reads its data when
first shown, so opening the dialog costs one query."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from crm_desktop.services.registry import Services
from crm_desktop.ui.calendar.care_due_page import DuePage
from crm_desktop.ui.calendar.care_occasions_page import OccasionsPage
from crm_desktop.ui.common.notifier import Notifier
from crm_desktop.ui.settings import Settings


class CareDialog(QDialog):
    def __init__(self, services: Services, settings: Settings, notifier: Notifier, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("careDialog")
        self.due_page = DuePage(services.care, settings, notifier)
        self.occasions_page = OccasionsPage(services.care, settings, notifier)
        self.pages = QTabWidget(objectName="carePages")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._read: set[QWidget] = set()
        self._build()
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        self.pages.addTab(self.due_page, "")
        self.pages.addTab(self.occasions_page, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 640)

    def _connect_signals(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.pages.currentChanged.connect(self._on_pages_currentChanged)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Customer care"))
        self.pages.setTabText(0, self.tr("Due for contact"))
        self.pages.setTabText(1, self.tr("Birthdays && holidays"))
        self.due_page.retranslate()
        self.occasions_page.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        """Read the visible page now, the other when it is first shown."""
        self._read.clear()
        self._on_pages_currentChanged(self.pages.currentIndex())

    def _on_pages_currentChanged(self, _index: int) -> None:
        page = self.pages.currentWidget()
        if page not in self._read:
            self._read.add(page)
            page.load()


def open_care_dialog(services: Services, settings: Settings, notifier: Notifier, parent: QWidget) -> CareDialog:
    """Open window-modal without blocking (tests and automation drive it like any widget)."""
    dialog = CareDialog(services, settings, notifier, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.load()
    dialog.open()
    return dialog
