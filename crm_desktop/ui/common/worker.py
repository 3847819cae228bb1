"""Long work off the GUI thread, with progress, Cancel, and the result delivered as a signal.

Every job runs at a lower priority than the GUI thread, so that the window answers at once while
the dashboard's figures or a reminder scan use the rest of the machine: when the GUI thread has
nothing to do, the jobs get the whole CPU. Qt's thread priorities do nothing under Linux's default
scheduler, so there a job also lowers its own thread's nice value (per thread on Linux).
"""

import os
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

BACKGROUND_NICE = 10  # a nice-10 thread gets about a tenth of a core a nice-0 thread also wants


def yield_to_gui() -> None:
    """Lower the calling thread's scheduling priority where Qt's QThread priority does not."""
    if sys.platform.startswith("linux"):
        try:
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), BACKGROUND_NICE))
        except OSError:  # not permitted in some sandboxes: the job simply runs at normal priority
            pass


class Cancelled(Exception):
    """Raised inside the work function when the user pressed Cancel."""


class _Job(QObject):
    progress = Signal(int, int)  # done, total
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable):
        super().__init__()
        self._fn = fn
        self.cancel_requested = False

    @Slot()
    def run(self) -> None:
        yield_to_gui()
        try:
            result = self._fn(self._report)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread as a signal
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            QThread.currentThread().quit()  # the thread ends with its one job

    def _report(self, done: int, total: int) -> None:
        if self.cancel_requested:
            raise Cancelled()
        self.progress.emit(done, total)


# Every started job's thread, kept until it has finished, whatever becomes of its Worker: a Worker
# deleted with its parent (a dialog closed, a window gone) while its job runs would otherwise take
# the running QThread with it, which aborts the process ("QThread: Destroyed while thread is still
# running"). Finished ones are let go on the GUI thread when the next job starts.
_running: list[tuple[QThread, _Job]] = []
_quit_hooked: list[QCoreApplication] = []  # the application whose aboutToQuit stops them
_quitting: list[QCoreApplication] = []  # the application quitting: no job starts any more


def watch_application(app: QCoreApplication) -> None:
    """Stop and wait for the jobs when `app` quits, and start none after: called as the app is
    made, so that a job asked to start in the very turn of the event loop that quits (a timer
    due then) is refused even when no job had started before."""
    if app not in _quit_hooked:
        app.aboutToQuit.connect(_stop_all)
        _quit_hooked[:] = [app]


def _keep_until_finished(thread: QThread, job: _Job) -> None:
    app = QCoreApplication.instance()
    if app is not None:
        watch_application(app)
    _running[:] = [(t, j) for t, j in _running if not t.isFinished()]
    _running.append((thread, job))


def _stop_all() -> None:
    """The app quits: ask every job still running to cancel, and wait for it; a job asked to start
    from now on (a timer due in the same turn of the event loop) does not."""
    _quitting[:] = [QCoreApplication.instance()]
    for thread, job in _running:
        job.cancel_requested = True
        thread.wait()
    _running.clear()


class Worker(QObject):
    """Runs `fn(report)` in a thread; `report(done, total)` raises Cancelled after cancel()."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, fn: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self._thread = QThread()
        self._job = _Job(fn)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progress.connect(self.progress)
        self._job.succeeded.connect(self._on_job_succeeded)
        self._job.failed.connect(self._on_job_failed)

    def start(self) -> None:
        if QCoreApplication.instance() in _quitting:  # its thread would outlive the application
            return
        _keep_until_finished(self._thread, self._job)
        self._thread.start(QThread.Priority.LowPriority)

    def cancel(self) -> None:
        self._job.cancel_requested = True

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, ms: int = 30_000) -> bool:
        return self._thread.wait(ms)

    def _finish(self) -> None:
        self._thread.quit()
        self._thread.wait()
        self.finished.emit()

    def _on_job_succeeded(self, result) -> None:
        self._finish()
        self.succeeded.emit(result)

    def _on_job_failed(self, exc) -> None:
        self._finish()
        self.failed.emit(exc)
