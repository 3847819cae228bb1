"""The sign-in dialog of the desktop app, shown when the database has accounts with passwords and
no credentials came with the start (CRM_USER / CRM_PASSWORD, open_main_window's arguments).

`sign_in(username, password)` is the UserService's; a refusal (wrong password, locked account) is
shown under the fields and the dialog stays. "Remember me on this PC" keeps the credentials in the
OS keyring (services/remember.py) and is unavailable when the keyring is not secure.
"""

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


class SignInDialog(QDialog):
    def __init__(self, sign_in, remembered, parent=None):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self._sign_in, self._remembered = sign_in, remembered
        self.credentials: tuple[str, str] | None = None
        self.username = QLineEdit(objectName="signInUser")
        self.password = QLineEdit(objectName="signInPassword", echoMode=QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(objectName="rememberMe")
        self.remember.setEnabled(remembered.available)
        self.error = QLabel(objectName="signInError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.user_label, self.password_label = QLabel(), QLabel()
        form = QFormLayout()
        form.addRow(self.user_label, self.username)
        form.addRow(self.password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.translateUI()
        self.setMinimumWidth(380)

    def translateUI(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        self.user_label.setText(self.tr("User name:"))
        self.password_label.setText(self.tr("Password:"))
        self.remember.setText(self.tr("Remember me on this PC"))
        self.remember.setToolTip("" if self._remembered.available else self.tr(
            "This PC has no secure keyring: the password cannot be remembered safely."))

    def _on_buttons_accepted(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        try:
            self._sign_in(username, password)
        except CrmError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            return
        if self.remember.isChecked():
            self._remembered.remember(username, password)
        self.credentials = (username, password)
        self.accept()
