"""Run in a fresh process by bench/run.py: prints milliseconds from start to a painted window.

    window_probe.py window DB   the app's main window on DB, contacts tab with rows
    window_probe.py bare        a QMainWindow with a QTableView over 50 static rows (the baseline)
    window_probe.py search DB Q…  per query: Enter in contactSearch to the new rows painted (ms, one
                                a line), then the peak resident memory (MB) on the last line
    window_probe.py responsive DB the window opened on its dashboard: ms until the dashboard's
                                workers are done, then the event loop's lateness (ms) p95 and max
                                while they computed, then the same two for as long afterwards (idle)
"""

import sys
import time

START = time.perf_counter()


def painted(window, app) -> None:
    """Show the window and wait until the platform has exposed it, then paint it synchronously:
    repaint() of a window not yet exposed paints nothing."""
    from PySide6.QtTest import QTest

    window.show()
    if not QTest.qWaitForWindowExposed(window):
        raise RuntimeError("the window was never exposed")
    window.repaint()  # paints synchronously, with whatever rows the window shows


class PaintCounter:
    """Counts the paint events a widget receives, so a timing can prove it painted."""

    def __init__(self, widget):
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj, event):  # noqa: N802 (Qt's name)
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def closed(window) -> None:
    """Close the window and quit the application the way the app does, so that aboutToQuit waits
    for background work still running (the dashboard's figures at a million contacts): a process
    that simply exits would destroy running threads."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    window.close()
    app = QApplication.instance()
    QTimer.singleShot(0, app.quit)
    app.exec()


def search(db: str, queries: list[str]) -> None:
    """Type each query and press Enter, as a user does; time until the table has repainted."""
    import resource

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from crm_desktop.app import open_main_window

    window = open_main_window(db)
    window.tabs.setCurrentWidget(window.contacts)
    app = window.contacts
    page = window.contacts.page
    if not QTest.qWaitForWindowExposed(window):
        raise RuntimeError("the window was never exposed")
    paints = PaintCounter(page.table.viewport())
    page.table.viewport().repaint()
    for query in queries:
        page.search.setText(query)  # the debounce timer is stopped by Enter
        before = paints.count
        start = time.perf_counter()
        QTest.keyClick(page.search, Qt.Key.Key_Return)
        page.table.viewport().repaint()
        elapsed = time.perf_counter() - start
        if paints.count == before:
            raise RuntimeError(f"the table did not paint after searching {query!r}")
        print(f"{elapsed * 1000:.2f}", flush=True)
    del app
    print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}", flush=True)
    closed(window)


TICK_MS = 10


def lateness_while(app, busy, timeout_s: float) -> list[float]:
    """Milliseconds each 10 ms timer fired late, while busy() holds (at most timeout_s): how long a
    click or a key press would wait for the GUI thread."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    late, clock, loop = [], QElapsedTimer(), QEventLoop()
    clock.start()
    due = [TICK_MS]

    def tick():
        late.append(max(0.0, clock.nsecsElapsed() / 1e6 - due[0]))
        if busy() and clock.elapsed() < timeout_s * 1000:
            due[0] = clock.nsecsElapsed() / 1e6 + TICK_MS
            QTimer.singleShot(TICK_MS, tick)
        else:
            loop.quit()

    QTimer.singleShot(TICK_MS, tick)
    loop.exec()
    return late


def responsive(db: str) -> None:
    """The app opened on its dashboard over a big database: is the window answering while the
    dashboard's four workers compute?"""
    import statistics

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from crm_desktop.app import open_main_window

    window = open_main_window(db)
    app = QApplication.instance()
    if not QTest.qWaitForWindowExposed(window):
        raise RuntimeError("the window was never exposed")
    dashboard = window.dashboard
    deadline = time.perf_counter() + 5
    while dashboard.updating.isHidden() and time.perf_counter() < deadline:  # until the workers start
        app.processEvents()
    start = time.perf_counter()
    busy = lateness_while(app, lambda: not dashboard.updating.isHidden(), 600)
    seconds = time.perf_counter() - start
    if not dashboard.updating.isHidden():
        raise RuntimeError("the dashboard did not finish within 600 s")
    idle = lateness_while(app, lambda: True, seconds)

    def p95(v):
        return statistics.quantiles(v, n=20)[-1] if len(v) > 1 else v[0]

    print(f"{seconds * 1000:.0f}\n{p95(busy):.2f}\n{max(busy):.2f}\n{p95(idle):.2f}\n{max(idle):.2f}", flush=True)
    closed(window)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    if sys.argv[1] == "search":
        search(sys.argv[2], sys.argv[3:])
        return
    if sys.argv[1] == "responsive":
        responsive(sys.argv[2])
        return
    if sys.argv[1] == "window":
        from crm_desktop.app import open_main_window

        window = open_main_window(sys.argv[2])
        window.tabs.setCurrentWidget(window.contacts)
        assert window.contacts.model.rowCount() > 0
        app = QApplication.instance()
        paints = PaintCounter(window.contacts.page.table.viewport())
    else:
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QMainWindow, QTableView

        app = QApplication([])
        window = QMainWindow()
        model = QStandardItemModel(50, 5)
        for row in range(50):
            for col in range(5):
                model.setItem(row, col, QStandardItem(f"{row}:{col}"))
        table = QTableView()
        table.setModel(model)
        window.setCentralWidget(table)
    painted(window, app)
    elapsed = time.perf_counter() - START
    if sys.argv[1] == "window" and not paints.count:
        raise RuntimeError("the contacts table did not paint")
    print(f"{elapsed * 1000:.1f}", flush=True)
    closed(window)


if __name__ == "__main__":
    main()
