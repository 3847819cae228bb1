"""The window's part of users and roles: the owner's "Users and roles…" menu entry, and the
actions hidden for a role the services would refuse (asked with `UserService.can`).

Installed by the main window in one line; it keeps its texts current on a language change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QAction

from crm_desktop.domain.permissions import Permission

if TYPE_CHECKING:
    from crm_desktop.ui.security.encrypt_dialog import EncryptDialog
    from crm_desktop.ui.security.users_dialog import UsersDialog


class Security(QObject):
    encryptRequested = Signal(str)  # the new passphrase: the controller encrypts the open database

    def __init__(self, window, services):
        super().__init__(window)
        self._window, self._services = window, services
        self.manage_users = QAction(window, objectName="actionManageUsers")
        self.encrypt = QAction(window, objectName="actionEncryptDatabase")
        window.addActions([self.manage_users, self.encrypt])
        edit = window.actions.menus.get("edit")
        if edit is not None:
            edit.addActions([self.manage_users, self.encrypt])
        self.manage_users.triggered.connect(self._on_manage_users_triggered)
        self.encrypt.triggered.connect(self._on_encrypt_triggered)
        self.dialog: UsersDialog | EncryptDialog | None = None
        self._encrypted = False
        self.apply_permissions()
        self.retranslate()
        window.installEventFilter(self)
        window.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        for tab in window.all_tabs():
            self._watch(tab)
        window.slots.built.connect(self._on_slots_built)  # the other tabs, each when first shown

    def _watch(self, tab) -> None:
        tab.statusChanged.connect(self._on_tabs_currentChanged)  # a tab's own page switch (members / rewards)

    def apply_permissions(self) -> None:
        """Hide what the acting user's role may not do (the services refuse it anyway)."""
        can = self._services.users.can
        actions = self._window.actions
        gated = {self.manage_users: Permission.MANAGE_USERS, actions.export_contacts: Permission.EXPORT_BULK,
                 self.encrypt: Permission.MANAGE_SETTINGS,
                 actions.import_contacts: Permission.IMPORT_CONTACTS, actions.undo_import: Permission.IMPORT_CONTACTS}
        writable = not self._services.ctx.db.read_only
        for action, permission in gated.items():
            action.setVisible(can(permission))
            action.setEnabled(can(permission) and (writable or action is actions.export_contacts))
        self.encrypt.setEnabled(self.encrypt.isEnabled() and not self._encrypted)
        for tab in self._window.all_tabs():
            if hasattr(tab, "apply_permissions"):
                tab.apply_permissions()
        # the dashboard counts over every customer: only for roles that see them all (services/gate.py)
        tabs = self._window.tabs
        tabs.setTabVisible(self._window.tab_index("dashboard"), can(Permission.VIEW_ALL_CONTACTS))
        self._on_tabs_currentChanged()

    def _on_slots_built(self, tab) -> None:
        self._watch(tab)
        if hasattr(tab, "apply_permissions"):
            tab.apply_permissions()
        self._on_tabs_currentChanged()

    def set_encrypted(self, encrypted: bool) -> None:
        """The open database is encrypted already (or is a server database): nothing to encrypt."""
        self._encrypted = encrypted
        self.apply_permissions()
    def retranslate(self) -> None:
        self.manage_users.setText(self.tr("&Users and roles…"))
        self.encrypt.setText(self.tr("Encrypt the data&base…"))

    def eventFilter(self, watched, event) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # the dialogs load on first use
    def _on_manage_users_triggered(self) -> None:
        from crm_desktop.ui.security.users_dialog import UsersDialog

        self.dialog = UsersDialog(self._services.user_admin, self._window)
        self.dialog.open()

    def _on_encrypt_triggered(self) -> None:
        from crm_desktop.ui.security.encrypt_dialog import EncryptDialog

        dialog = self.dialog = EncryptDialog(self._window)
        dialog.accepted.connect(lambda: self.encryptRequested.emit(dialog.passphrase.text()))
        dialog.open()

    def _on_tabs_currentChanged(self, _index: int = 0) -> None:
        """On the contacts tab the record actions follow EDIT_CONTACTS / DELETE_CONTACTS, on the
        tickets and loyalty tabs what the tab's `may_change()` says; on a read-only database no
        tab offers them (a write would only be refused)."""
        can, actions = self._services.users.can, self._window.actions
        writable = not self._services.ctx.db.read_only
        tab = self._window.tabs.currentWidget()
        on_contacts = tab is self._window.contacts  # built by attach() before this object
        tab_allows = tab.may_change() if hasattr(tab, "may_change") else True  # tickets, loyalty
        edit = writable and tab_allows and (not on_contacts or can(Permission.EDIT_CONTACTS))
        delete = writable and tab_allows and (not on_contacts or can(Permission.DELETE_CONTACTS))
        for action, allowed in ((actions.new_record, edit), (actions.edit_record, edit),
                                (actions.trash, delete), (actions.restore, delete)):
            action.setEnabled(allowed)
