"""The window's part of the audit trail: Tools → Audit trail…, for roles that manage settings
(owner, manager); its export only for those allowed bulk exports (the owner).

Installed by the main window in one line; it keeps its texts current on a language change.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction

from crm_desktop.domain.permissions import Permission


class AuditTrail(QObject):
    def __init__(self, window, services):
        super().__init__(window)
        self._window, self._services = window, services
        self.show_audit = QAction(window, objectName="actionAuditTrail")
        window.addAction(self.show_audit)
        bar = window.menuBar()
        help_menu = window.actions.menus.get("help")
        self.menu = window.actions.menus["tools"] = bar.addMenu("")
        if help_menu is not None:  # Tools sits before Help
            bar.insertMenu(help_menu.menuAction(), self.menu)
        self.menu.addAction(self.show_audit)
        self.show_audit.triggered.connect(self._on_show_audit_triggered)
        self.dialog = None
        can = services.users.can(Permission.MANAGE_SETTINGS)
        self.show_audit.setVisible(can)
        self.show_audit.setEnabled(can)
        self.retranslate()
        window.installEventFilter(self)

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("&Tools"))
        self.show_audit.setText(self.tr("&Audit trail…"))

    def eventFilter(self, watched, event) -> bool:
        if watched is self._window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def _on_show_audit_triggered(self) -> None:
        from crm_desktop.ui.audit.dialog import open_audit_dialog  # loads on first use

        services = self._services
        self.dialog = open_audit_dialog(services.audit, services.users.active(), self._window.notifier,
                                        services.users.can(Permission.EXPORT_BULK), self._window)
