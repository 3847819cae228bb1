"""`crm-desktop smoke-test`: prove that this build starts.

Opens the main window on the given database (or a new one in a temporary folder) as the desktop
app does, visits every tab and paints it, and prints how long the window's first paint took and
when it was ready (its tabs built and the first one read), counted from when the program's code
began to run. It runs on the offscreen platform when no screen is set, so CI can run it on a frozen
executable.
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
    """As the desktop app: the frame painted (timed: "painted after"), then the database opened in
    it and its first tab read ("ready after"), then every tab visited."""
    from PySide6.QtCore import QSettings

    from crm_desktop.app import ensure_qapplication, show_frame
    from crm_desktop.ui.i18n import Translators
    from crm_desktop.ui.settings import Settings

    app = ensure_qapplication()
    settings = Settings(QSettings(str(Path(os.environ["CRM_DATA_DIR"]) / "smoke.ini"), QSettings.Format.IniFormat))
    translators = Translators()
    frame = show_frame(db, settings, translators)
    first_paint = _since_start()
    print(f"painted after {first_paint:.0f} ms", flush=True)  # at once: bench/startup.py times this line
    window = _fill(frame, db, settings, translators)
    window.load()
    app.processEvents()
    window.repaint()
    ready = _since_start()
    print(f"ready after {ready:.0f} ms", flush=True)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        window.repaint()
    names = [window.tabs.widget(i).objectName() for i in range(window.tabs.count())]
    window.close()
    print(f"smoke test passed: first paint after {first_paint:.0f} ms, ready after {ready:.0f} ms; tabs {', '.join(names)}")
    return 0


def _fill(frame, db: str, settings, translators):
    from crm_desktop.controller import AppController
    from crm_desktop.unlock import unlock_database

    unlock_database(db, os.environ.get("CRM_PASSPHRASE"))
    controller = AppController(settings=settings, translators=translators)
    return controller.open(db, user=os.environ.get("CRM_USER"), password=os.environ.get("CRM_PASSWORD"), frame=frame)


def _since_start() -> float:
    return (time.perf_counter() - STARTED) * 1000
