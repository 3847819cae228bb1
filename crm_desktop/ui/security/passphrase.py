"""Asks for the passphrase (or the recovery key) of an encrypted database before it is opened.

Only the composition root opens it, when no passphrase came with the call (argument or
CRM_PASSPHRASE): `open_main_window` never shows it. The dialog itself checks nothing: `unlock`
(given by the caller) derives and checks the key and raises a CrmError shown under the field.
"""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from crm_desktop.domain.errors import CrmError
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.messages import error_text


class PassphraseDialog(QDialog):
    def __init__(self, path: str, unlock: Callable[[str, bool], object], parent=None):
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self._unlock = unlock
        self._path = path
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.secret = QLineEdit()
        self.secret.setObjectName("passphraseEdit")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_recovery = QCheckBox()
        self.use_recovery.setObjectName("useRecoveryKey")
        self.error = QLabel()
        self.error.setObjectName("passphraseError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._form = QFormLayout()
        self.label = QLabel()
        self._form.addRow(self.label, self.secret)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self._form)
        layout.addWidget(self.use_recovery)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.use_recovery.toggled.connect(self._on_use_recovery_toggled)
        self.translateUI()
        self.setMinimumWidth(460)

    def translateUI(self) -> None:
        self.setWindowTitle(self.tr("Encrypted database"))
        self.intro.setText(self.tr("{path} is encrypted. Enter its passphrase to open it.").format(path=self._path))
        self.use_recovery.setText(self.tr("Use the recovery key instead"))
        self._on_use_recovery_toggled(self.use_recovery.isChecked())

    def _on_use_recovery_toggled(self, recovery: bool) -> None:
        self.label.setText(self.tr("Recovery key:") if recovery else self.tr("Passphrase:"))
        self.secret.setEchoMode(QLineEdit.EchoMode.Normal if recovery else QLineEdit.EchoMode.Password)

    def _on_buttons_accepted(self) -> None:
        try:
            self._unlock(self.secret.text(), self.use_recovery.isChecked())
        except CrmError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.secret.selectAll()
            self.secret.setFocus()
            return
        self.accept()
