"""Long work runs off the GUI thread, reports progress, can be cancelled, and ends cleanly."""

import threading

import pytest

from crm_desktop.ui.common.worker import Cancelled, Worker


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
