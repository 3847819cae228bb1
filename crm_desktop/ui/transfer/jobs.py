"""The background jobs of one dialog: started through one helper, waited for when it closes.

A Worker's thread must not outlive the dialog that owns it, and an answer that arrives after a
newer request (the user picked another encoding while the file was still being read) must not
overwrite the newer one: each job carries a ticket and only the latest ticket's answer counts.
"""

from collections.abc import Callable

from PySide6.QtCore import QObject

from crm_desktop.ui.common.worker import Worker


class Jobs(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._running: dict[Worker, str] = {}
        self._latest: dict[str, int] = {}

    def start(self, kind: str, fn: Callable, done: Callable[[object], None],
              failed: Callable[[BaseException], None],
              progress: Callable[[int, int], None] | None = None) -> Worker:
        """Run `fn(report)`; `done`/`failed` are called only if no newer job of `kind` was started."""
        ticket = self._latest[kind] = self._latest.get(kind, 0) + 1
        current = lambda: self._latest.get(kind) == ticket  # noqa: E731
        worker = Worker(fn, self)
        worker.succeeded.connect(lambda result: current() and done(result))
        worker.failed.connect(lambda exc: current() and failed(exc))
        if progress is not None:
            worker.progress.connect(lambda d, t: current() and progress(d, t))
        worker.finished.connect(lambda: self._on_worker_finished(worker))
        self._running[worker] = kind
        worker.start()
        return worker

    def busy(self, kind: str | None = None) -> bool:
        return bool(self._running) if kind is None else kind in self._running.values()

    def forget(self, kind: str) -> None:
        """Ignore the answer of the running job of `kind` (its request is void)."""
        self._latest[kind] = self._latest.get(kind, 0) + 1

    def cancel_all(self) -> None:
        for worker in self._running:
            worker.cancel()

    def wait_all(self) -> None:
        for worker in list(self._running):
            worker.wait()

    def _on_worker_finished(self, worker: Worker) -> None:
        self._running.pop(worker, None)
        worker.deleteLater()
