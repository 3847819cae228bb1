"""Language (switched as soon as it is saved) and the data folder (used from the next start)."""

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout

from crm_desktop.paths import default_db_path
from crm_desktop.ui.main_actions import LANGUAGES
from crm_desktop.ui.settings import Settings
from crm_desktop.ui.settings_dialog.base import FolderField, SettingsPage


class GeneralPage(SettingsPage):
    languageChosen = Signal(str)
    dataFolderChosen = Signal(str)  # "" = back to the default folder

    def __init__(self, settings: Settings, language: str, current_db: str, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsGeneralPage")
        self._settings, self._language, self._current_db = settings, language, current_db
        self.language = QComboBox(objectName="settingsLanguage")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.folder = FolderField("settingsDataFolder")
        self.current = QLabel(wordWrap=True, objectName="settingsCurrentDatabase")
        self.note = QLabel(wordWrap=True)
        self._labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        form.addRow(self._labels[0], self.language)
        form.addRow(self._labels[1], self.current)
        form.addRow(self._labels[2], self.folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.retranslate()

    def load(self) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(self._language)))
        self.folder.setText(self._settings.data_folder)

    def save(self) -> bool:
        code = self.language.currentData()
        if code != self._language:
            self._language = code
            self.languageChosen.emit(code)
        folder = self.folder.text()
        if folder and Path(folder).expanduser() == default_db_path().parent:
            folder = ""
        if folder != self._settings.data_folder:
            self.dataFolderChosen.emit(folder)
        return True

    def retranslate(self) -> None:
        for label, text in zip(self._labels, (self.tr("Language:"), self.tr("Open now:"),
                                              self.tr("Data folder:")), strict=True):
            label.setText(text)
        self.current.setText(self._current_db)
        self.folder.retranslate(str(default_db_path().parent))
        self.note.setText(self.tr(
            "From the next start Zhanggui CRM opens the database in this folder (unless another one is "
            "named on the command line). A folder without one first receives a verified copy of the "
            "database open now."))
