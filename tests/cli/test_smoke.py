"""`crm-desktop smoke-test` starts the real window in a fresh process and visits every tab."""

import os
import subprocess
import sys


def test_smoke_test_opens_every_tab_on_a_new_database(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    db = tmp_path / "shop.sqlite3"
    out = subprocess.run([sys.executable, "-m", "crm_desktop", "--db", str(db), "smoke-test"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "first paint after" in out.stdout
    lines = out.stdout.splitlines()  # the frame paints first, then the tabs are built and read
    assert lines[0].startswith("painted after") and lines[1].startswith("ready after")
    assert int(lines[0].split()[2]) <= int(lines[1].split()[2])
    assert "dashboardTab, contactsTab, calendarTab, ticketsTab, loyaltyTab" in out.stdout
    assert db.exists()  # the database given was opened (and created)


def test_smoke_test_without_a_database_leaves_no_files_behind(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CRM_DATA_DIR"] = str(tmp_path / "data")
    out = subprocess.run([sys.executable, "-m", "crm_desktop", "smoke-test"], env=env, capture_output=True,
                         text=True, timeout=120, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert not (tmp_path / "data").exists() or not any((tmp_path / "data").iterdir())
