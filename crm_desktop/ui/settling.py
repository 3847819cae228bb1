"""Background work that waits for the window's shown tab: the reminders' scan, the daily jobs and a
big file's full check start BACKGROUND_DELAY_MS after a window opens, then once the shown tab is
no longer reading its data (its `busy()`, polled every SETTLE_POLL_MS, for at most SETTLE_MAX_MS):
they would otherwise share the processor with the dashboard's workers the user is waiting for, and
slow them several times over. Nothing starts after the window closed."""

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

BACKGROUND_DELAY_MS = 1000
SETTLE_POLL_MS = 200  # how often the background jobs look whether the shown tab has its data
SETTLE_MAX_MS = 30_000  # they wait at most this long for it (a dashboard over millions of sales)


class Settler(QObject):
    def __init__(self, current_tab: Callable, closed: Callable[[], bool], parent=None):
        super().__init__(parent)
        self._current_tab, self._closed = current_tab, closed

    def after_delay(self, job) -> None:
        """`job` BACKGROUND_DELAY_MS from now, then once the shown tab is settled."""
        QTimer.singleShot(BACKGROUND_DELAY_MS, self, lambda: self.when_settled(job))

    def when_settled(self, job, waited_ms: int = 0) -> None:
        """`job` once the shown tab is no longer reading its data (at most SETTLE_MAX_MS later)."""
        if self._closed():
            return
        tab = self._current_tab()
        if waited_ms < SETTLE_MAX_MS and tab is not None and tab.busy():
            QTimer.singleShot(SETTLE_POLL_MS, self, lambda: self.when_settled(job, waited_ms + SETTLE_POLL_MS))
            return
        job()
