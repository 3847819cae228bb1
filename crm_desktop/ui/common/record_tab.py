"""Base of the tabs: the actions that the main window's menus and shortcuts call on the current tab."""

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from crm_desktop.ui.common.list_page import ListPage
from crm_desktop.ui.common.notifier import Notifier


class RecordTab(QWidget):
    statusChanged = Signal()

    def __init__(self, notifier: Notifier, parent: QWidget | None = None):
        super().__init__(parent)
        self.notifier = notifier

    # Actions; a tab overrides those it supports.
    def new_record(self) -> None: ...
    def edit_selected(self) -> None: ...
    def trash_selected(self) -> None: ...
    def restore_selected(self) -> None: ...
    def refresh(self) -> None: ...
    def load(self) -> None:
        """First read of the tab's data, after the window is shown."""
        self.refresh()

    def focus_search(self) -> None: ...
    def retranslate(self) -> None: ...
    def shutdown(self) -> None:
        """The window is closing: finish or stop background work."""

    def status_text(self) -> str:
        return ""

    def busy(self) -> bool:
        """Whether the tab is still reading its data in the background (its workers running)."""
        return False

    def guarded(self, action: Callable, *args):
        """Run one service call; known errors and bugs go to the notifier. Returns the result or None."""
        try:
            return action(*args)
        except Exception as exc:  # noqa: BLE001 - every failure reaches the user through one path
            self.notifier.error(exc)
            return None


class ListTab(RecordTab):
    """A tab built around one ListPage with trash and restore."""

    page: ListPage

    def trash_selected(self) -> None:
        ids = self.page.selected_ids()
        if ids and not self.page.showing_trash:
            self.guarded(self._trash, ids)

    def restore_selected(self) -> None:
        ids = self.page.selected_ids()
        if ids and self.page.showing_trash:
            self.guarded(self._restore, ids)

    def edit_selected(self) -> None:
        record_id = self.page.current_id()
        if record_id is not None:
            self.open_editor(record_id)

    def new_record(self) -> None:
        self.open_editor(None)

    def refresh(self) -> None:
        self.page.refresh()
        self.statusChanged.emit()

    def focus_search(self) -> None:
        self.page.search.setFocus()
        self.page.search.selectAll()

    def show_trash(self, on: bool) -> None:
        self.page.trash_toggle.setChecked(on)

    def row_count(self) -> int:
        return self.page.model.rowCount()

    # Hooks
    def open_editor(self, record_id: int | None) -> None: ...
    def _trash(self, ids: list[int]) -> None: ...
    def _restore(self, ids: list[int]) -> None: ...
