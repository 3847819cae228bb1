"""At start, a damaged database: say so plainly and offer to restore the newest good backup.

Shown instead of the main window (which cannot be built over a damaged file); never `exec()`ed, so
tests answer it by clicking its buttons.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


class DamagedOffer(QDialog):
    restoreRequested = Signal()

    def __init__(self, message: str, has_backup: bool, parent: QWidget | None = None):
        super().__init__(parent, objectName="damagedDatabaseDialog")
        self.message = QLabel(message, wordWrap=True, objectName="damagedMessage")
        self.question = QLabel(wordWrap=True)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreNewestButton")
        self.restore_button.setVisible(has_backup)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("quitButton")
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.question)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Zhanggui CRM — damaged database"))
        self.question.setText(self.tr(
            "Restore the newest good backup? The damaged file is kept aside, not deleted.") if has_backup
            else self.tr("Close the app and copy the file for an expert; nothing was changed."))
        self.restore_button.setText(self.tr("Restore the newest good backup"))
        self.quit_button.setText(self.tr("Quit"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(560, 200)

    def _on_buttons_accepted(self) -> None:
        self.accept()
        self.restoreRequested.emit()
