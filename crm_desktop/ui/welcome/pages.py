"""The welcome's first two pages: the language (switched at once), and the data: empty or demo,
and the folder it lives in."""

from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from crm_desktop.ui.main_actions import LANGUAGES


class TranslatedPage(QWizardPage):
    """A page that sets its texts in retranslate(), again on every language change."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        raise NotImplementedError


class LanguagePage(TranslatedPage):
    languageChosen = Signal(str)

    def __init__(self, language: str):
        super().__init__()
        self.intro = QLabel(wordWrap=True)
        self.label = QLabel()
        self.combo = QComboBox(objectName="welcomeLanguage")
        for code, name in LANGUAGES:
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(language)))
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addWidget(self.label)
        layout.addWidget(self.combo)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self._on_combo_currentIndexChanged)
        self.retranslate()

    def language(self) -> str:
        return self.combo.currentData()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Zhanggui CRM"))
        self.setSubTitle(self.tr("Choose the language; you can change it later in the settings."))
        self.intro.setText(self.tr(
            "Customers, follow-ups, after-sales service and loyalty, on your own computer. "
            "A few questions and you are ready to start."))
        self.label.setText(self.tr("Language:"))

    def _on_combo_currentIndexChanged(self, _index: int) -> None:
        self.languageChosen.emit(self.language())


class DataPage(TranslatedPage):
    def __init__(self, folder: Path, db_filename: str):
        super().__init__()
        self._db_filename = db_filename
        self.empty = QRadioButton(objectName="welcomeStartEmpty", checked=True)
        self.demo = QRadioButton(objectName="welcomeLoadDemo")
        self.empty_hint, self.demo_hint = QLabel(wordWrap=True), QLabel(wordWrap=True)
        group = QButtonGroup(self)
        group.addButton(self.empty)
        group.addButton(self.demo)
        self.folder_label = QLabel()
        self.folder = QLineEdit(str(folder), objectName="welcomeDataFolder")
        self.browse = QPushButton()
        self.folder_note = QLabel(wordWrap=True, objectName="welcomeFolderNote")
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        for widget in (self.empty, self.empty_hint, self.demo, self.demo_hint):
            layout.addWidget(widget)
        self.empty_hint.setIndent(24)
        self.demo_hint.setIndent(24)
        layout.addSpacing(16)
        layout.addWidget(self.folder_label)
        layout.addLayout(row)
        layout.addWidget(self.folder_note)
        layout.addStretch(1)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.folder.textChanged.connect(self._update_note)
        self.folder.textChanged.connect(self.completeChanged)
        self.retranslate()

    def chosen_folder(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def existing(self) -> bool:
        """The folder already holds a database (another install, a copy from another PC)."""
        return bool(self.folder.text().strip()) and (self.chosen_folder() / self._db_filename).is_file()

    def isComplete(self) -> bool:
        return bool(self.folder.text().strip())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your data"))
        self.setSubTitle(self.tr("Start empty or explore with demo data, and choose where the data lives."))
        self.empty.setText(self.tr("Start with an empty database"))
        self.empty_hint.setText(self.tr("For real work: add or import your own customers."))
        self.demo.setText(self.tr("Load demo data"))
        self.demo_hint.setText(self.tr(
            "About 2,000 realistic customers with follow-ups, tickets and points, to explore the app. "
            "Start again with an empty database later (File → New database…)."))
        self.folder_label.setText(self.tr("Data folder (database and backups):"))
        self.browse.setText(self.tr("Browse…"))
        self._update_note()

    def _update_note(self) -> None:
        self.folder_note.setText(self.tr(
            "This folder already holds a Zhanggui CRM database: it will be opened as it is.")
            if self.existing() else "")
        for widget in (self.empty, self.demo, self.empty_hint, self.demo_hint):
            widget.setEnabled(not self.existing())

    def _on_browse_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.folder.text())
        if folder:
            self.folder.setText(folder)
