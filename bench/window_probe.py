"""Run in a fresh process by bench/run.py: prints milliseconds from start to a painted window.

    window_probe.py window DB   the app's main window on DB, contacts tab with rows
    window_probe.py bare        a QMainWindow with a QTableView over 50 static rows (the baseline)
    window_probe.py search DB Q…  per query: Enter in contactSearch to the new rows painted (ms, one
                                a line), then the peak resident memory (MB) on the last line
"""

import sys
import time

START = time.perf_counter()


def painted(window, app) -> None:
    window.show()
    app.processEvents()
    window.repaint()  # paints synchronously, with whatever rows the window shows


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
    page.table.viewport().repaint()
    for query in queries:
        page.search.setText(query)  # the debounce timer is stopped by Enter
        start = time.perf_counter()
        QTest.keyClick(page.search, Qt.Key.Key_Return)
        page.table.viewport().repaint()
        print(f"{(time.perf_counter() - start) * 1000:.2f}", flush=True)
    del app
    print(f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}", flush=True)
    closed(window)


def main() -> None:
    from PySide6.QtWidgets import QApplication

    if sys.argv[1] == "search":
        search(sys.argv[2], sys.argv[3:])
        return
    if sys.argv[1] == "window":
        from crm_desktop.app import open_main_window

        window = open_main_window(sys.argv[2])
        window.tabs.setCurrentWidget(window.contacts)
        assert window.contacts.model.rowCount() > 0
        app = QApplication.instance()
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
    print(f"{(time.perf_counter() - START) * 1000:.1f}", flush=True)
    closed(window)


if __name__ == "__main__":
    main()
