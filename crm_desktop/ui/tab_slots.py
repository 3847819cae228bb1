"""The main window's five tabs, each built (and its package imported) when it is first shown or
first used: opening the window on one tab builds that tab alone.

Until then a tab's page is a placeholder under the tab's object name (the frame's "Opening …"
label), so the tab bar, its titles and the names automation finds are there from the start. The
tab built replaces its placeholder at the same index, visible or hidden as the placeholder was,
without the tab widget announcing a change of the current tab.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTabWidget, QWidget

if TYPE_CHECKING:
    from crm_desktop.services.registry import Services
    from crm_desktop.ui.common.notifier import Notifier
    from crm_desktop.ui.common.record_tab import RecordTab

NAMES = ("dashboard", "contacts", "calendar", "tickets", "loyalty")  # in the tab bar's order


def object_name(name: str) -> str:
    return f"{name}Tab"


def new_tab(name: str, services: Services, notifier: Notifier) -> RecordTab:
    """The tab `name`, its package imported now."""
    if name == "dashboard":
        from crm_desktop.ui.dashboard.view import DashboardTab

        return DashboardTab(services, notifier)
    if name == "contacts":
        from crm_desktop.ui.contacts.view import ContactsTab

        return ContactsTab(services, notifier)
    if name == "calendar":
        from crm_desktop.ui.calendar.view import CalendarTab

        return CalendarTab(services, notifier)
    if name == "tickets":
        from crm_desktop.ui.tickets.view import TicketsTab

        return TicketsTab(services, notifier)
    if name == "loyalty":
        from crm_desktop.ui.loyalty.view import LoyaltyTab

        return LoyaltyTab(services, notifier)
    raise KeyError(name)


class TabSlots(QObject):
    built = Signal(object)  # the RecordTab just built, in its place in the tab widget

    def __init__(self, tabs: QTabWidget, placeholders: list[QWidget], services: Services, notifier: Notifier):
        """`placeholders`: the tab widget's pages, one per name; a built tab's is removed from it."""
        super().__init__(tabs)
        self._tabs, self._placeholders = tabs, placeholders
        self._services, self._notifier = services, notifier
        self._built: dict[str, RecordTab] = {}
        for name, page in zip(NAMES, placeholders, strict=True):
            page.setObjectName(object_name(name))

    def get(self, name: str) -> RecordTab:
        """The tab `name`, built now if it was not yet."""
        tab = self._built.get(name)
        return tab if tab is not None else self._build(name)

    def built_tabs(self) -> list[RecordTab]:
        """The tabs built so far, in the tab bar's order."""
        return [self._built[name] for name in NAMES if name in self._built]

    def is_built(self, name: str) -> bool:
        return name in self._built

    def index(self, name: str) -> int:
        return NAMES.index(name)

    def current(self) -> RecordTab | None:
        """The tab shown, built now if it was not yet."""
        index = self._tabs.currentIndex()
        return self.get(NAMES[index]) if 0 <= index < len(NAMES) else None

    def _build(self, name: str) -> RecordTab:
        tab = new_tab(name, self._services, self._notifier)
        self._built[name] = tab
        index, tabs = self.index(name), self._tabs
        placeholder = tabs.widget(index)
        current, title, visible = tabs.currentIndex(), tabs.tabText(index), tabs.isTabVisible(index)
        blocked = tabs.blockSignals(True)  # the same tab stays current: nothing to announce
        try:
            tabs.removeTab(index)
            tabs.insertTab(index, tab, title)
            tabs.setTabVisible(index, visible)
            tabs.setCurrentIndex(current)
        finally:
            tabs.blockSignals(blocked)
        if placeholder in self._placeholders:
            self._placeholders.remove(placeholder)
        placeholder.setObjectName("")
        placeholder.deleteLater()
        self.built.emit(tab)
        return tab
