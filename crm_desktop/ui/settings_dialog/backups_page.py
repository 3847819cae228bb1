"""Automatic backups: on or off, and the folder they go to."""

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QVBoxLayout

from crm_desktop.ui.settings import Settings
from crm_desktop.ui.settings_dialog.base import FolderField, SettingsPage


class BackupsPage(SettingsPage):
    def __init__(self, settings: Settings, parent=None):
        super().__init__(parent)
        self.setObjectName("settingsBackupsPage")
        self._settings = settings
        self.automatic = QCheckBox(objectName="settingsAutomaticBackups")
        self.folder = FolderField("settingsBackupFolder")
        self.hint = QLabel(wordWrap=True)
        self._folder_label = QLabel()
        form = QFormLayout()
        form.addRow(self.automatic)
        form.addRow(self._folder_label, self.folder)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.automatic.toggled.connect(self.folder.setEnabled)
        self.retranslate()

    def load(self) -> None:
        self.automatic.setChecked(self._settings.automatic_backups)
        self.folder.setText(self._settings.backup_folder)
        self.folder.setEnabled(self.automatic.isChecked())

    def save(self) -> bool:
        self._settings.automatic_backups = self.automatic.isChecked()
        self._settings.backup_folder = self.folder.text()
        return True

    def retranslate(self) -> None:
        self.automatic.setText(self.tr("Back up the database automatically when Zhanggui CRM closes"))
        self._folder_label.setText(self.tr("Backup folder:"))
        self.folder.retranslate(self.tr("backups/ beside the database"))
        self.hint.setText(self.tr("Each backup is verified; older ones are thinned out. A folder on another "
                                  "disk or a USB stick also survives a broken computer."))
