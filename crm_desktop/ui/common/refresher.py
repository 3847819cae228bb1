"""One computation at a time in a worker; asked again while it runs, it runs once more after it
(the dashboard's figures, the ticket board, the tickets an SLA filter picks)."""

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from crm_desktop.ui.common.worker import Worker


class Refresher(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    busyChanged = Signal()

    def __init__(self, job: Callable[[], object], parent=None):
        super().__init__(parent)
        self._job = job
        self._worker: Worker | None = None
        self._again = False

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def refresh(self) -> None:
        if self._worker is not None:
            self._again = True
            return
        self._worker = Worker(lambda _report: self._job(), self)
        self._worker.succeeded.connect(self._on_succeeded)
        self._worker.failed.connect(self._on_failed)
        self._worker.start()
        self.busyChanged.emit()

    def shutdown(self) -> None:
        self._again = False
        if self._worker is not None:
            self._worker.wait()

    def _on_succeeded(self, result) -> None:
        self._finished()
        self.succeeded.emit(result)

    def _on_failed(self, exc) -> None:
        self._finished()
        self.failed.emit(exc)

    def _finished(self) -> None:
        self._worker = None
        if self._again:
            self._again = False
            self.refresh()
        self.busyChanged.emit()
