"""The settings dialog: a list of areas on the left, one page each on the right; OK and Apply
save every page (the first one that cannot be saved is shown with its reason), Cancel keeps all
as it was. Per-PC values go to the typed settings (ui/settings.py); SLA targets and points rules
go to the data settings, shared by everyone on the database."""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QStackedWidget,
    QVBoxLayout,
)

from crm_desktop.services.registry import Services
from crm_desktop.ui.loyalty.rules_page import PointsRulesPage
from crm_desktop.ui.settings import Settings
from crm_desktop.ui.settings_dialog.analytics_page import AnalyticsPage
from crm_desktop.ui.settings_dialog.backups_page import BackupsPage
from crm_desktop.ui.settings_dialog.care_page import CarePage
from crm_desktop.ui.settings_dialog.general_page import GeneralPage
from crm_desktop.ui.settings_dialog.privacy_page import PrivacyPage
from crm_desktop.ui.settings_dialog.sla_page import SlaPage


class SettingsDialog(QDialog):
    languageChosen = Signal(str)
    dataFolderChosen = Signal(str)

    def __init__(self, settings: Settings, services: Services, language: str, current_db: str, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.general = GeneralPage(settings, language, current_db)
        self.backups = BackupsPage(settings)
        self.care = CarePage(settings)
        self.sla = SlaPage(services.data_settings)
        self.points = PointsRulesPage(services)
        self.pages = [self.general, self.backups, self.care, self.sla, self.points]
        self.privacy = PrivacyPage(services.privacy)
        self.pages.append(self.privacy)
        self.analytics = AnalyticsPage(services.analytics_settings)
        self.pages.append(self.analytics)
        self.list = QListWidget(objectName="settingsPageList")
        self.stack = QStackedWidget()
        for page in self.pages:
            self.list.addItem("")
            self.stack.addWidget(page)
        self.list.setFixedWidth(170)
        self.list.setStyleSheet("QListWidget::item { padding: 5px 6px; }")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.Apply)
        row = QHBoxLayout()
        row.addWidget(self.list)
        row.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        self.locked_note = QLabel(objectName="settingsLockedNote", wordWrap=True, styleSheet="color: #8a6d00;")
        layout.addWidget(self.locked_note)
        layout.addWidget(self.buttons)
        self.list.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.list.currentRowChanged.connect(self._on_list_currentRowChanged)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        self.general.languageChosen.connect(self.languageChosen)
        self.general.dataFolderChosen.connect(self.dataFolderChosen)
        self.resize(760, 460)
        self.retranslate()
        self._lock_pages(services.users.can)
        for page in self.pages:
            page.load()
        self.list.setCurrentRow(0)

    def _on_list_currentRowChanged(self, row: int) -> None:
        """Say why a page is greyed out, under it."""
        self.locked_note.setVisible(0 <= row < len(self.pages) and self.pages[row] in self.locked)

    def _lock_pages(self, can) -> None:
        """A page of data settings the user's role may not change is shown disabled and not saved."""
        self.locked = [p for p in self.pages if getattr(p, "permission", None) and not can(p.permission)]
        for page in self.locked:
            page.setEnabled(False)
            self.list.item(self.pages.index(page)).setToolTip(self.tr("Your role may not change these settings."))
        self.locked_note.setText(self.tr("Your role may not change these settings."))
        self.locked_note.hide()

    def apply(self) -> bool:
        for index, page in enumerate(self.pages):
            if page not in self.locked and not page.save():
                self.list.setCurrentRow(index)
                return False
        return True

    def _on_buttons_accepted(self) -> None:
        if self.apply():
            self.accept()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        titles = (self.tr("General"), self.tr("Backups"), self.tr("Customer care"), self.tr("Service targets"),
                  self.tr("Points rules"))
        for index, title in enumerate(titles):
            self.list.item(index).setText(title)
        self.list.item(self.pages.index(self.privacy)).setText(self.tr("Privacy"))
        self.list.item(self.pages.index(self.analytics)).setText(self.tr("Analytics"))
        self.points.retranslate()
        B = QDialogButtonBox.StandardButton
        for which, text in ((B.Ok, self.tr("OK")), (B.Cancel, self.tr("Cancel")), (B.Apply, self.tr("Apply"))):
            self.buttons.button(which).setText(text)


def open_settings_dialog(settings: Settings, services: Services, language: str, current_db: str,
                         parent=None) -> SettingsDialog:
    """Opened, not exec()ed: the window stays usable code-wise, and tests answer it."""
    dialog = SettingsDialog(settings, services, language, current_db, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
