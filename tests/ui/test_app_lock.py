"""One running app per data folder."""

import subprocess
import sys
import textwrap

from crm_desktop.app import lock_data_folder


def test_second_lock_on_the_same_folder_is_refused_across_processes(tmp_path):
    db = tmp_path / "crm.sqlite3"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, time
        from crm_desktop.app import lock_data_folder
        lock = lock_data_folder({str(db)!r})
        print("locked" if lock else "refused", flush=True)
        sys.stdin.readline()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert lock_data_folder(db) is None
        assert lock_data_folder(tmp_path / "other" / "crm.sqlite3") is not None
    finally:
        holder.communicate("\\n", timeout=30)
    assert lock_data_folder(db) is not None  # released when the other process ended


def test_server_databases_need_no_lock():
    assert lock_data_folder("postgresql+psycopg://u@localhost/crm") is not None
