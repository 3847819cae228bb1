"""Long work runs off the GUI thread, reports progress, can be cancelled, and ends cleanly."""

import os
import sys
import threading

import pytest

from crm_desktop.ui.common.worker import BACKGROUND_NICE, Cancelled, Worker


def test_result_arrives_as_a_signal_from_another_thread(qtbot):
    seen = {}

    def job(report):
        seen["thread"] = threading.current_thread()
        report(1, 2)
        return 42

    worker = Worker(job)
    with qtbot.waitSignal(worker.succeeded, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [42]
    assert seen["thread"] is not threading.main_thread()
    assert worker.wait(5000)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread nice values are Linux's")
def test_a_job_runs_below_the_gui_threads_priority(qtbot):
    """The GUI thread keeps its priority and the job's thread yields to it, so searching and
    scrolling stay quick while the dashboard computes."""
    gui_nice = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    def job(_report):
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    worker = Worker(job)
    with qtbot.waitSignal(worker.succeeded, timeout=5000) as blocker:
        worker.start()
    assert blocker.args[0] >= max(gui_nice, BACKGROUND_NICE)
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == gui_nice


def test_cancel_stops_at_the_next_progress_report(qtbot):
    started = threading.Event()
    release = threading.Event()

    def job(report):
        started.set()
        release.wait(5)
        report(1, 10)
        return "finished"

    worker = Worker(job)
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.start()
        started.wait(5)
        worker.cancel()
        release.set()
    assert isinstance(blocker.args[0], Cancelled)


@pytest.mark.parametrize("error", [ValueError("bad"), RuntimeError("bug")])
def test_errors_are_delivered_not_lost(qtbot, error):
    def job(report):
        raise error

    worker = Worker(job)
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.start()
    assert blocker.args == [error]
    assert worker.wait(5000)


def test_a_worker_deleted_with_its_parent_while_running_does_not_end_the_process(tmp_path):
    """A dialog closed while its worker runs deletes the worker with it; the job's thread must
    live on until the job is done (a destroyed running QThread aborts the whole app)."""
    import os
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import gc, threading
        import shiboken6
        from PySide6.QtCore import QCoreApplication, QObject
        from crm_desktop.ui.common.worker import Worker
        app = QCoreApplication([])
        done = []
        for _ in range(10):
            parent, release = QObject(), threading.Event()
            Worker(lambda report, r=release: (r.wait(5), done.append(1)), parent).start()
            shiboken6.delete(parent)  # the worker goes with it, its job still running
            del parent
            gc.collect()
            app.processEvents()
            release.set()
        Worker(lambda report: None).start()  # finished threads are let go here
        app.aboutToQuit.emit()  # what quitting does: the rest are waited for
        print("jobs done", len(done))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "jobs done 10"


def test_a_job_asked_to_start_while_the_app_quits_does_not_start(tmp_path):
    """A timer due in the turn of the event loop that quits (a background check a second after
    opening, the window closed at once) must not start a thread the exiting process would destroy
    running (which aborts it). The application is made as the app makes it and no job has
    started before: the refusal rests on `ensure_qapplication` hooking the quit, not on an
    earlier job having done so."""
    import os
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import threading, time
        from PySide6.QtCore import QObject, QTimer
        from crm_desktop.app import ensure_qapplication
        from crm_desktop.ui.common.worker import Worker
        app = ensure_qapplication()
        owner = QObject()  # the controller or window a background job belongs to
        asked, ran = [], threading.Event()
        def check_later():  # as the app starts its deferred jobs: Worker(fn, owner).start()
            asked.append(1)
            Worker(lambda report: (ran.set(), time.sleep(3)), owner).start()
        QTimer.singleShot(0, app.quit)  # quitting emits aboutToQuit at once ...
        QTimer.singleShot(0, check_later)  # ... and this timer still fires in the same turn
        app.exec()
        print("asked", len(asked), "started", ran.wait(1))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.strip() == "asked 1 started False", (out.stdout, out.stderr)
    assert out.returncode == 0, out.stderr
