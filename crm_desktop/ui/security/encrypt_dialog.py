"""Encrypting the open database from the window: the new passphrase (typed twice), then the
recovery key, shown once, to write down. The work itself is the controller's (in a worker)."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from crm_desktop.ui.common.forms import ERROR_STYLE

MIN_LENGTH = 8


class EncryptDialog(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("encryptDialog")
        self.intro = QLabel(wordWrap=True)
        self.passphrase = QLineEdit(objectName="newPassphrase", echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(objectName="newPassphraseAgain", echoMode=QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="encryptError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.labels = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.labels[0], self.passphrase)
        form.addRow(self.labels[1], self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.translateUI()
        self.setMinimumWidth(480)

    def translateUI(self) -> None:
        self.setWindowTitle(self.tr("Encrypt the database"))
        self.intro.setText(self.tr(
            "The database file will be encrypted (SQLCipher). Every start then asks for this passphrase. "
            "Without the passphrase or the recovery key shown next, the data cannot be read by anyone, "
            "including you."))
        self.labels[0].setText(self.tr("Passphrase:"))
        self.labels[1].setText(self.tr("Once more:"))

    def _on_buttons_accepted(self) -> None:
        if len(self.passphrase.text()) < MIN_LENGTH:
            return self._show(self.tr("The passphrase must be at least 8 characters long."))
        if self.passphrase.text() != self.again.text():
            return self._show(self.tr("The two passphrases differ."))
        self.accept()

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()


class RecoveryKeyDialog(QDialog):
    """The recovery key, once: selectable to copy, never stored by the app."""

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.intro = QLabel(wordWrap=True)
        self.key = QLineEdit(key, objectName="recoveryKey", readOnly=True)
        font = self.key.font()
        font.setFamily("monospace")
        font.setPointSize(font.pointSize() + 2)
        self.key.setFont(font)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.key)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.setWindowTitle(self.tr("Recovery key"))
        self.intro.setText(self.tr(
            "The database is encrypted. Write this recovery key down and keep it apart from the computer: "
            "it opens the database if the passphrase is forgotten. It is shown only now."))
        self.setMinimumWidth(520)
