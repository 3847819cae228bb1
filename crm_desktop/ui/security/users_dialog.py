"""The owner's users dialog: every account with its role and state; add, change role, deactivate,
unlock, reset a password. Each button calls one UserAdminService method (which checks
MANAGE_USERS itself) and shows the refreshed list; errors go under the buttons."""

from enum import IntEnum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from crm_desktop.domain.errors import CrmError, ValidationError
from crm_desktop.domain.permissions import Role
from crm_desktop.ui.common.formatting import local_datetime
from crm_desktop.ui.common.forms import ERROR_STYLE
from crm_desktop.ui.common.list_model import ListTableModel
from crm_desktop.ui.common.messages import error_text, translate_template


def role_label(role: str) -> str:
    labels = {Role.OWNER: QCoreApplication.translate("Roles", "Owner"),
              Role.MANAGER: QCoreApplication.translate("Roles", "Manager"),
              Role.SALES: QCoreApplication.translate("Roles", "Sales"),
              Role.SERVICE: QCoreApplication.translate("Roles", "Service")}
    return labels.get(role, role)


def role_help(role: str) -> str:
    """What a role may do, in a sentence (the role choice's tooltip); domain/permissions.py decides."""
    helps = {
        Role.OWNER: QCoreApplication.translate("Roles", "Everything: users, bulk export, points rules and "
                                                        "levels, privacy and retention, all settings."),
        Role.MANAGER: QCoreApplication.translate("Roles", "All customers, tickets, sales, points adjustments, "
                                                          "rewards and the dashboard; not users, bulk export, "
                                                          "points rules and levels, or privacy."),
        Role.SALES: QCoreApplication.translate("Roles", "Their own and shared customers only: edit them, record "
                                                        "sales, earn and redeem points. No dashboard (its figures "
                                                        "cover every customer), no tickets changes, no settings."),
        Role.SERVICE: QCoreApplication.translate("Roles", "All customers with phone numbers masked (138****5678), "
                                                          "tickets and their attachments and surveys, the dashboard; "
                                                          "no sales or points."),
    }
    return helps.get(role, "")


class AccountModel(ListTableModel):
    class Column(IntEnum):
        USERNAME = 0
        NAME = 1
        ROLE = 2
        STATE = 3

    columns = Column

    def headers(self) -> tuple[str, ...]:
        return (self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("State"))

    def text(self, item, column) -> str:
        C = self.Column
        if column == C.USERNAME:
            return item.username
        if column == C.NAME:
            return item.display_name
        if column == C.ROLE:
            return role_label(item.role)
        if not item.is_active:
            return self.tr("Deactivated")
        if item.locked_until is not None:
            return self.tr("Locked until {time}").format(time=local_datetime(item.locked_until))
        return self.tr("Active")


class UsersDialog(QDialog):
    def __init__(self, admin, parent=None):
        super().__init__(parent)
        self.setObjectName("usersDialog")
        self._admin = admin
        self.model = AccountModel(self)
        self.table = QTableView(objectName="usersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.username, self.display_name = QLineEdit(objectName="newUsername"), QLineEdit(objectName="newName")
        self.password = QLineEdit(objectName="newPassword", echoMode=QLineEdit.EchoMode.Password)
        self.role = QComboBox(objectName="roleChoice")
        for role in Role:
            self.role.addItem("", role.value)
        self.add_button = QPushButton(objectName="addUser")
        self.role_button = QPushButton(objectName="setRole")
        self.active_button = QPushButton(objectName="toggleActive")
        self.unlock_button = QPushButton(objectName="unlockUser")
        self.reset_button = QPushButton(objectName="resetPassword")
        self.error = QLabel(objectName="usersError", wordWrap=True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._lay_out()
        self._connect_signals()
        self.translateUI()
        self.reload()
        self.resize(640, 480)

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.username, self.display_name, self.password, self.role),
                                strict=True):
            self.form.addRow(label, field)
        row = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.active_button, self.unlock_button, self.reset_button):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(self.form)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_clicked)
        self.role_button.clicked.connect(self._on_role_clicked)
        self.active_button.clicked.connect(self._on_active_clicked)
        self.unlock_button.clicked.connect(self._on_unlock_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.buttons.rejected.connect(self.reject)

    def translateUI(self) -> None:
        self.setWindowTitle(self.tr("Users and roles"))
        for label, text in zip(self.labels, (self.tr("User name:"), self.tr("Name:"), self.tr("Password:"),
                                             self.tr("Role:")), strict=True):
            label.setText(text)
        for i, role in enumerate(Role):
            self.role.setItemText(i, role_label(role))
            self.role.setItemData(i, role_help(role), Qt.ItemDataRole.ToolTipRole)
        self.password.setPlaceholderText(self.tr("for a new user or a reset: at least 8 characters"))
        self.add_button.setText(self.tr("&Add user"))
        self.role_button.setText(self.tr("Set &role"))
        self.active_button.setText(self.tr("&Deactivate / activate"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.reset_button.setText(self.tr("Reset &password"))

    def reload(self) -> None:
        self.model.set_items(self._admin.accounts())

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.item_at(rows[0].row()) if rows else None

    def _run(self, action) -> None:
        try:
            action()
        except CrmError as exc:
            self._show_error(exc)
            return
        self.error.hide()
        chosen = self.selected()
        self.reload()
        if chosen is not None:
            row = next((i for i in range(self.model.rowCount()) if self.model.item_at(i).id == chosen.id), None)
            if row is not None:
                self.table.selectRow(row)

    def _show_error(self, exc: CrmError) -> None:
        if isinstance(exc, ValidationError):
            text = " ".join(translate_template(t) for t in exc.errors.values())
        else:
            text = error_text(exc)
        self.error.setText(text)
        self.error.show()

    def _on_selected(self, fn) -> None:
        chosen = self.selected()
        if chosen is None:
            self.error.setText(self.tr("Choose a user in the list first."))
            self.error.show()
            return
        self._run(lambda: fn(chosen))

    def _on_add_clicked(self) -> None:
        def add():
            self._admin.add_user(self.username.text(), self.display_name.text(), self.role.currentData(),
                                 self.password.text())
            self.username.clear(), self.display_name.clear(), self.password.clear()
        self._run(add)

    def _on_role_clicked(self) -> None:
        self._on_selected(lambda a: self._admin.set_role(a.id, self.role.currentData()))

    def _on_active_clicked(self) -> None:
        self._on_selected(lambda a: self._admin.set_active(a.id, not a.is_active))

    def _on_unlock_clicked(self) -> None:
        self._on_selected(lambda a: self._admin.unlock(a.id))

    def _on_reset_clicked(self) -> None:
        def reset(account):
            self._admin.reset_password(account.id, self.password.text())
            self.password.clear()
        self._on_selected(reset)
