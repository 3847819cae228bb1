"""`crm-desktop smoke-test`: prove that this build starts.

Opens the main window on the given database (or a new one in a temporary folder), waits until it
has painted, visits every tab and paints it, and prints how long the first paint took, counted from when the program's code began to run. It runs
on the offscreen platform when no screen is set, so CI can run it on a frozen executable.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

from crm_desktop import STARTED


def smoke_test(db: str | None) -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="crm-smoke-") as folder:
        os.environ["CRM_DATA_DIR"] = folder  # the lock, settings and backups stay out of the user's data
        return _run(db or str(Path(folder) / "smoke.sqlite3"))


def _run(db: str) -> int:
    from PySide6.QtCore import QSettings

    from crm_desktop.app import ensure_qapplication, open_main_window
    from crm_desktop.ui.settings import Settings

    app = ensure_qapplication()
    settings = Settings(QSettings(str(Path(os.environ["CRM_DATA_DIR"]) / "smoke.ini"), QSettings.Format.IniFormat))
    window = open_main_window(db, settings=settings, load=False)  # as the app: painted, then read
    window.repaint()
    first_paint = (time.perf_counter() - STARTED) * 1000
    print(f"painted after {first_paint:.0f} ms", flush=True)  # at once: bench/startup.py times this line
    window.load()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        window.repaint()
    names = [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
    window.close()
    print(f"smoke test passed: first paint after {first_paint:.0f} ms; tabs {', '.join(names)}")
    return 0
