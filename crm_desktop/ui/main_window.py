"""The main window: five tabs, menus, toolbar, status bar. All wiring in `_connect_signals`.

Built in two steps so that start-up shows it at once: the frame (title, tab names, status bar,
its size and place) paints before SQLAlchemy, the services and the tabs' modules load; `attach`
then fills it over the services. This module therefore imports only Qt and the settings facade at
the top; each tab is built (its package imported) when first shown or used (tab_slots.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from crm_desktop.ui.settings import Settings
from crm_desktop.ui.settling import Settler

if TYPE_CHECKING:
    from crm_desktop.services.registry import Services
    from crm_desktop.ui.common.notifier import Notifier
    from crm_desktop.ui.common.record_tab import RecordTab


class MainWindow(QMainWindow):
    newDatabaseRequested = Signal()
    openDatabaseRequested = Signal()
    backupRequested = Signal()
    restoreBackupRequested = Signal()
    loadDemoRequested = Signal()
    languageRequested = Signal(str)
    dataFolderRequested = Signal(str)  # the settings chose another data folder ("" = the default)

    def __init__(self, settings: Settings, db_label: str):
        """The frame only: "Opening …" on every tab until `attach`."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings, self.db_label = settings, db_label
        self.services: Services | None = None
        self.tabs = QTabWidget(objectName="mainTabs", documentMode=True)
        self.status_db = QLabel(objectName="statusDatabase")
        self._opening = [QLabel(alignment=Qt.AlignmentFlag.AlignCenter) for _ in range(5)]
        for page in self._opening:
            self.tabs.addTab(page, "")
        central = QWidget()
        self._layout = QVBoxLayout(central)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.status_db)
        geometry = self.settings.window_geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self.retranslate()

    @property
    def attached(self) -> bool:
        return self.services is not None

    def attach(self, services: Services, notifier: Notifier, db_label: str | None = None) -> None:
        """Fill the frame over `services`: the tabs, menus, toolbar and the background helpers."""
        from crm_desktop.ui.audit.install import AuditTrail
        from crm_desktop.ui.bridge import EventBridge
        from crm_desktop.ui.common.daily_jobs import DailyJobs
        from crm_desktop.ui.common.notices import NoticeBar
        from crm_desktop.ui.main_actions import MainActions
        from crm_desktop.ui.security.install import Security
        from crm_desktop.ui.tab_slots import TabSlots
        from crm_desktop.ui.welcome_banner import WelcomeBanner

        self.services, self.notifier = services, notifier
        self.db_label = db_label or self.db_label
        self.bridge = EventBridge(services.bus, self)
        self.slots = TabSlots(self.tabs, self._opening, services, notifier)  # each tab built when first shown,
        self.slots.get("contacts")  # but the contacts, the app's main list, at once (not read before load())
        self.banner = WelcomeBanner()
        self.notices = NoticeBar()  # read-only, low disk space, damaged: set by the controller
        self.status_count = QLabel(objectName="statusCount")
        self.actions = MainActions(self)
        self._unread: set[RecordTab] | None = None  # None until load(): nothing is read before that
        self._stale_tabs: set[RecordTab] = set()
        self._closed = False  # what load(now=False) put off does not start after closing
        self.settler = Settler(self.current_tab, lambda: self._closed, self)
        self._build()
        self.reminders = None  # built when the background jobs start (load())
        self.daily_jobs = DailyJobs(services, notifier, self)  # points expiry, member levels
        self.security = Security(self, services)  # users and roles: the owner's menu, hidden actions
        self.audit_trail = AuditTrail(self, services)  # Tools → Audit trail…
        self.retranslate()
        self._connect_signals()

    def _build(self) -> None:
        self._layout.insertWidget(0, self.notices)
        self._layout.insertWidget(1, self.banner)
        self.actions.build_menus(self.menuBar())
        self.addToolBar(self.actions.build_toolbar())
        # both permanent: a passing message ("Reminder: …") takes the left, never overprinting them
        self.statusBar().addPermanentWidget(self.status_count)
        self.banner.hide()

    # the tabs, each built when first shown or used (tab_slots.py)
    dashboard = property(lambda self: self.slots.get("dashboard"))
    contacts = property(lambda self: self.slots.get("contacts"))
    calendar = property(lambda self: self.slots.get("calendar"))
    tickets = property(lambda self: self.slots.get("tickets"))
    loyalty = property(lambda self: self.slots.get("loyalty"))

    def all_tabs(self) -> list[RecordTab]:
        """The tabs built so far (one not built yet has nothing to read, refresh or stop)."""
        return self.slots.built_tabs() if self.attached else []

    def current_tab(self) -> RecordTab | None:
        return self.slots.current()

    def tab_index(self, name: str) -> int:
        return self.slots.index(name)

    def _connect_signals(self) -> None:
        a = self.actions
        a.new_record.triggered.connect(lambda: self.current_tab().new_record())
        a.edit_record.triggered.connect(lambda: self.current_tab().edit_selected())
        a.trash.triggered.connect(lambda: self.current_tab().trash_selected())
        a.restore.triggered.connect(lambda: self.current_tab().restore_selected())
        a.refresh.triggered.connect(self.refresh_all)
        a.find.triggered.connect(self._on_find_triggered)
        a.new_db.triggered.connect(self.newDatabaseRequested)
        a.open_db.triggered.connect(self.openDatabaseRequested)
        a.backup.triggered.connect(self.backupRequested)
        a.restore_backup.triggered.connect(self.restoreBackupRequested)
        self.notices.restoreRequested.connect(self.restoreBackupRequested)
        a.load_demo.triggered.connect(self.loadDemoRequested)
        a.import_contacts.triggered.connect(self._on_import_contacts_triggered)
        a.export_contacts.triggered.connect(self._on_export_contacts_triggered)
        a.undo_import.triggered.connect(self._on_undo_import_triggered)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(self.actions.show_about)
        a.language_chosen.connect(self.languageRequested)
        a.settings.triggered.connect(self._on_settings_triggered)
        self.tabs.currentChanged.connect(self._on_tabs_currentChanged)
        self.slots.built.connect(self._on_slots_built)
        for tab in self.all_tabs():
            tab.statusChanged.connect(self._update_status)
        self.bridge.contactsChanged.connect(self._on_bridge_contactsChanged)
        self.bridge.followupsChanged.connect(self._on_bridge_followupsChanged)
        self.bridge.ticketChanged.connect(self._on_bridge_ticketChanged)
        self.bridge.pointsChanged.connect(self._on_bridge_pointsChanged)
        self.bridge.databaseReplaced.connect(self.load)
        self.banner.loadDemoClicked.connect(self.loadDemoRequested)
        self.banner.dismissed.connect(self.banner.hide)
        self.notifier.shown.connect(self._on_notifier_shown)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Zhanggui CRM — {db}").format(db=self.db_label))
        titles = [self.tr("Dashboard"), self.tr("Contacts"), self.tr("Follow-up calendar"),
                  self.tr("Service tickets"), self.tr("Loyalty")]
        for index, title in enumerate(titles):
            self.tabs.setTabText(index, title)
        self.status_db.setText(self.tr("Database: {db}").format(db=self.db_label))
        for page in self._opening:
            page.setText(self.tr("Opening {db}…").format(db=self.db_label))
        if not self.attached:
            return
        self.actions.retranslate()
        self.banner.retranslate()
        self.notices.retranslate()
        for tab in self.all_tabs():
            tab.retranslate()
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self, now: bool = True) -> None:
        """Read the visible tab's data, the others' when first shown (after the window is shown, or
        when the database changed); start the reminders and daily jobs. `now=False`: the visible tab
        is read as the event loop turns (a caller showing another tab first reads that one alone,
        without the dashboard's workers), and the jobs start a moment later; either way they then
        wait until the shown tab has read its data (ui/settling.py)."""
        self._unread = set(self.all_tabs())
        if now:
            self._read_current()
            self.settler.when_settled(self._start_background)
        else:
            QTimer.singleShot(0, self, self._read_current)
            self.settler.after_delay(self._start_background)

    def _read_current(self) -> None:
        if not self._closed:
            self._read_if_needed(self.current_tab())

    def _start_background(self) -> None:
        if self._closed:
            return
        if self.reminders is None:  # the scheduler, the panel under the tabs, the tray
            from crm_desktop.ui.reminders.install import Reminders

            self.reminders = Reminders(self, self.services, self.notifier,
                                       lambda *args: self.calendar.open_editor(*args))
        self.reminders.start()
        self.daily_jobs.start()

    def refresh_all(self) -> None:
        """F5: read the visible tab again; the others are read again when next shown."""
        self._stale(*self.all_tabs())

    def _stale(self, *tabs: RecordTab) -> None:
        """These tabs' data changed: read the visible one now, the rest when shown."""
        if self._unread is None:
            return
        for tab in tabs:
            if tab is self.current_tab() and tab not in self._unread:
                tab.refresh()
            else:
                self._stale_tabs.add(tab)
        self._update_status()

    def _read_if_needed(self, tab: RecordTab) -> None:
        if tab in self._unread:
            self._unread.discard(tab)
            self._stale_tabs.discard(tab)
            tab.load()
        elif tab in self._stale_tabs:
            self._stale_tabs.discard(tab)
            tab.refresh()
        self._update_status()

    def show_welcome(self, on: bool) -> None:
        self.banner.setVisible(on)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.window_geometry = self.saveGeometry()
        if not self.attached:  # closed while opening
            super().closeEvent(event)
            return
        self._closed = True
        for tab in self.all_tabs():
            tab.shutdown()
        if self.reminders is not None:
            self.reminders.stop()
        self.daily_jobs.stop()
        self.bridge.detach()
        super().closeEvent(event)

    # --- slots ---------------------------------------------------------------------------------
    def _on_settings_triggered(self) -> None:
        from crm_desktop.ui.settings_dialog import open_settings_dialog

        dialog = open_settings_dialog(self.settings, self.services, self.settings.language, self.db_label, self)
        dialog.languageChosen.connect(self.languageRequested)
        dialog.dataFolderChosen.connect(self.dataFolderRequested)

    def _on_find_triggered(self) -> None:
        self.current_tab().focus_search()

    # the import and export dialogs load on first use: start-up does not pay for them
    def _on_import_contacts_triggered(self) -> None:
        from crm_desktop.ui.transfer.import_wizard import open_import_wizard

        open_import_wizard(self.services.imports, self.notifier, self)

    def _on_export_contacts_triggered(self) -> None:
        from crm_desktop.ui.transfer.export_dialog import open_export_dialog

        page = self.contacts.page  # the contacts tab's search and selection, whichever tab is shown
        open_export_dialog(self.services.exports, self.notifier, page.model.query, page.selected_ids(), self)

    def _on_undo_import_triggered(self) -> None:
        from crm_desktop.ui.transfer.import_history import open_import_history

        open_import_history(self.services.imports, self.notifier, self)

    def _on_tabs_currentChanged(self, _index: int) -> None:
        if self._unread is not None:
            self._read_if_needed(self.current_tab())

    def _on_slots_built(self, tab: RecordTab) -> None:
        """A tab built after the window was read is read when shown, like the others."""
        tab.statusChanged.connect(self._update_status)
        if self._unread is not None:
            self._unread.add(tab)

    def _update_status(self) -> None:
        tab = self.tabs.currentWidget()
        self.status_count.setText(tab.status_text() if tab in self.all_tabs() else "")

    def _on_bridge_contactsChanged(self, _ids) -> None:
        self._stale_named("contacts", "dashboard", "loyalty")

    def _on_bridge_followupsChanged(self, _ids) -> None:
        self._stale_named("calendar", "dashboard")

    def _on_bridge_ticketChanged(self, _ticket_id: int) -> None:
        self._stale_named("tickets", "dashboard")

    def _on_bridge_pointsChanged(self, _contact_id: int) -> None:
        self._stale_named("loyalty")

    def _stale_named(self, *names: str) -> None:
        """Those of these tabs already built are stale; one not built reads fresh data when built."""
        self._stale(*(self.slots.get(name) for name in names if self.slots.is_built(name)))

    def _on_notifier_shown(self, _level: str, text: str) -> None:
        self.statusBar().showMessage(text, 8000)
